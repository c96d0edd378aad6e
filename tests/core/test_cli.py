import json
from pathlib import Path

import pytest

from naober.accounts.models import User
from naober.cli import main
from naober.core.demo import DEMO_LOGINS, DEMO_PASSWORD, DEMO_SLUG
from naober.orgs.models import Membership, Organisation, Person, Portfolio, Team
from tests.conftest import World

FIXTURES = Path(__file__).resolve().parents[1] / "orgs" / "fixtures"


@pytest.mark.django_db
def test_org_create_makes_an_organisation(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["org", "create", "--name", "Bakkerij Nijhuis", "--slug", "nijhuis", "--city", "Oldenzaal"]) == 0
    org = Organisation.objects.get(slug="nijhuis")
    assert (org.name, org.city) == ("Bakkerij Nijhuis", "Oldenzaal")
    assert "nijhuis" in capsys.readouterr().out


@pytest.mark.django_db
def test_org_create_refuses_a_taken_slug_and_says_why(capsys: pytest.CaptureFixture[str]) -> None:
    main(["org", "create", "--name", "A", "--slug", "zelfde"])
    assert main(["org", "create", "--name", "B", "--slug", "zelfde"]) == 1
    assert "slug" in capsys.readouterr().err
    assert Organisation.objects.filter(slug="zelfde").count() == 1


@pytest.mark.django_db
def test_demo_loads_ter_horst_with_a_login_for_each_role() -> None:
    assert main(["demo"]) == 0
    org = Organisation.objects.get(slug=DEMO_SLUG)
    assert 35 <= Person.objects.filter(organisation=org).count() <= 45
    assert Team.objects.filter(organisation=org).count() == 5
    binnendienst = Team.objects.get(organisation=org, name="Binnendienst")
    assert binnendienst.members.count() == 8
    assert Portfolio.objects.filter(team=binnendienst).values("owner").distinct().count() == 8
    roles = set(Membership.objects.filter(organisation=org).values_list("role", flat=True))
    assert roles == {"leader", "team_lead", "member", "coach", "council"}
    for login in DEMO_LOGINS:
        assert User.objects.get(email=login.email).check_password(DEMO_PASSWORD)


@pytest.mark.django_db
def test_demo_twice_changes_nothing_and_reset_loads_it_afresh(capsys: pytest.CaptureFixture[str]) -> None:
    main(["demo"])
    people = Person.objects.count()
    main(["demo"])
    assert "already" in capsys.readouterr().out
    assert Person.objects.count() == people
    main(["demo", "--reset"])
    assert Person.objects.count() == people


def test_demo_if_empty_leaves_a_database_with_organisations_alone(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    people = Person.objects.count()
    main(["demo", "--if-empty"])
    assert Person.objects.count() == people
    assert "not loaded" in capsys.readouterr().out


def test_people_import_dry_run_then_import(world: World, capsys: pytest.CaptureFixture[str]) -> None:
    source = FIXTURES / "people_semicolon_cp1252.csv"
    before = Person.objects.filter(organisation=world.org).count()
    assert main(["people", "import", "--org", world.org.slug, "--file", str(source), "--dry-run"]) == 0
    assert Person.objects.filter(organisation=world.org).count() == before
    assert Team.objects.filter(organisation=world.org, name="Klantenservice").count() == 0
    assert main(["people", "import", "--org", world.org.slug, "--file", str(source)]) == 0
    assert Team.objects.get(organisation=world.org, name="Klantenservice").members.count() > 0
    assert "Imported 5 row(s)" in capsys.readouterr().out


def test_people_import_with_a_bad_row_exits_non_zero_and_imports_nothing(
    world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "people.csv"
    source.write_text(
        "Naam;E-mail;Team\nFleur ter Haar;fleur@terhorst.example;Binnendienst\nGijs;geen-adres;Binnendienst\n"
    )
    before = Person.objects.count()
    assert main(["people", "import", "--org", world.org.slug, "--file", str(source)]) == 1
    err = capsys.readouterr().err
    assert "row 3" in err
    assert "E-mail" in err
    assert Person.objects.count() == before


def test_people_import_with_a_mapping_file(world: World, tmp_path: Path) -> None:
    source = tmp_path / "people.csv"
    source.write_text("Wie,Waar\nKarin Pierik,Service & Onderhoud\n")
    mapping = tmp_path / "mapping.json"
    mapping.write_text(json.dumps({"name": "Wie", "team": "Waar"}))
    assert main(["people", "import", "--org", world.org.slug, "--file", str(source), "--mapping", str(mapping)]) == 0
    assert world.service.members.filter(name="Karin Pierik").exists()


def test_people_import_for_an_unknown_organisation_is_a_usage_error(world: World, tmp_path: Path) -> None:
    source = tmp_path / "people.csv"
    source.write_text("Naam\nX\n")
    assert main(["people", "import", "--org", "bestaat-niet", "--file", str(source)]) == 2
