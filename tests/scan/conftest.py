"""A round of the balance scan over Ter Horst with enough people for figures to be shown."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.utils import timezone

from naober.orgs.models import Person, Team
from naober.scan.instrument import load
from naober.scan.models import ScanRound
from naober.scan.services import Letter, response_submit, round_open
from tests.conftest import World


@dataclass
class ScanWorld:
    world: World
    round: ScanRound
    letters: list[Letter]
    montage: Team


def full_answers(*, leader: bool, level: int = 5, seed: int = 0) -> dict:  # type: ignore[type-arg]
    """A complete set of answers around `level` (1..7), predictions for leaders."""
    instrument = load()
    rng = random.Random(seed)
    items = {item.key: max(1, min(7, level + rng.choice((-1, 0, 0, 1)))) for item in instrument.items}
    answers = {"items": items, "sliders": {s.key: rng.randint(20, 80) for s in instrument.sliders}}
    if leader:
        answers["predictions"] = {s.key: 5.5 for s in instrument.scales if s.block in ("result", "relational")}
    return answers


@pytest.fixture
def scan_world(world: World) -> ScanWorld:
    """Ter Horst plus Montage, a team of 12 technicians (two without e-mail), and an open round for all."""
    montage = Team.objects.create(organisation=world.org, name="Montage")
    for number in range(12):
        email = "" if number < 2 else f"monteur{number}@terhorst.example"
        montage.members.add(Person.objects.create(organisation=world.org, name=f"Monteur {number:02d}", email=email))
    scan_round, letters = round_open(
        organisation=world.org, closes_on=timezone.localdate() + timedelta(days=14), title="Balansscan najaar 2026"
    )
    return ScanWorld(world=world, round=scan_round, letters=letters, montage=montage)


def answer_all(scan: ScanWorld, *, staff_level: int = 5, leader_level: int = 6, only: int | None = None) -> None:
    for index, letter in enumerate(scan.letters[:only]):
        leader = letter.role == "leader"
        response_submit(
            letter.token, full_answers(leader=leader, level=leader_level if leader else staff_level, seed=index)
        )
