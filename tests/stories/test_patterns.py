"""Stories read as patterns: triangle plots, sliders, themes — and nothing under the anonymity floor."""

from __future__ import annotations

from naober.orgs.models import Membership, Person, Role
from naober.stories.models import Story, StoryVisibility
from naober.stories.patterns import point
from tests.conftest import World, client_for

THEMES = {
    "target": "Ik wilde mijn collega helpen maar moest eerst mijn eigen omzet target halen voor de bonus",
    "vakmanschap": "De monteur loste de storing aan de warmtepomp in één keer op, vakmanschap waar ik trots op ben",
    "overdracht": "Werkvoorbereiding gaf tekening en materiaal op tijd door, de overdracht naar de bouw ging goed",
}


def _stories(world: World, count: int, *, visibility: str = StoryVisibility.ORGANISATION) -> None:
    authors = [Person.objects.create(organisation=world.org, name=f"Verteller {k}") for k in range(count)]
    world.service.members.add(*authors)
    for k, author in enumerate(authors):
        theme = list(THEMES)[k % 3]
        Story.objects.create(
            organisation=world.org, author=author, team=world.service, title=f"{theme} {k}", text=THEMES[theme],
            visibility=visibility, difference_a=0.6, difference_b=0.2, difference_c=0.2, meaning_behaviour=30 + k,
            tone="good" if k % 2 else "bad",
        )  # fmt: skip


def test_the_triangle_point_is_placed_by_its_weights() -> None:
    assert point(1, 0, 0) == (50.0, 6.0)
    assert point(0, 0, 1) == (94.0, 88.0)
    assert point(1 / 3, 1 / 3, 1 / 3) == (50.0, 60.67)


def test_no_patterns_under_the_threshold(world: World) -> None:
    url = f"/o/{world.org.slug}/stories/patterns/?team={world.service.pk}"
    _stories(world, 4)
    content = client_for(world.users["leader"]).get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Patterns are shown from 5 stories" in content
    assert 'class="dot"' not in content


def test_patterns_and_themes_from_enough_stories(world: World) -> None:
    _stories(world, 30)  # three themes of ten stories: one theme per ten stories at most
    url = f"/o/{world.org.slug}/stories/patterns/?team={world.service.pk}"
    content = client_for(world.users["leader"]).get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert content.count('class="dot"') == 30
    assert "omzet" in content or "bonus" in content
    assert "Themes in the texts" in content
    assert "warmtepomp" in content or "storing" in content
    assert "overdracht" in content or "tekening" in content


def test_private_stories_never_count_in_patterns(world: World) -> None:
    _stories(world, 12, visibility=StoryVisibility.PRIVATE)
    url = f"/o/{world.org.slug}/stories/patterns/?team={world.service.pk}"
    content = client_for(world.users["leader"]).get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'class="dot"' not in content


def test_filtering_by_role_only_above_eight_stories(world: World) -> None:
    url = f"/o/{world.org.slug}/stories/patterns/?team={world.service.pk}"
    _stories(world, 8)
    assert 'name="role"' not in client_for(world.users["leader"]).get(url).content.decode()
    _stories(world, 1)
    assert 'name="role"' in client_for(world.users["leader"]).get(url).content.decode()


def test_the_coach_sees_patterns_of_organisation_stories_only(world: World) -> None:
    _stories(world, 6, visibility=StoryVisibility.TEAM)
    url = f"/o/{world.org.slug}/stories/patterns/?team={world.service.pk}"
    coach = client_for(world.users["coach"]).get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'class="dot"' not in coach  # team stories are not the coach's to count
    assert Membership.objects.filter(organisation=world.org, role=Role.COACH).exists()


def test_names_never_become_theme_words(world: World) -> None:
    authors = [Person.objects.create(organisation=world.org, name=f"Verteller {k}") for k in range(30)]
    world.service.members.add(*authors)
    for k, author in enumerate(authors):
        Story.objects.create(
            organisation=world.org, author=author, team=world.service, title=f"Verhaal {k}",
            text="Daan Kamphuis hielp bij de storing aan de warmtepomp; Daan bleef tot de ketel weer draaide.",
            visibility=StoryVisibility.ANONYMOUS,
        )  # fmt: skip
    url = f"/o/{world.org.slug}/stories/patterns/?team={world.service.pk}"
    content = client_for(world.users["leader"]).get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    themes = content.split('id="themes-heading"')[1]
    assert "warmtepomp" in themes or "storing" in themes
    assert "daan" not in themes.lower() and "kamphuis" not in themes.lower()
