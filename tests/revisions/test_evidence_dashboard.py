"""The editors' evidence dashboard: one screen, constant queries, sortable, linked to drafts."""

import re

import pytest
from django.contrib.auth.models import User

from articles.models import Article, ArticleRendering
from articles.tier_rules import example_rules, tier_rule_save
from revisions import services
from sources.models import Source
from tests.factories import make_article, make_article_data, make_editor
from tests.factories import source_retract as retract

pytestmark = pytest.mark.django_db

# Session, user, the editor's permissions (two), then articles with their renderings and reviews, live drafts,
# open queue items, and the library with its citation counts.
DASHBOARD_QUERIES = 8


@pytest.fixture
def editor():
    return make_editor()


def _row(html, slug):
    return html.split(f'data-article="{slug}"', 1)[1].split("</tr>", 1)[0]


def _cell(row, column):
    return re.sub(r"<[^>]+>", " ", row.split(f'data-col="{column}">', 1)[1].split("</td>", 1)[0]).split()


def _article(year, slug, **overrides):
    data = make_article_data(slug=slug)
    data["sources"][0]["year"] = year
    data.update(overrides)
    return make_article(**{k: v for k, v in data.items() if k != "slug"}, slug=slug)


def test_only_editors_see_the_dashboard(client):
    response = client.get("/editors/evidence/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    client.force_login(User.objects.create_user("outsider", password="not-a-real-password-1"))
    assert client.get("/editors/evidence/").status_code == 403


def test_the_seed_row_shows_its_shares_dependence_currency_and_review(client, editor, seed_article):
    client.force_login(editor)
    html = client.get("/editors/evidence/").content.decode()
    row = _row(html, seed_article.slug)
    assert [_cell(row, c)[0] for c in ("sourced", "t1", "t2", "t3", "llm")] == ["74%", "18%", "2%", "54%", "26%"]
    assert _cell(row, "t3_dependence")[:4] == ["73%", "36", "cite", "[7]"]
    assert _cell(row, "current_through") == ["2023"] and _cell(row, "newest_t1") == ["2023"]
    assert _cell(row, "review_due") == ["never", "reviewed"]
    assert _cell(row, "retracted") == ["0"] and _cell(row, "breaches") == ["0"]
    assert f"/editors/drafts/new/?article={seed_article.slug}" in row
    assert f"/editors/evidence/articles/{seed_article.slug}/review/" in row


def test_retractions_and_rule_breaches_show_per_article(admin_client, client, editor, seed_article):
    retract(admin_client, Source.objects.get(title="Self-compassion"))
    for rule in example_rules():
        tier_rule_save(rule=rule)
    client.force_login(editor)
    row = _row(client.get("/editors/evidence/").content.decode(), seed_article.slug)
    assert _cell(row, "retracted") == ["36"]
    assert _cell(row, "breaches")[0] == "5"
    assert row.count('<li><a href="/articles/self-compassion/#u') == 5
    assert "1 queue item" in row


def test_open_drafts_are_linked_from_their_article(client, editor, seed_article):
    draft = services.draft_start(editor=editor, article=seed_article)
    client.force_login(editor)
    row = _row(client.get("/editors/evidence/").content.decode(), seed_article.slug)
    assert f'href="/editors/drafts/{draft.pk}/">Draft #{draft.pk}</a>' in row and "Start a draft" not in row


def test_columns_sort_both_ways_with_missing_values_last(client, editor):
    _article(2019, "synthetic-older")
    _article(2024, "synthetic-newer")
    _article(None, "synthetic-undated")  # the factory dates only source 1
    client.force_login(editor)

    def order(query):
        html = client.get(f"/editors/evidence/{query}").content.decode()
        return re.findall(r'data-article="([a-z-]+)"', html)

    assert order("?sort=current_through") == ["synthetic-older", "synthetic-newer", "synthetic-undated"]
    assert order("?sort=current_through&dir=desc") == ["synthetic-newer", "synthetic-older", "synthetic-undated"]
    by_title = [a.slug for a in sorted(Article.objects.all(), key=lambda a: a.title.casefold())]
    assert order("?sort=nonsense") == order("") == by_title
    html = client.get("/editors/evidence/?sort=current_through&dir=desc").content.decode()
    assert 'aria-sort="descending"' in html


def test_the_library_lists_sources_needing_an_editor(client, editor, seed_article):
    data = make_article_data(slug="synthetic-examples")
    # Source 2 cited only inside an LLM-generated illustrative example.
    for section in data["sections"]:
        for block in section["blocks"]:
            for unit in block["units"]:
                if unit["provenance"] != "llm" and 2 in unit["provenance"]:
                    unit["provenance"] = [1]
    data["sections"][1]["blocks"][1]["units"][0]["provenance"] = [2]
    make_article(**{k: v for k, v in data.items() if k != "slug"}, slug="synthetic-examples")
    Source.objects.create(title="A synthetic source nobody cites", tier="T2", url="https://example.org/unused")
    client.force_login(editor)
    html = client.get("/editors/evidence/").content.decode()
    library = html.split('id="library-heading"', 1)[1]
    never, flagged, broken, no_link = (
        library.split(heading, 1)[1].split("<h3>", 1)[0]
        for heading in (
            "Never cited by a sentence",
            "Cited only in LLM-flagged parts",
            "Broken links",
            "No link at all",
        )
    )
    assert "A synthetic source nobody cites" in never and "Video: Kristin Neff" in never
    assert data["sources"][1]["title"] in flagged and "Self-compassion" not in flagged
    assert "<li>" not in broken
    for title in ("The Self-Compassion Scale (validation paper, PDF)", "The Three Components of Self-Compassion"):
        assert title in no_link


@pytest.mark.parametrize("corpus", [1, 8])
def test_the_dashboard_costs_the_same_queries_for_any_corpus(
    client, editor, django_assert_max_num_queries, seed_article, corpus
):
    for n in range(corpus - 1):
        _article(2000 + n, f"synthetic-corpus-{n}")
    services.draft_start(editor=editor, article=seed_article)
    client.force_login(editor)
    client.get("/editors/evidence/")
    with django_assert_max_num_queries(DASHBOARD_QUERIES):
        response = client.get("/editors/evidence/?sort=t3&dir=desc")
    assert response.status_code == 200 and response.content.decode().count("data-article=") == corpus


def test_a_missing_rendering_is_rebuilt_rather_than_shown_empty(client, editor, seed_article):
    ArticleRendering.objects.all().delete()
    client.force_login(editor)
    row = _row(client.get("/editors/evidence/").content.decode(), seed_article.slug)
    assert _cell(row, "sourced") == ["74%"]
