"""Two senders at once (the retry command twice, or the command and a request) send each email once."""

import threading

import pytest
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.db import connection

from revisions.models import OutboundEmail

pytestmark = pytest.mark.django_db(transaction=True)

SENT = []
BOTH_SENDING = threading.Barrier(2, timeout=3)


class SlowBackend(BaseEmailBackend):
    """Records each message, and holds the first send until a second sender has had time to start."""

    def send_messages(self, messages):
        SENT.extend(message.subject for message in messages)
        try:
            BOTH_SENDING.wait()
        except threading.BrokenBarrierError:
            pass  # the other sender found nothing to send: what this test wants
        return len(messages)


def test_two_retry_runs_at_once_send_each_waiting_email_once(settings):
    settings.EMAIL_BACKEND = "tests.revisions.test_email_claims.SlowBackend"
    SENT.clear()
    BOTH_SENDING.reset()
    OutboundEmail.objects.bulk_create(
        [OutboundEmail(to="alex@example.org", subject=f"Synthetic notice {n}", body="Hello.") for n in range(3)]
    )
    start = threading.Barrier(2)

    def run():
        try:
            start.wait(timeout=10)
            call_command("send_pending_emails", stdout=open("/dev/null", "w"))
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(SENT) == ["Synthetic notice 0", "Synthetic notice 1", "Synthetic notice 2"]
    assert set(OutboundEmail.objects.values_list("state", "attempts")) == {(OutboundEmail.State.SENT, 1)}


def test_an_email_claimed_by_a_sender_that_died_is_sent_once_the_claim_lapses(settings):
    import datetime

    from django.utils import timezone

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    email = OutboundEmail.objects.create(to="alex@example.org", subject="Synthetic notice", body="Hello.")
    OutboundEmail.objects.filter(pk=email.pk).update(claimed_until=timezone.now() + datetime.timedelta(minutes=5))
    call_command("send_pending_emails", stdout=open("/dev/null", "w"))
    email.refresh_from_db()
    assert email.state == OutboundEmail.State.PENDING  # someone else is sending it
    OutboundEmail.objects.filter(pk=email.pk).update(claimed_until=timezone.now() - datetime.timedelta(seconds=1))
    call_command("send_pending_emails", stdout=open("/dev/null", "w"))
    email.refresh_from_db()
    assert email.state == OutboundEmail.State.SENT and email.claimed_until is None
