"""The demo's stories (issue 6): told across the teams, signified consistently, shown as patterns."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

import pytest
from django.utils import timezone

from naober.cli import main
from naober.core.demo import DEMO_SLUG, TEAMS
from naober.orgs.models import Membership, Organisation, Person
from naober.stories import patterns
from naober.stories.models import MASK, Story, StoryVisibility


def _membership(email: str) -> Membership:
    return Membership.objects.get(user__email=email, organisation__slug=DEMO_SLUG)


def _texts() -> list[tuple[str, str, str, str]]:
    return sorted(Story.objects.values_list("author__name", "title", "text", "visibility"))


@pytest.mark.django_db
def test_demo_tells_stories_in_every_team_with_the_visibility_mix(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo"]) == 0
    stories = list(Story.objects.filter(organisation__slug=DEMO_SLUG).select_related("team"))
    assert f"{len(stories)} stories" in capsys.readouterr().out
    assert 60 <= len(stories) <= 80
    assert {story.team.name for story in stories if story.team} == {name for name, _d, _m in TEAMS}
    share = {key: count / len(stories) for key, count in Counter(s.visibility for s in stories).items()}
    assert 0.4 <= share[StoryVisibility.TEAM] <= 0.6
    assert 0.18 <= share[StoryVisibility.ORGANISATION] <= 0.32
    assert 0.1 <= share[StoryVisibility.ANONYMOUS] <= 0.2
    assert 0.05 <= share[StoryVisibility.PRIVATE] <= 0.15
    now = timezone.now()
    assert all(now - timedelta(days=366) <= story.created_at <= now for story in stories)
    assert len({story.created_at.date() for story in stories}) > 30  # spread over the year, not told on one day


@pytest.mark.django_db
def test_every_placed_triangle_sums_to_one_and_sliders_stay_in_range() -> None:
    main(["demo"])
    placed = 0
    for story in Story.objects.all():
        for key in ("difference", "counted"):
            weights = [getattr(story, f"{key}_{corner}") for corner in "abc"]
            if all(weight is None for weight in weights):
                continue
            placed += 1
            assert None not in weights
            assert all(0 <= weight <= 1 for weight in weights)
            assert abs(sum(weights) - 1) <= 0.001
            assert all(round(weight, 3) == weight for weight in weights)
        for key in ("meaning_behaviour", "humanity_result", "freedom_responsibility", "direction_collaboration"):
            value = getattr(story, key)
            assert value is None or 0 <= value <= 100
        assert story.tone and story.frequency and story.more_or_less and story.involved
    assert placed > 100


@pytest.mark.django_db
def test_binnendienst_stories_lean_towards_only_the_figures_count() -> None:
    main(["demo"])

    def mean(team: str) -> float:
        values = list(
            Story.objects.filter(team__name=team, humanity_result__isnull=False).values_list(
                "humanity_result", flat=True
            )
        )
        return sum(values) / len(values)

    assert mean("Binnendienst") > mean("Service & Onderhoud") + 10


@pytest.mark.django_db
def test_chantal_has_a_private_story_and_an_anonymous_one_that_masks_a_colleague() -> None:
    main(["demo"])
    chantal = _membership("chantal@terhorst.example")
    hers = Story.objects.filter(author=chantal.person)
    assert 3 <= hers.count() <= 5
    assert hers.filter(visibility=StoryVisibility.PRIVATE).exists()
    anonymous = hers.get(visibility=StoryVisibility.ANONYMOUS)
    anna = _membership("anna@terhorst.example")
    assert anonymous in Story.objects.visible_to(anna)
    assert not hers.filter(visibility=StoryVisibility.PRIVATE, pk__in=Story.objects.visible_to(anna)).exists()
    people = Person.objects.filter(organisation=anna.organisation)
    assert MASK in anonymous.text_for(anna, people)
    assert "Fleur" not in anonymous.text_for(anna, people)
    assert anonymous.text_for(chantal, people) == anonymous.text  # the teller reads her own names


@pytest.mark.django_db
def test_patterns_are_shown_with_themes_and_per_team_for_the_two_main_teams() -> None:
    main(["demo"])
    anna = _membership("anna@terhorst.example")
    shared = list(Story.objects.for_patterns(anna))
    data = patterns.build(shared, threshold=5, readable_ids=set())
    assert data["shown"]
    assert len(data["themes"]) >= 2
    for team in ("Binnendienst", "Service & Onderhoud"):
        chosen = list(Story.objects.for_patterns(anna).filter(team__name=team))
        assert patterns.build(chosen, threshold=5, readable_ids=set())["shown"], team


@pytest.mark.django_db
def test_demo_twice_keeps_the_stories_and_reset_tells_the_same_ones() -> None:
    main(["demo"])
    texts = _texts()
    signifiers = sorted(
        Story.objects.values_list("title", "difference_a", "counted_c", "humanity_result", "tone", "involved")
    )
    main(["demo"])
    assert _texts() == texts
    main(["demo", "--reset"])
    assert Organisation.objects.filter(slug=DEMO_SLUG).count() == 1
    assert _texts() == texts
    assert (
        sorted(Story.objects.values_list("title", "difference_a", "counted_c", "humanity_result", "tone", "involved"))
        == signifiers
    )
