"""Whatever bytes a user hands us, the loaders answer with targets or with InputErrors, never
with a traceback."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chitieu.tables import InputErrors, load_results, load_targets
from tables_files import TARGETS, write_xlsx

CELL = st.one_of(
    st.text(max_size=12),
    st.sampled_from(
        [
            "Mã",
            "Chỉ tiêu",
            "Giá trị",
            "ĐVT",
            "So sánh",
            "Kỳ",
            "Thực hiện",
            "12,3,4",
            "9.484",
            "-1",
            "range",
            "2024-Q9",
            "x",
        ]
    ),
)
ROWS = st.lists(st.lists(CELL, max_size=7), max_size=6)
FUZZ = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def loads_or_reports(path: Path) -> None:
    for load in (load_targets, load_results):
        try:
            load(path)
        except InputErrors as errors:
            assert all(str(e) for e in errors)


@FUZZ
@given(data=st.binary(max_size=300), suffix=st.sampled_from([".csv", ".json", ".xlsx"]))
def test_random_bytes_never_raise_anything_but_input_errors(
    tmp_path: Path, data: bytes, suffix: str
) -> None:
    path = tmp_path / f"f{suffix}"
    path.write_bytes(data)
    loads_or_reports(path)


@FUZZ
@given(rows=ROWS, delimiter=st.sampled_from([";", ","]))
def test_random_csv_tables_never_raise_anything_but_input_errors(
    tmp_path: Path, rows: list[list[str]], delimiter: str
) -> None:
    import csv

    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows([TARGETS[0], *rows])
    path = tmp_path / "f.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8")
    loads_or_reports(path)


@FUZZ
@given(
    items=st.lists(
        st.dictionaries(
            st.sampled_from(["code", "name", "value", "unit", "comparator", "period", "estimated"]),
            st.one_of(
                st.none(),
                st.booleans(),
                st.integers(),
                st.floats(allow_nan=True),
                CELL,
                st.lists(st.integers(), max_size=2),
            ),
            max_size=6,
        ),
        max_size=5,
    )
)
def test_random_json_items_never_raise_anything_but_input_errors(
    tmp_path: Path, items: list[dict[str, object]]
) -> None:
    path = tmp_path / "f.json"
    path.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    loads_or_reports(path)


@pytest.mark.parametrize(
    "member", ["xl/workbook.xml", "xl/worksheets/sheet1.xml", "[Content_Types].xml"]
)
def test_an_xlsx_with_a_damaged_part_gets_a_message(tmp_path: Path, member: str) -> None:
    good = write_xlsx(tmp_path / "good.xlsx", TARGETS)
    broken = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(broken, "w") as target:
        for item in source.infolist():
            content = source.read(item.filename)
            target.writestr(item, b"<broken" if item.filename == member else content)
    with pytest.raises(InputErrors) as caught:
        load_targets(broken)
    assert caught.value.codes == ["bad_file"]
