"""Every page, in a real browser: accessible (axe-core), inside the Content-Security-Policy, fine on a phone."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any, TypedDict

import pytest
from django.utils import timezone
from playwright.sync_api import ConsoleMessage, Error, Page, expect

from naober.scan.services import round_open
from naober.work.models import WorkImport
from tests.browser.conftest import REPO_DIR, OpenPage, Screenshot, log_in
from tests.conftest import World

# Every page of naober. When you build a page, add its path here: the accessibility, Content-Security-Policy
# and phone tests then check it too. The placeholders are filled from the personas: {org} is Ter Horst's
# slug, {team} Binnendienst's id, {person} Chantal's id, {goal} Binnendienst's goal, {round} a new scan round.
ANONYMOUS_PAGES = [
    "/accounts/login/",
    "/accounts/password/reset/",
]
LEADER_PAGES = [
    "/o/{org}/",
    "/o/{org}/teams/",
    "/o/{org}/teams/{team}/",
    "/o/{org}/people/",
    "/o/{org}/people/{person}/",
    "/o/{org}/settings/",
    "/o/{org}/settings/members/",
    "/o/{org}/people/import/",
    "/o/{org}/transparency/",
    "/o/{org}/work/",
    "/o/{org}/work/teams/{team}/",
    "/o/{org}/work/import/",
    "/o/{org}/work/imports/{work_import}/",
    "/o/{org}/work/settings/",
    "/o/{org}/simulate/",
    "/o/{org}/steer/",
    "/o/{org}/steer/goals/{goal}/",
    "/o/{org}/steer/values/",
    "/o/{org}/steer/overview/",
    "/o/{org}/contribute/",
    "/o/{org}/teams/{team}/timeline/",
    "/o/{org}/stories/",
    "/o/{org}/stories/new/",
    "/o/{org}/stories/patterns/",
    "/o/{org}/stories/selection/",
    "/o/{org}/teams/{team}/reviews/",
    "/o/{org}/scan/",
    "/o/{org}/scan/rounds/{round}/",
    "/o/{org}/scan/rounds/{round}/report/",
    "/o/{org}/scan/rounds/{round}/letters/",
    "/accounts/profile/",
]

AXE_SCRIPT = REPO_DIR / "node_modules" / "axe-core" / "axe.min.js"
# Moderate and minor findings are worth reading in the axe output; these two make a page unusable for someone.
BLOCKING_IMPACTS = {"serious", "critical"}
# A small phone, as Chromium's device emulation does it: the page's meta viewport is honoured.
PHONE: dict[str, Any] = {
    "viewport": {"width": 375, "height": 740},
    "is_mobile": True,
    "has_touch": True,
    "device_scale_factor": 2,
}


class AxeNode(TypedDict):
    target: list[str]


class AxeViolation(TypedDict):
    id: str
    impact: str | None
    help: str
    nodes: list[AxeNode]


def leader_pages(world: World) -> list[str]:
    ids = {"org": world.org.slug, "team": world.binnendienst.pk, "person": world.people["chantal"].pk}
    ids["goal"] = world.goal.pk
    closes = timezone.localdate() + timedelta(days=7)
    ids["round"] = round_open(organisation=world.org, closes_on=closes, send_email=False)[0].pk
    ids["work_import"] = WorkImport.objects.create(
        organisation=world.org, kind="items", source="topdesk", filename="export.csv", mapping={}, status="done",
        rows=3, created=2, problem_count=1,
        problems=[{"row": 3, "column": "Opgelost", "value": "31-02-2026", "code": "date_invalid",
                   "reason": "Geen datum"}],
    ).pk  # fmt: skip
    return [path.format(**ids) for path in LEADER_PAGES]


def visit(page: Page, path: str) -> None:
    response = page.goto(path)
    assert response is not None, path
    assert response.status == 200, f"{path} answered {response.status}"


def step_name(path: str) -> str:
    """/o/ter-horst/teams/3/ -> o-ter-horst-teams-3, to name a screenshot after the page."""
    return re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-") or "root"


@pytest.mark.browser
def test_pages_have_no_serious_accessibility_violations(
    browser_world: World, open_page: OpenPage, screenshot: Screenshot
) -> None:
    if not AXE_SCRIPT.exists():
        pytest.fail(f"{AXE_SCRIPT} is missing: run `npm ci` (axe-core is in package.json)")
    axe_source = AXE_SCRIPT.read_text(encoding="utf-8")
    # The site's CSP forbids inline scripts, axe's among them: only this context bypasses it.
    anonymous = open_page(bypass_csp=True)
    leader = open_page(bypass_csp=True)
    log_in(leader, browser_world.users["leader"].email)

    problems: list[str] = []
    for page, paths in [(anonymous, ANONYMOUS_PAGES), (leader, leader_pages(browser_world))]:
        for path in paths:
            visit(page, path)
            screenshot(page, step_name(path))
            page.add_script_tag(content=axe_source)
            violations: list[AxeViolation] = page.evaluate("async () => (await axe.run(document)).violations")
            problems += [
                f"{path}: {v['id']} ({v['impact']}) {v['help']} — {len(v['nodes'])} element(s), e.g. "
                + ", ".join(" ".join(node["target"]) for node in v["nodes"][:3])
                for v in violations
                if v["impact"] in BLOCKING_IMPACTS
            ]
    assert not problems, "axe-core finds serious accessibility problems:\n" + "\n".join(problems)


@pytest.mark.browser
def test_pages_satisfy_the_content_security_policy(browser_world: World, open_page: OpenPage) -> None:
    refusals: list[str] = []
    anonymous = open_page()
    leader = open_page()
    for page in (anonymous, leader):
        page.on("console", lambda message: _record_refusal(message, refusals))
        page.on("pageerror", lambda error: _record_error(error, refusals))
    log_in(leader, browser_world.users["leader"].email)

    for page, paths in [(anonymous, ANONYMOUS_PAGES), (leader, leader_pages(browser_world))]:
        for path in paths:
            visit(page, path)
    # htmx swaps a fragment in; it must not need inline styles or eval to do so.
    settings = f"/o/{browser_world.org.slug}/settings/"
    visit(leader, settings)
    with leader.expect_response(lambda r: r.request.method == "POST" and r.url.endswith(settings)) as fragment:
        leader.locator("#settings-form").get_by_role("button").click()
    assert fragment.value.request.all_headers().get("hx-request") == "true", "the form was not sent by htmx"
    leader.wait_for_function("() => !document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling')")
    expect(leader.locator("#settings-form [role=status]")).to_be_visible()
    assert not refusals, "The browser refused something the Content-Security-Policy forbids:\n" + "\n".join(refusals)


def _record_refusal(message: ConsoleMessage, refusals: list[str]) -> None:
    if "Content Security Policy" in message.text or "Refused to" in message.text:
        refusals.append(f"{message.location.get('url')}: {message.text}")


def _record_error(error: Error, refusals: list[str]) -> None:
    if "Content Security Policy" in error.message or "Refused to" in error.message:
        refusals.append(error.message)


@pytest.mark.browser
def test_pages_read_well_on_a_phone(browser_world: World, open_page: OpenPage, screenshot: Screenshot) -> None:
    page = open_page(**PHONE)
    visit(page, "/accounts/login/")
    screenshot(page, "login")
    off_screen = _off_screen(page, "/accounts/login/")
    log_in(page, browser_world.users["leader"].email)
    for path in leader_pages(browser_world):
        visit(page, path)
        screenshot(page, step_name(path))
        off_screen += _off_screen(page, path)
    assert not off_screen, "On a 375 px wide phone, part of the page is off the screen:\n" + "\n".join(off_screen)


@pytest.mark.browser
def test_user_menu_fits_on_a_phone(browser_world: World, open_page: OpenPage, screenshot: Screenshot) -> None:
    page = open_page(**PHONE)
    log_in(page, browser_world.users["leader"].email)
    page.get_by_role("banner").locator("details.dropdown summary").click()
    screenshot(page, "menu-open")
    off_screen = _off_screen(page, "the organisation home with the user menu open")
    assert not off_screen, "\n".join(off_screen)


def _off_screen(page: Page, label: str) -> list[str]:
    """What does not fit a phone's screen: a page wider than the screen, or content cut off at its left edge.

    A page that is too wide scrolls sideways; content past the left edge cannot be reached at all, so both
    count. Elements inside a scrolling box (the wide tables) are fine, and so is an element entirely off the
    screen on purpose, such as the skip link until it has focus.
    """
    found: dict[str, Any] = page.evaluate(
        """() => {
            const width = window.innerWidth;
            const describe = (el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
                + [...el.classList].map((c) => "." + c).join("")
                + ` "${(el.textContent || "").trim().replace(/\\s+/g, " ").slice(0, 30)}"`
                + ` (from ${Math.round(el.getBoundingClientRect().left)} to`
                + ` ${Math.round(el.getBoundingClientRect().right)} px)`;
            const scrolls = (el) => ["auto", "scroll", "hidden"].includes(getComputedStyle(el).overflowX);
            const insideScroller = (el) => {
                for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
                    if (scrolls(p)) return true;
                }
                return false;
            };
            const cut = (el) => {
                const box = el.getBoundingClientRect();
                return box.width > 0 && (box.right > width + 1 || (box.left < -1 && box.right > 1));
            };
            const outside = [...document.body.querySelectorAll("*")].filter(
                (el) => el.checkVisibility() && cut(el) && !insideScroller(el)
            );
            return {
                scrollWidth: document.documentElement.scrollWidth,
                innerWidth: width,
                outside: outside.slice(0, 5).map(describe),
            };
        }"""
    )
    screen_width = PHONE["viewport"]["width"]
    too_wide = found["scrollWidth"] > min(found["innerWidth"], screen_width) + 1
    if not too_wide and not found["outside"]:
        return []
    return [
        f"{label}: {found['scrollWidth']} px wide on a {screen_width} px screen; outside the screen: "
        + "; ".join(found["outside"])
    ]
