"""One place that decides who may open what: the organisation in the URL and the user's role in it.

Every page under ``/o/<org>/`` is wrapped by :func:`org_view`, every API operation under
``/api/v1/orgs/{org}/`` by :func:`api_org_view`. Both resolve the organisation from the slug, look up the
user's membership, and apply an :class:`Access` policy:

- not signed in: the login page (pages) or 401 (API);
- not a member of that organisation: 404, so nobody learns that it exists;
- a member whose role the policy does not allow: 403.

The policy is attached to the view as ``view.access`` so the access matrix test can read it for every
route in the URL configuration, without anyone listing routes by hand.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar, cast

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from naober.orgs.models import Membership, Organisation, Role

if TYPE_CHECKING:
    from django_htmx.middleware import HtmxDetails

    from naober.accounts.models import User

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


@dataclass(frozen=True)
class Access:
    """Which roles may read (GET) and which may write (POST, PUT, PATCH, DELETE)."""

    read: frozenset[Role]
    write: frozenset[Role] = frozenset()

    def allows(self, role: str, method: str) -> bool:
        roles = self.read if method.upper() in SAFE_METHODS else self.write
        return role in roles


def roles(*names: Role) -> frozenset[Role]:
    return frozenset(names)


ALL_ROLES = roles(*Role)
# DESIGN.md §2, as policies. Names say who, so a reader of a view sees its audience at a glance.
EVERYONE = Access(read=ALL_ROLES)
# Colleagues know each other: names, teams and portfolios. Coach and works council see aggregates only.
COLLEAGUES = Access(read=roles(Role.LEADER, Role.TEAM_LEAD, Role.MEMBER))
# Teams as a whole: the coach facilitates their reviews, so sees who is in them.
TEAM_VIEWERS = Access(read=roles(Role.LEADER, Role.TEAM_LEAD, Role.MEMBER, Role.COACH))
TEAMS_EDITABLE_BY_LEADERS = Access(read=TEAM_VIEWERS.read, write=roles(Role.LEADER))
LEADERS_ONLY = Access(read=roles(Role.LEADER), write=roles(Role.LEADER))


class OrgRequest(HttpRequest):
    """A request inside an organisation: :func:`org_view` guarantees these attributes."""

    user: User
    htmx: HtmxDetails
    org: Organisation
    membership: Membership
    role: Role


P = ParamSpec("P")
R = TypeVar("R")


def resolve_membership(user: Any, slug: str) -> Membership:
    """The user's membership in the organisation with this slug, or 404."""
    if not getattr(user, "is_authenticated", False):
        raise PermissionDenied
    if "\x00" in slug:  # no slug has one, and PostgreSQL refuses it in a query
        raise Http404
    membership = (
        Membership.objects.select_related("organisation", "person")
        .filter(user=user, organisation__slug=slug, user__is_active=True)
        .first()
    )
    if membership is None:
        raise Http404
    return membership


def bind(request: HttpRequest, membership: Membership) -> OrgRequest:
    org_request = cast(OrgRequest, request)
    org_request.org = membership.organisation
    org_request.membership = membership
    org_request.role = Role(membership.role)
    return org_request


def org_view(access: Access) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Wrap a page view taking ``(request: OrgRequest, **kwargs)``; the URL carries ``<slug:org>``."""

    def decorate(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @functools.wraps(view)
        def wrapper(request: HttpRequest, org: str, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            membership = resolve_membership(request.user, org)
            if not access.allows(membership.role, request.method or "GET"):
                raise PermissionDenied
            return view(bind(request, membership), **kwargs)

        wrapper.access = access  # type: ignore[attr-defined]
        return wrapper

    return decorate


def get_in_org(model: type[models.Model], request: OrgRequest, pk: object, **filters: Any) -> Any:
    """Fetch a row of this organisation by id; an id of another organisation is a 404 like any other."""
    return get_object_or_404(model, pk=pk, organisation=request.org, **filters)


def role_in(request: OrgRequest, allowed: Iterable[Role]) -> bool:
    return request.role in set(allowed)
