"""Every section and sentence keeps one key across versions: its id on every page, its permalink, its history."""

import copy
import json
import re

import pytest

from articles.importing import article_import
from articles.models import Article, Section, Unit, UnitEvent
from tests.html_units import units_in

pytestmark = pytest.mark.django_db

FIRST = "Self-compassion is a psychological construct rather than a freestanding treatment"


def _units(data):
    return [u for s in data["sections"] for b in s["blocks"] for u in b["units"]]


def _keys_by_text(article):
    return dict(Unit.objects.filter(article=article).values_list("text", "key"))


def _publish(data, **changes):
    """Import a copy of the data with `change(data)` applied."""
    changed = copy.deepcopy(data)
    for change in changes.values():
        change(changed)
    return article_import(data=changed)[0], changed


def test_a_one_sentence_edit_keeps_every_key_and_the_edited_sentence_keeps_its_own(seed_data):
    article, _ = article_import(data=seed_data)
    before = dict(Unit.objects.filter(article=article).values_list("key", "pk"))
    sections_before = dict(Section.objects.filter(article=article).values_list("key", "pk"))

    def reword(data):
        data["sections"][1]["blocks"][0]["units"][0]["text"] = FIRST + ", placed between two fields"

    article, _ = _publish(seed_data, reword=reword)
    after = dict(Unit.objects.filter(article=article).values_list("key", "pk"))
    assert after == before  # same keys, and the same rows: nothing was deleted and recreated
    assert dict(Section.objects.filter(article=article).values_list("key", "pk")) == sections_before
    edited = Unit.objects.get(article=article, text__startswith=FIRST)
    assert edited.text.endswith("placed between two fields")


def test_added_sentences_get_new_keys_and_removed_keys_are_never_handed_out_again(seed_data):
    article, _ = article_import(data=seed_data)
    keys = _keys_by_text(article)
    removed_text = seed_data["sections"][1]["blocks"][0]["units"][1]["text"]

    def remove_one(data):
        del data["sections"][1]["blocks"][0]["units"][1]

    article, data = _publish(seed_data, remove=remove_one)
    assert removed_text not in _keys_by_text(article)

    def add_one(data):
        data["sections"][1]["blocks"][0]["units"].insert(
            1, {"text": "A newly written synthetic sentence for the test", "provenance": "llm", "end": "."}
        )

    article, _ = _publish(data, add=add_one)
    new_key = _keys_by_text(article)["A newly written synthetic sentence for the test"]
    assert new_key == max(keys.values()) + 1  # not the removed sentence's key, although it stood in that place
    for text, key in keys.items():
        if text != removed_text:
            assert _keys_by_text(article)[text] == key


def test_a_sentence_moved_to_another_section_keeps_its_key(seed_data):
    article, _ = article_import(data=seed_data)
    moving = seed_data["sections"][1]["blocks"][0]["units"][3]
    key = _keys_by_text(article)[moving["text"]]

    def move(data):
        unit = data["sections"][1]["blocks"][0]["units"].pop(3)
        data["sections"][3]["blocks"][0]["units"].append(unit)

    article, _ = _publish(seed_data, move=move)
    unit = Unit.objects.select_related("block__section").get(article=article, key=key)
    assert unit.text == moving["text"] and unit.block.section.heading == seed_data["sections"][3]["heading"]


def test_units_carry_their_key_as_id_on_the_live_page_every_version_page_and_in_the_json(client, seed_data):
    article, _ = article_import(data=seed_data)

    def reword(data):
        data["sections"][1]["blocks"][0]["units"][0]["text"] = FIRST + ", placed between two fields"

    _publish(seed_data, reword=reword)
    key = Unit.objects.get(article=article, text__startswith=FIRST).key_label
    for url in (
        article.get_absolute_url(),
        f"/articles/{article.slug}/versions/1.0/",
        "/articles/self-compassion/versions/1.1/",
    ):
        html = client.get(url).content.decode()
        ids = re.findall(r'class="unit" id="(u\d+)"', html)
        assert len(ids) == len(units_in(html)) == 85 and len(set(ids)) == 85, url
        assert re.search(rf'class="unit" id="{key}" data-provenance="1">{FIRST}', html), url
    data = json.loads(client.get(f"/articles/{article.slug}.json").content)
    assert key in [u["key"] for u in _units(data)]


def test_a_permalink_leads_to_the_live_sentence_or_to_the_last_version_that_had_it(client, seed_data):
    article, _ = article_import(data=seed_data)
    kept = Unit.objects.get(article=article, text__startswith=FIRST).key_label
    removed = Unit.objects.get(article=article, text=seed_data["sections"][1]["blocks"][0]["units"][1]["text"])

    def remove_one(data):
        del data["sections"][1]["blocks"][0]["units"][1]

    _publish(seed_data, remove=remove_one)
    response = client.get(f"/articles/{article.slug}/sentences/{kept}/")
    assert response.status_code == 302 and response["Location"] == f"/articles/{article.slug}/#{kept}"
    response = client.get(f"/articles/{article.slug}/sentences/{removed.key_label}/")
    assert (
        response["Location"]
        == f"/articles/{article.slug}/versions/1.0/?removed={removed.key_label}#{removed.key_label}"
    )
    html = client.get(response["Location"]).content.decode()
    assert "The sentence you followed was removed in" in html and "version 1.1" in html
    assert f'id="{removed.key_label}"' in html
    for unknown in ("u9999", "u0", "x1", "u1a"):
        assert client.get(f"/articles/{article.slug}/sentences/{unknown}/").status_code == 404


def test_a_sentences_history_lists_each_version_that_touched_it_with_editor_and_suggestion(client, seed_data):
    from revisions.models import Suggestion
    from tests.factories import make_editor, make_suggestion

    article, _ = article_import(data=seed_data)
    editor = make_editor()
    suggestion = make_suggestion(article, credit="full_name", name="Alex Example")
    unit = Unit.objects.get(article=article, text__startswith=FIRST)
    changed = copy.deepcopy(seed_data)
    changed["sections"][1]["blocks"][0]["units"][0]["text"] += ", placed between two fields"
    changed["sections"][1]["blocks"][0]["units"][0]["provenance"] = [1, 2]
    revision = {
        "published_by": editor,
        "summary": "Sharper wording.",
        "suggestion_id": suggestion.pk,
        "suggestion_category": suggestion.get_category_display(),
        "credit": Suggestion.objects.get(pk=suggestion.pk).public_credit,
    }
    article_import(data=changed, revision=revision)
    html = client.get(f"/articles/{article.slug}/sentences/{unit.key_label}/history/").content.decode()
    assert "Added" in html and "version 1.0" in html
    assert "Text and provenance changed" in html and "version 1.1" in html
    assert "editor-sam" in html and "credited to Alex Example" in html
    assert "<ins>, placed between two fields</ins>" in html
    theory = "1 (Neff 2023, “Self-Compassion: Theory, Method, Research, and Intervention”)"
    assert f"Provenance: {theory} → {theory}, 2 (Neff, “The Self-Compassion Scale (validation paper, PDF)”)" in html
    assert f'href="/articles/{article.slug}/?suggest={unit.key_label}#suggest"' in html


def test_sentence_history_and_permalink_queries_do_not_grow_with_the_article(client, django_assert_max_num_queries):
    from tests.factories import make_article

    for size in (2, 20):
        article = make_article(n_sections=size)
        key = Unit.objects.filter(article=article).first().key_label
        with django_assert_max_num_queries(4):
            assert client.get(f"/articles/{article.slug}/sentences/{key}/history/").status_code == 200
        with django_assert_max_num_queries(2):
            assert client.get(f"/articles/{article.slug}/sentences/{key}/").status_code == 302


def test_an_editor_reverts_to_an_earlier_version_and_sentences_keep_their_keys(client, seed_data):
    from tests.factories import make_editor

    article, _ = article_import(data=seed_data)
    removed = Unit.objects.get(article=article, text=seed_data["sections"][1]["blocks"][0]["units"][1]["text"])

    def remove_one(data):
        del data["sections"][1]["blocks"][0]["units"][1]

    _publish(seed_data, remove=remove_one)
    why = {"reason": "The removed sentence was right after all."}
    assert client.post(f"/articles/{article.slug}/revert/", {"version": "1.0", **why}).status_code == 403
    client.force_login(make_editor())
    response = client.post(f"/articles/{article.slug}/revert/", {"version": "1.0", **why})
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.version == "1.2"
    assert Unit.objects.get(article=article, key=removed.key).text == removed.text  # back, under its own key
    event = UnitEvent.objects.get(article=article, key=removed.key, version__minor=2)
    assert event.action == "restored"
    version = article.versions.get(minor=2)
    assert version.kind == "revert" and version.summary == "Reverted to version 1.0: " + why["reason"]
    again = client.post(f"/articles/{article.slug}/revert/", {"version": "1.2", **why})
    assert "already reads as version 1.2" in again.content.decode()


def test_the_history_page_offers_revert_to_editors_only(client, seed_data):
    from tests.factories import make_editor

    article, _ = article_import(data=seed_data)
    _publish(seed_data, retitle=lambda d: d.update(title="Self-Compassion (revised)"))
    assert "Publish this text again" not in client.get(f"/articles/{article.slug}/history/").content.decode()
    client.force_login(make_editor())
    html = client.get(f"/articles/{article.slug}/history/").content.decode()
    assert html.count("Publish this text again") == 1  # for 1.0, not for the current 1.1


def test_a_past_version_page_links_sources_exactly_as_the_live_page_does(client):
    from tests.factories import make_article_data

    data = make_article_data()
    data["sources"][0].update(url="", doi="", pmid="12345678")
    article, _ = article_import(data=data)
    live = client.get(article.get_absolute_url()).content.decode()
    past = client.get(f"/articles/{article.slug}/versions/1.0/").content.decode()
    link = 'href="https://pubmed.ncbi.nlm.nih.gov/12345678/"'
    assert link in live and link in past


def test_a_retitled_article_refreshes_the_pages_that_list_it_under_see_also(client):
    from tests.factories import make_article_data

    target_data = make_article_data(slug="target-article", title="Target Article")
    article_import(data=target_data)
    linking, _ = article_import(data=make_article_data(slug="linking-article", see_also=["target-article"]))
    assert "Target Article" in client.get(linking.get_absolute_url()).content.decode()
    article_import(data={**target_data, "title": "Target Article, Retitled"})
    assert "Target Article, Retitled" in client.get(linking.get_absolute_url()).content.decode()
    assert Article.objects.get(slug="linking-article").version == "1.0"
