from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from simple_history.models import HistoricalRecords

from .identifiers import doi_url, isbn_display, isbn_url, pubmed_url, validate_doi, validate_isbn, validate_pmid
from .video import video_embed, video_search


class Tier(models.TextChoices):
    T1 = "T1", "T1 · peer-reviewed or primary"
    T2 = "T2", "T2 · expert or organisational"
    T3 = "T3", "T3 · tertiary (encyclopaedia, blog, video)"


# Strongest first: a lower rank is stronger evidence.
TIER_RANK = {tier: rank for rank, tier in enumerate(Tier.values)}


class Kind(models.TextChoices):
    ARTICLE = "article", "Article"
    BOOK = "book", "Book"
    WEBSITE = "website", "Website"
    VIDEO = "video", "Video"


class SourceStatus(models.TextChoices):  # module level so Source.Meta can use it
    CURRENT = "current", "Current"
    SUPERSEDED = "superseded", "Superseded"
    RETRACTED = "retracted", "Retracted"
    LINK_BROKEN = "link_broken", "Link broken"


# Statuses that mark every sentence citing the source: the work no longer stands as evidence.
WITHDRAWN_STATUSES = (SourceStatus.RETRACTED, SourceStatus.SUPERSEDED)


class Source(models.Model):
    """A published work that articles cite; each article numbers its sources in its own list."""

    title = models.CharField(max_length=500)
    authors = models.CharField(max_length=500, blank=True, help_text="As cited, e.g. “Neff, K. D.”.")
    year = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1000), MaxValueValidator(9999)]
    )
    container = models.CharField(
        max_length=500, blank=True, help_text="Journal, book, publisher or website the work appears in."
    )
    url = models.URLField(max_length=1000, blank=True, verbose_name="URL")
    doi = models.CharField(
        max_length=200,
        blank=True,
        verbose_name="DOI",
        validators=[validate_doi],
        help_text="Without the https://doi.org/ prefix, e.g. 10.1146/annurev-psych-032420-031047.",
    )
    pmid = models.CharField(
        max_length=20, blank=True, verbose_name="PMID", validators=[validate_pmid], help_text="PubMed ID: digits only."
    )
    isbn = models.CharField(
        max_length=13,
        blank=True,
        verbose_name="ISBN",
        validators=[validate_isbn],
        help_text="Books: the 10- or 13-digit ISBN; hyphens are dropped and the check digit is verified.",
    )
    kind = models.CharField(max_length=10, choices=Kind, default=Kind.ARTICLE)
    tier = models.CharField(max_length=2, choices=Tier, help_text="T1 is the strongest evidence.")
    # Whether the work still stands. Shown beside every citation of it; retracted and superseded mark each
    # citing sentence. The link checker (manage.py check_source_links) sets and clears "link broken".
    status = models.CharField(max_length=12, choices=SourceStatus, default=SourceStatus.CURRENT)
    superseded_by = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="supersedes",
        help_text="Superseded sources only: the newer work that replaces it.",
    )
    retracted_on = models.DateField(null=True, blank=True, help_text="Retracted sources only: the retraction's date.")
    retraction_notice = models.URLField(
        max_length=1000, blank=True, help_text="Retracted sources only: the address of the retraction notice."
    )
    link_checked_at = models.DateTimeField(null=True, blank=True, editable=False)
    link_check_result = models.CharField(
        max_length=200, blank=True, editable=False, help_text="What the last link check found, e.g. “HTTP 404”."
    )
    link_ok = models.BooleanField(
        null=True, editable=False, help_text="The last link check's verdict; unset until checked."
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["tier", "title"]
        constraints = [
            models.CheckConstraint(condition=models.Q(tier__in=Tier.values), name="sources_source_tier_valid"),
            models.CheckConstraint(condition=models.Q(kind__in=Kind.values), name="sources_source_kind_valid"),
            models.CheckConstraint(condition=~models.Q(title=""), name="sources_source_title_not_blank"),
            models.CheckConstraint(
                condition=models.Q(status__in=SourceStatus.values), name="sources_source_status_valid"
            ),
            # A superseded source names what supersedes it, and only a superseded source does.
            models.CheckConstraint(
                condition=models.Q(status=SourceStatus.SUPERSEDED, superseded_by__isnull=False)
                | (~models.Q(status=SourceStatus.SUPERSEDED) & models.Q(superseded_by__isnull=True)),
                name="sources_source_superseded_by_iff_superseded",
            ),
            models.CheckConstraint(
                condition=~models.Q(superseded_by=models.F("id")), name="sources_source_not_superseded_by_itself"
            ),
            # A retraction is shown with its date and notice; other sources carry neither.
            models.CheckConstraint(
                condition=(
                    models.Q(status=SourceStatus.RETRACTED, retracted_on__isnull=False)
                    & ~models.Q(retraction_notice="")
                )
                | (
                    ~models.Q(status=SourceStatus.RETRACTED)
                    & models.Q(retracted_on__isnull=True)
                    & models.Q(retraction_notice="")
                ),
                name="sources_source_retraction_iff_retracted",
            ),
            models.CheckConstraint(
                condition=~models.Q(status=SourceStatus.LINK_BROKEN) | ~models.Q(url=""),
                name="sources_source_link_broken_has_url",
            ),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        errors = {}
        if self.status == SourceStatus.SUPERSEDED and self.superseded_by_id is None:
            errors["superseded_by"] = ValidationError(
                "Name the source that supersedes it.", code="superseded_by_missing"
            )
        if self.status != SourceStatus.SUPERSEDED and self.superseded_by_id is not None:
            errors["superseded_by"] = ValidationError(
                "Only a superseded source names a successor: clear this, or set the status to superseded.",
                code="superseded_by_unexpected",
            )
        if self.superseded_by_id is not None and self.superseded_by_id == self.pk:
            errors["superseded_by"] = ValidationError("A source cannot supersede itself.", code="superseded_by_self")
        if self.status == SourceStatus.RETRACTED:
            if self.retracted_on is None:
                errors["retracted_on"] = ValidationError("Give the retraction's date.", code="retracted_on_missing")
            if not self.retraction_notice:
                errors["retraction_notice"] = ValidationError(
                    "Give the address of the retraction notice.", code="retraction_notice_missing"
                )
        else:
            for name in ("retracted_on", "retraction_notice"):
                if getattr(self, name):
                    errors[name] = ValidationError(
                        "Only a retracted source has a retraction: clear this, or set the status to retracted.",
                        code="retraction_unexpected",
                    )
        if self.status == SourceStatus.LINK_BROKEN and not self.url:
            errors["status"] = ValidationError("Only a source with a URL can have a broken link.", code="no_url")
        if errors:
            raise ValidationError(errors)

    @property
    def link(self):
        """Where the reader can find the work: its URL, else its DOI, PubMed or WorldCat page."""
        return self.url or self.doi_url or self.pubmed_url or self.isbn_url

    @property
    def doi_url(self):
        return doi_url(self.doi)

    @property
    def pubmed_url(self):
        return pubmed_url(self.pmid)

    @property
    def isbn_url(self):
        return isbn_url(self.isbn)

    @property
    def isbn_display(self):
        return isbn_display(self.isbn)

    @property
    def video_embed(self):
        """(host, player URL) when the source's URL is a video on a known host, else ("", "")."""
        return video_embed(self.url)

    @property
    def video_search(self):
        """(host, search URL) on the named video host, for a video whose address is not recorded."""
        return ("", "") if self.url else video_search(self.title, self.container)

    @property
    def is_withdrawn(self):
        """Retracted or superseded: the work no longer stands as evidence."""
        return self.status in WITHDRAWN_STATUSES
