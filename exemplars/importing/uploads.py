"""Images of an archive, taken from a local copy of its uploads folder.

A WordPress site keeps every upload under ``wp-content/uploads/<year>/<month>/``
and its export names each by address; an outlet copies that folder next to the
export and passes it as ``--uploads``. An image is looked up by the part of its
address after ``/uploads/`` (else by its file name), stored once as a Wagtail
image (matched by content hash on a re-run) and never fetched over the network.
"""

from __future__ import annotations

import hashlib
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from django.core.files.images import ImageFile
from wagtail.images import get_image_model


class UploadsFolder:
    """Resolves image addresses to files under ``root`` and to Wagtail images."""

    def __init__(self, root: str | Path | None):
        self.root = Path(root).resolve() if root else None
        self._by_name: dict[str, Path] | None = None
        # Files stored since the last commit: a rolled-back item must not leave them behind.
        self.written: list[tuple[object, str]] = []

    def mark(self) -> int:
        return len(self.written)

    def discard(self, mark: int = 0) -> None:
        """Delete the files stored since ``mark``; their rows were rolled back."""
        for storage, name in self.written[mark:]:
            storage.delete(name)
        del self.written[mark:]

    def find(self, src: str) -> Path | None:
        """The file for an image address, or None when the folder does not hold it."""
        if not self.root or not src:
            return None
        path = PurePosixPath(unquote(urlsplit(src).path))
        parts = path.parts
        if "uploads" in parts:
            relative = parts[len(parts) - parts[::-1].index("uploads") :]
            candidate = (self.root / Path(*relative)).resolve() if relative else None
            # Never outside the folder, whatever "../" the address holds.
            if candidate and candidate.is_relative_to(self.root) and candidate.is_file():
                return candidate
        if self._by_name is None:
            self._by_name = {}
            for file in sorted(self.root.rglob("*")):
                if file.is_file():
                    self._by_name.setdefault(file.name, file)
        return self._by_name.get(path.name)

    def image(self, path: Path, title: str):
        """The Wagtail image holding ``path``'s bytes, created on first sight."""
        model = get_image_model()
        data = path.read_bytes()
        digest = hashlib.sha1(data).hexdigest()
        existing = model.objects.filter(file_hash=digest).first()
        if existing is not None:
            return existing
        with path.open("rb") as fh:
            image = model(title=(title or path.stem)[:255], file=ImageFile(fh, name=path.name))
            image.file_hash = digest
            image.save()
        self.written.append((image.file.storage, image.file.name))
        return image
