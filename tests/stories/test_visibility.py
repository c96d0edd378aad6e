"""Who reads which story (DESIGN.md §5): the teller chooses; names are masked when the teller's is."""

from __future__ import annotations

import pytest
from django.test import Client

from naober.orgs.models import Person
from naober.stories.models import MASK, Story, StoryVisibility, mask_names
from naober.stories.services import story_tell
from tests.conftest import World, client_for

READERS = ["leader", "team_lead", "member", "member2", "coach", "council"]


def _everything(world: World, key: str) -> str:
    client = client_for(world.users[key])
    org = world.org.slug
    pages = [f"/o/{org}/stories/", f"/o/{org}/stories/patterns/"]
    pages += [f"/o/{org}/stories/{s.pk}/" for s in Story.objects.filter(organisation=world.org)]
    return "\n".join(client.get(url).content.decode() for url in pages)


def _tell(world: World, key: str, visibility: str, text: str, title: str = "Een moment") -> Story:
    return story_tell(membership=world.users[key].memberships.get(), title=title, text=text, visibility=visibility)


@pytest.mark.parametrize("key", ["leader", "team_lead", "member2", "coach", "council"])
def test_a_private_story_is_read_by_its_teller_only(world: World, key: str) -> None:
    assert world.private_story.text not in _everything(world, key)
    assert world.private_story.title not in _everything(world, key)
    assert world.private_story.text in _everything(world, "member")
    url = f"/o/{world.org.slug}/stories/{world.private_story.pk}/"
    assert client_for(world.users[key]).get(url).status_code in (403, 404)


def test_a_team_story_is_read_in_the_team_only(world: World) -> None:
    _tell(world, "member", StoryVisibility.TEAM, "De planning liep vast bij de overdracht.")
    for key in ("member", "member2", "team_lead"):  # Binnendienst
        assert "De planning liep vast" in _everything(world, key), key
    for key in ("leader", "coach", "council"):
        assert "De planning liep vast" not in _everything(world, key), key


def test_a_story_without_name_hides_the_teller_and_the_colleagues_in_it(world: World) -> None:
    story = _tell(
        world, "member", StoryVisibility.ANONYMOUS,
        "Bram Oude Luttikhuis zei dat ik eerst mijn target moest halen; Daan kon ik pas daarna helpen.",
        title="Daan moest wachten",
    )  # fmt: skip
    page = client_for(world.users["leader"]).get(story.get_absolute_url()).content.decode()
    main = page.split('<main id="main"')[1]
    assert "Chantal" not in main
    assert "Bram" not in main and "Luttikhuis" not in main and "Daan" not in main
    assert f"{MASK} zei dat ik eerst mijn target moest halen; {MASK} kon ik pas daarna helpen." in main
    own = client_for(world.users["member"]).get(story.get_absolute_url()).content.decode()
    assert "Bram Oude Luttikhuis zei" in own  # the teller reads their own words


def test_masking_takes_whole_names_in_any_case_and_leaves_other_words() -> None:
    people = [Person(name="Daan Kamphuis"), Person(name="Bram Oude Luttikhuis"), Person(name="Iris Scholten")]
    text = "daan KAMPHUIS en Bram vonden de oude ketel mooi; Daantje en Iris ook. Irissen bloeien."
    assert (
        mask_names(text, people)
        == f"{MASK} en {MASK} vonden de oude ketel mooi; Daantje en {MASK} ook. Irissen bloeien."
    )


def test_the_coach_and_council_see_no_story_one_by_one(world: World) -> None:
    for key in ("coach", "council"):
        client = client_for(world.users[key])
        assert client.get(f"/o/{world.org.slug}/stories/").status_code == 403
        assert client.get(f"/o/{world.org.slug}/stories/patterns/").status_code == 200


def test_telling_a_story_with_both_triangles_and_sliders(world: World, member_client: Client) -> None:
    data = {
        "title": "Storing samen opgelost", "text": "Luuk en ik losten de storing in één keer op.", "tone": "good",
        "difference_a": "0.200", "difference_b": "0.500", "difference_c": "0.300",
        "counted_a": "0.100", "counted_b": "0.600", "counted_c": "0.300",
        "meaning_behaviour": "40", "humanity_result": "55", "freedom_responsibility": "50",
        "direction_collaboration": "60", "frequency": "sometimes", "involved": ["team", "customer"],
        "more_or_less": "more", "visibility": "organisation",
    }  # fmt: skip
    response = member_client.post(f"/o/{world.org.slug}/stories/new/", data)
    assert response.status_code == 302
    story = Story.objects.get(title="Storing samen opgelost")
    assert (story.difference_b, story.counted_b, story.humanity_result) == (0.5, 0.6, 55)
    assert story.involved == ["team", "customer"]
    assert story.team == world.binnendienst


def test_a_triangle_point_that_does_not_add_up_is_refused(world: World, member_client: Client) -> None:
    data = {"title": "X", "text": "Y", "tone": "bad", "visibility": "private",
            "difference_a": "0.9", "difference_b": "0.9", "difference_c": "0.1"}  # fmt: skip
    assert member_client.post(f"/o/{world.org.slug}/stories/new/", data).status_code == 422
    assert not Story.objects.filter(title="X").exists()


def test_the_api_tells_and_reads_stories_with_the_same_rules(world: World) -> None:
    base = f"/api/v1/orgs/{world.org.slug}/stories"
    chantal = client_for(world.users["member"])
    body = {
        "title": "Daan hielp", "text": "Daan Kamphuis nam mijn klant over.", "visibility": "anonymous",
        "difference": {"a": 0.1, "b": 0.2, "c": 0.7}, "sliders": {"humanity_result": 70}, "tone": "good",
    }  # fmt: skip
    response = chantal.post(base, body, content_type="application/json")
    assert response.status_code == 201, response.content
    story_id = response.json()["id"]
    read = client_for(world.users["leader"]).get(f"{base}/{story_id}").json()
    assert read["author"] is None and "Daan" not in read["text"] and read["difference"]["c"] == 0.7
    assert client_for(world.users["leader"]).get(f"{base}/{world.private_story.pk}").status_code == 404
    body["difference"] = {"a": 0.5, "b": 0.5, "c": 0.5}
    assert chantal.post(base, body, content_type="application/json").status_code == 422
    patterns = client_for(world.users["coach"]).get(f"/api/v1/orgs/{world.org.slug}/story-patterns").json()
    assert patterns["count"] == 5 and patterns["shown"] is True  # four organisation stories and this one
