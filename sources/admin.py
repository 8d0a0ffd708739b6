from django.contrib import admin, messages
from django.db import models
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst
from simple_history.admin import SimpleHistoryAdmin

from articles.models import Article, ArticleSource, Block, Citation
from articles.publishing import article_record_library_correction
from ops.admin_actions import SelectionCheckedAdmin

from .forms import SourceForm
from .models import Source, SourceStatus
from .signals import source_status_changed

# Everything of a source that an article page shows, in the order a correction's summary names them.
READER_VISIBLE_FIELDS_ORDER = (
    "title",
    "authors",
    "year",
    "container",
    "url",
    "doi",
    "pmid",
    "isbn",
    "kind",
    "tier",
    "status",
    "superseded_by",
    "retracted_on",
    "retraction_notice",
)
READER_VISIBLE_FIELDS = set(READER_VISIBLE_FIELDS_ORDER)
# What articles citing a superseded source show of the source that supersedes it.
SHOWN_AS_SUCCESSOR = {"title", "year", "url", "doi", "pmid", "isbn"}


@admin.register(Source)
class SourceAdmin(SelectionCheckedAdmin, SimpleHistoryAdmin):
    form = SourceForm
    list_display = ["title", "authors", "year", "kind", "tier", "status", "article_count"]
    list_filter = ["tier", "kind", "status"]
    search_fields = ["title", "authors", "container", "doi", "pmid", "isbn", "url"]
    autocomplete_fields = ["superseded_by"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}  # a URL typed without a scheme is https
    readonly_fields = ["link_check", "article_uses", "citing_sentences"]
    fieldsets = [
        (None, {"fields": ["title", "authors", "year", "container", "kind", "tier"]}),
        ("Where to find it", {"fields": ["url", "doi", "pmid", "isbn", "link_check"]}),
        (
            "Status",
            {
                "fields": ["status", "superseded_by", "retracted_on", "retraction_notice"],
                "description": "Every article citing a retracted or superseded source marks each sentence citing "
                "it, gets a new version saying so, and enters the editors' queue.",
            },
        ),
        (
            "Where it is used",
            {
                "fields": ["article_uses", "citing_sentences"],
                "description": "A source cannot be deleted while an article lists it: publish a version of the "
                "article without it first.",
            },
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(article_count=Count("numbered_in__article", distinct=True))

    def save_model(self, request, obj, form, change):
        # Compared with the stored row, not the form's idea of a change: a field left out of a submission is
        # not a correction.
        columns = [Source._meta.get_field(name).attname for name in READER_VISIBLE_FIELDS_ORDER]
        before = Source.objects.filter(pk=obj.pk).values(*columns).first() if change else None
        super().save_model(request, obj, form, change)
        shown = [
            (name, column)
            for name, column in zip(READER_VISIBLE_FIELDS_ORDER, columns)
            if before is not None and before[column] != getattr(obj, column)
        ]
        old_status = before["status"] if before else None
        if change and shown:
            # Articles show each source's details beside every citation: the correction is a new version of each.
            changes = "; ".join(
                f"{Source._meta.get_field(name).verbose_name} “{_shown(name, before[column])}” → "
                f"“{_shown(name, getattr(obj, column))}”"
                for name, column in shown
            )
            citing = Q(numbered_sources__source=obj)
            if SHOWN_AS_SUCCESSOR.intersection(name for name, _ in shown):
                citing |= Q(numbered_sources__source__superseded_by=obj)
            versions = article_record_library_correction(
                article_ids=Article.objects.filter(citing).values_list("pk", flat=True).distinct(),
                summary=f"Library correction to source “{obj.title}”: {changes}",
                editor=request.user,
            )
            if versions:
                messages.info(request, f"{len(versions)} published article(s) got a new version for this correction.")
        if change and old_status != obj.status:
            source_status_changed.send(sender=Source, source=obj, old_status=old_status, editor=request.user)

    @admin.display(description="Articles using it", ordering="article_count")
    def article_count(self, obj):
        return obj.article_count

    @admin.display(description="Last link check")
    def link_check(self, obj):
        if obj.link_checked_at is None:
            return "Not checked yet: manage.py check_source_links checks every URL."
        verdict = "answered" if obj.link_ok else "did not answer"
        return f"{obj.link_checked_at:%Y-%m-%d %H:%M} UTC: the address {verdict} ({obj.link_check_result})."

    def get_deleted_objects(self, objs, request):
        """Django refuses to delete a source an article lists, naming only its number and title: name the
        article and what it uses the source for instead."""
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        if protected:
            numbered = f"{capfirst(ArticleSource._meta.verbose_name)}: "
            uses = _article_uses([obj.pk for obj in objs], name_source=len(objs) > 1)
            protected = uses + [p for p in protected if not str(p).startswith(numbered)]
        return deleted, counts, perms_needed, protected

    @admin.display(description="Articles using it")
    def article_uses(self, obj):
        """Each article listing this source, with what it uses it for (sentences, video) and any superseded
        source naming it as successor, so a source used other than by a sentence never reads as unused."""
        if obj.pk is None:
            return "—"
        uses = _article_uses([obj.pk])
        uses += [
            format_html(
                'Named as the successor of the superseded source <a href="{}">{}</a>.',
                reverse("admin:sources_source_change", args=[old.pk]),
                old.title,
            )
            for old in obj.supersedes.order_by("title")
        ]
        if not uses:
            return "No article lists it."
        return format_html('<ul class="source-uses">{}</ul>', format_html_join("", "<li>{}</li>", ((u,) for u in uses)))

    @admin.display(description="Sentences citing it")
    def citing_sentences(self, obj):
        """Every sentence citing this source, across articles, each linked to its place: one query."""
        if obj.pk is None:
            return "—"
        citations = (
            Citation.objects.filter(article_source__source=obj)
            .select_related("unit__article", "unit__block__section", "article_source")
            .order_by(
                "unit__article__title", "unit__block__section__position", "unit__block__position", "unit__position"
            )
        )
        rows = [
            (
                c.unit.article.title,
                c.unit.block.section.heading or "Opening",
                reverse("articles:sentence", args=[c.unit.article.slug, c.unit.key_label]),
                c.unit.key_label,
                c.article_source.number,
                c.unit.text if len(c.unit.text) <= 160 else c.unit.text[:159] + "…",
            )
            for c in citations
        ]
        if not rows:
            return "No sentence cites it."
        body = format_html_join(
            "",
            '<tr><td>{}</td><td>{}</td><td><a href="{}">{}</a></td><td>[{}]</td><td>{}</td></tr>',
            rows,
        )
        return format_html(
            '<p>{} sentence{} in {} article{}.</p><table class="citing-sentences"><thead><tr><th>Article</th>'
            "<th>Section</th><th>Sentence</th><th>Cited as</th><th>Text</th></tr></thead><tbody>{}</tbody></table>",
            len(rows),
            "" if len(rows) == 1 else "s",
            len({r[0] for r in rows}),
            "" if len({r[0] for r in rows}) == 1 else "s",
            body,
        )


def _article_uses(source_ids, name_source=False):
    """One line per article listing any of these sources, saying what it uses it for, and naming the source
    first if `name_source` (for a list about several). Two queries."""
    videos = {}
    for block in (
        Block.objects.filter(kind=Block.Kind.VIDEO, video__source_id__in=source_ids)
        .select_related("section")
        .order_by("section__position", "position")
    ):
        videos.setdefault(block.video_id, []).append(block.section.heading or "Opening")
    lines = []
    for numbered in (
        ArticleSource.objects.filter(source_id__in=source_ids)
        .select_related("article", "source")
        .annotate(citing=Count("citations"))
        .order_by("article__title", "number")
    ):
        uses = [f"cited by {numbered.citing} sentence{'' if numbered.citing == 1 else 's'}"] if numbered.citing else []
        uses += [f"the article's video resource, in “{heading}”" for heading in videos.get(numbered.pk, [])]
        lines.append(
            format_html(
                '{}Source {} of <a href="{}">{}</a>: {}.',
                f"“{numbered.source.title}”: " if name_source else "",
                numbered.number,
                numbered.article.get_absolute_url(),
                numbered.article.title,
                "; ".join(uses) or "listed, but neither cited by a sentence nor shown as a video",
            )
        )
    return lines


def _shown(name, value):
    """A field's value as the correction's summary names it."""
    if name == "status" and value:
        return SourceStatus(value).label
    if name == "superseded_by" and value:
        return Source.objects.filter(pk=value).values_list("title", flat=True).first() or value
    return "" if value is None else value
