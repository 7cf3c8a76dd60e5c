"""REST API (django-ninja): resolutions, targets, results, evaluations and summaries.

Same permissions as the UI (chitieu.web.permissions), same do_* actions. Token auth:
`Authorization: Bearer ct_…` (tokens are made on the account page). Numbers are JSON
strings ("126.82") so that no figure goes through a float; inputs accept numbers or strings.
OpenAPI at /api/openapi.json, Swagger UI at /api/docs (served locally).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import DataError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from ninja import NinjaAPI
from ninja import Status as HttpStatus
from ninja.security import HttpBearer

from chitieu.model import (
    Period,
    PeriodError,
    Result,
    Target,
)
from chitieu.web import permissions as perm
from chitieu.web.actions.errors import ActionError
from chitieu.web.actions.resolutions import do_create_resolution, do_lock_period
from chitieu.web.actions.results import (
    do_approve_result,
    do_return_result,
    do_save_result,
    do_submit_result,
)
from chitieu.web.actions.targets import do_create_target
from chitieu.web.actions.tokens import user_for_token
from chitieu.web.api.schemas import (
    Error,
    EvaluationsOut,
    LockIn,
    LockOut,
    ResolutionDetail,
    ResolutionIn,
    ResolutionOut,
    ResultIn,
    ResultOut,
    SlotIn,
    TargetIn,
    TargetOut,
)
from chitieu.web.dashboard import build_dashboard
from chitieu.web.domain import target_to_domain
from chitieu.web.models import Body, Resolution, ResultVersion, TargetRow
from chitieu.web.plausibility import plausibility_warnings


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = user_for_token(token)
        if user is not None:
            request.user = user
        return user


class ChitieuAPI(NinjaAPI):
    def get_openapi_operation_id(self, operation: Any) -> str:
        # Stable ids ("chitieu_web_api_save_result") whatever module the endpoint lives in,
        # so generated clients survive a refactoring.
        return "chitieu_web_api_" + operation.view_func.__name__


api = ChitieuAPI(
    title="Chỉ tiêu API",
    version="1",
    description="Nghị quyết, chỉ tiêu, kết quả, đánh giá. Xác thực: `Authorization: Bearer <mã>`.",
    auth=TokenAuth(),
    urls_namespace="api",
)


@api.exception_handler(ActionError)
def _action_error(request: HttpRequest, exc: ActionError) -> HttpResponse:
    return api.create_response(request, {"detail": str(exc)}, status=409)


@api.exception_handler(PermissionDenied)
def _denied(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    return api.create_response(request, {"detail": str(exc) or "Không có quyền"}, status=403)


@api.exception_handler(DataError)
def _out_of_range(request: HttpRequest, exc: DataError) -> HttpResponse:
    # An id or number beyond the database's range: PostgreSQL refuses the query itself.
    return api.create_response(
        request, {"detail": "Giá trị vượt quá giới hạn cho phép"}, status=422
    )


@api.exception_handler(PeriodError)
def _bad_period(request: HttpRequest, exc: PeriodError) -> HttpResponse:
    return api.create_response(request, {"detail": str(exc)}, status=422)


def _resolution_out(r: Any) -> dict[str, Any]:
    return {
        "id": r.pk,
        "title": r.title,
        "number": r.number,
        "kind": r.kind,
        "issuing_body": r.issuing_body.name,
        "issuing_body_id": r.issuing_body_id,
        "period": r.period.code,
        "issued_on": r.issued_on,
        "is_public": r.is_public,
    }


def _result_out(v: ResultVersion) -> dict[str, Any]:
    return {
        "id": v.pk,
        "target_id": v.target_id,
        "period": v.period_code,
        "estimated": v.estimated,
        "seq": v.seq,
        "state": v.state,
        "value": v.value,
        "unit": v.unit,
        "percent_of_target": v.percent_of_target,
        "change_percent": v.change_percent,
        "previous_value": v.previous_value,
        "source": v.source,
        "note": v.note,
        "comment": v.comment,
        "created_by": v.created_by.username if v.created_by else None,
        "created_at": v.created_at,
    }


@api.get("/resolutions", response=list[ResolutionOut], tags=["nghị quyết"])
def list_resolutions(request: HttpRequest) -> list[dict[str, Any]]:
    return [_resolution_out(r) for r in perm.resolutions_for_user(request.user)]


@api.post(
    "/resolutions", response={201: ResolutionOut, 403: Error, 409: Error}, tags=["nghị quyết"]
)
def create_resolution(request: HttpRequest, payload: ResolutionIn) -> HttpStatus[dict[str, Any]]:
    body = get_object_or_404(Body, pk=payload.issuing_body_id)
    if not perm.has_role(request.user, body, perm.EDIT_TARGETS):
        raise PermissionDenied("Bạn không có quyền ban hành nghị quyết cho cơ quan này.")
    resolution = do_create_resolution(
        issuing_body=body,
        kind=payload.kind,
        title=payload.title,
        start_year=payload.start_year,
        end_year=payload.end_year,
        number=payload.number,
        issued_on=payload.issued_on,
        is_public=payload.is_public,
    )
    return HttpStatus(201, _resolution_out(resolution))


@api.post(
    "/resolutions/{resolution_id}/lock",
    response={201: LockOut, 403: Error, 409: Error, 422: Error},
    tags=["nghị quyết"],
)
def lock_period(
    request: HttpRequest, resolution_id: int, payload: LockIn
) -> HttpStatus[dict[str, Any]]:
    resolution = get_object_or_404(
        Resolution.objects.select_related("issuing_body"), pk=resolution_id
    )
    if not perm.can_lock(request.user, resolution):
        raise PermissionDenied("Bạn không có quyền khóa kỳ báo cáo.")
    lock = do_lock_period(resolution, Period.parse(payload.period), request.user)
    return HttpStatus(
        201,
        {
            "resolution_id": resolution.pk,
            "period": lock.period_code,
            "locked_by": request.user.get_username(),
            "locked_at": lock.locked_at,
        },
    )


@api.get(
    "/resolutions/{resolution_id}",
    response={200: ResolutionDetail, 404: Error},
    tags=["nghị quyết"],
)
def get_resolution(request: HttpRequest, resolution_id: int) -> dict[str, Any]:
    r = perm.get_resolution_for_user(request.user, resolution_id)
    return {**_resolution_out(r), "targets": list(r.targets.order_by("order", "id"))}


@api.get("/resolutions/{resolution_id}/evaluations", response=EvaluationsOut, tags=["đánh giá"])
def get_evaluations(request: HttpRequest, resolution_id: int, period: str = "") -> dict[str, Any]:
    r = perm.get_resolution_for_user(request.user, resolution_id)
    d = build_dashboard(r, Period.parse(period) if period else r.period)
    s = d.summary
    return {
        "resolution_id": r.pk,
        "period": d.period.code,
        "summary": {
            "total": s.total,
            "exceeded": s.exceeded,
            "achieved": s.achieved,
            "not_achieved": s.not_achieved,
            "pending": s.pending,
            "sentence": d.sentence,
        },
        "evaluations": [
            {
                "target_id": row.target.pk,
                "code": row.target.code,
                "name": row.target.name,
                "status": row.status.value,
                "status_label": row.status.label_vi,
                "percent_of_target": row.evaluation.percent_of_target,
                "change_percent": row.evaluation.change_percent,
                "result_id": row.effective.pk if row.effective else None,
                "estimated": bool(row.effective and row.effective.estimated),
                "reason": row.evaluation.reason,
            }
            for row in d.rows
        ],
    }


@api.post(
    "/resolutions/{resolution_id}/targets",
    response={201: TargetOut, 403: Error, 409: Error},
    tags=["chỉ tiêu"],
)
def create_target(
    request: HttpRequest, resolution_id: int, payload: TargetIn
) -> HttpStatus[TargetRow]:
    resolution = perm.get_rw_resolution_for_user(request.user, resolution_id)
    body = None
    if payload.responsible_body_id is not None:
        body = get_object_or_404(Body, pk=payload.responsible_body_id)
        if body.pk not in perm._descendants({resolution.issuing_body_id}):
            raise ActionError("Cơ quan chủ trì phải thuộc cơ quan ban hành nghị quyết")
    try:
        target = Target(
            name=payload.name,
            kind=payload.kind,
            comparator=payload.comparator,
            value=payload.value,
            value_max=payload.value_max,
            unit=payload.unit or None,
            basis=payload.basis or None,
            direction=payload.direction,
            field=payload.field,
            code=payload.code,
            order=payload.order,
        )
    except ValueError as exc:
        raise ActionError(str(exc)) from exc
    return HttpStatus(201, do_create_target(resolution, target, responsible_body=body))


@api.get("/targets/{target_id}/results", response=list[ResultOut], tags=["kết quả"])
def list_results(request: HttpRequest, target_id: int) -> list[dict[str, Any]]:
    target = perm.get_target_for_user(request.user, target_id)
    versions = (
        ResultVersion.objects.filter(target=target).select_related("created_by").order_by("id")
    )
    return [_result_out(v) for v in versions]


@api.post(
    "/targets/{target_id}/results",
    response={201: ResultOut, 403: Error, 409: Error, 422: Error},
    tags=["kết quả"],
)
def save_result(
    request: HttpRequest, target_id: int, payload: ResultIn
) -> HttpStatus[dict[str, Any]]:
    target = perm.get_rw_target_for_user(request.user, target_id)
    result = Result(
        period=Period.parse(payload.period),
        value=payload.value,
        unit=payload.unit or None,
        estimated=payload.estimated,
        percent_of_target=payload.percent_of_target,
        change_percent=payload.change_percent,
        previous_value=payload.previous_value,
        declared_status=payload.declared_status,
        source=payload.source,
        note=payload.note,
    )
    version = do_save_result(target, result, user=request.user, expected_seq=payload.base_seq)
    last = (
        ResultVersion.objects.filter(target=target, state="approved", value__isnull=False)
        .exclude(period_code=version.period_code)
        .order_by("-created_at", "-id")
        .first()
    )
    warnings = plausibility_warnings(
        target_to_domain(target), result, last.value if last else result.previous_value
    )
    return HttpStatus(201, {**_result_out(version), "warnings": warnings})


@api.post(
    "/targets/{target_id}/results/submit",
    response={200: ResultOut, 403: Error, 409: Error},
    tags=["kết quả"],
)
def submit_result(request: HttpRequest, target_id: int, payload: SlotIn) -> dict[str, Any]:
    target = perm.get_rw_target_for_user(request.user, target_id)
    version = do_submit_result(
        target, Period.parse(payload.period), payload.estimated, user=request.user
    )
    return _result_out(version)


def _reviewable(request: HttpRequest, target_id: int) -> TargetRow:
    target = get_object_or_404(
        TargetRow.objects.select_related("resolution__issuing_body", "responsible_body"),
        pk=target_id,
    )
    if not perm.can_approve(request.user, target):
        raise PermissionDenied("Bạn không có quyền phê duyệt kết quả của chỉ tiêu này.")
    return target


@api.post(
    "/targets/{target_id}/results/approve",
    response={200: ResultOut, 403: Error, 409: Error},
    tags=["kết quả"],
)
def approve_result(request: HttpRequest, target_id: int, payload: SlotIn) -> dict[str, Any]:
    target = _reviewable(request, target_id)
    version = do_approve_result(
        target, Period.parse(payload.period), payload.estimated, user=request.user
    )
    return _result_out(version)


@api.post(
    "/targets/{target_id}/results/return",
    response={200: ResultOut, 403: Error, 409: Error},
    tags=["kết quả"],
)
def return_result(request: HttpRequest, target_id: int, payload: SlotIn) -> dict[str, Any]:
    target = _reviewable(request, target_id)
    version = do_return_result(
        target,
        Period.parse(payload.period),
        payload.estimated,
        user=request.user,
        comment=payload.comment,
    )
    return _result_out(version)
