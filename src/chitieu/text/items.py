"""What the reader returns: frozen items with the EXTRACTION.md fields, plus where each came
from (span in the normalised text, sentence index, rule name), and the diagnostics."""

from __future__ import annotations

from dataclasses import MISSING, dataclass, field, fields
from decimal import Decimal
from typing import Any, Protocol


def slot_init[T](cls: type[T]) -> type[T]:
    """Give a frozen, slotted dataclass an __init__ that stores each field through its slot's
    descriptor. The generated one goes through object.__setattr__ per field (the class itself
    refuses setattr), about twice the cost, and these objects are built by the thousand per
    text. Same parameters and defaults, same object; setting a field afterwards still raises.
    Use above @dataclass(frozen=True, slots=True)."""
    params: list[str] = []
    body: list[str] = []
    scope: dict[str, object] = {}
    for f in fields(cls):  # type: ignore[arg-type]  # a dataclass, by the decorator order
        if f.default_factory is not MISSING or not f.init or f.kw_only:
            raise TypeError(f"{cls.__name__}.{f.name}: only plain positional fields")
        if f.default is MISSING:
            params.append(f.name)
        else:
            scope[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
        scope[f"_set_{f.name}"] = getattr(cls, f.name).__set__
        body.append(f"    _set_{f.name}(self, {f.name})")
    source = f"def __init__(self, {', '.join(params)}):\n" + "\n".join(body or ["    pass"])
    exec(source, scope)  # built from the field names, as dataclasses does
    init = scope["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"  # type: ignore[attr-defined]
    setattr(cls, "__init__", init)  # noqa: B010 (mypy: assigning a method)
    return cls


def _num(value: Decimal | None) -> int | float | None:
    """Decimal -> JSON number at the edge: integers stay integers, 640.706 stays 640.706."""
    if value is None:
        return None
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def _key_num(value: Decimal | None) -> int | str | None:
    """_num(value) for a hashable key that tells apart what JSON writes apart: a float by its
    repr ("1.0" is not "1", though 1.0 == 1)."""
    # _num inlined: said() asks it of four fields of every item.
    if value is None:
        return None
    if value == value.to_integral_value():
        return int(value)
    return repr(float(value))


# slots: items are built by the thousand per text and read by every later step; a frozen
# dataclass with slots builds faster (and fields.py still sets `field` on a fresh one).
@slot_init
@dataclass(frozen=True, slots=True)
class ExtractedTarget:
    name: str
    kind: str  # "level" | "change"
    comparator: str  # ">=", "<=", "=", "~", "range"
    value: Decimal
    value_max: Decimal | None
    unit: str | None
    basis: str | None
    span: tuple[int, int]
    sentence: int
    rule: str
    field: str | None = None  # a chitieu.model.Field code (text/fields.py), an extra key

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "kind": self.kind,
            "comparator": self.comparator,
            "value": _num(self.value),
            "value_max": _num(self.value_max),
            "unit": self.unit,
            "basis": self.basis,
            "span": list(self.span),
            "field": self.field,
        }

    def said(self) -> tuple[object, ...]:
        """to_dict() without the span, as a hashable tuple: two items that say the same thing
        (duplicates.py) have equal ones. Built from the fields, not from to_dict(): it is asked
        of every item of every text."""
        return (
            self.name,
            self.kind,
            self.comparator,
            _key_num(self.value),
            _key_num(self.value_max),
            self.unit,
            self.basis,
            self.field,
        )


@slot_init
@dataclass(frozen=True, slots=True)
class ExtractedResult:
    name: str
    value: Decimal | None
    unit: str | None
    estimated: bool
    percent_of_target: Decimal | None
    change_percent: Decimal | None
    status: str | None  # "exceeded" | "achieved" | "not_achieved" | None
    span: tuple[int, int]
    sentence: int
    rule: str
    field: str | None = None  # a chitieu.model.Field code (text/fields.py), an extra key

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "value": _num(self.value),
            "unit": self.unit if self.value is not None else None,
            "estimated": self.estimated,
            "percent_of_target": _num(self.percent_of_target),
            "change_percent": _num(self.change_percent),
            "status": self.status,
            "span": list(self.span),
            "field": self.field,
        }

    def said(self) -> tuple[object, ...]:
        """to_dict() without the span, as a hashable tuple (see ExtractedTarget.said)."""
        return (
            self.name,
            _key_num(self.value),
            self.unit if self.value is not None else None,
            self.estimated,
            _key_num(self.percent_of_target),
            _key_num(self.change_percent),
            self.status,
            self.field,
        )


@slot_init
@dataclass(frozen=True, slots=True)
class ExtractedSummary:
    total: int | None
    achieved: int | None
    exceeded: int | None
    not_achieved: int | None
    pending: int | None
    span: tuple[int, int]
    sentence: int
    rule: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "achieved": self.achieved,
            "exceeded": self.exceeded,
            "not_achieved": self.not_achieved,
            "pending": self.pending,
            "span": list(self.span),
        }


@slot_init
@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A number or passage the reader looked at and did not turn into an item, and why."""

    span: tuple[int, int]
    rule: str
    text: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "span": list(self.span),
            "rule": self.rule,
            "text": self.text,
            "message": self.message,
        }


class _Spanned(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


def figure_diagnostic(text: str, figure: _Spanned, rule: str, message: str) -> Diagnostic:
    """Why one figure was skipped: its span and its words as written in `text`."""
    return Diagnostic((figure.start, figure.end), rule, text[figure.start : figure.end], message)


@dataclass(frozen=True)
class Extraction:
    text: str  # the normalised text all spans refer to
    targets: list[ExtractedTarget] = field(default_factory=list)
    results: list[ExtractedResult] = field(default_factory=list)
    summaries: list[ExtractedSummary] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The EXTRACTION.md object (plus a source span per item)."""
        return {
            "targets": [t.to_dict() for t in self.targets],
            "results": [r.to_dict() for r in self.results],
            "summaries": [s.to_dict() for s in self.summaries],
        }
