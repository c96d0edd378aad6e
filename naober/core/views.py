"""Site-wide pages: the start page that picks an organisation, and the parts not built yet."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from naober.core.access import EVERYONE, OrgRequest, org_view
from naober.core.parts import PARTS_BY_SLUG
from naober.orgs.models import Membership


@login_required
def start(request: HttpRequest) -> HttpResponse:
    """One organisation: go there. Several: choose. None: say so plainly."""
    memberships = list(Membership.objects.for_user(request.user))
    if len(memberships) == 1:
        return redirect(memberships[0].organisation)
    return render(request, "core/start.html", {"memberships": memberships})


@org_view(EVERYONE)
def part(request: OrgRequest, part: str) -> HttpResponse:
    if part not in PARTS_BY_SLUG:
        raise Http404
    return render(request, "core/part.html", {"part": PARTS_BY_SLUG[part]})
