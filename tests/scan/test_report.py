"""The report as leaders and staff read it: what is shown, what is held back, and the figures themselves."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from naober.accounts.models import User
from naober.orgs.models import Membership, Organisation, Person, Role, Team
from naober.scan.report import build
from naober.scan.services import response_submit, round_open
from tests.conftest import client_for
from tests.scan.conftest import ScanWorld, answer_all, full_answers


def _respondents(report: dict, key: str) -> int | None:  # type: ignore[type-arg]
    group = next(g for g in report["groups"] if g["key"] == key)
    return None if group["suppressed"] else group["respondents"]


def test_small_groups_show_no_figures_not_even_their_size(scan_world: ScanWorld) -> None:
    answer_all(scan_world)
    report = build(scan_world.round)
    groups = {g["key"]: g for g in report["groups"]}
    assert groups["org"]["respondents"] == 17
    assert groups["leaders"]["not_anonymous"] is True  # two leaders: shown, and said so
    binnendienst = groups[f"team:{scan_world.world.binnendienst.pk}"]
    assert binnendienst["suppressed"] and set(binnendienst) == {
        "key",
        "name",
        "kind",
        "suppressed",
        "reason",
        "not_anonymous",
    }
    # Montage (12 of 15 staff) would leave 3 others to be worked out from staff minus Montage: held back too
    montage = groups[f"team:{scan_world.montage.pk}"]
    assert montage["suppressed"] and montage["reason"] == "would_reveal_a_sibling"


def test_the_leaders_blind_spot_and_prediction(scan_world: ScanWorld) -> None:
    answer_all(scan_world, staff_level=4, leader_level=6)
    gaps = build(scan_world.round)["gaps"]
    assert gaps[0]["blind_spot"] and gaps[0]["gap"] >= 1.0
    assert [abs(g["gap"]) for g in gaps] == sorted((abs(g["gap"]) for g in gaps), reverse=True)
    assert all(g["prediction"] == 5.5 for g in gaps if g["block"] in ("result", "relational"))


def test_reliability_appears_from_thirty_respondents(scan_world: ScanWorld) -> None:
    answer_all(scan_world)
    assert "reliability" not in next(g for g in build(scan_world.round)["groups"] if g["key"] == "org")
    for number in range(14):
        scan_world.montage.members.add(Person.objects.create(organisation=scan_world.world.org, name=f"Extra {number}"))
    bigger, letters = round_open(organisation=scan_world.world.org, closes_on=timezone.localdate() + timedelta(days=3))
    for index, letter in enumerate(letters):
        response_submit(letter.token, full_answers(leader=letter.role == "leader", seed=index))
    org = next(g for g in build(bigger)["groups"] if g["key"] == "org")
    assert org["respondents"] == 31
    alpha = org["reliability"]["trust"]["alpha"]
    assert alpha is not None and -1 <= alpha <= 1
    assert len(org["reliability"]["trust"]["item_rest"]) == 3


def test_open_answers_only_above_eight_respondents(scan_world: ScanWorld) -> None:
    for index, letter in enumerate(scan_world.letters[:8]):
        answers = full_answers(leader=letter.role == "leader", seed=index) | {"open": "Eerst je eigen target halen"}
        response_submit(letter.token, answers)
    assert "open_answers" not in next(g for g in build(scan_world.round)["groups"] if g["key"] == "org")
    letter = scan_world.letters[8]
    response_submit(letter.token, full_answers(leader=False) | {"open": "Meer samen plannen"})
    org = next(g for g in build(scan_world.round)["groups"] if g["key"] == "org")
    assert "Meer samen plannen" in org["open_answers"]


def test_the_trend_compares_with_the_previous_round(scan_world: ScanWorld) -> None:
    answer_all(scan_world, staff_level=4)
    later, letters = round_open(organisation=scan_world.world.org, closes_on=timezone.localdate() + timedelta(days=3))
    for index, letter in enumerate(letters):
        response_submit(letter.token, full_answers(leader=letter.role == "leader", level=6, seed=index))
    trend = build(later)["trend"]
    assert trend["previous_round"] == scan_world.round.pk
    assert trend["scales"]["naoberschap"]["change"] > 0


def test_the_report_page_reads_as_a_printable_report(scan_world: ScanWorld) -> None:
    answer_all(scan_world, staff_level=4, leader_level=6)
    for key in ("leader", "member", "coach", "council"):
        response = client_for(scan_world.world.users[key]).get(
            f"/o/{scan_world.world.org.slug}/scan/rounds/{scan_world.round.pk}/report/", HTTP_ACCEPT_LANGUAGE="en"
        )
        content = response.content.decode().split('<main id="main"')[1]  # the menu names the user
        assert response.status_code == 200
        assert "Gaps between leaders and staff" in content and "blind spot" in content
        assert "not anonymous" in content
        assert 'class="diverging"' in content
        assert "Monteur" not in content and "Chantal" not in content  # no names anywhere in a report


# --- property: whatever the organisation and whoever answers, nothing small is revealed -----------------------


@pytest.mark.django_db(transaction=False)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    team_sizes=st.lists(st.integers(min_value=0, max_value=9), min_size=1, max_size=5),
    leaders=st.integers(min_value=0, max_value=6),
    answered=st.floats(min_value=0.3, max_value=1.0),
    threshold=st.integers(min_value=5, max_value=7),
)
def test_no_figure_reveals_a_group_under_the_threshold(
    team_sizes: list[int], leaders: int, answered: float, threshold: int
) -> None:
    with transaction.atomic():
        org = Organisation.objects.create(name="Proef", slug="proef", anonymity_threshold=threshold)
        for t, size in enumerate(team_sizes):
            team = Team.objects.create(organisation=org, name=f"Team {t}")
            team.members.add(*[Person.objects.create(organisation=org, name=f"P{t}-{k}") for k in range(size)])
        for k in range(leaders):
            person = Person.objects.create(organisation=org, name=f"L{k}")
            user = User.objects.create_user(f"l{k}-{threshold}@proef.example", "x", name=f"L{k}")
            Membership.objects.create(user=user, organisation=org, role=Role.LEADER, person=person)
        if not Person.objects.filter(organisation=org).exists():
            transaction.set_rollback(True)
            return
        scan_round, letters = round_open(organisation=org, closes_on=timezone.localdate(), send_email=False)
        for index, letter in enumerate(letters[: max(1, round(len(letters) * answered))]):
            response_submit(letter.token, full_answers(leader=letter.role == "leader", seed=index))
        report = build(scan_round)
        shown = {g["key"]: g for g in report["groups"] if not g["suppressed"]}
        for group in report["groups"]:
            if group["suppressed"]:
                assert "respondents" not in group and "scales" not in group and "items" not in group
        for key, group in shown.items():
            if not group["not_anonymous"]:
                assert group["respondents"] >= threshold, (key, group["respondents"])
        # by subtraction: what a shown parent holds beyond its shown children is 0 or at least the threshold
        children = {"org": ["leaders", "staff"], "staff": [k for k in shown if k.startswith("team:")]}
        for parent, kids in children.items():
            if parent in shown:
                rest = shown[parent]["respondents"] - sum(shown[k]["respondents"] for k in kids if k in shown)
                assert rest == 0 or rest >= threshold, (parent, rest)
        transaction.set_rollback(True)
