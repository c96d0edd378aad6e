"""Most Significant Change: a rotating panel picks a story per coupling and says why; everyone sees it."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from naober.orgs.models import Person
from naober.stories.models import StoryVisibility
from naober.stories.services import selection_open, selection_pick, story_tell
from tests.conftest import World, client_for

YEAR = (date(2026, 1, 1), date(2026, 12, 31))


def test_the_panel_is_the_leadership_and_rotating_staff(world: World) -> None:
    for k in range(6):
        Person.objects.create(organisation=world.org, name=f"Collega {k}")
    first = selection_open(organisation=world.org, period_start=YEAR[0], period_end=YEAR[1], staff_seats=3, seed=1)
    panel = set(first.panel.values_list("name", flat=True))
    assert "Anna ter Horst" in panel and len(panel) == 4
    second = selection_open(organisation=world.org, period_start=YEAR[0], period_end=YEAR[1], staff_seats=3, seed=1)
    staff_before = panel - {"Anna ter Horst"}
    staff_now = set(second.panel.values_list("name", flat=True)) - {"Anna ter Horst"}
    assert not staff_before & staff_now  # nine people on staff: the next three have not served yet


def test_only_the_panel_picks_and_says_why_and_everyone_sees_it(world: World) -> None:
    selection = selection_open(  # one staff seat: at least two of the three staff personas are outside the panel
        organisation=world.org, period_start=timezone.localdate(), period_end=timezone.localdate(), staff_seats=1
    )
    story = story_tell(membership=world.users["member2"].memberships.get(), title="Chantal nam het over",
                       text="Chantal Nijhuis belde de klant terug.", visibility=StoryVisibility.ANONYMOUS)  # fmt: skip
    leader = world.users["leader"].memberships.get()
    outsider_of_panel = next(
        m for m in (world.users[k].memberships.get() for k in ("member", "member2", "team_lead"))
        if not selection.panel.filter(pk=m.person_id).exists()
    )  # fmt: skip
    with pytest.raises(PermissionDenied):
        selection_pick(
            selection=selection, membership=outsider_of_panel, coupling="meaning_behaviour", story=story, why="x"
        )
    with pytest.raises(ValidationError):
        selection_pick(
            selection=selection, membership=leader, coupling="meaning_behaviour", story=world.private_story, why="x"
        )
    selection_pick(selection=selection, membership=leader, coupling="meaning_behaviour", story=story,
                   why="Hier zie je naoberschap in het echt.")  # fmt: skip
    for key in ("coach", "council", "member"):
        page = client_for(world.users[key]).get(selection.get_absolute_url()).content.decode()
        assert "Hier zie je naoberschap in het echt." in page
        main = page.split('<main id="main"')[1]
        assert "Chantal nam het over" not in main  # a name in an anonymous story is masked, for all but the teller
