"""Forms: typed input at the edge. Numbers are read the Vietnamese way (9.484; 126,82)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from chitieu.model import (
    Comparator,
    Direction,
    Field,
    Kind,
    Period,
    PeriodError,
    Result,
    Status,
    Target,
)
from chitieu.numbers import NumberFormatError, format_number, parse_number
from chitieu.web.models import Body, ResolutionKind, TargetRow
from chitieu.web.models.targets import _choices


class VnDecimalField(forms.CharField):
    """A number typed as a Vietnamese writes it: "9.484", "640,706", "-5"."""

    def to_python(self, value: Any) -> Decimal | None:  # type: ignore[override]
        text = super().to_python(value)
        if not text:
            return None
        try:
            return parse_number(text)
        except NumberFormatError as exc:
            raise forms.ValidationError(str(exc), code="invalid") from exc

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, Decimal):
            return format_number(value.normalize())
        if isinstance(value, int | float) and not isinstance(value, bool):
            return format_number(Decimal(str(value)))
        return value


def _translated(choices: Any) -> list[tuple[str, Any]]:
    """Choices whose labels (Vietnamese, from the core or the models) show in the user's
    language: translated by value, see chitieu.web.core_labels."""
    return [(value, _(label)) for value, label in choices]


class PeriodField(forms.CharField):
    def to_python(self, value: Any) -> Period | None:  # type: ignore[override]
        text = super().to_python(value)
        if not text:
            return None
        try:
            return Period.parse(text)
        except PeriodError as exc:
            raise forms.ValidationError(str(exc), code="invalid") from exc

    def prepare_value(self, value: Any) -> Any:
        return value.code if isinstance(value, Period) else value


class ResolutionForm(forms.Form):
    issuing_body = forms.ModelChoiceField(queryset=Body.objects.none(), label=_("Cơ quan ban hành"))
    kind = forms.ChoiceField(
        choices=_translated(ResolutionKind.choices), label=_("Loại nghị quyết")
    )
    title = forms.CharField(max_length=300, label=_("Trích yếu"))
    number = forms.CharField(max_length=64, required=False, label=_("Số hiệu"))
    issued_on = forms.DateField(
        required=False, label=_("Ngày ban hành"), widget=forms.DateInput(attrs={"type": "date"})
    )
    start_year = forms.IntegerField(
        min_value=1945, max_value=2100, label=_("Năm (hoặc năm đầu nhiệm kỳ)")
    )
    end_year = forms.IntegerField(
        min_value=1945, max_value=2100, required=False, label=_("Năm cuối nhiệm kỳ")
    )
    is_public = forms.BooleanField(required=False, label=_("Công khai (trang chỉ đọc)"))

    def __init__(self, *args: Any, bodies: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["issuing_body"].queryset = bodies if bodies is not None else Body.objects.none()  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start_year"), data.get("end_year")
        if start and end and end <= start:
            self.add_error("end_year", _("Năm cuối nhiệm kỳ phải sau năm đầu"))
        return data


class TargetForm(forms.Form):
    code = forms.CharField(max_length=32, required=False, label=_("Mã"))
    name = forms.CharField(max_length=300, label=_("Tên chỉ tiêu"))
    field = forms.ChoiceField(choices=_translated(_choices(Field)), label=_("Lĩnh vực"))
    kind = forms.ChoiceField(choices=_translated(_choices(Kind)), label=_("Loại"))
    comparator = forms.ChoiceField(choices=_translated(_choices(Comparator)), label=_("So sánh"))
    value = VnDecimalField(required=False, label=_("Giá trị"))
    value_max = VnDecimalField(required=False, label=_("Đến (khoảng)"))
    unit = forms.CharField(max_length=64, required=False, label=_("Đơn vị tính"))
    basis = forms.CharField(max_length=120, required=False, label=_("So với"))
    direction = forms.ChoiceField(choices=_translated(_choices(Direction)), label=_("Chiều tốt"))
    responsible_body = forms.ModelChoiceField(
        queryset=Body.objects.none(), required=False, label=_("Cơ quan chủ trì")
    )
    order = forms.IntegerField(min_value=0, required=False, label=_("Thứ tự"))
    term_target = forms.ModelChoiceField(
        queryset=TargetRow.objects.none(),
        required=False,
        label=_("Thuộc chỉ tiêu nhiệm kỳ"),
        help_text=_("chỉ tiêu năm góp phần vào chỉ tiêu nào của nghị quyết đại hội"),
    )

    def __init__(
        self, *args: Any, bodies: Any = None, term_targets: Any = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        body_field: Any = self.fields["responsible_body"]
        body_field.queryset = bodies if bodies is not None else Body.objects.none()
        if term_targets is None:
            del self.fields["term_target"]
        else:
            term_field: Any = self.fields["term_target"]
            term_field.queryset = term_targets

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("comparator") == Comparator.RANGE.value:
            if data.get("value") is None or data.get("value_max") is None:
                self.add_error("value_max", _("Khoảng giá trị cần cả cận dưới và cận trên"))
            elif data["value"] > data["value_max"]:
                self.add_error("value_max", _("Cận trên phải lớn hơn cận dưới"))
        elif data.get("value_max") is not None:
            self.add_error("value_max", _("Chỉ nhập “Đến” khi chọn so sánh dạng khoảng"))
        return data

    def to_target(self) -> Target:
        d = self.cleaned_data
        return Target(
            name=d["name"].strip(),
            kind=Kind(d["kind"]),
            comparator=Comparator(d["comparator"]),
            value=d.get("value"),
            value_max=d.get("value_max") if d["comparator"] == Comparator.RANGE.value else None,
            unit=(d.get("unit") or "").strip() or None,
            basis=(d.get("basis") or "").strip() or None,
            direction=Direction(d["direction"]),
            field=Field(d["field"]),
            code=(d.get("code") or "").strip(),
            order=d.get("order") or 0,
        )


class PreviewTargetForm(TargetForm):
    """One row of the pasted-text preview: the reader's guess, corrected by the user."""

    include = forms.BooleanField(required=False, initial=True, label=_("Lưu"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["order"].widget = forms.HiddenInput()
        self.fields["name"].widget.attrs["size"] = 40
        for name in ("value", "value_max", "unit", "code"):
            self.fields[name].widget.attrs["size"] = 8
        self.fields["basis"].widget.attrs["size"] = 10


class ResultForm(forms.Form):
    period = PeriodField(
        label=_("Kỳ báo cáo"), help_text=_("2024, 2024-6M, 2024-9M, 2024-Q1, 2024-M03…")
    )
    estimated = forms.BooleanField(required=False, label=_("Ước thực hiện"))
    value = VnDecimalField(required=False, label=_("Giá trị đạt được"))
    unit = forms.CharField(max_length=64, required=False, label=_("Đơn vị tính"))
    percent_of_target = VnDecimalField(required=False, label=_("So với chỉ tiêu (%)"))
    change_percent = VnDecimalField(required=False, label=_("% tăng (+) / giảm (−) so với cùng kỳ"))
    previous_value = VnDecimalField(required=False, label=_("Cùng kỳ năm trước"))
    declared_status = forms.ChoiceField(
        choices=[("", "—")] + [(s.value, _(s.label_vi)) for s in Status if s is not Status.PENDING],
        required=False,
        label=_("Tự đánh giá (chỉ tiêu định tính)"),
    )
    source = forms.CharField(max_length=300, required=False, label=_("Nguồn số liệu / văn bản"))
    note = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 2}), label=_("Ghi chú")
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not any(
            data.get(k) not in (None, "")
            for k in ("value", "percent_of_target", "change_percent", "declared_status")
        ):
            raise forms.ValidationError(
                _("Cần nhập giá trị, hoặc % so với chỉ tiêu, hoặc % tăng/giảm")
            )
        return data

    def to_result(self) -> Result:
        d = self.cleaned_data
        return Result(
            period=d["period"],
            value=d.get("value"),
            unit=(d.get("unit") or "").strip() or None,
            estimated=bool(d.get("estimated")),
            percent_of_target=d.get("percent_of_target"),
            change_percent=d.get("change_percent"),
            previous_value=d.get("previous_value"),
            declared_status=Status(d["declared_status"]) if d.get("declared_status") else None,
            source=(d.get("source") or "").strip(),
            note=(d.get("note") or "").strip(),
        )


class PasteForm(forms.Form):
    text = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 14}),
        required=False,
        label=_("Dán văn bản nghị quyết"),
    )
    document = forms.FileField(
        required=False,
        label=_(
            "hoặc tải lên tệp: văn bản (.docx, .pdf, .txt) hoặc bảng chỉ tiêu theo mẫu (.xlsx, .csv)"
        ),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not (data.get("text") or "").strip() and not data.get("document"):
            raise forms.ValidationError(_("Hãy dán văn bản hoặc chọn một tệp"))
        return data
