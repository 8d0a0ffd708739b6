from django.contrib import admin, messages
from django.db import models
from django.db.models import Count
from simple_history.admin import SimpleHistoryAdmin

from articles.models import Article
from articles.publishing import article_record_library_correction

from .models import Source

# Everything of a source that an article page shows.
READER_VISIBLE_FIELDS = {"title", "authors", "year", "container", "url", "doi", "pmid", "kind", "tier"}


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
        shown = [name for name in form.changed_data if name in READER_VISIBLE_FIELDS]
        if change and shown:
            # Articles show each source's details beside every citation: the correction is a new version of each.
            changes = "; ".join(
                f"{Source._meta.get_field(name).verbose_name} “{form.initial.get(name) or ''}” → "
                f"“{getattr(obj, name) or ''}”"
                for name in shown
            )
            versions = article_record_library_correction(
                article_ids=Article.objects.filter(numbered_sources__source=obj).values_list("pk", flat=True),
                summary=f"Library correction to source “{obj.title}”: {changes}",
                editor=request.user,
            )
            if versions:
                messages.info(request, f"{len(versions)} published article(s) got a new version for this correction.")

    @admin.display(description="Articles citing it", ordering="article_count")
    def article_count(self, obj):
        return obj.article_count
