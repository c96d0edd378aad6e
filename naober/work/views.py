"""Diagnose pages: the team diagnostics, the import of exports (upload, mapping, dry run, import with a progress
bar) and the work settings. The pages call the same services as the API and the CLI."""

from __future__ import annotations

import csv
import json
import math
from datetime import date
from typing import Any

from django import forms
from django.db import transaction
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.vary import vary_on_headers

from naober.core.access import EVERYONE, LEADERS_ONLY, TEAM_VIEWERS, Access, OrgRequest, get_in_org, org_view
from naober.goals.forms import DATE_INPUT
from naober.lib import workfile
from naober.orgs.models import Organisation, Role, Team
from naober.work import diagnostics
from naober.work.models import ImportKind, ImportStatus, WorkImport, WorkMapping, WorkSettings
from naober.work.tasks import progress_read, work_import_run

# Leadership, team leads, the team and the coach read diagnostics (DESIGN.md §1); members only of their teams.
DIAGNOSTICS = Access(read=TEAM_VIEWERS.read)
IMPORTS = LEADERS_ONLY
# Everyone, the works council included, may read how long work data keeps links to people; leadership sets it.
WORK_SETTINGS = Access(read=EVERYONE.read, write=LEADERS_ONLY.write)
POLL_SECONDS = 1
# Largest upload the page takes: a million rows of a helpdesk export is about 150 MB.
MAX_UPLOAD_BYTES = 500 * 1024 * 1024


def saved_mapping(organisation: Organisation, kind: str, source: str) -> workfile.Mapping | None:
    saved = WorkMapping.objects.filter(organisation=organisation, kind=kind, source=source).first()
    if saved is None:
        return None
    try:
        return workfile.Mapping.from_json(saved.mapping, kind=kind)  # type: ignore[arg-type]
    except workfile.MappingError:
        return None


def team_for(request: OrgRequest, team_id: int) -> Team:
    """A member sees the diagnostics of their own teams only; leads, leadership and the coach of any team."""
    team: Team = get_in_org(Team, request, team_id)
    person_id = request.membership.person_id
    if request.role == Role.MEMBER and not (
        person_id and Team.objects.filter(Q(members=person_id) | Q(leads=person_id), pk=team.pk).exists()
    ):
        raise Http404
    return team


class PeriodForm(forms.Form):
    date_from = forms.DateField(label=gettext_lazy("From"), widget=DATE_INPUT, required=False)
    date_to = forms.DateField(label=gettext_lazy("To"), widget=DATE_INPUT, required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", _("The end lies before the start."))
        return data


@org_view(DIAGNOSTICS)
def work_home(request: OrgRequest) -> HttpResponse:
    teams = Team.objects.filter(organisation=request.org).order_by("name")
    if request.role == Role.MEMBER:
        person_id = request.membership.person_id or 0
        teams = teams.filter(Q(members=person_id) | Q(leads=person_id)).distinct()
    context = {
        "teams": [(team, team.work_items.count()) for team in teams],
        "imports": WorkImport.objects.filter(organisation=request.org)[:10] if request.role == Role.LEADER else [],
        "may_import": request.role == Role.LEADER,
    }
    return render(request, "work/home.html", context)


@org_view(DIAGNOSTICS)
def team_diagnostics(request: OrgRequest, team_id: int) -> HttpResponse:
    team = team_for(request, team_id)
    form = PeriodForm(request.GET or None)
    start: date | None = None
    end: date | None = None
    if form.is_valid():
        start, end = form.cleaned_data.get("date_from"), form.cleaned_data.get("date_to")
    result = diagnostics.team_diagnose(team=team, start=start, end=end, viewer=request.membership)
    context = {
        "team": team,
        "form": form,
        "d": result,
        "charts": _charts(result),
        "network": _network(result),
        "period_start": date.fromisoformat(result["period"]["from"]),
        "period_end": date.fromisoformat(result["period"]["to"]),
    }
    return render(request, "work/team.html", context, status=422 if form.errors else 200)


@org_view(DIAGNOSTICS)
def team_diagnostics_csv(request: OrgRequest, team_id: int) -> HttpResponse:
    team = team_for(request, team_id)
    form = PeriodForm(request.GET or None)
    start = form.cleaned_data.get("date_from") if form.is_valid() else None
    end = form.cleaned_data.get("date_to") if form.is_valid() else None
    result = diagnostics.team_diagnose(team=team, start=start, end=end, viewer=request.membership)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="diagnose-{team.pk}-{result["period"]["from"]}.csv"'
    writer = csv.writer(response)
    writer.writerows(diagnostics.team_csv_rows(result))
    return response


def _day(iso: str) -> str:
    """A date label as the reader writes dates (27-11-2026 in Dutch)."""
    return date_format(date.fromisoformat(iso), "SHORT_DATE_FORMAT")


def _charts(result: dict[str, Any]) -> dict[str, Any]:
    """The data each chart draws (site.js), the same figures as the tables beside them."""
    if result.get("suppressed") or not result.get("items"):
        return {}
    lead = result["lead_time"]
    weekly = result["weekly"]
    return {
        "lead_time": {
            "type": "bar",
            "labels": lead["histogram"]["labels"],
            "values": lead["histogram"]["counts"],
            "target": None,
            "label": _("questions"),
            "unit": _("questions"),
        },
        "weekly": {
            "labels": [_day(w["week"]) for w in weekly],
            "values": [None if w["service_level"] is None else round(100 * w["service_level"], 1) for w in weekly],
            "target": None,
            "label": _("within the service-level time (%)"),
            "unit": "%",
        },
        "backlog": {
            "labels": [_day(day) for day, _open in result["backlog"]],
            "values": [open_items for _day, open_items in result["backlog"]],
            "target": None,
            "label": _("open questions"),
            "unit": _("questions"),
        },
        "load": {
            "type": "bar",
            "labels": [p["owner"] for p in result["load"]["portfolios"]],
            "values": [p["items"] for p in result["load"]["portfolios"]],
            "target": None,
            "label": _("questions per portfolio"),
            "unit": _("questions"),
        },
    }


def _network(result: dict[str, Any], size: float = 400.0) -> dict[str, list[dict[str, Any]]]:
    """People on a circle and an arrow per help flow, thicker for more items: drawn as SVG on the server."""
    flows = (result.get("help") or {}).get("flows") or []
    if result.get("suppressed") or not flows:
        return {"nodes": [], "edges": []}
    labels = sorted({f["from"] for f in flows} | {f["to"] for f in flows})
    centre, radius = size / 2, size / 2 - 40
    places = {
        label: (centre + radius * math.cos(2 * math.pi * i / len(labels) - math.pi / 2),
                centre + radius * math.sin(2 * math.pi * i / len(labels) - math.pi / 2))
        for i, label in enumerate(labels)
    }  # fmt: skip
    nodes = [{"label": label, "x": round(x, 1), "y": round(y, 1), "tx": round(x, 1),
              "ty": round(y + (30 if y >= centre else -22), 1)} for label, (x, y) in places.items()]  # fmt: skip
    most = max(f["items"] for f in flows)
    edges = []
    for f in flows:
        (x1, y1), (x2, y2) = places[f["from"]], places[f["to"]]
        length = math.hypot(x2 - x1, y2 - y1) or 1.0
        # Stop the line at the circles' edges (radius 16), so the arrow head stays visible, and shift it a little
        # to its left, so help from A to B and from B to A are two lines side by side.
        ux, uy = (x2 - x1) / length, (y2 - y1) / length
        sx, sy = uy * 4, -ux * 4
        edges.append({**f, "x1": round(x1 + ux * 18 + sx, 1), "y1": round(y1 + uy * 18 + sy, 1),
                      "x2": round(x2 - ux * 18 + sx, 1), "y2": round(y2 - uy * 18 + sy, 1),
                      "width": round(0.5 + 5.5 * f["items"] / most, 1)})  # fmt: skip
    return {"nodes": nodes, "edges": edges}


class UploadForm(forms.Form):
    kind = forms.ChoiceField(label=gettext_lazy("What the file holds"), choices=ImportKind.choices)
    source = forms.SlugField(
        label=gettext_lazy("Source system"),
        max_length=40,
        initial="helpdesk",
        help_text=gettext_lazy("For example zendesk, topdesk or afas. Ids are unique per source."),
    )
    file = forms.FileField(label=gettext_lazy("Export file (CSV or XLSX)"))

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 500 MB."))
        return upload


@org_view(IMPORTS)
def import_upload(request: OrgRequest) -> HttpResponse:
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        kind, source = form.cleaned_data["kind"], form.cleaned_data["source"]
        work_import = WorkImport(
            organisation=request.org, kind=kind, source=source, filename=upload.name[:255], mapping={},
            started_by=request.membership.person,
        )  # fmt: skip
        work_import.upload.save(upload.name, upload, save=False)
        try:
            headers = workfile.open_work_file(work_import.upload.path, upload.name).headers
        except workfile.FileError as error:
            work_import.upload.delete(save=False)
            form.add_error("file", str(diagnostics_reason(error.code)))
        else:
            mapping = saved_mapping(request.org, kind, source) or workfile.suggest_mapping(headers, kind=kind)
            work_import.mapping = mapping.to_json() if mapping else {}
            work_import.save()
            return redirect("work:import", org=request.org.slug, import_id=work_import.pk)
    return render(request, "work/upload.html", {"form": form}, status=422 if form.errors else 200)


def diagnostics_reason(code: str) -> Any:
    from naober.work.services import REASONS

    return REASONS.get(code, code)


class MappingForm(forms.Form):
    """One select per field of ours, offering the file's headers; plus the date format and the decimal sign."""

    date_format = forms.CharField(
        label=gettext_lazy("Date format (only when dates are not recognised)"),
        required=False,
        max_length=40,
        help_text=gettext_lazy("In strptime style, e.g. %d/%m/%Y %H:%M"),
    )
    decimal = forms.ChoiceField(
        label=gettext_lazy("Decimal sign in amounts"),
        choices=[(",", gettext_lazy("comma (1.234,50)")), (".", gettext_lazy("point (1,234.50)"))],
    )
    skip_bad_rows = forms.BooleanField(label=gettext_lazy("Skip the rows with problems"), required=False)
    create_people = forms.BooleanField(label=gettext_lazy("Create people whose names are unknown"), required=False)

    def __init__(self, *args: Any, kind: str, headers: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.kind = kind
        fields = workfile.ITEM_FIELDS if kind == ImportKind.ITEMS else workfile.TARGET_FIELDS
        required = workfile.ITEM_REQUIRED if kind == ImportKind.ITEMS else workfile.TARGET_FIELDS
        choices = [("", "—"), *((h, h) for h in headers if h)]
        for name in fields:
            self.fields[f"column_{name}"] = forms.ChoiceField(
                label=FIELD_LABELS.get(name, name), choices=choices, required=name in required
            )
        if kind != ImportKind.ITEMS:
            del self.fields["create_people"]

    def mapping_json(self) -> dict[str, Any]:
        data = self.cleaned_data
        columns = {k.removeprefix("column_"): v for k, v in data.items() if k.startswith("column_") and v}
        mapping: dict[str, Any] = dict(columns)
        if data.get("date_format"):
            mapping["date_format"] = data["date_format"]
        mapping["decimal"] = data.get("decimal") or ","
        return mapping


FIELD_LABELS: dict[str, Any] = {
    "external_id": gettext_lazy("Id (ticket or order number)"),
    "created_at": gettext_lazy("Created"),
    "first_response_at": gettext_lazy("First response"),
    "resolved_at": gettext_lazy("Resolved"),
    "customer": gettext_lazy("Customer"),
    "owner": gettext_lazy("Portfolio owner"),
    "handler": gettext_lazy("Handled by"),
    "value": gettext_lazy("Value (revenue)"),
    "channel": gettext_lazy("Channel or category"),
    "person": gettext_lazy("Person"),
    "period_start": gettext_lazy("Period start"),
    "period_end": gettext_lazy("Period end"),
    "target": gettext_lazy("Target (amount for the period)"),
}


def _initial(work_import: WorkImport) -> dict[str, Any]:
    mapping = work_import.mapping or {}
    initial: dict[str, Any] = {f"column_{k}": v for k, v in mapping.items() if k not in ("date_format", "decimal")}
    initial["date_format"] = mapping.get("date_format", "")
    initial["decimal"] = mapping.get("decimal", ",")
    initial["skip_bad_rows"] = work_import.skip_bad_rows
    initial["create_people"] = work_import.create_people
    return initial


@org_view(IMPORTS)
@vary_on_headers("HX-Request")
def import_detail(request: OrgRequest, import_id: int) -> HttpResponse:
    work_import: WorkImport = get_in_org(WorkImport, request, import_id)
    headers: list[str] = []
    if work_import.upload:
        try:
            headers = workfile.open_work_file(work_import.upload.path, work_import.filename).headers
        except (workfile.FileError, OSError):
            headers = []
    form = MappingForm(request.POST or None, kind=work_import.kind, headers=headers, initial=_initial(work_import))
    if request.method == "POST":
        if not work_import.upload or work_import.busy:
            # Imported already (its file is gone) or running: nothing to start; the page says where it stands.
            form = MappingForm(kind=work_import.kind, headers=headers, initial=_initial(work_import))
            context = {"work_import": work_import, "form": form, "headers": headers, "poll_seconds": POLL_SECONDS,
                       "progress": progress_read(work_import)}  # fmt: skip
            return render(request, "work/import.html", context, status=409)
        if form.is_valid():
            try:
                workfile.Mapping.from_json(form.mapping_json(), kind=work_import.kind)  # type: ignore[arg-type]
            except workfile.MappingError as error:
                form.add_error(None, str(error))
            else:
                _start(work_import, form, dry_run=request.POST.get("run") != "import")
                return redirect("work:import", org=request.org.slug, import_id=work_import.pk)
    context = {"work_import": work_import, "form": form, "headers": headers, "poll_seconds": POLL_SECONDS,
               "progress": progress_read(work_import)}  # fmt: skip
    return render(request, "work/import.html", context, status=422 if form.errors else 200)


def _start(work_import: WorkImport, form: MappingForm, *, dry_run: bool) -> None:
    work_import.mapping = form.mapping_json()
    work_import.dry_run = dry_run
    work_import.skip_bad_rows = bool(form.cleaned_data.get("skip_bad_rows"))
    work_import.create_people = bool(form.cleaned_data.get("create_people"))
    work_import.status = ImportStatus.WAITING
    work_import.progress = 0.0
    work_import.finished_at = None
    work_import.save()
    transaction.on_commit(lambda: work_import_run.enqueue(work_import.pk))


@org_view(Access(read=IMPORTS.read))
def import_progress(request: OrgRequest, import_id: int) -> HttpResponse:
    """The progress fragment the page polls while the import runs; it stops polling when the import ends."""
    work_import: WorkImport = get_in_org(WorkImport, request, import_id)
    if not work_import.busy and request.htmx:
        # Done: the whole page shows the outcome and the mapping form again.
        response = HttpResponse(status=204)
        response["HX-Refresh"] = "true"
        return response
    context = {"work_import": work_import, "poll_seconds": POLL_SECONDS, "progress": progress_read(work_import)}
    return render(request, "work/import.html#progress", context)


class SettingsForm(forms.ModelForm[WorkSettings]):
    class Meta:
        model = WorkSettings
        fields = ("retention_months", "service_level_hours", "names_in_own_team")


@org_view(WORK_SETTINGS)
def work_settings(request: OrgRequest) -> HttpResponse:
    instance = WorkSettings.for_org(request.org)
    form = SettingsForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        form.save()
        return redirect("work:settings", org=request.org.slug)
    context = {"form": form, "may_edit": request.role == Role.LEADER, "settings": instance}
    return render(request, "work/settings.html", context, status=422 if form.errors else 200)


def mapping_preview(work_import: WorkImport) -> str:
    return json.dumps(work_import.mapping, ensure_ascii=False, indent=2)
