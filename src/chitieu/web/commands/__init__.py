"""`chitieu serve | migrate | createuser`: the web commands of the CLI dispatcher."""

from __future__ import annotations

import os


def setup_django() -> None:
    """Configure Django from the environment (chitieu.web.settings) once."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chitieu.web.settings")
    import django

    django.setup()


def migrate_database(load_units: bool = True, verbosity: int = 0) -> None:
    """Create/update the schema, then the administrative units if they are missing."""
    from django.core.management import call_command

    from chitieu.web.env import data_dir

    data_dir().mkdir(parents=True, exist_ok=True)
    call_command("migrate", interactive=False, verbosity=verbosity)
    if load_units:
        from chitieu.web.actions.units import do_load_units
        from chitieu.web.models import Unit

        if Unit.objects.count() < 3321 + 34:
            do_load_units()
