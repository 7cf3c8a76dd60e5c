"""Files -> raw rows: CSV, XLSX and JSON read into one shape, cells still untyped.

Turning cells into targets and results is `records.py`'s job; here we only find the header,
map it to the documented columns and keep, for every cell, where it came from (row, header as
written, spreadsheet letter) so that a later error can name the place.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from chitieu.filesafety import file_problem
from chitieu.tables.columns import Column
from chitieu.tables.errors import InputError, InputErrors
from chitieu.tables.vocabulary import Vocabulary

# A title or a blank line or two often sits above the header in office files.
HEADER_SEARCH_ROWS = 10


@dataclass(frozen=True)
class Cell:
    value: object  # str, int, float, Decimal, bool, datetime or None, as the file holds it
    header: str  # the header as written in the file
    ref: str | None = None  # spreadsheet column letter, when there is one
    percent_format: bool = False  # an XLSX number shown as a percentage (0,975 -> "97,5%")


@dataclass(frozen=True)
class RawRow:
    number: int  # spreadsheet row, or 1-based object position in a JSON list
    cells: dict[str, Cell]  # by Column.field; absent when the file has no such column

    def get(self, field_name: str) -> Cell | None:
        return self.cells.get(field_name)


@dataclass
class RawTable:
    file: str
    rows: list[RawRow] = field(default_factory=list)
    row_label: str = "dòng"  # "mục" for the objects of a JSON list


def read_table(path: Path, columns: tuple[Column, ...], headers: Vocabulary[Column]) -> RawTable:
    """Read a CSV, XLSX or JSON file; raise InputErrors for a file that cannot be read."""
    name = str(path)
    suffix = path.suffix.lower()
    if not path.is_file():
        _fail(name, "not_found", "không tìm thấy tệp")
    too_big = file_problem(path)  # size and zip-bomb limits, before any parser opens it
    if too_big is not None:
        _fail(name, "too_large", too_big)
    if suffix == ".xls":
        _fail(name, "bad_format", "định dạng .xls cũ không được hỗ trợ; hãy lưu lại thành .xlsx")
    if suffix in {".xlsx", ".xlsm"}:
        grid = _xlsx_grid(path, name)
        return _grid_to_table(name, grid, columns, headers)
    if suffix in {".csv", ".txt"}:
        grid = _csv_grid(path, name)
        return _grid_to_table(name, grid, columns, headers, csv_file=True)
    if suffix == ".json":
        return _json_table(path, name, columns, headers)
    _fail(name, "bad_format", "chỉ đọc được tệp .csv, .xlsx hoặc .json")
    raise AssertionError("unreachable")  # pragma: no cover


def _fail(name: str, code: str, message: str, row: int | None = None) -> None:
    raise InputErrors([InputError(name, code, message, row=row)])


# --- grids: CSV and XLSX become rows of (value, ref, percent_format) ------------------------

GridCell = tuple[object, str | None, bool]
Grid = list[tuple[int, list[GridCell]]]


def _csv_grid(path: Path, name: str) -> Grid:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")  # Excel's "CSV UTF-8" starts with a BOM
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        _fail(
            name,
            "bad_encoding",
            "tệp không phải mã UTF-8; trong Excel hãy chọn Lưu thành → CSV UTF-8",
            row=line,
        )
        raise AssertionError("unreachable") from exc  # pragma: no cover
    if "\x00" in text:
        _fail(name, "bad_file", "tệp chứa ký tự NUL, không phải tệp CSV văn bản")
    delimiter = sniff_delimiter(text)
    grid: Grid = []
    try:
        for index, record in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), 1):
            grid.append((index, [(v, None, False) for v in record]))
    except csv.Error as exc:
        _fail(name, "bad_file", f"tệp CSV hỏng: {exc}")
    return grid


def sniff_delimiter(text: str) -> str:
    """ "," or ";" (or a tab), from the first non-empty line: a header holds no numbers, so
    decimal commas cannot fool the count there. Vietnamese Excel writes ";"."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    unquoted = re.sub(r'"[^"]*"', "", first)
    counts = {d: unquoted.count(d) for d in (";", ",", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] > 0 else ","


_QUOTED_FORMAT = re.compile(r'"[^"]*"|\\.')


def _is_percent_format(number_format: str | None) -> bool:
    """'0.0%' scales the stored number by 100 for display; '0.0"%"' only prints a sign."""
    return bool(number_format) and "%" in _QUOTED_FORMAT.sub("", number_format or "")


def _xlsx_grid(path: Path, name: str) -> Grid:
    from openpyxl import load_workbook  # imported here: only XLSX inputs pay for it
    from openpyxl.utils import get_column_letter

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception:  # openpyxl raises zip, XML and key errors alike for a broken file
        _fail(name, "bad_file", "không phải tệp Excel .xlsx hợp lệ (tệp hỏng hoặc sai định dạng)")
        raise AssertionError("unreachable") from None  # pragma: no cover
    try:
        if not workbook.worksheets:
            _fail(name, "bad_file", "tệp Excel không có trang tính nào")
        sheet = workbook.worksheets[0]
        if hasattr(sheet, "reset_dimensions"):
            sheet.reset_dimensions()  # files from other tools may declare a wrong size
        grid: Grid = []
        for index, row in enumerate(sheet.iter_rows(), 1):
            cells: list[GridCell] = []
            for col, cell in enumerate(row, 1):
                value = cell.value
                percent = isinstance(value, int | float) and _is_percent_format(
                    getattr(cell, "number_format", None)
                )
                cells.append((value, get_column_letter(col), percent))
            grid.append((index, cells))
        if any(v is None for _, cells in grid for v, _, _ in cells):
            _mark_uncomputed_formulas(path, grid)
        return grid
    except InputErrors:
        raise
    except Exception:
        _fail(name, "bad_file", "không đọc được nội dung tệp Excel (tệp hỏng)")
        raise AssertionError("unreachable") from None  # pragma: no cover
    finally:
        workbook.close()


class _Uncomputed:
    """A formula cell saved without its value (written by a program, never opened in Excel):
    reading it as empty would silently turn a target into a qualitative one."""

    def __repr__(self) -> str:
        return "<công thức chưa tính>"


UNCOMPUTED = _Uncomputed()


def _mark_uncomputed_formulas(path: Path, grid: Grid) -> None:
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True, data_only=False)
    try:
        sheet = workbook.worksheets[0]
        if hasattr(sheet, "reset_dimensions"):
            sheet.reset_dimensions()
        for (_, cells), row in zip(grid, sheet.iter_rows(), strict=False):
            for position, cell in enumerate(row[: len(cells)]):
                value, ref, _ = cells[position]
                formula = cell.value
                if value is None and isinstance(formula, str) and formula.startswith("="):
                    cells[position] = (UNCOMPUTED, ref, False)
    finally:
        workbook.close()


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _grid_to_table(
    name: str,
    grid: Grid,
    columns: tuple[Column, ...],
    headers: Vocabulary[Column],
    *,
    csv_file: bool = False,
) -> RawTable:
    required = [c for c in columns if c.required]
    header_index = None
    for position, (_, cells) in enumerate(grid[:HEADER_SEARCH_ROWS]):
        found = {
            c.field
            for v, _, _ in cells
            if isinstance(v, str) and (c := headers.lookup(v)) is not None
        }
        if any(c.field in found for c in required):
            header_index = position
            break
    if header_index is None:
        wanted = ", ".join(f'"{c.header}"' for c in required)
        _fail(
            name,
            "missing_column",
            f"không tìm thấy hàng tiêu đề trong {HEADER_SEARCH_ROWS} dòng đầu; cần các cột {wanted}",
            row=1,
        )
        raise AssertionError("unreachable")  # pragma: no cover
    header_row, header_cells = grid[header_index]
    errors: list[InputError] = []
    mapping: dict[int, tuple[Column, str, str | None]] = {}
    seen: dict[str, str] = {}
    for position, (value, ref, _) in enumerate(header_cells):
        if not isinstance(value, str) or not value.strip():
            continue
        column = headers.lookup(value)
        if column is None:
            continue  # the file's own columns are allowed and ignored
        written = value.strip()
        if column.field in seen:
            errors.append(
                InputError(
                    name,
                    "duplicate_column",
                    f'cột "{written}" trùng nghĩa với cột "{seen[column.field]}"',
                    row=header_row,
                    column=written,
                    column_ref=ref,
                )
            )
            continue
        seen[column.field] = written
        mapping[position] = (column, written, ref)
    for column in required:
        if column.field not in seen:
            errors.append(
                InputError(
                    name,
                    "missing_column",
                    f'thiếu cột bắt buộc "{column.header}" ({column.help_vi})',
                    row=header_row,
                    column=column.header,
                )
            )
    if errors:
        raise InputErrors(errors)
    table = RawTable(name)
    width = max((i + 1 for i, (v, _, _) in enumerate(header_cells) if not _blank(v)), default=0)
    for number, cells in grid[header_index + 1 :]:
        if all(_blank(v) for v, _, _ in cells):
            continue
        if csv_file and any(not _blank(v) for v, _, _ in cells[width:]):
            # "KT02,Tổng chi,640,706" in a "," file: the decimal comma split the number in two
            # and every cell after it moved one column right. Guessing would store wrong figures.
            errors.append(
                InputError(
                    name,
                    "extra_cells",
                    f"dòng có {len(cells)} ô, nhiều hơn {width} cột của hàng tiêu đề; có thể một số "
                    'thập phân có dấu phẩy (640,706) chưa được đặt trong ngoặc kép ("640,706"). '
                    "Hãy dùng dấu ; để phân cách cột",
                    row=number,
                )
            )
            continue
        row: dict[str, Cell] = {}
        for position, (column, written, ref) in mapping.items():
            value, _, percent = cells[position] if position < len(cells) else (None, ref, False)
            if value is UNCOMPUTED:
                errors.append(
                    InputError(
                        name,
                        "uncomputed_formula",
                        "ô có công thức nhưng tệp chưa lưu giá trị đã tính; hãy mở tệp bằng "
                        "Excel hoặc LibreOffice rồi lưu lại",
                        row=number,
                        column=written,
                        column_ref=ref,
                    )
                )
                value = None
            row[column.field] = Cell(value, written, ref, percent)
        table.rows.append(RawRow(number, row))
    if errors:
        raise InputErrors(errors)
    return table


# --- JSON: a list of objects, or {"targets": [...]} / {"results": [...]} ---------------------


def _json_table(
    path: Path, name: str, columns: tuple[Column, ...], headers: Vocabulary[Column]
) -> RawTable:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        _fail(name, "bad_encoding", "tệp JSON phải dùng mã UTF-8")
        raise AssertionError("unreachable") from None  # pragma: no cover
    try:
        # Decimal keeps 100.01 exact; floats would turn it into 100.0099999…
        data: Any = json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as exc:
        _fail(
            name,
            "bad_json",
            f"JSON không hợp lệ: {exc.msg} (ký tự thứ {exc.colno})",
            row=exc.lineno,
        )
        raise AssertionError("unreachable") from None  # pragma: no cover
    if isinstance(data, dict):
        lists = [
            v
            for k, v in data.items()
            if k in {"targets", "results", "items"} and isinstance(v, list)
        ]
        if len(lists) == 1:
            data = lists[0]
    if not isinstance(data, list):
        _fail(name, "bad_json", 'tệp JSON phải là một danh sách các đối tượng: [{"code": …}, …]')
    table = RawTable(name, row_label="mục")
    errors: list[InputError] = []
    present: set[str] = set()
    for number, item in enumerate(data, 1):
        if not isinstance(item, dict):
            errors.append(
                InputError(
                    name,
                    "bad_json",
                    "mục này không phải một đối tượng {…}",
                    row=number,
                    row_label="mục",
                )
            )
            continue
        row: dict[str, Cell] = {}
        for key, value in item.items():
            column = headers.lookup(str(key))
            if column is None:
                continue
            if column.field in row:
                errors.append(
                    InputError(
                        name,
                        "duplicate_column",
                        f'khóa "{key}" trùng nghĩa với khóa "{row[column.field].header}"',
                        row=number,
                        column=str(key),
                        row_label="mục",
                    )
                )
                continue
            if isinstance(value, dict | list):
                errors.append(
                    InputError(
                        name,
                        "bad_value",
                        "giá trị phải là số hoặc chữ, không phải danh sách hay đối tượng",
                        row=number,
                        column=str(key),
                        row_label="mục",
                    )
                )
                continue
            row[column.field] = Cell(value, str(key))
            present.add(column.field)
        table.rows.append(RawRow(number, row))
    if data:
        for column in columns:
            if column.required and column.field not in present:
                errors.append(
                    InputError(
                        name,
                        "missing_column",
                        f'không mục nào có khóa bắt buộc "{column.field}" (hoặc "{column.header}")',
                        column=column.field,
                    )
                )
    if errors:
        raise InputErrors(errors)
    return table
