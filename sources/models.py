from django.db import models
from simple_history.models import HistoricalRecords


class Tier(models.TextChoices):
    T1 = "T1", "T1 · peer-reviewed or primary"
    T2 = "T2", "T2 · expert or organisational"
    T3 = "T3", "T3 · tertiary (encyclopaedia, blog, video)"


class Kind(models.TextChoices):
    ARTICLE = "article", "Article"
    BOOK = "book", "Book"
    WEBSITE = "website", "Website"
    VIDEO = "video", "Video"


class Source(models.Model):
    """A published work that articles cite; each article numbers its sources in its own list."""

    title = models.CharField(max_length=500)
    authors = models.CharField(max_length=500, blank=True, help_text="As cited, e.g. “Neff, K. D.”.")
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    container = models.CharField(
        max_length=500, blank=True, help_text="Journal, book, publisher or website the work appears in."
    )
    url = models.URLField(max_length=1000, blank=True, verbose_name="URL")
    doi = models.CharField(
        max_length=200, blank=True, verbose_name="DOI", help_text="Without the https://doi.org/ prefix."
    )
    pmid = models.CharField(max_length=20, blank=True, verbose_name="PMID")
    kind = models.CharField(max_length=10, choices=Kind, default=Kind.ARTICLE)
    tier = models.CharField(max_length=2, choices=Tier, help_text="T1 is the strongest evidence.")

    history = HistoricalRecords()

    class Meta:
        ordering = ["tier", "title"]
        constraints = [
            models.CheckConstraint(condition=models.Q(tier__in=Tier.values), name="sources_source_tier_valid"),
            models.CheckConstraint(condition=models.Q(kind__in=Kind.values), name="sources_source_kind_valid"),
            models.CheckConstraint(condition=~models.Q(title=""), name="sources_source_title_not_blank"),
        ]

    def __str__(self):
        return self.title

    @property
    def link(self):
        """Where the reader can find the work: its URL, else its DOI or PubMed page."""
        if self.url:
            return self.url
        if self.doi:
            return f"https://doi.org/{self.doi}"
        if self.pmid:
            return f"https://pubmed.ncbi.nlm.nih.gov/{self.pmid}/"
        return ""
