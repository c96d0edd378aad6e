"""The team's real work (DESIGN.md §1 Diagnose, §3 WorkItem): imported customer questions and person targets.

Work items come from the helpdesk or ERP exports a company already has; they are never typed in by hand. One
item is identified by its source and its id in that source, so importing a later export of the same system
updates the changed rows and importing the same file again changes nothing.
"""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from naober.lib.register import DataKind
from naober.orgs.models import Organisation, Person, Team

# How long work items keep their links to people, unless the organisation chooses otherwise: two years covers
# the year a diagnosis looks at and the year before it to compare with.
DEFAULT_RETENTION_MONTHS = 24


def _retention_text(organisation: Organisation) -> str:
    months = WorkSettings.objects.filter(organisation=organisation).values_list("retention_months", flat=True).first()
    return _(
        "The links to people (owner, handler) are removed %(months)s months after the item was created; the "
        "anonymous item stays for team figures. The organisation sets this period in the work settings."
    ) % {"months": months or DEFAULT_RETENTION_MONTHS}


class WorkItemQuerySet(models.QuerySet["WorkItem"]):
    def for_team(self, team: Team) -> WorkItemQuerySet:
        # The team alone: it belongs to one organisation, and the (team, created_at) index then serves the query
        # (with the organisation too, SQLite may pick the organisation's index and read every item).
        return self.filter(team=team)

    def between(self, start: datetime | None, end: datetime | None) -> WorkItemQuerySet:
        """Items created in [start, end)."""
        items = self
        if start is not None:
            items = items.filter(created_at__gte=start)
        if end is not None:
            items = items.filter(created_at__lt=end)
        return items


class WorkItem(models.Model):
    transparency = DataKind(
        what=_("Work items from helpdesk and ERP exports: customer, portfolio owner, who handled it, times, value"),
        why=_(
            "To show a team its lead times, load and help flows, and whether the way people are rewarded makes "
            "them wait with helping until their own target is met."
        ),
        who_sees=_(
            "Team-level figures for leadership, the team and the coach; a person sees their own figures. Names of "
            "colleagues only within one's own team, and only when the organisation has switched that on."
        ),
        kept=_(
            "The links to people are removed after the retention period in the work settings (24 months by default)"
        ),
    )

    # No single-column indexes on organisation and team: the composite indexes below start with them, and every
    # index more slows the import of a million rows.
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="work_items", db_index=False)
    source = models.CharField(_("source"), max_length=40)
    external_id = models.CharField(_("id in the source"), max_length=100)
    team = models.ForeignKey(
        Team, on_delete=models.SET_NULL, null=True, blank=True, related_name="work_items", db_index=False
    )
    customer = models.CharField(_("customer"), max_length=200, blank=True)
    owner = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="owned_work", verbose_name=_("owner")
    )
    handler = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="handled_work", verbose_name=_("handler")
    )
    created_at = models.DateTimeField(_("created"))
    first_response_at = models.DateTimeField(_("first response"), null=True, blank=True)
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2, null=True, blank=True)
    channel = models.CharField(_("channel or category"), max_length=100, blank=True)
    imported_at = models.DateTimeField(_("imported"), auto_now=True)

    objects = WorkItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("work item")
        verbose_name_plural = _("work items")
        constraints: ClassVar[list[models.BaseConstraint]] = [
            # The import upserts on this key: a later export of the same system updates its rows.
            models.UniqueConstraint(
                fields=["organisation", "source", "external_id"], name="work_item_unique_per_source"
            ),
        ]
        indexes: ClassVar[list[models.Index]] = [
            # Team diagnostics read one team's items over a period.
            models.Index(fields=["team", "created_at"], name="work_item_team_created"),
            # The retention sweep looks for old items that still link to people.
            models.Index(fields=["organisation", "created_at"], name="work_item_org_created"),
        ]

    def __str__(self) -> str:
        return f"{self.source}:{self.external_id}"


class PersonTarget(models.Model):
    transparency = DataKind(
        what=_("Personal targets per period (for KPI-based schemes): person, period, target value"),
        why=_("To see whether help waits until people reach their own target; never to rank people."),
        who_sees=_("Only inside the team diagnostics, as team-level figures; a person sees their own targets"),
        kept=_("As long as the work items of the same period keep their links to people"),
    )

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="person_targets")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="targets")
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    target = models.DecimalField(_("target"), max_digits=14, decimal_places=2)

    class Meta:
        verbose_name = _("person target")
        verbose_name_plural = _("person targets")
        ordering: ClassVar[list[str]] = ["person", "period_start"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            # Importing the same targets again updates them instead of adding a second target for the period.
            models.UniqueConstraint(fields=["person", "period_start", "period_end"], name="person_target_unique"),
            models.CheckConstraint(condition=Q(period_end__gte=models.F("period_start")), name="person_target_order"),
        ]

    def __str__(self) -> str:
        return f"{self.person} {self.period_start} to {self.period_end}: {self.target}"


class ImportKind(models.TextChoices):
    ITEMS = "items", _("Work items")
    TARGETS = "targets", _("Targets")


class WorkMapping(models.Model):
    """The column mapping an organisation sets once per source and kind, and keeps."""

    transparency = DataKind(
        what=_("Column mappings of work exports"),
        why=_("So an export of the same system imports without setting the columns again."),
        who_sees=_("Leadership"),
        kept=_("Until changed"),
        personal=False,
    )

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="work_mappings")
    kind = models.CharField(_("kind"), max_length=10, choices=ImportKind.choices)
    source = models.CharField(_("source"), max_length=40)
    mapping = models.JSONField(_("mapping"))
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("column mapping")
        verbose_name_plural = _("column mappings")
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(fields=["organisation", "kind", "source"], name="work_mapping_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.source} ({self.kind})"


class ImportStatus(models.TextChoices):
    NEW = "new", _("Uploaded")
    WAITING = "waiting", _("Waiting")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    REFUSED = "refused", _("Nothing imported")
    FAILED = "failed", _("Failed")


class WorkImport(models.Model):
    """One run of the import, in the background: its file, options, progress and outcome."""

    transparency = DataKind(
        what=_("Import runs: file name, who started it, options, counts and the problems found"),
        why=_("To follow a long import and to see later what was imported from which file."),
        who_sees=_("Leadership"),
        kept=_("90 days; the uploaded file is deleted when the import ends"),
    )

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="work_imports")
    kind = models.CharField(_("kind"), max_length=10, choices=ImportKind.choices)
    source = models.CharField(_("source"), max_length=40)
    filename = models.CharField(_("file"), max_length=255)
    upload = models.FileField(upload_to="work-imports/", blank=True)
    mapping = models.JSONField(_("mapping"))
    dry_run = models.BooleanField(_("dry run"), default=True)
    skip_bad_rows = models.BooleanField(_("skip the rows with problems"), default=False)
    create_people = models.BooleanField(_("create unknown people"), default=False)
    started_by = models.ForeignKey(Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    status = models.CharField(_("status"), max_length=10, choices=ImportStatus.choices, default=ImportStatus.NEW)
    progress = models.FloatField(default=0.0)
    rows = models.PositiveIntegerField(default=0)
    created = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    unchanged = models.PositiveIntegerField(default=0)
    skipped = models.PositiveIntegerField(default=0)
    problem_count = models.PositiveIntegerField(default=0)
    problems = models.JSONField(default=list)
    unknown_people = models.JSONField(default=list)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("work import")
        verbose_name_plural = _("work imports")
        ordering: ClassVar[list[str]] = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.filename} ({self.status})"

    @property
    def finished(self) -> bool:
        return self.status in (ImportStatus.DONE, ImportStatus.REFUSED, ImportStatus.FAILED)

    @property
    def busy(self) -> bool:
        return self.status in (ImportStatus.WAITING, ImportStatus.RUNNING)


class WorkSettings(models.Model):
    """Per organisation: how long work items keep people links, the service-level time, and name visibility."""

    transparency = DataKind(
        what=_("Work settings: retention, service-level time, names within one's own team"),
        why=_("The organisation decides how long work data keeps links to people and who sees names."),
        who_sees=_("Everyone in the organisation"),
        kept=_("As long as the organisation"),
        personal=False,
    )

    organisation = models.OneToOneField(Organisation, on_delete=models.CASCADE, related_name="work_settings")
    retention_months = models.PositiveSmallIntegerField(
        _("remove links to people after (months)"), default=DEFAULT_RETENTION_MONTHS
    )
    service_level_hours = models.PositiveSmallIntegerField(_("service level: resolved within (hours)"), default=24)
    names_in_own_team = models.BooleanField(
        _("show colleagues' names in the help flows of one's own team"), default=False
    )

    class Meta:
        verbose_name = _("work settings")
        verbose_name_plural = _("work settings")
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.CheckConstraint(condition=Q(retention_months__gte=1), name="work_retention_at_least_a_month"),
            models.CheckConstraint(condition=Q(service_level_hours__gte=1), name="work_service_level_at_least_an_hour"),
        ]

    def __str__(self) -> str:
        return str(self.organisation)

    @classmethod
    def for_org(cls, organisation: Organisation) -> WorkSettings:
        settings, _created = cls.objects.get_or_create(organisation=organisation)
        return settings
