"""Articles related to an article beyond the editors' "see also": those citing the same library sources, and
those whose text names its title ("mentioned in").

Both are found when the article is rendered (two queries) and stored with its page, so the page costs
nothing more to read. They depend on other articles, so publishing an article moves on the content revision
of each article whose lists it joins, leaves or is shown in under another title
(`article_related_refresh`): those are rendered again on their next read, as a stale rendering always is.
"""

import re

from django.db.models import Count, Q

from .models import Article, ArticleSource, Unit, content_revision_bump

# Enough to browse by, few enough that a source cited everywhere does not make every page a directory.
RELATED_LIMIT = 8


def title_pattern(title):
    """A title as a whole phrase in running text, any case: "Anger" names anger, not "dangerous"."""
    return re.compile(r"(?<!\w)" + re.escape(title.strip()) + r"(?!\w)", re.IGNORECASE)


def citing_same_sources(article, source_ids):
    """Other published articles whose source lists share a library source with this one, most shared
    first, each with `shared` (how many). One query."""
    if not source_ids:
        return []
    return list(
        Article.objects.published()
        .exclude(pk=article.pk)
        .filter(numbered_sources__source_id__in=list(source_ids))
        .annotate(shared=Count("numbered_sources"))
        .order_by("-shared", "title")
        .only("slug", "title")[:RELATED_LIMIT]
    )


def mentioned_in(article):
    """Other published articles whose lead or sentences name this article's title, by title. One query.

    The database narrows the rows with a case-insensitive substring match; the whole-phrase test is done
    here, since SQLite and PostgreSQL do not share a word-boundary syntax.
    """
    title = article.title.strip()
    if not title:
        return []
    published = Article.Status.PUBLISHED
    in_units = (
        Unit.objects.filter(article__status=published, text__icontains=title)
        .exclude(article_id=article.pk)
        .values_list("article_id", "article__slug", "article__title", "text")
        .order_by()
    )
    in_leads = (
        Article.objects.filter(status=published, lead__icontains=title)
        .exclude(pk=article.pk)
        .values_list("pk", "slug", "title", "lead")
        .order_by()
    )
    pattern = title_pattern(title)
    found = {}
    for pk, slug, other_title, text in in_units.union(in_leads):
        if pk not in found and pattern.search(text):
            found[pk] = {"slug": slug, "title": other_title}
    return sorted(found.values(), key=lambda a: a["title"].casefold())[:RELATED_LIMIT]


def article_text(data):
    """All the words of an article in the import/export shape: its lead and every unit's text."""
    parts = [data.get("lead", "")]
    for section in data.get("sections", []):
        for block in section.get("blocks", []):
            for unit in block.get("units", []):
                parts.extend(unit.get(name, "") for name in ("term", "goal", "objective", "text"))
    return "\n".join(p for p in parts if p)


def _titles_named(text, titles):
    """The ids among `titles` ({id: title}) that `text` names as whole phrases."""
    folded = text.casefold()
    return {pk for pk, title in titles.items() if title.casefold() in folded and title_pattern(title).search(text)}


def article_related_refresh(*, article, old_data, new_data, was_published):
    """After `article` was written, move on the content revision of every article whose related lists
    change with it, so they are rendered again on their next read. Three queries, two of them updates.

    An article shows this one under "mentioned in" while this one's text names it, and under "citing the
    same sources" while they share a source. If this article's title or visibility changed, every article
    it was or is listed on is concerned; otherwise only those whose membership changed.
    """
    old_data = old_data or {}
    titles = dict(Article.objects.exclude(pk=article.pk).values_list("pk", "title"))
    old_named = _titles_named(article_text(old_data), titles) if old_data else set()
    new_named = _titles_named(article_text(new_data), titles)
    old_sources = {s["id"] for s in old_data.get("sources", [])}
    new_sources = {s["id"] for s in new_data.get("sources", [])}
    shown_differently = not old_data or old_data.get("title") != new_data.get("title")
    shown_differently |= was_published != article.is_published
    if shown_differently:
        named, sources = old_named | new_named, old_sources | new_sources
    else:
        named, sources = old_named ^ new_named, old_sources ^ new_sources
    if not named and not sources:
        return 0
    listing = Article.objects.filter(Q(pk__in=named) | Q(pk__in=_sharing(sources))).exclude(pk=article.pk)
    return content_revision_bump(listing.values_list("pk", flat=True))


def _sharing(source_ids):
    return ArticleSource.objects.filter(source_id__in=list(source_ids)).values("article_id")
