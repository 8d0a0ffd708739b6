"""Full-text search over published articles: PostgreSQL full-text search, or SQLite's FTS5.

Both engines stem English words and weight an article's title and key terms above its lead, and the lead
above its sentences. An article matching every word of the query ranks above one matching only some;
within each, the more of the query's words its title holds the higher it ranks, then by weighted score.
Users' text never reaches either engine as syntax: on PostgreSQL it goes through `websearch_to_tsquery`
and `plainto_tsquery`, which accept any input; on SQLite every word and phrase is quoted for FTS5. Each
backend costs a fixed number of queries per search.
"""

import difflib
import functools
import re
import unicodedata
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection
from django.db.models import Case, Count, F, FloatField, IntegerField, Value, When, Window
from django.db.models.functions import Length, RowNumber
from django.utils.html import escape
from django.utils.safestring import mark_safe

from .models import SearchDocument, SearchSentence, SearchTerm

MAX_QUERY_LENGTH = 200
MAX_TERMS = 12  # more words than a question needs only slow the engine down
SNIPPETS_PER_HIT = 3
MAX_CORRECTIONS = 3
HIGHLIGHT_START, HIGHLIGHT_STOP = "\x02", "\x03"  # never in indexed text (search_index strips control characters)
# Words that carry no meaning for search: PostgreSQL's English configuration drops most of these itself; FTS5
# has no stop list, so they are dropped here for both, along with the words questions start with.
STOP_WORDS = frozenset(
    """a about an and are as at be been being but by can could did do does doing for from had has have having
    how i if in into is it its me my of on or our should so than that the their them then there these they this
    those to was we were what when where which while who whom why will with would you your""".split()
)
_WORD = re.compile(r"[^\W_]+")
_PHRASE = re.compile(r'"([^"]*)"')
_CONTROL = re.compile(r"[\x00-\x1f\x7f]+")


@dataclass
class ParsedQuery:
    text: str  # the query as typed, control characters removed
    terms: list = field(default_factory=list)  # lower-cased words, stop words dropped
    phrases: list = field(default_factory=list)  # quoted phrases, as lists of words
    excluded: list = field(default_factory=list)  # words after a minus sign

    @property
    def is_empty(self):
        return not (self.terms or self.phrases)


def parse_query(raw):
    """Words, "quoted phrases" and -excluded words of a query; everything else is ignored, never an error."""
    text = " ".join(_CONTROL.sub(" ", unicodedata.normalize("NFKC", raw or "")).split())
    parsed = ParsedQuery(text=text)
    for phrase in _PHRASE.findall(text):
        words = [w.casefold() for w in _WORD.findall(phrase)]
        if len(words) > 1:
            parsed.phrases.append(words)
        elif words and words[0] not in STOP_WORDS:
            parsed.terms.append(words[0])
    rest = _PHRASE.sub(" ", text)
    for token in rest.split():
        words = [w.casefold() for w in _WORD.findall(token)]
        if token.startswith("-") and len(token) > 1 and len(words) == 1:
            parsed.excluded.append(words[0])
            continue
        for word in words:
            if word not in STOP_WORDS and word not in parsed.terms:
                parsed.terms.append(word)
    parsed.terms = parsed.terms[:MAX_TERMS]
    parsed.phrases = parsed.phrases[:MAX_TERMS]
    parsed.excluded = parsed.excluded[:MAX_TERMS]
    return parsed


@dataclass
class Filters:
    type_id: int | None = None
    discipline_id: int | None = None
    family_id: int | None = None
    min_sourced: int = 0


@dataclass
class Snippet:
    key: int
    html: str  # escaped sentence with <mark> around the matched words
    provenance: str  # "2 7" or "llm"
    best_tier: str

    @property
    def key_label(self):
        return f"u{self.key}"

    @property
    def numbers(self):
        return [] if self.provenance == "llm" else self.provenance.split()


def highlight_html(text):
    """The engine's highlighted text, escaped, with its marks turned into <mark> elements."""
    return mark_safe(escape(text).replace(HIGHLIGHT_START, "<mark>").replace(HIGHLIGHT_STOP, "</mark>"))  # noqa: S308 - escaped above; only our own marks become markup


def search_articles(query, filters, *, offset, limit):
    """(total, [article ids in rank order]) for one page of results. One query; two past the last page."""
    return _backend().search(query, filters, offset=offset, limit=limit)


def best_sentences(query, article_ids):
    """The best-matching sentences of each article, highlighted: {article id: [Snippet]}."""
    if not article_ids:
        return {}
    return _backend().snippets(query, article_ids)


def suggestions(query):
    """{word typed: word in the wiki it is probably meant to be} for words the wiki does not have."""
    candidates = [t for t in query.terms if len(t) >= 3 and not t.isdigit()]
    if not candidates:
        return {}
    known = set(SearchTerm.objects.filter(word__in=candidates).values_list("word", flat=True))
    out = {}
    for term in [t for t in candidates if t not in known][:MAX_CORRECTIONS]:
        best = _backend().closest_word(term)
        if best and best != term:
            out[term] = best
    return out


def corrected_text(text, corrections):
    """The query as typed with each misspelt word replaced by its suggestion."""
    for wrong, right in corrections.items():
        text = re.sub(rf"(?<!\w){re.escape(wrong)}(?!\w)", right, text, flags=re.IGNORECASE)
    return text


@functools.cache
def _backend_for(vendor):
    return _PostgresBackend() if vendor == "postgresql" else _SqliteBackend()


def _backend():
    return _backend_for(connection.vendor)


class _PostgresBackend:
    CONFIG = "english"
    # ts_rank's weights for D, C, B, A: sentences (C) count a fifth of the title and key terms (A).
    WEIGHTS = [0.05, 0.2, 0.5, 1.0]

    def _parts(self, query):
        parts = [SearchQuery(t, search_type="plain", config=self.CONFIG) for t in query.terms]
        return parts + [SearchQuery(" ".join(p), search_type="phrase", config=self.CONFIG) for p in query.phrases]

    def _any(self, query):
        combined = functools.reduce(lambda a, b: a | b, self._parts(query))
        for word in query.excluded:
            combined &= ~SearchQuery(word, search_type="plain", config=self.CONFIG)
        return combined

    def _all(self, query):
        return SearchQuery(query.text, search_type="websearch", config=self.CONFIG)

    def search(self, query, filters, *, offset, limit):
        matching = SearchDocument.objects.filter(vector=self._any(query), article__status="published")
        if filters.type_id:
            matching = matching.filter(article__article_type_id=filters.type_id)
        if filters.discipline_id:
            matching = matching.filter(article__discipline_id=filters.discipline_id)
        if filters.family_id:
            matching = matching.filter(article__family_id=filters.family_id)
        if filters.min_sourced:
            matching = matching.filter(sourced_percent__gte=filters.min_sourced)
        in_title = [
            Case(When(title_vector=part, then=Value(1)), default=Value(0), output_field=IntegerField())
            for part in self._parts(query)
        ]
        ranked = matching.annotate(
            title_terms=functools.reduce(lambda a, b: a + b, in_title),
            full_hit=Case(When(vector=self._all(query), then=Value(1)), default=Value(0), output_field=IntegerField()),
            rank=SearchRank(F("vector"), self._any(query), weights=self.WEIGHTS, normalization=1),
        ).order_by("-full_hit", "-title_terms", "-rank", "article_id")
        # The total rides along with the page (one pass over the matches); past the end, it is counted.
        rows = list(
            ranked.annotate(total=Window(Count("article_id"))).values_list("article_id", "total")[
                offset : offset + limit
            ]
        )
        total = rows[0][1] if rows else (matching.count() if offset else 0)
        return total, [pk for pk, _ in rows]

    def snippets(self, query, article_ids):
        any_ = self._any(query)
        # The match inside a CASE, which no index serves: PostgreSQL then reads the hits' own sentences by
        # article rather than every sentence in the wiki holding the words, as it would through the GIN index.
        rank = Case(
            When(vector=any_, then=SearchRank(F("vector"), any_)), default=Value(0.0), output_field=FloatField()
        )
        best = (
            SearchSentence.objects.filter(article_id__in=article_ids)
            .annotate(rank=rank)
            .filter(rank__gt=0)
            .annotate(row=Window(RowNumber(), partition_by=[F("article_id")], order_by=[F("rank").desc(), F("key")]))
            .filter(row__lte=SNIPPETS_PER_HIT)
            .values_list("pk", flat=True)
        )
        rows = (
            SearchSentence.objects.filter(pk__in=list(best))
            .annotate(
                rank=SearchRank(F("vector"), any_),
                headline=SearchHeadline(
                    "text",
                    any_,
                    config=self.CONFIG,
                    start_sel=HIGHLIGHT_START,
                    stop_sel=HIGHLIGHT_STOP,
                    highlight_all=True,
                ),
            )
            .order_by("article_id", "-rank", "key")
            .values_list("article_id", "key", "headline", "provenance", "best_tier")
        )
        out = {}
        for article_id, key, headline, provenance, tier in rows:
            out.setdefault(article_id, []).append(Snippet(key, highlight_html(headline), provenance, tier))
        return out

    def closest_word(self, term):
        from django.contrib.postgres.search import TrigramSimilarity

        return (
            SearchTerm.objects.filter(word__trigram_similar=term)
            .annotate(similarity=TrigramSimilarity("word", term))
            .order_by("-similarity", "word")
            .values_list("word", flat=True)
            .first()
        )


def _fts_quote(words):
    """A word or phrase as an FTS5 string: inside double quotes nothing is an operator."""
    return '"' + " ".join(words).replace('"', '""') + '"'


class _SqliteBackend:
    # bm25 weights of the FTS5 columns title, key_terms, lead, body.
    BM25 = "bm25(articles_searchdocument_fts, 10.0, 8.0, 3.0, 1.0)"

    def _strings(self, query):
        parts = [_fts_quote([t]) for t in query.terms] + [_fts_quote(p) for p in query.phrases]
        excluded = "".join(f" NOT {_fts_quote([w])}" for w in query.excluded)
        any_ = "(" + " OR ".join(parts) + ")" + excluded
        all_ = "(" + " AND ".join(parts) + ")" + excluded
        in_title = [f"title : {part}" for part in parts]
        return any_, all_, in_title

    def search(self, query, filters, *, offset, limit):
        any_, all_, title = self._strings(query)
        where = ["articles_searchdocument_fts MATCH %s", "a.status = 'published'"]
        params = [any_]
        for column, value in (
            ("a.article_type_id", filters.type_id),
            ("a.discipline_id", filters.discipline_id),
            ("a.family_id", filters.family_id),
        ):
            if value:
                where.append(f"{column} = %s")
                params.append(value)
        if filters.min_sourced:
            where.append("d.sourced_percent >= %s")
            params.append(filters.min_sourced)
        joins = (
            "FROM articles_searchdocument_fts "
            "JOIN articles_searchdocument d ON d.article_id = articles_searchdocument_fts.rowid "
            "JOIN articles_article a ON a.id = d.article_id WHERE " + " AND ".join(where)
        )
        subset = "(d.article_id IN (SELECT rowid FROM articles_searchdocument_fts WHERE {} MATCH %s))".format(
            "articles_searchdocument_fts"
        )
        title_terms = " + ".join([subset] * len(title))
        with connection.cursor() as cursor:
            # FTS5's bm25() cannot sit beside a window function, hence the inner query.
            cursor.execute(
                "SELECT article_id, COUNT(*) OVER () FROM ("
                f"SELECT d.article_id, {title_terms} AS title_terms, {subset} AS full_hit, {self.BM25} AS score {joins}"
                ") ORDER BY full_hit DESC, title_terms DESC, score, article_id LIMIT %s OFFSET %s",
                [*title, all_, *params, limit, offset],
            )
            rows = cursor.fetchall()
            if rows:
                total = rows[0][1]
            elif offset:  # past the last page: the view asks again for the last one
                cursor.execute("SELECT COUNT(*) " + joins, params)
                total = cursor.fetchone()[0]
            else:
                total = 0
        return total, [row[0] for row in rows]

    def snippets(self, query, article_ids):
        any_, _, _ = self._strings(query)
        # The hits' ids as FTS5 tokens: the engine then reads only those articles' sentences.
        match = f"text : ({any_}) AND article_id : ({' OR '.join(_fts_quote([str(int(i))]) for i in article_ids)})"
        fts = "articles_searchsentence_fts"
        with connection.cursor() as cursor:
            # highlight() cannot run under a window function, so the best rows are chosen first.
            cursor.execute(
                "SELECT id FROM ("
                f" SELECT s.id, row_number() OVER (PARTITION BY s.article_id ORDER BY bm25({fts}), s.key) AS row"
                f" FROM {fts} JOIN articles_searchsentence s ON s.id = {fts}.rowid"
                f" WHERE {fts} MATCH %s"
                ") WHERE row <= %s",
                [match, SNIPPETS_PER_HIT],
            )
            ids = [row[0] for row in cursor.fetchall()]
            if not ids:
                return {}
            cursor.execute(
                f"SELECT s.article_id, s.key, highlight({fts}, 0, %s, %s), s.provenance, s.best_tier"
                f" FROM {fts} JOIN articles_searchsentence s ON s.id = {fts}.rowid"
                f" WHERE {fts} MATCH %s AND {fts}.rowid IN ({', '.join(['%s'] * len(ids))})"
                f" ORDER BY s.article_id, bm25({fts}), s.key",
                [HIGHLIGHT_START, HIGHLIGHT_STOP, match, *ids],
            )
            rows = cursor.fetchall()
        out = {}
        for article_id, key, headline, provenance, tier in rows:
            out.setdefault(article_id, []).append(Snippet(key, highlight_html(headline), provenance, tier))
        return out

    def closest_word(self, term):
        """SQLite has no trigram index: words of about the same length sharing the first letter, by difflib."""
        words = (
            SearchTerm.objects.annotate(length=Length("word"))
            .filter(word__startswith=term[0], length__gte=len(term) - 2, length__lte=len(term) + 2)
            .values_list("word", flat=True)
        )
        matches = difflib.get_close_matches(term, list(words), n=1, cutoff=0.75)
        return matches[0] if matches else None
