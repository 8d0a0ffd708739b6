"""A draft refused because the article moved on is brought up to date: a three-way merge, conflicts chosen."""

import copy

import pytest

from articles.importing import article_import
from articles.models import Article
from revisions import services
from revisions.models import Draft, Suggestion
from tests.factories import make_editor, make_suggestion

pytestmark = pytest.mark.django_db

LLM_SENTENCE = (
    "Because it is a transdiagnostic process variable, it functions both as an outcome to cultivate and as a "
    "presumed mechanism of change across several evidence-based treatments [LLM]."
)
OTHER = "Supportive touch uses gestures such as a hand over the heart to engage the caregiving system [6]."


def _url(path):
    return f"http://testserver{path}"


@pytest.fixture
def editor():
    return make_editor()


def _publish_live_change(seed_data, find, change):
    data = copy.deepcopy(seed_data)
    for section in data["sections"]:
        for block in section["blocks"]:
            for unit in block["units"]:
                if unit["text"].startswith(find):
                    change(unit)
    data["version"] = "1.0"
    article_import(data=data)
    return data


def _approved_draft(editor, article, old=LLM_SENTENCE, new=LLM_SENTENCE.replace("[LLM].", "[1].")):
    suggestion = make_suggestion(article)
    services.suggestion_assign(suggestion=suggestion, editor=editor)
    services.suggestion_accept(suggestion=suggestion, editor=editor)
    draft = services.draft_start(editor=editor, article=article, suggestion=suggestion)
    draft = services.draft_save(draft=draft, editor=editor, text=draft.text.replace(old, new), summary="Cited it.")
    services.draft_send_for_approval(draft=draft, editor=editor, build_url=_url)
    draft.refresh_from_db()
    return services.draft_decide(draft=draft, approve=True)


def test_a_clean_merge_keeps_the_approval_and_then_publishes(client, editor, seed_article, seed_data):
    draft = _approved_draft(editor, seed_article)
    _publish_live_change(seed_data, "Supportive touch", lambda u: u.update(text=u["text"] + ", gently"))
    client.force_login(editor)
    html = client.get(f"/editors/drafts/{draft.pk}/").content.decode()
    assert "Bring the draft up to date" in html
    page = client.get(f"/editors/drafts/{draft.pk}/update/").content.decode()
    assert "Nothing conflicts" in page and "1 change from the live article" in page
    response = client.post(f"/editors/drafts/{draft.pk}/update/")
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.base_version == "1.1" and draft.state == Draft.State.APPROVED  # the approved change is unchanged
    assert "caregiving system, gently [6]." in draft.text and LLM_SENTENCE.replace("[LLM].", "[1].") in draft.text
    services.draft_publish(draft=draft, editor=editor, build_url=_url)
    article = Article.objects.get(pk=seed_article.pk)
    assert article.version == "1.2"
    page = client.get(article.get_absolute_url()).content.decode()
    assert "caregiving system, gently" in page and 'data-provenance="1">Because it is a transdiagnostic' in page


def test_a_conflict_is_chosen_sentence_by_sentence_and_the_submitter_is_asked_again(
    client, editor, seed_article, seed_data
):
    draft = _approved_draft(editor, seed_article)
    _publish_live_change(seed_data, "Because it is a transdiagnostic", lambda u: u.update(provenance=[2]))
    client.force_login(editor)
    page = client.get(f"/editors/drafts/{draft.pk}/update/").content.decode()
    assert "1 conflict to resolve" in page and 'name="conflict-0" value="live"' in page
    refused = client.post(f"/editors/drafts/{draft.pk}/update/")
    assert refused.status_code == 400 and "Choose which text to keep" in refused.content.decode()
    draft.refresh_from_db()
    assert draft.base_version == "1.0"  # nothing changed while unresolved
    client.post(f"/editors/drafts/{draft.pk}/update/", {"conflict-0": "live"})
    draft.refresh_from_db()
    assert draft.base_version == "1.1" and draft.state == Draft.State.EDITING  # not what they approved: ask again
    assert "treatments [2]." in draft.text
    with pytest.raises(services.ValidationError):  # no change left against live, so nothing to send
        services.draft_send_for_approval(draft=draft, editor=editor, build_url=_url)


def test_a_draft_never_sent_is_brought_up_to_date_without_talk_of_the_submitters_approval(
    client, editor, seed_article, seed_data
):
    suggestion = make_suggestion(seed_article)
    services.suggestion_assign(suggestion=suggestion, editor=editor)
    services.suggestion_accept(suggestion=suggestion, editor=editor)
    draft = services.draft_start(editor=editor, article=seed_article, suggestion=suggestion)
    cited = LLM_SENTENCE.replace("[LLM].", "[1].")
    draft = services.draft_save(draft=draft, editor=editor, text=draft.text.replace(LLM_SENTENCE, cited), summary="")
    _publish_live_change(seed_data, "Because it is a transdiagnostic", lambda u: u.update(provenance=[2]))
    client.force_login(editor)
    response = client.post(f"/editors/drafts/{draft.pk}/update/", {"conflict-0": "draft"}, follow=True)
    html = response.content.decode()
    assert "The draft now starts from version 1.1." in html and "submitter" not in html.split("messages", 1)[1][:400]
    assert "submitter" not in suggestion.events.last().message


def test_a_draft_is_not_sent_to_a_submitter_who_chose_not_to_approve(editor, seed_article):
    suggestion = make_suggestion(seed_article)
    Suggestion.objects.filter(pk=suggestion.pk).update(wants_approval=False)
    suggestion.refresh_from_db()
    services.suggestion_assign(suggestion=suggestion, editor=editor)
    services.suggestion_accept(suggestion=suggestion, editor=editor)
    draft = services.draft_start(editor=editor, article=seed_article, suggestion=suggestion)
    cited = LLM_SENTENCE.replace("[LLM].", "[1].")
    draft = services.draft_save(draft=draft, editor=editor, text=draft.text.replace(LLM_SENTENCE, cited), summary="")
    with pytest.raises(services.InvalidTransition, match="chose not to be asked to approve"):
        services.draft_send_for_approval(draft=draft, editor=editor, build_url=_url)
    draft.refresh_from_db()
    assert draft.state == Draft.State.EDITING and not draft.approval_key


def test_choosing_the_drafts_side_keeps_the_editors_text(client, editor, seed_article, seed_data):
    draft = _approved_draft(editor, seed_article)
    _publish_live_change(seed_data, "Because it is a transdiagnostic", lambda u: u.update(provenance=[2]))
    client.force_login(editor)
    client.post(f"/editors/drafts/{draft.pk}/update/", {"conflict-0": "draft"})
    draft.refresh_from_db()
    assert "treatments [1]." in draft.text and draft.base_version == "1.1"


def test_choices_made_against_a_live_version_that_has_since_moved_on_are_refused(
    client, editor, seed_article, seed_data
):
    draft = _approved_draft(editor, seed_article)
    live = _publish_live_change(seed_data, "Because it is a transdiagnostic", lambda u: u.update(provenance=[2]))
    client.force_login(editor)
    page = client.get(f"/editors/drafts/{draft.pk}/update/").content.decode()
    assert 'name="live_version" value="1.1"' in page
    # Meanwhile another change is published: the choice the editor made on the page above no longer applies.
    live["version"] = "1.1"
    _publish_live_change(live, "Supportive touch", lambda u: u.update(text=u["text"] + ", gently"))
    refused = client.post(f"/editors/drafts/{draft.pk}/update/", {"conflict-0": "draft", "live_version": "1.1"})
    html = refused.content.decode()
    assert refused.status_code == 400
    assert "now version 1.2, you saw 1.1" in html and 'name="live_version" value="1.2"' in html
    draft.refresh_from_db()
    assert draft.base_version == "1.0" and draft.state == Draft.State.APPROVED  # nothing changed
    client.post(f"/editors/drafts/{draft.pk}/update/", {"conflict-0": "draft", "live_version": "1.2"})
    draft.refresh_from_db()
    assert draft.base_version == "1.2" and "caregiving system, gently" in draft.text


def test_a_sentence_the_live_article_removed_and_the_draft_keeps_comes_back_under_its_own_key(
    client, editor, seed_article, seed_data
):
    from articles.models import Unit, UnitEvent

    key = Unit.objects.get(article=seed_article, text__startswith="Because it is a transdiagnostic").key
    draft = services.draft_start(editor=editor, article=seed_article)
    edited = LLM_SENTENCE.replace("several evidence-based treatments", "several evidence-based therapies")
    draft = services.draft_save(draft=draft, editor=editor, text=draft.text.replace(LLM_SENTENCE, edited), summary="")
    data = copy.deepcopy(seed_data)
    for section in data["sections"]:
        for block in section["blocks"]:
            block["units"] = [u for u in block["units"] if not u["text"].startswith("Because it is a transdiagnostic")]
    article_import(data=data)  # 1.1 removes the sentence the draft rewords
    client.force_login(editor)
    client.post(f"/editors/drafts/{draft.pk}/update/", {"conflict-0": "draft", "live_version": "1.1"})
    draft.refresh_from_db()
    assert draft.base_version == "1.1" and "several evidence-based therapies" in draft.text
    services.draft_publish(draft=draft, editor=editor, build_url=_url)
    back = Unit.objects.get(article=seed_article, text__contains="several evidence-based therapies")
    assert back.key == key
    assert list(
        UnitEvent.objects.filter(article=seed_article, key=key)
        .order_by("version__minor")
        .values_list("action", flat=True)
    ) == ["added", "removed", "restored"]


def test_a_draft_that_is_up_to_date_has_nothing_to_bring(client, editor, seed_article):
    draft = services.draft_start(editor=editor, article=seed_article)
    client.force_login(editor)
    response = client.get(f"/editors/drafts/{draft.pk}/update/", follow=True)
    assert "already starts from the live version" in response.content.decode()
    with pytest.raises(services.InvalidTransition):
        services.draft_bring_up_to_date(draft=draft, editor=editor)


def test_readers_cannot_reach_the_merge(client, editor, seed_article):
    draft = services.draft_start(editor=editor, article=seed_article)
    response = client.get(f"/editors/drafts/{draft.pk}/update/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
