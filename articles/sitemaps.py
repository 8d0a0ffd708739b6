"""sitemap.xml: the browse pages, every taxon and every published article, at SITE_URL's address."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Article, ArticleType, Discipline, Family


class _SiteSitemap(Sitemap):
    """Addresses at SITE_URL, never at the host the sitemap was fetched through."""

    @property
    def protocol(self):
        return urlsplit(settings.SITE_URL).scheme

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc


class BrowseSitemap(_SiteSitemap):
    changefreq = "daily"

    def items(self):
        return [
            "articles:home",
            "articles:a_to_z",
            "articles:type_index",
            "articles:discipline_index",
            "articles:family_index",
        ]

    def location(self, item):
        return reverse(item)


class TaxonSitemap(_SiteSitemap):
    """Every type, discipline or family that has a published article."""

    def __init__(self, model):
        self.model = model

    def items(self):
        return self.model.objects.filter(articles__status=Article.Status.PUBLISHED).distinct().order_by("slug")


class ArticleSitemap(_SiteSitemap):
    def items(self):
        return Article.objects.published().only("slug", "revised_at").order_by("slug")

    def lastmod(self, item):
        return item.revised_at


SITEMAPS = {
    "browse": BrowseSitemap(),
    "types": TaxonSitemap(ArticleType),
    "disciplines": TaxonSitemap(Discipline),
    "families": TaxonSitemap(Family),
    "articles": ArticleSitemap(),
}
