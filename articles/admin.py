"""Article content is read-only here: every change readers see goes through a draft and becomes a version.

Admins curate taxonomy (and sources, in the sources app); a correction to a record that articles show
publishes a new version of each of those articles, listed in their history as a library correction.
"""

from django import forms
from django.contrib import admin, messages
from django.db.models import Count, Prefetch, Q
from django.template.defaultfilters import pluralize
from django.urls import reverse
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin

from ops.admin_actions import BoundedSearchAdmin, SelectionCheckedAdmin

from .models import (
    Article,
    ArticleSource,
    ArticleType,
    ArticleVersion,
    Block,
    Citation,
    Discipline,
    Family,
    Section,
    TierRule,
    Unit,
)
from .publishing import article_delete, article_record_library_correction
from .tier_rules import tier_rule_delete, tier_rule_save
from .validation import unwritable_text


class ReadOnlyAdminMixin(BoundedSearchAdmin):
    """Shows rows without letting anyone add, change or delete them here."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class TaxonForm(forms.ModelForm):
    def clean_name(self):
        name = self.cleaned_data["name"]
        # Article pages and drafts carry the name; one the text format cannot write would stop every draft.
        problem = unwritable_text(name)
        if problem:
            raise forms.ValidationError(problem, code="unwritable")
        return name


@admin.register(ArticleType, Discipline, Family)
class TaxonAdmin(SelectionCheckedAdmin, admin.ModelAdmin):
    form = TaxonForm
    list_display = ["name", "slug", "article_count"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(article_count=Count("articles"))

    @admin.display(description="Articles", ordering="article_count")
    def article_count(self, obj):
        return obj.article_count

    def save_model(self, request, obj, form, change):
        old = type(obj).objects.filter(pk=obj.pk).values_list("name", "slug").first() if change else None
        super().save_model(request, obj, form, change)
        # Article pages show the name and link to the slug's page: either change is one readers see.
        if change and old != (obj.name, obj.slug):
            label = obj._meta.verbose_name
            old_name, old_slug = old
            what = [f"renamed “{obj.name}”"] if old_name != obj.name else []
            if old_slug != obj.slug:
                what.append(f"its page moved from /{old_slug}/ to /{obj.slug}/")
            versions = article_record_library_correction(
                article_ids=obj.articles.values_list("pk", flat=True),
                summary=f"Library correction: {label} “{old_name}” {' and '.join(what)}",
                editor=request.user,
            )
            if versions:
                messages.info(request, f"{len(versions)} published article(s) got a new version for this correction.")


class ArticleSourceInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = ArticleSource
    extra = 0
    ordering = ["number"]
    fields = ["number", "source"]
    readonly_fields = ["number", "source"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("source")  # each row shows its source


class SectionInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = Section
    extra = 0
    ordering = ["position"]
    show_change_link = True
    fields = ["position", "key", "heading"]
    readonly_fields = fields


class VersionInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = ArticleVersion
    extra = 0
    fields = ["version_link", "kind", "published_at", "published_by", "summary", "credit"]
    readonly_fields = fields
    ordering = ["-major", "-minor"]

    def get_queryset(self, request):
        return super().get_queryset(request).defer("data").select_related("published_by", "article")

    @admin.display(description="Version")
    def version_link(self, obj):
        return format_html('<a href="{}">{}</a>', obj.get_absolute_url(), obj.version)


def _set_status(queryset, current, wanted, summary, request):
    """Move the articles of the queryset that are `current` to `wanted` through the write path; how many."""
    from .exporting import article_export_data
    from .importing import article_import

    moved = 0
    for article in queryset.filter(status=current):
        data = article_export_data(Article.objects.for_detail_page().get(pk=article.pk))
        data["status"] = wanted
        article_import(data=data, revision={"summary": summary, "published_by": request.user})
        moved += 1
    return moved


@admin.register(Article)
class ArticleAdmin(SelectionCheckedAdmin, admin.ModelAdmin):
    list_display = ["title", "article_type", "discipline", "family", "status", "version", "upvotes", "updated_at"]
    list_filter = ["status", "article_type", "discipline", "family"]
    list_select_related = ["article_type", "discipline", "family"]
    search_fields = ["title", "slug", "lead"]
    inlines = [VersionInline, ArticleSourceInline, SectionInline]
    actions = ["publish", "withdraw"]
    fieldsets = [
        (None, {"fields": ["edit_note", "title", "slug", "status", "lead"]}),
        ("Taxonomy", {"fields": ["article_type", "discipline", "family"]}),
        ("Provenance", {"fields": ["version", "generating_model", "generated_on", "content_revision"]}),
        ("Links", {"fields": ["see_also"]}),
        ("Counts", {"fields": ["upvotes", "created_at", "updated_at", "revised_at"]}),
    ]
    readonly_fields = [
        "edit_note",
        "title",
        "slug",
        "status",
        "lead",
        "article_type",
        "discipline",
        "family",
        "version",
        "generating_model",
        "generated_on",
        "content_revision",
        "see_also",
        "upvotes",
        "created_at",
        "updated_at",
        "revised_at",
    ]

    def has_add_permission(self, request):
        return False  # new articles come from files: manage.py import_article

    def has_change_permission(self, request, obj=None):
        return False  # shown read-only; see edit_note

    @admin.display(description="Version")
    def version(self, obj):
        return obj.version

    def get_deleted_objects(self, objs, request):
        # Sections, blocks and sentences cannot be deleted on their own here, but go with their article.
        deleted, counts, _, protected = super().get_deleted_objects(objs, request)
        # A published article's versions are the public record: links to them and to its sentences must keep
        # working, and a key must never name other text. Such an article can be withdrawn, not deleted.
        published = ArticleVersion.objects.filter(article__in=[a.pk for a in objs]).select_related("article")
        protected = list(protected) + [
            f"{version.article.title}, version {version.version}: a published version stays in the public "
            "record; withdraw the article instead (the “Withdraw” action on the list)"
            for version in published.order_by("article__title", "major", "minor")
        ]
        return deleted, counts, set(), protected

    def delete_model(self, request, obj):
        article_delete(article=obj)  # other articles' pages stop listing it

    def delete_queryset(self, request, queryset):
        for article in queryset:
            article_delete(article=article)

    @admin.display(description="Editing")
    def edit_note(self, obj):
        """Content changes go through a draft, so they are reviewed and become a version with history."""
        if obj.is_published:
            return format_html(
                '<a class="button" href="{}?article={}">Start an editor’s draft of this article</a>'
                '<p class="help">Article content is read-only here. A draft is checked line by line, shows its '
                "changes against the live text and publishes as the next version.</p>",
                reverse("revisions:draft_new"),
                obj.slug,
            )
        return "A draft article: publish it with the “Publish” action on the list, or import a new file."

    @admin.action(description="Publish the selected draft articles", permissions=["publish"])
    def publish(self, request, queryset):
        published = _set_status(queryset, Article.Status.DRAFT, Article.Status.PUBLISHED, "First published", request)
        messages.info(request, f"Published {published} article(s).")

    @admin.action(
        description="Withdraw the selected published articles (readers no longer see them)", permissions=["publish"]
    )
    def withdraw(self, request, queryset):
        """Unpublish through the write path: the article and its versions are kept for editors, and publishing
        it again later carries on its history and its sentences' keys."""
        withdrawn = _set_status(queryset, Article.Status.PUBLISHED, Article.Status.DRAFT, "Withdrawn", request)
        messages.info(request, f"Withdrew {withdrawn} article(s).")

    def has_publish_permission(self, request):
        return request.user.has_perm("articles.change_article")


class BlockInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = Block
    extra = 0
    ordering = ["position"]
    show_change_link = True
    fields = ["position", "kind", "image", "alt_text", "video"]
    readonly_fields = fields


@admin.register(Section)
class SectionAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["__str__", "key_label", "article", "position"]
    list_filter = ["article"]
    list_select_related = ["article"]
    search_fields = ["heading", "article__title"]
    inlines = [BlockInline]

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("articles.view_section") or request.user.has_perm("articles.change_section")

    @admin.display(description="Key")
    def key_label(self, obj):
        return obj.key_label


class UnitInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = Unit
    extra = 0
    ordering = ["position"]
    fields = ["position", "key_label", "term", "goal", "objective", "text", "end", "marker"]
    readonly_fields = fields

    def get_queryset(self, request):
        citations = Citation.objects.select_related("article_source").order_by("position")
        return super().get_queryset(request).prefetch_related(Prefetch("citations", queryset=citations))

    @admin.display(description="Key")
    def key_label(self, obj):
        return obj.key_label

    @admin.display(description="Provenance")
    def marker(self, obj):
        return "LLM" if obj.is_llm else " ".join(str(c.article_source.number) for c in obj.citations.all())


@admin.register(Block)
class BlockAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["__str__", "section", "kind", "unit_count", "llm_count"]
    list_filter = ["kind", "section__article"]
    list_select_related = ["section", "section__article"]
    inlines = [UnitInline]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(unit_count=Count("units"), llm_count=Count("units", filter=Q(units__is_llm=True)))
        )

    @admin.display(description="Units", ordering="unit_count")
    def unit_count(self, obj):
        return obj.unit_count

    @admin.display(description="LLM-written", ordering="llm_count")
    def llm_count(self, obj):
        return obj.llm_count


@admin.register(Unit)
class UnitAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Sentences one by one, each with a link to its public history across versions."""

    list_display = ["__str__", "key_label", "article", "is_llm"]
    list_filter = ["is_llm", "block__kind"]
    list_select_related = ["article"]
    search_fields = ["text", "term", "goal"]
    fields = ["article", "key_label", "text", "end", "term", "goal", "objective", "is_llm", "history_link"]
    readonly_fields = fields

    @admin.display(description="Key")
    def key_label(self, obj):
        return obj.key_label

    @admin.display(description="History")
    def history_link(self, obj):
        url = reverse("articles:sentence_history", args=[obj.article.slug, obj.key_label])
        return format_html('<a href="{}">This sentence across versions</a>', url)


@admin.register(TierRule)
class TierRuleAdmin(SelectionCheckedAdmin, SimpleHistoryAdmin):
    """Editors set rules at /editors/evidence/rules/; admins may too. Either way the articles they govern are
    rendered again."""

    list_display = ["heading", "min_tier", "allow_llm", "enforced", "updated_at"]
    list_filter = ["min_tier", "enforced"]
    search_fields = ["heading"]

    def save_model(self, request, obj, form, change):
        self._say_what_is_left(request, tier_rule_save(rule=obj))

    def delete_model(self, request, obj):
        self._say_what_is_left(request, tier_rule_delete(rule=obj))

    def _say_what_is_left(self, request, left):
        if left:
            message = f"{left} article{pluralize(left)} will show the change when next read or rendered by cron."
            self.message_user(request, message, messages.INFO)

    def delete_queryset(self, request, queryset):
        for rule in queryset:
            tier_rule_delete(rule=rule)
