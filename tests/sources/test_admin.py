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


def _video_source():
    return Source.objects.get(title__startswith="Video: Kristin Neff")


def _uses(html):
    return html.split('class="source-uses"', 1)[1].split("</ul>", 1)[0]


def test_a_source_used_only_as_an_articles_video_says_so(admin_client, seed_article):
    html = admin_client.get(f"/admin/sources/source/{_video_source().pk}/change/").content.decode()
    assert "No sentence cites it." in html  # true, and no longer the whole story
    assert (
        'Source 8 of <a href="/articles/self-compassion/">Self-Compassion</a>: the article&#x27;s video resource, '
        "in “Resources &amp; Further Reading”." in _uses(html)
    )


def test_a_cited_source_lists_each_article_with_its_count_of_citing_sentences(admin_client, seed_article):
    wikipedia = Source.objects.get(title="Self-compassion")
    html = admin_client.get(f"/admin/sources/source/{wikipedia.pk}/change/").content.decode()
    count = seed_article.numbered_sources.get(source=wikipedia).citations.count()
    assert f'Source 7 of <a href="/articles/self-compassion/">Self-Compassion</a>: cited by {count} sentences.' in (
        _uses(html)
    )


def test_a_source_no_article_lists_says_so(admin_client, seed_article):
    unused = Source.objects.create(title="An unused synthetic work", tier="T3", kind="website")
    html = admin_client.get(f"/admin/sources/source/{unused.pk}/change/").content.decode()
    assert "No article lists it." in html and "No sentence cites it." in html


def test_deleting_a_video_source_is_refused_naming_the_article_and_its_use(admin_client, seed_article):
    video = _video_source()
    response = admin_client.post(f"/admin/sources/source/{video.pk}/delete/", {"post": "yes"})
    html = response.content.decode()
    assert response.status_code == 200 and "Cannot delete source" in html
    protected = html.split('id="deleted-objects"', 1)[1].split("</ul>", 1)[0]
    assert "Self-Compassion</a>: the article&#x27;s video resource" in protected
    assert "Numbered source:" not in protected  # Django's own line named neither the article nor the use
    assert Source.objects.filter(pk=video.pk).exists()


def test_deleting_several_sources_at_once_names_each_one_an_article_uses(admin_client, seed_article):
    video, wikipedia = _video_source(), Source.objects.get(title="Self-compassion")
    response = admin_client.post(
        "/admin/sources/source/", {"action": "delete_selected", "_selected_action": [video.pk, wikipedia.pk]}
    )
    html = response.content.decode()
    assert "“Self-compassion”: Source 7 of" in html and f"“{video.title}”: Source 8 of" in html
    assert Source.objects.filter(pk__in=[video.pk, wikipedia.pk]).count() == 2


def test_a_source_named_as_a_successor_says_so_and_is_not_deleted(admin_client):
    newer = Source.objects.create(title="A synthetic second edition", tier="T1", kind="book")
    older = Source.objects.create(
        title="A synthetic first edition", tier="T1", kind="book", status="superseded", superseded_by=newer
    )
    html = admin_client.get(f"/admin/sources/source/{newer.pk}/change/").content.decode()
    assert (
        f'Named as the successor of the superseded source <a href="/admin/sources/source/{older.pk}/change/">'
        "A synthetic first edition</a>." in _uses(html)
    )
    admin_client.post(f"/admin/sources/source/{newer.pk}/delete/", {"post": "yes"})
    assert Source.objects.filter(pk=newer.pk).exists()
