"""The API against its own OpenAPI schema (schemathesis): generated requests, valid and
not, authenticated with a real token, never get a 5xx.

Path ids point at real objects (the town's resolution and target) so that the generated
bodies reach the actions, not only the 404 of a random id; a bounded number of examples
per operation keeps this a CI step."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from factories import make_town
from hypothesis import HealthCheck, settings

from chitieu.web.actions.tokens import do_create_token

schema = schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application())


@pytest.fixture
def town_token(db: None) -> Iterator[tuple[dict[str, int], str]]:
    town = make_town("Cai Lậy")
    _, raw = do_create_token(town.users["admin"], "schemathesis")
    yield {"resolution_id": town.resolution.pk, "target_id": town.revenue.pk}, raw


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
