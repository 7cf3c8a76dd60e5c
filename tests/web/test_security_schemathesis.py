"""The API against its own OpenAPI schema (schemathesis): generated requests, valid and
not, authenticated with a real token, never get a 5xx.

Path ids point at real objects (the town's resolution and target) so that the generated
bodies reach the actions, not only the 404 of a random id; a bounded number of examples
per operation keeps this a CI step. The database runs in autocommit as in production
(transactional_db), so one refused statement cannot poison the next request."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from factories import make_town
from hypothesis import HealthCheck, settings

from chitieu.web.actions.tokens import do_create_token

schema = schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application())


@pytest.fixture
def town_token(transactional_db: None) -> Iterator[tuple[dict[str, int], str]]:
    town = make_town("Cai Lậy")
    _, raw = do_create_token(town.users["admin"], "schemathesis")
    # Requests go through the real WSGI handler, which closes "old" connections at the end of
    # each request; inside the test's transaction that would close the test database's
    # connection (Django's own test client disconnects these handlers the same way).
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield {"resolution_id": town.resolution.pk, "target_id": town.revenue.pk}, raw
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
def test_no_generated_api_request_gets_a_server_error(
    case: Any, town_token: tuple[dict[str, int], str]
) -> None:
    ids, token = town_token
    for name, value in ids.items():
        if case.path_parameters and name in case.path_parameters:
            case.path_parameters[name] = value
    response = case.call(headers={"Authorization": f"Bearer {token}"})
    assert response.status_code < 500, (case.path, case.body, response.text[:500])
