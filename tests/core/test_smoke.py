from django.test import Client

from tests.conftest import World


def test_leader_reaches_home_page(leader_client: Client, world: World) -> None:
    response = leader_client.get(f"/o/{world.org.slug}/")
    assert response.status_code == 200
    assert b"Ter Horst" in response.content
