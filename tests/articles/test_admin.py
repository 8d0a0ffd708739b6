"""The admin shows article content read-only; corrections to what articles show become versions."""

import pytest

from articles.models import Article, ArticleVersion, Block, Unit
from tests.factories import make_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def paragraph(db):
    article = make_article()
    return Block.objects.filter(section__article=article, kind="paragraph").first()


def test_the_article_page_shows_sources_sections_and_versions_read_only(admin_client, seed_article):
    html = admin_client.get(f"/admin/articles/article/{seed_article.pk}/change/").content.decode()
    assert "Creators &amp; Lineage" in html and "numbered source" in html.lower()
    assert 'name="title"' not in html and 'name="lead"' not in html and 'name="_save"' not in html
    assert f'href="/editors/drafts/new/?article={seed_article.slug}"' in html  # the way to change it


@pytest.mark.parametrize("path", ["article/{article}", "block/{block}", "unit/{unit}", "section/{section}"])
def test_content_cannot_be_changed_in_the_admin(admin_client, paragraph, path):
    unit = paragraph.units.first()
    ids = {
        "article": paragraph.section.article_id,
        "block": paragraph.pk,
        "unit": unit.pk,
        "section": paragraph.section_id,
    }
    url = f"/admin/articles/{path.format(**ids)}/change/"
    response = admin_client.post(url, {"text": "An edit that must not land.", "title": "Retitled", "heading": "X"})
    assert response.status_code == 403
    unit.refresh_from_db()
    assert unit.text != "An edit that must not land."
    assert not Article.objects.filter(title="Retitled").exists()
    assert admin_client.get("/admin/articles/unit/add/").status_code == 403
    assert admin_client.get("/admin/articles/article/add/").status_code == 403


def test_a_sentence_page_in_the_admin_links_to_its_public_history(admin_client, paragraph):
    unit = paragraph.units.order_by("position").first()
    html = admin_client.get(f"/admin/articles/unit/{unit.pk}/change/").content.decode()
    assert f"/articles/{paragraph.section.article.slug}/sentences/{unit.key_label}/history/" in html


def test_a_source_retitled_in_the_admin_is_a_new_version_of_every_citing_article(admin_client, client, seed_article):
    source = seed_article.numbered_sources.get(number=7).source
    other = make_article(slug="unrelated-article")
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
    version = ArticleVersion.objects.get(article=seed_article, major=1, minor=1)
    assert version.kind == "library" and version.published_by.is_superuser
    assert version.summary.startswith("Library correction")
    assert "title “Self-compassion” → “Self-compassion (encyclopaedia entry)”" in version.summary
    history = client.get(f"/articles/{seed_article.slug}/history/").content.decode()
    assert "Library correction" in history
    # The old version still reads as it was published; articles that do not cite the source are untouched.
    assert (
        "Self-compassion (encyclopaedia entry)"
        not in client.get(f"/articles/{seed_article.slug}/versions/1.0/").content.decode()
    )
    other.refresh_from_db()
    assert other.version == "1.0"


def test_an_unchanged_source_save_publishes_nothing(admin_client, seed_article):
    source = seed_article.numbered_sources.get(number=5).source
    fields = {
        f: getattr(source, f) or "" for f in ("title", "authors", "container", "kind", "tier", "url", "doi", "pmid")
    }
    admin_client.post(f"/admin/sources/source/{source.pk}/change/", {**fields, "year": source.year or ""})
    assert seed_article.versions.count() == 1


def test_renaming_a_type_is_a_library_correction_of_its_articles(admin_client, client, seed_article):
    article_type = seed_article.article_type
    admin_client.post(
        f"/admin/articles/articletype/{article_type.pk}/change/",
        {"name": "Psychological construct", "slug": article_type.slug, "description": ""},
    )
    seed_article.refresh_from_db()
    assert seed_article.version == "1.1"
    assert "Psychological construct" in client.get(seed_article.get_absolute_url()).content.decode()


def test_moving_a_types_page_is_a_library_correction_and_article_pages_link_to_the_new_one(
    admin_client, client, seed_article
):
    article_type = seed_article.article_type
    old_link = f'href="/types/{article_type.slug}/"'
    assert old_link in client.get(seed_article.get_absolute_url()).content.decode()
    admin_client.post(
        f"/admin/articles/articletype/{article_type.pk}/change/",
        {"name": article_type.name, "slug": "psychological-construct", "description": ""},
    )
    seed_article.refresh_from_db()
    assert seed_article.version == "1.1"
    assert "moved from /construct/ to /psychological-construct/" in seed_article.versions.get(minor=1).summary
    page = client.get(seed_article.get_absolute_url()).content.decode()
    assert old_link not in page and 'href="/types/psychological-construct/"' in page
    assert client.get("/types/psychological-construct/").status_code == 200


def test_the_publish_action_makes_a_draft_article_version_1_0(admin_client):
    draft = make_article(slug="unpublished-article", status="draft")
    admin_client.post("/admin/articles/article/", {"action": "publish", "_selected_action": [draft.pk]})
    draft.refresh_from_db()
    assert draft.is_published and draft.version == "1.0"
    assert draft.versions.get().data["status"] == "published"


def test_the_markdown_preview_is_for_staff_and_sanitised(admin_client, client):
    payload = {"content": "*calm* <script>alert(1)</script> [x](javascript:alert(1))"}
    assert client.post("/markdownx/markdownify/", payload).status_code == 302  # to the login page
    html = admin_client.post("/markdownx/markdownify/", payload).content.decode()
    assert "<em>calm</em>" in html and "<script" not in html and "javascript:" not in html


def test_a_markdown_preview_request_without_text_is_refused_in_words(admin_client):
    response = admin_client.post("/markdownx/markdownify/", {"text": "misnamed"})
    assert response.status_code == 400 and b"No text to preview" in response.content


@pytest.mark.parametrize("forged", ["abc", "\u00b2", "\x00", "99999999999999999999999"])
@pytest.mark.parametrize(
    "path, action", [("/admin/articles/article/", "publish"), ("/admin/sources/source/", "delete_selected")]
)
def test_a_list_action_on_a_forged_selection_does_nothing_and_says_so(admin_client, seed_article, path, action, forged):
    before = Article.objects.values_list("pk", "status", "version_minor")[::1]
    response = admin_client.post(path, {"action": action, "_selected_action": [forged]}, follow=True)
    assert response.status_code == 200
    assert "The selection was not understood: choose the items again." in response.content.decode()
    assert Article.objects.values_list("pk", "status", "version_minor")[::1] == before


@pytest.mark.parametrize("forged", ["abc", "99999999999999999999", "\u00b2", "1" * 5000])
def test_a_forged_successor_in_the_source_form_is_refused_in_words(admin_client, seed_article, forged):
    from sources.models import Source
    from tests.factories import source_admin_post

    source = Source.objects.get(title="Self-compassion")
    response = source_admin_post(admin_client, source, status="superseded", superseded_by=forged)
    assert response.status_code == 200
    assert "Choose the source that supersedes this one from the list." in response.content.decode()
    source.refresh_from_db()
    assert source.status != "superseded" and source.superseded_by is None


def test_the_markdown_image_upload_is_not_routed(admin_client):
    assert admin_client.post("/markdownx/upload/").status_code == 404


def test_a_never_published_article_with_cited_sources_and_a_video_can_be_deleted(admin_client):
    from articles.models import ArticleRendering, Citation

    article = make_article(status="draft")
    response = admin_client.post(f"/admin/articles/article/{article.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not Article.objects.filter(pk=article.pk).exists()
    assert not Citation.objects.exists() and not ArticleRendering.objects.exists() and not Unit.objects.exists()


def test_a_cited_source_cannot_be_removed_from_an_article_alone(db):
    from django.db.models import RestrictedError

    from articles.models import ArticleSource

    article = make_article()
    with pytest.raises(RestrictedError):
        ArticleSource.objects.get(article=article, number=1).delete()


@pytest.mark.parametrize("units_per_block", [4, 40])
def test_the_block_page_queries_do_not_grow_with_its_sentences(
    admin_client, django_assert_max_num_queries, units_per_block
):
    article = make_article(units_per_block=units_per_block)
    block = Block.objects.filter(section__article=article, kind="paragraph").first()
    with django_assert_max_num_queries(11):  # the same bound for 4 sentences and for 40
        assert admin_client.get(f"/admin/articles/block/{block.pk}/change/").status_code == 200


@pytest.mark.parametrize("how", ["delete page", "bulk action"])
def test_a_published_article_cannot_be_deleted_and_keeps_its_public_record(client, admin_client, how):
    article = make_article(title="Kept on the record")
    version_page = f"/articles/{article.slug}/versions/1.0/"
    if how == "delete page":
        page = admin_client.get(f"/admin/articles/article/{article.pk}/delete/").content.decode()
        response = admin_client.post(f"/admin/articles/article/{article.pk}/delete/", {"post": "yes"})
    else:
        selected = {"action": "delete_selected", "_selected_action": [article.pk]}
        page = admin_client.post("/admin/articles/article/", selected).content.decode()
        response = admin_client.post("/admin/articles/article/", {**selected, "post": "yes"})
    assert "a published version stays in the public record" in page and "Withdraw" in page
    assert response.status_code in (200, 403)
    assert Article.objects.filter(pk=article.pk).exists()
    assert client.get(version_page).status_code == 200


def test_a_withdrawn_article_keeps_its_versions_and_publishing_it_again_carries_on(client, admin_client):
    article = make_article(title="Withdrawn for a while")
    keys = list(Unit.objects.filter(article=article).order_by("pk").values_list("key", flat=True))
    admin_client.post("/admin/articles/article/", {"action": "withdraw", "_selected_action": [article.pk]})
    assert client.get(article.get_absolute_url()).status_code == 404
    assert client.get(f"/articles/{article.slug}/versions/1.0/").status_code == 404
    assert article.versions.count() == 1
    admin_client.post("/admin/articles/article/", {"action": "publish", "_selected_action": [article.pk]})
    article.refresh_from_db()
    assert article.is_published and client.get(article.get_absolute_url()).status_code == 200
    assert list(Unit.objects.filter(article=article).order_by("pk").values_list("key", flat=True)) == keys
    assert client.get(f"/articles/{article.slug}/versions/1.0/").status_code == 200


@pytest.mark.parametrize(
    "field, value",
    [("title", "Self-compassion\x01"), ("authors", "Neff, K. D.\u202e"), ("container", "Self\x1b[31mred")],
)
def test_a_source_correction_the_text_format_could_not_carry_is_refused_in_words(
    admin_client, seed_article, field, value
):
    """Articles print the source; a draft of them would be refused for it ever after."""
    from sources.models import Source
    from tests.factories import source_admin_post

    source = Source.objects.get(title="Self-compassion")
    versions = seed_article.versions.count()
    response = source_admin_post(admin_client, source, **{field: value})
    assert response.status_code == 200 and "errornote" in response.content.decode()
    source.refresh_from_db()
    assert getattr(source, field) != value and seed_article.versions.count() == versions


def test_a_type_renamed_with_a_control_character_is_refused_in_words(admin_client, seed_article):
    article_type = seed_article.article_type
    response = admin_client.post(
        f"/admin/articles/articletype/{article_type.pk}/change/", {"name": "Construct\x01", "slug": article_type.slug}
    )
    assert response.status_code == 200 and "invisible control characters" in response.content.decode()
    article_type.refresh_from_db()
    assert article_type.name != "Construct\x01"


def test_the_article_admin_page_costs_the_same_queries_however_many_sources(admin_client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from articles.importing import article_import
    from tests.factories import make_article_data

    few = make_article_data(slug="synthetic-few-sources")
    many = make_article_data(slug="synthetic-many-sources")
    extra = [{**many["sources"][0], "number": n, "title": f"Synthetic extra {n}", "url": ""} for n in range(4, 16)]
    many["sources"] += extra
    many["sections"][1]["blocks"][0]["units"][0]["provenance"] = [1] + [s["number"] for s in extra]
    articles = [article_import(data=data)[0] for data in (few, many)]
    admin_client.get(f"/admin/articles/article/{articles[0].pk}/change/")  # caches what any first page loads
    counts = []
    for article in articles:
        with CaptureQueriesContext(connection) as queries:
            assert admin_client.get(f"/admin/articles/article/{article.pk}/change/").status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_a_second_record_of_a_work_already_in_the_library_is_refused_in_words(admin_client, seed_article):
    """Known by its DOI, else its address: two records of one work made every draft citing both refused."""
    from sources.models import Source
    from tests.factories import source_admin_post

    first, second = [a.source for a in seed_article.numbered_sources.order_by("number")[:2]]
    response = source_admin_post(admin_client, second, url=first.url, doi=first.doi)
    html = response.content.decode()
    assert response.status_code == 200 and "The library already holds this work as" in html
    second.refresh_from_db()
    assert (second.url, second.doi) != (first.url, first.doi)
    # Marking it superseded by the other record is how a duplicate is retired.
    response = source_admin_post(
        admin_client, second, url=first.url, doi=first.doi, status="superseded", superseded_by=first.pk
    )
    assert response.status_code == 302
    assert Source.objects.get(pk=second.pk).superseded_by_id == first.pk
