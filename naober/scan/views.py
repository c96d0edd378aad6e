"""The balance scan: rounds (leaders and the coach run them), letters to print, the report, and the answer page."""

from __future__ import annotations

from typing import Any

import segno
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language, gettext_lazy, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from naober.core.access import EVERYONE, Access, OrgRequest, get_in_org, org_view, roles
from naober.orgs.models import Role
from naober.scan import charts, services
from naober.scan.forms import ActionForm, RoundForm, answers_from_post
from naober.scan.instrument import load
from naober.scan.models import RoleGroup, ScanRound
from naober.scan.report import build

BLOCK_TITLES = {
    "result": gettext_lazy("Results: clarity, focus, accountability"),
    "relational": gettext_lazy("Relations: trust, craft, helping each other"),
    "coupling": gettext_lazy("Do the two sides hold together?"),
    "climate": gettext_lazy("How it feels to work here"),
}

# Everyone reads the rounds and their reports (anonymous groups only); leaders and the coach run rounds.
ROUNDS = Access(read=EVERYONE.read, write=roles(Role.LEADER, Role.COACH))
LETTERS = Access(read=roles(Role.LEADER, Role.COACH))


@org_view(ROUNDS)
def round_list(request: OrgRequest) -> HttpResponse:
    form = RoundForm(request.POST or None, organisation=request.org)
    if request.method == "POST" and form.is_valid():
        try:
            scan_round, letters = services.round_open(
                organisation=request.org, opened_by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            by_mail = sum(1 for letter in letters if letter.person.email)
            opened = ngettext(
                "Round opened: %(n)s invitation, %(mail)s sent by e-mail. Print the letters for the others.",
                "Round opened: %(n)s invitations, %(mail)s sent by e-mail. Print the letters for the others.",
                len(letters),
            )
            messages.success(request, opened % {"n": len(letters), "mail": by_mail})
            return redirect(scan_round)
    rounds = ScanRound.objects.in_org(request.org).prefetch_related("teams", "participations")
    context = {"rounds": rounds, "form": form, "may_run": request.role in (Role.LEADER, Role.COACH)}
    return render(request, "scan/round_list.html", context, status=422 if form.errors else 200)


@org_view(ROUNDS)
def round_detail(request: OrgRequest, round_id: int) -> HttpResponse:
    scan_round = get_in_org(ScanRound, request, round_id)
    form = ActionForm(request.POST if request.POST.get("form") == "action" else None, organisation=request.org)
    if request.method == "POST":
        response = _round_post(request, scan_round, form)
        if response is not None:
            return response
    participations = scan_round.participations.all()
    context = {
        "round": scan_round,
        "invited": len(participations),
        "responded": sum(1 for p in participations if p.responded_at),
        "without_email": sum(1 for p in participations if not p.responded_at and not p.person.email),
        "actions": scan_round.actions.select_related("owner"),
        "action_form": form,
        "may_run": request.role in (Role.LEADER, Role.COACH),
    }
    return render(request, "scan/round_detail.html", context, status=422 if request.method == "POST" else 200)


def _round_post(request: OrgRequest, scan_round: ScanRound, form: ActionForm) -> HttpResponse | None:
    which = request.POST.get("form")
    try:
        if which == "action" and form.is_valid():
            services.action_add(scan_round=scan_round, **form.cleaned_data)
            messages.success(request, _("Action added."))
        elif which == "remind":
            count = services.reminders_send(scan_round)
            reminded = ngettext(
                "A reminder went to %(n)s person who has not answered yet.",
                "Reminders went to %(n)s people who have not answered yet.",
                count,
            )
            messages.success(request, reminded % {"n": count})
        elif which == "close":
            services.round_close(scan_round)
            messages.success(request, _("The round is closed."))
        else:
            return None
    except ValidationError as error:
        form.add_error(None, error)
        return None
    return redirect(scan_round)


def _qr(url: str) -> str:
    return segno.make(url, error="m").svg_inline(scale=3, title=_("QR code of the personal link"))


@org_view(LETTERS)
@never_cache
def letters(request: OrgRequest, round_id: int) -> HttpResponse:
    """Letters to print for people without e-mail (or everyone who has not answered, with ?all=1)."""
    scan_round = get_in_org(ScanRound, request, round_id)
    chosen = services.letters_to_print(scan_round, everyone=request.GET.get("all") == "1")
    context = {"round": scan_round, "letters": [(letter, _qr(letter.url)) for letter in chosen]}
    return render(request, "scan/letters.html", context)


@org_view(EVERYONE)
def report(request: OrgRequest, round_id: int) -> HttpResponse:
    scan_round = get_in_org(ScanRound, request, round_id)
    data = build(scan_round)
    instrument = load(scan_round.instrument_version)
    context = {"round": scan_round, "report": data, "instrument": instrument, **_report_context(data, instrument)}
    return render(request, "scan/report.html", context)


def _report_context(data: dict[str, Any], instrument: Any) -> dict[str, Any]:
    """Labels for the template: scales and items in the page's language, the groups that are shown."""
    language = get_language() or "nl"
    titles = {s.key: s.title.in_language(language) for s in instrument.scales}
    shown = [g for g in data["groups"] if not g["suppressed"]]
    org = next((g for g in shown if g["key"] == "org"), None)
    items = []
    if org is not None:
        for scale in instrument.scales:
            for item in scale.items:
                bar = charts.diverging(org["items"][item.key])
                items.append({"scale": titles[scale.key], "text": item.text.in_language(language), "bar": bar})
    sliders = []
    for slider in instrument.sliders:
        per_group = [(g, charts.histogram_bars(g["sliders"][slider.key])) for g in shown if g["kind"] != "team"]
        sliders.append({"slider": slider, "question": slider.question.in_language(language),
                        "left": slider.left.in_language(language), "right": slider.right.in_language(language),
                        "groups": per_group})  # fmt: skip
    return {
        "scale_titles": titles,
        "shown_groups": shown,
        "hidden_groups": [g for g in data["groups"] if g["suppressed"]],
        "profile": charts.profile(data["gaps"], titles),
        "item_bars": items,
        "slider_charts": sliders,
        "org_group": org,
        "scales": [(s.key, titles[s.key], s.block) for s in instrument.scales],
    }


@never_cache
def answer(request: HttpRequest, token: str) -> HttpResponse:
    """The questionnaire behind a personal link: no login, phone first, save half-way, send once."""
    try:
        participation = services.participation_for(token)
    except services.LinkError as closed:
        return render(request, "scan/answer_closed.html", {"message": str(closed)}, status=410)
    instrument = load(participation.round.instrument_version)
    leader = participation.role == RoleGroup.LEADER
    error = None
    if request.method == "POST":
        answers = answers_from_post(instrument, request.POST)
        try:
            if request.POST.get("action") == "submit":
                services.response_submit(token, answers)
                return render(request, "scan/answer_thanks.html", {"round": participation.round})
            services.draft_save(token, answers)
            messages.success(request, _("Saved. You can close this page and continue later with the same link."))
            return redirect("scan_answer", token=token)
        except ValidationError as problem:
            error = " ".join(problem.messages)
            draft = answers
    else:
        draft = services.draft_load(token)
    language = get_language() or "nl"
    question = instrument.open_question
    context = {
        "round": participation.round,
        "instrument": instrument,
        "leader": leader,
        "error": error,
        "sections": _sections(instrument, draft, leader),
        "open_text": draft.get("open", ""),
        "prediction_text": instrument.prediction.in_language(language),
        "open_question": question.text.in_language(language) if question else "",
        # DESIGN.md §5: a small leadership team is told plainly, before answering, that it is not anonymous.
        "leaders_not_anonymous": leader
        and participation.round.participations.filter(role=RoleGroup.LEADER).count()
        < participation.round.organisation.anonymity_threshold,
    }
    return render(request, "scan/answer.html", context, status=422 if error else 200)


def _sections(instrument: Any, draft: dict[str, Any], leader: bool) -> dict[str, Any]:
    """The questionnaire in the page's language, with the draft's answers filled in."""
    language = get_language() or "nl"
    items, sliders, predictions = draft.get("items", {}), draft.get("sliders", {}), draft.get("predictions", {})
    sections = []
    number = 0
    for block in ("result", "relational", "coupling", "climate"):
        rows = []
        for scale in instrument.scales_in(block):
            for item in scale.items:
                chosen = items.get(item.key, "")
                dont_know = item.key in items and chosen is None
                number += 1
                text = item.text.in_language(language)
                rows.append({"key": item.key, "number": number, "text": text, "chosen": "dk" if dont_know else chosen})
        sections.append({"block": block, "title": BLOCK_TITLES[block], "items": rows})
    slider_rows = [
        {"key": s.key, "question": s.question.in_language(language), "left": s.left.in_language(language),
         "right": s.right.in_language(language), "value": sliders.get(s.key, 50)}
        for s in instrument.sliders
    ]  # fmt: skip
    prediction_rows = [
        {"key": s.key, "title": s.title.in_language(language), "value": predictions.get(s.key, "")}
        for block in ("result", "relational") for s in instrument.scales_in(block)
    ] if leader else []  # fmt: skip
    return {"blocks": sections, "sliders": slider_rows, "predictions": prediction_rows}
