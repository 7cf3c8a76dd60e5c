"""Which database each read and write goes to when a replica is configured."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.db import router, transaction

from chitieu.web.env import SettingError
from chitieu.web.models import ApiToken, Membership, PeriodLock, Resolution, ResultVersion, Unit
from chitieu.web.scale.models import TargetEvaluation
from chitieu.web.scale.replica import replica_databases
from chitieu.web.scale.routers import primary_reads


@pytest.fixture
def replica_alias() -> Iterator[None]:
    # The router only looks for the alias; nothing here connects to it.
    settings.DATABASES["replica"] = {"ENGINE": "django.db.backends.postgresql", "NAME": "x"}
    try:
        yield
    finally:
        del settings.DATABASES["replica"]


DATA = [Unit, Resolution, ResultVersion, TargetEvaluation]
FRESH = [Session, get_user_model(), ApiToken, Membership, PeriodLock]


def test_without_a_replica_everything_uses_the_default_database() -> None:
    for model in DATA + FRESH:
        assert router.db_for_read(model) == "default"
        assert router.db_for_write(model) == "default"


def test_it_reads_dashboard_data_from_the_replica(replica_alias: None) -> None:
    for model in DATA:
        assert router.db_for_read(model) == "replica", model
        assert router.db_for_write(model) == "default", model


def test_it_reads_sessions_users_and_permissions_from_the_primary(replica_alias: None) -> None:
    for model in FRESH:
        assert router.db_for_read(model) == "default", model


@pytest.mark.django_db(transaction=True)
def test_reads_inside_a_transaction_stay_on_the_primary(replica_alias: None) -> None:
    with transaction.atomic():
        assert router.db_for_read(ResultVersion) == "default"
    assert router.db_for_read(ResultVersion) == "replica"


def test_primary_reads_forces_the_primary(replica_alias: None) -> None:
    with primary_reads():
        assert router.db_for_read(ResultVersion) == "default"
    assert router.db_for_read(ResultVersion) == "replica"


def test_migrations_never_run_on_the_replica(replica_alias: None) -> None:
    assert router.allow_migrate("replica", "web") is False
    assert router.allow_migrate("default", "web") is True


def test_the_replica_url_is_read_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DATABASE_REPLICA_URL", raising=False)
    assert replica_databases() == {}
    monkeypatch.setenv("DATABASE_REPLICA_URL", "postgres://ro:pw@10.0.0.2:5433/chitieu")
    db = replica_databases()["replica"]
    assert (db["HOST"], db["PORT"], db["NAME"], db["USER"]) == ("10.0.0.2", "5433", "chitieu", "ro")
    assert db["TEST"] == {"MIRROR": "default"}


def test_it_refuses_a_sqlite_replica(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_REPLICA_URL", "sqlite:///copy.db")
    with pytest.raises(SettingError, match="DATABASE_REPLICA_URL"):
        replica_databases()
