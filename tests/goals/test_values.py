"""Values: five defaults for every organisation, editable; a value in use is retired, never deleted."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import translation

from naober.contributions.services import contribution_record
from naober.goals.models import Value, ValueKind
from naober.goals.services import value_delete, value_save
from naober.orgs.models import Organisation
from naober.orgs.services import organisation_create
from tests.conftest import World

DEFAULTS = ["Klantzorg", "Doorlooptijd", "Ketensamenwerking", "Kwaliteit", "Leren en innoveren"]


def test_a_new_organisation_starts_with_the_five_values(db: None) -> None:
    org = organisation_create(name="Bakkerij Ten Brinke", slug="ten-brinke")
    values = list(Value.objects.in_org(org))
    assert [v.name for v in values] == DEFAULTS
    assert {v.kind for v in values} == set(ValueKind) - {ValueKind.OTHER}


def test_organisations_from_before_values_get_them_from_the_migration(db: None) -> None:
    org = Organisation.objects.create(name="Oud", slug="oud")
    migration = importlib.import_module("naober.goals.migrations.0002_give_existing_organisations_the_default_values")
    migration.add_default_values(apps, None)
    migration.add_default_values(apps, None)  # twice: still five
    assert [v.name for v in Value.objects.in_org(org)] == DEFAULTS


def test_a_value_in_use_by_a_goal_cannot_be_deleted_only_retired(world: World) -> None:
    value = Value.objects.get(organisation=world.org, name="Klantzorg")  # world.goal serves it
    with translation.override("en"), pytest.raises(ValidationError, match="retire it instead"):
        value_delete(value=value)
    value_save(organisation=world.org, value=value, name=value.name, kind=value.kind, retired=True)
    value.refresh_from_db()
    assert value.retired_on is not None
    assert value in world.goal.values.all()  # the goal keeps its history


def test_a_value_in_use_by_a_contribution_cannot_be_deleted(world: World) -> None:
    value = Value.objects.get(organisation=world.org, name="Kwaliteit")
    contribution_record(membership=world.users["member"].memberships.get(), text="Nagemeten", value=value)
    with pytest.raises(ValidationError):
        value_delete(value=value)


def test_an_unused_value_can_be_deleted(world: World) -> None:
    value = Value.objects.get(organisation=world.org, name="Kwaliteit")
    value_delete(value=value)
    assert not Value.objects.filter(pk=value.pk).exists()


def test_a_leader_renames_and_adds_values_through_the_api(world: World, leader_client: Client) -> None:
    base = f"/api/v1/orgs/{world.org.slug}/values"
    value = Value.objects.get(organisation=world.org, name="Klantzorg")
    response = leader_client.patch(f"{base}/{value.pk}", {"name": "Klantgerichtheid"}, content_type="application/json")
    assert response.status_code == 200, response.content
    assert response.json()["name"] == "Klantgerichtheid"
    response = leader_client.post(base, {"name": "Duurzaamheid", "kind": "other"}, content_type="application/json")
    assert response.status_code == 201
    response = leader_client.delete(f"{base}/{value.pk}", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 422
    assert "retire" in response.json()["detail"] + str(response.json()["errors"])


def test_the_values_page_retires_and_brings_back(world: World, leader_client: Client) -> None:
    value = Value.objects.get(organisation=world.org, name="Klantzorg")
    url = f"/o/{world.org.slug}/steer/values/"
    response = leader_client.post(url, {"form": "action", "value": value.pk, "action": "retire"})
    assert response.status_code == 302
    value.refresh_from_db()
    assert value.is_retired
    leader_client.post(url, {"form": "action", "value": value.pk, "action": "restore"})
    value.refresh_from_db()
    assert not value.is_retired
    response = leader_client.post(url, {"form": "action", "value": value.pk, "action": "delete"}, follow=True)
    assert Value.objects.filter(pk=value.pk).exists()
    assert "retire" in response.content.decode().lower() or "buiten gebruik" in response.content.decode().lower()


def test_a_retired_value_is_not_offered_for_new_goals(world: World, leader_client: Client) -> None:
    value = Value.objects.get(organisation=world.org, name="Kwaliteit")
    value_save(organisation=world.org, value=value, name=value.name, kind=value.kind, retired=True)
    content = leader_client.get(f"/o/{world.org.slug}/steer/").content.decode()
    assert f'value="{value.pk}"' not in content


def test_an_organisation_with_contributions_naming_a_value_can_still_be_deleted(world: World) -> None:
    value = Value.objects.get(organisation=world.org, name="Kwaliteit")
    contribution_record(membership=world.users["member"].memberships.get(), text="Nagemeten", value=value)
    world.org.delete()
    assert not Value.objects.filter(pk=value.pk).exists()
