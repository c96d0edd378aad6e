import pytest
from django.core import mail
from django.test import Client, override_settings

from naober.accounts.models import LoginFailure
from tests.conftest import PASSWORD, World


def _login(client: Client, email: str, password: str) -> object:
    return client.post("/accounts/login/", {"username": email, "password": password})


def test_login_page_is_dutch_by_default(db: None) -> None:
    response = Client().get("/accounts/login/")
    assert response.status_code == 200
    assert response["Content-Language"] == "nl"
    assert b'<html lang="nl">' in response.content


def test_member_logs_in_with_email_and_lands_in_their_organisation(world: World) -> None:
    client = Client()
    response = _login(client, "Chantal@TerHorst.example", PASSWORD)
    assert response.status_code == 302  # type: ignore[attr-defined]
    response = client.get("/", follow=True)
    assert response.redirect_chain[-1][0] == f"/o/{world.org.slug}/"


def test_wrong_password_says_so_without_telling_whether_the_address_exists(world: World) -> None:
    known = _login(Client(), "chantal@terhorst.example", "wrong password")
    unknown = _login(Client(), "nobody@terhorst.example", "wrong password")
    assert known.status_code == unknown.status_code == 200  # type: ignore[attr-defined]
    assert known.context["form"].errors == unknown.context["form"].errors  # type: ignore[attr-defined]


@override_settings(LOGIN_FAILURE_LIMIT=3)
def test_login_is_locked_after_repeated_failures_even_with_the_right_password(world: World) -> None:
    for _ in range(3):
        _login(Client(), "chantal@terhorst.example", "guess")
    assert LoginFailure.objects.recent_for("chantal@terhorst.example").count() == 3
    response = _login(Client(), "chantal@terhorst.example", PASSWORD)
    assert response.status_code == 200  # type: ignore[attr-defined]
    assert "locked" in response.context["form"].errors.as_data()["__all__"][0].code  # type: ignore[attr-defined]
    # Another person's login is not affected.
    assert _login(Client(), "daan@terhorst.example", PASSWORD).status_code == 302  # type: ignore[attr-defined]


def test_successful_login_clears_earlier_failures(world: World) -> None:
    _login(Client(), "chantal@terhorst.example", "guess")
    _login(Client(), "chantal@terhorst.example", PASSWORD)
    assert not LoginFailure.objects.filter(email="chantal@terhorst.example").exists()


def test_password_reset_sends_a_link_that_sets_a_new_password(world: World) -> None:
    client = Client()
    client.post("/accounts/password/reset/", {"email": "chantal@terhorst.example"})
    assert len(mail.outbox) == 1
    link = next(line for line in mail.outbox[0].body.splitlines() if "/accounts/password/reset/" in line)
    path = link.split("://", 1)[1].split("/", 1)[1]
    response = client.get("/" + path, follow=True)
    assert response.context["validlink"]
    new = "Brinkhuis-Twente-2026"
    response = client.post(response.redirect_chain[-1][0], {"new_password1": new, "new_password2": new}, follow=True)
    assert response.status_code == 200
    assert _login(Client(), "chantal@terhorst.example", new).status_code == 302  # type: ignore[attr-defined]


def test_password_reset_for_an_unknown_address_sends_nothing_and_says_the_same(db: None) -> None:
    response = Client().post("/accounts/password/reset/", {"email": "nobody@example.org"})
    assert response.status_code == 302
    assert mail.outbox == []


def test_logout_needs_a_post(world: World, member_client: Client) -> None:
    assert member_client.get("/accounts/logout/").status_code == 405
    assert member_client.post("/accounts/logout/").status_code == 302


@pytest.mark.parametrize("path", ["/", "/accounts/profile/"])
def test_anonymous_visitors_are_sent_to_the_login_page(db: None, path: str) -> None:
    response = Client().get(path)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
