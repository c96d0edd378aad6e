"""Personal scan links: a random token per invitation, and what the server keeps of it.

- `token_hash(token)`: finds the invitation (`Participation.token_hash`).
- `draft_lookup(token)` and the draft key: a *different* hash and a key derived from the token alone, so the
  table of drafts cannot be joined to the table of invitations without the link itself.
- `seal_token` / `unseal_token`: the token encrypted with the server's SECRET_KEY, so a reminder can carry the
  same link.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
from typing import Any

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings

TOKEN_BYTES = 24


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def _digest(*parts: str) -> bytes:
    return hashlib.sha256("\x1f".join(parts).encode()).digest()


def token_hash(token: str) -> str:
    return _digest("naober.scan.invitation", token).hex()


def draft_lookup(token: str) -> str:
    return _digest("naober.scan.draft", token).hex()


def _draft_cipher(token: str) -> Fernet:
    return Fernet(base64.urlsafe_b64encode(_digest("naober.scan.draft-key", token)))


def seal_draft(token: str, answers: dict[str, Any]) -> str:
    return _draft_cipher(token).encrypt(json.dumps(answers).encode()).decode()


def open_draft(token: str, sealed: str) -> dict[str, Any] | None:
    try:
        data = json.loads(_draft_cipher(token).decrypt(sealed.encode()))
    except (InvalidToken, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _server_cipher() -> Fernet:
    return Fernet(base64.urlsafe_b64encode(_digest("naober.scan.token-seal", settings.SECRET_KEY)))


def seal_token(token: str) -> str:
    return _server_cipher().encrypt(token.encode()).decode()


def unseal_token(sealed: str) -> str | None:
    try:
        return _server_cipher().decrypt(sealed.encode()).decode()
    except InvalidToken:
        return None
