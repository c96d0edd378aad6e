"""Browser tests: Debian's Chromium, driven by Playwright, against pytest-django's live server.

Chromium comes from the system (``apt-get install chromium``), never from ``playwright install``: the
machines have no internet. Without Chromium the browser tests skip and say why; CI installs it.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Generator, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.db import connection
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, sync_playwright
from pytest_django.live_server_helper import LiveServer

from tests.conftest import PASSWORD, World

REPO_DIR = Path(__file__).resolve().parents[2]
SCREENSHOT_DIR = REPO_DIR / "test-artefacts" / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    # No network here: without these Chromium keeps trying to reach Google's services and logs every refusal.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

Screenshot = Callable[[Page, str], Path]
OpenPage = Callable[..., Page]


@pytest.fixture(scope="module")
def chromium() -> Iterator[Browser]:
    """One Chromium per test module.

    Playwright's sync API keeps an event loop running in the test thread from start to stop, so Django
    takes every query the test thread makes meanwhile (building personas, flushing tables) for a query from
    async code and refuses it. Nothing here awaits, so DJANGO_ALLOW_ASYNC_UNSAFE (Django's documented way
    out) is set for exactly as long as Playwright runs: per module, so the rest of the suite keeps the check.
    """
    executable = shutil.which("chromium")
    if executable is None:
        pytest.skip("Chromium is not installed (apt-get install chromium); CI installs it and runs these tests")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        playwright: Playwright = sync_playwright().start()
        try:
            browser = playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
            yield browser
            browser.close()
        finally:
            playwright.stop()


@pytest.fixture
def browser_world(transactional_db: None, world: World) -> World:
    """The personas, committed for real so that the live server's thread (its own connection) sees them.

    With transactional_db requested, pytest-django satisfies the ``db`` that ``world`` asks for with the
    transactional database too (tables flushed afterwards) instead of a transaction that is rolled back and
    that the server's connection would never see.
    """
    assert not connection.in_atomic_block, "the personas must be committed, not held in a test transaction"
    return world


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    # Keep each phase's report on the test, so open_page can take a screenshot when the test failed.
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture
def screenshot(request: pytest.FixtureRequest) -> Screenshot:
    """Save a full-page screenshot to test-artefacts/screenshots/<test>-<nn>-<step>.png, numbered in order."""
    test_name = request.node.name
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    for stale in SCREENSHOT_DIR.glob(f"{test_name}-*.png"):
        stale.unlink()
    taken: list[Path] = []

    def take(page: Page, step: str) -> Path:
        path = SCREENSHOT_DIR / f"{test_name}-{len(taken) + 1:02d}-{step}.png"
        page.screenshot(path=path, full_page=True)
        taken.append(path)
        return path

    return take


@pytest.fixture
def open_page(
    request: pytest.FixtureRequest, chromium: Browser, live_server: LiveServer, screenshot: Screenshot
) -> Iterator[OpenPage]:
    """Open a page in a fresh browser context (its own cookies), in a browser that asks for Dutch.

    Headless Chromium asks for English (Accept-Language: en-US), and naober rightly answers in the language
    asked for; the people of Ter Horst have Dutch browsers. Keyword arguments go to ``Browser.new_context``.
    The contexts are closed after the test; when the test failed, each open page is saved as a screenshot first.
    """
    contexts: list[BrowserContext] = []

    def open_(**context_options: Any) -> Page:
        context_options.setdefault("locale", "nl-NL")
        context = chromium.new_context(base_url=live_server.url, **context_options)
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context.new_page()

    yield open_
    report: pytest.TestReport | None = getattr(request.node, "report_call", None)
    failed = report is not None and report.failed
    for context in contexts:
        if failed:
            for page in context.pages:
                screenshot(page, "failure")
        context.close()


def log_in(page: Page, email: str) -> None:
    """Log in through the login form, as a person would: type into the labelled fields and press the button.

    The labels are matched in Dutch or English so this works whatever language the page is in.
    """
    page.goto("/accounts/login/")
    page.get_by_label("E-mail", exact=False).fill(email)
    page.get_by_label(re.compile(r"wachtwoord|password", re.IGNORECASE)).fill(PASSWORD)
    page.get_by_role("main").get_by_role("button").click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
