"""Mail to submitters and editors, sent after the transaction that caused it commits and retried until it goes.

A failure to send never blocks or loses a submission: the message waits in OutboundEmail and the
`send_pending_emails` command retries it. Every message carries a Reply-To (EDITORS_REPLY_TO), so a
submitter who answers an email reaches the editors.
"""

import datetime
import logging
import time

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone

from .models import OutboundEmail

logger = logging.getLogger(__name__)
MAX_ATTEMPTS = 8
CLAIM_SECONDS = 600  # far longer than one SMTP exchange with EMAIL_TIMEOUT
# A send that fails after this long means a mail server that hangs rather than refuses: each further try
# would cost a request up to EMAIL_TIMEOUT, and a submission queues several emails.
SLOW_FAILURE_SECONDS = 2
# How long this process then leaves mail to the retry command instead of sending it during requests.
REST_SECONDS = 60
_resting_until = 0.0


def email_queue(*, suggestion, template, context, to=None):
    """Queue an email about a suggestion, to its submitter unless `to` names another address (an editor's);
    it is sent once the current transaction commits."""
    to = suggestion.email if to is None else to
    if not to:
        return None
    subject = render_to_string(f"revisions/email/{template}_subject.txt", context).strip()
    body = render_to_string(f"revisions/email/{template}_body.txt", context)
    email = OutboundEmail.objects.create(suggestion=suggestion, to=to, subject=_fit_subject(subject), body=body)
    transaction.on_commit(lambda: email_deliver(email_ids=[email.pk], during_request=True))
    return email


def _fit_subject(subject: str) -> str:
    """The subject within its column, visibly shortened when a long title overflows it (the body names the title
    in full)."""
    limit = OutboundEmail._meta.get_field("subject").max_length
    return subject if len(subject) <= limit else subject[: limit - 1].rstrip() + "…"


def mail_server_rest_end():
    """Send during requests again at once, as after a restart (the retry command never waits)."""
    global _resting_until
    _resting_until = 0.0


def _claim(email_id):
    """Take one email for sending, unless it is sent or someone else is sending it. One UPDATE, so two
    senders racing for the same email cannot both win."""
    now = timezone.now()
    return bool(
        OutboundEmail.objects.filter(pk=email_id, state__in=[OutboundEmail.State.PENDING, OutboundEmail.State.FAILED])
        .filter(Q(claimed_until__isnull=True) | Q(claimed_until__lt=now))
        .update(claimed_until=now + datetime.timedelta(seconds=CLAIM_SECONDS))
    )


def email_deliver(*, email_ids, during_request=False):
    """Try to send these emails now, recording each success or failure. Returns how many went.

    Each email is claimed first, so a retry run and a request sending the same email send it once. Once a
    send fails slowly (the mail server hangs), the rest of this run is left waiting, and for REST_SECONDS
    requests leave every email waiting, unclaimed, for the retry command: a reader's submission is
    answered in one EMAIL_TIMEOUT at most, never held past the server's worker timeout.
    """
    global _resting_until
    sent = 0
    for email_id in email_ids:
        if during_request and time.monotonic() < _resting_until:
            logger.info("Email %s left for the retry command: the mail server was slow to fail", email_id)
            continue
        if not _claim(email_id):
            continue
        email = OutboundEmail.objects.get(pk=email_id)
        email.attempts += 1
        started, slow = time.monotonic(), False
        try:
            reply_to = [settings.EDITORS_REPLY_TO] if settings.EDITORS_REPLY_TO else None
            EmailMessage(email.subject, email.body, settings.DEFAULT_FROM_EMAIL, [email.to], reply_to=reply_to).send()
        except Exception as error:  # any transport failure: keep the message for the retry command
            slow = time.monotonic() - started >= SLOW_FAILURE_SECONDS
            email.state = OutboundEmail.State.FAILED if email.attempts < MAX_ATTEMPTS else OutboundEmail.State.GAVE_UP
            email.last_error = f"{type(error).__name__}: {error}"[:2000]
            # The address stays out of the log: the email's id is enough to find it.
            logger.warning("Email %s failed (attempt %s): %s", email.pk, email.attempts, type(error).__name__)
            if slow:
                _resting_until = time.monotonic() + REST_SECONDS
        else:
            email.state = OutboundEmail.State.SENT
            email.sent_at = timezone.now()
            email.last_error = ""
            sent += 1
        email.claimed_until = None
        email.save(update_fields=["state", "attempts", "last_error", "sent_at", "claimed_until"])
        if email.state != OutboundEmail.State.SENT and slow:
            break  # the others stay waiting, unclaimed, for the next run
    return sent
