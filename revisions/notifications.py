"""Email to editors when a suggestion needs them: a new one, a submitter's answer, approval, send-back or
withdrawal. Each editor chooses (NotificationPreference) to hear about every suggestion, only those assigned
to them, or none.

The mail names the suggestion and links to it, and never quotes what the submitter wrote: held text may
carry PHI, and mailboxes are the wrong place for it.
"""

from django.contrib.auth import get_user_model
from django.urls import reverse

from .emails import email_queue
from .models import NotificationPreference

MODERATE = "revisions.moderate_suggestion"

# event -> (what happened, in a line; where the link goes)
EVENTS = {
    "new": ("A reader suggested a revision", "suggestion"),
    "answer": ("The submitter answered the editors' question", "suggestion"),
    "approved": ("The submitter approved the drafted change: it is ready to publish", "draft"),
    "declined": ("The submitter sent the drafted change back with a comment", "draft"),
    "withdrawn": ("The submitter withdrew the suggestion", "suggestion"),
}


def editors_to_notify(suggestion):
    """The active editors with an email address who asked to hear about this suggestion. One query."""
    editors = (
        get_user_model()
        .objects.with_perm(MODERATE)
        .exclude(email="")
        .select_related("notification_preference")
        .order_by("pk")
    )
    chosen = []
    for editor in editors:
        try:
            mode = editor.notification_preference.mode
        except NotificationPreference.DoesNotExist:
            mode = NotificationPreference.Mode.ALL
        if mode == NotificationPreference.Mode.ALL or (
            mode == NotificationPreference.Mode.ASSIGNED and suggestion.assigned_to_id == editor.pk
        ):
            chosen.append(editor)
    return chosen


def editors_notify(*, suggestion, event, draft=None, build_url=None):
    """Queue one email per editor who wants to hear about `event` on this suggestion; sent after commit."""
    what, target = EVENTS[event]
    if target == "draft" and draft is not None:
        path = reverse("revisions:draft", args=[draft.pk])
    else:
        path = reverse("revisions:queue_detail", args=[suggestion.pk])
    link = build_url(path) if build_url else path
    settings_link = reverse("revisions:editor_settings")
    context = {
        "suggestion": suggestion,
        "event": event,
        "what": what,
        "link": link,
        "settings_link": build_url(settings_link) if build_url else settings_link,
    }
    return [
        email_queue(
            suggestion=suggestion, template="editor_notice", context={**context, "editor": editor}, to=editor.email
        )
        for editor in editors_to_notify(suggestion)
    ]
