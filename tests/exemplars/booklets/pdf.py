"""Reading a booklet back with a PDF text extractor (pypdf), as a reader's tool would."""

from __future__ import annotations

import io
import re

from pypdf import PdfReader


def reader(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def page_texts(pdf: bytes) -> list[str]:
    return [page.extract_text() or "" for page in reader(pdf).pages]


def toc_entries(pdf: bytes) -> list[tuple[str, int]]:
    """(title, printed page number) pairs read from the "Mục lục" page."""
    texts = page_texts(pdf)
    toc = next(text for text in texts if "Mục lục" in text)
    entries = []
    for line in toc.splitlines():
        match = re.match(r"^(.*?)[\s.]*?\.{3,}\s*(\d+)\s*$", line.strip())
        if match:
            entries.append((match[1].strip(), int(match[2])))
    return entries


def fonts(pdf: bytes) -> list[tuple[str, bool]]:
    """Every font the pages use, with whether its program is embedded."""
    found = {}
    for page in reader(pdf).pages:
        resources = page.get("/Resources") or {}
        for ref in (resources.get("/Font") or {}).values():
            font = ref.get_object()
            descendants = font.get("/DescendantFonts")
            leaves = [d.get_object() for d in descendants] if descendants else [font]
            for leaf in leaves:
                descriptor = (
                    (leaf.get("/FontDescriptor") or {}).get_object()
                    if leaf.get("/FontDescriptor")
                    else {}
                )
                embedded = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
                found[str(leaf.get("/BaseFont"))] = embedded
    return sorted(found.items())


def images(pdf: bytes) -> list[tuple[int, int]]:
    """Pixel sizes of the images drawn on the pages."""
    sizes = []
    for page in reader(pdf).pages:
        for image in page.images:
            sizes.append(image.image.size)
    return sizes
