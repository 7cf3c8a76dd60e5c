"""The fact check of a pasted draft or an uploaded file against a resolution's approved
figures of a period (chitieu.reports.factcheck), with each claim marked in the text.

Who may read the dashboard may check a text against it (views/reports.py decides access and
gathers the evaluations the same way as the report).
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django import forms
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from chitieu.reports.factcheck import Check, FactCheck, Verdict, check_text
from chitieu.text import DocumentError, read_document
from chitieu.web import permissions as perm
from chitieu.web.dashboard import periods_of
from chitieu.web.views.reports import (
    ReportError,
    no_data_reason,
    parse_period,
    refuse_anonymous,
    report_data,
)

# A draft or an article is a few pages; a pasted text far longer is a mistake (or an attack on
# the reader's time), refused before the reader sees it.
MAX_TEXT_CHARS = 200_000
DOCUMENT_SUFFIXES = (".txt", ".docx", ".pdf")


class FactCheckForm(forms.Form):
    ky = forms.CharField(max_length=32, required=False, label=gettext_lazy("Kỳ đối chiếu"))
    text = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 14}),
        required=False,
        max_length=MAX_TEXT_CHARS,
        label=gettext_lazy("Dán dự thảo báo cáo hoặc bài viết"),
    )
    document = forms.FileField(
        required=False, label=gettext_lazy("hoặc tải lên tệp (.txt, .docx, .pdf)")
    )

    def clean_document(self) -> Any:
        upload = self.cleaned_data.get("document")
        if upload is None:
            return None
        suffix = Path(upload.name).suffix.lower()
        if suffix not in DOCUMENT_SUFFIXES:
            raise forms.ValidationError(
                _("Tệp “%(name)s”: không hỗ trợ định dạng “%(suffix)s” (dùng .txt, .docx, .pdf).")
                % {"name": upload.name, "suffix": suffix or "(không có đuôi)"}
            )
        limit = int(getattr(settings, "CHITIEU_MAX_UPLOAD_BYTES", 20 * 1024 * 1024))
        if upload.size > limit:
            raise forms.ValidationError(
                _("Tệp “%(name)s” quá lớn (tối đa %(mb)s MB).")
                % {"name": upload.name, "mb": limit // (1024 * 1024)}
            )
        return upload

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        empty = not (data.get("text") or "").strip() and not data.get("document")
        if empty and not self.errors:  # a refused file has already said why
            raise forms.ValidationError(_("Hãy dán văn bản hoặc chọn một tệp."))
        return data


def read_upload(upload: Any) -> str:
    """The text of an uploaded .txt/.docx/.pdf through chitieu.text.read_document (which
    applies the file size and zip-bomb limits before any parser opens the file)."""

    suffix = Path(upload.name).suffix.lower()
    with tempfile.NamedTemporaryFile(suffix=suffix) as tmp:
        for chunk in upload.chunks():
            tmp.write(chunk)
        tmp.flush()
        return read_document(Path(tmp.name))


@dataclass(frozen=True)
class Piece:
    """A stretch of the checked text, marked with the verdict of the claim it states."""

    text: str
    verdict: str = ""  # "", or the CSS key of the worst verdict over it


VERDICT_KEYS = {
    Verdict.MATCH: "match",
    Verdict.MISMATCH: "mismatch",
    Verdict.NO_DATA: "unknown",
    Verdict.UNTIED: "unknown",
}
VERDICT_LABELS = {
    "match": gettext_lazy("Khớp"),
    "mismatch": gettext_lazy("Sai lệch"),
    "unknown": gettext_lazy("Không xác định"),
}
_SEVERITY = {"match": 1, "unknown": 2, "mismatch": 3}


def marked_text(text: str, checks: tuple[Check, ...]) -> list[Piece]:
    """The text cut at the claims' spans, each claim marked with its worst verdict (a sentence
    with one wrong figure among right ones shows as wrong)."""
    marks: dict[tuple[int, int], str] = {}
    for c in checks:
        start, end = c.span
        if not 0 <= start < end <= len(text):
            continue
        key = VERDICT_KEYS[c.verdict]
        current = marks.get((start, end))
        if current is None or _SEVERITY[key] > _SEVERITY[current]:
            marks[(start, end)] = key
    pieces: list[Piece] = []
    pos = 0
    for (start, end), key in sorted(marks.items()):
        if start < pos:  # overlapping claims: the earlier one keeps the shared stretch
            start = pos
            if start >= end:
                continue
        if start > pos:
            pieces.append(Piece(text[pos:start]))
        pieces.append(Piece(text[start:end], key))
        pos = end
    if pos < len(text):
        pieces.append(Piece(text[pos:]))
    return pieces


def _counts(result: FactCheck) -> list[tuple[str, str, int]]:
    keys = [VERDICT_KEYS[c.verdict] for c in result.checks]
    return [(k, str(VERDICT_LABELS[k]), keys.count(k)) for k in ("match", "mismatch", "unknown")]


def factcheck(request: HttpRequest, resolution_id: int) -> HttpResponse:
    """A box to paste a draft (or a file to upload); each claim checked against the data."""
    refused = refuse_anonymous(request, resolution_id)
    if refused is not None:
        return refused
    resolution = perm.get_resolution_for_user(request.user, resolution_id)
    period_code = request.GET.get("ky") or request.GET.get("period") or resolution.period.code
    form = FactCheckForm(request.POST or None, request.FILES or None, initial={"ky": period_code})
    context: dict[str, Any] = {
        "resolution": resolution,
        "periods": periods_of(resolution),
        "form": form,
        "period_code": period_code,
        "labels": VERDICT_LABELS,
    }
    status = 200
    if request.method == "POST" and form.is_valid():
        context["period_code"] = form.cleaned_data.get("ky") or period_code
        try:
            period = parse_period(resolution, context["period_code"])
            data = report_data(resolution, period)
            reason = no_data_reason(data)
            if reason is not None:
                raise ReportError(reason, status=200)
            upload = form.cleaned_data.get("document")
            text = read_upload(upload) if upload is not None else form.cleaned_data["text"]
            if len(text) > MAX_TEXT_CHARS:
                raise ReportError(
                    _("Văn bản quá dài (%(n)s ký tự; tối đa %(max)s).")
                    % {"n": f"{len(text):,}".replace(",", "."), "max": "200.000"}
                )
            # Not against next year's targets: their names in the data are often shorter than
            # the draft's ("mẫu giáo 5 tuổi" under "tỷ lệ huy động…"), and the name tie then
            # accuses a correct target; a target the draft sets is left "không xác định".
            result = check_text(text, data.evaluations)
        except ReportError as exc:
            context["error"] = str(exc)
            status = exc.status
        except DocumentError as exc:
            # The reader's reason, with the name the user knows (not the temporary file's).
            context["error"] = _("Không đọc được tệp “%(name)s”: %(reason)s") % {
                "name": form.cleaned_data["document"].name,
                "reason": exc.reason,
            }
        else:
            context.update(
                period=period,
                result=result,
                rows=[(VERDICT_KEYS[c.verdict], c) for c in result.checks],
                counts=_counts(result),
                pieces=marked_text(text, result.checks),
            )
    elif request.method == "POST":
        status = 400
    return render(request, "chitieu/factcheck.html", context, status=status)
