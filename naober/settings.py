"""Naober's one settings file.

Every knob is a ``NAOBER_*`` environment variable read through the typed helpers in
``naober.lib.config``; a bad value stops the start with a message that names the variable.
With nothing set, naober runs on SQLite in ``./data`` — the embedded default.
"""

from __future__ import annotations

from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

from naober.lib import config

BASE_DIR = Path(__file__).resolve().parent
REPO_DIR = BASE_DIR.parent

DATA_DIR = config.env_path("NAOBER_DATA_DIR", default=REPO_DIR / "data")
DEBUG = config.env_bool("NAOBER_DEBUG", default=False)
# Behind TLS (the production case) cookies are sent over HTTPS only and browsers are told to stay there.
HTTPS = config.env_bool("NAOBER_HTTPS", default=False)
SECRET_KEY = config.secret_key("NAOBER_SECRET_KEY", data_dir=DATA_DIR)
ALLOWED_HOSTS = config.env_list("NAOBER_ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = config.env_list("NAOBER_CSRF_TRUSTED_ORIGINS", default=[])
BASE_URL = config.env_url("NAOBER_BASE_URL", default="http://127.0.0.1:8000")

DATABASES = {
    "default": dj_database_url.parse(
        config.env_str("NAOBER_DATABASE_URL", default="") or f"sqlite:///{DATA_DIR / 'naober.sqlite3'}",
        conn_max_age=config.env_int("NAOBER_DB_CONN_MAX_AGE", default=60),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web server and the background worker read while the other writes.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "template_partials",
    "csp",
    "ninja",
    "django_tasks",
    "django_tasks_db",
    "naober.core",
    "naober.accounts",
    "naober.orgs",
    "naober.goals",
    "naober.contributions",
    "naober.scan",
    "naober.stories",
    "naober.reviews",
    "naober.work",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "naober.core.middleware.PermissionsPolicyMiddleware",
]

ROOT_URLCONF = "naober.urls"
WSGI_APPLICATION = "naober.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "naober.core.context_processors.navigation",
            ],
        },
    }
]

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.ModelBackend"]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:start"
LOGOUT_REDIRECT_URL = "accounts:login"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Failed logins per e-mail address before it is locked for LOGIN_LOCKOUT_MINUTES.
LOGIN_FAILURE_LIMIT = config.env_int("NAOBER_LOGIN_FAILURE_LIMIT", default=5)
LOGIN_LOCKOUT_MINUTES = config.env_int("NAOBER_LOGIN_LOCKOUT_MINUTES", default=15)
INVITATION_MAX_AGE_DAYS = config.env_int("NAOBER_INVITATION_MAX_AGE_DAYS", default=14)
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24

# Sessions and CSRF: cookies invisible to scripts, same-site, and HTTPS-only behind TLS.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 60 * 60 * 12
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = HTTPS and config.env_bool("NAOBER_SSL_REDIRECT", default=True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if HTTPS else None
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365 if HTTPS else 0
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Every page satisfies this policy: no inline script or style anywhere, so no 'unsafe-inline'.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [REPO_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = config.env_str("NAOBER_TIME_ZONE", default="Europe/Amsterdam")
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SECURE = HTTPS

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
NODE_MODULES = REPO_DIR / "node_modules"
# Third-party front-end files come from npm (package-lock.json), never from the repository.
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("vendor/htmx", NODE_MODULES / "htmx.org" / "dist"),
    ("vendor/chart.js", NODE_MODULES / "chart.js" / "dist"),
    ("vendor/pico", NODE_MODULES / "@picocss" / "pico" / "css"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        # Hashed names let browsers cache forever; it needs `collectstatic`, which `naober serve` runs.
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if config.env_bool("NAOBER_STATIC_MANIFEST", default=not DEBUG)
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG or not config.env_bool("NAOBER_STATIC_MANIFEST", default=not DEBUG)
MEDIA_ROOT = DATA_DIR / "media"

EMAIL_CONFIG = config.env_email("NAOBER_EMAIL_URL", default="console:")
EMAIL_BACKEND = EMAIL_CONFIG.backend
EMAIL_HOST = EMAIL_CONFIG.host
EMAIL_PORT = EMAIL_CONFIG.port
EMAIL_HOST_USER = EMAIL_CONFIG.user
EMAIL_HOST_PASSWORD = EMAIL_CONFIG.password
EMAIL_USE_TLS = EMAIL_CONFIG.use_tls
EMAIL_USE_SSL = EMAIL_CONFIG.use_ssl
DEFAULT_FROM_EMAIL = config.env_str("NAOBER_DEFAULT_FROM_EMAIL", default="naober <naober@localhost>")

TASKS = {
    "default": {
        "BACKEND": config.env_str("NAOBER_TASKS_BACKEND", default="django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": config.env_str("NAOBER_LOG_LEVEL", default="INFO")},
}

NINJA_PAGINATION_PER_PAGE = 100
