"""The core knows nothing of Django: only chitieu/web may import it."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "chitieu"
FRAMEWORKS = ("django", "ninja", "rest_framework", "gunicorn")


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_it_keeps_django_inside_the_web_package() -> None:
    offenders = []
    for path in SRC.rglob("*.py"):
        if (SRC / "web") in path.parents:
            continue
        for name in imported_modules(path):
            if name.split(".")[0] in FRAMEWORKS:
                offenders.append(f"{path.relative_to(SRC)} imports {name}")
    assert offenders == []


def test_it_detects_a_django_import(tmp_path: Path) -> None:
    # The check above must be able to fail: a file that imports Django is caught.
    bad = tmp_path / "bad.py"
    bad.write_text("from django.db import models\nimport os\n", encoding="utf-8")
    assert "django.db" in imported_modules(bad)
