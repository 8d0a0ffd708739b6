"""Writes to the library besides admins' edits."""

import re

from django.db import transaction

from .models import Source, SourceStatus

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@transaction.atomic
def source_link_check_record(*, source, check, checked_at):
    """Record a link check on the source; return its old status if the check changed it, else None.

    A current source whose address does not answer becomes "link broken", and a broken one that answers again
    becomes current. A retracted or superseded source keeps its status: the check is recorded only.
    """
    source = Source.objects.select_for_update().get(pk=source.pk)
    old_status = source.status
    source.link_ok = check.ok
    # The result quotes what the site answered, which may hold any byte; PostgreSQL refuses a NUL in text.
    source.link_check_result = _CONTROL.sub(" ", check.result)[:200]
    source.link_checked_at = checked_at
    if source.status == SourceStatus.CURRENT and not check.ok:
        source.status = SourceStatus.LINK_BROKEN
    elif source.status == SourceStatus.LINK_BROKEN and check.ok:
        source.status = SourceStatus.CURRENT
    source._change_reason = f"Link check: {source.link_check_result}"  # shown in the source's admin history
    source.save(update_fields=["link_ok", "link_check_result", "link_checked_at", "status"])
    return old_status if source.status != old_status else None
