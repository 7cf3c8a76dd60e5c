"""`chitieu backup` / `chitieu restore`: a round trip gives back every row of every model;
a damaged or altered backup, or a non-empty database, is refused and changes nothing."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from factories import Town

from chitieu.model import Period, Result
from chitieu.web.actions.resolutions import do_lock_period
from chitieu.web.actions.results import do_approve_result, do_save_result, do_submit_result
from chitieu.web.actions.tokens import do_create_token
from chitieu.web.backup import BackupError, create_backup, dumped_models, restore_backup
from chitieu.web.models import ResultVersion, TargetRow

YEAR = Period.year_of(2024)


def _snapshot() -> dict[str, list[dict[str, Any]]]:
    return {
        m._meta.label_lower: list(m._default_manager.order_by("pk").values())
        for m in dumped_models()
    }


def _differences(
    a: dict[str, list[dict[str, Any]]], b: dict[str, list[dict[str, Any]]]
) -> list[str]:
    out = []
    for label in sorted(set(a) | set(b)):
        rows_a, rows_b = a.get(label, []), b.get(label, [])
        if len(rows_a) != len(rows_b):
            out.append(f"{label}: {len(rows_a)} != {len(rows_b)} rows")
            continue
        for ra, rb in zip(rows_a, rows_b, strict=True):
            out += [
                f"{label}#{ra.get('id')}.{k}: {ra[k]!r} != {rb.get(k)!r}"
                for k in ra
                if ra[k] != rb.get(k)
            ]
    return out


def _history(town: Town) -> None:
    reporter, approver = town.users["reporter"], town.users["approver"]
    do_save_result(town.revenue, Result(period=YEAR, value=Decimal("190.25")), user=reporter)
    do_submit_result(town.revenue, YEAR, False, user=reporter)
    do_approve_result(town.revenue, YEAR, False, user=approver)
    do_lock_period(town.resolution, YEAR, approver)
    do_create_token(town.users["admin"], "Phần mềm tổng hợp")


@pytest.mark.django_db
def test_a_backup_restores_every_row_of_every_model(town: Town, tmp_path: Path) -> None:
    _history(town)
    before = _snapshot()
    assert sum(len(rows) for rows in before.values()) > 20
    path = tmp_path / "sao-luu.zip"
    manifest = create_backup(path)
    assert manifest.counts["web.resultversion"] == 3
    # Lose and change things after the backup ...
    ResultVersion.objects.filter(seq=3).delete()
    TargetRow.objects.filter(pk=town.poverty.pk).update(name="đã bị sửa")
    assert _snapshot() != before
    # ... and the backup brings back exactly what was there.
    restore_backup(path, replace=True)
    assert not _differences(_snapshot(), before)


@pytest.mark.django_db
def test_a_non_empty_database_is_not_overwritten_without_replace(
    town: Town, tmp_path: Path
) -> None:
    path = tmp_path / "sao-luu.zip"
    create_backup(path)
    before = _snapshot()
    with pytest.raises(BackupError, match="--replace"):
        restore_backup(path)
    assert _snapshot() == before


def _rewrite(path: Path, change: dict[str, bytes | None]) -> None:
    with zipfile.ZipFile(path) as source:
        members = {n: source.read(n) for n in source.namelist()}
    for name, content in change.items():
        if content is None:
            members.pop(name)
        else:
            members[name] = content
    with zipfile.ZipFile(path, "w") as target:
        for name, content in members.items():
            target.writestr(name, content)


@pytest.mark.django_db
@pytest.mark.parametrize("damage", ["altered figure", "no manifest", "not a zip", "truncated"])
def test_a_damaged_or_altered_backup_is_refused_and_changes_nothing(
    town: Town, tmp_path: Path, damage: str
) -> None:
    _history(town)
    path = tmp_path / "sao-luu.zip"
    create_backup(path)
    if damage == "altered figure":
        with zipfile.ZipFile(path) as z:
            data = z.read("data.xml").replace(b">190.250000<", b">990.250000<")
        assert b"990.25" in data
        _rewrite(path, {"data.xml": data})
    elif damage == "no manifest":
        _rewrite(path, {"manifest.json": None})
    elif damage == "not a zip":
        path.write_bytes(b"day khong phai tep zip")
    else:
        path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    ResultVersion.objects.filter(seq=3).delete()  # something a restore would bring back
    before = _snapshot()
    with pytest.raises(BackupError) as caught:
        restore_backup(path, replace=True)
    assert str(caught.value)  # a Vietnamese reason
    assert _snapshot() == before


def _cli(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "chitieu.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.mark.slow
def test_the_commands_round_trip_between_two_database_files_with_a_checksum(
    tmp_path: Path,
) -> None:
    base = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path),
        "CHITIEU_SECRET_KEY": "k" * 50,
        "CHITIEU_DATA_DIR": str(tmp_path / "data"),
    }
    first = {**base, "DATABASE_URL": f"sqlite:///{tmp_path}/a.sqlite3"}
    second = {**base, "DATABASE_URL": f"sqlite:///{tmp_path}/b.sqlite3"}
    seed = (
        "from chitieu.web.commands import setup_django, migrate_database\n"
        "setup_django(); migrate_database(load_units=False)\n"
        f"import sys; sys.path.insert(0, {str(Path(__file__).parent)!r})\n"
        "from factories import make_town\n"
        "make_town('Cai Lậy'); make_town('Kiến Tường')\n"
    )
    dump = (
        "import json\nfrom chitieu.web.commands import setup_django\nsetup_django()\n"
        "from chitieu.web.backup import dumped_models\n"
        "print(json.dumps({m._meta.label_lower: list(m._default_manager.order_by('pk')"
        ".values_list()) for m in dumped_models()}, default=str))\n"
    )
    run = subprocess.run([sys.executable, "-c", seed], env=first, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    backup = tmp_path / "sao-luu.zip"
    made = _cli(["backup", str(backup)], first)
    assert made.returncode == 0, made.stderr
    assert "SHA-256" in made.stdout
    check = subprocess.run(
        ["sha256sum", "-c", backup.name + ".sha256"], cwd=tmp_path, capture_output=True, text=True
    )
    assert check.returncode == 0, check.stdout + check.stderr
    restored = _cli(["restore", str(backup)], second)
    assert restored.returncode == 0, restored.stderr
    assert "Đã khôi phục" in restored.stdout
    rows = [
        subprocess.run([sys.executable, "-c", dump], env=e, capture_output=True, text=True)
        for e in (first, second)
    ]
    assert rows[0].returncode == 0, rows[0].stderr
    assert json.loads(rows[0].stdout) == json.loads(rows[1].stdout)
    assert len(json.loads(rows[0].stdout)["web.targetrow"]) == 4
    # Restoring again into the now non-empty database is refused with a message.
    again = _cli(["restore", str(backup)], second)
    assert again.returncode == 2 and "--replace" in again.stderr
    assert io.StringIO(again.stderr).read().startswith("Không khôi phục được")
