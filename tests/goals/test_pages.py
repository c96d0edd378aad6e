"""Steer as a user meets it: setting goals, the check after saving, measurements, charts, the overview."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

from django.test import Client

from naober.contributions.models import Help, HelpStatus
from naober.goals.models import Goal, Horizon, Indicator, Measurement, Value
from naober.goals.services import goal_save, measurement_record
from naober.orgs.models import Person, Team
from tests.conftest import World, client_for


def _form(world: World, **changes: object) -> dict[str, object]:
    klantzorg = Value.objects.get(organisation=world.org, name="Klantzorg")
    data = {
        "form": "goal", "title": "Offertes binnen twee dagen", "team": world.binnendienst.pk, "values": [klantzorg.pk],
        "straight_line": "Elke offerte binnen 16 werkuren de deur uit.", "meaning": "De klant kan snel beslissen.",
        "horizon": "year", "scope": "team",
    }  # fmt: skip
    return {**data, **changes}


def test_team_lead_sets_a_goal_for_their_own_team(world: World) -> None:
    client = client_for(world.users["team_lead"])
    response = client.post(f"/o/{world.org.slug}/steer/", _form(world))
    goal = Goal.objects.get(title="Offertes binnen twee dagen")
    assert response.status_code == 302
    assert response["Location"] == goal.get_absolute_url()
    assert goal.team == world.binnendienst
    assert [v.name for v in goal.values.all()] == ["Klantzorg"]


def test_team_lead_cannot_set_a_goal_for_a_team_they_do_not_lead(world: World) -> None:
    client = client_for(world.users["team_lead"])
    response = client.post(f"/o/{world.org.slug}/steer/", _form(world, team=world.service.pk))
    assert response.status_code == 422
    assert not Goal.objects.filter(title="Offertes binnen twee dagen").exists()


def test_the_goal_check_advises_after_saving_and_never_blocks(world: World, leader_client: Client) -> None:
    data = _form(world, title="+€150.000 omzet", values=[], meaning="")
    response = leader_client.post(f"/o/{world.org.slug}/steer/", data, follow=True, HTTP_ACCEPT_LANGUAGE="en")
    content = response.content.decode()
    assert Goal.objects.filter(title="+€150.000 omzet").exists()
    assert "This goal is only about revenue or profit" in content
    assert "This goal serves no value" in content
    assert "What to do instead:" in content


def test_a_measurement_with_a_decimal_comma_is_saved_and_charted(world: World) -> None:
    client = client_for(world.users["team_lead"])
    url = world.goal.get_absolute_url()
    data = {"form": "measurement", "indicator": world.indicator.pk, "measured_on": "2026-11-01", "value": "1.234,5"}
    assert client.post(url, data).status_code == 302
    assert Measurement.objects.get(indicator=world.indicator, measured_on="2026-11-01").value == Decimal("1234.5")
    content = client.get(url).content.decode()
    chart = json.loads(
        content.split(f'id="indicator-chart-{world.indicator.pk}" type="application/json">')[1].split("</script>")[0]
    )
    assert chart["values"] == [71.5, 1234.5]
    assert chart["target"] == 90.0
    assert "71,5" in content  # the table under the chart, in Dutch notation


def test_a_second_measurement_on_the_same_date_corrects_the_first(world: World) -> None:
    measurement_record(
        indicator=world.indicator, measured_on=world.indicator.measurements.get().measured_on, value=Decimal("72")
    )
    assert world.indicator.measurements.get().value == Decimal("72")


def test_an_employee_reads_goals_but_cannot_change_them(world: World, member_client: Client) -> None:
    url = world.goal.get_absolute_url()
    content = member_client.get(url).content.decode()
    assert world.goal.title in content
    assert 'name="form" value="measurement"' not in content
    assert (
        member_client.post(
            url, {"form": "measurement", "indicator": world.indicator.pk, "measured_on": "2026-11-01", "value": "80"}
        ).status_code
        == 403
    )


def test_goal_list_has_no_n_plus_one(world: World, leader_client: Client, django_assert_max_num_queries) -> None:  # type: ignore[no-untyped-def]
    values = list(Value.objects.filter(organisation=world.org))
    for number in range(15):
        team = Team.objects.create(organisation=world.org, name=f"Ploeg {number}")
        goal = goal_save(
            organisation=world.org, team=team, title=f"Doel {number}", values=values[:2], horizon=Horizon.QUARTER
        )
        Indicator.objects.create(goal=goal, name="Binnen een dag")
    with django_assert_max_num_queries(14):
        assert leader_client.get(f"/o/{world.org.slug}/steer/").status_code == 200


def test_overview_has_no_n_plus_one(world: World, leader_client: Client, django_assert_max_num_queries) -> None:  # type: ignore[no-untyped-def]
    values = list(Value.objects.filter(organisation=world.org))
    for number in range(15):
        team = Team.objects.create(organisation=world.org, name=f"Ploeg {number}")
        people = [Person.objects.create(organisation=world.org, name=f"Monteur {number}-{k}") for k in range(5)]
        team.members.add(*people)
        goal_save(organisation=world.org, team=team, title=f"Doel {number}", values=values[:2])
        Help.objects.create(
            organisation=world.org,
            helper=people[0],
            helped=people[1],
            recorded_by=people[0],
            status=HelpStatus.CONFIRMED,
        )
    with django_assert_max_num_queries(16):
        assert leader_client.get(f"/o/{world.org.slug}/steer/overview/").status_code == 200


def test_overview_shows_team_figures_only_for_teams_of_at_least_the_threshold(
    world: World, leader_client: Client
) -> None:
    team = Team.objects.create(organisation=world.org, name="Montage")
    people = [Person.objects.create(organisation=world.org, name=f"Monteur {k}") for k in range(5)]
    team.members.add(*people)
    for k in range(3):
        Help.objects.create(
            organisation=world.org,
            helper=people[k],
            helped=people[k + 1],
            recorded_by=people[k],
            status=HelpStatus.CONFIRMED,
        )
    data = leader_client.get(f"/api/v1/orgs/{world.org.slug}/overview").json()
    rows = {row["team"]: row for row in data["teams"]}
    assert rows["Montage"]["shown"] is True
    assert rows["Montage"]["help_within_team"] == 3
    assert rows["Binnendienst"]["shown"] is False  # three people: below five
    assert rows["Binnendienst"]["help_within_team"] is None


def test_the_overview_export_holds_teams_and_no_person(world: World, leader_client: Client) -> None:
    response = leader_client.get(f"/o/{world.org.slug}/steer/overview.csv")
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][0] == "team"
    assert {row[0] for row in rows[1:]} == {"Binnendienst", "Service & Onderhoud"}
    text = response.content.decode()
    for person in Person.objects.filter(organisation=world.org):
        assert person.name not in text


def test_api_creates_a_goal_and_answers_with_the_check(world: World) -> None:
    client = client_for(world.users["team_lead"])
    body = {"title": "+€150.000 omzet", "team_id": world.binnendienst.pk, "value_ids": []}
    response = client.post(f"/api/v1/orgs/{world.org.slug}/goals", body, content_type="application/json")
    assert response.status_code == 201, response.content
    codes = {f["code"] for f in response.json()["findings"]}
    assert {"ego_goal", "goal_without_value", "goal_without_meaning"} <= codes
    body["team_id"] = world.service.pk
    response = client.post(f"/api/v1/orgs/{world.org.slug}/goals", body, content_type="application/json")
    assert response.status_code == 403


def test_api_records_measurements_and_lists_them(world: World) -> None:
    client = client_for(world.users["team_lead"])
    url = f"/api/v1/orgs/{world.org.slug}/indicators/{world.indicator.pk}/measurements"
    response = client.post(url, {"measured_on": "2026-11-01", "value": "74.25"}, content_type="application/json")
    assert response.status_code == 201, response.content
    goal = client.get(f"/api/v1/orgs/{world.org.slug}/goals/{world.goal.pk}").json()
    assert [m["value"] for m in goal["indicators"][0]["measurements"]] == ["71.5000", "74.2500"]
