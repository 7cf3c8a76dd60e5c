"""Hostile uploads through the web form (a resolution's text or a filled-in template): each
gets a clear Vietnamese message and nothing is written. The web export neutralises
formula-like text."""

from __future__ import annotations

import csv
import io
import re
import sys
from pathlib import Path

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from factories import Town, make_target
from test_security_matrix import _row_counts

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "security"))
from hostile import SCRIPT_HTML, bombed, good_docx, good_xlsx

from chitieu import filesafety

CASES = [
    ("bom.xlsx", lambda: bombed(good_xlsx()), "độc hại"),
    ("bom.docx", lambda: bombed(good_docx(), "word/document.xml"), "độc hại"),
    ("hong.xlsx", lambda: b"PK\x03\x04 not a zip", "không phải tệp Excel"),
    ("hong.docx", lambda: b"PK\x03\x04 not a zip", "bị hỏng"),
    ("gia.pdf", lambda: b"<html>not a pdf</html>", "bị hỏng"),
    ("gia.csv", lambda: b"\x00\x01\x02", ""),
    ("chuong-trinh.exe", lambda: b"MZ\x90\x00", "không hỗ trợ"),
]


def _editor(town: Town) -> Client:
    client = Client()
    client.force_login(town.users["editor"])
    return client


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "content", "expected"), CASES, ids=[c[0] for c in CASES])
def test_a_hostile_upload_gets_a_vietnamese_message_and_writes_nothing(
    town: Town, name: str, content: object, expected: str
) -> None:
    client = _editor(town)
    before = _row_counts()
    upload = SimpleUploadedFile(name, content())  # type: ignore[operator]
    response = client.post(
        f"/nghi-quyet/{town.resolution.pk}/dan-van-ban/", {"document": upload}, follow=True
    )
    assert response.status_code == 200
    page = response.content.decode()
    messages = [str(m) for m in response.context["messages"]]
    assert messages, "the user must be told what went wrong"
    assert any(expected in m or expected in page for m in messages)
    assert "Traceback" not in page
    assert _row_counts() == before


@pytest.mark.django_db
def test_an_upload_over_the_size_limit_is_refused_and_writes_nothing(
    town: Town, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(filesafety, "MAX_FILE_BYTES", 1000)
    before = _row_counts()
    upload = SimpleUploadedFile("dai.txt", ("Tổng thu đạt 200 tỷ đồng. " * 200).encode())
    response = _editor(town).post(
        f"/nghi-quyet/{town.resolution.pk}/dan-van-ban/", {"document": upload}
    )
    assert "quá lớn" in " ".join(str(m) for m in response.context["messages"])
    assert _row_counts() == before


@pytest.mark.django_db
def test_an_html_upload_with_scripts_previews_only_the_visible_text(town: Town) -> None:
    before = _row_counts()
    upload = SimpleUploadedFile("trang.html", SCRIPT_HTML.encode())
    response = _editor(town).post(
        f"/nghi-quyet/{town.resolution.pk}/dan-van-ban/", {"document": upload}
    )
    page = response.content.decode()
    assert response.status_code == 200
    # As whole numbers: random CSRF tokens and CSP nonces may hold the digits "777".
    figures = set(re.findall(r"(?<![\w-])\d+(?![\w-])", page))
    assert "186" in figures and "999" not in figures and "777" not in figures
    assert "<script>document.write" not in page and "onerror=" not in page
    assert _row_counts() == before  # a preview, nothing saved until confirmed


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_web_export_keeps_formula_like_names_as_text(town: Town, fmt: str) -> None:
    payload = '=HYPERLINK("http://ke-xau.example","Bấm")'
    make_target(town.resolution, town.department, payload, value=5, unit="@đơn vị", code="=X")
    client = Client()
    client.force_login(town.users["viewer"])
    response = client.get(f"/nghi-quyet/{town.resolution.pk}/xuat.{fmt}")
    assert response.status_code == 200
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
        cells = {cell for row in rows for cell in row}
        assert "'" + payload in cells and "'@đơn vị" in cells and payload not in cells
    else:
        sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
        found = [c for row in sheet.iter_rows() for c in row if c.value == payload]
        assert found and all(c.data_type == "s" for c in found)
        assert not [c for row in sheet.iter_rows() for c in row if c.data_type == "f"]


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "content", "expected"), CASES[1:2] + CASES[3:5])
def test_the_fact_check_upload_refuses_hostile_documents_with_a_message(
    town: Town, name: str, content: object, expected: str
) -> None:
    from decimal import Decimal

    from chitieu.model import Period, Result
    from chitieu.web.actions.results import do_approve_result, do_save_result, do_submit_result

    year = Period.year_of(2024)
    reporter, approver = town.users["reporter"], town.users["approver"]
    do_save_result(town.revenue, Result(period=year, value=Decimal(190)), user=reporter)
    do_submit_result(town.revenue, year, False, user=reporter)
    do_approve_result(town.revenue, year, False, user=approver)
    client = Client()
    client.force_login(town.users["viewer"])
    before = _row_counts()
    upload = SimpleUploadedFile(name, content())  # type: ignore[operator]
    response = client.post(
        f"/nghi-quyet/{town.resolution.pk}/kiem-tra-so-lieu/", {"document": upload, "ky": "2024"}
    )
    assert response.status_code < 500
    page = response.content.decode()
    assert "Không đọc được tệp" in page and name in page and expected in page
    assert _row_counts() == before
