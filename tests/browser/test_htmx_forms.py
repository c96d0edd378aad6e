"""Forms that htmx sends: the person sees the answer in place, on success and on error alike (STYLE.md)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import OpenPage, Screenshot, log_in
from tests.conftest import World


@pytest.mark.browser
def test_settings_form_shows_its_errors_in_place(
    browser_world: World, open_page: OpenPage, screenshot: Screenshot
) -> None:
    page = open_page()
    log_in(page, browser_world.users["leader"].email)
    page.goto(f"/o/{browser_world.org.slug}/settings/")
    form = page.locator("#settings-form")
    # The browser itself refuses 2 (the field says min 5); switch its check off to see the server's answer.
    form.evaluate("form => { form.noValidate = true; }")
    form.get_by_role("spinbutton").fill("2")
    with page.expect_response(lambda r: r.request.method == "POST") as answer:
        form.get_by_role("button").click()
    assert answer.value.status == 422
    screenshot(page, "after-invalid-save")
    expect(page.locator("#settings-form .errorlist")).to_be_visible()
