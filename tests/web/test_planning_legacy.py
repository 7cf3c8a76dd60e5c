"""`chitieu legacy FILE.csv`: old communes' figures for the continuity pages, all rows or none,
every bad cell named by row and column."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from chitieu.cli import main
from chitieu.web.planning.models import LegacyFigure

pytestmark = pytest.mark.django_db


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "xa-cu.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_it_loads_the_figures_of_old_communes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(
        tmp_path,
        "ma_xa_cu;chi_tieu;ky;gia_tri;dan_so\n"
        "382;Tỷ lệ hộ nghèo;2024;2,5;9.484\n"
        "397;Tỷ lệ  hộ nghèo;2024-6M;3;\n",
    )
    assert main(["legacy", str(path)]) == 0
    assert "Đã lưu 2 số liệu" in capsys.readouterr().out
    rows = {r.old_code: r for r in LegacyFigure.objects.all()}
    assert (rows[382].old_name, rows[382].name_key, rows[382].period_code) == (
        "Xã Minh Trí",
        "tỷ lệ hộ nghèo",
        "2024",
    )
    assert rows[382].value == Decimal("2.5") and rows[382].weight == Decimal(9484)
    assert rows[397].period_code == "2024-6M" and rows[397].weight is None
    # Loading again replaces, it does not duplicate.
    assert main(["legacy", str(path)]) == 0
    assert LegacyFigure.objects.count() == 2


def test_bad_cells_are_named_and_nothing_is_stored(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(
        tmp_path,
        "ma_xa_cu,chi_tieu,ky,gia_tri\n"
        '382,Tỷ lệ hộ nghèo,2024,"2,5"\n'
        "99999999,Tỷ lệ hộ nghèo,2024,3\n"
        "397,Tỷ lệ hộ nghèo,6T/2024,3\n"
        '415,Tỷ lệ hộ nghèo,2024,"1,2,3"\n',
    )
    assert main(["legacy", str(path)]) == 1
    err = capsys.readouterr().err
    assert 'xa-cu.csv, dòng 3, cột "ma_xa_cu"' in err
    assert 'xa-cu.csv, dòng 4, cột "ky"' in err
    assert 'xa-cu.csv, dòng 5, cột "gia_tri"' in err
    assert "Chưa lưu số liệu nào" in err
    assert not LegacyFigure.objects.exists()


def test_a_missing_column_is_said(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "ma_xa_cu;chi_tieu;gia_tri\n382;Tỷ lệ hộ nghèo;2\n")
    assert main(["legacy", str(path)]) == 1
    assert "thiếu cột ky" in capsys.readouterr().err
    assert not LegacyFigure.objects.exists()
