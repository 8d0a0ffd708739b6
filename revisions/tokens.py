"""Signed, expiring links that let a submitter reach their suggestion without an account.

A link that is tampered with, expired, revoked or signed with an unexpected payload names nothing: the
views answer 404 for all of them alike.
"""

from django.conf import settings
from django.core import signing

from ops.ids import MAX_ID  # anything past it in a payload cannot name a row

STATUS_SALT = "revisions.suggestion-status"


def status_token(suggestion):
    return signing.dumps([suggestion.pk, suggestion.access_key], salt=STATUS_SALT, compress=True)


def suggestion_for_token(token):
    """The suggestion a status link names, or None if the link is tampered with, expired or revoked.

    Links live SUGGESTION_LINK_MAX_AGE_DAYS days; rotating a suggestion's access key revokes them.
    """
    from .models import Suggestion

    max_age = settings.SUGGESTION_LINK_MAX_AGE_DAYS * 24 * 3600
    try:
        pk, access_key = _id_and_key(signing.loads(token, salt=STATUS_SALT, max_age=max_age))
    except (signing.BadSignature, ValueError):
        return None
    suggestion = Suggestion.objects.select_related("article").filter(pk=pk).first()
    if suggestion is None or suggestion.access_key != access_key:
        return None
    return suggestion


def _id_and_key(payload):
    """The (id, key) pair a link was signed with; ValueError for any other payload."""
    if not (isinstance(payload, list) and len(payload) == 2):
        raise ValueError("unexpected payload")
    pk, key = payload
    if type(pk) is not int or not 0 < pk <= MAX_ID or not isinstance(key, str) or not key:
        raise ValueError("unexpected payload")
    return pk, key


APPROVAL_SALT = "revisions.draft-approval"


def approval_token(draft):
    return signing.dumps([draft.pk, draft.approval_key], salt=APPROVAL_SALT, compress=True)


def draft_for_approval_token(token):
    """(draft, state) for a review link. state is "" while the link can be used to decide; otherwise it says
    what became of it (see `approval_link_state`), or "invalid" (draft None) for a link that was never ours.

    An expired link's signature still proves it genuine, so it reports what happened since it was sent; only
    a link that is still the current one reports "expired", and can be renewed.
    """
    from .models import Draft

    expired = False
    max_age = settings.DRAFT_APPROVAL_LINK_MAX_AGE_DAYS * 24 * 3600
    try:
        pk, key = _id_and_key(signing.loads(token, salt=APPROVAL_SALT, max_age=max_age))
    except signing.SignatureExpired:
        expired = True
        try:
            pk, key = _id_and_key(signing.loads(token, salt=APPROVAL_SALT))
        except (signing.BadSignature, ValueError):
            return None, "invalid"
    except (signing.BadSignature, ValueError):
        return None, "invalid"
    draft = Draft.objects.select_related("article", "suggestion").filter(pk=pk).first()
    if draft is None:
        return None, "invalid"
    state = approval_link_state(draft, key)
    return draft, "expired" if expired and not state else state


def approval_key_of(token):
    """The draft key a genuine review link carries, expired or not; "" for anything else."""
    try:
        payload = signing.loads(token, salt=APPROVAL_SALT)
    except (signing.BadSignature, ValueError, TypeError):
        return ""
    return payload[1] if isinstance(payload, list) and len(payload) == 2 and isinstance(payload[1], str) else ""


def approval_link_state(draft, key):
    """What became of the review link carrying `key`: "" if it still decides, else "withdrawn", "closed"
    (the editors stopped the draft), "published", "approved", "declined", "superseded" (a fresh link was
    sent) or "revising" (the editors changed the draft since; a new link follows when it is ready)."""
    from .models import Draft, Status

    if draft.state == Draft.State.AWAITING_APPROVAL and draft.approval_key and draft.approval_key == key:
        return ""
    if draft.suggestion is not None and draft.suggestion.status == Status.WITHDRAWN:
        return "withdrawn"
    if draft.state == Draft.State.PUBLISHED:
        return "published"
    if draft.state == Draft.State.DISCARDED or (draft.suggestion is not None and not draft.suggestion.is_open):
        return "closed"
    return {
        Draft.State.APPROVED: "approved",
        Draft.State.DECLINED: "declined",
        Draft.State.AWAITING_APPROVAL: "superseded",
    }.get(draft.state, "revising")
