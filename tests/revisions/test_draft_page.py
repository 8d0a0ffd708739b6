"""The draft page: the article as the draft will read with the reader's sentence marked, everything about
the suggestion beside it, and the preview endpoint that edits one sentence at a time without saving."""

import json
import re

import pytest
from django.core.exceptions import ValidationError

from articles.models import Unit
from revisions import services
from revisions.models import Draft, Status, Suggestion
from tests.factories import make_article, make_editor, make_suggestion
from tests.html_units import units_in

pytestmark = pytest.mark.django_db

SENTENCE = (
    "Because it is a transdiagnostic process variable, it functions both as an outcome to cultivate and as a "
    "presumed mechanism of change across several evidence-based treatments [LLM]."
)


def _url(path):
    return f"http://testserver{path}"


@pytest.fixture
def editor():
    return make_editor()


@pytest.fixture
def target(seed_article):
    return Unit.objects.get(article=seed_article, text__startswith="Because it is a transdiagnostic")


@pytest.fixture
def draft(seed_article, editor, target):
    suggestion = make_suggestion(seed_article, note="Please check the 2021 review.")
    Suggestion.objects.filter(pk=suggestion.pk).update(unit_key=target.key, quoted_text=target.text)
    services.suggestion_assign(suggestion=suggestion, editor=editor)
    services.suggestion_ask(suggestion=suggestion, editor=editor, question="Which edition?", build_url=_url)
    services.suggestion_answer(suggestion=suggestion, answer="The second edition, 2021.")
    services.suggestion_accept(suggestion=suggestion, editor=editor, note="Cite source 1 for this claim.")
    return services.draft_start(editor=editor, article=seed_article, suggestion=suggestion)


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def _page(client, draft):
    response = client.get(f"/editors/drafts/{draft.pk}/")
    assert response.status_code == 200
    return response.content.decode()


def test_the_draft_page_shows_the_article_as_it_will_read_with_the_readers_sentence_marked(
    editor_client, draft, target
):
    html = _page(editor_client, draft)
    preview = html.split('id="draft-preview"', 1)[1].split('class="draft-text"', 1)[0]
    assert f'data-target="u{target.key}"' in html.split('id="draft-preview"', 1)[0][-200:] + preview[:200]
    assert f'<span class="unit" id="u{target.key}" data-provenance="llm">Because it is' in preview
    assert 'href="#u{}">Go to the sentence the reader pointed at'.format(target.key) in html
    assert len(units_in(preview)) == Unit.objects.filter(article=draft.article).count()
    assert "suggest-link" not in preview  # a preview, not the reader's page


def test_everything_about_the_suggestion_is_on_the_draft_page(editor_client, draft):
    html = _page(editor_client, draft)
    side = html.split('id="suggestion-heading"', 1)[1]
    for words in (
        "Because it is a transdiagnostic",  # what the reader pointed at
        "The synthetic trial found a smaller effect",  # what they suggest
        "Example, A. (2020). Synthetic trial.",  # their sources
        "Please check the 2021 review.",  # their note
        "Which edition?",  # the editor's question
        "The second edition, 2021.",  # the answer
        "Cite source 1 for this claim.",  # the accept note
    ):
        assert words in side, words
    state = html.split('class="draft-approval__state"', 1)[1].split("</p>", 1)[0]
    assert "asked to approve the change before it is published" in state


def test_a_held_suggestion_stays_masked_on_the_draft_page(editor_client, draft):
    suggestion = draft.suggestion
    note = "My client Marisol found this hard."
    finding = {"kind": "name", "label": "a name", "field": "note", "start": 10, "end": 17, "masked": "M••••••"}
    Suggestion.objects.filter(pk=suggestion.pk).update(note=note, status=Status.PHI_HOLD, phi_findings=[finding])
    html = _page(editor_client, draft)
    # Every letter and digit hidden, as on the suggestion's page, until an editor reveals it there.
    assert "Marisol" not in html and "•• •••••• ••••••• ••••• •••• ••••." in html and "On PHI hold" in html


def test_the_draft_page_costs_the_same_queries_for_a_short_and_a_long_article(
    editor_client, editor, django_assert_max_num_queries
):
    counts = []
    for n_sections in (1, 12):
        article = make_article(n_sections=n_sections)
        suggestion = make_suggestion(article)
        services.suggestion_assign(suggestion=suggestion, editor=editor)
        for _ in range(3):
            services.suggestion_ask(suggestion=suggestion, editor=editor, question="Which?", build_url=_url)
            services.suggestion_answer(suggestion=suggestion, answer="This one.")
        services.suggestion_accept(suggestion=suggestion, editor=editor)
        draft = services.draft_start(editor=editor, article=article, suggestion=suggestion)
        with django_assert_max_num_queries(16) as queries:
            assert editor_client.get(f"/editors/drafts/{draft.pk}/").status_code == 200
        counts.append(len(queries.captured_queries))
    assert counts[0] == counts[1]


def _preview(client, draft, **fields):
    response = client.post(f"/editors/drafts/{draft.pk}/preview/", {"text": draft.text, **fields})
    return response.status_code, response.json()


def _index_of(draft, startswith):
    units = json.loads(re.search(r'id="draft-units" type="application/json">(.*?)</script>', draft).group(1))
    return next(u["index"] for u in units if u["text"].startswith(startswith))


def test_editing_a_sentence_in_place_returns_the_new_text_preview_and_changes_and_saves_nothing(editor_client, draft):
    index = _index_of(_page(editor_client, draft), "Because it is a transdiagnostic")
    status, data = _preview(
        editor_client,
        draft,
        op="edit",
        index=index,
        sentence="Because it is transdiagnostic, it is both an outcome and a mechanism of change.",
        provenance="1,2",
    )
    assert status == 200 and data["ok"], data
    assert "Because it is transdiagnostic, it is both an outcome and a mechanism of change [1,2]." in data["text"]
    assert SENTENCE not in data["text"]
    assert data["focus"] == index and data["units"][index]["change"] == "changed"
    assert 'data-change="changed"' in data["diff_html"] and "1 changed" in data["message"]
    assert 'data-provenance="1 2">Because it is transdiagnostic' in data["preview_html"]
    draft.refresh_from_db()
    assert SENTENCE in draft.text  # the page's form saves it, not the preview


def test_adding_and_removing_sentences_in_place(editor_client, draft):
    index = _index_of(_page(editor_client, draft), "Because it is a transdiagnostic")
    status, added = _preview(
        editor_client, draft, op="add", index=index, sentence="A synthetic follow-up claim.", provenance="llm"
    )
    assert added["ok"] and f"{SENTENCE}\nA synthetic follow-up claim [LLM].\n" in added["text"]
    assert added["focus"] == index + 1 and added["units"][index + 1]["change"] == "added"
    status, removed = _preview(editor_client, draft, op="remove", index=index)
    assert removed["ok"] and SENTENCE not in removed["text"] and 'data-change="removed"' in removed["diff_html"]


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"sentence": "A claim [3] inside.", "provenance": "1"}, "cannot hold a marker"),
        ({"sentence": "A claim.", "provenance": ""}, "Choose at least one source, or LLM"),
        ({"sentence": "A claim.", "provenance": "99"}, "Source 99 is not in the article's list"),
        ({"sentence": "   ", "provenance": "1"}, "Write the sentence first"),
        ({"sentence": "- A list item?", "provenance": "1"}, "cannot begin with"),
    ],
)
def test_a_sentence_edit_that_would_break_the_article_is_refused_with_a_reason(editor_client, draft, fields, message):
    status, data = _preview(editor_client, draft, op="edit", index=3, **fields)
    assert status == 200 and not data["ok"] and message in data["message"]
    assert "text" not in data


def test_the_preview_reports_a_working_copy_that_does_not_parse(editor_client, draft):
    status, data = _preview(editor_client, draft, text=draft.text.replace(SENTENCE, "No marker here."))
    assert status == 200 and not data["ok"] and any("has no provenance marker" in e for e in data["errors"])


@pytest.mark.parametrize(
    "fields", [{"op": "edit"}, {"op": "explode", "index": 1}, {"op": "edit", "index": -1}, {"text": ""}]
)
def test_a_malformed_preview_request_is_refused(editor_client, draft, fields):
    response = editor_client.post(f"/editors/drafts/{draft.pk}/preview/", {"text": draft.text, **fields})
    assert response.status_code == 400 and not response.json()["ok"]


def test_an_index_past_the_last_sentence_is_refused(editor_client, draft):
    status, data = _preview(editor_client, draft, op="remove", index=10_000)
    assert not data["ok"] and "no such sentence" in data["message"]


def test_the_preview_is_for_editors_and_posts_only(client, draft, django_user_model):
    assert client.post(f"/editors/drafts/{draft.pk}/preview/", {"text": draft.text}).status_code == 302
    client.force_login(django_user_model.objects.create_user("reader-kim", password="not-a-real-password-1"))
    assert client.post(f"/editors/drafts/{draft.pk}/preview/", {"text": draft.text}).status_code == 403
    client.force_login(make_editor("editor-two"))
    assert client.get(f"/editors/drafts/{draft.pk}/preview/").status_code == 405


def test_the_preview_costs_the_same_queries_for_a_short_and_a_long_article(
    editor_client, editor, django_assert_max_num_queries
):
    counts = []
    for n_sections in (1, 12):
        article = make_article(n_sections=n_sections)
        draft = services.draft_start(editor=editor, article=article)
        with django_assert_max_num_queries(20) as queries:
            _, data = _preview(
                editor_client, draft, op="edit", index=1, sentence="A new synthetic claim.", provenance="2"
            )
        assert data["ok"], data
        counts.append(len(queries.captured_queries))
    assert counts[0] == counts[1]


def test_save_then_send_saves_the_working_copy_and_emails_the_submitter(editor_client, draft):
    text = draft.text.replace(SENTENCE, SENTENCE.replace("[LLM].", "[1]."))
    response = editor_client.post(
        f"/editors/drafts/{draft.pk}/",
        {"text": text, "summary": "Cited the claim.", "seen": draft.updated_at.isoformat(), "then": "send"},
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.state == Draft.State.AWAITING_APPROVAL and "[1]." in draft.text
    assert draft.suggestion.events.last().action == "sent_for_approval"


def test_a_save_returns_to_the_sentence_last_edited(editor_client, draft, target):
    text = draft.text.replace(SENTENCE, SENTENCE.replace("[LLM].", "[1]."))
    response = editor_client.post(
        f"/editors/drafts/{draft.pk}/",
        {"text": text, "summary": "", "seen": draft.updated_at.isoformat(), "at": f"u{target.key}"},
    )
    assert response["Location"] == f"/editors/drafts/{draft.pk}/#u{target.key}"
    response = editor_client.post(
        f"/editors/drafts/{draft.pk}/", {"text": text, "summary": "", "at": "javascript:alert(1)"}
    )
    assert response["Location"] == f"/editors/drafts/{draft.pk}/"


def test_the_page_warns_when_the_readers_sentence_is_gone_from_the_draft(editor_client, draft):
    services.draft_save(draft=draft, editor=draft.created_by, text=draft.text.replace(SENTENCE + "\n", ""), summary="")
    html = _page(editor_client, draft)
    assert "The sentence the reader pointed at is not in this draft any more" in html


def test_a_page_refused_for_a_save_meanwhile_is_refused_again_if_sent_unchanged(editor_client, draft, editor):
    seen = draft.updated_at.isoformat()
    services.draft_save(
        draft=draft, editor=editor, text=draft.text.replace(SENTENCE, SENTENCE[:-7] + "[2]."), summary=""
    )
    mine = draft.text.replace(SENTENCE, SENTENCE[:-7] + "[1].")
    refused = editor_client.post(f"/editors/drafts/{draft.pk}/", {"text": mine, "summary": "", "seen": seen})
    html = refused.content.decode()
    assert refused.status_code == 400 and "Someone saved this draft after you opened it" in html
    again = re.search(r'name="seen" value="([^"]+)"', html).group(1)
    assert again == seen
    assert (
        editor_client.post(f"/editors/drafts/{draft.pk}/", {"text": mine, "summary": "", "seen": again}).status_code
        == 400
    )
    draft.refresh_from_db()
    assert "[2]." in draft.text and SENTENCE[:-7] + "[1]." not in draft.text


def test_an_over_long_summary_is_refused_and_shown_again_whole_with_the_edit_kept(editor_client, draft):
    text = draft.text.replace(SENTENCE, SENTENCE.replace("[LLM].", "[1]."))
    summary = "Cited the claim. " * 20  # 340 characters
    response = editor_client.post(
        f"/editors/drafts/{draft.pk}/", {"text": text, "summary": summary, "seen": draft.updated_at.isoformat()}
    )
    html = response.content.decode()
    assert response.status_code == 400 and "300 characters" in html
    assert summary.strip() in html and "[1]." in html
    draft.refresh_from_db()
    assert draft.summary == "" and "[LLM]." in draft.text.split(SENTENCE[:40])[1][: len(SENTENCE)]


def test_the_service_refuses_an_over_long_summary_rather_than_cutting_it(draft):
    with pytest.raises(ValidationError) as refused:
        services.draft_save(draft=draft, editor=draft.created_by, text=draft.text, summary="x" * 301)
    assert refused.value.code == "summary_too_long"


def test_a_text_with_a_problem_on_every_line_lists_the_first_fifty_and_says_how_many_more(editor_client, draft):
    text = draft.text + "\n" + "::: not a block\n" * 400
    response = editor_client.post(f"/editors/drafts/{draft.pk}/", {"text": text, "summary": "x"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "more problems, not listed" in page
    assert page.count("draft:") <= 2 * services.LISTED_PROBLEMS + 5  # the list, not one line per problem
    assert len(page) < len(text) + 300_000  # the text as typed, and a page around it
    draft.refresh_from_db()
    assert "not a block" not in draft.text


def test_a_draft_longer_than_the_limit_is_refused_with_its_length_and_nothing_saved(editor_client, draft):
    text = draft.text + "\n" + "x" * services.DRAFT_TEXT_MAX_LENGTH
    response = editor_client.post(f"/editors/drafts/{draft.pk}/", {"text": text, "summary": "x"})
    assert response.status_code == 400
    assert f"a draft may be at most {services.DRAFT_TEXT_MAX_LENGTH:,}" in response.content.decode()
    draft.refresh_from_db()
    assert "x" * 1000 not in draft.text


def test_a_signed_in_editor_finds_the_queue_from_any_page_and_a_reader_does_not(client, editor, seed_article):
    assert 'href="/editors/queue/"' not in client.get(seed_article.get_absolute_url()).content.decode()
    client.force_login(editor)
    for path in (seed_article.get_absolute_url(), "/", f"{seed_article.get_absolute_url()}history/"):
        assert '<a href="/editors/queue/">Editor queue</a>' in client.get(path).content.decode(), path
