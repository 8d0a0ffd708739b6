from django.core.management.base import BaseCommand

from revisions.emails import email_deliver
from revisions.models import OutboundEmail


class Command(BaseCommand):
    help = "Send emails that are waiting or whose earlier attempts failed; run it every few minutes."

    def handle(self, *args, **options):
        waiting = OutboundEmail.objects.filter(state__in=[OutboundEmail.State.PENDING, OutboundEmail.State.FAILED])
        # Fewest attempts first: a run stops at a slow failure, so an email that hangs every time moves behind
        # the others instead of holding them back until it is given up.
        ids = list(waiting.order_by("attempts", "pk").values_list("pk", flat=True))
        sent = email_deliver(email_ids=ids)
        self.stdout.write(f"Sent {sent} of {len(ids)} waiting emails.")
