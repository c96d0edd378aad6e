"""Running a round: links for everyone, drafts that survive, answers stored apart from people, reminders."""

from __future__ import annotations

import json
import re
from datetime import timedelta

import pytest
from django.apps import apps
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import models
from django.test import Client
from django.utils import timezone

from naober.accounts.models import User
from naober.cli import main
from naober.orgs.models import Person
from naober.scan import links, services
from naober.scan.models import Action, Draft, Participation, Response, ScanRound
from tests.conftest import client_for
from tests.scan.conftest import ScanWorld, answer_all, full_answers


def test_a_round_invites_everyone_and_mails_those_with_an_address(scan_world: ScanWorld) -> None:
    letters = scan_world.letters
    assert len(letters) == Person.objects.filter(organisation=scan_world.world.org).count() == 17
    roles = {letter.person.name: letter.role for letter in letters}
    assert roles["Anna ter Horst"] == "leader"  # leadership login
    assert roles["Bram Oude Luttikhuis"] == "leader"  # leads Binnendienst
    assert roles["Chantal Nijhuis"] == "staff"
    assert len(mail.outbox) == 15  # two technicians have no e-mail address: they get a letter
    assert all(letter.url in message.body for letter, message in zip(
        [x for x in letters if x.person.email], sorted(mail.outbox, key=lambda m: m.to[0]), strict=False
    ) if letter.person.email == message.to[0])  # fmt: skip


def test_the_server_keeps_only_hashes_and_a_sealed_token(scan_world: ScanWorld) -> None:
    letter = scan_world.letters[0]
    participation = Participation.objects.get(round=scan_world.round, person=letter.person)
    assert participation.token_hash == links.token_hash(letter.token)
    assert letter.token not in participation.token_sealed
    assert links.unseal_token(participation.token_sealed) == letter.token


def test_a_draft_is_saved_half_way_and_resumed_with_the_link(scan_world: ScanWorld) -> None:
    token = scan_world.letters[3].token  # staff
    client = Client()
    url = f"/s/{token}/"
    response = client.post(url, {"action": "save", "item:clarity_1": "6", "item:trust_2": "dk", "open": "Meer overleg"})
    assert response.status_code == 302
    page = client.get(url).content.decode()
    assert re.search(r'name="item:clarity_1" value="6" checked', page)
    assert re.search(r'name="item:trust_2" value="dk" checked', page)
    assert "Meer overleg" in page
    draft = Draft.objects.get()
    assert "Meer overleg" not in draft.sealed_answers  # encrypted
    assert draft.lookup != links.token_hash(token)  # cannot be joined to the invitation without the link


def test_sending_incomplete_answers_names_what_is_missing_and_keeps_them(scan_world: ScanWorld) -> None:
    client = Client()
    url = f"/s/{scan_world.letters[3].token}/"
    response = client.post(url, {"action": "submit", "item:clarity_1": "6"}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 422
    assert "statements 2, 3, 4," in response.content.decode()  # numbered as on the form
    assert Response.objects.count() == 0


def test_sent_answers_are_anonymous_and_the_link_works_once(scan_world: ScanWorld) -> None:
    letter = scan_world.letters[3]
    services.draft_save(letter.token, {"items": {"clarity_1": 4}})
    services.response_submit(letter.token, full_answers(leader=False))
    stored = Response.objects.get()
    assert (stored.role, stored.team) == ("staff", letter.team)
    assert Draft.objects.count() == 0
    assert Participation.objects.get(person=letter.person).responded_at is not None
    with pytest.raises(services.LinkError):
        services.response_submit(letter.token, full_answers(leader=False))
    assert Client().get(f"/s/{letter.token}/").status_code == 410


def test_only_leaders_predict_and_a_leader_must(scan_world: ScanWorld) -> None:
    leader = next(x for x in scan_world.letters if x.role == "leader")
    with pytest.raises(ValidationError):
        services.response_submit(leader.token, full_answers(leader=False))
    staff = next(x for x in scan_world.letters if x.role == "staff")
    services.response_submit(staff.token, full_answers(leader=True))  # a staff prediction is dropped
    assert "predictions" not in Response.objects.get().answers


def test_no_table_holds_a_person_or_a_token_together_with_answers(scan_world: ScanWorld) -> None:
    answer_all(scan_world, only=6)
    for token in (x.token for x in scan_world.letters[6:9]):
        services.draft_save(token, {"items": {"trust_1": 5}})
    answer_fields = (models.JSONField,)
    for model in apps.get_models():
        if model._meta.app_label != "scan":  # scan answers; stories and contributions have their own rules
            continue
        fields = model._meta.get_fields()
        holds_answers = any(isinstance(f, answer_fields) for f in fields) or model is Draft
        if not holds_answers:
            continue
        for field in fields:
            target = getattr(field, "related_model", None)
            assert target not in (Person, User, Participation), f"{model.__name__}.{field.name} links answers to people"
            assert "token" not in field.name, f"{model.__name__}.{field.name} keeps a token beside answers"
            assert not isinstance(field, models.DateTimeField) or model is Draft, (
                f"{model.__name__}.{field.name}: a time could line answers up with who responded when"
            )
    # and the values themselves: no stored answer row contains a token, a token hash or a name
    secrets = {x.token for x in scan_world.letters} | {links.token_hash(x.token) for x in scan_world.letters}
    names = {x.person.name for x in scan_world.letters}
    for row in list(Response.objects.values_list("answers", flat=True)):
        text = json.dumps(row)
        assert not any(s in text for s in secrets | names)
    assert all(isinstance(r.pk, type(Response.objects.first().pk)) for r in Response.objects.all())  # type: ignore[union-attr]


def test_reminders_go_only_to_those_who_have_not_answered(scan_world: ScanWorld) -> None:
    answer_all(scan_world, only=10)
    mail.outbox.clear()
    reminded = services.reminders_send(scan_world.round)
    waiting = [x for x in scan_world.letters[10:] if x.person.email]
    assert reminded == len(waiting) == len(mail.outbox)
    assert {m.to[0] for m in mail.outbox} == {x.person.email for x in waiting}
    assert all(x.url in next(m.body for m in mail.outbox if m.to[0] == x.person.email) for x in waiting)


def test_letters_to_print_are_for_people_without_e_mail_unless_asked_for_everyone(scan_world: ScanWorld) -> None:
    client = client_for(scan_world.world.users["leader"])
    url = f"/o/{scan_world.world.org.slug}/scan/rounds/{scan_world.round.pk}/letters/"
    page = client.get(url).content.decode()
    assert "Monteur 00" in page and "Monteur 01" in page and "Monteur 02" not in page
    assert "<svg" in page  # the QR code
    assert "Monteur 02" in client.get(url + "?all=1").content.decode()
    assert client_for(scan_world.world.users["member"]).get(url).status_code == 403


def test_a_closed_round_takes_no_answers_and_drops_drafts(scan_world: ScanWorld) -> None:
    token = scan_world.letters[4].token
    services.draft_save(token, {"items": {"trust_1": 5}})
    services.round_close(scan_world.round)
    assert Draft.objects.count() == 0
    with pytest.raises(services.LinkError):
        services.draft_load(token)


def test_a_round_ends_in_one_to_three_actions(scan_world: ScanWorld) -> None:
    for title in ("Hulp zichtbaar maken", "Teamdoel op doorlooptijd", "Leerlingen koppelen aan een maatje"):
        services.action_add(scan_round=scan_world.round, title=title)
    with pytest.raises(ValidationError):
        services.action_add(scan_round=scan_world.round, title="Nog een")
    assert Action.objects.count() == 3


def test_opening_needs_a_future_date_and_teams_of_this_organisation(scan_world: ScanWorld) -> None:
    world = scan_world.world
    with pytest.raises(ValidationError):
        services.round_open(organisation=world.org, closes_on=timezone.localdate() - timedelta(days=1))
    with pytest.raises(ValidationError):
        services.round_open(organisation=world.org, closes_on=timezone.localdate(), teams=[world.other_team])


def test_the_api_takes_answers_by_link(scan_world: ScanWorld) -> None:
    letter = next(x for x in scan_world.letters if x.role == "staff")
    client = Client()
    base = f"/api/v1/scan/answers/{letter.token}"
    info = client.get(base).json()
    assert info["role"] == "staff" and info["draft"] == {}
    assert client.put(f"{base}/draft", {"items": {"trust_1": 9}}, content_type="application/json").status_code == 422
    assert client.put(f"{base}/draft", {"items": {"trust_1": 5}}, content_type="application/json").status_code == 200
    assert client.get(base).json()["draft"]["items"] == {"trust_1": 5}
    assert client.post(base, full_answers(leader=False), content_type="application/json").status_code == 204
    assert client.get(base).status_code == 410
    assert client.get("/api/v1/scan/answers/not-a-token").status_code == 410
    instrument = client.get("/api/v1/scan/instrument/2026.1").json()
    assert len([i for s in instrument["scales"] for i in s["items"]]) == 44


def test_the_cli_opens_a_round_and_prints_the_report(world, capsys) -> None:  # type: ignore[no-untyped-def]
    closes = (timezone.localdate() + timedelta(days=7)).isoformat()
    assert (
        main(
            [
                "scan",
                "open",
                "--org",
                "ter-horst",
                "--teams",
                "Binnendienst",
                "--closes",
                closes,
                "--no-email",
                "--json",
            ]
        )
        == 0
    )
    opened = json.loads(capsys.readouterr().out)
    assert {x["role"] for x in opened["invitations"]} == {"leader", "staff"}
    assert all(set(x) >= {"team", "role", "token", "url"} for x in opened["invitations"])
    for invitation in opened["invitations"]:
        services.response_submit(invitation["token"], full_answers(leader=invitation["role"] == "leader"))
    assert main(["scan", "report", "--round", str(opened["round"]), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    for group in report["groups"]:
        assert {"name", "kind", "suppressed"} <= set(group)
        if group["suppressed"]:
            assert "respondents" not in group and "scales" not in group
    assert main(["scan", "open", "--org", "ter-horst", "--teams", "Nergens", "--json"]) == 2
    assert ScanRound.objects.count() == 1
