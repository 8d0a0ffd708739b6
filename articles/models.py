import math
import re
import unicodedata

from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Prefetch, QuerySet
from django.db.models.base import ModelState
from django.db.models.fields.json import KeyTransform
from django.db.models.functions import Lower
from django.db.models.signals import post_init, pre_init
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from simple_history.models import HistoricalRecords

from sources.models import TIER_RANK, Source, Tier

WORDS_PER_MINUTE = 125  # dense clinical prose: technical reading runs at 100–150 words a minute

# Stable keys, as pages (HTML ids), the JSON and links show them: "u12" is a unit, "s3" a section.
UNIT_KEY = re.compile(r"u([1-9][0-9]{0,8})")
SECTION_KEY = re.compile(r"s([1-9][0-9]{0,8})")


def unit_key_label(number):
    return f"u{number}"


def section_key_label(number):
    return f"s{number}"


class Taxon(models.Model):
    """A browseable lookup (type, discipline, family) that admins manage."""

    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(max_length=120, unique=True)
    description = models.TextField(blank=True)

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name


class ArticleType(Taxon):
    class Meta(Taxon.Meta):
        verbose_name = "article type"

    def get_absolute_url(self):
        return reverse("articles:browse_type", args=[self.slug])


class Discipline(Taxon):
    def get_absolute_url(self):
        return reverse("articles:browse_discipline", args=[self.slug])


class Family(Taxon):
    class Meta(Taxon.Meta):
        verbose_name_plural = "families"

    def get_absolute_url(self):
        return reverse("articles:browse_family", args=[self.slug])


# How listings sort (`?sort=…&dir=asc|desc`): the columns, and the direction each starts in.
LISTING_SORTS = {
    "title": {"label": "title", "fields": [Lower("title")], "descending": False},
    "revised": {"label": "last revised", "fields": ["revised_at"], "descending": True},
    "sourced": {"label": "sourced share", "fields": ["sourced_share"], "descending": True},
    "version": {"label": "version", "fields": ["version_major", "version_minor"], "descending": True},
    "evidence": {"label": "evidence year", "fields": ["evidence_year"], "descending": True},
}


class _LoadedRows(models.QuerySet):
    """The queryset a prefetch leaves on a parent: its rows already fetched. Its SQL query, narrowed to the
    parent, is built only when a new query is made from it (`.filter()`, `.update()`…): building one per
    parent at once, as a prefetch does, cost more than loading the rows, in time and in objects for the
    garbage collector to walk."""

    @classmethod
    def of(cls, key_field, parent, rows):
        queryset = cls(model=key_field.model, query=_NOT_BUILT)
        queryset._query = None
        queryset._narrowing = {key_field.name: parent}
        queryset._result_cache = rows
        queryset._prefetch_done = True
        return queryset

    @property
    def query(self):
        if self._query is None:  # only ever on one made by `of`; its clones carry a built query
            self._query = models.QuerySet(model=self.model).filter(**self._narrowing).query
        return self._query

    @query.setter
    def query(self, value):
        self._query = value


_NOT_BUILT = object()  # stands in for the SQL query until _LoadedRows needs one


def attach_content(articles):
    """Load the articles' sections, blocks, units and citations in four queries and hang them on the
    instances as a prefetch would (`article.sections.all()` and so on, each in position order).

    Does what nested `Prefetch`es do, without their per-row querysets: those cost more than the queries
    on a long article (about half the time to load a 1,000-unit one).
    """
    by_id = {a.pk: a for a in articles if isinstance(a, Article)}  # not rows of .values()
    if not by_id:
        return
    hang_content(
        by_id.values(),
        sections=_rows(Section.objects.filter(article_id__in=by_id).order_by("position")),
        blocks=_rows(Block.objects.filter(section__article_id__in=by_id).order_by("position")),
        units=_rows(Unit.objects.filter(article_id__in=by_id).order_by("position")),
        citations=_rows(Citation.objects.filter(unit__article_id__in=by_id).order_by("position")),
    )


def _rows(queryset):
    """The rows of a plain filtered and ordered queryset (no annotations, no deferred fields) as model
    instances, each made as `Model.from_db` makes it but without running `Model.__init__`, which costs more
    than the query itself for the thousands of rows of a long article. Should the model ever customise its
    loading (its own `from_db` or `__init__`) or gain init signals, the instances are made the usual way."""
    model = queryset.model
    customised = (
        model.from_db.__func__ is not models.Model.from_db.__func__ or model.__init__ is not models.Model.__init__
    )
    if customised or pre_init.has_listeners(model) or post_init.has_listeners(model):
        return list(queryset)
    names = [f.attname for f in model._meta.concrete_fields]
    db = queryset.db
    rows = []
    for values in queryset.values_list(*names):
        row = model.__new__(model)
        row._state = ModelState()
        row._state.adding, row._state.db = False, db
        row.__dict__.update(zip(names, values))
        rows.append(row)
    return rows


def hang_content(articles, *, sections, blocks, units, citations):
    """Hang content rows on the articles as `attach_content` does, from rows already at hand: each level's
    rows in position order within their parent."""
    levels = [  # each level's rows, their key to the level above, and that level's accessor for them
        (sections, Section.article.field, "sections"),
        (blocks, Block.section.field, "blocks"),
        (units, Unit.block.field, "units"),
        (citations, Citation.unit.field, "citations"),
    ]
    parents = {a.pk: a for a in articles}
    for rows, key_field, accessor in levels:
        rows = list(rows)
        children = {pk: [] for pk in parents}
        for row in rows:
            parent = parents[getattr(row, key_field.attname)]
            key_field.set_cached_value(row, parent)
            children[parent.pk].append(row)
        for pk, parent in parents.items():
            if not hasattr(parent, "_prefetched_objects_cache"):
                parent._prefetched_objects_cache = {}
            parent._prefetched_objects_cache[accessor] = _LoadedRows.of(key_field, parent, children[pk])
        parents = {row.pk: row for row in rows}


def content_rows(row, accessor):
    """`row.<accessor>.all()`, taken straight from what `hang_content` or a prefetch hung on the row: a
    related manager made per call costs more than the rest of a pass over a long article's units."""
    cache = getattr(row, "_prefetched_objects_cache", None)
    if cache is not None and accessor in cache:
        return cache[accessor]
    return getattr(row, accessor).all()


class ArticleQuerySet(models.QuerySet):
    _with_content = False  # `for_detail_page`: attach_content runs when the articles are fetched

    def _clone(self):
        clone = super()._clone()
        clone._with_content = self._with_content
        return clone

    def _prefetch_related_objects(self):
        super()._prefetch_related_objects()
        if self._with_content:
            attach_content(self._result_cache)

    def published(self):
        return self.filter(status=Article.Status.PUBLISHED)

    def visible_to(self, user):
        """Readers see published articles; staff also see drafts."""
        return self if user.is_staff else self.published()

    def for_listing(self):
        """Articles with their taxonomy and the figures listings show, for lists: one query however many.

        The figures (unit count, sourced share, evidence years) are read from each article's stored rendering,
        never counted over its units; an article not yet rendered shows none.
        """
        return (
            self.select_related("article_type", "discipline", "family")
            .annotate(
                unit_count=models.F("rendering__unit_count"),
                sourced_share=models.F("rendering__sourced_percent"),
                evidence_year=models.F("rendering__evidence_year"),
                newest_t1_year=models.F("rendering__newest_t1_year"),
            )
            .order_by("title")
        )

    def by_evidence_year(self, *, newest_first=True):
        """Ordered by how current the cited evidence is (`for_listing` annotates it); undated ones last."""
        return self.listing_order("evidence", descending=newest_first)

    def listing_order(self, sort, *, descending):
        """A listing (`for_listing`) in one of `LISTING_SORTS`, ties and missing figures by title."""
        columns = [models.F(f) if isinstance(f, str) else f for f in LISTING_SORTS[sort]["fields"]]
        order = [c.desc(nulls_last=True) if descending else c.asc(nulls_last=True) for c in columns]
        return self.order_by(*order, Lower("title"), "pk")

    def for_detail_page(self, *, content=True):
        """Everything the article page renders: sections, blocks, units, citations, sources, see-also.

        Six queries after the article's own, whatever the article's size: the content's four come from
        `attach_content`. With `.iterator()` the content is not attached and loads row by row; without
        `content`, it is left for the caller to hang (`hang_content`).
        """
        numbered = ArticleSource.objects.select_related("source", "source__superseded_by").order_by("number")
        queryset = (
            self.select_related("article_type", "discipline", "family", "reviewed_version")
            .defer("reviewed_version__data")
            .prefetch_related(
                Prefetch("numbered_sources", queryset=numbered),
                Prefetch("see_also", queryset=Article.objects.order_by("slug").only("slug", "title", "status")),
            )
        )
        queryset._with_content = content
        return queryset


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    slug = models.SlugField(max_length=120, unique=True)
    title = models.CharField(max_length=200)
    lead = models.TextField(help_text="The opening summary shown under the title. Carries no markers.")
    article_type = models.ForeignKey(
        ArticleType, on_delete=models.PROTECT, related_name="articles", verbose_name="type"
    )
    discipline = models.ForeignKey(Discipline, on_delete=models.PROTECT, related_name="articles")
    family = models.ForeignKey(Family, on_delete=models.PROTECT, related_name="articles")
    status = models.CharField(max_length=10, choices=Status, default=Status.DRAFT)
    version_major = models.PositiveSmallIntegerField(default=1)
    version_minor = models.PositiveSmallIntegerField(default=0)
    generating_model = models.CharField(max_length=100, help_text="The model that generated the article.")
    generated_on = models.DateField(help_text="When the model last generated the article.")
    # Denormalised count of Vote rows, so listing and article pages need not count votes.
    upvotes = models.PositiveIntegerField(default=0, editable=False)
    see_also = models.ManyToManyField("self", symmetrical=False, blank=True, related_name="+")
    sources = models.ManyToManyField(Source, through="ArticleSource", related_name="articles")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # When the current version was published, and whether a reader's suggestion prompted it; copied
    # from the latest ArticleVersion so the article page needs no extra query.
    revised_at = models.DateTimeField(null=True, blank=True)
    revised_after_suggestion = models.BooleanField(default=False)
    # Bumped by every write to what readers see; keys the stored rendering and every cached page.
    content_revision = models.PositiveIntegerField(default=1, editable=False)
    # The next stable key to hand out. Keys only ever grow, so a retired key is never given to another text.
    next_section_key = models.PositiveIntegerField(default=1, editable=False)
    next_unit_key = models.PositiveIntegerField(default=1, editable=False)
    # The latest version a clinician has reviewed (articles/reviews.py), so pages show it without a query.
    reviewed_version = models.ForeignKey(
        "ArticleVersion", on_delete=models.SET_NULL, null=True, blank=True, editable=False, related_name="+"
    )

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=["draft", "published"]), name="articles_article_status_valid"
            ),
            models.CheckConstraint(condition=~models.Q(title=""), name="articles_article_title_not_blank"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("articles:detail", args=[self.slug])

    @property
    def version(self):
        return f"{self.version_major}.{self.version_minor}"

    @property
    def is_published(self):
        return self.status == self.Status.PUBLISHED


class ArticleSource(models.Model):
    """A source's number in one article's list: the same source may be 2 here and 5 elsewhere."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="numbered_sources")
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="numbered_in")
    number = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["article", "number"]
        verbose_name = "numbered source"
        constraints = [
            models.UniqueConstraint(fields=["article", "number"], name="articles_articlesource_number_unique"),
            models.UniqueConstraint(fields=["article", "source"], name="articles_articlesource_source_unique"),
            models.CheckConstraint(condition=models.Q(number__gte=1), name="articles_articlesource_number_positive"),
        ]

    def __str__(self):
        return f"{self.number}. {self.source}"


class Section(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="sections")
    # Stable across versions: a renamed or moved section keeps it (see `key_label`).
    key = models.PositiveIntegerField()
    position = models.PositiveSmallIntegerField()
    heading = models.CharField(
        max_length=200,
        blank=True,
        help_text="Leave blank for matter shown before the first heading, such as the figure.",
    )

    class Meta:
        ordering = ["article", "position"]
        constraints = [
            models.UniqueConstraint(fields=["article", "position"], name="articles_section_position_unique"),
            models.UniqueConstraint(fields=["article", "key"], name="articles_section_key_unique"),
        ]

    def __str__(self):
        return self.heading or "(opening matter)"

    @property
    def anchor(self):
        return heading_anchor(self.heading)

    @property
    def key_label(self):
        return section_key_label(self.key)


def heading_anchor(heading):
    """The id of a section's heading: its slug, kept clear of the page's own ids and of stable keys."""
    anchor = slugify(heading)
    if UNIT_KEY.fullmatch(anchor) or SECTION_KEY.fullmatch(anchor) or anchor in RESERVED_ANCHORS:
        anchor += "-section"
    return anchor


RESERVED_ANCHORS = {
    "",
    "article",
    "sources",
    "see-also",
    "suggest",
    "contents",
    "toc-heading",
    "glance-heading",
    "related",
    "related-sources",
    "mentioned-in",
    "cite",
    "cite-heading",
}
# Words a tier rule's heading may leave out: "Contraindications and Cautions" matches "Contraindications,
# Cautions & Cultural Humility".
HEADING_FILLER_WORDS = {"and", "or", "the", "of", "a", "an", "for", "in", "to"}


def heading_words(heading):
    """The words of a heading for tier-rule matching: case, accents' forms, punctuation, “&” and filler ignored."""
    text = unicodedata.normalize("NFKC", heading or "").casefold().replace("&", " and ")
    return {word for word in re.findall(r"\w+", text) if word not in HEADING_FILLER_WORDS}


class BlockKind(models.TextChoices):  # module level so Block.Meta can use it
    PARAGRAPH = "paragraph", "Paragraph"
    EXAMPLE = "example", "Illustrative example"
    QUESTIONS = "questions", "Question list"
    KEY_TERMS = "key_terms", "Key terms"
    SMART = "smart", "SMART objectives"
    FIGURE = "figure", "Figure"
    VIDEO = "video", "Video resource"
    FRAMING = "framing", "Therapeutic framing"


class Block(models.Model):
    Kind = BlockKind

    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="blocks")
    position = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=12, choices=BlockKind, default=BlockKind.PARAGRAPH)
    image = models.CharField(
        max_length=300, blank=True, help_text="Figures only: path of the image under static/, e.g. articles/wheel.svg."
    )
    alt_text = models.TextField(blank=True, help_text="Figures only: what the image shows, for screen readers.")
    video = models.ForeignKey(
        ArticleSource,
        on_delete=models.RESTRICT,  # refuses removing the source alone, allows deleting the whole article
        null=True,
        blank=True,
        related_name="+",
        help_text="Video resources only: the numbered source that is the video.",
    )

    class Meta:
        ordering = ["section", "position"]
        constraints = [
            models.UniqueConstraint(fields=["section", "position"], name="articles_block_position_unique"),
            models.CheckConstraint(condition=models.Q(kind__in=BlockKind.values), name="articles_block_kind_valid"),
            models.CheckConstraint(
                condition=~models.Q(kind="figure") | (~models.Q(image="") & ~models.Q(alt_text="")),
                name="articles_block_figure_has_image_and_alt",
            ),
            models.CheckConstraint(
                condition=~models.Q(kind="video") | models.Q(video__isnull=False),
                name="articles_block_video_has_source",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.position}"

    def clean(self):
        if self.kind == self.Kind.FIGURE and not (self.image and self.alt_text):
            raise ValidationError("A figure needs an image and alt text.", code="figure_incomplete")
        if self.kind == self.Kind.VIDEO and self.video_id is None:
            raise ValidationError({"video": "A video resource needs its source."}, code="video_without_source")


# A provenance marker as the text format writes it ([1], [2,7], [LLM]); never part of a unit's own
# text, where a literal bracket is escaped (\[) and a Markdown link's [text](url) is not a marker.
# Source numbers in ASCII digits, a few of them: "[١]" or a 5,000-digit number is no marker but text.
SOURCE_NUMBER = r"[0-9]{1,6}"
MARKER_IN_TEXT = re.compile(rf"(?<!\\)\[(LLM|{SOURCE_NUMBER}(?:\s*,\s*{SOURCE_NUMBER})*)\](?!\()")
MARKER_RE = re.compile(rf"^(?:LLM|{SOURCE_NUMBER}(?:[ ,]+{SOURCE_NUMBER})*)$")


def parse_marker(marker):
    """Turn a provenance marker ("LLM", "2 7", "2,7") into (is_llm, [numbers]).

    Raises ValidationError for anything else, including an empty marker: every unit needs provenance.
    """
    marker = (marker or "").strip()
    if not marker:
        raise ValidationError("Every sentence needs provenance: source numbers or LLM.", code="provenance_missing")
    if marker.upper() == "LLM":
        return True, []
    if not MARKER_RE.match(marker):
        raise ValidationError(
            "Provenance must be LLM or source numbers separated by spaces, e.g. “2 7”; got %(marker)s.",
            code="provenance_malformed",
            params={"marker": marker},
        )
    numbers = [int(n) for n in re.split(r"[ ,]+", marker)]
    if len(set(numbers)) != len(numbers):
        raise ValidationError(
            "A source is cited twice in “%(marker)s”.", code="provenance_duplicate", params={"marker": marker}
        )
    return False, numbers


class Unit(models.Model):
    """A sentence-level unit: a sentence, caption, key-term definition, SMART row or question.

    Each carries provenance: citations to the article's numbered sources, or the LLM tag, never neither
    and never both. Model validation checks it (`validate_provenance`); on PostgreSQL a deferred
    constraint trigger checks it again at commit.
    """

    # The article too, so that a key is unique per article and a unit is found by its key in one lookup.
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="units")
    # Stable across versions: an edited sentence keeps it, a new one gets a fresh one (see `key_label`).
    key = models.PositiveIntegerField()
    block = models.ForeignKey(Block, on_delete=models.CASCADE, related_name="units")
    position = models.PositiveSmallIntegerField()
    text = models.TextField(help_text="The sentence up to its provenance marker; for a SMART row, the mechanism.")
    # Closing punctuation shown after the marker ("…positive psychology 1."); empty when the text
    # already ends itself, as captions and quoted examples do.
    end = models.CharField(max_length=3, blank=True, default="")
    term = models.CharField(max_length=200, blank=True, help_text="Key terms only: the term defined.")
    goal = models.CharField(max_length=300, blank=True, help_text="SMART rows only: the goal.")
    objective = models.TextField(blank=True, help_text="SMART rows only: the SMART objective.")
    is_llm = models.BooleanField(
        "LLM-written",
        default=False,
        help_text="Model-written and unsourced. A unit either cites sources or is LLM-written.",
    )
    sources = models.ManyToManyField(ArticleSource, through="Citation", related_name="cited_by")

    class Meta:
        ordering = ["block", "position"]
        constraints = [
            models.UniqueConstraint(fields=["block", "position"], name="articles_unit_position_unique"),
            models.UniqueConstraint(fields=["article", "key"], name="articles_unit_key_unique"),
            models.CheckConstraint(condition=~models.Q(text=""), name="articles_unit_text_not_blank"),
            models.CheckConstraint(
                condition=models.Q(end__in=["", ".", "?", "!", ";", ":"]), name="articles_unit_end_valid"
            ),
        ]

    def __str__(self):
        return self.text[:80]

    @property
    def key_label(self):
        return unit_key_label(self.key)

    def validate_provenance(self, numbers, known_numbers):
        """Check a unit's intended provenance before it is written.

        `numbers` are the citations to store, `known_numbers` the article's source numbers.
        """
        if self.is_llm and numbers:
            raise ValidationError("A unit is either LLM-written or cites sources, not both.", code="provenance_both")
        if not self.is_llm and not numbers:
            raise ValidationError("Every sentence needs provenance: source numbers or LLM.", code="provenance_missing")
        unknown = sorted(set(numbers) - set(known_numbers))
        if unknown:
            raise ValidationError(
                "Cites source %(numbers)s, which the article's source list does not have.",
                code="provenance_unknown_source",
                params={"numbers": ", ".join(map(str, unknown))},
            )


class Citation(models.Model):
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="citations")
    # RESTRICT, not PROTECT: a cited source cannot be removed on its own, but the article can be deleted.
    article_source = models.ForeignKey(ArticleSource, on_delete=models.RESTRICT, related_name="citations")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["unit", "position"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "article_source"], name="articles_citation_unique"),
        ]

    def __str__(self):
        return f"{self.unit_id} → {self.article_source_id}"


class Vote(models.Model):
    """One upvote per browser: `voter` is a hash of the browser's random voter cookie."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="votes")
    voter = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["article", "voter"], name="articles_vote_one_per_browser"),
        ]

    def __str__(self):
        return f"{self.article} · {self.voter[:8]}"


def reading_minutes(word_count):
    return max(1, math.ceil(word_count / WORDS_PER_MINUTE))


class ArticleRendering(models.Model):
    """The article's page body and JSON, rendered when its content changes so reads cost one query.

    A rendering serves only the content revision it was made from, and only while the templates and code
    that made it are unchanged (`renderer`); otherwise the next read rebuilds it.
    """

    article = models.OneToOneField(Article, on_delete=models.CASCADE, related_name="rendering", primary_key=True)
    revision = models.PositiveIntegerField(default=0, help_text="The article's content revision rendered here.")
    lead_html = models.TextField()
    # The empty "Suggest a revision" form.
    suggest_html = models.TextField(default="")
    # The whole page as every reader with nothing personal on it sees it, but for the vote count (see
    # rendering.reader_page_with_votes): served with no template rendering at all. Kept as UTF-8 bytes, so
    # serving it neither encodes 100 kB of text nor copies it as wide characters to fill in the count.
    reader_page = models.BinaryField(default=b"")
    # The last day the stored page reads true: it says how old the newest source is this year, and whether
    # a clinical review is overdue. After it, the next reader's request renders the article again.
    reader_valid_until = models.DateField(null=True, blank=True)
    summary_html = models.TextField()
    body_html = models.TextField()
    # Where each section's and source entry's HTML lies in body_html, by the digest of what it was made from
    # (rendering.piece_spans): the next publish reuses the pieces it left alone.
    section_spans = models.JSONField(default=dict)
    # The article as its JSON endpoint serves it, serialised once; the endpoint adds url and upvotes.
    json = models.TextField()
    llm_unit_count = models.PositiveIntegerField(default=0)  # for the page's "N hidden" note, without loading data
    # Listing figures, stored in columns so listings show and sort by them without touching the units.
    unit_count = models.PositiveIntegerField(default=0, help_text="Sentence-level units in the article.")
    sourced_percent = models.PositiveSmallIntegerField(default=0, help_text="Share of units citing a source.")
    # What the page header, listings and the editors' dashboard show of the evidence (articles/evidence.py):
    # shares by tier, sentences citing withdrawn sources, tier-rule breaches, back-links. Made with the
    # rendering, so none of them costs a query per request.
    figures = models.JSONField(default=dict)
    # The newest year among the cited sources that still stand, and among the T1 ones: listings sort by it.
    evidence_year = models.PositiveSmallIntegerField(null=True, blank=True)
    newest_t1_year = models.PositiveSmallIntegerField(null=True, blank=True)
    # Fingerprint of the templates and code that produced it, so a deploy that changes them re-renders.
    renderer = models.CharField(max_length=16)
    rendered_at = models.DateTimeField()

    def __str__(self):
        return f"Rendering of {self.article_id} at revision {self.revision}"

    def is_current_for(self, article, renderer):
        # A rendering stored before evidence figures existed has none: it is rendered again.
        return self.renderer == renderer and self.revision == article.content_revision and bool(self.figures)


class ArticleVersionQuerySet(models.QuerySet):
    def for_history(self):
        """The versions list: newest first, without the snapshots' bulk."""
        return self.defer("data").select_related("published_by").order_by("-major", "-minor")


def review_is_overdue(version, today=None):
    """Whether a reviewed version's next clinical review is past due, as of `today` (by default, today)."""
    today = today or timezone.localdate()
    return version is not None and version.next_review_due is not None and version.next_review_due < today


class ArticleVersion(models.Model):
    """A published version of an article, kept whole so it can be read and compared at a stable URL.

    The versions are the article's one public content history: every change readers see is one of them.
    """

    class Kind(models.TextChoices):
        EDIT = "edit", "Edited"
        IMPORT = "import", "Imported"
        REVERT = "revert", "Reverted"
        LIBRARY = "library", "Library correction"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="versions")
    major = models.PositiveSmallIntegerField()
    minor = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=10, choices=Kind, default=Kind.EDIT)
    published_at = models.DateTimeField()
    summary = models.CharField(max_length=300, blank=True, help_text="What changed, in a line.")
    data = models.JSONField(help_text="The article as it read in this version, in the import and export shape.")
    # Where the change came from: copied at publication, so history reads without joining the queue.
    suggestion_id = models.PositiveIntegerField(null=True, blank=True)
    suggestion_category = models.CharField(max_length=50, blank=True)
    credit = models.CharField(max_length=200, blank=True, help_text="How the suggester is credited publicly.")
    published_by = models.ForeignKey("auth.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    # A clinician's review of this version's text, recorded by an editor (articles/reviews.py).
    reviewer = models.CharField(
        max_length=200, blank=True, help_text="The reviewing clinician, e.g. “Dr Alex Example”."
    )
    reviewer_credentials = models.CharField(
        max_length=200, blank=True, help_text="Their qualification, e.g. “PhD, clinical psychologist”."
    )
    reviewed_on = models.DateField(null=True, blank=True)
    next_review_due = models.DateField(null=True, blank=True)
    review_recorded_by = models.ForeignKey(
        "auth.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    review_recorded_at = models.DateTimeField(null=True, blank=True)

    objects = ArticleVersionQuerySet.as_manager()

    class Meta:
        ordering = ["article", "-major", "-minor"]
        constraints = [
            models.UniqueConstraint(fields=["article", "major", "minor"], name="articles_articleversion_unique"),
            models.CheckConstraint(
                condition=models.Q(kind__in=["edit", "import", "revert", "library"]),
                name="articles_articleversion_kind_valid",
            ),
            # A review names who, with what credentials, when, and when the next is due; or nothing at all.
            models.CheckConstraint(
                condition=models.Q(reviewer="", reviewer_credentials="", reviewed_on=None, next_review_due=None)
                | (
                    ~models.Q(reviewer="")
                    & ~models.Q(reviewer_credentials="")
                    & models.Q(reviewed_on__isnull=False, next_review_due__gt=models.F("reviewed_on"))
                ),
                name="articles_articleversion_review_complete",
            ),
        ]

    def __str__(self):
        return f"{self.article_id} v{self.version}"

    def get_absolute_url(self):
        return reverse("articles:version", args=[self.article.slug, self.version])

    @property
    def version(self):
        return f"{self.major}.{self.minor}"

    @property
    def is_reviewed(self):
        return self.reviewed_on is not None

    @property
    def reviewer_label(self):
        """“Dr Alex Example, PhD, clinical psychologist”: who reviewed it, as pages show it."""
        return f"{self.reviewer}, {self.reviewer_credentials}" if self.reviewer_credentials else self.reviewer

    @property
    def published_by_label(self):
        """Who published it, as history shows it. If published_by is not loaded already, this queries."""
        if self.published_by_id is None:
            return "the wiki"
        return self.published_by.get_full_name() or self.published_by.get_username()


class UnitEventQuerySet(models.QuerySet):
    def for_sentence_history(self):
        """Oldest first, with who published each version, and the source lists each event's markers number
        from: `new_sources`, its own version's, and `old_sources`, the version's before it (None for a first
        version). Only the snapshots' source lists are read, in the same query."""
        earlier = ArticleVersion.objects.filter(article=models.OuterRef("article_id")).filter(
            models.Q(major__lt=models.OuterRef("version__major"))
            | models.Q(major=models.OuterRef("version__major"), minor__lt=models.OuterRef("version__minor"))
        )
        return (
            self.select_related("version__published_by")
            .defer("version__data")
            .annotate(
                new_sources=KeyTransform("sources", "version__data"),
                old_sources=models.Subquery(earlier.order_by("-major", "-minor").values("data__sources")[:1]),
            )
            .order_by("version__major", "version__minor")
        )


class UnitEvent(models.Model):
    """What a version did to one sentence: added it, edited its text or provenance, removed or restored it.

    Written when a version is published, so a sentence's history is one indexed read by its key.
    """

    class Action(models.TextChoices):
        ADDED = "added", "Added"
        CHANGED = "changed", "Changed"
        REMOVED = "removed", "Removed"
        RESTORED = "restored", "Restored"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="unit_events")
    key = models.PositiveIntegerField()
    version = models.ForeignKey(ArticleVersion, on_delete=models.CASCADE, related_name="unit_events")
    action = models.CharField(max_length=10, choices=Action)
    text_changed = models.BooleanField(default=False)
    provenance_changed = models.BooleanField(default=False)
    # The sentence as readers saw it before and after (with its key term or SMART cells), and its marker
    # in each version's own source numbering ("2 7" or "llm").
    old_text = models.TextField(blank=True)
    new_text = models.TextField(blank=True)
    old_provenance = models.CharField(max_length=100, blank=True)
    new_provenance = models.CharField(max_length=100, blank=True)
    section_heading = models.CharField(max_length=200, blank=True)

    objects = UnitEventQuerySet.as_manager()

    class Meta:
        ordering = ["article", "key", "version__major", "version__minor"]
        indexes = [models.Index(fields=["article", "key"], name="articles_unitevent_key_idx")]
        constraints = [
            models.UniqueConstraint(fields=["version", "key"], name="articles_unitevent_once_per_version"),
            models.CheckConstraint(
                condition=models.Q(action__in=["added", "changed", "removed", "restored"]),
                name="articles_unitevent_action_valid",
            ),
        ]

    def __str__(self):
        return f"{unit_key_label(self.key)} {self.action} in {self.version_id}"

    @property
    def key_label(self):
        return unit_key_label(self.key)


class TierRule(models.Model):
    """An evidence standard for sections with a given heading, set by editors.

    Every sentence in a matching section cites at least one source of `min_tier` or stronger, or, where
    `allow_llm` says so, is LLM-tagged, and the page then highlights it whatever the reader's LLM setting. A
    draft that breaks an enforced rule cannot be published (`revisions.services.publication_blocker`).
    """

    heading = models.CharField(
        max_length=200,
        help_text="Applies to every section whose heading contains all these words; case, punctuation, “&” "
        "and words such as “and” are ignored, so “Contraindications and Cautions” matches “Contraindications, "
        "Cautions & Cultural Humility”.",
    )
    min_tier = models.CharField(
        "weakest tier accepted",
        max_length=2,
        choices=Tier,
        default=Tier.T2,
        help_text="Each sentence cites at least one source of this tier or a stronger one.",
    )
    allow_llm = models.BooleanField(
        "LLM-tagged sentences allowed",
        default=True,
        help_text="LLM-tagged sentences pass and are highlighted on the page; otherwise they break the rule.",
    )
    enforced = models.BooleanField(
        default=True, help_text="Blocks publishing a draft that breaks it; when off, breaches are only reported."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["heading"]
        constraints = [
            models.CheckConstraint(condition=models.Q(min_tier__in=Tier.values), name="articles_tierrule_tier_valid"),
            models.CheckConstraint(condition=~models.Q(heading=""), name="articles_tierrule_heading_not_blank"),
            models.UniqueConstraint(
                Lower("heading"),
                name="articles_tierrule_heading_unique",
                violation_error_message="A rule for this heading exists already: change that one.",
            ),
        ]

    def __str__(self):
        return f"“{self.heading}”: {self.requirement}"

    def clean(self):
        if self.heading and not heading_words(self.heading):
            raise ValidationError({"heading": "Give at least one word of the heading."}, code="heading_without_words")

    @property
    def requirement(self):
        """What the rule asks, in a phrase: “cite a T1 or T2 source, or be LLM-tagged”."""
        tiers = Tier.values[: Tier.values.index(self.min_tier) + 1]
        accepted = " or ".join([", ".join(tiers[:-1]), tiers[-1]] if len(tiers) > 1 else tiers)
        return f"cite a {accepted} source" + (", or be LLM-tagged" if self.allow_llm else "")

    def applies_to(self, heading):
        """Whether the rule governs a section with this heading; the untitled opening matter has no rules."""
        words = heading_words(self.heading)
        return bool(words) and bool(heading) and words <= heading_words(heading)

    def accepts(self, *, is_llm, tiers):
        """Whether a sentence passes: LLM-tagged where the rule allows it, or citing a strong enough source."""
        if is_llm:
            return self.allow_llm
        return any(TIER_RANK.get(tier, len(TIER_RANK)) <= TIER_RANK[self.min_tier] for tier in tiers)


class SearchDocument(models.Model):
    """An article as search reads it: the weighted fields of its published text, kept in step by publishing.

    On PostgreSQL a trigger (migration 0011) fills `vector`, weighting the title and key terms (A) above the
    lead (B) and the lead above the sentences (C); on SQLite triggers keep an FTS5 table over the same
    fields and `vector` stays empty. Written by `articles.search_index`, never by hand.
    """

    article = models.OneToOneField(Article, on_delete=models.CASCADE, related_name="search_document", primary_key=True)
    revision = models.PositiveIntegerField(default=0, help_text="The article's content revision indexed here.")
    title = models.CharField(max_length=200)
    key_terms = models.TextField(blank=True)
    lead = models.TextField(blank=True)
    body = models.TextField(blank=True)
    # Copied from the rendering's evidence figures, so "sourced share at least …" filters without a join.
    sourced_percent = models.PositiveSmallIntegerField(default=0)
    vector = SearchVectorField(null=True, editable=False)
    # The title alone (PostgreSQL): ranking counts how many of the query's words the title holds.
    title_vector = SearchVectorField(null=True, editable=False)

    def __str__(self):
        return f"Search document of {self.article_id}"


class SearchSentence(models.Model):
    """One sentence of a published article as search shows it: plain text, its key and its provenance."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="search_sentences")
    key = models.PositiveIntegerField()
    text = models.TextField()
    # "2 7" or "llm", as the page's data-provenance says; the strongest tier cited, for the marker's look.
    provenance = models.CharField(max_length=100)
    best_tier = models.CharField(max_length=2, blank=True)
    vector = SearchVectorField(null=True, editable=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["article", "key"], name="articles_searchsentence_key_unique"),
        ]

    def __str__(self):
        return f"{self.article_id} {unit_key_label(self.key)}"

    @property
    def key_label(self):
        return unit_key_label(self.key)


class SearchTerm(models.Model):
    """A word that occurs in published text: what "did you mean" suggests from. Only ever grows."""

    word = models.CharField(max_length=64, unique=True)

    def __str__(self):
        return self.word


def content_revision_bump(article_ids):
    """Move on the content revision of these articles, for a change to what their pages show beside their
    text (related lists, another article's title, a tier rule, a link's state): every stored and cached page
    of them is replaced. Their search entries move on with them, as such a change leaves those as they are;
    so an entry behind its article's revision means one that needs indexing. Two updates (a queryset of ids
    stays a subquery); returns how many articles."""
    ids = article_ids if isinstance(article_ids, QuerySet) else list(article_ids)
    # The article rows first, as a publish locks them: the other order deadlocks with one on PostgreSQL.
    bumped = Article.objects.filter(pk__in=ids).update(content_revision=F("content_revision") + 1)
    SearchDocument.objects.filter(article_id__in=ids).update(revision=F("revision") + 1)
    return bumped
