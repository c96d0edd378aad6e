from __future__ import annotations

from datetime import timedelta
from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth import authenticate, password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from naober.accounts.models import LoginFailure, User


class ThrottledLoginForm(AuthenticationForm):
    """Log in with e-mail and password; after LOGIN_FAILURE_LIMIT failures the address is locked a while.

    The lock is per e-mail address, not per IP, so guessing one colleague's password from many machines
    is stopped too. The message says the same whether or not the address exists.
    """

    username = forms.EmailField(
        label=_("E-mail address"), widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"})
    )
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _("That e-mail address and password do not match. Check both and try again."),
        "locked": _("Too many failed attempts. Wait %(minutes)s minutes, or reset your password."),
    }

    def clean(self) -> dict[str, Any]:
        email = (self.cleaned_data.get("username") or "").lower()
        password = self.cleaned_data.get("password")
        if not email or not password:
            return self.cleaned_data
        if LoginFailure.objects.recent_for(email).count() >= settings.LOGIN_FAILURE_LIMIT:
            raise forms.ValidationError(
                self.error_messages["locked"],
                code="locked",
                params={"minutes": settings.LOGIN_LOCKOUT_MINUTES},
            )
        self.user_cache = authenticate(self.request, username=email, password=password)
        if self.user_cache is None:
            record_failure(email, self.request)
            raise self.get_invalid_login_error()
        self.confirm_login_allowed(self.user_cache)
        LoginFailure.objects.filter(email=email).delete()
        return self.cleaned_data


def record_failure(email: str, request: HttpRequest | None) -> None:
    ip = request.META.get("REMOTE_ADDR") if request else None
    LoginFailure.objects.create(email=email, ip_address=ip or None)
    # Failed logins are kept a few days at most (the transparency register says so).
    LoginFailure.objects.filter(at__lt=timezone.now() - timedelta(days=3)).delete()


class AcceptInvitationForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=150)
    password = forms.CharField(
        label=_("Choose a password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 10 characters."),
    )

    def __init__(self, *args: Any, email: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.email = email

    def clean_password(self) -> str:
        password: str = self.cleaned_data["password"]
        password_validation.validate_password(password, User(email=self.email, name=self.data.get("name", "")))
        return password


class ApiTokenForm(forms.Form):
    name = forms.CharField(label=_("What is the token for?"), max_length=100)
