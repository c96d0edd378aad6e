"""Typed readers for ``NAOBER_*`` environment variables.

Each helper fails loudly with :class:`ConfigError`, naming the variable and the bad value, so a typo in
production stops the start instead of running with a silent default. Pure Python: no Django.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


class ConfigError(ValueError):
    """A configuration variable holds a value naober cannot use."""


def _raw(name: str) -> str | None:
    return os.environ.get(name)


def env_str(name: str, *, default: str) -> str:
    value = _raw(name)
    return default if value is None else value


def env_bool(name: str, *, default: bool) -> bool:
    value = _raw(name)
    if value is None:
        return default
    lowered = value.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ConfigError(f"{name}={value!r} is not a boolean; use true or false")


def env_int(name: str, *, default: int, minimum: int = 0) -> int:
    value = _raw(name)
    if value is None:
        return default
    try:
        number = int(value)
    except ValueError:
        raise ConfigError(f"{name}={value!r} is not a whole number") from None
    if number < minimum:
        raise ConfigError(f"{name}={value!r} must be at least {minimum}")
    return number


def env_list(name: str, *, default: list[str]) -> list[str]:
    value = _raw(name)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


def env_path(name: str, *, default: Path) -> Path:
    value = _raw(name)
    return Path(value).expanduser().resolve() if value else default


def env_url(name: str, *, default: str) -> str:
    value = _raw(name) or default
    parts = urlsplit(value)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        raise ConfigError(f"{name}={value!r} is not an http(s) URL such as https://naober.example.nl")
    return value.rstrip("/")


def secret_key(name: str, *, data_dir: Path) -> str:
    """The key from the environment, or one generated once and kept in the data folder.

    Keeping it in the data folder means the embedded default needs no configuration, yet sessions
    survive a restart. Production sets the variable.
    """
    value = _raw(name)
    if value is not None:
        if len(value) < 32:
            raise ConfigError(f"{name} must be at least 32 characters long")
        return value
    key_file = data_dir / "secret_key"
    if key_file.exists():
        return key_file.read_text(encoding="utf-8").strip()
    data_dir.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    key_file.write_text(key, encoding="utf-8")
    key_file.chmod(0o600)
    return key


@dataclass(frozen=True)
class EmailConfig:
    backend: str
    host: str = "localhost"
    port: int = 25
    user: str = ""
    password: str = ""
    use_tls: bool = False
    use_ssl: bool = False


_EMAIL_BACKENDS = {
    "console": "django.core.mail.backends.console.EmailBackend",
    "memory": "django.core.mail.backends.locmem.EmailBackend",
    "dummy": "django.core.mail.backends.dummy.EmailBackend",
}


def env_email(name: str, *, default: str) -> EmailConfig:
    """Parse ``console:``, ``memory:``, ``dummy:`` or ``smtp://user:pass@host:587?tls=true``."""
    value = _raw(name) or default
    parts = urlsplit(value)
    if parts.scheme in _EMAIL_BACKENDS:
        return EmailConfig(backend=_EMAIL_BACKENDS[parts.scheme])
    if parts.scheme not in {"smtp", "smtps"} or not parts.hostname:
        raise ConfigError(f"{name}={value!r} is not console:, memory:, dummy: or smtp://user:pass@host:port")
    query = parse_qs(parts.query)
    use_ssl = parts.scheme == "smtps" or query.get("ssl", ["false"])[0].lower() in _TRUE
    use_tls = query.get("tls", ["false"])[0].lower() in _TRUE
    if use_ssl and use_tls:
        raise ConfigError(f"{name}: choose tls or ssl, not both")
    try:
        port = parts.port or (465 if use_ssl else 587 if use_tls else 25)
    except ValueError:
        raise ConfigError(f"{name}={value!r} has a port that is not a number") from None
    return EmailConfig(
        backend="django.core.mail.backends.smtp.EmailBackend",
        host=parts.hostname,
        port=port,
        user=unquote(parts.username or ""),
        password=unquote(parts.password or ""),
        use_tls=use_tls,
        use_ssl=use_ssl,
    )
