"""Search at /search/: ranking, snippets with provenance, filters, suggestions and hostile input, on both databases."""

import copy
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.importing import article_import
from articles.models import SearchDocument, SearchSentence
from articles.search_index import plain_text
from tests.factories import make_article_data

pytestmark = pytest.mark.django_db

# Three for the filters' choices, one for the page of results and their total, one for the articles, two for the
# snippets, and one to look the query's words up for "did you mean".
SEARCH_QUERIES = 8


def _article(title, *, lead="A synthetic overview for tests.", sentences=(), status="published", **overrides):
    """An article whose first section holds `sentences` (text, provenance) before the factory's own."""
    data = make_article_data(n_sections=1, status=status, title=title, lead=lead, **overrides)
    units = [{"text": text, "provenance": provenance, "end": "."} for text, provenance in sentences]
    data["sections"][1]["blocks"][0]["units"][:0] = units
    article, _ = article_import(data=data)
    return article, data


def _search(client, **params):
    response = client.get("/search/", params)
    assert response.status_code == 200
    return response, response.content.decode()


def _titles(body):
    return re.findall(r'<h2 class="article-card__title"><a href="[^"]+">([^<]+)</a>', body)


def test_the_article_with_the_query_in_its_title_ranks_first(client):
    _article(
        "Grief Counselling",
        sentences=[
            ("Caregiver self-criticism often follows a long illness in the family", [1]),
            ("Caregiver self-criticism can be eased by naming it aloud", [1]),
            ("Self-criticism in the caregiver deepens when support is scarce", "llm"),
        ],
    )
    _article("Caregiver Self-Criticism", lead="How carers turn blame on themselves, and what helps.")
    _article("Sleep Hygiene", sentences=[("A caregiver may sleep poorly", [1])])
    _, body = _search(client, q="caregiver self-criticism")
    assert _titles(body)[:2] == ["Caregiver Self-Criticism", "Grief Counselling"]
    assert "Sleep Hygiene" not in _titles(body)[:2]


def test_a_match_in_the_lead_outranks_one_in_a_body_sentence(client):
    _article("Article Alpha", sentences=[("Rumination appears once in this body sentence", [1])])
    _article("Article Beta", lead="Rumination is the subject of this overview.")
    _, body = _search(client, q="rumination")
    assert _titles(body) == ["Article Beta", "Article Alpha"]


def test_words_are_stemmed(client):
    _article("Article Gamma", sentences=[("Caregivers describe exhaustion after months of caregiving", [1])])
    _, body = _search(client, q="caregiver exhausted")
    assert _titles(body) == ["Article Gamma"]


def test_an_article_matching_every_word_outranks_one_matching_some(client):
    _article("Article Delta", sentences=[("Panic appears here, panic again, and panic once more", [1])])
    _article("Article Epsilon", sentences=[("Panic in adolescents responds to exposure", [1])])
    _, body = _search(client, q="panic adolescents")
    assert _titles(body) == ["Article Epsilon", "Article Delta"]


def test_a_hit_shows_its_sourced_share_and_best_sentences_linked_with_provenance(client, seed_article):
    _, body = _search(client, q="caregiver burnout")
    assert _titles(body) == ["Self-Compassion"]
    share = seed_article.rendering.figures["sourced_percent"]
    assert f"{share}% of sentences sourced" in body
    snippets = re.findall(
        r'<li class="search-snippet" data-provenance="([^"]+)">\s*'
        r'<a class="search-snippet__link" href="([^"]+)">(.*?)</a>',
        body,
        re.S,
    )
    assert 1 <= len(snippets) <= 3
    for provenance, href, html in snippets:
        key = href.rsplit("#", 1)[1]
        unit = seed_article.units.get(key=int(key[1:]))
        assert href == f"/articles/self-compassion/#{key}"
        assert provenance == ("llm" if unit.is_llm else " ".join(str(n) for n in _numbers(unit)))
        assert "<mark>" in html
    # The sentence the snippet names carries that id on the article page.
    key = snippets[0][1].rsplit("#", 1)[1]
    assert f'id="{key}"' in client.get("/articles/self-compassion/").content.decode()


def _numbers(unit):
    return [c.article_source.number for c in unit.citations.select_related("article_source").order_by("position")]


def test_an_llm_sentence_snippet_carries_the_llm_tag(client):
    _article("Article Zeta", sentences=[("Interoception drifts during dissociation", "llm")])
    _, body = _search(client, q="interoception")
    snippet = re.search(r'<li class="search-snippet" data-provenance="llm">(.*?)</li>', body, re.S).group(1)
    assert '<span class="llm-tag"' in snippet and "<mark>Interoception</mark>" in snippet


def test_snippets_escape_the_sentence_text(client):
    _article("Article Eta", sentences=[("Scores of 5 < 7 & rising <i>suggest</i> mild anhedonia", [1])])
    _, body = _search(client, q="anhedonia")
    snippet = re.search(r'class="search-snippet__link"[^>]*>(.*?)</a>', body, re.S).group(1)
    assert "5 &lt; 7 &amp; rising" in snippet and "<mark>anhedonia</mark>" in snippet and "<i>" not in snippet


def test_filters_combine(client):
    def make(title, type_, discipline, family, provenance):
        _article(
            title,
            type=type_,
            discipline=discipline,
            family=family,
            sentences=[(f"Worry postponement {i}", provenance) for i in range(6)],
        )

    make("Worry Construct Sourced", "construct", "Clinical psychology", "Cognitive approaches", [1])
    make("Worry Construct Unsourced", "construct", "Clinical psychology", "Cognitive approaches", "llm")
    make("Worry Technique Sourced", "technique", "Clinical psychology", "Cognitive approaches", [1])
    make("Worry Construct Elsewhere", "construct", "Health psychology", "Cognitive approaches", [1])
    _, body = _search(client, q="worry postponement")
    assert len(_titles(body)) == 4
    _, body = _search(client, q="worry postponement", type="construct", discipline="clinical-psychology")
    assert sorted(_titles(body)) == ["Worry Construct Sourced", "Worry Construct Unsourced"]
    _, body = _search(client, q="worry postponement", type="construct", discipline="clinical-psychology", sourced="50")
    assert _titles(body) == ["Worry Construct Sourced"]
    _, body = _search(client, q="worry postponement", family="cognitive-approaches", type="technique")
    assert _titles(body) == ["Worry Technique Sourced"]


def test_an_unknown_filter_value_is_reported_not_an_error(client, seed_article):
    _, body = _search(client, q="compassion", type="no-such-type", sourced="33")
    assert "Choose one of the listed values." in body


def test_results_are_paginated(client):
    for i in range(13):
        _article(f"Paged Article {i:02}", sentences=[("Procrastination and avoidance", [1])])
    _, body = _search(client, q="procrastination")
    assert "13 articles match; page 1 of 2." in body and len(_titles(body)) == 10
    assert 'rel="next" href="?q=procrastination&amp;page=2"' in body
    _, body = _search(client, q="procrastination", page="2")
    assert len(_titles(body)) == 3 and 'rel="prev"' in body
    for page in ("99", "0", "-1", "two", "²"):
        _, body = _search(client, q="procrastination", page=page)
        assert len(_titles(body)) in (3, 10)


def test_a_misspelt_word_gets_a_did_you_mean_suggestion(client, seed_article):
    _, body = _search(client, q="self compasion")
    link = re.search(r'Did you mean <a href="\?([^"]+)" class="search__suggestion-link">([^<]+)</a>', body)
    assert link and link.group(2) == "self compassion"
    _, body = _search(client, q="self compassion")
    assert "Did you mean" not in body


def test_drafts_are_not_found_and_unpublishing_removes_an_article(client):
    _article("Draft Article", status="draft", sentences=[("Scrupulosity", [1])])
    _, body = _search(client, q="scrupulosity")
    assert "No article matches" in body
    article, data = _article("Published Article", sentences=[("Scrupulosity", [1])])
    assert _titles(_search(client, q="scrupulosity")[1]) == ["Published Article"]
    article_import(data={**copy.deepcopy(data), "status": "draft", "version": "1.0"})
    assert not SearchDocument.objects.filter(article=article).exists()
    assert "No article matches" in _search(client, q="scrupulosity")[1]


def test_a_publish_rewrites_only_the_changed_sentence_in_the_index(client):
    article, data = _article("Indexed Article", sentences=[("Alexithymia is common", [1]), ("Stable text", [1])])
    before = dict(SearchSentence.objects.filter(article=article).values_list("key", "pk"))
    changed = copy.deepcopy(data)
    changed["sections"][1]["blocks"][0]["units"][0]["text"] = "Interpersonal sensitivity is common"
    with CaptureQueriesContext(connection) as queries:
        article_import(data=changed)
    after = dict(SearchSentence.objects.filter(article=article).values_list("key", "pk"))
    assert set(after) == set(before)
    assert len([k for k in after if after[k] != before[k]]) == 1
    inserts = [q["sql"] for q in queries if q["sql"].startswith('INSERT INTO "articles_searchsentence"')]
    assert len(inserts) == 1 and inserts[0].count("VALUES") == 1
    assert "No article matches" in _search(client, q="alexithymia")[1]
    assert _titles(_search(client, q="interpersonal sensitivity")[1]) == ["Indexed Article"]


HOSTILE = [
    '"',
    '""',
    '"unterminated phrase',
    "self AND OR NOT",
    "NEAR(self compassion, 2)",
    "title:compassion",
    "compassion*",
    "-",
    "- - -",
    "!!!",
    "'; DROP TABLE articles_article; --",
    "1=1 OR ''='",
    "<script>alert(1)</script>",
    "<mark>x</mark>",
    "%00",
    "self\x00compassion",
    "\x02compassion\x03",
    "a & b | !c <-> d",
    ":*",
    "((((",
    "😀 compassion",
    "ﬁnd",
    "x" * 200,
]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_get_a_clear_page(client, seed_article, query):
    response, body = _search(client, q=query)
    main = body.split("<main", 1)[1]
    assert "<script>alert" not in main and "\x00" not in main
    assert re.search(r"article(s)? match|No article matches|too common", main)


def test_a_very_long_query_gets_a_clear_message(client, seed_article):
    _, body = _search(client, q="compassion " * 1000)  # 11 kB
    assert "Searches are limited to 200 characters" in body and 'aria-invalid="true"' in body


def test_an_empty_query_shows_the_form(client):
    for params in ({}, {"q": ""}, {"q": "   "}):
        _, body = _search(client, **params)
        assert '<input id="search-q"' in body and "article-card" not in body
    _, body = _search(client, q="the of and")
    assert "too common to search for" in body


def test_every_page_has_the_search_box_in_its_header(client, seed_article):
    for path in ("/", "/articles/self-compassion/", "/search/?q=compassion"):
        body = client.get(path).content.decode()
        header = body.split('<header class="site-header"', 1)[1].split("</header>", 1)[0]
        assert 'role="search" action="/search/"' in header and 'name="q"' in header


@pytest.mark.parametrize("n_articles", [1, 15])
def test_search_queries_do_not_grow_with_the_results(client, django_assert_max_num_queries, n_articles):
    for i in range(n_articles):
        _article(f"Counted Article {i}", sentences=[("Perfectionism and procrastination", [1])])
    with django_assert_max_num_queries(SEARCH_QUERIES):
        _search(client, q="perfectionism procrastination")


def test_a_misspelt_search_costs_a_bounded_number_of_queries(client, django_assert_max_num_queries, seed_article):
    # Up to three misspelt words, one look-up each.
    with django_assert_max_num_queries(SEARCH_QUERIES + 3):
        _, body = _search(client, q="compasion mindfulnes kindnes selfish")
    assert "Did you mean" in body


@pytest.mark.postgresql
def test_postgres_indexes_the_vectors_with_gin_and_words_with_trigrams():
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname, indexdef FROM pg_indexes WHERE tablename LIKE 'articles_search%%'")
        indexes = dict(cursor.fetchall())
    assert "USING gin (vector)" in indexes["articles_searchdocument_vector_gin"]
    assert "USING gin (vector)" in indexes["articles_searchsentence_vector_gin"]
    assert "gin_trgm_ops" in indexes["articles_searchterm_word_trgm"]


@pytest.mark.parametrize(
    ("shown", "indexed"),
    [
        ("Plain words stay as they are", "Plain words stay as they are"),
        ("An <em>emphasised</em> word", "An emphasised word"),
        ("R&amp;D budgets &lt;b&gt; and all", "R&D budgets <b> and all"),  # what the reader sees, not tags
        ("Spaced\u00a0out\tand\nbroken", "Spaced out and broken"),
        ("Control\x07characters\x1b gone", "Control characters gone"),
    ],
)
def test_the_index_holds_a_sentence_as_its_reader_sees_it(shown, indexed):
    assert plain_text(shown) == indexed


def test_a_word_casefolding_lengthens_past_the_index_column_is_left_out():
    """'ß' casefolds to 'ss': a 64-letter word with one became 65 letters, past the column PostgreSQL enforces."""
    from articles.models import SearchTerm
    from articles.search_index import words_of

    long_word = "Straße" + "n" * 58
    assert len(long_word) == 64 and long_word.casefold() not in words_of(long_word)
    _article("A synthetic article on compounds", sentences=[(f"German builds words like {long_word}", [1])])
    assert not SearchTerm.objects.filter(word__startswith="strasse").exists()
    assert SearchTerm.objects.filter(word="compounds").exists()
