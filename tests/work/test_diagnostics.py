"""Team diagnostics through the page, the API, the CSV and the CLI: the same figures, under the privacy rules —
no figures for teams under five people, and names only for oneself (and one's own team when switched on)."""

from __future__ import annotations

import io
import json
from contextlib import redirect_stdout
from datetime import datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from naober.cli import main
from naober.orgs.models import Person
from naober.work.models import WorkItem, WorkSettings
from tests.conftest import World, client_for

AMS = ZoneInfo("Europe/Amsterdam")


@pytest.fixture
def team_of_six(world: World) -> list[Person]:
    """Binnendienst with six people, each with a few weeks of work and some help between them."""
    extra = [
        Person.objects.create(organisation=world.org, name=n) for n in ("Ellen Jansen", "Frank Wolters", "Gijs Bos")
    ]
    world.binnendienst.members.add(*extra)
    people = [world.people["bram"], world.people["chantal"], world.people["daan"], *extra]
    start = datetime(2026, 2, 2, 9, 0, tzinfo=AMS)
    items = []
    for k in range(600):
        owner = people[k % len(people)]
        handler = people[(k + 1) % len(people)] if k % 5 == 0 else owner
        created = start + timedelta(hours=3 * k)
        resolved = created + timedelta(hours=5 + k % 30)
        items.append(WorkItem(organisation=world.org, source="helpdesk", external_id=f"T-{k}", team=world.binnendienst,
                              owner=owner, handler=handler, created_at=created,
                              first_response_at=created + timedelta(hours=1), resolved_at=resolved,
                              value=Decimal("250.00")))  # fmt: skip
    WorkItem.objects.bulk_create(items)
    return people


def _url(world: World, suffix: str = "") -> str:
    return f"/o/{world.org.slug}/work/teams/{world.binnendienst.pk}/{suffix}"


def test_a_team_under_five_people_shows_no_figures(world: World) -> None:
    WorkItem.objects.create(organisation=world.org, source="s", external_id="1", team=world.binnendienst,
                            owner=world.people["chantal"], created_at=datetime(2026, 3, 2, tzinfo=AMS))  # fmt: skip
    api = client_for(world.users["leader"]).get(
        f"/api/v1/orgs/{world.org.slug}/teams/{world.binnendienst.pk}/work-diagnostics"
    )
    body = api.json()
    assert api.status_code == 200 and body["suppressed"] and body["lead_time"] is None and body["help"] is None
    page = client_for(world.users["leader"]).get(_url(world)).content.decode()
    assert "Chantal" not in page and 'data-chart="chart-lead"' not in page


def test_the_page_api_csv_and_cli_give_the_same_figures(world: World, team_of_six: list[Person]) -> None:
    leader = client_for(world.users["leader"])
    api = leader.get(f"/api/v1/orgs/{world.org.slug}/teams/{world.binnendienst.pk}/work-diagnostics").json()
    assert api["items"] == 600 and api["suppressed"] is None
    assert {"share_after", "rate_ratio", "p_value", "verdict"} <= set(api["help_after_target"])
    assert api["help"]["help_share"] == pytest.approx(0.2)
    page = leader.get(_url(world))
    assert page.status_code == 200 and 'data-chart="chart-lead"' in page.content.decode()
    csv_text = leader.get(_url(world, "diagnostics.csv")).content.decode()
    assert csv_text.splitlines()[0].startswith("week,created,resolved")
    assert len(csv_text.splitlines()) == len(api["weekly"]) + 1
    out = io.StringIO()
    with redirect_stdout(out):
        code = main(["work", "diagnose", "--org", world.org.slug, "--team", "binnendienst", "--json"])
    assert code == 0
    cli = json.loads(out.getvalue())
    assert cli["help_after_target"] == api["help_after_target"] and cli["lead_time"] == api["lead_time"]


def test_names_only_for_oneself_unless_the_organisation_opens_them_for_the_own_team(
    world: World, team_of_six: list[Person]
) -> None:
    url = f"/api/v1/orgs/{world.org.slug}/teams/{world.binnendienst.pk}/work-diagnostics"
    chantal = client_for(world.users["member"]).get(url).json()
    labels = {p["owner"] for p in chantal["load"]["portfolios"]}
    assert "Chantal Nijhuis" in labels and "Daan Kamphuis" not in labels
    leader = client_for(world.users["leader"]).get(url).json()
    assert not {p["owner"] for p in leader["load"]["portfolios"]} & {p.name for p in team_of_six}
    WorkSettings.objects.update_or_create(organisation=world.org, defaults={"names_in_own_team": True})
    opened = client_for(world.users["member"]).get(url).json()
    assert "Daan Kamphuis" in {p["owner"] for p in opened["load"]["portfolios"]}
    # The leader is not in the team: still no names.
    leader = client_for(world.users["leader"]).get(url).json()
    assert not {p["owner"] for p in leader["load"]["portfolios"]} & {p.name for p in team_of_six}


def test_members_of_another_team_and_the_works_council_do_not_see_a_teams_diagnostics(
    world: World, team_of_six: list[Person]
) -> None:
    other = Person.objects.create(organisation=world.org, name="Henk Service")
    world.service.members.add(other)
    world.binnendienst.members.remove(world.people["daan"])
    assert client_for(world.users["member2"]).get(_url(world)).status_code == 404
    assert client_for(world.users["council"]).get(_url(world)).status_code == 403
    assert client_for(world.users["coach"]).get(_url(world)).status_code == 200


def test_targets_reach_the_signal(world: World, team_of_six: list[Person]) -> None:
    from datetime import date

    from naober.work.models import PersonTarget

    for person in team_of_six:
        PersonTarget.objects.create(organisation=world.org, person=person, period_start=date(2026, 2, 1),
                                    period_end=date(2026, 4, 30), target=Decimal("5000"))  # fmt: skip
    url = f"/api/v1/orgs/{world.org.slug}/teams/{world.binnendienst.pk}/work-diagnostics"
    signal = client_for(world.users["leader"]).get(url).json()["help_after_target"]
    assert signal["people_with_targets"] == 6
    assert signal["verdict"] in {"pattern", "no_pattern", "too_little_data"}
    assert signal["share_after"] is not None
