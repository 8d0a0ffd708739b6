"""Atom feeds of newly published versions, site-wide and per article; each entry links to its compare page.

Addresses come from SITE_URL, so a feed reads the same whatever host it was fetched through. Each feed is
one query (two for an article's: the article, then its versions): the version each entry is compared with
is found by a window function in the same query, not a query per entry.
"""

import re

from django.contrib.syndication.views import Feed
from django.db.models import F, Window
from django.db.models.functions import Lag
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape

from .citations import SITE_NAME, absolute_url, version_permalink
from .models import Article, ArticleVersion

FEED_ENTRIES = 50
# Characters XML 1.0 cannot carry: one in any entry would make the whole feed unserialisable. Writes refuse
# them; whatever older data holds is shown as U+FFFD rather than failing every reader of the feed.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _xml_text(text):
    return _NOT_XML.sub("\ufffd", text)


def _with_previous(versions):
    """Versions, each annotated with the version of the same article published just before it."""
    order = [F("major").asc(), F("minor").asc()]
    return versions.annotate(
        previous_major=Window(Lag("major"), partition_by=[F("article_id")], order_by=order),
        previous_minor=Window(Lag("minor"), partition_by=[F("article_id")], order_by=order),
    )


def version_entries(versions):
    """The newest published versions among `versions`, newest first, with their articles."""
    versions = versions.filter(article__status=Article.Status.PUBLISHED)
    return list(
        _with_previous(versions)
        .select_related("article")
        .defer("data", "article__lead")
        .order_by("-published_at", "-pk")[:FEED_ENTRIES]
    )


def compare_url(version):
    """The compare page of a version with the one before it; a first version's own page."""
    slug = version.article.slug
    if version.previous_major is None:
        return version_permalink(slug, version.version)
    previous = f"{version.previous_major}.{version.previous_minor}"
    return absolute_url(f"{reverse('articles:compare', args=[slug])}?from={previous}&to={version.version}")


class VersionsFeed(Feed):
    feed_type = Atom1Feed
    title = f"New versions · {SITE_NAME}"
    subtitle = "Every newly published version of every article, linked to what changed."
    author_name = SITE_NAME

    def link(self):
        return absolute_url(reverse("articles:home"))

    def feed_url(self):
        return absolute_url(reverse("articles:feed"))

    def items(self):
        return version_entries(ArticleVersion.objects.all())

    def item_title(self, item):
        return _xml_text(f"{item.article.title}, version {item.version}")

    def item_description(self, item):
        # Atom's summary is HTML: every word of it is the editors', so it is escaped.
        what = _xml_text(item.summary or item.get_kind_display())
        if item.previous_major is None:
            return escape(f"First published version. {what}")
        return escape(f"{what} (changed from version {item.previous_major}.{item.previous_minor}).")

    def item_link(self, item):
        return compare_url(item)

    def item_guid(self, item):
        return version_permalink(item.article.slug, item.version)

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.published_at


class ArticleVersionsFeed(VersionsFeed):
    subtitle = "Every newly published version of this article, linked to what changed."

    def get_object(self, request, slug):
        return get_object_or_404(Article.objects.published().only("pk", "slug", "title"), slug=slug)

    def title(self, obj):
        return _xml_text(f"{obj.title}: new versions · {SITE_NAME}")

    def link(self, obj):
        return absolute_url(obj.get_absolute_url())

    def feed_url(self, obj):
        return absolute_url(reverse("articles:article_feed", args=[obj.slug]))

    def items(self, obj):
        return version_entries(ArticleVersion.objects.filter(article=obj))
