"""Backup and restore of the whole database as one portable file, with a checksum.

A backup is a ZIP holding `data.xml` (Django's XML serialisation of every row, natural keys for
users and content types, so it loads into SQLite or PostgreSQL alike) and `manifest.json`
(format, time, SHA-256 of data.xml, row count per model). Restore checks the checksum and
the counts and loads everything in ONE transaction: a damaged file or a failure half-way
leaves the database as it was.

Not dumped: content types, permissions and sessions (rebuilt by `migrate` / not worth
keeping).
"""

from __future__ import annotations

import hashlib
import json
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from django.apps import apps
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connections, models, transaction

FORMAT = 1
EXCLUDED = ("contenttypes", "auth.permission", "sessions")


class BackupError(Exception):
    """A backup that cannot be restored; the message is Vietnamese and says why."""


@dataclass(frozen=True)
class Manifest:
    created_at: str
    sha256: str
    counts: dict[str, int]


def dumped_models() -> list[type[models.Model]]:
    out = []
    for model in apps.get_models():
        label = model._meta.label_lower
        if model._meta.app_label in EXCLUDED or label in EXCLUDED:
            continue
        if model._meta.proxy or not model._meta.managed:
            continue
        out.append(model)
    return out


def row_counts(using: str = "default") -> dict[str, int]:
    return {m._meta.label_lower: m._default_manager.using(using).count() for m in dumped_models()}


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def file_sha256(path: Path) -> str:
    return _sha256(path)


def create_backup(target: Path, using: str = "default") -> Manifest:
    """Write the backup ZIP to `target` (through a temporary file: never a half-written
    backup under the final name). Returns its manifest."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data.xml"
        # One consistent snapshot: counts and rows from the same transaction.
        with transaction.atomic(using=using):
            counts = row_counts(using)
            call_command(
                "dumpdata",
                *[m._meta.label for m in dumped_models()],
                natural_foreign=True,
                natural_primary=False,
                database=using,
                format="xml",  # full microseconds (the JSON encoder keeps milliseconds only)
                output=str(data),
                verbosity=0,
            )
        manifest = Manifest(
            created_at=datetime.now(UTC).isoformat(timespec="seconds"),
            sha256=_sha256(data),
            counts=counts,
        )
        partial = target.with_name(target.name + ".part")
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.write(data, "data.xml")
            archive.writestr(
                "manifest.json",
                json.dumps({"format": FORMAT, **manifest.__dict__}, ensure_ascii=False, indent=1),
            )
        partial.replace(target)
    return manifest


def read_manifest(archive: zipfile.ZipFile) -> Manifest:
    try:
        raw: dict[str, Any] = json.loads(archive.read("manifest.json"))
    except (KeyError, ValueError) as exc:
        raise BackupError("tệp sao lưu thiếu hoặc hỏng manifest.json") from exc
    if raw.get("format") != FORMAT:
        raise BackupError(f"định dạng sao lưu {raw.get('format')!r} không được hỗ trợ")
    return Manifest(created_at=raw["created_at"], sha256=raw["sha256"], counts=raw["counts"])


def _flush(using: str) -> None:
    connection = connections[using]
    tables = [m._meta.db_table for m in dumped_models()]
    tables += [
        f.remote_field.through._meta.db_table
        for m in dumped_models()
        for f in m._meta.local_many_to_many
        if f.remote_field.through._meta.auto_created
    ]
    statements = connection.ops.sql_flush(
        no_style(), tables, reset_sequences=True, allow_cascade=True
    )
    postgres = connection.vendor == "postgresql"
    if postgres:
        # TRUNCATE refuses tables with pending deferred FK checks in this transaction.
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    connection.ops.execute_sql_flush(statements)
    if postgres:
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")  # loaddata inserts in any order


def restore_backup(source: Path, *, replace: bool = False, using: str = "default") -> Manifest:
    """Load a backup. Refuses a non-empty database unless `replace`; all or nothing."""
    if not source.is_file():
        raise BackupError(f"không tìm thấy tệp {source}")
    try:
        archive = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError) as exc:
        raise BackupError(
            f"{source.name} không phải tệp sao lưu hợp lệ (hỏng hoặc sai định dạng)"
        ) from exc
    with archive, tempfile.TemporaryDirectory() as tmp:
        manifest = read_manifest(archive)
        try:
            archive.extract("data.xml", tmp)
        except (KeyError, zipfile.BadZipFile, OSError) as exc:
            raise BackupError(f"{source.name}: không đọc được data.xml (tệp hỏng)") from exc
        data = Path(tmp) / "data.xml"
        if _sha256(data) != manifest.sha256:
            raise BackupError(
                f"{source.name}: mã kiểm tra (SHA-256) không khớp, tệp đã bị thay đổi hoặc hỏng"
            )
        with transaction.atomic(using=using):
            existing = sum(row_counts(using).values())
            if existing and not replace:
                raise BackupError(
                    f"cơ sở dữ liệu đang có {existing} dòng dữ liệu; dùng --replace để thay thế"
                )
            if existing:
                _flush(using)
            call_command("loaddata", str(data), database=using, verbosity=0)
            loaded = row_counts(using)
            if loaded != manifest.counts:
                diff = {
                    k: (manifest.counts.get(k), loaded.get(k))
                    for k in set(loaded) | set(manifest.counts)
                    if loaded.get(k) != manifest.counts.get(k)
                }
                raise BackupError(f"số dòng sau khi khôi phục không khớp với bản sao lưu: {diff}")
    return manifest
