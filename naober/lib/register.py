"""The declaration each model makes for the transparency register (see ``naober.orgs.register``).

Pure Python so models of every app can import it without import cycles. The texts are usually lazy
translations; typed loosely because this module does not import Django.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class DataKind:
    what: Any
    why: Any
    who_sees: Any
    kept: Any  # a text, or a function of the organisation giving one (for a retention the organisation sets)
    personal: bool = True
