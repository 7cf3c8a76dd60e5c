"""Typed input at the edge for the planning pages (numbers read the Vietnamese way)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from chitieu.forecast import Accumulation
from chitieu.tasks import TaskKind
from chitieu.term import TermKind
from chitieu.web.forms import VnDecimalField
from chitieu.web.models import Body
from chitieu.web.planning.models import PERIOD_KIND_LABELS

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class TaskForm(forms.Form):
    kind = forms.ChoiceField(label=_("Loại"), choices=[(k.value, _(k.label_vi)) for k in TaskKind])
    code = forms.CharField(label=_("Mã"), max_length=32, required=False)
    title = forms.CharField(label=_("Tên nhiệm vụ"), max_length=500)
    responsible_body = forms.ModelChoiceField(
        label=_("Cơ quan chủ trì"), queryset=Body.objects.none(), empty_label=_("— chọn cơ quan —")
    )
    deadline = forms.DateField(
        label=_("Thời hạn (để trống: thường xuyên)"),
        required=False,
        widget=DATE_INPUT,
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
    )

    def __init__(self, *args: Any, bodies: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["responsible_body"].queryset = bodies  # type: ignore[attr-defined]


class TaskUpdateForm(forms.Form):
    on = forms.DateField(label=_("Ngày"), widget=DATE_INPUT, input_formats=["%Y-%m-%d", "%d/%m/%Y"])
    progress = VnDecimalField(label=_("Tiến độ (%)"))
    note = forms.CharField(
        label=_("Nội dung"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class TermSpecForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Loại chỉ tiêu nhiệm kỳ"), choices=[(k.value, _(k.label_vi)) for k in TermKind]
    )
    baseline = VnDecimalField(label=_("Mức năm gốc (mức cuối kỳ)"), required=False)


class AccumulationForm(forms.Form):
    accumulation = forms.ChoiceField(
        label=_("Số liệu trong năm"), choices=[(a.value, _(a.label_vi)) for a in Accumulation]
    )


class ReportingRuleForm(forms.Form):
    period_kind = forms.ChoiceField(
        label=_("Kỳ báo cáo"), choices=[(k, _(v)) for k, v in PERIOD_KIND_LABELS.items()]
    )
    day = forms.IntegerField(label=_("Hạn nộp: ngày"), min_value=1, max_value=31)
    months_after = forms.IntegerField(label=_("của tháng thứ … sau kỳ"), min_value=0, max_value=3)
