from django.conf import settings
from django.core.management.base import BaseCommand

from revisions.services import suggestion_purge_contacts


class Command(BaseCommand):
    help = (
        "Erase the names and emails of suggestions closed longer ago than the retention period "
        "(SUGGESTION_RETENTION_DAYS, default 90), keeping the anonymised suggestion and its trail."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=settings.SUGGESTION_RETENTION_DAYS)

    def handle(self, *args, days, **options):
        purged = suggestion_purge_contacts(retention_days=days)
        self.stdout.write(f"Erased contact details from {purged} suggestions closed more than {days} days ago.")
