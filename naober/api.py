"""The JSON API under /api/v1/: one NinjaAPI, one error shape, session or personal-token authentication.

Every error answers ``{"detail": "...", "errors": [{"field": ..., "message": ...}]}``. Operations inside an
organisation authenticate through :func:`org_auth`, which applies the same :class:`~naober.core.access.Access`
policies as the pages (outsiders get 404, roles without the right get 403).
"""

from __future__ import annotations

from typing import Annotated, Any

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.security import APIKeyCookie, HttpBearer
from pydantic import ConfigDict, Field, field_validator, model_validator

from naober.accounts.models import ApiToken
from naober.core.access import Access, bind, resolve_membership


def _has_nul(value: Any) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_has_nul(k) or _has_nul(v) for k, v in value.items())
    if isinstance(value, list | tuple):
        return any(_has_nul(v) for v in value)
    return False


# The largest id a database row can have (a signed 64-bit integer); larger numbers are refused as input
# instead of overflowing the database driver.
MAX_ID = 2**63 - 1
RowId = Annotated[int, Field(ge=1, le=MAX_ID)]


class InputSchema(Schema):
    """Base of every request body, validated strictly: a JSON object with only the documented fields,
    and no text with NUL characters (PostgreSQL cannot store them)."""

    model_config = ConfigDict(extra="forbid")

    @model_validator(mode="before")
    @classmethod
    def _require_an_object(cls, data: Any) -> Any:
        if not isinstance(getattr(data, "_obj", data), dict):
            raise ValueError("The body must be a JSON object.")
        return data

    @field_validator("*", mode="before")
    @classmethod
    def _refuse_nul_characters(cls, data: Any) -> Any:
        if _has_nul(data):
            raise ValueError("Text may not contain NUL (0x00) characters.")
        return data


class ErrorItem(Schema):
    field: str
    message: str
    # For errors in an uploaded file: the row as the user sees it in the file, and the value found there.
    row: int | None = None
    value: str | None = None


class ErrorOut(Schema):
    detail: str
    errors: list[ErrorItem]


class TokenAuth(HttpBearer):
    """``Authorization: Bearer nbr_…`` with a personal token from the profile page."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        found = ApiToken.objects.active().select_related("user").filter(key_hash=ApiToken.hash_key(token)).first()
        if found is None:
            return None
        # Writing on every call would turn reads into writes; once a minute is enough to show use.
        now = timezone.now()
        if found.last_used_at is None or (now - found.last_used_at).total_seconds() > 60:
            ApiToken.objects.filter(pk=found.pk).update(last_used_at=now)
        request.user = found.user
        return found.user


class SessionAuth(APIKeyCookie):
    """The browser's session cookie; unsafe methods need the CSRF token as pages do."""

    param_name = "sessionid"

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        return request.user if request.user.is_authenticated else None


api = NinjaAPI(
    title="naober API",
    version="1",
    description="Organisations, teams, people and memberships. Every route is scoped to one organisation and "
    "the caller's role in it. Authenticate with the browser session or a personal token "
    "(`Authorization: Bearer nbr_…`, created on your profile page).",
    auth=[TokenAuth(), SessionAuth()],
    urls_namespace="api",
)


def error_response(request: HttpRequest, status: int, detail: str, errors: list[dict[str, Any]]) -> HttpResponse:
    return api.create_response(request, {"detail": detail, "errors": errors}, status=status)


@api.exception_handler(NinjaValidationError)
def on_validation_error(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
    errors = [
        {"field": ".".join(str(part) for part in error.get("loc", ())), "message": str(error.get("msg", ""))}
        for error in exc.errors
    ]
    return error_response(request, 422, "The request is not valid.", errors)


@api.exception_handler(DjangoValidationError)
def on_model_validation_error(request: HttpRequest, exc: DjangoValidationError) -> HttpResponse:
    if hasattr(exc, "error_dict"):
        errors = [{"field": field, "message": str(m)} for field, msgs in exc.message_dict.items() for m in msgs]
    else:
        errors = [{"field": "", "message": str(m)} for m in exc.messages]
    return error_response(request, 422, "The request is not valid.", errors)


@api.exception_handler(AuthenticationError)
def on_authentication_error(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return error_response(request, 401, "Sign in, or send a personal token.", [])


@api.exception_handler(HttpError)
def on_http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    return error_response(request, exc.status_code, str(exc), [])


@api.exception_handler(Http404)
def on_not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return error_response(request, 404, "Not found.", [])


@api.exception_handler(PermissionDenied)
def on_forbidden(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    return error_response(request, 403, "Your role does not allow this.", [])


ERRORS: dict[int, type[Schema]] = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}


def _admit(request: HttpRequest, user: Any, access: Access) -> Any:
    """After authentication: the organisation in the path, the user's membership, the role's right.

    This runs as part of authentication, before the request body is parsed, so a role without the right
    gets 403 whatever it sends, and an outsider gets 404 without learning whether its input was valid.
    """
    if user is None:
        return None
    match = request.resolver_match
    slug = match.kwargs.get("org", "") if match else ""
    membership = resolve_membership(user, slug)
    if not access.allows(membership.role, request.method or "GET"):
        raise PermissionDenied
    bind(request, membership)
    return user


class OrgTokenAuth(TokenAuth):
    def __init__(self, access: Access) -> None:
        super().__init__()
        self.access = access

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        return _admit(request, super().authenticate(request, token), self.access)


class OrgSessionAuth(SessionAuth):
    def __init__(self, access: Access) -> None:
        super().__init__()
        self.access = access

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        return _admit(request, super().authenticate(request, key), self.access)


def org_auth(access: Access) -> list[Any]:
    """The ``auth=`` of an operation under ``/orgs/{org}/``: a token or the session, then the policy."""
    return [OrgTokenAuth(access), OrgSessionAuth(access)]


def access_of(auth_callbacks: list[Any]) -> Access | None:
    """The policy of an operation, for the access matrix test."""
    for callback in auth_callbacks:
        if isinstance(callback, OrgTokenAuth | OrgSessionAuth):
            return callback.access
    return None


def register_routers() -> None:
    from naober.contributions.api import router as contributions_router
    from naober.goals.api import router as goals_router
    from naober.orgs.api import router as orgs_router
    from naober.reviews.api import router as reviews_router
    from naober.scan.api import router as scan_router
    from naober.stories.api import router as stories_router
    from naober.work.api import router as work_router

    api.add_router("/", orgs_router)
    api.add_router("/", goals_router)
    api.add_router("/", contributions_router)
    api.add_router("/", scan_router)
    api.add_router("/", stories_router)
    api.add_router("/", reviews_router)
    api.add_router("/", work_router)


register_routers()
