"""`naober manage prune_work_links`: remove the links to people from work items older than each organisation's
retention period (work settings). Run it once a day, beside send_reminders; every import runs it too."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from naober.orgs.models import Organisation
from naober.work.services import links_prune


class Command(BaseCommand):
    help = "Remove the links to people from work items older than the organisation's retention period."

    def handle(self, *args: Any, **options: Any) -> None:
        total = 0
        for organisation in Organisation.objects.all():
            total += links_prune(organisation=organisation)
        self.stdout.write(f"Removed the links to people from {total} work item(s).")
