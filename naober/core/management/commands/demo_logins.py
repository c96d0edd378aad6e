from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from naober.core.demo import DEMO_LOGINS, DEMO_PASSWORD


class Command(BaseCommand):
    help = "Print the demo logins."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"\nDemo logins for {settings.BASE_URL}/ (password for all: {DEMO_PASSWORD})")
        for login in DEMO_LOGINS:
            self.stdout.write(f"  {login.email:<28} {login.role.value:<10} {login.name}, {login.note}")
        self.stdout.write("")
