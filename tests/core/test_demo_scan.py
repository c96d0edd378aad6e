"""The demo company's balance scan tells the story of DESIGN.md §9: two rounds a year apart, a leader-staff gap on
naoberschap, and a trend between the rounds in which not everything improves."""

from typing import Any

import pytest
from django.utils import timezone

from naober.cli import main
from naober.core.demo import DEMO_SLUG
from naober.lib.anonymity import MINIMUM_THRESHOLD
from naober.orgs.models import Organisation
from naober.scan.models import Response, RoleGroup, ScanRound
from naober.scan.report import BLIND_SPOT, build

pytestmark = pytest.mark.django_db

Report = dict[str, Any]


@pytest.fixture
def rounds() -> list[ScanRound]:
    assert main(["demo"]) == 0
    organisation = Organisation.objects.get(slug=DEMO_SLUG)
    return list(ScanRound.objects.in_org(organisation).order_by("opened_at"))


def _group(report: Report, name: str) -> Report:
    """A group by its name (teams, the organisation) or by its fixed key ("leaders", "staff": names translate)."""
    return next(group for group in report["groups"] if name in (group["name"], group["key"]))


def _gap(report: Report, scale: str) -> Report:
    return next(row for row in report["gaps"] if row["scale"] == scale)


def test_two_closed_rounds_a_year_apart_each_ending_in_actions(rounds: list[ScanRound]) -> None:
    assert len(rounds) == 2
    first, second = rounds
    today = timezone.localdate()
    assert all(scan_round.closed_at is not None and not scan_round.is_open for scan_round in rounds)
    assert all(build(scan_round)["closed"] for scan_round in rounds)
    assert abs((second.opened_at - first.opened_at).days - 365) <= 45
    assert 330 <= (today - first.opened_at.date()).days <= 440
    assert 21 <= (today - second.opened_at.date()).days <= 60
    assert first.closes_on < second.opened_at.date() and second.closes_on < today
    assert str(first.opened_at.year) in first.title and str(second.opened_at.year) in second.title
    assert [scan_round.actions.count() for scan_round in rounds] == [2, 1]
    assert first.actions.filter(owner__name="Bram Oude Luttikhuis").exists()


def test_most_of_the_invited_respond_with_varied_answers(rounds: list[ScanRound]) -> None:
    for scan_round in rounds:
        report = build(scan_round)
        assert 0.78 <= report["responded"] / report["invited"] <= 0.88
        assert scan_round.participations.filter(responded_at__isnull=False).count() == report["responded"]
        answers = [value for response in scan_round.responses.all() for value in response.answers["items"].values()]
        assert set(answers) == {None, 1, 2, 3, 4, 5, 6, 7}
        assert 0.01 <= answers.count(None) / len(answers) <= 0.06
        opened, closed = scan_round.opened_at, scan_round.closed_at
        assert closed is not None
        for responded_at in scan_round.participations.exclude(responded_at=None).values_list("responded_at", flat=True):
            assert opened <= responded_at <= closed


def test_each_report_shows_the_organisation_leaders_and_staff(rounds: list[ScanRound]) -> None:
    for scan_round in rounds:
        report = build(scan_round)
        leaders = Response.objects.filter(round=scan_round, role=RoleGroup.LEADER).count()
        for name in ("Ter Horst Installatietechniek", "leaders", "staff"):
            assert not _group(report, name)["suppressed"], name
            assert "scales" in _group(report, name)
        assert _group(report, "leaders")["reason"] == ("not_anonymous" if leaders < MINIMUM_THRESHOLD else "shown")
        assert _group(report, "staff")["reason"] == "shown"


def test_no_group_under_the_threshold_shows_figures(rounds: list[ScanRound]) -> None:
    for scan_round in rounds:
        report = build(scan_round)
        assert report["threshold"] >= MINIMUM_THRESHOLD
        assert any(group["suppressed"] for group in report["groups"])  # the small teams of the demo
        for group in report["groups"]:
            if group["suppressed"]:
                assert not {"respondents", "scales", "items", "sliders", "open_answers"} & set(group), group["name"]
            elif group["reason"] == "shown":
                assert group["respondents"] >= report["threshold"], group["name"]
            else:
                assert (group["key"], group["reason"]) == ("leaders", "not_anonymous")


def test_leaders_rate_naoberschap_far_above_staff_and_predict_too_high(rounds: list[ScanRound]) -> None:
    gaps = []
    for scan_round in rounds:
        naoberschap = _gap(build(scan_round), "naoberschap")
        assert naoberschap["gap"] >= BLIND_SPOT
        assert naoberschap["blind_spot"]
        assert naoberschap["prediction_gap"] > 0.5  # the leaders expected the staff to score higher
        gaps.append(naoberschap["gap"])
    assert gaps[1] < gaps[0]  # narrower, not closed


def test_the_second_round_shows_a_trend_and_not_everything_improves(rounds: list[ScanRound]) -> None:
    first, second = rounds
    assert build(first)["trend"] is None
    trend = build(second)["trend"]
    assert trend is not None
    assert trend["previous_round"] == first.pk
    changes = {scale: row["change"] for scale, row in trend["scales"].items()}
    assert changes["naoberschap"] > 0
    assert any(change is not None and change < 0 for change in changes.values())


def test_binnendienst_staff_score_naoberschap_below_service_staff(rounds: list[ScanRound]) -> None:
    compared = 0
    for scan_round in rounds:
        report = build(scan_round)
        binnendienst, service = _group(report, "Binnendienst"), _group(report, "Service & Onderhoud")
        if binnendienst["suppressed"] or service["suppressed"]:
            continue
        compared += 1
        assert binnendienst["scales"]["naoberschap"]["mean"] < service["scales"]["naoberschap"]["mean"]
    assert compared >= 1


def _figures() -> list[tuple[Any, ...]]:
    """Every round's report without database ids, which a reload changes."""
    figures = []
    for scan_round in ScanRound.objects.filter(organisation__slug=DEMO_SLUG).order_by("opened_at"):
        report = build(scan_round)
        groups = [
            (group["name"], group["reason"], {key: value["mean"] for key, value in group.get("scales", {}).items()})
            for group in report["groups"]
        ]
        trend = report["trend"] and report["trend"]["scales"]
        actions = list(scan_round.actions.values_list("title", "owner__name", "due_on", "done_on"))
        figures.append(
            (report["title"], scan_round.opened_at, report["invited"], report["responded"], groups, report["gaps"])
        )
        figures.append((trend, actions))
    return figures


def test_loading_twice_changes_nothing_and_reset_loads_the_same_figures(capsys: pytest.CaptureFixture[str]) -> None:
    main(["demo"])
    assert "2 scan rounds" in capsys.readouterr().out
    figures = _figures()
    assert len(figures) == 4
    main(["demo"])
    assert "already" in capsys.readouterr().out
    assert ScanRound.objects.count() == 2
    assert _figures() == figures
    main(["demo", "--reset"])
    assert "2 scan rounds" in capsys.readouterr().out
    assert ScanRound.objects.count() == 2
    assert _figures() == figures
