"""The access matrix, generated from the URL configuration and the API's operations.

Every page under /o/<org>/ and every API operation under /api/v1/orgs/{org}/ is found by walking the URL
resolver and the API routers; nobody lists routes here. For each route, each of the five roles, an outsider
from a second organisation and an anonymous visitor get exactly what the route's declared policy allows, and
ids from another organisation give 404. A new route with an id parameter this file does not know fails the
test until someone says which rows of the personas fill it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from naober.accounts.models import ApiToken
from naober.api import access_of, api
from naober.contributions.models import CraftCommitment, Help
from naober.core.access import SAFE_METHODS, Access
from naober.goals.models import Indicator, Measurement
from naober.orgs.models import Organisation, Person, Role
from naober.reviews.models import Review, ReviewAction
from naober.scan.services import round_open
from naober.stories.models import SelectionRound, Story
from naober.work.models import WorkImport
from tests.conftest import World, client_for

ROLES = [Role.LEADER, Role.TEAM_LEAD, Role.MEMBER, Role.COACH, Role.COUNCIL]
USER_FOR_ROLE = {Role.LEADER: "leader", Role.TEAM_LEAD: "team_lead", Role.MEMBER: "member",
                 Role.COACH: "coach", Role.COUNCIL: "council"}  # fmt: skip


def _scan_round(organisation: Organisation) -> int:
    """An open balance-scan round of the organisation (one per test: ids are looked up once)."""
    closes = timezone.localdate() + timedelta(days=7)
    return round_open(organisation=organisation, closes_on=closes, send_email=False)[0].pk


# How to fill each URL parameter: a row of Ter Horst, and a row of the other organisation. A row that belongs
# to one person (a contribution, a craft commitment) is that of the persona playing the role: the matrix tests
# what a role may do with its own rows; tests/contributions/test_visibility.py tests other people's.
Ids = dict[str, Callable[[World, str], object]]
OWN_IDS: Ids = {
    "team_id": lambda w, _u: w.binnendienst.pk,
    "person_id": lambda w, _u: w.people["daan"].pk,
    "membership_id": lambda w, _u: w.users["member2"].memberships.get().pk,
    "goal_id": lambda w, _u: w.goal.pk,
    "indicator_id": lambda w, _u: w.indicator.pk,
    "measurement_id": lambda w, _u: w.indicator.measurements.get().pk,
    "value_id": lambda w, _u: w.org.values.get(name="Leren en innoveren").pk,
    "help_id": lambda w, _u: w.help.pk,
    "contribution_id": lambda w, u: w.contributions[u].pk if u in w.contributions else w.contributions["member"].pk,
    "commitment_id": lambda w, u: w.commitments[u].pk if u in w.commitments else w.commitments["member"].pk,
    "round_id": lambda w, _u: _scan_round(w.org),
    "story_id": lambda w, u: w.stories[u].pk if u in w.stories else w.stories["member"].pk,
    "review_id": lambda w, _u: Review.objects.create(organisation=w.org, team=w.binnendienst).pk,
    "selection_id": lambda w, _u: (
        SelectionRound.objects.create(organisation=w.org, period_start="2026-01-01", period_end="2026-12-31").pk
    ),
    "action_id": lambda w, _u: (
        ReviewAction.objects.create(
            review=Review.objects.create(organisation=w.org, team=w.binnendienst), title="Planning delen"
        ).pk
    ),
    "import_id": lambda w, _u: (
        WorkImport.objects.create(organisation=w.org, kind="items", source="helpdesk", filename="a.csv", mapping={}).pk
    ),
}
FOREIGN_IDS: Ids = {
    "team_id": lambda w, _u: w.other_team.pk,
    "person_id": lambda w, _u: w.other_person.pk,
    "membership_id": lambda w, _u: w.outsider.memberships.get().pk,
    "goal_id": lambda w, _u: w.other_goal.pk,
    "indicator_id": lambda w, _u: Indicator.objects.create(goal=w.other_goal, name="Restpunten").pk,
    "measurement_id": lambda w, _u: (
        Measurement.objects.create(
            indicator=Indicator.objects.create(goal=w.other_goal, name="Restpunten"), measured_on="2026-10-01", value=3
        ).pk
    ),
    "value_id": lambda w, _u: w.other_org.values.first().pk,  # type: ignore[union-attr]
    "help_id": lambda w, _u: (
        Help.objects.create(
            organisation=w.other_org,
            helper=w.other_person,
            recorded_by=w.other_person,
            helped=Person.objects.create(organisation=w.other_org, name="Wim"),
        ).pk
    ),
    "contribution_id": lambda w, _u: w.other_contribution.pk,
    "commitment_id": lambda w, _u: (
        CraftCommitment.objects.create(organisation=w.other_org, person=w.other_person, title="Lassen").pk
    ),
    "round_id": lambda w, _u: _scan_round(w.other_org),
    "story_id": lambda w, _u: (
        Story.objects.create(
            organisation=w.other_org, author=w.other_person, title="Bouw", text="Op tijd", visibility="organisation"
        ).pk
    ),
    "review_id": lambda w, _u: Review.objects.create(organisation=w.other_org, team=w.other_team).pk,
    "selection_id": lambda w, _u: (
        SelectionRound.objects.create(organisation=w.other_org, period_start="2026-01-01", period_end="2026-12-31").pk
    ),
    "action_id": lambda w, _u: (
        ReviewAction.objects.create(
            review=Review.objects.create(organisation=w.other_org, team=w.other_team), title="Restpunten"
        ).pk
    ),
    "import_id": lambda w, _u: (
        WorkImport.objects.create(organisation=w.other_org, kind="items", source="erp", filename="b.csv", mapping={}).pk
    ),
}


@dataclass(frozen=True)
class Route:
    name: str
    template: str  # the path with {param} placeholders
    params: tuple[str, ...]
    access: Access | None
    methods: tuple[str, ...] = ("GET", "POST")

    def url(self, org: str, ids: dict[str, object]) -> str:
        return self.template.format(org=org, **{p: ids[p] for p in self.params})


def _walk(patterns: list[Any], prefix: str = "", namespace: str = "") -> Iterator[tuple[str, str, Any]]:
    for entry in patterns:
        if isinstance(entry, URLResolver):
            ns = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern), ns)
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), f"{namespace}{entry.name}", entry.callback


def page_routes() -> list[Route]:
    routes = []
    for pattern, name, callback in _walk(get_resolver().url_patterns):
        if not pattern.startswith("o/<slug:org>/"):
            continue
        template = "/" + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", pattern)
        params = tuple(p for p in re.findall(r"{(\w+)}", template) if p != "org")
        routes.append(Route(name, template, params, getattr(callback, "access", None)))
    return routes


def api_routes() -> list[Route]:
    routes = []
    for prefix, router in api._routers:
        for path, path_view in router.path_operations.items():
            template = "/api/v1/" + (prefix.strip("/") + "/" if prefix.strip("/") else "") + path.lstrip("/")
            if "{org}" not in template:
                continue
            params = tuple(p for p in re.findall(r"{(\w+)}", template) if p != "org")
            for operation in path_view.operations:
                access = access_of(operation.auth_callbacks)
                for method in operation.methods:
                    routes.append(Route(f"{method} {template}", template, params, access, (method,)))
    return routes


PAGES = page_routes()
API = api_routes()


# Parameters whose row is the persona's own; every other id is looked up once per test, before any request
# (a DELETE by the first role must not change the id the next role is asked about).
PERSONAL = frozenset({"contribution_id", "commitment_id", "story_id"})


def _ids(route: Route, world: World, table: Ids, user: str = "leader") -> dict[str, object]:
    unknown = [p for p in route.params if p not in table]
    assert not unknown, f"{route.name}: add {unknown} to OWN_IDS and FOREIGN_IDS in {__file__}"
    return {p: table[p](world, user) for p in route.params}


def _ids_per_role(route: Route, world: World) -> dict[Role, dict[str, object]]:
    shared = _ids(route, world, OWN_IDS)
    return {
        role: {**shared, **{p: OWN_IDS[p](world, USER_FOR_ROLE[role]) for p in route.params if p in PERSONAL}}
        for role in ROLES
    }


def test_the_matrix_finds_the_routes() -> None:
    names = {route.name for route in PAGES}
    assert {"orgs:home", "orgs:team", "orgs:settings", "orgs:transparency", "parts:simulate", "work:home"} <= names
    assert any(route.name.startswith("PATCH ") for route in API)


@pytest.mark.parametrize("route", PAGES + API, ids=lambda r: r.name)
def test_every_route_declares_its_access_policy(route: Route) -> None:
    assert isinstance(route.access, Access), f"{route.name} is not wrapped by org_view / authenticated by org_auth"


@pytest.mark.parametrize("route", PAGES + API, ids=lambda r: r.name)
def test_declared_policies_follow_the_design(route: Route) -> None:
    """DESIGN.md §2 as invariants every policy must keep."""
    access = route.access
    assert access is not None
    assert Role.LEADER in access.read, "leaders may read everything in their organisation"
    assert Role.COUNCIL not in access.write, "the works council reads, never writes"
    assert Role.COACH not in access.write or Role.LEADER in access.write
    assert access.write <= access.read | {Role.LEADER}, "who may change something may also see it"


@pytest.mark.parametrize("route", PAGES, ids=lambda r: r.name)
def test_page_answers_each_role_as_its_policy_says(route: Route, world: World) -> None:
    assert route.access is not None
    ids = _ids_per_role(route, world)
    for role in ROLES:
        url = route.url(world.org.slug, ids[role])
        client = client_for(world.users[USER_FOR_ROLE[role]])
        response = client.get(url)
        expected = 200 if role in route.access.read else 403
        assert response.status_code == expected, f"GET {url} as {role}: {response.status_code}"
        status = _isolated(lambda: client.post(url, {}).status_code)  # noqa: B023 - called at once
        if role in route.access.write:
            assert status not in (403, 404, 500), f"POST {url} as {role}: {status}"
        else:
            assert status in (403, 405), f"POST {url} as {role}: {status}"


@pytest.mark.parametrize("route", PAGES, ids=lambda r: r.name)
def test_page_is_a_404_for_outsiders_and_a_login_for_anonymous(route: Route, world: World) -> None:
    url = route.url(world.org.slug, _ids(route, world, OWN_IDS))
    outsider = client_for(world.outsider)
    assert outsider.get(url).status_code == 404
    assert outsider.post(url, {}).status_code == 404
    response = Client().get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("route", [r for r in PAGES if r.params], ids=lambda r: r.name)
def test_page_with_ids_of_another_organisation_is_a_404(route: Route, world: World) -> None:
    url = route.url(world.org.slug, _ids(route, world, FOREIGN_IDS))
    assert client_for(world.users["leader"]).get(url).status_code == 404


def _isolated(call: Callable[[], int]) -> int:
    """Run one role's request and undo its writes, so that each role meets the same rows (a DELETE by one
    writer must not turn the next writer's answer into a 404)."""
    with transaction.atomic():
        status = call()
        transaction.set_rollback(True)
    return status


def _token_for(user: Any) -> dict[str, str]:
    _token, key = ApiToken.issue(user=user, name="matrix")
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def _call(route: Route, url: str, headers: dict[str, str]) -> int:
    method = route.methods[0]
    client = Client()
    if method in SAFE_METHODS:
        return client.generic(method, url, **headers).status_code  # type: ignore[arg-type]
    return client.generic(method, url, data="{}", content_type="application/json", **headers).status_code  # type: ignore[arg-type]


@pytest.mark.parametrize("route", API, ids=lambda r: r.name)
def test_api_answers_each_role_as_its_policy_says(route: Route, world: World) -> None:
    assert route.access is not None
    ids = _ids_per_role(route, world)
    for role in ROLES:
        url = route.url(world.org.slug, ids[role])
        headers = _token_for(world.users[USER_FOR_ROLE[role]])
        status = _isolated(lambda: _call(route, url, headers))  # noqa: B023 - called at once
        if route.access.allows(role, route.methods[0]):
            assert status not in (401, 403, 404, 500), f"{route.name} as {role}: {status}"
        else:
            assert status == 403, f"{route.name} as {role}: {status}"


@pytest.mark.parametrize("route", API, ids=lambda r: r.name)
def test_api_is_a_404_for_outsiders_and_a_401_for_anonymous(route: Route, world: World) -> None:
    url = route.url(world.org.slug, _ids(route, world, OWN_IDS))
    assert _call(route, url, _token_for(world.outsider)) == 404
    assert _call(route, url, {}) == 401
    assert _call(route, url, {"HTTP_AUTHORIZATION": "Bearer nbr_not-a-real-token"}) == 401


@pytest.mark.parametrize("route", [r for r in API if r.params], ids=lambda r: r.name)
def test_api_with_ids_of_another_organisation_is_a_404(route: Route, world: World) -> None:
    url = route.url(world.org.slug, _ids(route, world, FOREIGN_IDS))
    status = _call(route, url, _token_for(world.users["leader"]))
    # A write with an empty body may be refused for the body before the id is looked up: a 422 says
    # nothing about the other organisation's row either.
    assert status == 404 or (route.methods[0] in {"PATCH", "PUT", "POST"} and status == 422), status
