import pytest

from articles.models import Block, Unit
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def _unit_formset_data(block, provenance_for_first):
    units = list(block.units.order_by("position"))
    data = {
        "section": block.section_id,
        "position": block.position,
        "kind": block.kind,
        "image": block.image,
        "alt_text": block.alt_text,
        "video": "",
        "units-TOTAL_FORMS": len(units),
        "units-INITIAL_FORMS": len(units),
        "units-MIN_NUM_FORMS": 0,
        "units-MAX_NUM_FORMS": 1000,
    }
    for i, unit in enumerate(units):
        prefix = f"units-{i}-"
        provenance = (
            "LLM"
            if unit.is_llm
            else " ".join(
                str(n) for n in unit.citations.order_by("position").values_list("article_source__number", flat=True)
            )
        )
        data.update(
            {
                prefix + "id": unit.pk,
                prefix + "block": block.pk,
                prefix + "position": unit.position,
                prefix + "text": unit.text,
                prefix + "end": unit.end,
                prefix + "term": unit.term,
                prefix + "goal": unit.goal,
                prefix + "objective": unit.objective,
                prefix + "provenance": provenance_for_first if i == 0 else provenance,
            }
        )
    return data


@pytest.fixture
def paragraph(db):
    article = make_article()
    return Block.objects.filter(section__article=article, kind="paragraph").first()


def test_article_change_page_shows_sources_and_sections(admin_client, seed_article):
    html = admin_client.get(f"/admin/articles/article/{seed_article.pk}/change/").content.decode()
    assert "Creators &amp; Lineage" in html and "numbered source" in html.lower()


def test_editor_sets_a_units_provenance_in_the_block_admin(admin_client, paragraph):
    response = admin_client.post(f"/admin/articles/block/{paragraph.pk}/change/", _unit_formset_data(paragraph, "3 1"))
    assert response.status_code == 302, response.content.decode()[:2000]
    unit = paragraph.units.order_by("position").first()
    assert not unit.is_llm
    assert list(unit.citations.order_by("position").values_list("article_source__number", flat=True)) == [3, 1]


@pytest.mark.parametrize(
    "marker, message",
    [("", "This field is required"), ("9", "Source 9 is not in this article"), ("LLM 1", "Provenance must be LLM")],
)
def test_block_admin_refuses_a_unit_without_valid_provenance(admin_client, paragraph, marker, message):
    before = list(Unit.objects.filter(block=paragraph).values_list("is_llm", "text"))
    response = admin_client.post(f"/admin/articles/block/{paragraph.pk}/change/", _unit_formset_data(paragraph, marker))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert list(Unit.objects.filter(block=paragraph).values_list("is_llm", "text")) == before


def test_article_history_is_visible(admin_client, seed_article):
    html = admin_client.get(f"/admin/articles/article/{seed_article.pk}/history/").content.decode()
    assert "Created" in html or "Added" in html


def test_a_provenance_edit_in_the_admin_shows_on_the_page_at_once(admin_client, client, paragraph):
    admin_client.post(f"/admin/articles/block/{paragraph.pk}/change/", _unit_formset_data(paragraph, "LLM"))
    first_text = paragraph.units.order_by("position").first().text
    html = client.get(paragraph.section.article.get_absolute_url()).content.decode()
    assert f'<span class="unit" data-provenance="llm">{first_text} <span class="llm-tag"' in html


def test_a_source_retitled_in_the_admin_shows_on_every_citing_page(admin_client, client, seed_article):
    source = seed_article.numbered_sources.get(number=7).source
    admin_client.post(
        f"/admin/sources/source/{source.pk}/change/",
        {
            "title": "Self-compassion (encyclopaedia entry)",
            "authors": "",
            "container": "Wikipedia",
            "kind": "website",
            "tier": "T3",
            "url": source.url,
            "doi": "",
            "pmid": "",
            "year": "",
        },
    )
    html = client.get(seed_article.get_absolute_url()).content.decode()
    assert 'data-tip="Self-compassion (encyclopaedia entry) · T3"' in html
    assert 'data-tip="Self-compassion · T3"' not in html


def test_the_markdown_preview_is_for_staff_and_sanitised(admin_client, client):
    payload = {"content": "*calm* <script>alert(1)</script> [x](javascript:alert(1))"}
    assert client.post("/markdownx/markdownify/", payload).status_code == 302  # to the login page
    html = admin_client.post("/markdownx/markdownify/", payload).content.decode()
    assert "<em>calm</em>" in html and "<script" not in html and "javascript:" not in html


def test_the_markdown_image_upload_is_not_routed(admin_client):
    assert admin_client.post("/markdownx/upload/").status_code == 404


def test_the_admin_edits_lead_and_sentences_with_live_preview(admin_client, paragraph):
    article_html = admin_client.get(f"/admin/articles/article/{paragraph.section.article_id}/change/").content.decode()
    block_html = admin_client.get(f"/admin/articles/block/{paragraph.pk}/change/").content.decode()
    for html in (article_html, block_html):
        assert 'data-markdownx-urls-path="/markdownx/markdownify/"' in html


def test_a_sentence_with_a_line_break_is_refused_in_the_admin(admin_client, paragraph):
    data = _unit_formset_data(paragraph, "1")
    data["units-0-text"] = "First line\nsecond line"
    response = admin_client.post(f"/admin/articles/block/{paragraph.pk}/change/", data)
    assert response.status_code == 200 and "A sentence is one line" in response.content.decode()


def test_an_article_with_cited_sources_and_a_video_can_be_deleted(admin_client):
    from articles.models import Article, ArticleRendering, Citation

    article = make_article()
    response = admin_client.post(f"/admin/articles/article/{article.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not Article.objects.filter(pk=article.pk).exists()
    assert not Citation.objects.exists() and not ArticleRendering.objects.exists()


def test_a_cited_source_cannot_be_removed_from_an_article_alone(db):
    from django.db.models import RestrictedError

    from articles.models import ArticleSource

    article = make_article()
    with pytest.raises(RestrictedError):
        ArticleSource.objects.get(article=article, number=1).delete()


def test_a_sentences_history_is_visible_in_the_admin(admin_client, paragraph):
    admin_client.post(f"/admin/articles/block/{paragraph.pk}/change/", _unit_formset_data(paragraph, "LLM"))
    unit = paragraph.units.order_by("position").first()
    html = admin_client.get(f"/admin/articles/unit/{unit.pk}/history/").content.decode()
    assert html.count("<tr") >= 3  # header, creation, the provenance change


@pytest.mark.parametrize("units_per_block", [4, 40])
def test_the_block_page_queries_do_not_grow_with_its_sentences(
    admin_client, django_assert_max_num_queries, units_per_block
):
    article = make_article(units_per_block=units_per_block)
    block = Block.objects.filter(section__article=article, kind="paragraph").first()
    with django_assert_max_num_queries(11):  # the same bound for 4 sentences and for 40
        assert admin_client.get(f"/admin/articles/block/{block.pk}/change/").status_code == 200
