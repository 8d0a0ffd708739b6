"""Signed, expiring links that let a submitter reach their suggestion without an account."""

from django.conf import settings
from django.core import signing

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
        pk, access_key = signing.loads(token, salt=STATUS_SALT, max_age=max_age)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    suggestion = Suggestion.objects.select_related("article").filter(pk=pk).first()
    if suggestion is None or not isinstance(access_key, str) or suggestion.access_key != access_key:
        return None
    return suggestion
