import pytest

from articles.models import ArticleRendering
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def test_a_rendering_from_other_templates_is_rebuilt_on_read(client):
    article = make_article()
    ArticleRendering.objects.filter(article=article).update(renderer="old-templates", body_html="stale body")
    html = client.get(article.get_absolute_url()).content.decode()
    assert "stale body" not in html and "Synthetic claim 0 of section 0" in html
    assert ArticleRendering.objects.get(article=article).renderer != "old-templates"


def test_a_rendering_of_an_earlier_content_revision_is_rebuilt_on_read(client):
    from django.db.models import F

    from articles.models import Article

    article = make_article()
    Article.objects.filter(pk=article.pk).update(lead="A changed lead.", content_revision=F("content_revision") + 1)
    ArticleRendering.objects.filter(article=article).update(body_html="stale body")
    html = client.get(article.get_absolute_url()).content.decode()
    assert "stale body" not in html and "A changed lead." in html
    article.refresh_from_db()
    assert ArticleRendering.objects.get(article=article).revision == article.content_revision


def test_the_render_command_renders_every_article(db):
    from django.core.management import call_command

    make_article()
    make_article()
    ArticleRendering.objects.all().delete()
    call_command("render_articles", stdout=open("/dev/null", "w"))
    assert ArticleRendering.objects.count() == 2


# --- reusing unchanged sections --------------------------------------------------------------------------


def _render_again(article):
    from articles.publishing import article_refresh

    article_refresh(article_ids=[article.pk])
    return ArticleRendering.objects.get(article=article).body_html


def _render_from_scratch(article):
    ArticleRendering.objects.filter(article=article).update(section_spans={})
    return _render_again(article)


def _republish(article, change):
    import copy

    from articles.importing import article_import
    from articles.models import Article

    data = copy.deepcopy(Article.objects.get(pk=article.pk).versions.latest("published_at").data)
    change(data)
    article_import(data=data)


def _reword_a_sentence(data):
    data["sections"][1]["blocks"][0]["units"][0]["text"] = "A reworded synthetic claim"


def _rename_a_heading(data):
    data["sections"][2]["heading"] = "A renamed synthetic section"


def _describe_the_figure_anew(data):
    data["sections"][0]["blocks"][0]["alt_text"] = "A redrawn synthetic diagram."


def _cite_another_source(data):
    data["sections"][1]["blocks"][0]["units"][0]["provenance"] = [3]


def _retitle_source(number, title):
    def change(article):
        from sources.models import Source

        Source.objects.filter(numbered_in__article=article, numbered_in__number=number).update(title=title)

    change.__name__ = f"retitle_source_{number}"
    return change


def _retier_source(article):
    from sources.models import Source

    Source.objects.filter(numbered_in__article=article, numbered_in__number=1).update(tier="T2")


def _retract_source(article):
    import datetime

    from sources.models import Source

    Source.objects.filter(numbered_in__article=article, numbered_in__number=2).update(
        status="retracted", retracted_on=datetime.date(2026, 1, 5), retraction_notice="https://example.org/notice"
    )


def _add_tier_rule(article):
    from articles.models import TierRule

    TierRule.objects.create(heading="Section 1", min_tier="T1", allow_llm=True)


CONTENT_CHANGES = [_reword_a_sentence, _rename_a_heading, _describe_the_figure_anew, _cite_another_source]
LIBRARY_AND_RULE_CHANGES = [
    _retitle_source(1, "A corrected synthetic trial title"),
    _retitle_source(3, "A corrected synthetic video title"),  # the video block shows it
    _retier_source,
    _retract_source,
    _add_tier_rule,
]


@pytest.mark.parametrize("change", CONTENT_CHANGES, ids=lambda f: f.__name__.strip("_"))
def test_a_publish_that_reuses_unchanged_sections_shows_what_a_full_render_shows(change):
    article = make_article()
    before = ArticleRendering.objects.get(article=article).body_html
    _republish(article, change)
    reused = ArticleRendering.objects.get(article=article).body_html
    assert reused != before
    assert reused == _render_from_scratch(article)


@pytest.mark.parametrize("change", LIBRARY_AND_RULE_CHANGES, ids=lambda f: f.__name__.strip("_"))
def test_a_library_or_rule_change_reaches_every_section_it_touches(change):
    article = make_article()
    before = ArticleRendering.objects.get(article=article).body_html
    change(article)
    reused = _render_again(article)
    assert reused != before
    assert reused == _render_from_scratch(article)


def test_a_one_sentence_publish_renders_again_only_that_section():
    from unittest import mock

    from django.template.backends.django import Template

    article = make_article(n_sections=6)
    rendered = []
    real_render = Template.render

    def counting_render(self, context=None, request=None):
        rendered.append(self.template.name)
        return real_render(self, context, request)

    with mock.patch.object(Template, "render", counting_render):
        _republish(article, _reword_a_sentence)
    assert rendered.count("articles/_section.html") == 1
    assert rendered.count("articles/_source_entry.html") == 0  # the reworded sentence cites the same source


def test_the_first_edit_of_an_article_imported_from_text_renders_again_only_that_section():
    # The text format hands block kinds over as choices, the database as plain strings: a section's digest
    # must not tell them apart, or the first edit after an import renders every section again.
    from unittest import mock

    from django.template.backends.django import Template

    from articles.importing import article_import
    from articles.text_format import dump_article, parse_article
    from scripts.bench_import import synthetic_article

    text = dump_article(synthetic_article(40, slug="synthetic-imported-article"))
    article_import(data=parse_article(text)[0])
    rendered = []
    real_render = Template.render

    def counting_render(self, context=None, request=None):
        rendered.append(self.template.name)
        return real_render(self, context, request)

    edited = text.replace("Synthetic sentence 0 ", "Synthetic sentence zero ", 1)
    with mock.patch.object(Template, "render", counting_render):
        article_import(data=parse_article(edited)[0])
    assert rendered.count("articles/_section.html") == 1


def test_a_stored_body_changed_behind_the_spans_is_not_reused():
    article = make_article()
    ArticleRendering.objects.filter(article=article).update(body_html="stale body")
    assert "stale body" not in _render_again(article)


# --- a publish renders from the rows it has just written -------------------------------------------------


def _insert_a_sentence(data):
    data["sections"][1]["blocks"][0]["units"].insert(
        1, {"text": "An inserted synthetic claim", "provenance": [2], "end": "."}
    )


def _remove_a_sentence(data):
    del data["sections"][2]["blocks"][0]["units"][0]


def _move_a_sentence_to_another_section(data):
    moved = data["sections"][1]["blocks"][0]["units"].pop(0)
    data["sections"][2]["blocks"][0]["units"].append(moved)


def _add_a_section(data):
    data["sections"].insert(
        2,
        {
            "heading": "An added synthetic section",
            "blocks": [
                {"kind": "paragraph", "units": [{"text": "A new synthetic claim", "provenance": [1], "end": "."}]}
            ],
        },
    )


def _remove_a_section(data):
    del data["sections"][2]


def _swap_two_blocks(data):
    blocks = data["sections"][1]["blocks"]
    blocks[0], blocks[1] = blocks[1], blocks[0]


def _drop_a_source_and_renumber(data):
    """Source 1 leaves the list: 2 and 3 become 1 and 2, and every citation and the video follow."""
    data["sources"] = [{**s, "number": s["number"] - 1} for s in data["sources"] if s["number"] != 1]
    for section in data["sections"]:
        for block in section["blocks"]:
            if block.get("video"):
                block["video"] -= 1
            for unit in block["units"]:
                if unit["provenance"] != "llm":
                    unit["provenance"] = [n - 1 for n in unit["provenance"] if n != 1] or "llm"


STRUCTURAL_CHANGES = CONTENT_CHANGES + [
    _insert_a_sentence,
    _remove_a_sentence,
    _move_a_sentence_to_another_section,
    _add_a_section,
    _remove_a_section,
    _swap_two_blocks,
    _drop_a_source_and_renumber,
]


@pytest.mark.parametrize("change", STRUCTURAL_CHANGES, ids=lambda f: f.__name__.strip("_"))
def test_a_publish_renders_from_its_written_rows_what_reading_them_back_renders(change):
    from articles.exporting import article_export_data
    from articles.models import Article, SearchDocument, SearchSentence
    from articles.rendering import article_render

    article = make_article()
    _republish(article, change)
    published = ArticleRendering.objects.get(article=article)
    snapshot = Article.objects.get(pk=article.pk).versions.latest("published_at").data
    indexed = _search_rows(article)
    ArticleRendering.objects.filter(article=article).delete()
    SearchSentence.objects.filter(article=article).delete()
    SearchDocument.objects.filter(article=article).delete()
    read_back = article_render(article_ids=[article.pk], index=True)[article.pk]
    for name in ("body_html", "json", "lead_html", "summary_html", "figures", "unit_count", "reader_page"):
        assert getattr(published, name) == getattr(read_back, name), name
    assert snapshot == article_export_data(Article.objects.for_detail_page().get(pk=article.pk))
    assert indexed == _search_rows(article)


def _search_rows(article):
    from articles.models import SearchDocument, SearchSentence

    sentences = set(
        SearchSentence.objects.filter(article=article).values_list("key", "text", "provenance", "best_tier")
    )
    document = SearchDocument.objects.filter(article=article).values("title", "key_terms", "lead", "body").get()
    return sentences, document


def test_a_library_wide_refresh_renders_every_article_a_chunk_at_a_time(monkeypatch):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from articles import rendering
    from articles.models import Article
    from articles.publishing import article_refresh

    articles = [make_article() for _ in range(5)]
    monkeypatch.setattr(rendering, "RENDER_CHUNK", 2)
    with CaptureQueriesContext(connection) as queries:
        assert article_refresh(article_ids=[a.pk for a in articles]) == (5, 0)
    content_loads = [q for q in queries if q["sql"].startswith('SELECT "articles_unit"."id"')]
    assert len(content_loads) == 3  # 2 + 2 + 1 articles
    for article in Article.objects.select_related("rendering").filter(pk__in=[a.pk for a in articles]):
        assert article.rendering.revision == article.content_revision
