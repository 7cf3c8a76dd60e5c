"""Files: the evaluated targets as XLSX/CSV (opened and read back), the targets template,
and targets uploaded from a filled-in template."""

from __future__ import annotations

import io
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from factories import PASSWORD, Town
from openpyxl import Workbook, load_workbook

from chitieu.model import Period, Result
from chitieu.web.actions.results import do_approve_result, do_save_result, do_submit_result
from chitieu.web.models import TargetRow

YEAR = Period.year_of(2024)


def _client(town: Town, role: str) -> Client:
    client = Client()
    assert client.login(username=town.users[role].username, password=PASSWORD)
    return client


def _approve(town: Town, value: str) -> None:
    do_save_result(
        town.revenue, Result(period=YEAR, value=Decimal(value)), user=town.users["reporter"]
    )
    do_submit_result(town.revenue, YEAR, False, user=town.users["reporter"])
    do_approve_result(town.revenue, YEAR, False, user=town.users["approver"])


def _cells(content: bytes) -> list[list[object]]:
    wb = load_workbook(io.BytesIO(content))
    return [[c.value for c in row] for row in wb.active.iter_rows()]


def test_it_exports_the_evaluated_targets_as_xlsx(town: Town) -> None:
    _approve(town, "201.3")
    response = _client(town, "viewer").get(f"/nghi-quyet/{town.resolution.pk}/xuat.xlsx?ky=2024")
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    rows = _cells(response.content)
    flat = [str(v) for row in rows for v in row if v is not None]
    assert any("tổng thu ngân sách địa phương" in v for v in flat)
    assert any(v == "Vượt" for v in flat)
    assert 201.3 in [v for row in rows for v in row]


def test_it_exports_the_evaluated_targets_as_csv_for_a_vietnamese_excel(town: Town) -> None:
    _approve(town, "201.3")
    response = _client(town, "viewer").get(f"/nghi-quyet/{town.resolution.pk}/xuat.csv")
    text = response.content.decode("utf-8-sig")
    assert "tổng thu ngân sách địa phương" in text
    assert "201,3" in text and ";" in text


def test_it_refuses_an_export_to_an_outsider(town: Town, other_town: Town) -> None:
    response = _client(other_town, "viewer").get(f"/nghi-quyet/{town.resolution.pk}/xuat.csv")
    assert response.status_code == 404


def test_it_offers_a_template_that_uploads_back_into_the_preview(town: Town) -> None:
    template = Client().get("/mau-chi-tieu.xlsx").content
    header = _cells(template)[0]
    assert "Chỉ tiêu" in header and "Giá trị" in header
    client = _client(town, "editor")
    url = f"/nghi-quyet/{town.resolution.pk}/dan-van-ban/"
    upload = SimpleUploadedFile("mau-chi-tieu.xlsx", template)
    response = client.post(url, {"text": "", "document": upload})
    formset = response.context["formset"]
    assert formset is not None and len(formset.forms) == 1
    assert formset.forms[0].initial["name"] == "tổng thu ngân sách địa phương"
    assert formset.forms[0].initial["value"] == Decimal(186)
    assert TargetRow.objects.count() == 2  # nothing saved before confirmation


def test_it_names_the_file_row_and_column_of_a_bad_cell_and_saves_nothing(town: Town) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["Mã", "Chỉ tiêu", "Giá trị", "ĐVT"])
    ws.append(["KT09", "tổng chi ngân sách", "rất nhiều", "tỷ đồng"])
    out = io.BytesIO()
    wb.save(out)
    upload = SimpleUploadedFile("chi-tieu-2024.xlsx", out.getvalue())
    page = (
        _client(town, "editor")
        .post(f"/nghi-quyet/{town.resolution.pk}/dan-van-ban/", {"text": "", "document": upload})
        .content.decode()
    )
    assert "chi-tieu-2024.xlsx" in page
    assert "dòng 2" in page or "hàng 2" in page
    assert "Giá trị" in page
    assert TargetRow.objects.count() == 2
