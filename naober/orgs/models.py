"""Organisations (the tenant boundary), teams, people, memberships with roles, portfolios, invitations."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from naober.lib.register import DataKind

if TYPE_CHECKING:
    from django.db.models.fields.related_descriptors import ManyRelatedManager

# The anonymity floor of DESIGN.md §5: an organisation may raise it, never lower it.
MIN_ANONYMITY_THRESHOLD = 5


class Role(models.TextChoices):
    LEADER = "leader", _("Leadership (directie / MT)")
    TEAM_LEAD = "team_lead", _("Team lead")
    MEMBER = "member", _("Employee")
    COACH = "coach", _("Coach")
    COUNCIL = "council", _("Works council")


class Organisation(models.Model):
    transparency = DataKind(
        what=_("Organisation: name, city, anonymity threshold"),
        why=_("The boundary around everything below: nobody outside it sees any of it."),
        who_sees=_("Everyone in the organisation"),
        kept=_("As long as the organisation uses naober"),
        personal=False,
    )

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name in addresses"), max_length=60, unique=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    anonymity_threshold = models.PositiveSmallIntegerField(
        _("smallest group reported"),
        default=MIN_ANONYMITY_THRESHOLD,
        validators=[MinValueValidator(MIN_ANONYMITY_THRESHOLD)],
        help_text=_("Groups with fewer respondents are never shown. At least 5."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering: ClassVar[list[str]] = ["name"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.CheckConstraint(
                condition=models.Q(anonymity_threshold__gte=MIN_ANONYMITY_THRESHOLD),
                name="organisation_anonymity_threshold_at_least_5",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("orgs:home", kwargs={"org": self.slug})


class TeamQuerySet(models.QuerySet["Team"]):
    def in_org(self, organisation: Organisation) -> TeamQuerySet:
        # The organisation comes along because every link to a team carries its slug.
        return self.filter(organisation=organisation).select_related("organisation")


class Team(models.Model):
    transparency = DataKind(
        what=_("Teams: name, description, members and team leads"),
        why=_("Goals, reviews and figures belong to teams, not to individuals."),
        who_sees=_("Leadership, team leads, employees and the coach"),
        kept=_("Until the team is removed"),
        personal=False,
    )

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="teams")
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    members: models.ManyToManyField[Person, Any] = models.ManyToManyField(
        "Person", related_name="teams", blank=True, verbose_name=_("members")
    )
    leads: models.ManyToManyField[Person, Any] = models.ManyToManyField(
        "Person", related_name="led_teams", blank=True, verbose_name=_("team leads")
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = TeamQuerySet.as_manager()

    class Meta:
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        ordering: ClassVar[list[str]] = ["name"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint(
                Lower("name"),
                "organisation",
                name="team_name_unique_in_org",
                violation_error_message=_("There is already a team with this name."),
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("orgs:team", kwargs={"org": self.organisation.slug, "team_id": self.pk})


class PersonQuerySet(models.QuerySet["Person"]):
    def in_org(self, organisation: Organisation) -> PersonQuerySet:
        return self.filter(organisation=organisation).select_related("organisation")

    def current(self) -> PersonQuerySet:
        return self.filter(left_on__isnull=True)


class Person(models.Model):
    """A human in the organisation. May have no login: most shop-floor staff never need one."""

    transparency = DataKind(
        what=_("People: name, e-mail, personnel number, job title, teams, date of leaving"),
        why=_("To know who works in which team and who owns which customer portfolio."),
        who_sees=_(
            "Colleagues see name, job title and teams; e-mail and personnel number only the person and leadership"
        ),
        kept=_("As long as the person is in naober; the date of leaving is recorded"),
    )

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="people")
    name = models.CharField(_("name"), max_length=150)
    email = models.EmailField(_("e-mail address"), blank=True)
    personnel_number = models.CharField(_("personnel number"), max_length=40, blank=True)
    job_title = models.CharField(_("job title"), max_length=120, blank=True)
    left_on = models.DateField(_("left on"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = PersonQuerySet.as_manager()

    if TYPE_CHECKING:
        teams: ManyRelatedManager[Team, Any]
        led_teams: ManyRelatedManager[Team, Any]

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering: ClassVar[list[str]] = ["name"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            # Imports match people by personnel number, so it must be unique where it is set.
            models.UniqueConstraint(
                "organisation",
                "personnel_number",
                condition=~models.Q(personnel_number=""),
                name="person_personnel_number_unique_in_org",
            ),
            models.UniqueConstraint(
                "organisation",
                Lower("email"),
                condition=~models.Q(email=""),
                name="person_email_unique_in_org",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("orgs:person", kwargs={"org": self.organisation.slug, "person_id": self.pk})


class MembershipQuerySet(models.QuerySet["Membership"]):
    def for_user(self, user: Any) -> MembershipQuerySet:
        return self.filter(user=user).select_related("organisation")


class Membership(models.Model):
    """A user's role in one organisation (lidmaatschap). One user may belong to several."""

    transparency = DataKind(
        what=_("Logins and roles: who may sign in to this organisation, and with which role"),
        why=_("Every page shows only what the role allows."),
        who_sees=_("Leadership"),
        kept=_("Until the role is withdrawn"),
    )

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    person = models.OneToOneField(Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="membership")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering: ClassVar[list[str]] = ["organisation__name"]
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.UniqueConstraint("user", "organisation", name="membership_one_role_per_org")
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.organisation} ({self.get_role_display()})"


class Portfolio(models.Model):
    """A klantenpakket: the customers one person is first responsible for."""

    transparency = DataKind(
        what=_("Customer portfolios: name, owner, team, number of customers"),
        why=_("To see how work is spread over people, never to rank them."),
        who_sees=_("Leadership, team leads, employees and the coach"),
        kept=_("Until the portfolio is removed"),
    )

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="portfolios")
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="portfolios")
    owner = models.ForeignKey(Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="portfolios")
    name = models.CharField(_("name"), max_length=150)
    description = models.TextField(_("description"), blank=True)
    customer_count = models.PositiveIntegerField(_("number of customers"), default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("portfolio")
        verbose_name_plural = _("portfolios")
        ordering: ClassVar[list[str]] = ["name"]

    def __str__(self) -> str:
        return self.name


class Invitation(models.Model):
    """An invitation to join an organisation with a role, sent as a signed link."""

    transparency = DataKind(
        what=_("Invitations: e-mail address, role, who invited and when"),
        why=_("To let a new user in with the right role."),
        who_sees=_("Leadership"),
        kept=_("As long as the organisation uses naober, with the date it was accepted"),
    )

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("e-mail address"))
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    person = models.ForeignKey(Person, on_delete=models.SET_NULL, null=True, blank=True)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True)
    created_at = models.DateTimeField(default=timezone.now)
    accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering: ClassVar[list[str]] = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.email} → {self.organisation}"


class AuditEvent(models.Model):
    """Who looked at or changed sensitive data, and when (DESIGN.md §5)."""

    transparency = DataKind(
        what=_("Audit log: who viewed or changed sensitive data, and when"),
        why=_("So access to personal data can always be checked afterwards."),
        who_sees=_("Leadership and the works council on request"),
        kept=_("Two years"),
    )

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="audit_events")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True)
    action = models.CharField(max_length=60)
    subject = models.CharField(max_length=200)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        ordering: ClassVar[list[str]] = ["-at"]
        # Serves the pruning of events older than AUDIT_RETENTION_DAYS in services.audit().
        indexes: ClassVar[list[models.Index]] = [models.Index(fields=["at"], name="auditevent_at")]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.subject}"
