"""Limits on input files, checked before any parser opens them.

A resolution or a results table is at most a few megabytes. A file far larger, or a ZIP
container (XLSX, DOCX) that would unpack to far more than it weighs, is an accident or an
attack (a "zip bomb"); parsers would spend minutes and gigabytes on it. The checks read only
the file size and the ZIP directory, never the content.

Each check returns a Vietnamese reason, or None when the file may be read.
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

# Overridable through the environment for an office with unusually large files.
MAX_FILE_BYTES = int(os.environ.get("CHITIEU_MAX_FILE_BYTES", 20 * 1024 * 1024))
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024
# Office XML compresses 5-20x; a few hundred is only reached by repeated filler.
MAX_RATIO = 100
# The ratio rule applies from this size up, so that tiny, very compressible parts pass.
RATIO_FLOOR_BYTES = 10 * 1024 * 1024
MAX_MEMBERS = 10_000

ZIP_SUFFIXES = frozenset({".xlsx", ".xlsm", ".docx"})


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MB".replace(".", ",")


def size_problem(path: Path, limit: int | None = None) -> str | None:
    """A reason if the file is larger than `limit` bytes (MAX_FILE_BYTES by default)."""
    limit = MAX_FILE_BYTES if limit is None else limit
    try:
        size = path.stat().st_size
    except OSError:
        return None  # the caller reports a missing or unreadable file in its own words
    if size > limit:
        return f"tệp quá lớn ({_mb(size)}; tối đa {_mb(limit)})"
    return None


def zip_problem(path: Path) -> str | None:
    """A reason if a ZIP container would unpack to too much (by its declared sizes).

    Declared sizes can be trusted: Python's zipfile stops reading a member at its declared
    size. A file that is not a ZIP at all is left to the parser, which has its own message."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return None
    if len(members) > MAX_MEMBERS:
        return f"tệp nén chứa quá nhiều phần ({len(members)}; tối đa {MAX_MEMBERS})"
    unpacked = sum(m.file_size for m in members)
    packed = sum(m.compress_size for m in members) or 1
    if unpacked > MAX_UNZIPPED_BYTES:
        return (
            f"tệp khi giải nén quá lớn ({_mb(unpacked)}; tối đa {_mb(MAX_UNZIPPED_BYTES)}), "
            "có thể là tệp độc hại"
        )
    if unpacked > RATIO_FLOOR_BYTES and unpacked / packed > MAX_RATIO:
        return f"tệp nén bất thường (giải nén gấp {unpacked // packed} lần), có thể là tệp độc hại"
    return None


def file_problem(path: Path) -> str | None:
    """Size, then (for XLSX/DOCX) the ZIP directory."""
    reason = size_problem(path)
    if reason is None and path.suffix.lower() in ZIP_SUFFIXES:
        reason = zip_problem(path)
    return reason
