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
    assert "Figures of 1 article are from before the latest rule or source change" in dashboard.content.decode()
    assert len(stale_article_ids()) == 1
