"""“Cite this article”: four formats for the version being read, each with that version's permalink."""

import re
from html import unescape

import pytest

from articles.importing import article_import
from tests.factories import make_article_data

pytestmark = pytest.mark.django_db

SITE = "https://wiki.example.org"


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = SITE


def _citations(html):
    """{format key: text} of the page's citation box."""
    box = html.split('id="cite"', 1)[1].split("</section>", 1)[0]
    return {
        key: unescape(text)
        for key, text in re.findall(
            r'<pre class="citation-box__text" id="cite-(\w+)-text" tabindex="0">(.*?)</pre>', box, re.S
        )
    }


@pytest.fixture
def revised_article():
    data = make_article_data(title="Fictional Practice & Co {50%}", slug="fictional-practice")
    article_import(data=data)
    data["sections"][1]["blocks"][0]["units"][2]["provenance"] = [1]
    article, _ = article_import(data=data, revision={"summary": "Cited a claim."})
    return article


def test_the_article_page_cites_the_current_version_in_four_formats_with_its_permalink(client, revised_article):
    html = client.get("/articles/fictional-practice/", HTTP_HOST="127.0.0.1").content.decode()
    citations = _citations(html)
    assert set(citations) == {"apa", "vancouver", "bibtex", "ris"}
    permalink = f"{SITE}/articles/fictional-practice/versions/1.1/"
    day = revised_article.revised_at
    for text in citations.values():
        assert permalink in text
    assert citations["apa"] == (
        f"Therapy Aligned Clinical Wiki. ({day.year}, {day:%B} {day.day}). Fictional Practice & Co {{50%}} "
        f"(Version 1.1). {permalink}"
    )
    assert "[Internet]. Version 1.1." in citations["vancouver"]
    assert "  version      = {1.1}," in citations["bibtex"]
    assert r"  title        = {{Fictional Practice \& Co \{50\%\}}}," in citations["bibtex"]
    assert citations["bibtex"].startswith("@misc{fictional-practice-v1-1,")
    assert citations["ris"].splitlines()[0] == "TY  - ELEC"
    assert "ET  - 1.1" in citations["ris"].splitlines() and f"UR  - {permalink}" in citations["ris"].splitlines()
    assert citations["ris"].splitlines()[-1] == "ER  - "
    assert f'<a href="/articles/fictional-practice/versions/1.1/">{permalink}</a>' in html
    assert "127.0.0.1" not in html.split('id="cite"', 1)[1].split("</section>", 1)[0]


def test_a_past_version_page_cites_that_version(client, revised_article):
    html = client.get("/articles/fictional-practice/versions/1.0/").content.decode()
    citations = _citations(html)
    for text in citations.values():
        assert f"{SITE}/articles/fictional-practice/versions/1.0/" in text
        assert "1.1" not in text


def test_the_sentence_permalink_names_a_real_sentence_of_that_version(client, revised_article):
    html = client.get("/articles/fictional-practice/").content.decode()
    match = re.search(
        r'href="/articles/fictional-practice/versions/1.1/#(u\d+)">https://wiki.example.org/articles/', html
    )
    assert match
    version_page = client.get("/articles/fictional-practice/versions/1.1/").content.decode()
    assert f'id="{match.group(1)}"' in version_page


def test_the_copy_buttons_wait_for_javascript_and_report_through_a_live_region(client, revised_article):
    html = client.get("/articles/fictional-practice/").content.decode()
    box = html.split('id="cite"', 1)[1].split("</section>", 1)[0]
    # Without JavaScript the text is there to select, and no button promises what cannot happen.
    assert box.count('<button type="button" class="citation-box__copy"') == 4
    assert box.count(" hidden>Copy ") == 4
    assert (
        '<button type="button" class="citation-box__copy" data-copy-target="cite-apa-text" '
        'aria-describedby="cite-apa" hidden>Copy APA citation</button>'
    ) in box
    assert 'role="status" aria-live="polite" data-copy-status' in box
    assert '<script src="/static/js/cite.js" defer></script>' in html
    assert "Printed on <span data-print-date>" in box


def test_a_draft_offers_no_citation(admin_client):
    data = make_article_data(slug="draft-practice", status="draft")
    article_import(data=data)
    html = admin_client.get("/articles/draft-practice/").content.decode()
    assert 'id="cite"' not in html


def test_the_print_stylesheet_prints_the_citation_and_the_date_printed(client):
    css = client.get("/static/css/print.css")
    text = b"".join(css.streaming_content).decode() if css.streaming else css.content.decode()
    rules = text.split("/* ---- Citation ---- */", 1)[1]
    assert ".citation-box__printed" in rules and "display: block" in rules
    assert ".citation-box__copy" in text.split("/* ---- Not for paper ---- */", 1)[1].split("{", 1)[0]
