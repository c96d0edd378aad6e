"""Numbers as people type them: "1.234,50" in Dutch, "1,234.50" in English, "1234.5" in both."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

# Digits grouped by threes with one separator, e.g. "150.000" or "1.234.567" (no decimal part).
_GROUPED = {".": re.compile(r"^[+-]?\d{1,3}(\.\d{3})+$"), ",": re.compile(r"^[+-]?\d{1,3}(,\d{3})+$")}


def parse_decimal(text: str, *, decimal_comma: bool) -> Decimal:
    """The number in `text`, written with a decimal comma (Dutch) or a decimal point (English).

    With a decimal comma, dots group thousands ("1.234,5" is 1234.5, "150.000" is 150000) and a lone dot is
    read as a decimal point only when it cannot be a thousands separator ("71.5" is 71.5). Raises ValueError
    with the text when it is not a number."""
    cleaned = text.strip().replace("\u00a0", "").replace(" ", "").replace("€", "")
    thousands, decimal = (".", ",") if decimal_comma else (",", ".")
    if decimal in cleaned:
        cleaned = cleaned.replace(thousands, "").replace(decimal, ".")
    elif _GROUPED[thousands].match(cleaned):
        cleaned = cleaned.replace(thousands, "")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(f"not a number: {text!r}") from None
    if not value.is_finite():
        raise ValueError(f"not a number: {text!r}")
    return value
