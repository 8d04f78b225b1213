"""Backup and restore of the site's database and media (``manage.py backup`` / ``restore``).

A backup is one folder: the database in its engine's own format (SQLite's online
backup API, ``pg_dump -Fc`` for PostgreSQL: both copy a consistent snapshot while
the site runs, and carry the full-text tables that ``dumpdata`` would miss), the
media folder as a tar archive, and ``manifest.json`` with checksums. It is written
under a temporary name and renamed at the end, so a folder with a manifest is a
whole backup. Restore checks every checksum before it touches anything, restores
PostgreSQL in one transaction, and swaps the media folder in by renaming.
"""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.db import connections

MANIFEST = "manifest.json"
MEDIA_ARCHIVE = "media.tar.gz"
DUMPS = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}


class BackupError(Exception):
    """A backup or restore that cannot go on; the message is for the operator."""


def create_backup(output_dir, using="default"):
    """Write a complete backup folder inside ``output_dir`` and return its path."""
    connection = connections[using]
    vendor = connection.vendor
    if vendor not in DUMPS:
        raise BackupError(f"Không hỗ trợ sao lưu cơ sở dữ liệu {vendor}.")
    output_dir = Path(output_dir)
    output_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    final = output_dir / f"exemplars-{stamp}"
    if final.exists():
        raise BackupError(f"Đã có bản sao lưu {final}; chờ một giây rồi chạy lại.")
    work = Path(tempfile.mkdtemp(prefix=f".{final.name}-", dir=output_dir))
    try:
        dump = work / DUMPS[vendor]
        if vendor == "sqlite":
            _sqlite_backup(connection, dump)
        else:
            _run("pg_dump", connection, "--format=custom", "--no-owner", "--file", str(dump))
        _tar_media(work / MEDIA_ARCHIVE)
        files = {p.name: _sha256(p) for p in (dump, work / MEDIA_ARCHIVE)}
        manifest = {
            "format": 1,
            "created": datetime.now(UTC).isoformat(timespec="seconds"),
            "vendor": vendor,
            "files": files,
        }
        (work / MANIFEST).write_text(json.dumps(manifest, indent=2), encoding="utf-8")
        work.rename(final)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return final


def restore_backup(backup_dir, using="default"):
    """Replace the database and media with those of ``backup_dir``."""
    backup_dir = Path(backup_dir)
    manifest = _read_manifest(backup_dir)
    connection = connections[using]
    if manifest["vendor"] != connection.vendor:
        raise BackupError(
            f"Bản sao lưu là của {manifest['vendor']}, còn cơ sở dữ liệu hiện tại là "
            f"{connection.vendor}: không thể khôi phục chéo."
        )
    for name, digest in manifest["files"].items():
        path = backup_dir / name
        if not path.is_file() or _sha256(path) != digest:
            raise BackupError(f"Tệp {path} bị thiếu hoặc hỏng (sai mã kiểm tra): không khôi phục.")
    # Unpack first: a broken archive must fail before the database is replaced.
    media_root = Path(settings.MEDIA_ROOT)
    media_root.parent.mkdir(parents=True, exist_ok=True)
    staged = Path(tempfile.mkdtemp(prefix=".media-restore-", dir=media_root.parent))
    try:
        with tarfile.open(backup_dir / MEDIA_ARCHIVE) as archive:
            archive.extractall(staged, filter="data")
        dump = backup_dir / DUMPS[connection.vendor]
        if connection.vendor == "sqlite":
            _sqlite_restore(connection, dump)
        else:
            connection.close()
            # One transaction: a restore that fails leaves the database as it was.
            _run(
                "pg_restore",
                connection,
                "--clean",
                "--if-exists",
                "--no-owner",
                "--single-transaction",
                str(dump),
            )
        _swap_in(staged, media_root)
    finally:
        shutil.rmtree(staged, ignore_errors=True)
    # Pages cached before the restore show content that no longer exists.
    for alias in settings.CACHES:
        caches[alias].clear()
    return manifest


def _sqlite_backup(connection, target):
    connection.ensure_connection()
    with sqlite3.connect(target) as destination:
        connection.connection.backup(destination)
    destination.close()


def _sqlite_restore(connection, source):
    connection.ensure_connection()
    if connection.in_atomic_block:
        raise BackupError("Không thể khôi phục bên trong một giao dịch đang mở.")
    with sqlite3.connect(source) as origin:
        origin.backup(connection.connection)
    origin.close()


def _run(program, connection, *args):
    """Run pg_dump or pg_restore on the connection's database, the password in the environment."""
    params = connection.settings_dict
    command = [program]
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if params.get(key):
            command += [flag, str(params[key])]
    command += ["--dbname", params["NAME"], *args]
    env = dict(os.environ)
    if params.get("PASSWORD"):
        env["PGPASSWORD"] = params["PASSWORD"]
    try:
        result = subprocess.run(command, env=env, capture_output=True, text=True)
    except FileNotFoundError:
        raise BackupError(
            f"Không tìm thấy {program}: cài gói postgresql-client cùng phiên bản máy chủ."
        ) from None
    if result.returncode != 0:
        raise BackupError(f"{program} thất bại: {result.stderr.strip()}")


def _tar_media(target):
    media_root = Path(settings.MEDIA_ROOT)
    with tarfile.open(target, "w:gz") as archive:
        if media_root.is_dir():
            for child in sorted(media_root.iterdir()):
                archive.add(child, arcname=child.name)


def _swap_in(staged, media_root):
    """Put the unpacked media in place of the live folder with renames, not copies."""
    staged.chmod(0o755)
    old = media_root.with_name(f".{media_root.name}-before-restore")
    shutil.rmtree(old, ignore_errors=True)
    try:
        if media_root.exists():
            media_root.rename(old)
        staged.rename(media_root)
    except OSError:
        # MEDIA_ROOT is a mount point (a volume): replace its contents instead.
        media_root.mkdir(parents=True, exist_ok=True)
        for child in media_root.iterdir():
            shutil.rmtree(child) if child.is_dir() else child.unlink()
        for child in staged.iterdir():
            shutil.move(child, media_root / child.name)
    shutil.rmtree(old, ignore_errors=True)


def _read_manifest(backup_dir):
    try:
        manifest = json.loads((backup_dir / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BackupError(
            f"{backup_dir} không phải là một bản sao lưu hoàn chỉnh (thiếu {MANIFEST})."
        ) from None
    except (OSError, ValueError) as exc:
        raise BackupError(f"Không đọc được {backup_dir / MANIFEST}: {exc}") from None
    if manifest.get("format") != 1 or manifest.get("vendor") not in DUMPS:
        raise BackupError(f"{backup_dir / MANIFEST} không đúng định dạng sao lưu.")
    return manifest


def _sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()
