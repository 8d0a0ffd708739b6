import datetime
import re

import pytest
from django.conf import settings

from articles.models import Article, ArticleRendering
from articles.views import LISTING_PAGE_SIZE
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def test_home_lists_published_articles_with_taxonomy_version_revised_date_and_sourced_share(client, seed_article):
    html = client.get("/").content.decode()
    assert seed_article.title in html
    revised = f'revised <time datetime="{seed_article.revised_at.isoformat(timespec="seconds")}">'
    assert f"Version 1.0 · {revised}" in html
    assert "· 74% of sentences sourced ·" in html  # 63 of the seed's 85 units cite sources
    assert '<a href="/families/compassion-based-approaches/">Compassion-based approaches</a>' in html


@pytest.mark.parametrize(
    "url", ["/types/construct/", "/disciplines/clinical-positive-psychology/", "/families/compassion-based-approaches/"]
)
def test_browse_pages_list_the_articles_in_their_taxon(client, seed_article, url):
    other = make_article()
    other.article_type = type(other.article_type).objects.create(name="technique", slug="technique")
    other.save()
    html = client.get(url).content.decode()
    assert seed_article.title in html
    if url.startswith("/types/"):
        assert other.title not in html


def test_browse_pages_hide_drafts_from_readers(client):
    draft = make_article(status="draft")
    html = client.get(draft.family.get_absolute_url()).content.decode()
    assert draft.title not in html
    assert "No articles here yet." in html


def test_unknown_taxon_is_404(client):
    assert client.get("/families/nope/").status_code == 404


# --- listing figures come from the stored rendering -------------------------------------------------


def test_listings_show_the_sourced_share_stored_with_the_rendering_not_a_count_of_units(client):
    article = make_article()
    rendering = ArticleRendering.objects.get(article=article)
    assert (rendering.unit_count, rendering.sourced_percent) == (
        rendering.figures["sentences"],
        rendering.figures["sourced_percent"],
    )
    # Were the units counted per request, this would not show.
    ArticleRendering.objects.filter(article=article).update(sourced_percent=42)
    for url in ("/", "/a-z/", article.family.get_absolute_url()):
        assert "· 42% of sentences sourced ·" in client.get(url).content.decode(), url


def test_an_article_not_yet_rendered_is_listed_without_figures(client):
    article = make_article()
    ArticleRendering.objects.filter(article=article).delete()
    html = client.get("/").content.decode()
    assert article.title in html and "sourced share not yet known" in html


# --- sorting ----------------------------------------------------------------------------------------


@pytest.fixture
def three_articles():
    """Three articles that sort differently by every key: (title, sourced %, version, revised, evidence)."""
    specs = [
        ("Beta practice", 50, (1, 3), "2026-03-01", 2019),
        ("alpha practice", 90, (2, 0), "2026-01-01", None),
        ("Gamma practice", 10, (1, 0), "2026-05-01", 2024),
    ]
    articles = []
    for title, sourced, (major, minor), revised, year in specs:
        article = make_article(title=title)
        Article.objects.filter(pk=article.pk).update(
            version_major=major, version_minor=minor, revised_at=datetime.datetime.fromisoformat(revised + "T12:00Z")
        )
        ArticleRendering.objects.filter(article=article).update(sourced_percent=sourced, evidence_year=year)
        articles.append(title)
    return articles


def _order(html, titles):
    return sorted(titles, key=html.index)


@pytest.mark.parametrize(
    "query, expected",
    [
        ("", ["alpha practice", "Beta practice", "Gamma practice"]),
        ("?dir=desc", ["Gamma practice", "Beta practice", "alpha practice"]),
        ("?sort=revised", ["Gamma practice", "Beta practice", "alpha practice"]),
        ("?sort=revised&dir=asc", ["alpha practice", "Beta practice", "Gamma practice"]),
        ("?sort=sourced", ["alpha practice", "Beta practice", "Gamma practice"]),
        ("?sort=sourced&dir=asc", ["Gamma practice", "Beta practice", "alpha practice"]),
        ("?sort=version", ["alpha practice", "Beta practice", "Gamma practice"]),
        ("?sort=version&dir=asc", ["Gamma practice", "Beta practice", "alpha practice"]),
        # Undated evidence goes last either way.
        ("?sort=evidence", ["Gamma practice", "Beta practice", "alpha practice"]),
        ("?sort=evidence&dir=asc", ["Beta practice", "Gamma practice", "alpha practice"]),
        ("?sort=nonsense&dir=sideways", ["alpha practice", "Beta practice", "Gamma practice"]),
    ],
)
@pytest.mark.parametrize("page", ["/", "/a-z/", "/types/construct/"])
def test_every_listing_sorts_by_title_revision_date_sourced_share_version_and_evidence(
    client, three_articles, page, query, expected
):
    response = client.get(page + query)
    assert response.status_code == 200
    html = response.content.decode().split('class="listing__sort"', 1)[1]
    if page == "/a-z/" and 'aria-label="Letters"' in html:
        # By title the A–Z shows a letter a page: the letters come in the order asked for, the first open.
        letters = html.split('aria-label="Letters"', 1)[1].split("</nav>", 1)[0]
        initials = [f">{title[0].upper()}<" for title in expected]
        assert _order(letters, initials) == initials
        assert expected[0] in html.split("</nav>", 1)[1] and expected[1] not in html.split("</nav>", 1)[1]
    else:
        assert _order(html, three_articles) == expected


def test_the_sort_links_name_the_current_order_and_offer_its_reverse(client, three_articles):
    html = client.get("/?sort=sourced").content.decode()
    assert '<strong>sourced share, highest or newest first</strong> (<a href="?sort=sourced&amp;dir=asc">' in html
    assert '<a href="?sort=version">version</a>' in html and '<a href="?">title</a>' in html


# --- index pages ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url, taxon_field", [("/types/", "article_type"), ("/disciplines/", "discipline"), ("/families/", "family")]
)
def test_index_pages_list_every_taxon_with_its_published_article_count(client, url, taxon_field):
    published = [make_article(), make_article()]
    make_article(status="draft")
    lonely = type(getattr(published[0], taxon_field)).objects.create(name="Zeta nothing", slug="zeta-nothing")
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    taxon = getattr(published[0], taxon_field)
    assert f'<a href="{taxon.get_absolute_url()}">{taxon.name}</a>' in html
    assert '<span class="taxon-index__count">2 articles</span>' in html  # the draft is not counted
    assert f'<a href="{lonely.get_absolute_url()}">Zeta nothing</a>' in html
    assert '<span class="taxon-index__count">0 articles</span>' in html


def test_a_taxon_page_links_back_to_its_index(client):
    article = make_article()
    html = client.get(article.discipline.get_absolute_url()).content.decode()
    assert '<a href="/disciplines/">Disciplines</a> › Discipline' in html


def test_a_to_z_files_articles_under_their_initial_letter_one_letter_a_page(client):
    for title in ("Émotion work", "ember practice", "2-minute grounding", "Anger"):
        make_article(title=title)
    html = client.get("/a-z/").content.decode()
    letters = html.split('aria-label="Letters"', 1)[1].split("</nav>", 1)[0]
    assert re.findall(r'href="\?letter=([a-zA-Z]+)"', letters) == ["A", "E", "other"]
    first = html.split('<h2 id="letter-A">A</h2>', 1)[1].split("</section>", 1)[0]
    assert "Anger" in first and "ember practice" not in html.split("</nav>", 2)[-1]
    e_page = client.get("/a-z/", {"letter": "é"}).content.decode()  # filed as the titles are, without accents
    e_section = e_page.split('<h2 id="letter-E">E</h2>', 1)[1].split("</section>", 1)[0]
    assert "Émotion work" in e_section and "ember practice" in e_section and "Anger" not in e_section
    assert '<a href="?letter=E" aria-current="page">E' in e_page
    assert f'<link rel="canonical" href="{settings.SITE_URL}/a-z/?letter=E">' in e_page
    other = client.get("/a-z/", {"letter": "other"}).content.decode()
    assert "2-minute grounding" in other.split('<h2 id="letter-other">#</h2>', 1)[1]
    # A letter no title starts with: the first letter's page, not an empty one or an error.
    assert '<h2 id="letter-A">A</h2>' in client.get("/a-z/", {"letter": "Q"}).content.decode()
    # Z to A: the letters in that order, each link keeping it.
    backwards = client.get("/a-z/", {"dir": "desc"}).content.decode()
    assert re.findall(r'href="\?dir=desc&amp;letter=([a-zA-Z]+)"', backwards) == ["other", "E", "A"]


def test_a_to_z_in_another_order_comes_a_page_at_a_time(client):
    for n in range(LISTING_PAGE_SIZE + 5):
        make_article(title=f"Synthetic practice {n:02d}", n_sections=1, units_per_block=1)
    first = client.get("/a-z/", {"sort": "title", "dir": "asc"}).content.decode()
    assert "Synthetic practice 54" in first  # by title: the whole letter on one page
    by_sourced = client.get("/a-z/", {"sort": "sourced"}).content.decode()
    assert by_sourced.count('class="a-z__meta"') == LISTING_PAGE_SIZE
    assert f"Page 1 of 2 ({LISTING_PAGE_SIZE + 5} articles)" in by_sourced
    second = client.get("/a-z/", {"sort": "sourced", "page": 2}).content.decode()
    assert second.count('class="a-z__meta"') == 5


def test_a_to_z_hides_drafts_from_readers(client):
    draft = make_article(status="draft", title="Hidden draft practice")
    assert draft.title not in client.get("/a-z/").content.decode()


# --- queries ----------------------------------------------------------------------------------------


LISTING_PAGES = ["/", "/?sort=sourced", "/a-z/", "/a-z/?sort=revised", "/types/", "/disciplines/", "/families/"]


@pytest.mark.parametrize("n_articles", [2, 40])
def test_listing_and_index_pages_run_a_constant_number_of_queries(client, django_assert_max_num_queries, n_articles):
    articles = [make_article(n_sections=1, units_per_block=1) for _ in range(n_articles)]
    assert Article.objects.published().count() == n_articles
    for url in [*LISTING_PAGES, articles[0].article_type.get_absolute_url() + "?sort=evidence"]:
        # A fixed number however many articles there are: one for an index; a paged listing counts its
        # articles, then reads one page of them (a taxon's page first reads the taxon); the A–Z by title
        # reads the titles to find the letters, then one letter's articles.
        paged = 1 if url.startswith(("/types/", "/disciplines/", "/families/")) else 2
        with django_assert_max_num_queries(3 if url.startswith("/types/construct") else paged):
            response = client.get(url)
        assert response.status_code == 200, url
        if url.startswith(("/types/", "/disciplines/", "/families/")) and "construct" not in url:
            assert f"{n_articles} articles" in response.content.decode()


def test_long_listings_come_a_page_at_a_time_in_the_order_chosen(client):
    titles = [f"Synthetic practice {n:02d}" for n in range(LISTING_PAGE_SIZE + 5)]
    for title in titles:
        make_article(title=title, n_sections=1, units_per_block=1)
    first = client.get("/", {"sort": "title", "dir": "desc"}).content.decode()
    assert titles[-1] in first and titles[4] not in first
    assert f"Page 1 of 2 ({len(titles)} articles)" in first
    assert 'rel="next" href="?dir=desc&amp;page=2"' in first
    second = client.get("/", {"dir": "desc", "page": "2"}).content.decode()
    assert all(title in second for title in titles[:5]) and titles[5] not in second
    assert 'rel="prev" href="?dir=desc&amp;page=1"' in second
    # A page past the end, or not a number, shows the nearest page rather than an error.
    beyond = client.get("/", {"page": "99"})
    assert beyond.status_code == 200 and titles[-1] in beyond.content.decode()
    assert titles[0] in client.get("/", {"page": "x'--"}).content.decode()
