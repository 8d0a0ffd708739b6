"""What the library announces to the apps above it, which may react without the library knowing them."""

from django.dispatch import Signal

# A source's status changed (an admin's edit, or the link checker). Sent after the change is saved, and after
# the articles citing it show it, with `source`, `old_status` and `editor` (a user, or None).
source_status_changed = Signal()
