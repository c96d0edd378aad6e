"""A new user's first visit, in a real browser: log in, switch language, find their team."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Response, expect
from pytest_django.live_server_helper import LiveServer

from tests.browser.conftest import OpenPage, Screenshot
from tests.conftest import PASSWORD, World

# The front end every page loads; the live server serves them through staticfiles' handler.
STATIC_ASSETS = {
    "/static/vendor/pico/pico.min.css",
    "/static/vendor/htmx/htmx.min.js",
    "/static/naober/site.css",
    "/static/naober/site.js",
}


@pytest.mark.browser
def test_new_user_logs_in_switches_language_and_opens_team_page(
    browser_world: World, open_page: OpenPage, screenshot: Screenshot, live_server: LiveServer
) -> None:
    world = browser_world
    org_home = f"{live_server.url}/o/{world.org.slug}/"
    page = open_page()  # a browser that asks for Dutch, as the people at Ter Horst have
    static_status: dict[str, int] = {}
    page.on("response", lambda response: _record_static(response, static_status))

    response = page.goto("/")
    assert response is not None
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next=/$"))
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    assert response.headers.get("content-language") == "nl"
    # Django's own Dutch catalogue labels the password field, whatever state naober's catalogue is in.
    expect(page.get_by_label("Wachtwoord")).to_be_visible()
    assert {path: static_status.get(path) for path in STATIC_ASSETS} == dict.fromkeys(STATIC_ASSETS, 200)
    screenshot(page, "login-page")

    page.get_by_label("E-mail", exact=False).fill(world.users["leader"].email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("main").get_by_role("button").click()
    expect(page).to_have_url(org_home)
    expect(page.get_by_role("heading", level=1)).to_have_text(world.org.name)
    screenshot(page, "organisation-home-dutch")

    with page.expect_response(lambda r: r.url == org_home and r.request.method == "GET") as english:
        page.get_by_role("banner").get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert english.value.headers.get("content-language") == "en"
    expect(page).to_have_url(org_home)
    expect(page.get_by_text("You are here as")).to_be_visible()
    screenshot(page, "organisation-home-english")

    page.get_by_role("banner").get_by_role("button", name="Nederlands").click()
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page.get_by_role("banner").get_by_role("button", name="English")).to_be_visible()

    # The link is found by where it goes, not by its words: the Dutch catalogue is still being written.
    page.get_by_role("banner").locator(f'a[href="/o/{world.org.slug}/teams/"]').click()
    expect(page).to_have_url(f"{org_home}teams/")
    screenshot(page, "teams")

    page.get_by_role("main").get_by_role("link", name="Binnendienst").click()
    expect(page).to_have_url(f"{org_home}teams/{world.binnendienst.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Binnendienst")
    members, portfolios = page.get_by_role("main").get_by_role("table").all()
    for name in ["Bram Oude Luttikhuis", "Chantal Nijhuis", "Daan Kamphuis"]:
        expect(members.get_by_role("link", name=name)).to_be_visible()
    expect(members.get_by_role("row").filter(has_text="Chantal Nijhuis")).to_contain_text("Zorginstellingen")
    portfolio_row = portfolios.get_by_role("row").filter(has_text="Zorginstellingen")
    expect(portfolio_row.get_by_role("cell")).to_have_text(["Zorginstellingen", "Chantal Nijhuis", "22"])
    screenshot(page, "team-binnendienst")


def _record_static(response: Response, status_by_path: dict[str, int]) -> None:
    path = urlsplit(response.url).path
    if path.startswith("/static/"):
        status_by_path[path] = response.status
