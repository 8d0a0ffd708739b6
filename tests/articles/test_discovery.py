"""Feeds, sitemap, robots.txt, canonical links and the meta description and OpenGraph card."""

import xml.etree.ElementTree as ET

import pytest

from articles.importing import article_import
from articles.models import Article
from tests.factories import make_article, make_article_data

pytestmark = pytest.mark.django_db

SITE = "https://wiki.example.org"
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = SITE


def _publish_twice(slug, summary="Cited a claim <b>boldly</b> & well."):
    data = make_article_data(slug=slug)
    article_import(data=data)
    data["sections"][1]["blocks"][0]["units"][2]["provenance"] = [1]
    article, _ = article_import(data=data, revision={"summary": summary})
    return article


def _atom(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    return root


def _entries(root):
    return [
        {
            "title": e.findtext(f"{ATOM}title"),
            "link": e.find(f"{ATOM}link").get("href"),
            "id": e.findtext(f"{ATOM}id"),
            "updated": e.findtext(f"{ATOM}updated"),
            "summary": e.findtext(f"{ATOM}summary"),
        }
        for e in root.findall(f"{ATOM}entry")
    ]


def test_the_site_feed_is_atom_with_an_entry_per_published_version_linking_to_its_compare_page(client):
    article = _publish_twice("feed-practice")
    article_import(data=make_article_data(slug="draft-practice", status="draft"))
    root = _atom(client.get("/feeds/versions/", HTTP_HOST="127.0.0.1"))
    assert root.findtext(f"{ATOM}id") and root.findtext(f"{ATOM}updated") and root.find(f"{ATOM}author") is not None
    assert root.find(f"{ATOM}link[@rel='self']").get("href") == f"{SITE}/feeds/versions/"
    entries = _entries(root)
    assert [e["title"] for e in entries] == [f"{article.title}, version 1.1", f"{article.title}, version 1.0"]
    newest, first = entries
    assert newest["link"] == f"{SITE}/articles/feed-practice/compare/?from=1.0&to=1.1"
    assert first["link"] == f"{SITE}/articles/feed-practice/versions/1.0/"
    assert newest["id"] == f"{SITE}/articles/feed-practice/versions/1.1/"
    # The summary is HTML in Atom: the editors' words are escaped in it, never markup.
    assert newest["summary"] == "Cited a claim &lt;b&gt;boldly&lt;/b&gt; &amp; well. (changed from version 1.0)."
    assert all(e["updated"] for e in entries)
    assert "127.0.0.1" not in response_text(client.get("/feeds/versions/", HTTP_HOST="127.0.0.1"))


def response_text(response):
    return response.content.decode()


def test_an_article_feed_lists_only_that_articles_versions(client):
    article = _publish_twice("feed-practice")
    _publish_twice("other-practice")
    root = _atom(client.get("/articles/feed-practice/feed/"))
    entries = _entries(root)
    assert [e["title"] for e in entries] == [f"{article.title}, version 1.1", f"{article.title}, version 1.0"]
    assert root.find(f"{ATOM}link[@rel='self']").get("href") == f"{SITE}/articles/feed-practice/feed/"


def test_a_versions_compare_link_follows_a_jump_in_version_number(client):
    data = make_article_data(slug="jumping-practice")
    article_import(data=data)
    data["version"] = "2.0"
    data["lead"] = "A new fictional lead."
    article_import(data=data)
    links = [e["link"] for e in _entries(_atom(client.get("/articles/jumping-practice/feed/")))]
    assert links[0] == f"{SITE}/articles/jumping-practice/compare/?from=1.0&to=2.0"
    assert client.get(links[0].removeprefix(SITE)).status_code == 200


def test_there_is_no_feed_for_a_draft_or_unknown_article(client):
    article_import(data=make_article_data(slug="draft-practice", status="draft"))
    assert client.get("/articles/draft-practice/feed/").status_code == 404
    assert client.get("/articles/no-such/feed/").status_code == 404


@pytest.mark.parametrize("n_articles", [1, 12])
def test_feeds_run_a_constant_number_of_queries(client, django_assert_max_num_queries, n_articles):
    for n in range(n_articles):
        _publish_twice(f"feed-practice-{n}")
    with django_assert_max_num_queries(1):
        root = _atom(client.get("/feeds/versions/"))
    assert len(_entries(root)) == 2 * n_articles
    with django_assert_max_num_queries(2):
        _atom(client.get("/articles/feed-practice-0/feed/"))


@pytest.mark.parametrize("n_others", [0, 10])
def test_the_sitemap_lists_browse_pages_taxa_and_published_articles_at_the_site_url(
    client, django_assert_max_num_queries, n_others
):
    article = _publish_twice("mapped-practice")
    article_import(data=make_article_data(slug="draft-practice", status="draft"))
    for _ in range(n_others):
        make_article(n_sections=1, units_per_block=1)
    # A count and a page for each of the four sections read from the database, however many articles.
    with django_assert_max_num_queries(8):
        response = client.get("/sitemap.xml", HTTP_HOST="127.0.0.1")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    locations = {u.findtext(f"{SITEMAP}loc"): u.findtext(f"{SITEMAP}lastmod") for u in root.findall(f"{SITEMAP}url")}
    for path in ["/", "/a-z/", "/types/", "/disciplines/", "/families/", article.family.get_absolute_url()]:
        assert f"{SITE}{path}" in locations
    assert locations[f"{SITE}/articles/mapped-practice/"] == article.revised_at.date().isoformat()
    assert not any("draft-practice" in loc for loc in locations)


def test_robots_txt_keeps_private_pages_out_and_names_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    for path in ("/editors/", "/suggestions/", "/drafts/", "/admin/", "/accounts/"):
        assert f"Disallow: {path}" in lines
    assert f"Sitemap: {SITE}/sitemap.xml" in lines


def test_the_article_page_has_a_canonical_link_description_and_card_from_its_lead(client):
    data = make_article_data(slug="carded-practice", lead="A **made-up** construct & its *fictional* uses in tests.")
    article_import(data=data)
    html = client.get("/articles/carded-practice/?llm=highlight", HTTP_HOST="127.0.0.1").content.decode()
    head = html.split("</head>", 1)[0]
    assert f'<link rel="canonical" href="{SITE}/articles/carded-practice/">' in head
    description = "A made-up construct &amp; its fictional uses in tests."
    assert f'<meta name="description" content="{description}">' in head
    assert f'<meta property="og:description" content="{description}">' in head
    assert '<meta property="og:type" content="article">' in head
    assert f'<meta property="og:url" content="{SITE}/articles/carded-practice/">' in head
    assert f'<meta property="og:title" content="{Article.objects.get(slug="carded-practice").title}">' in head
    assert (
        '<link rel="alternate" type="application/atom+xml" title="New versions of every article" '
        'href="/feeds/versions/">' in head
    )
    assert 'type="application/atom+xml" title="New versions of Synthetic' in head
    assert 'href="/articles/carded-practice/feed/"' in head


def test_a_long_lead_is_cut_at_a_word_for_the_description(client):
    article = make_article(lead=("Fictional words " * 40).strip())
    head = client.get(article.get_absolute_url()).content.decode().split("</head>", 1)[0]
    description = head.split('<meta name="description" content="', 1)[1].split('"', 1)[0]
    assert len(description) <= 200 and description.endswith("…")


@pytest.mark.parametrize("path", ["/", "/a-z/", "/types/", "/types/construct/"])
def test_listing_pages_have_a_canonical_link_without_their_sort_order(client, path):
    make_article()
    head = client.get(f"{path}?sort=sourced").content.decode().split("</head>", 1)[0]
    assert f'<link rel="canonical" href="{SITE}{path}">' in head
