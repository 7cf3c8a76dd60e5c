"""Targets from a pasted resolution text: the reader's preview, corrected, then confirmed."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.test import Client
from factories import PASSWORD, Town

from chitieu.model import Field
from chitieu.web.models import TargetRow

TEXT = (
    "Ban Chấp hành Đảng bộ thông qua các chỉ tiêu chủ yếu năm 2025, như: tổng giá trị sản xuất "
    "là 9.484 tỷ đồng; tỷ lệ hộ nghèo giảm còn 0,63%; kết nạp 60 đảng viên mới."
)


def _editor(town: Town) -> Client:
    client = Client()
    assert client.login(username=town.users["editor"].username, password=PASSWORD)
    return client


def _post_data(formset: Any) -> dict[str, str]:
    """What the browser would send back for the preview as shown."""
    data = {
        "confirm": "1",
        "t-TOTAL_FORMS": str(len(formset.forms)),
        "t-INITIAL_FORMS": str(len(formset.forms)),
    }
    for i, form in enumerate(formset.forms):
        for name, field in form.fields.items():
            value = field.prepare_value(form.initial.get(name))
            if name == "include":
                if value:
                    data[f"t-{i}-include"] = "on"
                continue
            data[f"t-{i}-{name}"] = "" if value is None else str(value)
    return data


def test_it_previews_the_readers_targets_and_saves_the_corrected_ones(town: Town) -> None:
    client = _editor(town)
    url = f"/nghi-quyet/{town.resolution.pk}/dan-van-ban/"
    preview = client.post(url, {"text": TEXT})
    assert preview.status_code == 200
    page = preview.content.decode()
    assert "9.484" in page and "0,63" in page  # shown the Vietnamese way, editable
    formset = preview.context["formset"]
    names = [f.initial["name"] for f in formset.forms]
    assert any("hộ nghèo" in n for n in names)
    before = TargetRow.objects.count()
    # Nothing is saved by the preview itself.
    assert TargetRow.objects.count() == before

    data = _post_data(formset)
    poverty = next(i for i, n in enumerate(names) if "hộ nghèo" in n)
    production = next(i for i, n in enumerate(names) if "giá trị sản xuất" in n)
    data[f"t-{production}-value"] = "9.500"  # the user corrects a figure
    data.pop(f"t-{poverty}-include")  # and drops a row
    data[f"t-{production}-responsible_body"] = str(town.department.pk)
    response = client.post(url, data)
    assert response.status_code == 302
    new = TargetRow.objects.filter(resolution=town.resolution).exclude(
        pk__in=[town.revenue.pk, town.poverty.pk]
    )
    assert new.count() == len(names) - 1
    saved = new.get(name__icontains="giá trị sản xuất")
    assert saved.value == Decimal(9500) and saved.unit == "tỷ đồng"
    assert saved.responsible_body == town.department


def test_it_saves_nothing_when_a_corrected_row_is_invalid(town: Town) -> None:
    client = _editor(town)
    url = f"/nghi-quyet/{town.resolution.pk}/dan-van-ban/"
    formset = client.post(url, {"text": TEXT}).context["formset"]
    data = _post_data(formset)
    data["t-0-value"] = "9,48,4"
    before = TargetRow.objects.count()
    page = client.post(url, data).content.decode()
    assert "không phải là số" in page
    assert TargetRow.objects.count() == before


def test_it_asks_for_text_when_nothing_is_pasted(town: Town) -> None:
    page = (
        _editor(town)
        .post(f"/nghi-quyet/{town.resolution.pk}/dan-van-ban/", {"text": "  "})
        .content.decode()
    )
    assert "Hãy dán văn bản" in page


def test_it_reads_the_targets_of_an_uploaded_docx(town: Town, tmp_path: Any) -> None:
    import io

    import docx
    from django.core.files.uploadedfile import SimpleUploadedFile

    document = docx.Document()
    document.add_paragraph("NGHỊ QUYẾT")
    document.add_paragraph(TEXT)
    out = io.BytesIO()
    document.save(out)
    upload = SimpleUploadedFile("nghi-quyet.docx", out.getvalue())
    response = _editor(town).post(
        f"/nghi-quyet/{town.resolution.pk}/dan-van-ban/", {"text": "", "document": upload}
    )
    formset = response.context["formset"]
    names = [f.initial["name"] for f in formset.forms]
    assert any("hộ nghèo" in n for n in names)
    assert TargetRow.objects.count() == 2  # nothing saved before confirmation


def test_it_gives_rows_without_a_body_the_default_responsible_body(town: Town) -> None:
    client = _editor(town)
    url = f"/nghi-quyet/{town.resolution.pk}/dan-van-ban/"
    formset = client.post(url, {"text": TEXT}).context["formset"]
    data = _post_data(formset)
    data["default_body"] = str(town.department.pk)
    assert client.post(url, data).status_code == 302
    new = TargetRow.objects.filter(resolution=town.resolution).exclude(
        pk__in=[town.revenue.pk, town.poverty.pk]
    )
    assert new.exists()
    assert set(new.values_list("responsible_body", flat=True)) == {town.department.pk}


def test_it_ignores_a_default_body_outside_the_issuing_body(town: Town, other_town: Town) -> None:
    client = _editor(town)
    url = f"/nghi-quyet/{town.resolution.pk}/dan-van-ban/"
    data = _post_data(client.post(url, {"text": TEXT}).context["formset"])
    data["default_body"] = str(other_town.department.pk)
    assert client.post(url, data).status_code == 302
    new = TargetRow.objects.filter(resolution=town.resolution).exclude(
        pk__in=[town.revenue.pk, town.poverty.pk]
    )
    assert set(new.values_list("responsible_body", flat=True)) == {None}


SECTIONED = (
    "CÁC CHỈ TIÊU CHỦ YẾU NĂM 2025\n"
    "1. Về kinh tế:\n"
    "- Tổng số cơ sở đạt chuẩn 120 cơ sở;\n"
    "2. Về văn hóa - xã hội:\n"
    "- Số câu lạc bộ thành lập mới 15 câu lạc bộ;\n"
    "3. Xây dựng Đảng và hệ thống chính trị\n"
    "- Số lớp bồi dưỡng 6 lớp.\n"
)


def test_the_preview_preselects_the_field_the_reader_found_and_keeps_it_editable(
    town: Town,
) -> None:
    client = _editor(town)
    url = f"/nghi-quyet/{town.resolution.pk}/dan-van-ban/"
    preview = client.post(url, {"text": TEXT + "\n" + SECTIONED})
    formset = preview.context["formset"]
    fields = {f.initial["name"]: f.initial["field"] for f in formset.forms}
    # From the headings (the names say nothing), then from the names' own words.
    assert fields["Tổng số cơ sở đạt chuẩn"] == Field.ECONOMY.value
    assert fields["Số câu lạc bộ thành lập mới"] == Field.CULTURE_SOCIETY.value
    assert fields["Số lớp bồi dưỡng"] == Field.PARTY_BUILDING.value
    poverty = next(n for n in fields if "hộ nghèo" in n)
    assert fields[poverty] == Field.CULTURE_SOCIETY.value
    page = preview.content.decode()
    assert page.count(f'<option value="{Field.PARTY_BUILDING.value}" selected>') >= 2

    data = _post_data(formset)
    names = list(fields)
    clubs = names.index("Số câu lạc bộ thành lập mới")
    data[f"t-{clubs}-field"] = Field.OTHER.value  # the user overrides the reader
    assert client.post(url, data).status_code == 302
    saved = TargetRow.objects.filter(resolution=town.resolution)
    assert saved.get(name="Số câu lạc bộ thành lập mới").field == Field.OTHER.value
    assert saved.get(name="Tổng số cơ sở đạt chuẩn").field == Field.ECONOMY.value
    assert saved.exclude(pk=town.poverty.pk).get(name__icontains="hộ nghèo").field == (
        Field.CULTURE_SOCIETY.value
    )


def test_a_row_whose_field_the_reader_cannot_tell_stays_in_other(town: Town) -> None:
    text = "Năm 2025, phấn đấu số câu lạc bộ thành lập mới đạt 15 câu lạc bộ."
    preview = _editor(town).post(f"/nghi-quyet/{town.resolution.pk}/dan-van-ban/", {"text": text})
    assert [f.initial["field"] for f in preview.context["formset"].forms] == [Field.OTHER.value]
