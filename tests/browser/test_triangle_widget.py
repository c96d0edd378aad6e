"""The triangle of a story (templates/stories/_triangle.html, static/naober/triangle.js): a teller places one point
with the keyboard, the mouse or a finger, and the three hidden fields hold weights that add up to 1.

No page includes the widget on its own yet, so each test renders the include into a small document and lets
Chromium fetch it at the live server's address (``page.route``), with the headers the live server itself sends
there, among them the project's real Content-Security-Policy; the scripts and styles come from the live server.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.template.loader import render_to_string
from django.utils import translation
from playwright.sync_api import ConsoleMessage, Page, Route, expect
from pytest_django.live_server_helper import LiveServer

from tests.browser.conftest import REPO_DIR, OpenPage, Screenshot

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 812}
QUESTION = "Wat maakte het verschil?"
CORNERS = ("duidelijke afspraken", "vakmanschap", "elkaar helpen")
TEST_PATH = "/triangle-test/"
# The triangle's corners in the SVG's viewBox (0 0 100 94), as in the template and stories/patterns.py.
VIEWBOX = (100.0, 94.0)
CORNER_XY = ((50.0, 6.0), (6.0, 88.0), (94.0, 88.0))
# Records what the browser itself reports as a violation, from before the page's own script runs.
VIOLATION_LISTENER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspViolations.push(e.violatedDirective + " " + e.blockedURI);
});
"""


def widget(name: str = "difference", **context: Any) -> str:
    with translation.override("en"):  # the assertions read the widget's own texts in English
        return render_to_string(
            "stories/_triangle.html", {"name": name, "label": QUESTION, "corners": CORNERS, **context}
        )


def document(body: str, head: str = "") -> str:
    return f"""<!doctype html>
<html lang="nl">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Driehoek</title>
  <link rel="stylesheet" href="/static/vendor/pico/pico.min.css">
  <link rel="stylesheet" href="/static/naober/site.css">
  <link rel="stylesheet" href="/static/naober/triangle.css">
  <script src="/static/naober/triangle.js" defer></script>
  {head}
</head>
<body>
  <main class="container">
    <h1>Vertel een verhaal</h1>
    <form method="post">
      <label>Een titel <input type="text" name="title"></label>
      {body}
      <button type="submit">Deel mijn verhaal</button>
    </form>
  </main>
</body>
</html>"""


@dataclass
class Console:
    errors: list[str] = field(default_factory=list)

    def csp(self) -> list[str]:
        return [e for e in self.errors if "Content Security Policy" in e]


@dataclass
class Harness:
    live_server: LiveServer
    open_page: OpenPage
    consoles: list[Console] = field(default_factory=list)
    policies: list[str] = field(default_factory=list)

    def open(self, html: str, **context_options: Any) -> Page:
        """A page in a fresh context that shows `html` at the live server's TEST_PATH, with that URL's headers."""
        context_options.setdefault("viewport", PHONE)
        page = self.open_page(**context_options)
        console = Console()
        self.consoles.append(console)
        page.on("console", lambda m: self._note(console, m))
        page.on("pageerror", lambda error: console.errors.append(f"uncaught: {error}"))
        page.add_init_script(VIOLATION_LISTENER)

        def serve(route: Route) -> None:
            answer = route.fetch()  # the live server's own answer (a 404), for its headers
            headers = {k: v for k, v in answer.headers.items() if k.lower() not in {"content-length", "content-type"}}
            self.policies.append(headers.get("content-security-policy", ""))
            route.fulfill(status=200, headers=headers, content_type="text/html; charset=utf-8", body=html)

        page.route(f"{self.live_server.url}{TEST_PATH}", serve)
        page.goto(TEST_PATH)
        return page

    @staticmethod
    def _note(console: Console, message: ConsoleMessage) -> None:
        if message.type == "error":
            console.errors.append(message.text)


@pytest.fixture
def harness(live_server: LiveServer, open_page: OpenPage) -> Iterator[Harness]:
    h = Harness(live_server, open_page)
    yield h
    # Every test page was held to the project's real policy, and (whatever the test checked) broke none of it.
    assert h.policies, "no test page was served"
    for policy in h.policies:
        assert "script-src 'self'" in policy
        assert "style-src 'self'" in policy
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    for console in h.consoles:
        assert console.csp() == [], console.csp()


def assert_clean(page: Page, harness: Harness) -> None:
    assert page.evaluate("window.__cspViolations") == []
    for console in harness.consoles:
        assert console.csp() == [], console.csp()
        assert console.errors == [], console.errors


def weights(page: Page, name: str = "difference") -> list[str]:
    return [page.locator(f"input[name={name}_{corner}]").input_value() for corner in "abc"]


def numbers(page: Page, name: str = "difference") -> list[float]:
    values = [float(v) for v in weights(page, name)]
    assert all(0 <= v <= 1 for v in values), values
    assert abs(sum(values) - 1) <= 0.002, values
    return values


def largest(values: list[float]) -> int:
    return max(range(3), key=lambda i: values[i])


def screen_point(page: Page, x: float, y: float, name: str = "difference") -> tuple[float, float]:
    """Where the viewBox point (x, y) of the triangle is on the screen."""
    box = page.locator(f"#id_{name}_a").locator("xpath=..").locator(".triangle-pad svg").bounding_box()
    assert box is not None
    return box["x"] + box["width"] * x / VIEWBOX[0], box["y"] + box["height"] * y / VIEWBOX[1]


def near(corner: int, part: float = 0.85) -> tuple[float, float]:
    """A viewBox point inside the triangle, `part` of the way from the centre towards a corner."""
    centre = (sum(x for x, _ in CORNER_XY) / 3, sum(y for _, y in CORNER_XY) / 3)
    cx, cy = CORNER_XY[corner]
    return centre[0] + (cx - centre[0]) * part, centre[1] + (cy - centre[1]) * part


def status(page: Page, name: str = "difference") -> str:
    return page.locator(f"#triangle-{name}-value").inner_text()


def point_shown(page: Page, name: str = "difference") -> bool:
    return page.locator(f"#id_{name}_a").locator("xpath=..").locator("[data-triangle-point]").is_visible()


def test_the_policy_is_in_force_and_its_violations_are_seen(harness: Harness) -> None:
    """The check the other tests rely on: an inline script and an inline style on the test page are refused."""
    inline = '<p style="color: red">rood</p>'
    page = harness.open(document(widget() + inline, head="<script>window.ran = true;</script>"))
    assert page.evaluate("window.ran") is None
    assert page.evaluate("window.__cspViolations.length") >= 2
    assert any(c.csp() for c in harness.consoles)
    harness.consoles.clear()  # seen: not a failure of this test


def test_keyboard_only(harness: Harness, screenshot: Screenshot) -> None:
    page = harness.open(document(widget()))
    pad = page.locator(".triangle-pad")
    expect(page.get_by_role("group", name=QUESTION)).to_be_visible()
    assert weights(page) == ["", "", ""]
    assert not point_shown(page)
    expect(page.get_by_role("button", name="Remove the point")).to_be_hidden()
    screenshot(page, "not-answered")

    page.keyboard.press("Tab")  # the title
    page.keyboard.press("Tab")
    expect(pad).to_be_focused()
    assert pad.get_attribute("role") == "application"
    expect(page.locator(".triangle-help")).to_be_visible()  # shown while the keyboard is on the triangle
    screenshot(page, "focused")

    page.keyboard.press("Home")
    values = numbers(page)
    assert all(abs(v - 1 / 3) <= 0.002 for v in values), values
    assert point_shown(page)
    assert status(page) == "34% duidelijke afspraken, 33% vakmanschap, 33% elkaar helpen"

    before = values
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    values = numbers(page)
    assert values != before
    assert values[2] > before[2] and values[1] < before[1]  # towards the bottom right corner
    assert abs(values[0] - before[0]) <= 0.002  # a horizontal move keeps the distance to the top

    for _ in range(20):  # far past the edge: the point stops at it
        page.keyboard.press("Shift+ArrowRight")
    values = numbers(page)
    assert min(values) == 0.0, values
    for _ in range(10):
        page.keyboard.press("Shift+ArrowDown")
    assert numbers(page) == [0.0, 0.0, 1.0]  # pushed into the bottom right corner, and no further
    screenshot(page, "in-corner-c")

    page.keyboard.press("Home")
    page.keyboard.press("2")
    values = numbers(page)
    assert largest(values) == 1
    assert values[1] == pytest.approx(2 / 3, abs=0.002)
    assert status(page).startswith("17% duidelijke afspraken, 67% vakmanschap")
    screenshot(page, "towards-b")

    page.keyboard.press("Tab")  # to the button that removes the point
    expect(page.get_by_role("button", name="Remove the point")).to_be_focused()
    page.keyboard.press("Enter")
    assert weights(page) == ["", "", ""]
    assert not point_shown(page)
    expect(pad).to_be_focused()  # back on the triangle, not lost on the page
    assert status(page) == "No point placed yet"

    page.keyboard.press("ArrowUp")  # the first arrow puts the point in the middle
    assert all(abs(v - 1 / 3) <= 0.002 for v in numbers(page))
    page.keyboard.press("Delete")
    assert weights(page) == ["", "", ""]
    assert_clean(page, harness)


def test_mouse_click_and_drag(harness: Harness, screenshot: Screenshot) -> None:
    page = harness.open(document(widget()))
    page.mouse.click(*screen_point(page, *near(0)))
    values = numbers(page)
    assert largest(values) == 0 and values[0] > 0.8, values
    expect(page.locator(".triangle-pad")).to_be_focused()
    screenshot(page, "clicked-near-a")

    page.mouse.move(*screen_point(page, *near(0)))
    page.mouse.down()
    for step in range(1, 11):  # drag from near a to near c
        a, c = near(0), near(2)
        page.mouse.move(*screen_point(page, a[0] + (c[0] - a[0]) * step / 10, a[1] + (c[1] - a[1]) * step / 10))
    page.mouse.move(*screen_point(page, 120, 100))  # and out of the triangle: the point stays on its edge
    page.mouse.up()
    values = numbers(page)
    assert values == [0.0, 0.0, 1.0], values
    assert status(page) == "0% duidelijke afspraken, 0% vakmanschap, 100% elkaar helpen"
    screenshot(page, "dragged-to-c")
    assert_clean(page, harness)


def test_touch_tap_and_drag(harness: Harness, screenshot: Screenshot) -> None:
    page = harness.open(document(widget()), has_touch=True, is_mobile=True)
    page.touchscreen.tap(*screen_point(page, *near(1)))
    values = numbers(page)
    assert largest(values) == 1 and values[1] > 0.8, values
    assert point_shown(page)
    screenshot(page, "tapped-near-b")

    # A finger drag, as Chromium gets it from a touch screen: start, moves, end.
    session = page.context.new_cdp_session(page)
    path = [near(1, part / 10) for part in range(8, -1, -2)] + [near(0, part / 10) for part in range(2, 9, 2)]
    for i, (x, y) in enumerate(path):
        sx, sy = screen_point(page, x, y)
        kind = "touchStart" if i == 0 else "touchMove"
        session.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": [{"x": sx, "y": sy}]})
    session.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    values = numbers(page)
    assert largest(values) == 0 and values[0] > 0.7, values
    screenshot(page, "dragged-near-a")
    assert_clean(page, harness)


def test_a_point_sent_back_is_shown_and_kept(harness: Harness, screenshot: Screenshot) -> None:
    page = harness.open(document(widget(values=(0.2, 0.3, 0.5))))
    assert weights(page) == ["0.200", "0.300", "0.500"]
    assert point_shown(page)
    assert status(page) == "20% duidelijke afspraken, 30% vakmanschap, 50% elkaar helpen"
    # Where the plot of stories/patterns.py would put it.
    expected = [sum(w * xy[k] for w, xy in zip((0.2, 0.3, 0.5), CORNER_XY, strict=True)) for k in (0, 1)]
    point = page.locator("[data-triangle-point]")
    assert float(point.get_attribute("cx") or "nan") == pytest.approx(expected[0], abs=0.01)
    assert float(point.get_attribute("cy") or "nan") == pytest.approx(expected[1], abs=0.01)
    expect(page.get_by_role("button", name="Remove the point")).to_be_visible()
    screenshot(page, "sent-back")
    assert_clean(page, harness)


def test_htmx_swaps_in_another_triangle(harness: Harness) -> None:
    """After `htmx:afterSettle` new triangles work, and the ones already working are not set up twice."""
    later = f'<template id="later">{widget(name="counted")}</template>'
    page = harness.open(document(widget() + later))
    page.evaluate(
        """() => {
          const form = document.querySelector("form");
          form.insertBefore(document.getElementById("later").content.cloneNode(true), form.lastElementChild);
          document.body.dispatchEvent(new CustomEvent("htmx:afterSettle", { bubbles: true }));
          document.body.dispatchEvent(new CustomEvent("htmx:afterSettle", { bubbles: true }));
          window.changes = [];
          document.addEventListener("change", (e) => window.changes.push(e.target.querySelector("legend").id));
        }"""
    )
    page.locator(".triangle-pad").first.focus()
    page.keyboard.press("Home")
    page.keyboard.press("ArrowLeft")
    # One `change` per key from the first triangle: it answers each key once, not once per afterSettle.
    assert page.evaluate("window.changes") == ["triangle-difference-label"] * 2

    page.locator(".triangle-pad").nth(1).focus()
    page.keyboard.press("3")
    assert largest(numbers(page, "counted")) == 2
    assert weights(page, "difference") != weights(page, "counted")
    assert_clean(page, harness)


def test_without_javascript_the_question_is_readable(harness: Harness, screenshot: Screenshot) -> None:
    page = harness.open(document(widget()), java_script_enabled=False)
    expect(page.get_by_text(QUESTION)).to_be_visible()
    for corner in CORNERS:
        expect(page.get_by_text(corner, exact=True)).to_be_visible()
    # Playwright's text search skips <noscript>, so the note is found by its place.
    expect(page.locator(".triangle noscript p")).to_contain_text("Without JavaScript no point can be placed here")
    expect(page.locator(".triangle noscript p")).to_be_visible()
    expect(page.get_by_role("button", name="Deel mijn verhaal")).to_be_visible()
    screenshot(page, "without-javascript")


@pytest.mark.parametrize(("width", "smallest", "largest_"), [(320, 260, 300), (375, 300, 360), (1280, 420, 420)])
def test_the_triangle_fits_the_screen(
    harness: Harness, screenshot: Screenshot, width: int, smallest: int, largest_: int
) -> None:
    page = harness.open(document(widget(values=(0.5, 0.25, 0.25))), viewport={"width": width, "height": 800})
    box = page.locator(".triangle-pad svg").bounding_box()
    assert box is not None
    assert smallest <= box["width"] <= largest_, box
    assert page.evaluate("document.documentElement.scrollWidth") <= width  # nothing sticks out sideways
    screenshot(page, f"{width}px")


def test_axe_finds_no_accessibility_problem(harness: Harness) -> None:
    """axe-core, as tests/browser/test_every_page.py runs it, on the triangle before and after a point is placed."""
    axe = REPO_DIR / "node_modules" / "axe-core" / "axe.min.js"
    if not axe.exists():
        pytest.fail(f"{axe} is missing: run `npm ci` (axe-core is in package.json)")
    # axe comes in as an inline script, which the policy would refuse: only this page bypasses it.
    page = harness.open(document(widget()), bypass_csp=True)
    page.add_script_tag(content=axe.read_text(encoding="utf-8"))
    for state in ("empty", "placed"):
        if state == "placed":
            page.locator(".triangle-pad").focus()
            page.keyboard.press("1")
        violations = page.evaluate("async () => (await axe.run(document.querySelector('main'))).violations")
        assert [(v["id"], v["impact"]) for v in violations] == [], (state, violations)


def test_a_finger_scrolls_the_page_beside_the_triangle_but_not_on_it(harness: Harness) -> None:
    """On a phone the triangle is most of the screen wide: only a finger on the triangle itself is taken from
    the page's scrolling; one on the empty corners of the drawing beside it scrolls the page as usual."""
    more = "".join(f"<p>Alinea {i}.</p>" for i in range(40))  # something to scroll to
    page = harness.open(document(widget() + more), has_touch=True, is_mobile=True)
    session = page.context.new_cdp_session(page)

    def settled_scroll() -> int:
        """Where the page is once it stopped moving (a swipe may fling it on for a while)."""
        last = -1
        while (now := int(page.evaluate("window.scrollY"))) != last:
            last = now
            page.wait_for_timeout(150)
        return now

    def swipe_up(x: float, y: float) -> int:
        """Scroll to the triangle, drag a finger 150 px up from the viewBox point (x, y); how far the page went."""
        page.locator(".triangle-pad").scroll_into_view_if_needed()
        start = settled_scroll()
        sx, sy = screen_point(page, x, y)
        session.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": sx, "y": sy}]})
        for k in range(1, 11):
            session.send(
                "Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [{"x": sx, "y": sy - 15 * k}]}
            )
        session.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
        return settled_scroll() - start

    assert swipe_up(8, 12) > 100  # the empty top left corner of the drawing
    assert weights(page) == ["", "", ""]  # and no point was placed on the way
    assert swipe_up(50, 70) == 0  # in the triangle the finger moves the point instead
    numbers(page)
    assert_clean(page, harness)
