"""A learning review in a meeting: two people on their own devices, one's insight appears for the other."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from naober.reviews.services import review_start
from tests.browser.conftest import OpenPage, Screenshot, log_in
from tests.browser.test_every_page import PHONE
from tests.conftest import World


@pytest.mark.browser
def test_an_insight_appears_for_the_other_participant_without_reload(
    browser_world: World, open_page: OpenPage, screenshot: Screenshot
) -> None:
    world = browser_world
    review = review_start(team=world.binnendienst)
    bram = open_page(viewport={"width": 1200, "height": 900}, locale="en-US")
    log_in(bram, world.users["team_lead"].email)
    bram.goto(review.get_absolute_url())
    chantal = open_page(**PHONE, locale="en-US")
    log_in(chantal, world.users["member"].email)
    chantal.goto(review.get_absolute_url())
    chantal.evaluate("window.loadedOnce = true")  # gone if the page reloads

    bram.get_by_label("What works for us?").check()
    bram.get_by_role("textbox", name="Insight").fill("Helping before the own target is met shortens waiting")
    bram.get_by_role("button", name="Add", exact=True).click()
    expect(bram.locator("#live")).to_contain_text("Helping before the own target is met shortens waiting")
    expect(bram.get_by_role("textbox", name="Insight")).to_have_value("")  # the form is ready for the next one

    expect(chantal.locator("#live")).to_contain_text("Helping before the own target is met", timeout=10_000)
    assert chantal.evaluate("window.loadedOnce") is True
    screenshot(chantal, "insight-arrived-on-the-phone")
    chantal.get_by_label("What works for the customer?").check()
    chantal.get_by_role("textbox", name="Insight").fill("Customers notice when someone else picks up")
    chantal.get_by_role("button", name="Add", exact=True).click()
    expect(bram.locator("#live")).to_contain_text("Customers notice when someone else picks up", timeout=10_000)
    screenshot(bram, "both-insights-on-the-screen")
