"""Recording help on a phone, as Chantal and Daan of Binnendienst would: one records, the other confirms and thanks."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from naober.contributions.models import Appreciation, Contribution, Help, HelpStatus
from tests.browser.conftest import OpenPage, Screenshot, log_in
from tests.browser.test_every_page import PHONE, _off_screen
from tests.conftest import World


@pytest.mark.browser
def test_record_help_on_a_phone_then_the_colleague_confirms_and_thanks(
    browser_world: World, open_page: OpenPage, screenshot: Screenshot
) -> None:
    world = browser_world
    chantal = open_page(**PHONE)
    log_in(chantal, world.users["member"].email)
    chantal.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Bijdragen en leren").click()
    expect(chantal.get_by_role("heading", name="Mijn bijdrage")).to_be_visible()
    chantal.get_by_label("Wat heb je gedaan?").fill("Offerte voor woningcorporatie De Goede Woning afgemaakt voor Daan")
    chantal.get_by_label("Wat merkt de klant er morgen van?").fill("Ze hebben morgenochtend de offerte in de mail")
    chantal.get_by_text("Ik heb er een collega mee geholpen").click()
    chantal.get_by_label("Daan Kamphuis").check()
    screenshot(chantal, "chantal-entry-filled")
    assert not _off_screen(chantal, "the quick entry on a phone")
    chantal.get_by_role("button", name="Opslaan").click()
    expect(chantal.get_by_text("Bijdrage opgeslagen.")).to_be_visible()
    screenshot(chantal, "chantal-saved")
    contribution = Contribution.objects.get(text__startswith="Offerte voor woningcorporatie")
    record = Help.objects.get(contribution=contribution)
    assert record.status == HelpStatus.PENDING

    daan = open_page(**PHONE)
    log_in(daan, world.users["member2"].email)
    daan.goto(f"/o/{world.org.slug}/contribute/")
    waiting = daan.get_by_role("region", name="Wacht op jouw bevestiging")
    expect(waiting.get_by_text("Offerte voor woningcorporatie De Goede Woning")).to_be_visible()
    screenshot(daan, "daan-asked-to-confirm")
    assert not _off_screen(daan, "the confirmation on a phone")
    # The world also has an older record of Chantal's (about "Offerte"); confirm the new one.
    new_record = waiting.get_by_role("listitem").filter(has_text="De Goede Woning")
    new_record.get_by_role("button", name="Ja, dat klopt").click()
    expect(daan.get_by_text("Bevestigd.", exact=False)).to_be_visible()
    record.refresh_from_db()
    assert record.status == HelpStatus.CONFIRMED
    received = daan.get_by_role("region", name="Wie mij hielp")
    item = received.get_by_role("listitem").filter(has_text="De Goede Woning")
    item.get_by_label("Bedank Chantal Nijhuis").fill("Top dat je dit oppakte, Chantal!")
    screenshot(daan, "daan-writes-thanks")
    assert not _off_screen(daan, "the thank-you form on a phone")
    item.get_by_role("button", name="Bedankje sturen").click()
    expect(daan.get_by_text("Je bedankje is naar Chantal Nijhuis gestuurd.")).to_be_visible()
    screenshot(daan, "daan-thanked")
    assert not _off_screen(daan, "my contribution after saying thanks")
    thanks = Appreciation.objects.get(help=record)
    assert thanks.recipient == world.people["chantal"]

    chantal.goto(f"/o/{world.org.slug}/contribute/")
    given = chantal.get_by_role("region", name="Wie ik hielp")
    expect(given.get_by_text("Top dat je dit oppakte, Chantal!")).to_be_visible()
    screenshot(chantal, "chantal-sees-thanks")
    assert not _off_screen(chantal, "my contribution with a thank-you received")
