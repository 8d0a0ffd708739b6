from django.contrib import admin
from django.db.models import Count, Prefetch, Q
from simple_history.admin import SimpleHistoryAdmin

from .forms import ArticleAdminForm, UnitAdminForm
from .models import Article, ArticleSource, ArticleType, Block, Citation, Discipline, Family, Section, Unit
from .services import article_record_version, article_render, unit_set_provenance


class RerendersArticleMixin:
    """Re-render the affected article after any change made here, so readers never see stale pages."""

    def article_ids_of(self, obj):
        raise NotImplementedError

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        article_render(article_ids=self.article_ids_of(form.instance))

    def delete_model(self, request, obj):
        article_ids = self.article_ids_of(obj)
        super().delete_model(request, obj)
        article_render(article_ids=article_ids)

    def delete_queryset(self, request, queryset):
        article_ids = {pk for obj in queryset for pk in self.article_ids_of(obj)}
        super().delete_queryset(request, queryset)
        article_render(article_ids=article_ids)


@admin.register(ArticleType, Discipline, Family)
class TaxonAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "article_count"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(article_count=Count("articles"))

    @admin.display(description="Articles", ordering="article_count")
    def article_count(self, obj):
        return obj.article_count


class ArticleSourceInline(admin.TabularInline):
    model = ArticleSource
    extra = 0
    raw_id_fields = ["source"]
    ordering = ["number"]


class SectionInline(admin.TabularInline):
    model = Section
    extra = 0
    ordering = ["position"]
    show_change_link = True
    fields = ["position", "heading"]


@admin.register(Article)
class ArticleAdmin(RerendersArticleMixin, SimpleHistoryAdmin):
    form = ArticleAdminForm
    list_display = ["title", "article_type", "discipline", "family", "status", "version", "upvotes", "updated_at"]
    list_filter = ["status", "article_type", "discipline", "family"]
    list_select_related = ["article_type", "discipline", "family"]
    search_fields = ["title", "slug", "lead"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["see_also"]
    readonly_fields = ["upvotes", "created_at", "updated_at"]
    inlines = [ArticleSourceInline, SectionInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "status", "lead"]}),
        ("Taxonomy", {"fields": ["article_type", "discipline", "family"]}),
        (
            "Provenance",
            {"fields": [("version_major", "version_minor"), "generating_model", "generated_on"]},
        ),
        ("Links", {"fields": ["see_also"]}),
        ("Counts", {"fields": ["upvotes", "created_at", "updated_at"]}),
    ]

    @admin.display(description="Version")
    def version(self, obj):
        return obj.version

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # Publishing here, too, keeps the version for the article's public history.
        article_record_version(article=form.instance, revision={"published_by": request.user})

    def article_ids_of(self, obj):
        # Articles listing this one under "see also" show its title.
        return [obj.pk, *Article.objects.filter(see_also=obj).values_list("pk", flat=True)]


class BlockInline(admin.TabularInline):
    model = Block
    extra = 0
    ordering = ["position"]
    show_change_link = True
    fields = ["position", "kind", "image", "alt_text", "video"]
    raw_id_fields = ["video"]


@admin.register(Section)
class SectionAdmin(RerendersArticleMixin, SimpleHistoryAdmin):
    list_display = ["__str__", "article", "position"]
    list_filter = ["article"]
    list_select_related = ["article"]
    search_fields = ["heading", "article__title"]
    raw_id_fields = ["article"]
    inlines = [BlockInline]

    def article_ids_of(self, obj):
        return [obj.article_id]


def _source_numbers(article_id):
    return list(ArticleSource.objects.filter(article_id=article_id).values_list("number", flat=True))


class UnitInline(admin.StackedInline):
    model = Unit
    form = UnitAdminForm
    extra = 0
    ordering = ["position"]

    def get_queryset(self, request):
        citations = Citation.objects.select_related("article_source").order_by("position")
        return super().get_queryset(request).prefetch_related(Prefetch("citations", queryset=citations))

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        known = _source_numbers(obj.section.article_id) if obj is not None else []

        class ProvenanceFormSet(formset):
            def get_form_kwargs(self, index):
                return {**super().get_form_kwargs(index), "known_numbers": known}

        return ProvenanceFormSet


@admin.register(Block)
class BlockAdmin(RerendersArticleMixin, SimpleHistoryAdmin):
    list_display = ["__str__", "section", "kind", "unit_count", "llm_count"]
    list_filter = ["kind", "section__article"]
    list_select_related = ["section", "section__article"]
    raw_id_fields = ["section", "video"]
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

    def article_ids_of(self, obj):
        return [obj.section.article_id]

    def save_formset(self, request, form, formset, change):
        instances = formset.save()
        for unit_form in formset.forms:
            if unit_form in formset.deleted_forms or not unit_form.has_changed():
                continue
            is_llm, numbers = unit_form.provenance_value
            unit_set_provenance(unit=unit_form.instance, is_llm=is_llm, numbers=numbers)
        return instances


@admin.register(Unit)
class UnitAdmin(SimpleHistoryAdmin):
    """Sentences one by one, mainly for their history: edit them with their block."""

    list_display = ["__str__", "block", "is_llm"]
    list_filter = ["is_llm", "block__kind"]
    list_select_related = ["block", "block__section"]
    search_fields = ["text", "term", "goal"]
    raw_id_fields = ["block"]
    form = UnitAdminForm

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        known = _source_numbers(obj.block.section.article_id) if obj is not None else []

        class UnitFormForArticle(form):
            def __init__(self, *args, **inner):
                super().__init__(*args, known_numbers=known, **inner)

        return UnitFormForArticle

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        is_llm, numbers = form.provenance_value
        unit_set_provenance(unit=obj, is_llm=is_llm, numbers=numbers)
        article_render(article_ids=[obj.block.section.article_id])
