"""Targets and results from files (CSV, XLSX, JSON), and the evaluated table back to files.

`load_pairs(targets, results, period)` is the entry point; bad input raises `InputErrors`,
every error naming its file, row and column. The columns are documented in
docs/evaluate-files.md and defined in `chitieu.tables.columns`."""

from __future__ import annotations

from chitieu.tables.errors import InputError, InputErrors
from chitieu.tables.linking import Linked
from chitieu.tables.loading import load_pairs, load_results, load_targets

__all__ = ["InputError", "InputErrors", "Linked", "load_pairs", "load_results", "load_targets"]
