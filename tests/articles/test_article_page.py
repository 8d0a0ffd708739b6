import json
import math
import re

import pytest

from articles.importing import article_import
from articles.models import Article
from tests.factories import make_article, make_article_data, make_staff
from tests.html_units import units_in

pytestmark = pytest.mark.django_db


def test_it_returns_404_for_an_unknown_slug(client):
    assert client.get("/articles/no-such-article/").status_code == 404


def test_drafts_are_hidden_from_readers_and_shown_to_staff(client):
    draft = make_article(status="draft")
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(f"/articles/{draft.slug}.json").status_code == 404
    assert draft.title not in client.get("/").content.decode()

    client.force_login(make_staff())
    response = client.get(draft.get_absolute_url())
    assert response.status_code == 200
    assert "Draft: visible to staff only" in response.content.decode()
    assert draft.title in client.get("/").content.decode()


def test_citations_link_to_source_entries_and_name_the_source_and_tier(client):
    article = make_article()
    html = client.get(article.get_absolute_url()).content.decode()
    link = re.search(r'<a class="cite" href="#source-1" data-tip="([^"]+)" aria-label="([^"]+)">1</a>', html)
    assert link, "no citation link to source 1"
    assert link.group(1) == f"{article.numbered_sources.get(number=1).source.title} · T1"
    assert "T1 · peer-reviewed or primary" in link.group(2)
    assert 'id="source-1" data-tier="T1"' in html


def test_llm_tags_explain_themselves_without_a_tab_stop_each(client):
    html = client.get(make_article().get_absolute_url()).content.decode()
    tags = re.findall(r'<span class="llm-tag"[^>]*>LLM</span>', html)
    assert tags and all('data-tip="Model-written and unsourced' in tag for tag in tags)
    # A role-less span may not carry an aria-label, and a tab stop per tag only lengthens keyboard travel: a tap
    # may focus it (tabindex -1), the Tab key may not.
    assert all('tabindex="-1"' in tag and "aria-label" not in tag for tag in tags)
    assert "model-written and unsourced" in html  # the legend that explains every tag


@pytest.mark.parametrize("mode", ["show", "highlight", "hide"])
def test_llm_control_works_from_the_query_string(client, mode):
    html = client.get(make_article().get_absolute_url(), {"llm": mode}).content.decode()
    assert f'class="article llm-{mode}"' in html
    assert f'value="{mode}" checked' in html


def test_an_unknown_llm_mode_falls_back_to_showing_everything(client):
    html = client.get(make_article().get_absolute_url(), {"llm": "<script>"}).content.decode()
    assert 'class="article llm-show"' in html
    assert "<script>" not in html.split("<main", 1)[1].split("</main>")[0]


def test_provenance_glance_counts_units_by_kind_and_tier(client):
    # The factory's article: 12 prose units (4 each: T1, T2+T3 → T2, LLM), 3 examples, caption, framing,
    # question (LLM), SMART row (T1), key term (T3).
    html = client.get(make_article(n_sections=3, units_per_block=3).get_absolute_url()).content.decode()
    text = re.sub(r"\s+", " ", html.split('class="glance__text">', 1)[1].split("</p>", 1)[0]).strip()
    assert text == (
        "47% of 17 sentence-level claims are sourced (8), 53% are LLM-written (9). "
        "Sourced claims by their strongest source: T1 4, T2 3, T3 1."
    )


def test_reading_time_and_cited_count_follow_the_content(client):
    data = make_article_data(n_sections=40, units_per_block=10)
    article, _ = article_import(data=data)
    words = len(data["lead"].split()) + sum(
        len(u.get(field, "").split())
        for s in data["sections"]
        for b in s["blocks"]
        for u in b["units"]
        for field in ("term", "goal", "objective", "text")
    )
    html = client.get(article.get_absolute_url()).content.decode()
    assert f"· {math.ceil(words / 125)} min read · 3 sources." in html


def test_see_also_lists_published_links_only(client):
    linked = make_article(slug="linked-practice")
    hidden = make_article(slug="hidden-draft", status="draft")
    article = make_article(see_also=["linked-practice", "hidden-draft"])
    assert set(article.see_also.values_list("slug", flat=True)) == {linked.slug, hidden.slug}
    html = client.get(article.get_absolute_url()).content.decode()
    see_also = html.split('id="see-also"', 1)[1].split("</section>", 1)[0]
    assert linked.title in see_also and hidden.title not in see_also


def test_suggest_box_follows_the_seed_with_its_phi_warning_and_credit_choice(client):
    article = make_article()
    html = client.get(article.get_absolute_url()).content.decode()
    box = html.split('id="suggest"', 1)[1].split("</section>", 1)[0]
    assert f'method="post" action="/articles/{article.slug}/suggest/"' in box
    assert "Submit a sourced revision — we draft it, email you, and add it once you approve." in box
    assert "Do not include any client-identifying or protected health information (PHI)." in box
    assert "<legend>Public credit preference</legend>" in box
    assert box.index("Public credit preference") < box.index("protected health information (PHI)")


def test_page_has_one_h1_and_a_skip_link_to_main(client):
    html = client.get(make_article().get_absolute_url()).content.decode()
    assert html.count("<h1") == 1
    assert '<a class="skip-link" href="#main">' in html and '<main id="main"' in html


def test_json_has_metadata_sections_units_and_numbered_sources(client, seed_article):
    response = client.get("/articles/self-compassion.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    data = json.loads(response.content)
    assert data["version"] == "1.0" and data["type"] == "construct"
    assert data["reading_minutes"] == 15 and data["cited_source_count"] == 7
    assert [s["tier"] for s in data["sources"]] == ["T1", "T1", "T2", "T2", "T1", "T3", "T3", "T3"]
    units = [u for s in data["sections"] for b in s["blocks"] for u in b["units"]]
    assert len(units) == data["provenance_summary"]["units"]
    assert all(
        u["provenance"] == "llm" or (u["provenance"] and all(isinstance(n, int) for n in u["provenance"]))
        for u in units
    )
    assert {"key": "u85", "text": units[-1]["text"], "provenance": [7], "end": "?"} == units[-1]
    assert [s["key"] for s in data["sections"]] == [f"s{n}" for n in range(1, len(data["sections"]) + 1)]


def test_json_units_match_the_page_units(client, seed_article):
    html_units = units_in(client.get(seed_article.get_absolute_url()).content.decode())
    data = json.loads(client.get("/articles/self-compassion.json").content)
    json_provenance = [
        "llm" if u["provenance"] == "llm" else " ".join(map(str, u["provenance"]))
        for s in data["sections"]
        for b in s["blocks"]
        for u in b["units"]
    ]
    assert json_provenance == [p for p, _ in html_units]


def test_article_version_shows_minor_number():
    assert Article(version_major=1, version_minor=12).version == "1.12"
