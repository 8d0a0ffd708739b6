from django.contrib import admin
from django.db import models
from django.db.models import Count
from simple_history.admin import SimpleHistoryAdmin

from articles.services import article_render_affected_by_source

from .models import Source


@admin.register(Source)
class SourceAdmin(SimpleHistoryAdmin):
    list_display = ["title", "authors", "year", "kind", "tier", "article_count"]
    list_filter = ["tier", "kind"]
    search_fields = ["title", "authors", "container", "doi", "pmid", "url"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}  # a URL typed without a scheme is https
    fieldsets = [
        (None, {"fields": ["title", "authors", "year", "container", "kind", "tier"]}),
        ("Where to find it", {"fields": ["url", "doi", "pmid"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(article_count=Count("numbered_in__article", distinct=True))

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        # Article pages show each source's title and tier beside every citation.
        article_render_affected_by_source(source=obj)

    @admin.display(description="Articles citing it", ordering="article_count")
    def article_count(self, obj):
        return obj.article_count
