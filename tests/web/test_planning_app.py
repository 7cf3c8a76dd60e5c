"""The planning app's migrations match its models (a model change without its migration fails
here rather than on a server)."""

from __future__ import annotations

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_the_planning_models_have_no_missing_migration() -> None:
    call_command("makemigrations", "planning", check=True, dry_run=True, verbosity=0)
