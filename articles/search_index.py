"""Keeps the search tables in step with published articles, inside the publish's own transaction.

`search_index_update` is given the page `article_render` built, so it reads no content of its own: one
query for the sentences indexed before, then writes only the sentences whose text or provenance changed,
the words they bring, and the article's weighted document. The database fills the vectors (PostgreSQL
triggers) or its FTS5 tables (SQLite triggers) from those rows: see migration 0012.
"""

import html
import re
import unicodedata

from django.utils.html import strip_tags

from .models import SearchDocument, SearchSentence, SearchTerm

# Control characters never reach the index: search marks its highlights with two of them.
_CONTROL = re.compile(r"[\x00-\x1f\x7f]+")
_WORD = re.compile(r"[^\W\d_]{3,64}")


def plain_text(value):
    """Text as a reader sees it: Markdown rendered, tags dropped, entities decoded, one line."""
    value = str(value)
    if "<" in value or "&" in value:  # most sentences have neither: strip_tags costs more than the rest
        value = html.unescape(strip_tags(value))
    return " ".join(_CONTROL.sub(" ", unicodedata.normalize("NFKC", value)).split())


def unit_plain_text(view):
    """A sentence as search shows it: a key term or SMART row with its term, goal and objective first."""
    unit = view.unit
    parts = [plain_text(p) for p in (unit.term, unit.goal, unit.objective, view.html) if p]
    return " · ".join(p for p in parts if p)


def words_of(text):
    # Casefolding can lengthen a word ("ß" is "ss"): one past the column's 64 characters is left out.
    return {f for f in (w.casefold() for w in _WORD.findall(text)) if len(f) <= 64}


def search_index_update(*, article, page, figures):
    """Index a published article as the page shows it, or drop an unpublished one from the index."""
    if not article.is_published:
        SearchSentence.objects.filter(article=article).delete()
        SearchDocument.objects.filter(article=article).delete()
        return
    wanted = {}
    for view in page["units"]:
        wanted[view.unit.key] = (unit_plain_text(view), view.provenance, view.best_tier)
    stored = {
        key: (pk, (text, provenance, best_tier))
        for pk, key, text, provenance, best_tier in SearchSentence.objects.filter(article=article).values_list(
            "pk", "key", "text", "provenance", "best_tier"
        )
    }
    stale = [pk for key, (pk, row) in stored.items() if wanted.get(key) != row]
    fresh = [key for key, row in wanted.items() if key not in stored or stored[key][1] != row]
    if stale:
        SearchSentence.objects.filter(pk__in=stale).delete()
    if fresh:
        SearchSentence.objects.bulk_create(
            SearchSentence(
                article=article, key=key, text=wanted[key][0], provenance=wanted[key][1], best_tier=wanted[key][2]
            )
            for key in fresh
        )
    key_terms = "; ".join(plain_text(v.unit.term) for v in page["units"] if v.unit.term)
    document = {
        "revision": article.content_revision,
        "title": article.title,
        "key_terms": key_terms,
        "lead": plain_text(article.lead),
        "body": " ".join(text for text, _, _ in wanted.values()),
        "sourced_percent": figures["sourced_percent"],
    }
    if not SearchDocument.objects.filter(article=article).update(**document):
        SearchDocument.objects.create(article=article, **document)
    # The new sentences' words, and the title's, lead's and key terms' (a few dozen) whether changed or not.
    words = words_of(" ".join([document["title"], document["lead"], key_terms]))
    for key in fresh:
        words |= words_of(wanted[key][0])
    SearchTerm.objects.bulk_create([SearchTerm(word=w) for w in sorted(words)], ignore_conflicts=True)
