from pathlib import Path

import pytest

from naober.lib import config


def test_boolean_accepts_the_usual_spellings(monkeypatch: pytest.MonkeyPatch) -> None:
    for value, expected in [("true", True), ("1", True), ("Yes", True), ("off", False), ("0", False)]:
        monkeypatch.setenv("NAOBER_X", value)
        assert config.env_bool("NAOBER_X", default=not expected) is expected


def test_bad_boolean_names_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NAOBER_DEBUG", "ja")
    with pytest.raises(config.ConfigError, match="NAOBER_DEBUG='ja'"):
        config.env_bool("NAOBER_DEBUG", default=False)


def test_bad_number_fails_loudly(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NAOBER_LOGIN_FAILURE_LIMIT", "vijf")
    with pytest.raises(config.ConfigError, match="NAOBER_LOGIN_FAILURE_LIMIT"):
        config.env_int("NAOBER_LOGIN_FAILURE_LIMIT", default=5)


def test_list_splits_on_commas(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NAOBER_ALLOWED_HOSTS", "naober.example.nl, www.naober.example.nl,")
    assert config.env_list("NAOBER_ALLOWED_HOSTS", default=[]) == [
        "naober.example.nl",
        "www.naober.example.nl",
    ]


def test_base_url_must_be_http(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NAOBER_BASE_URL", "naober.example.nl")
    with pytest.raises(config.ConfigError, match="NAOBER_BASE_URL"):
        config.env_url("NAOBER_BASE_URL", default="http://127.0.0.1:8000")


def test_secret_key_is_generated_once_and_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NAOBER_SECRET_KEY", raising=False)
    first = config.secret_key("NAOBER_SECRET_KEY", data_dir=tmp_path)
    assert len(first) >= 50
    assert config.secret_key("NAOBER_SECRET_KEY", data_dir=tmp_path) == first
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


def test_short_secret_key_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NAOBER_SECRET_KEY", "short")
    with pytest.raises(config.ConfigError, match="32 characters"):
        config.secret_key("NAOBER_SECRET_KEY", data_dir=tmp_path)


def test_email_url_for_smtp_with_tls(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NAOBER_EMAIL_URL", "smtp://mailer%40terhorst.nl:geheim@smtp.example.nl:587?tls=true")
    email = config.env_email("NAOBER_EMAIL_URL", default="console:")
    assert email.backend.endswith("smtp.EmailBackend")
    assert (email.host, email.port, email.user, email.password) == (
        "smtp.example.nl",
        587,
        "mailer@terhorst.nl",
        "geheim",
    )
    assert email.use_tls and not email.use_ssl


def test_email_url_defaults_to_the_console() -> None:
    assert config.env_email("NAOBER_UNSET_EMAIL", default="console:").backend.endswith("console.EmailBackend")


def test_unknown_email_scheme_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NAOBER_EMAIL_URL", "sendgrid://key")
    with pytest.raises(config.ConfigError, match="NAOBER_EMAIL_URL"):
        config.env_email("NAOBER_EMAIL_URL", default="console:")
