"""Builders of hostile files shared by the core and the web tests."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from openpyxl import Workbook

# Unpacks to 30 MB from about 30 KB: far past the ratio limit, quick to build.
BOMB_BYTES = 30 * 1024 * 1024


def good_xlsx() -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.append(["STT", "Mã", "Tên chỉ tiêu", "So sánh", "Giá trị", "Đơn vị tính"])
    ws.append([1, "KT01", "tổng thu ngân sách", ">=", 186, "tỷ đồng"])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def good_docx() -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("Tổng thu ngân sách đạt 186 tỷ đồng trở lên.")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def bombed(container: bytes, member: str = "xl/worksheets/sheet1.xml") -> bytes:
    """The container with one member replaced by a huge run of one byte (a zip bomb)."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(container)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target,
    ):
        for item in source.infolist():
            if item.filename == member:
                continue
            target.writestr(item, source.read(item.filename))
        with target.open(member, "w") as stream:
            chunk = b" " * (1024 * 1024)
            for _ in range(BOMB_BYTES // len(chunk)):
                stream.write(chunk)
    return out.getvalue()


def write(tmp: Path, name: str, content: bytes) -> Path:
    path = tmp / name
    path.write_bytes(content)
    return path


SCRIPT_HTML = (
    "<html><head><script>document.write('Tổng thu ngân sách đạt 999 tỷ đồng')</script>"
    "<style>p{}</style></head><body><p>Tổng thu ngân sách đạt 186 tỷ đồng trở lên.</p>"
    "<img src=x onerror=\"alert('Thu nhập bình quân 777 triệu đồng')\"></body></html>"
)
