"""How the editors' queue hears of changes in the library below it."""

from django.dispatch import receiver

from sources.signals import source_status_changed

from .services import source_alerts_sync


@receiver(source_status_changed, dispatch_uid="revisions.source_alerts")
def raise_source_alerts(sender, source, **kwargs):
    """A source retracted or superseded puts its citing articles in the queue; one that stands again clears them."""
    source_alerts_sync(source=source)
