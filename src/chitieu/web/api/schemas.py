"""Request and response shapes of the REST API (django-ninja / pydantic).

Numbers are Decimal: JSON strings on output ("126.82"), numbers or strings on input."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from ninja import Schema

from chitieu.model import Comparator, Direction, Field, Kind, Status
from chitieu.web.api_limits import (  # database column sizes: 422, never a 500
    Amount,
    Basis,
    BodyId,
    Code,
    Name,
    Order,
    Percent,
    PeriodCode,
    Source,
    UnitText,
)


class Error(Schema):
    detail: str


class ResolutionOut(Schema):
    id: int
    title: str
    number: str
    kind: str
    issuing_body: str
    issuing_body_id: int
    period: str
    issued_on: date | None
    is_public: bool


class TargetOut(Schema):
    id: int
    code: str
    order: int
    name: str
    field: str
    kind: str
    comparator: str
    value: Decimal | None
    value_max: Decimal | None
    unit: str
    basis: str
    direction: str
    responsible_body_id: int | None
    illustrative: bool


class ResolutionDetail(ResolutionOut):
    targets: list[TargetOut]


class TargetIn(Schema):
    name: Name
    code: Code = ""
    field: Field = Field.OTHER
    kind: Kind = Kind.LEVEL
    comparator: Comparator = Comparator.AT_LEAST
    value: Amount | None = None
    value_max: Amount | None = None
    unit: UnitText = ""
    basis: Basis = ""
    direction: Direction = Direction.HIGHER
    responsible_body_id: BodyId | None = None
    order: Order = 0


class ResultIn(Schema):
    period: PeriodCode
    estimated: bool = False
    value: Amount | None = None
    unit: UnitText = ""
    percent_of_target: Percent | None = None
    change_percent: Percent | None = None
    previous_value: Amount | None = None
    declared_status: Status | None = None
    source: Source = ""
    note: str = ""
    # The version this figure was typed against (0: none yet); if someone saved since, 409.
    base_seq: int | None = None


class ResolutionIn(Schema):
    issuing_body_id: int
    kind: str = "annual"
    title: str
    start_year: int
    end_year: int | None = None
    number: str = ""
    issued_on: date | None = None
    is_public: bool = False


class LockIn(Schema):
    period: str


class LockOut(Schema):
    resolution_id: int
    period: str
    locked_by: str | None
    locked_at: datetime


class SlotIn(Schema):
    period: PeriodCode
    estimated: bool = False
    comment: str = ""


class ResultOut(Schema):
    id: int
    target_id: int
    period: str
    estimated: bool
    seq: int
    state: str
    value: Decimal | None
    unit: str
    percent_of_target: Decimal | None
    change_percent: Decimal | None
    previous_value: Decimal | None
    source: str
    note: str
    comment: str
    created_by: str | None
    created_at: datetime
    warnings: list[str] = []  # plausibility warnings on a saved figure (never blocking)


class EvaluationOut(Schema):
    target_id: int
    code: str
    name: str
    status: str
    status_label: str
    percent_of_target: Decimal | None
    change_percent: Decimal | None
    result_id: int | None
    estimated: bool
    reason: str


class SummaryOut(Schema):
    total: int
    exceeded: int
    achieved: int
    not_achieved: int
    pending: int
    sentence: str


class EvaluationsOut(Schema):
    resolution_id: int
    period: str
    summary: SummaryOut
    evaluations: list[EvaluationOut]
