"""The demo company tells the story of DESIGN.md §9 in Steer and Contribute."""

from datetime import timedelta

import pytest
from django.utils import timezone

from naober.cli import main
from naober.contributions.models import Appreciation, Contribution, CraftCommitment, Help, HelpStatus, Visibility
from naober.core.demo import DEMO_SLUG, PORTFOLIOS
from naober.goals.check import check_organisation
from naober.goals.models import Goal, Horizon, Measurement
from naober.orgs.models import Organisation, Person, Team

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo() -> Organisation:
    assert main(["demo"]) == 0
    return Organisation.objects.get(slug=DEMO_SLUG)


def _late_share(help_records: list[Help]) -> float:
    """The share of help in the last third of its month (from the 21st on)."""
    return sum(record.occurred_on.day >= 21 for record in help_records) / len(help_records)


def _confirmed_help_by(team: Team) -> list[Help]:
    return list(Help.objects.filter(status=HelpStatus.CONFIRMED, helper__in=team.members.all()))


def test_goal_check_flags_the_ego_goal_and_finds_a_value_for_every_goal(demo: Organisation) -> None:
    findings = check_organisation(demo)
    ego = [finding.subject for finding in findings if finding.code == "ego_goal"]
    assert ego == ["+€150.000 omzet"]
    assert not [finding for finding in findings if finding.code == "goal_without_value"]
    assert not [finding for finding in findings if finding.code in ("value_without_goal", "no_long_term")]


def test_binnendienst_keeps_a_team_goal_beside_an_individual_one(demo: Organisation) -> None:
    scopes = set(Goal.objects.filter(organisation=demo, team__name="Binnendienst").values_list("scope", flat=True))
    assert scopes == {"team", "individual"}
    assert "only_individual_goals" not in {finding.code for finding in check_organisation(demo)}


def test_binnendienst_help_comes_later_in_the_month_than_service_help(demo: Organisation) -> None:
    binnendienst = _confirmed_help_by(Team.objects.get(organisation=demo, name="Binnendienst"))
    service = _confirmed_help_by(Team.objects.get(organisation=demo, name="Service & Onderhoud"))
    assert len(binnendienst) >= 20
    assert len(service) > len(binnendienst)
    assert _late_share(binnendienst) > _late_share(service) + 0.2


def test_binnendienst_help_flows_mostly_to_the_busiest_portfolios(demo: Organisation) -> None:
    busiest = [owner for owner, _portfolio, customers in PORTFOLIOS if customers > 100]
    team = Team.objects.get(organisation=demo, name="Binnendienst")
    within_team = Help.objects.filter(helper__in=team.members.all(), helped__in=team.members.all())
    assert within_team.filter(helped__name__in=busiest).count() > within_team.count() / 2


def test_chantal_has_help_to_confirm_thanks_and_a_private_craft_commitment(demo: Organisation) -> None:
    chantal = Person.objects.get(organisation=demo, name="Chantal Nijhuis")
    assert Help.objects.awaiting(chantal).exists()
    assert Help.objects.filter(helper=chantal, status=HelpStatus.CONFIRMED).exists()
    assert Help.objects.filter(helped=chantal, status=HelpStatus.CONFIRMED).exists()
    assert Contribution.objects.filter(author=chantal).count() >= 4
    assert Appreciation.objects.filter(recipient=chantal).exists()
    private = CraftCommitment.objects.filter(person=chantal, shared=False).first()
    assert private is not None
    assert private.reflections.count() >= 2
    assert CraftCommitment.objects.filter(person=chantal, shared=True).exists()
    assert CraftCommitment.objects.filter(person__name="Bram Oude Luttikhuis", shared=True).exists()
    assert Contribution.objects.filter(author__name="Anna ter Horst").exists()


def test_some_help_waits_and_some_is_not_recognised(demo: Organisation) -> None:
    statuses = Help.objects.filter(organisation=demo).values_list("status", flat=True)
    assert list(statuses).count(HelpStatus.DECLINED) in (1, 2)
    waiting = Help.objects.filter(organisation=demo, status=HelpStatus.PENDING)
    assert 3 <= waiting.count() <= 15
    assert all(record.occurred_on >= timezone.localdate() - timedelta(days=14) for record in waiting)


def test_binnendienst_members_tell_of_their_own_target_first_in_private(demo: Organisation) -> None:
    stories = Contribution.objects.filter(
        organisation=demo, team__name="Binnendienst", visibility=Visibility.PRIVATE, text__icontains="target"
    )
    assert stories.count() >= 3


def test_a_year_of_contributions_mostly_shared_with_the_team(demo: Organisation) -> None:
    contributions = Contribution.objects.filter(organisation=demo)
    assert 150 <= contributions.count() <= 250
    by_visibility = {v: contributions.filter(visibility=v).count() for v in Visibility.values}
    assert by_visibility["team"] > by_visibility["organisation"] > 0
    assert by_visibility["private"] > 0
    assert contributions.exclude(customer_notice="").count() > contributions.count() / 2
    today = timezone.localdate()
    dates = list(contributions.values_list("occurred_on", flat=True))
    assert today - timedelta(days=366) <= min(dates) and max(dates) <= today
    assert 20 <= Appreciation.objects.filter(organisation=demo).count() <= 80
    assert max(Appreciation.objects.values_list("created_at", flat=True)) <= timezone.now()


def test_there_is_a_goal_for_the_next_generation_and_a_year_of_measurements(demo: Organisation) -> None:
    assert Goal.objects.filter(organisation=demo, horizon=Horizon.GENERATION).exists()
    days = Measurement.objects.filter(indicator__name="Vragen binnen een werkdag af").values_list(
        "measured_on", "value"
    )
    series = [value for _day, value in sorted(days)]
    assert len(series) == 12
    assert 65 <= series[0] < series[-1] < 90
    assert max(day for day, _value in days) < timezone.localdate().replace(day=1)


def _story() -> list[tuple[str, str, object]]:
    contributions = Contribution.objects.values_list("author__name", "text", "occurred_on")
    help_records = Help.objects.values_list("helper__name", "helped__name", "occurred_on", "status")
    return sorted(map(tuple, contributions)) + sorted(map(tuple, help_records))  # type: ignore[arg-type]


def test_loading_twice_changes_nothing_and_reset_tells_the_same_story(capsys: pytest.CaptureFixture[str]) -> None:
    main(["demo"])
    summary = capsys.readouterr().out
    assert "goals" in summary and "contributions" in summary and "help" in summary
    story = _story()
    counts = (Goal.objects.count(), Appreciation.objects.count(), CraftCommitment.objects.count())
    main(["demo"])
    assert "already" in capsys.readouterr().out
    assert _story() == story
    assert (Goal.objects.count(), Appreciation.objects.count(), CraftCommitment.objects.count()) == counts
    main(["demo", "--reset"])
    assert capsys.readouterr().out == summary
    assert _story() == story
