"""Telling a story on a phone, placing both triangle points with the keyboard only."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from naober.stories.models import Story
from tests.browser.conftest import OpenPage, Screenshot, log_in
from tests.browser.test_every_page import PHONE, _off_screen
from tests.conftest import World


@pytest.mark.browser
def test_tell_a_story_on_a_phone_with_the_keyboard(
    browser_world: World, open_page: OpenPage, screenshot: Screenshot
) -> None:
    world = browser_world
    page = open_page(**PHONE, locale="en-US")
    log_in(page, world.users["member"].email)
    page.goto(f"/o/{world.org.slug}/stories/new/")
    expect(page.get_by_role("heading", name="Tell a story")).to_be_visible()
    page.get_by_label("A title").fill("Daan's customer waited a week")
    page.get_by_label("What happened?").fill("I wanted to help Daan, but I first had to reach my own target.")
    page.get_by_label("This must never happen again", exact=True).check()
    screenshot(page, "story-written")

    difference = page.get_by_role("application", name="What made the difference?")
    difference.focus()
    page.keyboard.press("Home")  # the middle
    page.keyboard.press("3")  # halfway towards "helping each other"
    expect(page.locator("#id_difference_c")).not_to_have_value("")
    counted = page.get_by_role("application", name="What counted most?")
    counted.focus()
    page.keyboard.press("ArrowUp")  # the first arrow puts the point in the middle
    for _ in range(4):
        page.keyboard.press("Shift+ArrowUp")  # towards "the result"
    screenshot(page, "triangles-placed")
    assert not _off_screen(page, "the story form on a phone")
    page.get_by_label("Less of this", exact=True).check()
    page.get_by_label("The organisation, without my name", exact=True).check()
    page.get_by_role("button", name="Share my story").click()
    expect(page.get_by_text("Thank you for your story.")).to_be_visible()
    screenshot(page, "story-shared")

    story = Story.objects.get(title="Daan's customer waited a week")
    weights = (story.difference_a, story.difference_b, story.difference_c)
    assert all(w is not None for w in weights)
    assert abs(sum(weights) - 1) < 0.002  # type: ignore[arg-type]
    assert story.difference_c == max(weights)  # type: ignore[type-var]
    assert story.counted_a == max(story.counted_a, story.counted_b, story.counted_c)  # type: ignore[type-var]
    assert (story.tone, story.more_or_less, story.visibility) == ("bad", "less", "anonymous")

    leader = open_page(**PHONE, locale="en-US")
    log_in(leader, world.users["team_lead"].email)
    leader.goto(story.get_absolute_url())
    main = leader.get_by_role("main")
    expect(main.get_by_text("name withheld")).to_be_visible()
    expect(main).not_to_contain_text("Daan")
    expect(main).not_to_contain_text("Chantal")
    screenshot(leader, "story-read-without-names")
