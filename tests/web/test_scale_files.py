"""The synthetic dataset as chunk files (chitieu synth --out) and their load (--from).

Runs on SQLite and, through scripts/test.sh, again on PostgreSQL (the COPY path)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import pytest
from django.db import connection

from chitieu.synth import SynthSpec
from chitieu.web.models import Resolution, ResultVersion, TargetRow
from chitieu.web.scale.files import write_dataset
from chitieu.web.scale.fromfiles import do_load_files
from chitieu.web.scale.load import LoadError, do_load
from chitieu.web.scale.models import LoadChunk, TargetEvaluation

SPEC = SynthSpec(communes=6, years=2, first_year=2024, provinces=3)


def _snapshot() -> dict[str, list[tuple[Any, ...]]]:
    """Every loaded row by its natural keys (ids depend on the sequences, not the data)."""
    unit = "resolution__issuing_body__unit__code"
    target = "target__resolution__issuing_body__unit__code"
    return {
        "resolution": sorted(
            Resolution.objects.values_list(
                "issuing_body__unit__code",
                "start_year",
                "number",
                "title",
                "issued_on",
                "is_public",
                "kind",
                "created_at",
            )
        ),
        "target": sorted(
            TargetRow.objects.values_list(
                unit,
                "resolution__start_year",
                "code",
                "order",
                "name",
                "name_key",
                "field",
                "kind",
                "comparator",
                "value",
                "value_max",
                "unit",
                "basis",
                "direction",
                "illustrative",
            )
        ),
        "result": sorted(
            ResultVersion.objects.values_list(
                target,
                "target__resolution__start_year",
                "target__code",
                "period_code",
                "estimated",
                "seq",
                "state",
                "value",
                "unit",
                "previous_value",
                "created_at",
            ),
            key=repr,
        ),
        "evaluation": sorted(
            TargetEvaluation.objects.values_list(
                "commune__code",
                "province__code",
                "year",
                "code",
                "field",
                "status",
                "estimated",
            )
        ),
    }


def _counts() -> tuple[int, ...]:
    return tuple(
        m.objects.count()
        for m in (Resolution, TargetRow, ResultVersion, TargetEvaluation, LoadChunk)
    )


@pytest.mark.django_db
def test_files_load_the_same_rows_as_the_direct_loader(tmp_path: Path) -> None:
    do_load(SPEC)
    direct = _snapshot()
    for m in (TargetEvaluation, ResultVersion, TargetRow, Resolution, LoadChunk):
        m.objects.all().delete()
    manifest = write_dataset(SPEC, tmp_path, compress=True, id_base=10_000_000)
    assert len(manifest["chunks"]) == 6
    stats = do_load_files(tmp_path)
    assert stats.chunks == 6 and stats.results == len(direct["result"])
    assert _snapshot() == direct
    # The files carry their ids: the id the app gives next is past them.
    top = max(Resolution.objects.values_list("id", flat=True))
    assert top >= 10_000_000
    with connection.cursor() as cur:
        if connection.vendor == "postgresql":
            cur.execute("SELECT last_value FROM web_resolution_id_seq")
        else:
            cur.execute("SELECT seq FROM sqlite_sequence WHERE name = 'web_resolution'")
        assert cur.fetchone()[0] >= top


@pytest.mark.django_db
def test_an_interrupted_file_load_resumes_and_a_rerun_adds_nothing(tmp_path: Path) -> None:
    write_dataset(SPEC, tmp_path)
    first = do_load_files(tmp_path, stop_after=2)
    assert first.chunks == 2 and LoadChunk.objects.count() == 2
    second = do_load_files(tmp_path)
    assert (second.skipped, second.chunks) == (2, 4)
    full = _counts()
    third = do_load_files(tmp_path)
    assert (third.skipped, third.chunks, third.results) == (6, 0, 0)
    assert _counts() == full
    # The direct loader sees the same dataset as loaded.
    assert do_load(SPEC).chunks == 0


def _break_line(path: Path, number: int, column: int, value: str) -> None:
    lines = path.read_text().splitlines(keepends=True)
    fields = lines[number - 1].rstrip("\n").split("\t")
    fields[column] = value
    lines[number - 1] = "\t".join(fields) + "\n"
    path.write_text("".join(lines))


def _refresh_checksum(directory: Path, name: str) -> None:
    """The file was edited by its maker (the checksum matches): only its content is wrong."""
    import hashlib

    manifest = json.loads((directory / "manifest.json").read_text())
    for chunk in manifest["chunks"]:
        for entry in chunk["files"].values():
            if entry["name"] == name:
                entry["sha256"] = hashlib.sha256((directory / name).read_bytes()).hexdigest()
    (directory / "manifest.json").write_text(json.dumps(manifest))


@pytest.mark.django_db
def test_a_malformed_chunk_names_file_and_line_and_stores_nothing(tmp_path: Path) -> None:
    manifest = write_dataset(SPEC, tmp_path)
    do_load_files(tmp_path, stop_after=1)
    before = _counts()
    second = manifest["chunks"][1]["files"]["result"]["name"]
    value_column = manifest["columns"]["result"].index("value")
    _break_line(tmp_path / second, 7, value_column, "bảy")
    _refresh_checksum(tmp_path, second)
    with pytest.raises(LoadError, match=rf"Tệp {second}, dòng 7") as caught:
        do_load_files(tmp_path)
    assert "không được nạp" in str(caught.value)
    assert _counts() == before
    # Fixed (written again), the load resumes at the chunk that failed and finishes.
    write_dataset(SPEC, tmp_path)
    again = do_load_files(tmp_path)
    assert (again.skipped, again.chunks) == (1, 5)
    assert LoadChunk.objects.count() == 6
    assert TargetEvaluation.objects.count() == TargetRow.objects.count()


@pytest.mark.django_db
def test_a_changed_file_fails_its_checksum_and_stores_nothing(tmp_path: Path) -> None:
    manifest = write_dataset(SPEC, tmp_path, compress=True)
    name = manifest["chunks"][0]["files"]["target"]["name"]
    text = gzip.decompress((tmp_path / name).read_bytes()).decode()
    (tmp_path / name).write_bytes(gzip.compress(text.replace("\tt\n", "\tf\n", 1).encode()))
    with pytest.raises(LoadError, match=rf"Tệp {name}: tổng kiểm"):
        do_load_files(tmp_path)
    assert _counts()[:4] == (0, 0, 0, 0)


@pytest.mark.django_db
def test_a_directory_without_manifest_is_refused_in_vietnamese(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="chưa có bộ dữ liệu hoàn chỉnh"):
        do_load_files(tmp_path)


@pytest.mark.django_db
def test_the_synth_command_writes_then_loads_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from chitieu.cli import main

    args = ["synth", "--communes", "2", "--years", "1", "--first-year", "2024"]
    assert main([*args, "--out", str(tmp_path), "--gzip"]) == 0
    assert "Đã ghi 2 phần" in capsys.readouterr().out
    assert sorted(p.name for p in tmp_path.iterdir())[:2] == [
        "manifest.json",
        "p01-2024.resolution.tsv.gz",
    ]
    assert main(["synth", "--from", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "Đã nạp 2 phần" in out
    assert ResultVersion.objects.count() > 0
    assert TargetEvaluation.objects.count() == TargetRow.objects.count()
