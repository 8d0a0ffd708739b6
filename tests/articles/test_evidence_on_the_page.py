"""What the article page tells a reader about its evidence: currency, back-links to citing sentences, video."""

import re

import pytest

from articles.models import Citation
from sources.models import Source
from sources.video import video_embed
from tests.factories import make_article, make_article_data

pytestmark = pytest.mark.django_db


def _article(slug=None, **source_changes):
    data = make_article_data(slug=slug)
    for number, changes in source_changes.items():
        data["sources"][int(number[1:]) - 1].update(changes)
    return make_article(**{k: v for k, v in data.items() if k != "slug"}, slug=data["slug"])


def test_the_page_says_how_current_the_evidence_is(client, seed_article):
    html = client.get(seed_article.get_absolute_url()).content.decode()
    line = html.split('class="evidence-line"', 1)[1].split("</p>", 1)[0]
    assert "Evidence current through <strong>2023</strong>" in line
    assert re.search(r"newest T1 source 2023 \((this year|\d+ years? old)\)", line)


def test_currency_comes_from_the_newest_cited_source_not_the_newest_listed(client):
    article = _article(s1={"year": 2018}, s2={"year": 2022}, s3={"year": 2025})
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Evidence current through <strong>2025</strong>" in html and "newest T1 source 2018" in html
    # Source 3 only listed (as the video resource), cited by no sentence: it says nothing of currency.
    data = make_article_data()
    data["sources"][2]["year"] = 2025
    data["sources"][1]["year"] = 2022
    for section in data["sections"]:
        for block in section["blocks"]:
            for unit in block["units"]:
                if unit["provenance"] != "llm":
                    unit["provenance"] = [n for n in unit["provenance"] if n != 3] or [1]
    listed_only = make_article(**{k: v for k, v in data.items() if k != "slug"}, slug=data["slug"])
    html = client.get(listed_only.get_absolute_url()).content.decode()
    assert "Evidence current through <strong>2022</strong>" in html


def test_listings_show_and_sort_by_currency(client):
    _article(slug="synthetic-older", s1={"year": 2012})
    _article(slug="synthetic-newer", s1={"year": 2024})
    _article(slug="synthetic-undated", s1={"year": None})
    html = client.get("/?sort=evidence").content.decode()
    order = re.findall(r'href="/articles/(synthetic-[a-z]+)/"', html)
    assert order == ["synthetic-newer", "synthetic-older", "synthetic-undated"]
    assert "evidence current through 2024" in html
    assert re.findall(
        r'href="/articles/(synthetic-[a-z]+)/"', client.get("/?sort=evidence&dir=asc").content.decode()
    ) == [
        "synthetic-older",
        "synthetic-newer",
        "synthetic-undated",
    ]


@pytest.mark.parametrize("n_articles", [1, 10])
def test_the_sorted_listing_stays_two_queries(client, django_assert_max_num_queries, n_articles):
    for n in range(n_articles):
        _article(s1={"year": 2000 + n})
    with django_assert_max_num_queries(2):  # the count for the pages, then one page of articles
        assert client.get("/?sort=evidence").status_code == 200


def test_each_source_entry_counts_its_citing_sentences_and_links_each_one(client, seed_article):
    html = client.get(seed_article.get_absolute_url()).content.decode()
    entry = html.split('id="source-7"', 1)[1].split("</li>\n", 1)[0]
    assert "Cited in 36 sentences" in entry
    keys = re.findall(r'<a href="#(u\d+)" data-section', entry)
    citing = list(
        seed_article.units.filter(citations__article_source__number=7)
        .order_by("block__section__position", "block__position", "position")
        .values_list("key", flat=True)
    )
    assert keys == [f"u{k}" for k in citing]
    for key in keys:  # every link lands on an element of the page
        assert f'id="{key}"' in html
    assert "Cited by no sentence; shown as a video resource." in html.split('id="source-8"', 1)[1].split("</li>", 1)[0]


def test_a_past_version_keeps_its_back_links(client, seed_article):
    html = client.get(f"/articles/{seed_article.slug}/versions/1.0/").content.decode()
    assert "Cited in 36 sentences" in html and '<script src="/static/js/sources.js" defer>' in html


def test_the_source_admin_page_lists_citing_sentences_across_articles(admin_client, seed_article):
    wikipedia = Source.objects.get(title="Self-compassion")
    data = make_article_data(slug="synthetic-citing-wikipedia")
    data["sources"][2].update(title="Self-compassion", container="Wikipedia", url=wikipedia.url, kind="website")
    make_article(**{k: v for k, v in data.items() if k != "slug"}, slug=data["slug"])
    html = admin_client.get(f"/admin/sources/source/{wikipedia.pk}/change/").content.decode()
    listing = html.split('class="citing-sentences"', 1)[1].split("</table>", 1)[0]
    total = Citation.objects.filter(article_source__source=wikipedia).count()
    assert listing.count("<tr>") == total + 1  # and a heading row
    assert f"{total} sentences in 2 articles." in html
    assert (
        "/articles/self-compassion/sentences/u" in listing
        and "/articles/synthetic-citing-wikipedia/sentences/u" in listing
    )


@pytest.mark.parametrize(
    "url, player",
    [
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
        ("https://youtu.be/dQw4w9WgXcQ?t=10", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
        ("https://www.youtube.com/shorts/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
        ("https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871"),
        ("https://vimeo.com/%C2%B2%C2%B3", ""),  # superscript digits are no video number
        ("https://vimeo.com/²³", ""),
        ("https://www.youtube.com/watch?v=not-an-id", ""),
        ("https://example.org/watch?v=dQw4w9WgXcQ", ""),
        ("javascript:alert(1)", ""),
        ("", ""),
    ],
)
def test_known_video_hosts_have_a_player(url, player):
    assert video_embed(url)[1] == player


def test_a_video_resource_links_and_offers_a_player_that_loads_only_on_request(client):
    article = _article(s3={"url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "title": "A synthetic lecture"})
    html = client.get(article.get_absolute_url()).content.decode()
    block = html.split('class="video-resource"', 1)[1].split("</div>\n  </div>", 1)[0]
    link = '<a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ" rel="noopener noreferrer nofollow">'
    assert f"{link}A synthetic lecture</a>" in block
    assert 'data-player="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"' in block
    assert '<button type="button" class="video-embed__play" hidden>' in block
    # Nothing on the page loads from a third party until the reader asks.
    assert "<iframe" not in html
    # (The canonical link names the page's own address and loads nothing.)
    assert not re.search(r'<(?:script|img|iframe|link)(?![^>]*rel="canonical")[^>]+(?:src|href)="https?://', html)


def test_a_video_without_an_address_says_so_and_offers_a_search_not_a_guess(client, seed_article):
    html = client.get(seed_article.get_absolute_url()).content.decode()
    block = html.split('class="video-resource"', 1)[1].split("</div>", 1)[0]
    assert "No address is recorded for this video yet." in block
    assert 'href="https://www.youtube.com/results?search_query=Video%3A+Kristin+Neff' in block
    assert "Search for its title on YouTube" in block
