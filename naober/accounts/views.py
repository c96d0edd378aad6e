"""Sign in and out, password reset, invitations, and the user's own profile with API tokens."""

from __future__ import annotations

from typing import cast

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from naober.accounts.forms import AcceptInvitationForm, ApiTokenForm
from naober.accounts.models import ApiToken, User
from naober.orgs.services import invitation_accept, invitation_from_token


def accept_invitation(request: HttpRequest, token: str) -> HttpResponse:
    try:
        invitation = invitation_from_token(token)
    except ValidationError as error:
        return render(request, "accounts/invitation_invalid.html", {"reason": error.messages[0]}, status=410)
    existing = User.objects.filter(email__iexact=invitation.email).first()
    if existing is not None:
        # A user who already has a login accepts by signing in as that user.
        if request.user.is_authenticated and request.user.pk == existing.pk:
            if request.method == "POST":
                membership = invitation_accept(invitation=invitation, user=existing)
                return redirect(membership.organisation)
            return render(request, "accounts/invitation_existing.html", {"invitation": invitation})
        messages.info(request, _("You already have a login. Sign in to accept the invitation."))
        return redirect_to_login(request.path)
    form = AcceptInvitationForm(request.POST or None, email=invitation.email)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            user = User.objects.create_user(
                invitation.email, form.cleaned_data["password"], name=form.cleaned_data["name"]
            )
            membership = invitation_accept(invitation=invitation, user=user)
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        return redirect(membership.organisation)
    context = {"invitation": invitation, "form": form}
    return render(request, "accounts/invitation_accept.html", context, status=422 if form.errors else 200)


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    form = ApiTokenForm(request.POST or None)
    new_key = None
    if request.method == "POST" and form.is_valid():
        _token, new_key = ApiToken.issue(user=cast(User, request.user), name=form.cleaned_data["name"])
        form = ApiTokenForm()
    tokens = ApiToken.objects.active().filter(user=cast(User, request.user))
    context = {"form": form, "tokens": tokens, "new_key": new_key}
    return render(request, "accounts/profile.html", context)


@login_required
@require_POST
def revoke_token(request: HttpRequest, token_id: int) -> HttpResponse:
    token = get_object_or_404(ApiToken.objects.active(), pk=token_id, user=request.user)
    token.revoke()
    messages.success(request, _("Token %(name)s revoked.") % {"name": token.name})
    return redirect("accounts:profile")
