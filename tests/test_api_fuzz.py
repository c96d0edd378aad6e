"""Schema-driven fuzzing of the whole JSON API: every operation in /api/v1/openapi.json, as leader and member.

Schemathesis reads the OpenAPI document from the WSGI application (no network) and generates valid and
invalid requests for every operation it lists, so a route added later is fuzzed without being named here.
No response may be a server error, each must use a documented status code and content type and match the
documented body schema, and none may show anything of Oosterveld, the organisation no persona belongs to.

Most requests name Ter Horst, and about half of their ids are ids of rows that exist (in Ter Horst, or in
Oosterveld to knock on the wall between tenants), so they reach the code behind the organisation and row
lookups instead of stopping at 404; the rest keep the generated values.
"""

from __future__ import annotations

import os
import zlib
from collections.abc import Iterator

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections, transaction
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from naober.accounts.models import ApiToken
from naober.orgs.models import Membership, Person, Team
from naober.wsgi import application
from tests.conftest import World

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]

# The kind of row an id names, by path parameter or body field. Ids not listed keep their generated value.
ID_KINDS = {
    "team_id": "teams",
    "team_ids": "teams",
    "person_id": "people",
    "member_ids": "people",
    "lead_ids": "people",
    "membership_id": "memberships",
}


@pytest.fixture
def _connection_kept_open() -> Iterator[None]:
    # Django closes "obsolete" connections when a request starts and ends, and inside the test transaction
    # every connection looks obsolete. Django's own test Client disconnects the same handler.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


@pytest.fixture
def authorization(world: World, persona: str) -> dict[str, str]:
    _, key = ApiToken.issue(user=world.users[persona], name="fuzz")
    return {"Authorization": f"Bearer {key}"}


@pytest.fixture
def real_ids(world: World) -> dict[str, list[int]]:
    """Ids of rows that exist: Ter Horst's, plus Oosterveld's, which no Ter Horst persona may reach."""
    return {
        "teams": list(Team.objects.order_by("pk").values_list("pk", flat=True)),
        "people": list(Person.objects.order_by("pk").values_list("pk", flat=True)),
        "memberships": list(Membership.objects.order_by("pk").values_list("pk", flat=True)),
    }


@pytest.fixture
def oosterveld_words(world: World) -> list[str]:
    """Words that appear in Oosterveld's data and nowhere in Ter Horst's."""
    return [world.other_org.slug, world.other_team.name.lower()]


def _digest(value: object, salt: str) -> int:
    return zlib.crc32(f"{salt}:{value!r}".encode())


def _org(generated: str) -> str:
    """Ter Horst three times in five, Oosterveld (where no persona belongs) once, the generated slug once."""
    return ["ter-horst", "ter-horst", "ter-horst", "oosterveld", generated][_digest(generated, "org") % 5]


def _id(generated: object, real: list[int], salt: str) -> object:
    """Half the time an id of a row that exists, the other half the generated value."""
    digest = _digest(generated, salt)
    return generated if digest % 2 else real[digest // 2 % len(real)]


def aim_at_real_rows(case: schemathesis.Case, ids: dict[str, list[int]]) -> None:
    """Point most requests at Ter Horst and about half of their ids at rows that exist.

    The choice is a hash of the generated value rather than a new random draw: the same input always
    becomes the same request, and schemathesis keeps its coverage phase, which `@schema.given` turns off.
    """
    if isinstance(case.path_parameters.get("org"), str):
        case.path_parameters["org"] = _org(case.path_parameters["org"])
    for name, value in case.path_parameters.items():
        if name in ID_KINDS:
            case.path_parameters[name] = _id(value, ids[ID_KINDS[name]], name)
    if isinstance(case.body, dict):
        for name, value in case.body.items():
            if name in ID_KINDS and isinstance(value, list):
                case.body[name] = [_id(item, ids[ID_KINDS[name]], name) for item in value]
            elif name in ID_KINDS:
                case.body[name] = _id(value, ids[ID_KINDS[name]], name)


@pytest.mark.parametrize("persona", ["leader", "member"])
@pytest.mark.usefixtures("_connection_kept_open")
@schema.parametrize()
# Budget: schemathesis' coverage phase (a fixed set of boundary and invalid cases per operation) plus 25
# random examples per operation and persona, about 1,750 requests: 35 to 65 seconds on SQLite or PostgreSQL
# on two cores, depending on their load. Set NAOBER_FUZZ_EXAMPLES to search deeper by hand.
# Derandomized, so a failure comes back on every run (for the same code: schemathesis also draws values
# from constants it finds in the application's source).
@settings(
    max_examples=int(os.environ.get("NAOBER_FUZZ_EXAMPLES", "25")),
    deadline=None,
    derandomize=True,
    database=None,
    # `world` is built once per test, not per example; each example rolls its own writes back (below).
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
def test_api_answers_every_request_as_documented(
    case: schemathesis.Case,
    authorization: dict[str, str],
    real_ids: dict[str, list[int]],
    oosterveld_words: list[str],
) -> None:
    aim_at_real_rows(case, real_ids)
    # A savepoint per example, so every request meets the same Ter Horst whatever the previous one deleted,
    # and a failing request can be replayed and shrunk against the same rows.
    with transaction.atomic():
        response = case.call(headers=authorization)
        transaction.set_rollback(True)
    case.validate_response(response, checks=CHECKS)
    shown = [word for word in oosterveld_words if word.encode() in response.content.lower()]
    assert not shown, f"{case.as_curl_command()} shows Oosterveld's {shown}"
