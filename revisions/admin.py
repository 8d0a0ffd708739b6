from django.contrib import admin

from .models import OutboundEmail


@admin.register(OutboundEmail)
class OutboundEmailAdmin(admin.ModelAdmin):
    """Mail to submitters, so admins can see what failed; `send_pending_emails` retries it."""

    list_display = ["subject", "state", "attempts", "created_at", "sent_at"]
    list_filter = ["state"]
    search_fields = ["subject"]
    readonly_fields = [
        "suggestion",
        "to",
        "subject",
        "body",
        "state",
        "attempts",
        "last_error",
        "created_at",
        "sent_at",
    ]

    def has_add_permission(self, request):
        return False
