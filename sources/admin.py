from django.contrib import admin
from django.db.models import Count
from simple_history.admin import SimpleHistoryAdmin

from .models import Source


@admin.register(Source)
class SourceAdmin(SimpleHistoryAdmin):
    list_display = ["title", "authors", "year", "kind", "tier", "article_count"]
    list_filter = ["tier", "kind"]
    search_fields = ["title", "authors", "container", "doi", "pmid", "url"]
    fieldsets = [
        (None, {"fields": ["title", "authors", "year", "container", "kind", "tier"]}),
        ("Where to find it", {"fields": ["url", "doi", "pmid"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(article_count=Count("numbered_in__article", distinct=True))

    @admin.display(description="Articles citing it", ordering="article_count")
    def article_count(self, obj):
        return obj.article_count
