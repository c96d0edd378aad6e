from django.test import Client

from naober.accounts.models import ApiToken
from tests.conftest import World


def test_token_is_shown_once_and_stored_only_as_a_hash(world: World, member_client: Client) -> None:
    response = member_client.post("/accounts/profile/", {"name": "rapportage"})
    key = response.context["new_key"]
    assert key.startswith("nbr_")
    token = ApiToken.objects.get(user=world.users["member"])
    assert token.key_hash == ApiToken.hash_key(key)
    assert key not in token.key_hash
    assert key.encode() not in member_client.get("/accounts/profile/").content


def test_token_authenticates_the_api_until_revoked(world: World, member_client: Client) -> None:
    token, key = ApiToken.issue(user=world.users["member"], name="script")
    headers = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
    response = Client().get("/api/v1/orgs", **headers)  # type: ignore[arg-type]
    assert response.status_code == 200
    assert [org["slug"] for org in response.json()] == ["ter-horst"]
    member_client.post(f"/accounts/profile/tokens/{token.pk}/revoke/")
    assert Client().get("/api/v1/orgs", **headers).status_code == 401  # type: ignore[arg-type]


def test_nobody_revokes_another_users_token(world: World, member_client: Client) -> None:
    token, _key = ApiToken.issue(user=world.users["leader"], name="script")
    assert member_client.post(f"/accounts/profile/tokens/{token.pk}/revoke/").status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_api_errors_have_one_shape(world: World, leader_client: Client) -> None:
    response = leader_client.post(
        f"/api/v1/orgs/{world.org.slug}/teams", data={"name": ""}, content_type="application/json"
    )
    assert response.status_code == 422
    body = response.json()
    assert set(body) == {"detail", "errors"}
    assert body["errors"][0]["field"].endswith("name")
    missing = leader_client.get(f"/api/v1/orgs/{world.org.slug}/teams/999999")
    assert missing.status_code == 404
    assert missing.json() == {"detail": "Not found.", "errors": []}


def test_api_refuses_text_with_nul_characters(world: World, leader_client: Client) -> None:
    """PostgreSQL cannot store NUL; the API says so as a 422 instead of failing (found by schemathesis)."""
    response = leader_client.post(
        f"/api/v1/orgs/{world.org.slug}/people", data={"name": "Nul\x00"}, content_type="application/json"
    )
    assert response.status_code == 422
    assert leader_client.get("/api/v1/orgs/ter%00horst").status_code == 404


def test_api_refuses_ids_beyond_what_a_database_can_hold(world: World, leader_client: Client) -> None:
    """An id of 2**63 overflowed SQLite's driver (found by schemathesis); now it is a 422."""
    url = f"/api/v1/orgs/{world.org.slug}/teams/{world.binnendienst.pk}"
    response = leader_client.patch(url, data={"member_ids": [2**63]}, content_type="application/json")
    assert response.status_code == 422
    assert leader_client.get(f"/api/v1/orgs/{world.org.slug}/teams/{2**63}").status_code == 422


def test_api_refuses_a_body_that_is_not_an_object_or_has_unknown_fields(world: World, leader_client: Client) -> None:
    url = f"/api/v1/orgs/{world.org.slug}"
    assert leader_client.patch(url, data=[], content_type="application/json").status_code == 422
    response = leader_client.patch(url, data={"naam": "X"}, content_type="application/json")
    assert response.status_code == 422
    world.org.refresh_from_db()
    assert world.org.name == "Ter Horst Installatietechniek"
