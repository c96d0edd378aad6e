"""Recording contributions, help, thanks and craft commitments: one way for the pages, the API and the demo.

Rules the models cannot say alone live here: help is confirmed by the *other* one of the two, a thank-you goes
to someone else for something the sender may see, and only the owner changes a commitment.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from naober.contributions.models import (
    Appreciation,
    Contribution,
    CraftCommitment,
    Help,
    HelpStatus,
    Reflection,
    Visibility,
)
from naober.goals.models import Goal, Value
from naober.orgs.models import Membership, Person, Team


def person_of(membership: Membership) -> Person:
    """The person behind a login; contributions need one (a coach's login has none)."""
    if membership.person is None:
        raise ValidationError(_("Your login is not linked to a person in this organisation; ask a leader to link it."))
    return membership.person


def _same_org(membership: Membership, *rows: object) -> None:
    for row in rows:
        if row is not None and getattr(row, "organisation_id", None) != membership.organisation_id:
            raise ValidationError(_("That does not belong to this organisation."))


def default_team(person: Person) -> Team | None:
    return person.teams.order_by("name").first() or person.led_teams.order_by("name").first()


@transaction.atomic
def contribution_record(
    *,
    membership: Membership,
    text: str,
    customer_notice: str = "",
    goal: Goal | None = None,
    value: Value | None = None,
    visibility: str = Visibility.TEAM,
    helped: Iterable[Person] = (),
    occurred_on: date | None = None,
) -> Contribution:
    """A contribution, and a help record (to be confirmed) for every colleague it says I helped."""
    author = person_of(membership)
    helped = list(helped)
    _same_org(membership, goal, value, *helped)
    if any(person.pk == author.pk for person in helped):
        raise ValidationError({"helped": _("You cannot record help to yourself.")})
    contribution = Contribution(
        organisation_id=membership.organisation_id,
        author=author,
        team=goal.team if goal is not None else default_team(author),
        text=text.strip(),
        customer_notice=customer_notice.strip(),
        goal=goal,
        value=value,
        visibility=visibility,
        occurred_on=occurred_on or timezone.localdate(),
    )
    contribution.full_clean()
    contribution.save()
    for person in helped:
        help_record(
            membership=membership,
            helper=author,
            helped=person,
            description=contribution.text,
            occurred_on=contribution.occurred_on,
            contribution=contribution,
        )
    return contribution


def help_record(
    *,
    membership: Membership,
    helper: Person,
    helped: Person,
    description: str = "",
    occurred_on: date | None = None,
    contribution: Contribution | None = None,
) -> Help:
    """Help recorded by one of the two people; the other is asked to confirm it."""
    me = person_of(membership)
    _same_org(membership, helper, helped)
    if me.pk not in (helper.pk, helped.pk):
        raise ValidationError(_("Only the helper or the one helped can record help."))
    if helper.pk == helped.pk:
        raise ValidationError(_("Help is between two people."))
    record = Help(
        organisation_id=membership.organisation_id,
        helper=helper,
        helped=helped,
        recorded_by=me,
        contribution=contribution,
        description=description.strip(),
        occurred_on=occurred_on or timezone.localdate(),
    )
    record.full_clean()
    record.save()
    return record


def help_answer(*, membership: Membership, help_record: Help, confirmed: bool) -> Help:
    """The other one of the two confirms the help, or says they do not recognise it."""
    me = person_of(membership)
    if help_record.organisation_id != membership.organisation_id or help_record.confirmer.pk != me.pk:
        raise PermissionDenied
    if help_record.status != HelpStatus.PENDING:
        raise ValidationError(_("This help has already been answered."))
    help_record.status = HelpStatus.CONFIRMED if confirmed else HelpStatus.DECLINED
    help_record.answered_at = timezone.now()
    help_record.save(update_fields=["status", "answered_at"])
    return help_record


def appreciation_give(
    *,
    membership: Membership,
    message: str,
    contribution: Contribution | None = None,
    help_record: Help | None = None,
) -> Appreciation:
    """Thank the author of a contribution or the helper; only for what the sender may see."""
    sender = person_of(membership)
    if (contribution is None) == (help_record is None):
        raise ValidationError(_("Thank someone for one contribution or one piece of help at a time."))
    if contribution is not None:
        if not Contribution.objects.visible_to(membership).filter(pk=contribution.pk).exists():
            raise PermissionDenied
        recipient = contribution.author
    else:
        assert help_record is not None  # noqa: S101 - one of the two, checked above
        if not Help.objects.visible_to(membership).filter(pk=help_record.pk).exists():
            raise PermissionDenied
        if help_record.status != HelpStatus.CONFIRMED and help_record.helped_id != sender.pk:
            raise ValidationError(_("This help is not confirmed yet."))
        recipient = help_record.helper
    if recipient.pk == sender.pk:
        raise ValidationError(_("You cannot thank yourself."))
    appreciation = Appreciation(
        organisation_id=membership.organisation_id,
        sender=sender,
        recipient=recipient,
        contribution=contribution,
        help=help_record,
        message=message.strip(),
    )
    appreciation.full_clean()
    appreciation.save()
    return appreciation


def contribution_delete(*, membership: Membership, contribution: Contribution) -> None:
    if contribution.author_id != membership.person_id:
        raise PermissionDenied
    contribution.delete()


def commitment_create(
    *, membership: Membership, title: str, period_end: date | None = None, shared: bool = False
) -> CraftCommitment:
    commitment = CraftCommitment(
        organisation_id=membership.organisation_id,
        person=person_of(membership),
        title=title.strip(),
        period_end=period_end,
        shared=shared,
    )
    commitment.full_clean()
    commitment.save()
    return commitment


def _own(membership: Membership, commitment: CraftCommitment) -> None:
    if commitment.organisation_id != membership.organisation_id or commitment.person_id != membership.person_id:
        raise PermissionDenied


def commitment_update(
    *,
    membership: Membership,
    commitment: CraftCommitment,
    title: str | None = None,
    period_end: date | None = None,
    shared: bool | None = None,
) -> CraftCommitment:
    _own(membership, commitment)
    if title is not None:
        commitment.title = title.strip()
    if period_end is not None:
        commitment.period_end = period_end
    if shared is not None:
        commitment.shared = shared
    commitment.full_clean()
    commitment.save()
    return commitment


def reflection_add(*, membership: Membership, commitment: CraftCommitment, text: str) -> Reflection:
    _own(membership, commitment)
    reflection = Reflection(commitment=commitment, text=text.strip())
    reflection.full_clean()
    reflection.save()
    return reflection
