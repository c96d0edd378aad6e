"""Workflows on organisations, shared by the pages, the API and the CLI."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.core import signing
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from naober.orgs.models import AuditEvent, Invitation, Membership, Organisation, Person, Role, Team

if TYPE_CHECKING:
    from naober.accounts.models import User

INVITATION_SALT = "naober.invitation"


@transaction.atomic
def organisation_create(*, name: str, slug: str, city: str = "") -> Organisation:
    """A new organisation, with the five default values of DESIGN.md §1."""
    from naober.goals.services import values_create_defaults

    org = Organisation(name=name.strip(), slug=slug.strip().lower(), city=city.strip())
    org.full_clean()
    org.save()
    values_create_defaults(organisation=org)
    return org


def team_create(*, organisation: Organisation, name: str, description: str = "") -> Team:
    """Create a team; a ValidationError names the field (a taken name is an error on ``name``)."""
    team = Team(organisation=organisation, name=name.strip(), description=description.strip())
    try:
        team.full_clean()
    except ValidationError as error:
        raise ValidationError(
            {"name" if k == NON_FIELD_ERRORS else k: v for k, v in error.message_dict.items()}
        ) from None
    team.save()
    return team


def invitation_token(invitation: Invitation) -> str:
    return signing.dumps({"invitation": invitation.pk}, salt=INVITATION_SALT, compress=True)


def invitation_from_token(token: str) -> Invitation:
    """The open invitation behind a signed link; ValidationError when it is forged, used or expired."""
    max_age = settings.INVITATION_MAX_AGE_DAYS * 24 * 60 * 60
    try:
        payload = signing.loads(token, salt=INVITATION_SALT, max_age=max_age)
    except signing.SignatureExpired:
        raise ValidationError(_("This invitation has expired. Ask for a new one.")) from None
    except signing.BadSignature:
        raise ValidationError(_("This invitation link is not valid.")) from None
    invitation = Invitation.objects.select_related("organisation").filter(pk=payload.get("invitation")).first()
    if invitation is None or invitation.accepted_at is not None:
        raise ValidationError(_("This invitation has already been used."))
    return invitation


def invitation_send(
    *, organisation: Organisation, email: str, role: Role, invited_by: User, person: Person | None = None
) -> Invitation:
    """Create an invitation and e-mail its signed link (console backend unless SMTP is configured)."""
    invitation = Invitation.objects.create(
        organisation=organisation,
        email=email.strip().lower(),
        role=role,
        person=person,
        invited_by=invited_by,
    )
    url = settings.BASE_URL + reverse("accounts:accept_invitation", kwargs={"token": invitation_token(invitation)})
    context = {"invitation": invitation, "url": url, "days": settings.INVITATION_MAX_AGE_DAYS}
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("You are invited to %(org)s on naober") % {"org": organisation.name}
        body = render_to_string("orgs/email/invitation.txt", context)
    send_mail(subject, body, None, [invitation.email])
    audit(organisation=organisation, actor=invited_by, action="invitation.sent", subject=invitation.email)
    return invitation


@transaction.atomic
def invitation_accept(*, invitation: Invitation, user: User) -> Membership:
    """Give the user the invited role; an existing membership keeps its row and takes the new role."""
    person = invitation.person
    if person is None:
        person = Person.objects.filter(organisation=invitation.organisation, email__iexact=user.email).first()
    membership, _created = Membership.objects.update_or_create(
        user=user, organisation=invitation.organisation, defaults={"role": invitation.role}
    )
    if person is not None and not hasattr(person, "membership"):
        membership.person = person
        membership.save(update_fields=["person"])
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    return membership


# The transparency register promises two years.
AUDIT_RETENTION_DAYS = 730


def audit(*, organisation: Organisation, actor: User | None, action: str, subject: str) -> None:
    AuditEvent.objects.create(organisation=organisation, actor=actor, action=action, subject=subject[:200])
    AuditEvent.objects.filter(at__lt=timezone.now() - timedelta(days=AUDIT_RETENTION_DAYS)).delete()
