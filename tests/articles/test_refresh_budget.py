"""A change that re-renders many articles without changing their text (a tier rule, a source's link status)
renders what fits in its request's time budget; the rest are out of date, never served old, and brought up to
date when read, by the dashboard, or by `render_articles --stale`."""

import io

import pytest
from django.core.management import call_command

from articles import rendering
from articles.models import Article, TierRule
from articles.rendering import stale_article_ids
from articles.tier_rules import tier_rule_save
from tests.factories import make_article, make_editor

pytestmark = pytest.mark.django_db


@pytest.fixture
def five_articles_and_a_tight_budget(settings, monkeypatch):
    settings.REFRESH_RENDER_SECONDS = 0  # only the first chunk is rendered in the request
    monkeypatch.setattr(rendering, "RENDER_CHUNK", 2)
    return [make_article() for _ in range(5)]


def _allow_llm_in_section_1():
    # The factory's "Section 1" has LLM-tagged sentences: a rule allowing them highlights them on the page.
    return tier_rule_save(rule=TierRule(heading="Section 1", min_tier="T1", allow_llm=True))


def test_a_rule_over_more_articles_than_the_budget_renders_one_chunk_and_leaves_the_rest_out_of_date(
    five_articles_and_a_tight_budget,
):
    _allow_llm_in_section_1()
    assert len(stale_article_ids()) == 3


def test_an_article_left_out_of_date_shows_the_change_to_its_first_reader(client, five_articles_and_a_tight_budget):
    _allow_llm_in_section_1()
    left = Article.objects.get(pk=stale_article_ids()[0])
    response = client.get(left.get_absolute_url())
    assert response.status_code == 200
    assert b"unit--rule-highlight" in response.content
    assert left.pk not in stale_article_ids()


def test_the_stale_render_command_brings_every_article_up_to_date(five_articles_and_a_tight_budget):
    _allow_llm_in_section_1()
    out = io.StringIO()
    call_command("render_articles", "--stale", stdout=out)
    assert out.getvalue().strip() == "Rendered 3 out-of-date articles."
    assert stale_article_ids() == []


def test_the_rules_page_and_dashboard_say_how_many_articles_are_still_out_of_date(
    client, five_articles_and_a_tight_budget
):
    client.force_login(make_editor())
    response = client.post("/editors/evidence/rules/", {"heading": "Section 1", "min_tier": "T1", "allow_llm": "on"})
    assert response.status_code == 302
    page = client.get("/editors/evidence/rules/").content.decode()
    assert "3 articles will show the change when next read" in page
    dashboard = client.get("/editors/evidence/")
    assert dashboard.status_code == 200
    # The dashboard renders one more chunk within its own budget and shows the one article left as it was.
    assert "Figures of 1 article are out of date or not made yet" in dashboard.content.decode()
    assert len(stale_article_ids()) == 1


@pytest.fixture
def five_articles_citing_one_source(settings, monkeypatch):
    from tests.factories import make_article_data

    settings.REFRESH_RENDER_SECONDS = 0
    monkeypatch.setattr(rendering, "RENDER_CHUNK", 2)
    sources = make_article_data()["sources"]
    return [make_article(sources=sources) for _ in range(5)]


def _correct_the_shared_source(articles):
    from articles.publishing import article_record_library_correction
    from sources.models import Source

    source = Source.objects.get(numbered_in__article=articles[0], numbered_in__number=1)
    Source.objects.filter(pk=source.pk).update(title="A corrected synthetic trial title")
    return article_record_library_correction(
        article_ids=[a.pk for a in articles], summary="Library correction to a synthetic source"
    )


def test_a_library_correction_over_many_articles_versions_every_one_and_renders_what_the_budget_allows(
    client, five_articles_citing_one_source
):
    articles = five_articles_citing_one_source
    versions = _correct_the_shared_source(articles)
    assert len(versions) == 5 and all(v.version == "1.1" for v in versions)
    assert all(v.data["sources"][0]["title"] == "A corrected synthetic trial title" for v in versions)
    assert len(stale_article_ids()) == 3
    left = Article.objects.get(pk=stale_article_ids()[0])
    page = client.get(left.get_absolute_url()).content.decode()
    assert "A corrected synthetic trial title" in page and "Version 1.1" in page
    history = client.get(f"{left.get_absolute_url()}history/").content.decode()
    assert "Library correction to a synthetic source" in history


def test_articles_a_correction_left_are_indexed_by_the_stale_render_command(five_articles_citing_one_source):
    from articles.models import SearchDocument

    _correct_the_shared_source(five_articles_citing_one_source)
    assert len(stale_article_ids(unindexed=True)) == 3
    call_command("render_articles", "--stale", stdout=io.StringIO())
    assert stale_article_ids(unindexed=True) == []
    for article in Article.objects.all():
        assert SearchDocument.objects.get(article=article).revision == article.content_revision


def test_a_change_beside_the_text_keeps_search_entries_in_step_so_only_corrections_await_indexing(
    five_articles_and_a_tight_budget,
):
    from articles.models import SearchDocument

    articles = five_articles_and_a_tight_budget
    _allow_llm_in_section_1()  # pages out of date, search entries not: a rule changes nothing indexed
    for article in Article.objects.filter(pk__in=[a.pk for a in articles]):
        assert SearchDocument.objects.get(article=article).revision == article.content_revision
    assert stale_article_ids(unindexed=True) == stale_article_ids()
