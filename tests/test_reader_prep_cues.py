"""The cue lookups every rule shares (cues.py) and the tagger's walk (tagging.py): their binary
searches and short cuts must answer exactly as a plain walk over the tokens does."""

from __future__ import annotations

from chitieu.text.cues import (
    BOUNDARY_PUNCT,
    PREDICATE,
    first_boundary,
    first_tag_in,
    is_boundary,
    range_has,
    trim,
)
from chitieu.text.lexicon import PHRASE_FILES, Step, Trie, load_lexicon, split_words
from chitieu.text.normalize import fold_phrase
from chitieu.text.tokens import Prepared, prepare

TEXT = (
    "Năm 2025, tổng thu ngân sách ước đạt 9.484,5 tỷ đồng, vượt 12% dự toán và tăng 8% "
    "so với cùng kỳ; (1) tỷ lệ hộ nghèo giảm còn 1,2% (theo chuẩn mới); tháng 12/2026 "
    "bàn giao 150 căn nhà và 30 phòng học, đạt và vượt kế hoạch đề ra."
)


def _ranges(doc: Prepared) -> list[tuple[int, int]]:
    n = len(doc.words)
    return [(a, b) for a in range(-2, n + 2) for b in range(a - 1, n + 3)]


def test_range_has_answers_as_a_scan_of_the_tokens_keys_for_every_range() -> None:
    doc = prepare(TEXT)
    n = len(doc.keys)
    for category in ("verbs.value", "verbs.", "comparators.", "modes.estimated", "nothing.x"):
        for a, b in _ranges(doc):
            scan = any(category in doc.keys[i] for i in range(max(a, 0), min(b, n)))
            assert range_has(doc, a, b, category) is scan, (category, a, b)


def test_first_tag_in_gives_the_start_of_the_first_phrase_touching_the_range() -> None:
    doc = prepare(TEXT)
    n = len(doc.keys)
    hits = 0
    for prefixes in (PREDICATE, ("comparators.", "modes.estimated"), ("nothing.",)):
        for a, b in _ranges(doc):
            at = [i for i in range(max(a, 0), min(b, n)) if not doc.keys[i].isdisjoint(prefixes)]
            want = doc.tags[doc.tag_of[at[0]]].start if at else None
            assert first_tag_in(doc, a, b, prefixes) == want, (prefixes, a, b)
            hits += want is not None
    assert hits  # the text has predicates: the test looked at real answers


def _walk(doc: Prepared, a: int, b: int) -> int:
    """first_boundary's meaning, walked plainly: skip closed brackets, stop at a boundary or
    an unclosed "("."""
    i = a
    while i < b:
        if doc.words[i] == "(":
            j = i + 1
            while j < b and doc.words[j] != ")":
                j += 1
            if j >= b:
                return i
            i = j + 1
            continue
        if is_boundary(doc, i):
            return i
        i += 1
    return b


def test_first_boundary_stops_where_a_plain_walk_stops() -> None:
    doc = prepare(TEXT)
    n = len(doc.words)
    stops = set()
    for a in range(n):
        for b in range(a, n + 1):
            found = first_boundary(doc, a, b)
            assert found == _walk(doc, a, b), (a, b)
            stops.add(doc.words[found] if found < b else None)
    # Commas, semicolons, a bracket and the lone "và" all stopped a walk somewhere.
    assert {",", ";", "(", "và"} <= stops
    assert BOUNDARY_PUNCT & stops


def test_the_lone_va_is_a_boundary_but_not_the_one_inside_dat_va_vuot() -> None:
    doc = prepare(TEXT)
    va = [i for i, w in enumerate(doc.words) if w == "và"]
    assert [is_boundary(doc, i) for i in va] == [True, True, False]


def test_trim_drops_a_list_number_and_a_leading_month() -> None:
    doc = prepare(TEXT)
    words = doc.words
    one = words.index("(", words.index(";"))  # "(1) tỷ lệ hộ nghèo …"
    a, b = trim(doc, one, words.index("giảm"))
    assert " ".join(words[a:b]) == "tỷ lệ hộ nghèo"
    month = words.index("tháng")  # "tháng 12/2026 bàn giao …"
    a, b = trim(doc, month, words.index("150"))
    assert " ".join(words[a:b]) == "bàn giao"


def test_the_tagger_steps_hold_every_phrase_of_the_trie_with_its_words_joined() -> None:
    trie = load_lexicon().cues
    steps = trie.steps()
    assert steps is trie.steps()  # built once

    def walk(node: Trie, after: dict[str, Step], path: tuple[str, ...]) -> int:
        count = 0
        for w, child in node.children.items():
            phrase, nxt = after[w]
            if child.categories:
                assert phrase == (child.frozen, " ".join((*path, w)), child.keys)
                count += 1
            else:
                assert phrase is None
            assert (nxt is None) == (not child.children)
            if nxt is not None:
                count += walk(child, nxt, (*path, w))
        assert set(after) == set(node.children)
        return count

    phrases = {
        p
        for e in load_lexicon().entries
        if e.category.split(".")[0] in PHRASE_FILES
        for p in [" ".join(split_words(fold_phrase(e.phrase)))]
    }
    assert walk(trie, steps, ()) == len(phrases)


def test_tags_cover_their_words_and_read_longest_first() -> None:
    doc = prepare(TEXT)
    for k, t in enumerate(doc.tags):
        assert t.phrase == " ".join(doc.words[t.start : t.end])
        assert all(doc.tag_of[i] == k and doc.keys[i] == t.keys for i in range(t.start, t.end))
    covered = {i for t in doc.tags for i in range(t.start, t.end)}
    assert all((doc.tag_of[i] >= 0) == (i in covered) for i in range(len(doc.words)))
    # "đạt và vượt" is one phrase, not "đạt", "và", "vượt" (each a phrase of its own).
    phrases = [t.phrase for t in doc.tags]
    assert "đạt và vượt" in phrases
    assert {"và", "vượt"} <= set(phrases)
    assert "đạt" in load_lexicon().cues.steps()
