"""Today, in the app's time zone. One function so tests pin the day (monkeypatch `today`);
the core modules never read the clock, they are given the day."""

from __future__ import annotations

from datetime import date

from django.utils import timezone


def today() -> date:
    return timezone.localdate()
