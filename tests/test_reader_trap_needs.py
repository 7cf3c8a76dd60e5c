"""A trap's `needs` (grammar/vi/traps.toml) lets the reader skip its pattern on a text holding
none of those strings; that is only sound when every match of the pattern holds one. Checked
here on the trap's example and on every golden-case text."""

from __future__ import annotations

import re

import pytest

from case_matching import case_texts
from chitieu.text.lexicon import Trap, load_lexicon
from chitieu.text.normalize import fold, normalize
from chitieu.text.tokens import prepare

NEEDING = [t for t in load_lexicon().traps if t.needs]


def test_some_traps_declare_what_their_matches_need() -> None:
    assert NEEDING, "no trap declares `needs`: the skip is never exercised"


@pytest.mark.parametrize("trap", NEEDING, ids=lambda t: t.name)
def test_every_match_of_the_trap_holds_one_of_its_needed_strings(trap: Trap) -> None:
    texts = [trap.example, *case_texts()]
    matches = 0
    for text in texts:
        for m in trap.pattern.finditer(fold(normalize(text))):
            matches += 1
            assert any(n in m.group(0) for n in trap.needs), (trap.name, m.group(0))
    assert matches > 0  # the example at least matches


@pytest.mark.parametrize("trap", NEEDING, ids=lambda t: t.name)
def test_the_trap_still_masks_its_example_and_nothing_once_its_needed_strings_are_gone(
    trap: Trap,
) -> None:
    # Masked spans merge under the first trap's name: the match need only be covered.
    doc = prepare(trap.example)
    m = trap.pattern.search(doc.folded)
    assert m is not None
    assert any(s <= m.start() and m.end() <= e for s, e, _ in doc.masked)
    # The needles are folded (lower case, new tone placement): "Đề án" holds "đề án", and
    # "Đoàn đại biểu" holds "đòan đại biểu" once folded.
    text = fold(normalize(trap.example))
    for n in trap.needs:
        text = re.sub(re.escape(n), " ", text, flags=re.IGNORECASE)
    assert all(name != trap.name for _, _, name in prepare(text).masked)


def test_a_counter_shown_only_as_users_online_is_masked_too() -> None:
    # The counter's hint once lacked "trực tuyến", so this phrase of its pattern never ran.
    doc = prepare("Thống kê truy cập\nĐang trực tuyến: 125")
    assert [name for _, _, name in doc.masked] == ["counter"]
    doc = prepare("Đang trực tuyến: 125")
    assert [name for _, _, name in doc.masked] == ["counter"]
