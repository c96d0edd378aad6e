"""Small template filters of naober's own: `{% load naober %}`."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.filter
def get_item(mapping: Any, key: Any) -> Any:
    """`mapping|get_item:key`: a dictionary's value for a key that is itself a variable (None when absent)."""
    if not isinstance(mapping, dict):
        return None
    return mapping.get(key)
