"""Targets from one clause: one entry per number, with kind, comparator, sign and basis read
from the cue words around it. No indicator-specific rule: vocabulary is in grammar/vi."""

from __future__ import annotations

import bisect

from chitieu.text.clauses import Slot
from chitieu.text.cues import tag_cats
from chitieu.text.items import Diagnostic, ExtractedTarget, figure_diagnostic
from chitieu.text.naming import basis_of, is_lower_better, shared_names, slot_name
from chitieu.text.tokens import Prepared

_FLIP = {">=": "<=", "<=": ">=", "~": "~"}


def chain_comparator(doc: Prepared, slot: Slot) -> str | None:
    """The comparator word nearest the number, or "trở lên" right after it."""
    found = None
    keys = doc.keys
    # slot.chain_keys holds every key of the chain: most chains have no comparator to walk to.
    if not slot.chain_keys.isdisjoint(_COMPARATORS):
        for i in range(slot.chain[0], slot.chain[1]):
            cats = keys[i]
            if "comparators.at_least" in cats:
                found = ">="
            elif "comparators.at_most" in cats:
                found = "<="
            elif "comparators.about" in cats:
                found = "~"
    a = slot.post[0]
    if a < slot.post[1] and "comparators.at_least" in keys[a]:
        found = found or ">="
    return found


_COMPARATORS = frozenset(("comparators.at_least", "comparators.at_most", "comparators.about"))


def build_targets(
    doc: Prepared,
    slots: list[Slot],
    clause: tuple[int, int],
    sentence: int,
    structure: str | None,
    diagnostics: list[Diagnostic],
    prev_name: str | None = None,
) -> list[ExtractedTarget]:
    out: list[ExtractedTarget] = []
    for slot in slots:
        q = slot.q
        name = slot_name(doc, slot, clause, prev_name)
        if name is None:
            diagnostics.append(
                figure_diagnostic(doc.text, q, "target.no_name", "không xác định được tên chỉ tiêu")
            )
            continue
        chain_keys = slot.chain_keys
        inc = "verbs.increase" in chain_keys or "verbs.exceed_by" in chain_keys
        dec = "verbs.decrease" in chain_keys
        valued = "verbs.value" in chain_keys
        cmp = chain_comparator(doc, slot)
        if not (inc or dec) and not valued and slot.head_verb:
            inc, dec = slot.head_verb == "increase", slot.head_verb == "decrease"
            if dec and cmp == "<=":
                # "kiềm chế tỷ lệ tăng dân số không quá 1,1%": a ceiling on the level.
                inc = dec = False
        basis, basis_in_name = basis_of(doc, slot)
        if basis_in_name:
            name = f"{name} {basis_in_name}"
        change = q.is_percent and (inc or dec or basis is not None)
        value, value_max = q.value, q.value_max
        shared = structure == "clause" or (
            structure == "sentence" and no_words(doc, *slot.post_near) and cmp is None
        )
        # "giảm 25 hộ nghèo": a count of what is taken away, the more the better.
        taken = (dec or slot.head_verb == "decrease") and not change
        if change and dec:
            value, value_max = -value, (-value_max if value_max is not None else None)
            if value_max is not None:
                value, value_max = value_max, value
        if value_max is not None:
            comparator = "range"
        elif cmp is not None:
            comparator = _FLIP[cmp] if (change and dec) else cmp
        elif shared and not change:
            comparator = "="
        elif change and dec:
            comparator = "<="
        else:
            # (the name's words read only here, for the one comparator they decide)
            lower = not taken and is_lower_better(doc, name)
            comparator = "<=" if lower else ">="
        if shared and not change and not name.lower().startswith("tỷ trọng"):
            name = f"tỷ trọng {name}"
        for one in shared_names(doc, slot, name):
            out.append(
                ExtractedTarget(
                    name=one,
                    kind="change" if change else "level",
                    comparator=comparator,
                    value=value,
                    value_max=value_max,
                    unit=q.unit,
                    basis=basis,
                    span=(q.start, q.end),
                    sentence=sentence,
                    rule="target.change" if change else "target.level",
                )
            )
        prev_name = name if not basis_in_name else name[: -len(basis_in_name) - 1]
    return out


def no_words(doc: Prepared, a: int, b: int) -> bool:
    return "word" not in doc.kinds[a:b]  # (a C-level search, no generator)


def is_structure(doc: Prepared, a: int, b: int) -> bool:
    """An economic-structure phrase ("cơ cấu kinh tế") starts in tokens [a, b)."""
    starts = doc.category_starts("indicators.structure")
    i = bisect.bisect_left(starts, a)
    return i < len(starts) and starts[i] < b


def brings_own_head(doc: Prepared, a: int, b: int, slots: list[Slot]) -> bool:
    """A clause after an economic-structure list that names its own indicator ("tỷ lệ …",
    "số …", "tổng …", "thu ngân sách …") or moves it ("tăng", "giảm") is not a sector."""
    end = slots[0].q.first if slots else b
    for i in range(a, end):
        cats = tag_cats(doc, i)
        if any(c in cats for c in _OWN_HEAD):
            return True
    return False


_OWN_HEAD = (
    "indicators.rate",
    "indicators.amount",
    "indicators.head",
    "verbs.increase",
    "verbs.decrease",
)
