"""Typed input errors: every bad cell names its file, row and column, in Vietnamese.

A loader never stops at the first problem: office staff fix a file in one go when they see
every error at once, so errors are collected (up to a limit) and raised together.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

# Enough to show every problem of a real file; more usually means the wrong file was given.
MAX_ERRORS_PER_FILE = 50


@dataclass(frozen=True)
class InputError:
    """One problem in an input file.

    `row` is the spreadsheet row (header = row 1 in a plain file) or, for JSON, the 1-based
    position of the object in the list (`row_label` is then "mục"). `column` is the header as
    written in the file; `column_ref` the spreadsheet letter when there is one ("C").
    `code` is stable and English ("bad_number", "unit_mismatch"…) for programs and tests."""

    file: str
    code: str
    message: str
    row: int | None = None
    column: str | None = None
    column_ref: str | None = None
    row_label: str = "dòng"

    @property
    def place(self) -> str:
        parts = [self.file]
        if self.row is not None:
            parts.append(f"{self.row_label} {self.row}")
        if self.column is not None:
            ref = f" ({self.column_ref})" if self.column_ref else ""
            parts.append(f'cột "{self.column}"{ref}')
        return ", ".join(parts)

    def __str__(self) -> str:
        return f"{self.place}: {self.message}"


class InputErrors(Exception):
    """Raised once a file (or a pair of files) has been read through and has problems."""

    def __init__(self, errors: list[InputError], omitted: int = 0) -> None:
        self.errors = list(errors)
        self.omitted = omitted  # errors past the per-file limit, counted but not listed
        super().__init__(self.report())

    def __iter__(self) -> Iterator[InputError]:
        return iter(self.errors)

    def __len__(self) -> int:
        return len(self.errors)

    @property
    def codes(self) -> list[str]:
        return [e.code for e in self.errors]

    def report(self) -> str:
        total = len(self.errors) + self.omitted
        lines = [f"Dữ liệu đầu vào có {total} lỗi:"]
        lines += [f"  - {e}" for e in self.errors]
        if self.omitted:
            lines.append(
                f"  … và {self.omitted} lỗi khác (chỉ liệt kê {len(self.errors)} lỗi đầu)."
            )
        return "\n".join(lines)


class ErrorCollector:
    """Collects errors per file, keeping at most `limit` of each file and counting the rest."""

    def __init__(self, limit: int = MAX_ERRORS_PER_FILE) -> None:
        self.limit = limit
        self._errors: list[InputError] = []
        self._per_file: dict[str, int] = {}
        self.omitted = 0

    def add(self, error: InputError) -> None:
        seen = self._per_file.get(error.file, 0)
        self._per_file[error.file] = seen + 1
        if seen < self.limit:
            self._errors.append(error)
        else:
            self.omitted += 1

    def extend(self, errors: InputErrors) -> None:
        for error in errors:
            self.add(error)
        self.omitted += errors.omitted

    def __bool__(self) -> bool:
        return bool(self._errors) or self.omitted > 0

    def count_for(self, file: str) -> int:
        return self._per_file.get(file, 0)

    @property
    def errors(self) -> list[InputError]:
        return list(self._errors)

    def raise_if_any(self) -> None:
        if self:
            raise InputErrors(self._errors, self.omitted)
