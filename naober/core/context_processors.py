from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import resolve, reverse

from naober.core.parts import PARTS
from naober.orgs.models import Membership


def navigation(request: HttpRequest) -> dict[str, Any]:
    """The header on every page: organisations to switch between, and the current one's parts."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    context: dict[str, Any] = {"user_memberships": Membership.objects.for_user(user)}
    org = getattr(request, "org", None)
    if org is not None:
        context["org"] = org
        context["membership"] = request.membership  # type: ignore[attr-defined]
        parts = []
        for part in PARTS:
            url = reverse(part.url_name or f"parts:{part.slug}", kwargs={"org": org.slug})
            access = getattr(resolve(url).func, "access", None)
            if part.fallback_url_name and access is not None and not access.allows(request.membership.role, "GET"):  # type: ignore[attr-defined]
                url = reverse(part.fallback_url_name, kwargs={"org": org.slug})
            parts.append(
                {
                    "slug": part.slug,
                    "question": part.question,
                    "title": part.title,
                    "url": url,
                    "current": request.path.startswith(url),  # every page of a part lives under its first
                }
            )
        context["parts"] = parts
    return context
