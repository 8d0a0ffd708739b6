from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from articles.admin import ReadOnlyAdminMixin
from ops.admin_actions import SelectionCheckedAdmin

from .models import Draft, OutboundEmail, SourceAlert, Suggestion, SuggestionEvent

# The editors' queue is where suggestions and drafts change; here admins read them and their trail.


@admin.register(OutboundEmail)
class OutboundEmailAdmin(SelectionCheckedAdmin, admin.ModelAdmin):
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


class SuggestionEventInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = SuggestionEvent
    extra = 0
    fields = ["created_at", "action", "actor", "from_status", "to_status", "message"]
    readonly_fields = fields


@admin.register(Suggestion)
class SuggestionAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Suggestions and their trail, read-only. Free text stays masked while a suggestion is on PHI hold."""

    list_display = ["__str__", "article", "status", "category", "created_at", "assigned_to"]
    list_filter = ["status", "category"]
    list_select_related = ["article", "assigned_to"]
    date_hierarchy = "created_at"
    inlines = [SuggestionEventInline]
    fields = [
        "article",
        "article_version",
        "target",
        "section_heading",
        "quoted_text",
        "category",
        "proposed",
        "sources",
        "note_text",
        "credit",
        "wants_approval",
        "status",
        "assigned_to",
        "created_at",
        "closed_at",
        "contact_purged_at",
    ]
    readonly_fields = fields

    @admin.display(description="Target")
    def target(self, obj):
        return obj.target_label or "The whole article"

    @admin.display(description="Proposed text")
    def proposed(self, obj):
        return obj.masked("proposed_text") if obj.on_phi_hold else obj.proposed_text

    @admin.display(description="Sources")
    def sources(self, obj):
        return obj.masked("sources_text") if obj.on_phi_hold else obj.sources_text

    @admin.display(description="Note")
    def note_text(self, obj):
        return obj.masked("note") if obj.on_phi_hold else obj.note


@admin.register(Draft)
class DraftAdmin(ReadOnlyAdminMixin, SimpleHistoryAdmin):
    """Drafts with every saved state of their working copy (History)."""

    list_display = ["__str__", "article", "state", "base_version", "created_by", "updated_at", "published_version"]
    list_filter = ["state"]
    list_select_related = ["article", "created_by"]
    fields = [
        "article",
        "suggestion",
        "base_version",
        "state",
        "summary",
        "text",
        "created_by",
        "created_at",
        "updated_at",
        "approval_sent_at",
        "approval_decided_at",
        "approval_comment",
        "published_version",
    ]
    readonly_fields = fields


@admin.register(SourceAlert)
class SourceAlertAdmin(SelectionCheckedAdmin, admin.ModelAdmin):
    """Items the wiki raised when a source was retracted or superseded; editors work them in the queue."""

    list_display = ["article", "source", "source_status", "state", "raised_at", "resolved_at"]
    list_filter = ["state", "source_status"]
    list_select_related = ["article", "source"]
    search_fields = ["article__title", "source__title"]
    raw_id_fields = ["article", "source", "resolved_by"]
    readonly_fields = ["raised_at", "updated_at"]

    def has_add_permission(self, request):
        return False  # raised by the wiki when a source's status changes
