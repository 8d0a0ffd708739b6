"""Every sentence can be suggested on, with or without scripts, and its provenance marker stays beside it."""

import re

import pytest

from articles.models import Unit
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def _main(html):
    return html.split('<main id="main"', 1)[1].split("</main>", 1)[0]


def test_every_sentence_has_a_suggest_link_and_a_place_in_its_blocks_list(client):
    article = make_article()
    html = _main(client.get(article.get_absolute_url()).content.decode())
    keys = [f"u{key}" for key in Unit.objects.filter(article=article).values_list("key", flat=True)]
    for key in keys:
        links = re.findall(rf'href="\?suggest={key}#suggest"', html)
        assert len(links) == 2, f"{key}: a pencil after the sentence and an entry in its block's list"
    choosers = html.count('<details class="suggest-choices">')
    blocks_with_sentences = article.sections.filter(blocks__units__isnull=False).values("blocks").distinct().count()
    assert choosers == blocks_with_sentences  # one per block, not one per sentence
    assert choosers < len(keys)


def test_a_suggest_link_from_a_blocks_list_opens_the_form_quoting_that_sentence(client):
    article = make_article()
    unit = Unit.objects.filter(article=article, block__kind="paragraph").order_by("block__position", "position")[2]
    html = _main(client.get(article.get_absolute_url()).content.decode())
    entry = re.search(
        rf'<a href="(\?suggest=u{unit.key}#suggest)"><span class="visually-hidden">[^<]*</span>“([^”]+)”', html
    )
    assert entry and unit.text.split()[0] in entry.group(2)
    page = client.get(article.get_absolute_url() + entry.group(1).split("#")[0]).content.decode()
    assert unit.text in page.split('class="suggest__target"', 1)[1]


def test_a_marker_is_joined_to_its_sentence_by_a_no_break_space(client):
    article = make_article()
    html = _main(client.get(article.get_absolute_url()).content.decode())
    units = Unit.objects.filter(article=article)
    cited = units.filter(is_llm=False).count()
    assert html.count('&nbsp;<span class="markers">') == cited
    assert html.count('&nbsp;<span class="llm-tag"') == units.filter(is_llm=True).count()
    assert not re.search(r' <span class="(markers|llm-tag)', html.split('class="sources"')[0])


def test_past_versions_offer_no_suggest_controls(client):
    article = make_article()
    html = _main(client.get(f"{article.get_absolute_url()}versions/1.0/").content.decode())
    assert "suggest-choices" not in html and "suggest-link" not in html
    assert '&nbsp;<span class="markers">' in html  # markers stay beside their sentences there too


def test_a_suggest_link_to_a_sentence_since_removed_says_so_and_leads_to_its_history(client):
    from articles.importing import article_import
    from tests.factories import make_article_data

    data = make_article_data()
    article, _ = article_import(data=data)
    block = next(b for s in data["sections"] for b in s["blocks"] if b["kind"] == "paragraph" and len(b["units"]) > 1)
    removed = Unit.objects.get(article=article, text=block["units"].pop()["text"])
    article, _ = article_import(data=data)
    assert not Unit.objects.filter(article=article, key=removed.key).exists()

    page = client.get(article.get_absolute_url(), {"suggest": f"u{removed.key}"}).content.decode()
    note = page.split('class="suggest__target suggest__target--gone"', 1)[1].split("</p>", 1)[0]
    assert "no longer in the article" in note and "about the whole article" in note
    assert f'href="/articles/{article.slug}/sentences/u{removed.key}/history/"' in note
    assert re.search(r'<input type="hidden" name="target"[^>]*>', page)
    assert not re.search(r'<input type="hidden" name="target" value="u', page)  # the whole article

    never = client.get(article.get_absolute_url(), {"suggest": "u99999"}).content.decode()
    assert "no longer in the article" in never and "what became of it" not in never
