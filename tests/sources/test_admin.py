import pytest

from sources.models import Source
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def test_sources_list_shows_how_many_articles_cite_each(admin_client, seed_article):
    make_article()
    html = admin_client.get("/admin/sources/source/").content.decode()
    wikipedia = Source.objects.get(title="Self-compassion")
    row = html.split(f"/admin/sources/source/{wikipedia.pk}/change/", 1)[1].split("</tr>", 1)[0]
    assert '<td class="field-article_count">1</td>' in row


def test_sources_filter_by_tier(admin_client, seed_article):
    html = admin_client.get("/admin/sources/source/", {"tier__exact": "T2"}).content.decode()
    assert "What is Self-Compassion?" in html
    assert "Self-Compassion: Theory, Method, Research, and Intervention" not in html


def test_sources_search(admin_client, seed_article):
    html = admin_client.get("/admin/sources/source/", {"q": "Otgaar"}).content.decode()
    assert "Deconstructing Self-Compassion" in html and "What is Self-Compassion?" not in html


def test_source_history_is_visible(admin_client, seed_article):
    source = Source.objects.get(title="Self-compassion")
    admin_client.post(
        f"/admin/sources/source/{source.pk}/change/",
        {
            "title": "Self-compassion",
            "authors": "",
            "container": "Wikipedia",
            "kind": "website",
            "tier": "T2",
            "url": source.url,
            "doi": "",
            "pmid": "",
            "year": "",
        },
    )
    source.refresh_from_db()
    assert source.tier == "T2"
    html = admin_client.get(f"/admin/sources/source/{source.pk}/history/").content.decode()
    assert html.count("Changed") + html.count("Created") >= 2


def test_readers_cannot_reach_the_admin(client):
    response = client.get("/admin/sources/source/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
