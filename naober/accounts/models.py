"""Users log in with their e-mail address; personal API tokens; failed-login records for throttling."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta
from typing import Any, ClassVar

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from naober.lib.register import DataKind

TOKEN_PREFIX = "nbr_"  # noqa: S105 - a public marker that makes leaked tokens easy to find


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> User:
        if not email:
            raise ValueError("A user needs an e-mail address")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self.create_user(email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    transparency = DataKind(
        what=_("User accounts: e-mail address, name, password (only as an argon2 hash), last login"),
        why=_("To sign in."),
        who_sees=_("The user; leadership sees e-mail and name of logins in their organisation"),
        kept=_("Until the account is removed"),
    )

    email = models.EmailField(_("e-mail address"), unique=True)
    name = models.CharField(_("name"), max_length=150, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(_("staff"), default=False)
    date_joined = models.DateTimeField(_("joined"), default=timezone.now)

    objects: ClassVar[UserManager] = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.name or self.email

    def get_full_name(self) -> str:
        return self.name or self.email

    def get_short_name(self) -> str:
        return self.name.split(" ")[0] if self.name else self.email


class ApiTokenQuerySet(models.QuerySet["ApiToken"]):
    def active(self) -> ApiTokenQuerySet:
        return self.filter(revoked_at__isnull=True, user__is_active=True)


class ApiToken(models.Model):
    """A personal token for the JSON API. Only a hash is stored; the token is shown once."""

    transparency = DataKind(
        what=_("Personal API tokens: name, a hash of the token, when last used"),
        why=_("To let a user's own scripts use the API."),
        who_sees=_("Only the user"),
        kept=_("Until revoked"),
    )

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=100)
    # Used by the API's token authentication to find a token by its hash.
    key_hash = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(max_length=12)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering: ClassVar[list[str]] = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @staticmethod
    def hash_key(key: str) -> str:
        return hashlib.sha256(key.encode()).hexdigest()

    @classmethod
    def issue(cls, *, user: User, name: str) -> tuple[ApiToken, str]:
        """Create a token and return it with its secret, which is not kept anywhere."""
        key = TOKEN_PREFIX + secrets.token_urlsafe(32)
        token = cls.objects.create(user=user, name=name, key_hash=cls.hash_key(key), prefix=key[:12])
        return token, key

    def revoke(self) -> None:
        self.revoked_at = timezone.now()
        self.save(update_fields=["revoked_at"])


class LoginFailureQuerySet(models.QuerySet["LoginFailure"]):
    def recent_for(self, email: str) -> LoginFailureQuerySet:
        since = timezone.now() - timedelta(minutes=settings.LOGIN_LOCKOUT_MINUTES)
        return self.filter(email=email.lower(), at__gte=since)


class LoginFailure(models.Model):
    """One failed login. Kept in the database so every web process and machine sees the same count."""

    transparency = DataKind(
        what=_("Failed logins: e-mail address tried, IP address, time"),
        why=_("To stop password guessing."),
        who_sees=_("Nobody in naober; system administrators only"),
        kept=_("A few days"),
    )

    email = models.CharField(max_length=254)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    at = models.DateTimeField(default=timezone.now)

    objects = LoginFailureQuerySet.as_manager()

    class Meta:
        # Serves LoginFailure.objects.recent_for(email) on every login attempt.
        indexes: ClassVar[list[models.Index]] = [models.Index(fields=["email", "at"], name="loginfailure_email_at")]

    def __str__(self) -> str:
        return f"{self.email} at {self.at:%Y-%m-%d %H:%M}"
