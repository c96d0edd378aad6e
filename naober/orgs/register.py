"""The transparency register (DESIGN.md §5), generated from the models naober actually has.

Every model in a naober app declares ``transparency = DataKind(...)``: what it holds, why, who sees it
and how long it is kept. The register page lists them with live counts for the organisation, and a test
fails when a model is added without a declaration, so the register cannot fall behind the code.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.db import models

from naober.lib.register import DataKind
from naober.orgs.models import Organisation


@dataclass(frozen=True)
class RegisterEntry:
    kind: DataKind
    model: type[models.Model]
    count: int | None
    kept: Any  # the kind's retention text; a callable `kept` is asked for this organisation's own setting


def declared_models() -> list[type[models.Model]]:
    return [m for m in apps.get_models() if m.__module__.startswith("naober.")]


def kind_of(model: type[models.Model]) -> DataKind | None:
    kind: Any = getattr(model, "transparency", None)
    return kind if isinstance(kind, DataKind) else None


def _count(model: type[models.Model], organisation: Organisation) -> int | None:
    field_names = {f.name for f in model._meta.get_fields()}
    if "organisation" in field_names:
        return model._default_manager.filter(organisation=organisation).count()
    if "memberships" in field_names:  # users: those with a role in this organisation
        return model._default_manager.filter(memberships__organisation=organisation).distinct().count()
    if "user" in field_names:
        return model._default_manager.filter(user__memberships__organisation=organisation).distinct().count()
    return None


def entries(organisation: Organisation) -> list[RegisterEntry]:
    result = []
    for model in declared_models():
        kind = kind_of(model)
        if kind is not None:
            kept = kind.kept(organisation) if callable(kind.kept) else kind.kept
            result.append(RegisterEntry(kind=kind, model=model, count=_count(model, organisation), kept=kept))
    return result
