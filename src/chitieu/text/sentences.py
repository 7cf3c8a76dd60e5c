"""Sentences and clauses over tokens.

A sentence ends at ".", "!", "?", "…" (not after an abbreviation such as "TX.") and at a line
break: web and office text puts one paragraph or list item per line. Clauses are split at ";",
the separator of enumerated targets in resolutions. Numbers are single tokens, so the "." of
"9.484" never ends anything.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from chitieu.text.items import slot_init
from chitieu.text.tokens import Prepared

_ENDERS = {".", "!", "?", "…"}
# List markers, and a table row's number cell ("1 | Tổng thu …", "2<TAB>Tỷ lệ …").
_BULLET = re.compile(r"\s*(?:[-+•*–]|[a-zđ]\)|\d{1,2}[.)]|[ivx]{1,4}[.)]|\d{1,3}(?=\s*\||\t))\s")


@slot_init
@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int  # token index
    end: int  # token index, exclusive
    clauses: tuple[tuple[int, int], ...]
    bullet: bool  # starts a line with a list marker ("- ", "a) ", "1. ")
    ends_with_colon: bool
    new_line: bool  # first sentence of its line


def _wrapped(doc: Prepared, i: int) -> bool:
    """A hard line break inside a sentence (PDF text layers): the line before ends without
    punctuation and the next starts in lower case or with a number, on a single break."""
    start = doc.starts[i]
    gap = doc.text[doc.ends[i - 1] : start]
    if gap.count("\n") != 1 or doc.kinds[i - 1] == "punct":
        return False
    first = doc.text[start]
    return first.islower() or (
        doc.kinds[i] == "num"
        and not _BULLET.match(doc.folded[start : doc.ends[i] + 2])
        # "…hoàn thành kế hoạch thu\n9 tháng năm 2025, tổng số thu …": a period opening the
        # line opens a statement, unless the line before asks for it ("… trong\n9 tháng").
        and not (doc.trap_at(start) in _PERIOD_TRAPS and doc.words[i - 1] not in _ASKS)
    )


# Periods that open a statement ("9 tháng năm 2025, …", "6/2026, …").
_PERIOD_TRAPS = frozenset(("duration", "month_year", "quarter_year", "date"))
# Words that need the period after them: the line break falls inside the phrase.
_ASKS = frozenset(("trong", "sau", "của", "đến", "từ", "trước", "vào", "cho", "qua", "hết"))


def _numbering(doc: Prepared, i: int) -> bool:
    """Token i (a number before ".") numbers a list item or an article."""
    if i > 0 and doc.words[i - 1] in doc.lexicon.numbered:  # sentences.toml
        return True
    return doc.opens_line(doc.starts[i]) and len(doc.words[i]) <= 2


# Cells of a table pasted as text: a tab, a "|", or 2+ spaces between two non-spaces.
_CELLS = re.compile(r"\t|\||\S {2,}\S")


def _table_row(doc: Prepared, a: int, b: int) -> bool:
    """A line of cells ("Thu ngân sách<TAB>tỷ đồng<TAB>35,6") is an item of the list above
    it, like a bulleted line."""
    return _CELLS.search(doc.text, doc.starts[a], doc.ends[b - 1]) is not None


# Words after "năm" that make a spoken year: "năm qua", "năm tới", "năm nay", "năm sau".
_SPOKEN_YEARS = frozenset(("qua", "tới", "nay", "sau", "trước"))


def _year_commas(doc: Prepared, a: int, b: int, years: list[int]) -> list[int]:
    """ "Thu nhập … năm 2026 đạt 72,5 triệu đồng, năm 2027 nâng lên 78 triệu đồng": a comma
    opening another year ends a clause, once a figure stands before it (the years decide a
    clause's mode). `years`: the indexes of "năm" in the text."""
    words, kinds, starts = doc.words, doc.kinds, doc.starts
    found: list[int] = []
    for k in years[bisect.bisect_left(years, a) : bisect.bisect_left(years, b - 1)]:
        nxt = words[k + 1]
        # "…, sang năm sẽ trồng thêm 150 ha", "…, năm qua đã thu 10,5 tỷ đồng": a spoken
        # year ("năm qua", "năm tới", "sang năm") opens a clause like a numbered one.
        comma = k - 2 if k - 1 > a and words[k - 1] == "sang" else k - 1
        if (
            comma >= a
            and words[comma] == ","
            and (
                (kinds[k + 1] == "num" and len(nxt) == 4 and nxt[:2] in ("19", "20"))
                or nxt in _SPOKEN_YEARS
                or comma == k - 2
            )
            and any(
                kinds[i] == "num" and doc.trap_at(starts[i]) is None
                for i in range(found[-1] + 1 if found else a, comma)
            )
        ):
            found.append(comma)
    return found


def split_sentences(doc: Prepared) -> list[Sentence]:
    # The tokens' fields as parallel lists (doc.kinds, doc.starts…): a list index is cheaper
    # than a named tuple's attribute, and this visits every sentence end of every text.
    text = doc.text
    folded = doc.folded
    words, kinds, starts, ends = doc.words, doc.kinds, doc.starts, doc.ends
    abbreviations = doc.lexicon.abbreviations
    cells = "\t" in text or "|" in text or "  " in text  # any table row at all
    out: list[Sentence] = []
    start = 0
    n = len(words)
    # Clause cuts, found once per text (C-level searches) and sliced per sentence.
    semicolons = doc.positions_of(";")
    years = doc.positions_of("năm")

    def flush(end: int) -> None:
        nonlocal start
        if end <= start:
            start = end
            return
        first = starts[start]
        # No slicing from the line start: a text with no line break is one huge line.
        line_start = doc.line_start(first)
        new_line = doc.first_text(line_start) >= first or bool(
            _BULLET.match(folded, line_start, first + 2)
        )
        bullet = bool(_BULLET.match(folded, line_start, ends[start] + 2)) or (
            cells and _table_row(doc, start, end)
        )
        clauses: list[tuple[int, int]] = []
        c = start
        cuts = semicolons[
            bisect.bisect_left(semicolons, start) : bisect.bisect_left(semicolons, end)
        ]
        commas = _year_commas(doc, start, end, years) if years else None
        if commas:
            cuts = sorted({*cuts, *commas})
        for k in cuts:
            if k > c:
                clauses.append((c, k))
            c = k + 1
        if end > c:
            clauses.append((c, end))
        last = words[end - 1]
        out.append(Sentence(len(out), start, end, tuple(clauses), bullet, last == ":", new_line))
        start = end

    # Only tokens after a line break or reading ".", "!", "?", "…" can end a sentence: visit
    # those alone (tokens never hold a "\n", so a break lies in the gap before a token).
    at = {i for mark in _ENDERS for i in doc.positions_of(mark)}  # the text's marks index
    for p in doc.newline_offsets():
        j = bisect.bisect_right(starts, p)
        if 0 < j < n:
            at.add(j)
    for i in sorted(at):
        if i > start and "\n" in text[ends[i - 1] : starts[i]] and not _wrapped(doc, i):
            flush(i)
        word = words[i]
        if word in _ENDERS and kinds[i] == "punct":
            prev = words[i - 1] if i > 0 else ""
            more = i + 1 < n  # a token follows
            if prev in abbreviations and more and ends[i] == starts[i + 1] - 1:
                continue
            if more and kinds[i + 1] == "punct" and words[i + 1] in _ENDERS:
                continue  # "..." and "…." end once
            if more and starts[i + 1] == ends[i] and kinds[i + 1] == "word":
                continue  # "tr.đồng", "TP.HCM": no space, no sentence end
            if word == "." and i > 0 and kinds[i - 1] == "num" and _numbering(doc, i - 1):
                continue  # "1. Về kinh tế", "Điều 1. Thông qua …"
            flush(i + 1)
    flush(n)
    return out
