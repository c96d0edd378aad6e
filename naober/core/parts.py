"""The five parts of naober (DESIGN.md §1), as the navigation shows them.

A part that is not built yet still has a page: an empty state that says what it will do. A part that is built
names the page its navigation link opens (`url_name`).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Part:
    slug: str
    title: Promise
    question: Promise
    promise: Promise
    url_name: str | None = None  # the part's own first page; None: the empty state of core.views.part
    # For roles the first page does not admit (the coach and the works council on "my contribution").
    fallback_url_name: str | None = None


PARTS = (
    Part(
        "diagnose",
        _("Diagnose"),
        _("How does the work really flow?"),
        _(
            "Import your team's customer questions from the helpdesk or ERP and see lead times, service level, "
            "how the load is spread and how help flows — and whether people only help once their own target is met."
        ),
        url_name="work:home",
        fallback_url_name="work:settings",
    ),
    Part(
        "simulate",
        _("Simulate"),
        _("What would another incentive scheme do?"),
        _(
            "Describe the bonus and KPI scheme as it stands or as proposed, calibrate it on your own work data, "
            "and compare schemes side by side before anyone changes a bonus."
        ),
    ),
    Part(
        "steer",
        _("Steer"),
        _("Which goals serve our values?"),
        _(
            "Team goals tied to customer care, lead time, chain collaboration, quality and learning, each with its "
            "straight line, its meaning for the customer and its indicators. The goal check warns about ego goals."
        ),
        url_name="goals:list",
    ),
    Part(
        "contribute",
        _("Contribute and learn"),
        _("What will the customer notice of my work tomorrow?"),
        _(
            "Record your contribution and the help you gave or got, tell stories of doubt, friction and pride, and "
            "hold learning reviews that turn stories and numbers into actions."
        ),
        url_name="contributions:mine",
        fallback_url_name="stories:patterns",
    ),
    Part(
        "scan",
        _("Balance scan"),
        _("Where do we stand between result and relation?"),
        _(
            "A short questionnaire for leaders and staff. Anonymous, reported per group of at least five, with the "
            "gap between how leaders and staff see the organisation."
        ),
        url_name="scan:rounds",
    ),
)

PARTS_BY_SLUG = {part.slug: part for part in PARTS}
