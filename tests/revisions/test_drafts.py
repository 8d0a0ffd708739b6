"""From accepted suggestion to published version: drafting, approval without an account, publication."""

import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone

from articles.models import Article, ArticleVersion, Unit
from revisions import services
from revisions.models import Draft, Status
from revisions.tokens import approval_token
from tests.factories import make_article, make_editor, make_suggestion

pytestmark = pytest.mark.django_db


def _url(path):
    return f"http://testserver{path}"


@pytest.fixture
def editor():
    return make_editor()


@pytest.fixture
def accepted(seed_article, editor):
    suggestion = make_suggestion(seed_article, credit="full_name", name="Alex Example")
    services.suggestion_assign(suggestion=suggestion, editor=editor)
    return services.suggestion_accept(suggestion=suggestion, editor=editor)


LLM_SENTENCE = (
    "Because it is a transdiagnostic process variable, it functions both as an outcome to cultivate and as a "
    "presumed mechanism of change across several evidence-based treatments [LLM]."
)
CITED_SENTENCE = LLM_SENTENCE.replace("[LLM].", "[1].")


def _draft_with_change(editor, suggestion, old=LLM_SENTENCE, new=CITED_SENTENCE):
    draft = services.draft_start(editor=editor, article=suggestion.article, suggestion=suggestion)
    assert old in draft.text
    return services.draft_save(
        draft=draft, editor=editor, text=draft.text.replace(old, new), summary="Cited the transdiagnostic claim."
    )


def test_a_draft_leaves_the_live_article_untouched(client, editor, accepted):
    _draft_with_change(editor, accepted)
    html = client.get("/articles/self-compassion/").content.decode()
    assert 'data-provenance="llm">Because it is a transdiagnostic' in html
    assert Article.objects.get(slug="self-compassion").version == "1.0"


def _withdraw(admin_client, article):
    admin_client.post("/admin/articles/article/", {"action": "withdraw", "_selected_action": [article.pk]})
    article.refresh_from_db()
    assert not article.is_published


def test_a_draft_does_not_publish_again_an_article_withdrawn_meanwhile(admin_client, editor, accepted):
    draft = _draft_with_change(editor, accepted)
    Draft.objects.filter(pk=draft.pk).update(state=Draft.State.APPROVED)
    draft.refresh_from_db()
    _withdraw(admin_client, accepted.article)
    withdrawn = Article.objects.get(pk=accepted.article_id).version
    with pytest.raises(services.InvalidTransition, match="withdrawn from readers"):
        services.draft_publish(draft=draft, editor=editor, build_url=_url)
    article = Article.objects.get(pk=accepted.article_id)
    assert not article.is_published and article.version == withdrawn


def test_a_draft_cannot_start_from_a_withdrawn_article(admin_client, editor, accepted):
    _withdraw(admin_client, accepted.article)
    with pytest.raises(services.InvalidTransition, match="withdrawn from readers"):
        services.draft_start(editor=editor, article=accepted.article, suggestion=accepted)
    assert not Draft.objects.exists()


def test_a_broken_working_copy_is_refused_with_line_and_column(editor, accepted):
    draft = services.draft_start(editor=editor, article=accepted.article, suggestion=accepted)
    broken = draft.text.replace(LLM_SENTENCE, "A sentence with no marker.")
    with pytest.raises(Exception) as error:
        services.draft_save(draft=draft, editor=editor, text=broken, summary="")
    assert "draft:" in str(error.value) and "has no provenance marker" in str(error.value)
    draft.refresh_from_db()
    assert LLM_SENTENCE in draft.text


def test_the_editor_sees_the_sentence_diff_with_the_provenance_change(client, editor, accepted):
    draft = _draft_with_change(editor, accepted)
    client.force_login(editor)
    html = client.get(f"/editors/drafts/{draft.pk}/").content.decode()
    assert "LLM" in html and "cited" in html.lower()
    assert 'data-change="changed"' in html


def test_the_submitter_approves_from_the_emailed_link_once(
    client, editor, accepted, django_capture_on_commit_callbacks
):
    draft = _draft_with_change(editor, accepted)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.draft_send_for_approval(draft=draft, editor=editor, build_url=_url)
    link = re.search(r"http://testserver(/drafts/review/\S+/)", mail.outbox[0].body).group(1)
    page = client.get(link)
    assert page.status_code == 200 and 'data-change="changed"' in page.content.decode()
    client.post(link, {"decision": "approve"})
    draft.refresh_from_db()
    assert draft.state == Draft.State.APPROVED
    again = client.post(link, {"decision": "decline", "comment": "Changed my mind."})
    assert again.status_code == 410 and "already been decided" in again.content.decode()
    draft.refresh_from_db()
    assert draft.state == Draft.State.APPROVED


def test_declining_returns_the_draft_to_the_editor_with_the_comment(client, editor, accepted):
    draft = _draft_with_change(editor, accepted)
    services.draft_send_for_approval(draft=draft, editor=editor, build_url=_url)
    draft.refresh_from_db()
    client.post(f"/drafts/review/{approval_token(draft)}/", {"decision": "decline", "comment": "Cite source 5 too."})
    draft.refresh_from_db()
    assert draft.state == Draft.State.DECLINED and draft.approval_comment == "Cite source 5 too."
    assert accepted.events.last().action == "declined"
    with pytest.raises(Exception, match="must approve"):
        services.draft_publish(draft=draft, editor=editor, build_url=_url)


@pytest.mark.parametrize("problem", ["tampered", "expired", "stale-key"])
def test_bad_approval_links_are_refused(client, editor, accepted, settings, problem):
    draft = _draft_with_change(editor, accepted)
    services.draft_send_for_approval(draft=draft, editor=editor, build_url=_url)
    draft.refresh_from_db()
    token = approval_token(draft)
    if problem == "tampered":
        token = token[:-3] + "xyz"
    elif problem == "expired":
        settings.DRAFT_APPROVAL_LINK_MAX_AGE_DAYS = -1
    else:
        services.draft_save(draft=draft, editor=editor, text=draft.text + "\n", summary="")  # resets the request
    response = client.post(f"/drafts/review/{token}/", {"decision": "approve"})
    assert response.status_code in (404, 410)
    draft.refresh_from_db()
    assert draft.state != Draft.State.APPROVED


def test_publishing_makes_version_1_1_with_credit_and_history(
    client, editor, accepted, django_capture_on_commit_callbacks
):
    draft = _draft_with_change(editor, accepted)
    services.draft_send_for_approval(draft=draft, editor=editor, build_url=_url)
    draft.refresh_from_db()
    services.draft_decide(draft=draft, approve=True)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.draft_publish(draft=draft, editor=editor, build_url=_url)
    article = Article.objects.get(slug="self-compassion")
    assert article.version == "1.1" and article.revised_after_suggestion
    unit = Unit.objects.get(article=article, text__startswith="Because it is a transdiagnostic")
    assert not unit.is_llm and [c.article_source.number for c in unit.citations.all()] == [1]
    version = ArticleVersion.objects.get(article=article, major=1, minor=1)
    assert version.credit == "Alex Example" and version.suggestion_category == "Factual error"
    assert version.summary == "Cited the transdiagnostic claim." and version.published_by == editor
    accepted.refresh_from_db()
    assert accepted.status == Status.PUBLISHED
    assert "/articles/self-compassion/compare/?from=1.0&to=1.1" in mail.outbox[0].body
    html = client.get("/articles/self-compassion/").content.decode()
    assert "Version 1.1" in html and "Revised after a reader’s suggestion" in html
    assert 'data-provenance="1">Because it is a transdiagnostic' in html


def test_the_trail_shows_every_step_in_order(editor, accepted):
    draft = _draft_with_change(editor, accepted)
    services.draft_send_for_approval(draft=draft, editor=editor, build_url=_url)
    draft.refresh_from_db()
    services.draft_decide(draft=draft, approve=True)
    services.draft_publish(draft=draft, editor=editor, build_url=_url)
    assert [e.action for e in accepted.events.all()] == [
        "submitted",
        "assigned",
        "accepted",
        "drafted",
        "sent_for_approval",
        "approved",
        "published",
    ]


def test_a_submitter_who_wants_no_approval_leaves_it_to_the_editor(editor, seed_article):
    suggestion = make_suggestion(seed_article, wants_approval="")
    services.suggestion_assign(suggestion=suggestion, editor=editor)
    services.suggestion_accept(suggestion=suggestion, editor=editor)
    draft = _draft_with_change(editor, suggestion)
    services.draft_publish(draft=draft, editor=editor, build_url=_url)
    decided = suggestion.events.get(action="editor_decided")
    assert "chose not to review" in decided.message and decided.actor == editor


def test_silence_past_the_wait_leaves_it_to_the_editor(editor, accepted, settings):
    draft = _draft_with_change(editor, accepted)
    services.draft_send_for_approval(draft=draft, editor=editor, build_url=_url)
    draft.refresh_from_db()
    with pytest.raises(Exception, match="not answered yet"):
        services.draft_publish(draft=draft, editor=editor, build_url=_url)
    Draft.objects.filter(pk=draft.pk).update(approval_sent_at=timezone.now() - datetime.timedelta(days=15))
    services.draft_publish(draft=draft, editor=editor, build_url=_url)
    assert "did not answer within 14 days" in accepted.events.get(action="editor_decided").message


def test_an_editors_own_fix_publishes_without_a_submitter(editor, seed_article):
    draft = services.draft_start(editor=editor, article=seed_article)
    text = draft.text.replace("version: 1.0", "version: 1.0").replace(LLM_SENTENCE, CITED_SENTENCE)
    services.draft_save(draft=draft, editor=editor, text=text, summary="Editor's fix.")
    services.draft_publish(draft=draft, editor=editor, build_url=_url)
    article = Article.objects.get(pk=seed_article.pk)
    assert article.version == "1.1" and not article.revised_after_suggestion


def test_a_draft_from_an_old_version_is_refused_and_kept(editor, seed_article):
    first = services.draft_start(editor=editor, article=seed_article)
    second = services.draft_start(editor=editor, article=seed_article)
    for draft, new in ((first, CITED_SENTENCE), (second, LLM_SENTENCE.replace("[LLM].", "[2]."))):
        services.draft_save(draft=draft, editor=editor, text=draft.text.replace(LLM_SENTENCE, new), summary="")
    services.draft_publish(draft=first, editor=editor, build_url=_url)
    with pytest.raises(Exception, match="now version 1.1"):
        services.draft_publish(draft=second, editor=editor, build_url=_url)
    second.refresh_from_db()
    assert second.state == Draft.State.EDITING and "[2]." in second.text
    assert Article.objects.get(pk=seed_article.pk).version == "1.1"


def test_readers_cannot_reach_drafts(client, editor, accepted):
    draft = _draft_with_change(editor, accepted)
    assert client.get(f"/editors/drafts/{draft.pk}/").status_code == 302
    assert client.post(f"/editors/drafts/{draft.pk}/publish/").status_code == 302
    draft.refresh_from_db()
    assert draft.state == Draft.State.EDITING


def test_a_suggestion_keeps_its_sentence_when_that_sentence_is_edited(editor, accepted):
    unit = Unit.objects.get(article=accepted.article, text__startswith="Because it is a transdiagnostic")
    type(accepted).objects.filter(pk=accepted.pk).update(unit_key=unit.key, quoted_text=unit.text)
    draft = _draft_with_change(editor, accepted)
    type(accepted).objects.filter(pk=accepted.pk).update(wants_approval=False)
    draft.refresh_from_db()
    services.draft_publish(draft=draft, editor=editor, build_url=_url)
    edited = Unit.objects.get(article=accepted.article, key=unit.key)
    assert edited.pk == unit.pk and not edited.is_llm  # the same row, updated in place
    accepted.refresh_from_db()
    assert accepted.unit_key == unit.key
    assert accepted.quoted_text.startswith("Because it is a transdiagnostic")  # what the reader saw stays


def test_publishing_records_the_editor_and_the_sentence_change_in_the_version(editor, accepted):
    from articles.models import UnitEvent

    unit = Unit.objects.get(article=accepted.article, text__startswith="Because it is a transdiagnostic")
    draft = _draft_with_change(editor, accepted)
    type(accepted).objects.filter(pk=accepted.pk).update(wants_approval=False)
    draft.refresh_from_db()
    services.draft_publish(draft=draft, editor=editor, build_url=_url)
    version = ArticleVersion.objects.get(article=accepted.article, major=1, minor=1)
    assert version.published_by == editor and version.suggestion_id == accepted.pk
    [event] = UnitEvent.objects.filter(version=version)
    assert (event.key, event.action, event.provenance_changed, event.text_changed) == (unit.key, "changed", True, False)
    assert (event.old_provenance, event.new_provenance) == ("llm", "1")


def test_an_editor_starts_their_own_draft_from_the_queue(client, editor, seed_article):
    client.force_login(editor)
    assert 'action="/editors/drafts/new/"' in client.get("/editors/queue/").content.decode()
    response = client.post("/editors/drafts/new/", {"article": "self-compassion"})
    draft = Draft.objects.get()
    assert response["Location"] == f"/editors/drafts/{draft.pk}/"
    assert draft.suggestion is None and draft.created_by == editor
    assert client.post("/editors/drafts/new/", {"article": "no-such-article"}).status_code == 404


def test_the_approval_page_names_the_work_beside_each_source_of_a_provenance_change(client, editor, accepted):
    draft = _draft_with_change(editor, accepted)
    services.draft_send_for_approval(draft=draft, editor=editor, build_url=_url)
    draft.refresh_from_db()

    html = client.get(f"/drafts/review/{approval_token(draft)}/").content.decode()

    theory = "Neff 2023, “Self-Compassion: Theory, Method, Research, and Intervention”"
    assert f"Provenance:</span> LLM → cited (source 1, T1, {theory})" in html


def test_the_approval_page_costs_the_same_queries_for_a_short_and_a_long_article(
    client, editor, django_assert_max_num_queries
):
    counts = []
    for n_sections in (1, 12):
        article = make_article(n_sections=n_sections)
        suggestion = make_suggestion(article)
        services.suggestion_assign(suggestion=suggestion, editor=editor)
        services.suggestion_accept(suggestion=suggestion, editor=editor)
        draft = services.draft_start(editor=editor, article=article, suggestion=suggestion)
        # Every LLM-tagged sentence cited: a provenance change, with its source named, in each section.
        draft = services.draft_save(draft=draft, editor=editor, text=draft.text.replace(" [LLM].", " [1]."), summary="")
        services.draft_send_for_approval(draft=draft, editor=editor, build_url=_url)
        draft.refresh_from_db()
        with django_assert_max_num_queries(3) as queries:  # the draft, its base version, the library check
            html = client.get(f"/drafts/review/{approval_token(draft)}/").content.decode()
        assert html.count("LLM → cited (source 1, T1, Example 2020, “Synthetic trial") >= n_sections
        counts.append(len(queries.captured_queries))
    assert counts[0] == counts[1]


def test_a_draft_naming_a_type_that_would_share_another_types_address_is_refused_on_publish(client, seed_article):
    from articles.models import Article, ArticleType
    from revisions import services
    from tests.factories import make_editor

    editor = make_editor()
    draft = services.draft_start(editor=editor, article=seed_article)
    draft = services.draft_save(
        draft=draft, editor=editor, text=draft.text.replace("type: construct", "type: CONSTRUCT!", 1), summary=""
    )
    client.force_login(editor)
    response = client.post(f"/editors/drafts/{draft.pk}/publish/", follow=True)
    assert response.status_code == 200
    assert "would have the same address as the existing article type" in response.content.decode()
    assert Article.objects.get(pk=seed_article.pk).version == "1.0" and ArticleType.objects.count() == 1
