from django.conf import settings
from django.core.management.base import BaseCommand

from revisions.services import suggestion_purge_contacts, suggestion_purge_held_text


class Command(BaseCommand):
    help = (
        "Apply the retention schedule: erase the names and emails of suggestions closed longer ago than "
        "SUGGESTION_RETENTION_DAYS (default 90), and close suggestions left on PHI hold longer than "
        "PHI_HOLD_RETENTION_DAYS (default 30), erasing their held text. Suggestions and trails stay, anonymised."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=settings.SUGGESTION_RETENTION_DAYS)
        parser.add_argument("--held-days", type=int, default=settings.PHI_HOLD_RETENTION_DAYS)

    def handle(self, *args, days, held_days, **options):
        purged = suggestion_purge_contacts(retention_days=days)
        self.stdout.write(f"Erased contact details from {purged} suggestions closed more than {days} days ago.")
        held = suggestion_purge_held_text(retention_days=held_days)
        self.stdout.write(f"Erased the held text of {held} suggestions on PHI hold for more than {held_days} days.")
