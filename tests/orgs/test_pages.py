"""The organisation pages as a user meets them: what they show, to whom, and the forms behind them."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from naober.orgs.models import AuditEvent, Person, Team
from tests.conftest import World, client_for


def test_team_page_lists_members_and_their_portfolios(world: World, member_client: Client) -> None:
    response = member_client.get(f"/o/{world.org.slug}/teams/{world.binnendienst.pk}/")
    content = response.content.decode()
    assert "Chantal Nijhuis" in content
    assert "Zorginstellingen" in content
    assert "Anna ter Horst" not in content  # not in this team


def test_team_list_has_no_n_plus_one(world: World, leader_client: Client, django_assert_max_num_queries) -> None:  # type: ignore[no-untyped-def]
    for number in range(10):
        Team.objects.create(organisation=world.org, name=f"Ploeg {number}")
    with django_assert_max_num_queries(12):
        assert leader_client.get(f"/o/{world.org.slug}/teams/").status_code == 200


def test_people_page_has_no_n_plus_one(world: World, leader_client: Client, django_assert_max_num_queries) -> None:  # type: ignore[no-untyped-def]
    for number in range(20):
        person = Person.objects.create(organisation=world.org, name=f"Monteur {number}")
        world.service.members.add(person)
    with django_assert_max_num_queries(12):
        assert leader_client.get(f"/o/{world.org.slug}/people/").status_code == 200


def test_colleague_sees_no_email_or_personnel_number_of_another(world: World, member_client: Client) -> None:
    daan = world.people["daan"]
    content = member_client.get(f"/o/{world.org.slug}/people/{daan.pk}/").content.decode()
    assert daan.name in content
    assert daan.email not in content
    assert daan.personnel_number not in content


def test_person_sees_their_own_details(world: World, member_client: Client) -> None:
    chantal = world.people["chantal"]
    content = member_client.get(f"/o/{world.org.slug}/people/{chantal.pk}/").content.decode()
    assert chantal.email in content


def test_leader_sees_details_and_the_look_is_audited(world: World, leader_client: Client) -> None:
    daan = world.people["daan"]
    content = leader_client.get(f"/o/{world.org.slug}/people/{daan.pk}/").content.decode()
    assert daan.email in content
    assert AuditEvent.objects.filter(organisation=world.org, action="person.viewed", subject=daan.name).exists()


def test_leader_creates_a_team(world: World, leader_client: Client) -> None:
    response = leader_client.post(f"/o/{world.org.slug}/teams/", {"name": "Werkvoorbereiding"})
    team = Team.objects.get(organisation=world.org, name="Werkvoorbereiding")
    assert response["Location"] == team.get_absolute_url()


def test_team_name_is_unique_in_the_organisation_whatever_its_case(world: World, leader_client: Client) -> None:
    response = leader_client.post(f"/o/{world.org.slug}/teams/", {"name": "binnendienst"})
    assert response.status_code == 422
    assert Team.objects.filter(organisation=world.org, name__iexact="binnendienst").count() == 1


def test_settings_cannot_lower_the_anonymity_threshold(world: World, leader_client: Client) -> None:
    url = f"/o/{world.org.slug}/settings/"
    response = leader_client.post(url, {"name": world.org.name, "city": "", "anonymity_threshold": 3})
    assert response.status_code == 422
    leader_client.post(url, {"name": world.org.name, "city": "Hengelo", "anonymity_threshold": 7})
    world.org.refresh_from_db()
    assert world.org.anonymity_threshold == 7


def test_settings_form_answers_htmx_with_its_fragment(world: World, leader_client: Client) -> None:
    url = f"/o/{world.org.slug}/settings/"
    response = leader_client.post(url, {"name": "", "anonymity_threshold": 5}, HTTP_HX_REQUEST="true")
    content = response.content.decode()
    assert response.status_code == 422
    assert content.lstrip().startswith("<form")
    assert "<html" not in content
    assert "HX-Request" in response["Vary"]


def test_import_page_lists_problems_and_imports_nothing(world: World, leader_client: Client) -> None:
    upload = SimpleUploadedFile("mensen.csv", b"Naam;E-mail\nFleur;fleur@x.example\nGijs;geen-adres\n")
    before = Person.objects.count()
    response = leader_client.post(f"/o/{world.org.slug}/people/import/", {"file": upload, "dry_run": ""})
    assert response.status_code == 422
    problems = response.context["result"].problems
    assert [(p.row, p.column, p.value) for p in problems] == [(3, "E-mail", "geen-adres")]
    assert Person.objects.count() == before


def test_import_page_dry_run_then_import(world: World, leader_client: Client) -> None:
    data = b"Naam,Team\nKarin Pierik,Service & Onderhoud\nLuuk Velthuis,Service & Onderhoud\n"
    url = f"/o/{world.org.slug}/people/import/"
    response = leader_client.post(url, {"file": SimpleUploadedFile("p.csv", data), "dry_run": "on"})
    assert response.status_code == 200
    assert response.context["result"].created == 2
    assert not Person.objects.filter(name="Karin Pierik").exists()
    response = leader_client.post(url, {"file": SimpleUploadedFile("p.csv", data)})
    assert response.status_code == 302
    assert world.service.members.filter(name__in=["Karin Pierik", "Luuk Velthuis"]).count() == 2


def test_api_import_reports_problems_in_the_one_error_shape(world: World) -> None:
    client = client_for(world.users["leader"])
    upload = SimpleUploadedFile("mensen.csv", b"Naam,E-mail\nGijs,geen-adres\n")
    response = client.post(f"/api/v1/orgs/{world.org.slug}/people/import", {"file": upload}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 422
    body = response.json()
    assert body["errors"] == [
        {"field": "E-mail", "row": 2, "value": "geen-adres", "message": "This is not a valid e-mail address."}
    ]


def test_api_hides_private_fields_from_colleagues(world: World) -> None:
    client = client_for(world.users["member"])
    people = client.get(f"/api/v1/orgs/{world.org.slug}/people").json()
    by_name = {p["name"]: p for p in people}
    assert by_name["Daan Kamphuis"]["email"] is None
    assert by_name["Chantal Nijhuis"]["email"] == "chantal@terhorst.example"
    assert {p["name"] for p in people}.isdisjoint({"Zoë Oosterveld"})


def test_settings_saved_through_htmx_confirm_in_place(world: World, leader_client: Client) -> None:
    url = f"/o/{world.org.slug}/settings/"
    data = {"name": world.org.name, "city": "Hengelo", "anonymity_threshold": 6}
    response = leader_client.post(url, data, HTTP_HX_REQUEST="true", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "Settings saved." in response.content.decode()
    world.org.refresh_from_db()
    assert world.org.anonymity_threshold == 6


def test_audit_events_older_than_two_years_are_removed(world: World, leader_client: Client) -> None:
    from datetime import timedelta

    from django.utils import timezone

    old = AuditEvent.objects.create(organisation=world.org, action="person.viewed", subject="oud")
    AuditEvent.objects.filter(pk=old.pk).update(at=timezone.now() - timedelta(days=731))
    leader_client.get(f"/o/{world.org.slug}/people/{world.people['daan'].pk}/")
    assert not AuditEvent.objects.filter(pk=old.pk).exists()
    assert AuditEvent.objects.filter(subject=world.people["daan"].name).exists()
