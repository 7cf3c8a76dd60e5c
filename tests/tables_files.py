"""Real input files for the tables and `chitieu evaluate` tests: CSV as Excel writes it, XLSX
through openpyxl, JSON as a list of objects."""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook

Rows = Sequence[Sequence[Any]]


def write_csv(path: Path, rows: Rows, *, delimiter: str = ";", bom: bool = True) -> Path:
    with path.open("w", encoding="utf-8-sig" if bom else "utf-8", newline="") as handle:
        csv.writer(handle, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return path


def write_xlsx(path: Path, rows: Rows, *, formats: dict[str, str] | None = None) -> Path:
    """`formats` maps a cell ("E2") to a number format ("0.0%")."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in rows:
        sheet.append(list(row))
    for ref, number_format in (formats or {}).items():
        sheet[ref].number_format = number_format
    workbook.save(path)
    return path


def write_json(path: Path, items: Any) -> Path:
    path.write_text(json.dumps(items, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


TARGET_HEADER = ["Mã", "Chỉ tiêu", "Lĩnh vực", "So sánh", "Giá trị", "ĐVT", "Kỳ"]
TARGETS = [
    TARGET_HEADER,
    ["KT01", "Tổng giá trị sản xuất", "Kinh tế", ">=", "9.484", "tỷ đồng", "2024"],
    ["KT02", "Tổng chi ngân sách", "Kinh tế", ">=", "640,706", "tỷ đồng", "2024"],
    ["VH01", "Tỷ lệ hộ nghèo", "Văn hóa – xã hội", "<=", "0,63", "%", "2024"],
    ["VH02", "Giải quyết việc làm", "Văn hóa – xã hội", ">=", "870", "lao động", "2024"],
]
RESULT_HEADER = ["Mã", "Kỳ", "Thực hiện", "ĐVT", "Ước tính"]
RESULTS = [
    RESULT_HEADER,
    ["KT01", "2024", "9.500", "tỷ đồng", "x"],
    ["KT02", "2024", "600,5", "tỷ đồng", ""],
    ["VH01", "2024", "0,63", "%", ""],
]
