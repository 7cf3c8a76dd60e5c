"""Files out and in: the evaluated targets of a period as CSV/XLSX (through the core's
writers, so the files read back with `chitieu evaluate`), the XLSX template for targets, and
targets read from an uploaded XLSX/CSV (through the core's loader, which names file, row and
column in every error)."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

from chitieu.model import Comparator, Direction, Field, Kind, Target
from chitieu.tables import load_targets
from chitieu.tables.columns import TARGET_COLUMNS
from chitieu.tables.view import build_table
from chitieu.tables.writers import write
from chitieu.web.dashboard import Dashboard

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}

# One example row of the template, in the order of TARGET_COLUMNS' fields.
_EXAMPLE = {
    "order": 1,
    "code": "KT01",
    "name": "tổng thu ngân sách địa phương",
    "field": Field.ECONOMY.label_vi,
    "kind": "mức",
    "comparator": ">=",
    "value": 186,
    "value_max": None,
    "unit": "tỷ đồng",
    "basis": None,
    "direction": "cao hơn là tốt",
    "period": "2024",
}


def export_dashboard(dashboard: Dashboard, fmt: str) -> bytes:
    if fmt not in CONTENT_TYPES:
        raise ValueError(f"định dạng không hỗ trợ: {fmt!r} (csv hoặc xlsx)")
    table = build_table([row.evaluation for row in dashboard.rows], dashboard.period)
    return write(table, fmt)


def targets_template() -> bytes:
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = "Chỉ tiêu"
    for col, column in enumerate(TARGET_COLUMNS, 1):
        cell = ws.cell(row=1, column=col, value=column.header)
        cell.font = Font(bold=True)
        if column.help_vi:
            cell.comment = Comment(column.help_vi, "Chỉ tiêu")
        ws.cell(row=2, column=col, value=_EXAMPLE.get(column.field))
        ws.column_dimensions[cell.column_letter].width = 40 if column.field == "name" else 14
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def read_uploaded_targets(name: str, content: bytes) -> list[Target]:
    """Targets of an uploaded table; raises chitieu.tables.InputErrors naming the file."""
    with tempfile.TemporaryDirectory() as tmp:
        # Keep the user's file name: error messages quote it.
        path = Path(tmp) / Path(name).name
        path.write_bytes(content)
        return load_targets(path)


def target_to_row(target: Target, order: int) -> dict[str, object]:
    """A core Target as a preview row (the same rows the pasted text gives)."""
    return {
        "include": True,
        "order": target.order or order,
        "code": target.code,
        "name": target.name,
        "kind": target.kind.value if isinstance(target.kind, Kind) else target.kind,
        "comparator": target.comparator.value
        if isinstance(target.comparator, Comparator)
        else target.comparator,
        "value": target.value,
        "value_max": target.value_max,
        "unit": target.unit or "",
        "basis": target.basis or "",
        "direction": target.direction.value
        if isinstance(target.direction, Direction)
        else target.direction,
        "field": target.field.value,
    }
