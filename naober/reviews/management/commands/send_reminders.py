"""`naober manage send_reminders`: e-mail the reminders of learning reviews that are due and overdue actions.

Run it once a day (cron, or a scheduled task); it sends an action reminder at most once a week.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from naober.reviews.services import reminders_send


class Command(BaseCommand):
    help = "E-mail reminders for learning reviews that are due and for overdue review actions."

    def handle(self, *args: Any, **options: Any) -> None:
        reviews, actions = reminders_send()
        self.stdout.write(f"Sent {reviews} review reminder(s) and {actions} action reminder(s).")
