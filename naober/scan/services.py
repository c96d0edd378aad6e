"""Running a balance-scan round: open it, hand out links, keep drafts, take answers, remind, close.

One way for the pages, the API and the CLI. Answers are validated against the instrument version the round
recorded (naober/scan/instrument.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from naober.orgs.models import Membership, Organisation, Person, Role, Team
from naober.scan import links
from naober.scan.instrument import CURRENT_VERSION, Instrument, InstrumentError, clean_answers, is_complete, load
from naober.scan.models import MAX_ACTIONS, Action, Draft, Participation, Response, RoleGroup, ScanRound

if TYPE_CHECKING:
    from naober.accounts.models import User


@dataclass(frozen=True)
class Letter:
    """One personal link, as handed out: on paper (QR code) or by e-mail."""

    person: Person
    team: Team | None
    role: str
    token: str

    @property
    def url(self) -> str:
        return answer_url(self.token)


def answer_url(token: str) -> str:
    return settings.BASE_URL + reverse("scan_answer", kwargs={"token": token})


def _leaders(organisation: Organisation) -> set[int]:
    """People who answer as leaders: leadership logins and team leads (DESIGN.md §7: leaders and staff)."""
    leading = set(
        Membership.objects.filter(organisation=organisation, role=Role.LEADER, person__isnull=False).values_list(
            "person_id", flat=True
        )
    )
    leading |= set(
        Team.leads.through.objects.filter(team__organisation=organisation).values_list("person_id", flat=True)
    )
    return leading


def _participants(organisation: Organisation, teams: list[Team]) -> list[tuple[Person, Team | None]]:
    """Current people in the chosen teams (or everyone), each with the team they are reported in."""
    people = Person.objects.in_org(organisation).current().prefetch_related("teams")
    if teams:
        people = people.filter(Q(teams__in=teams) | Q(led_teams__in=teams)).distinct()
    in_scope = {team.pk for team in teams}
    result = []
    for person in people.order_by("name"):
        own = sorted((t for t in person.teams.all() if not in_scope or t.pk in in_scope), key=lambda t: t.name)
        result.append((person, own[0] if own else None))
    return result


@transaction.atomic
def round_open(
    *,
    organisation: Organisation,
    closes_on: date,
    teams: Iterable[Team] = (),
    title: str = "",
    opened_by: User | None = None,
    send_email: bool = True,
) -> tuple[ScanRound, list[Letter]]:
    """Open a round and make a personal link for every participant; e-mail those with an address.

    Returns every letter (the CLI prints them; the page shows those to print for people without e-mail)."""
    teams = list(teams)
    if any(team.organisation_id != organisation.pk for team in teams):
        raise ValidationError({"teams": _("Every team must belong to this organisation.")})
    if closes_on < timezone.localdate():
        raise ValidationError({"closes_on": _("The closing date lies in the past.")})
    scan_round = ScanRound.objects.create(
        organisation=organisation,
        # One line: the title goes into e-mail subjects.
        title=" ".join(title.split()) or _("Balance scan %(date)s") % {"date": timezone.localdate().strftime("%Y-%m")},
        instrument_version=CURRENT_VERSION,
        closes_on=closes_on,
        opened_by=opened_by,
    )
    scan_round.teams.set(teams)
    leaders = _leaders(organisation)
    letters = []
    for person, team in _participants(organisation, teams):
        role = RoleGroup.LEADER if person.pk in leaders else RoleGroup.STAFF
        token = links.new_token()
        Participation.objects.create(
            round=scan_round,
            person=person,
            role=role,
            team=team if role == RoleGroup.STAFF else None,
            token_hash=links.token_hash(token),
            token_sealed=links.seal_token(token),
        )
        letters.append(Letter(person=person, team=team, role=role, token=token))
    if not letters:
        raise ValidationError(_("Nobody to invite: the chosen teams have no current members."))
    if send_email:
        _mail(scan_round, [letter for letter in letters if letter.person.email], reminder=False)
    return scan_round, letters


def _mail(scan_round: ScanRound, letters: list[Letter], *, reminder: bool) -> int:
    now = timezone.now()
    for letter in letters:
        context = {"round": scan_round, "letter": letter, "reminder": reminder}
        with translation.override(settings.LANGUAGE_CODE):
            subject = (_("Reminder: %(title)s") if reminder else _("Your invitation: %(title)s")) % {
                "title": scan_round.title
            }
            body = render_to_string("scan/email/invitation.txt", context)
        send_mail(subject, body, None, [letter.person.email])
    field = "reminded_at" if reminder else "sent_at"
    Participation.objects.filter(round=scan_round, person__in=[letter.person for letter in letters]).update(
        **{field: now}
    )
    return len(letters)


def _letters(participations: Iterable[Participation]) -> list[Letter]:
    letters = []
    for participation in participations:
        token = links.unseal_token(participation.token_sealed)
        if token is not None:
            letters.append(Letter(participation.person, participation.team, participation.role, token))
    return letters


def letters_to_print(scan_round: ScanRound, *, everyone: bool = False) -> list[Letter]:
    """Links of those who have not responded: by default only people without an e-mail address."""
    waiting = scan_round.participations.filter(responded_at__isnull=True).select_related("person", "team")
    if not everyone:
        waiting = waiting.filter(person__email="")
    return _letters(waiting.order_by("team__name", "person__name"))


def reminders_send(scan_round: ScanRound) -> int:
    """Remind by e-mail everyone who has not responded (and has an address). Nobody else is bothered."""
    if not scan_round.is_open:
        raise ValidationError(_("This round is closed."))
    waiting = scan_round.participations.filter(responded_at__isnull=True).exclude(person__email="")
    return _mail(scan_round, _letters(waiting.select_related("person", "team")), reminder=True)


def round_close(scan_round: ScanRound) -> None:
    scan_round.closed_at = timezone.now()
    scan_round.save(update_fields=["closed_at"])
    Draft.objects.filter(round=scan_round).delete()


class LinkError(Exception):
    """The link is unknown, used, or its round is closed; the message says which, for the respondent."""


def participation_for(token: str) -> Participation:
    participation = (
        Participation.objects.select_related("round__organisation", "person")
        .filter(token_hash=links.token_hash(token))
        .first()
    )
    if participation is None:
        raise LinkError(_("This link is not known. Check that you copied all of it."))
    if participation.responded_at is not None:
        raise LinkError(_("These answers have been sent. A link can be used once; thank you for taking part."))
    if not participation.round.is_open:
        raise LinkError(_("This round of the balance scan is closed."))
    return participation


def draft_load(token: str) -> dict[str, Any]:
    participation = participation_for(token)
    draft = Draft.objects.filter(round=participation.round, lookup=links.draft_lookup(token)).first()
    if draft is None:
        return {}
    return links.open_draft(token, draft.sealed_answers) or {}


def draft_save(token: str, answers: dict[str, Any]) -> dict[str, Any]:
    """Keep half-way answers (validated, not complete); returns them normalised."""
    participation = participation_for(token)
    clean = _clean(participation, answers)
    Draft.objects.update_or_create(
        lookup=links.draft_lookup(token),
        defaults={"round": participation.round, "sealed_answers": links.seal_draft(token, clean)},
    )
    return clean


def _clean(participation: Participation, answers: dict[str, Any]) -> dict[str, Any]:
    try:
        clean = clean_answers(load(participation.round.instrument_version), answers)
    except InstrumentError as error:
        raise ValidationError(str(error)) from None
    if participation.role != RoleGroup.LEADER:
        clean.pop("predictions", None)  # only leaders predict the staff's scores
    return clean


@transaction.atomic
def response_submit(token: str, answers: dict[str, Any]) -> None:
    """Store the answers anonymously and mark the invitation as used; the draft goes."""
    participation = participation_for(token)
    Participation.objects.select_for_update().filter(pk=participation.pk).first()
    clean = _clean(participation, answers)
    leader = participation.role == RoleGroup.LEADER
    instrument = load(participation.round.instrument_version)
    missing = is_complete(instrument, clean, leader=leader)
    if missing:
        raise ValidationError(
            _("Not everything is answered yet: %(which)s. Choose “don't know” where you cannot say.")
            % {"which": _missing_in_words(instrument, missing)}
        )
    Response.objects.create(round=participation.round, role=participation.role, team=participation.team, answers=clean)
    participation.responded_at = timezone.now()
    participation.save(update_fields=["responded_at"])
    Draft.objects.filter(lookup=links.draft_lookup(token)).delete()


def _missing_in_words(instrument: Instrument, missing: list[str]) -> str:
    """'statements 3, 17 and 40; slider 2; your prediction for 5 scales', as the respondent sees the form."""
    number = {item.key: index for index, item in enumerate(instrument.items, start=1)}
    slider = {s.key: index for index, s in enumerate(instrument.sliders, start=1)}
    statements = [str(number[key]) for key in missing if key in number]
    sliders = [str(slider[key]) for key in missing if key in slider and key not in number]
    predictions = len(missing) - len(statements) - len(sliders)
    parts = []
    if statements:
        parts.append(_("statements %(numbers)s") % {"numbers": ", ".join(statements)})
    if sliders:
        parts.append(_("sliders %(numbers)s") % {"numbers": ", ".join(sliders)})
    if predictions:
        parts.append(_("your prediction for %(n)s scales") % {"n": predictions})
    return "; ".join(parts)


def action_add(*, scan_round: ScanRound, title: str, owner: Person | None = None, due_on: date | None = None) -> Action:
    """A round ends in one to three actions (DESIGN.md §7)."""
    if scan_round.actions.count() >= MAX_ACTIONS:
        raise ValidationError(_("A round ends in one to three actions, and this one has three."))
    if owner is not None and owner.organisation_id != scan_round.organisation_id:
        raise ValidationError({"owner": _("That person is not in this organisation.")})
    action = Action(round=scan_round, title=title.strip(), owner=owner, due_on=due_on)
    action.full_clean()
    action.save()
    return action
