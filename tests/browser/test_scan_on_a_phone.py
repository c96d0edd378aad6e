"""The balance scan in a real browser: a technician answers on a phone, saves half-way, comes back, sends;
then the owner reads the report."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from naober.orgs.models import Person, Team
from naober.scan.models import Response
from naober.scan.services import response_submit, round_open
from tests.browser.conftest import OpenPage, Screenshot, log_in
from tests.browser.test_every_page import PHONE, _off_screen
from tests.conftest import World
from tests.scan.conftest import full_answers


@pytest.mark.browser
def test_answer_the_scan_on_a_phone_save_resume_send_and_read_the_report(
    browser_world: World, open_page: OpenPage, screenshot: Screenshot
) -> None:
    world = browser_world
    montage = Team.objects.create(organisation=world.org, name="Montage")
    for number in range(12):
        montage.members.add(Person.objects.create(organisation=world.org, name=f"Monteur {number:02d}"))
    scan_round, letters = round_open(
        organisation=world.org, closes_on=timezone.localdate() + timedelta(days=14), title="Balansscan najaar 2026"
    )
    mine = next(x for x in letters if x.person.name == "Monteur 00")
    for index, letter in enumerate(x for x in letters if x is not mine):
        leader = letter.role == "leader"
        response_submit(letter.token, full_answers(leader=leader, level=6 if leader else 4, seed=index))

    phone = open_page(**PHONE)
    phone.goto(f"/s/{mine.token}/")
    expect(phone.get_by_role("heading", name="Balansscan najaar 2026")).to_be_visible()
    screenshot(phone, "questionnaire-top")
    assert not _off_screen(phone, "the questionnaire on a phone")
    questions = phone.locator("fieldset.likert")
    total = questions.count()
    assert total == 44
    for index in range(20):  # the first twenty, then a break
        questions.nth(index).get_by_text("5", exact=True).click()
    questions.nth(20).get_by_text("weet ik niet").click()
    phone.get_by_role("button", name="Opslaan en later verder").click()
    expect(phone.get_by_text("Opgeslagen.", exact=False)).to_be_visible()
    screenshot(phone, "saved-half-way")

    later = open_page(**PHONE)  # another day, another browser: only the link
    later.goto(f"/s/{mine.token}/")
    later_questions = later.locator("fieldset.likert")
    expect(later_questions.nth(0).get_by_role("radio", name="5", exact=True)).to_be_checked()
    expect(later_questions.nth(20).get_by_role("radio", name="weet ik niet")).to_be_checked()
    for index in range(21, total):
        later_questions.nth(index).get_by_text("4", exact=True).click()
    later.get_by_label("Wat zou jij morgen veranderen", exact=False).fill("Eerst samen plannen, dan pas verdelen")
    screenshot(later, "before-sending")
    later.get_by_role("button", name="Mijn antwoorden versturen").click()
    expect(later.get_by_role("heading", name="Bedankt")).to_be_visible()
    screenshot(later, "thank-you")
    assert Response.objects.filter(round=scan_round).count() == len(letters)
    later.goto(f"/s/{mine.token}/")
    expect(later.get_by_text("kan één keer", exact=False)).to_be_visible()

    owner = open_page(viewport={"width": 1200, "height": 900})
    log_in(owner, world.users["leader"].email)
    owner.goto(f"/o/{world.org.slug}/scan/rounds/{scan_round.pk}/report/")
    expect(owner.get_by_role("heading", name="Verschillen tussen leiding en medewerkers")).to_be_visible()
    expect(owner.get_by_text("blinde vlek").first).to_be_visible()
    screenshot(owner, "report")
    owner_phone = open_page(**PHONE)
    log_in(owner_phone, world.users["leader"].email)
    owner_phone.goto(f"/o/{world.org.slug}/scan/rounds/{scan_round.pk}/report/")
    screenshot(owner_phone, "report-on-a-phone")
    assert not _off_screen(owner_phone, "the report on a phone")
