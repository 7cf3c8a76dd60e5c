"""Input limits of the API, matching the database columns.

Without them a generated or hostile request (a negative order, a 400-character unit, a
number with 30 digits) reaches the database and fails there with a 500 (PostgreSQL enforces
varchar and numeric sizes; SQLite does not). With them the API answers 422 naming the field.
Found by the schemathesis run (tests/web/test_security_schemathesis.py)."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated

from pydantic import Field

# PositiveIntegerField: 0 .. 2^31-1 on every backend.
Order = Annotated[int, Field(ge=0, le=2_147_483_647)]
# DecimalField(max_digits=20, decimal_places=6): values and previous values.
Amount = Annotated[Decimal, Field(max_digits=20, decimal_places=6, allow_inf_nan=False)]
# DecimalField(max_digits=12, decimal_places=4): percentages.
Percent = Annotated[Decimal, Field(max_digits=12, decimal_places=4, allow_inf_nan=False)]
Name = Annotated[str, Field(min_length=1, max_length=300)]
Code = Annotated[str, Field(max_length=32)]
UnitText = Annotated[str, Field(max_length=64)]
Basis = Annotated[str, Field(max_length=120)]
Source = Annotated[str, Field(max_length=300)]
PeriodCode = Annotated[str, Field(max_length=16)]
# A row id: BigAutoField. Beyond it PostgreSQL fails the query ("integer out of range").
BodyId = Annotated[int, Field(ge=1, le=2**63 - 1)]
