"""The queue's views (waiting for me, assigned to me, awaiting submitter, ready to publish, unassigned) with
their counts; assigning to any editor and releasing; the branded refusal for signed-in non-editors."""

import datetime
import re

import pytest
from django.utils import timezone

from revisions import services
from revisions.models import Draft, Status, Suggestion
from tests.factories import make_article, make_editor, make_suggestion

pytestmark = pytest.mark.django_db


def _url(path):
    return f"http://testserver{path}"


def _with_change(draft, editor):
    """Save the draft with its first LLM-tagged sentence cited to source 1 instead."""
    text = re.sub(r" \[LLM\]\.", " [1].", draft.text, count=1)
    return services.draft_save(draft=draft, editor=editor, text=text, summary="")


@pytest.fixture
def me():
    return make_editor("editor-me")


@pytest.fixture
def colleague():
    return make_editor("editor-colleague")


@pytest.fixture
def desk(me, colleague):
    """One suggestion or draft in each state the views tell apart, labelled by what it is."""
    article = make_article()
    items = {}

    def suggestion(label, assign_to=None, wants_approval="on"):
        s = make_suggestion(article, wants_approval=wants_approval)
        if assign_to:
            services.suggestion_assign(suggestion=s, editor=assign_to)
        items[label] = s
        return s

    suggestion("unassigned-new")
    suggestion("mine-in-review", me)
    asked = suggestion("mine-asked", me)
    services.suggestion_ask(suggestion=asked, editor=me, question="Which edition?", build_url=_url)
    answered = suggestion("mine-answered", me)
    services.suggestion_ask(suggestion=answered, editor=me, question="Which edition?", build_url=_url)
    services.suggestion_answer(suggestion=answered, answer="The second.")
    services.suggestion_accept(suggestion=suggestion("mine-accepted-undrafted", me), editor=me)
    suggestion("theirs-in-review", colleague)

    def drafted(label, assign_to, then):
        s = suggestion(label, assign_to)
        services.suggestion_accept(suggestion=s, editor=assign_to)
        draft = _with_change(services.draft_start(editor=assign_to, article=article, suggestion=s), assign_to)
        items[f"{label}/draft"] = then(draft, assign_to) or draft

    def send(draft, editor):
        return services.draft_send_for_approval(draft=draft, editor=editor, build_url=_url)

    def approve(draft, editor):
        services.draft_decide(draft=send(draft, editor), approve=True)

    def decline(draft, editor):
        services.draft_decide(draft=send(draft, editor), approve=False, comment="Cite the trial too.")

    def silent(draft, editor):
        sent = send(draft, editor)
        Draft.objects.filter(pk=sent.pk).update(approval_sent_at=timezone.now() - datetime.timedelta(days=30))

    drafted("mine-drafting", me, lambda d, e: None)
    drafted("mine-awaiting-approval", me, send)
    drafted("mine-approved", me, approve)
    drafted("mine-sent-back", me, decline)
    drafted("mine-unanswered-too-long", me, silent)
    drafted("theirs-approved", colleague, approve)
    items["my-own-draft"] = _with_change(services.draft_start(editor=me, article=article), me)
    return items


def _shown(client, view, items):
    html = client.get("/editors/queue/", {"view": view}).content.decode()
    table = html.split('class="queue__table"', 1)[1].split("</table>", 1)[0] if "queue__table" in html else ""
    shown = set()
    for label, item in items.items():
        if isinstance(item, Suggestion) and f'href="/editors/queue/{item.pk}/"' in table:
            shown.add(label)
        elif isinstance(item, Draft) and item.suggestion is None and f'href="/editors/drafts/{item.pk}/"' in table:
            shown.add(label)
    return shown, html


@pytest.mark.parametrize(
    "view, expected",
    [
        (
            "waiting",
            {
                "mine-in-review",
                "mine-answered",
                "mine-accepted-undrafted",
                "mine-drafting",
                "mine-approved",
                "mine-sent-back",
                "mine-unanswered-too-long",
                "my-own-draft",
            },
        ),
        (
            "assigned",
            {
                "mine-in-review",
                "mine-asked",
                "mine-answered",
                "mine-accepted-undrafted",
                "mine-drafting",
                "mine-awaiting-approval",
                "mine-approved",
                "mine-sent-back",
                "mine-unanswered-too-long",
            },
        ),
        ("submitter", {"mine-asked", "mine-awaiting-approval"}),
        ("ready", {"mine-approved", "mine-unanswered-too-long", "theirs-approved", "my-own-draft"}),
        ("unassigned", {"unassigned-new"}),
    ],
)
def test_each_view_holds_what_its_name_says_and_counts_it(client, me, desk, view, expected):
    client.force_login(me)
    shown, html = _shown(client, view, desk)
    assert shown == expected
    tab = re.search(rf'data-view="{view}">[^<]*<span class="queue-views__count">(\d+)</span>', html)
    assert int(tab.group(1)) == len(expected)
    assert 'aria-current="page" data-view="' + view in html


def test_a_ready_draft_row_links_to_the_draft(client, me, desk):
    client.force_login(me)
    html = client.get("/editors/queue/", {"view": "ready"}).content.decode()
    assert f'href="/editors/drafts/{desk["mine-approved/draft"].pk}/"' in html


@pytest.mark.parametrize("view", ["", "waiting", "assigned", "submitter", "ready", "unassigned"])
def test_the_queue_costs_the_same_queries_however_much_is_waiting(
    client, me, colleague, django_assert_max_num_queries, view
):
    def add_work(n):
        article = make_article(n_sections=1)
        for _ in range(n):
            s = make_suggestion(article)
            services.suggestion_assign(suggestion=s, editor=me)
            services.suggestion_accept(suggestion=s, editor=me)
            _with_change(services.draft_start(editor=me, article=article, suggestion=s), me)
            make_suggestion(article)
            services.draft_start(editor=me, article=article)

    client.force_login(me)
    add_work(1)
    # Session, user, permissions; the queue's counts, items, drafts and notification choice; the tier rules
    # that decide "ready to publish"; overdue reviews; the article picker; the source alerts.
    with django_assert_max_num_queries(14) as few:
        assert client.get("/editors/queue/", {"view": view}).status_code == 200
    add_work(6)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get("/editors/queue/", {"view": view}).status_code == 200


def test_an_editor_assigns_to_a_colleague_who_can_release_it(client, me, colleague):
    suggestion = make_suggestion(make_article())
    client.force_login(me)
    page = client.get(f"/editors/queue/{suggestion.pk}/").content.decode()
    assert f'<option value="{colleague.pk}">' in page and f'<option value="{me.pk}">' not in page
    client.post(f"/editors/queue/{suggestion.pk}/assign/", {"assignee": colleague.pk})
    suggestion.refresh_from_db()
    assert suggestion.assigned_to == colleague and suggestion.status == Status.IN_REVIEW
    event = suggestion.events.last()
    assert (event.action, event.actor, event.message) == ("assigned", me, "To editor-colleague")

    client.force_login(colleague)
    client.post(f"/editors/queue/{suggestion.pk}/release/")
    suggestion.refresh_from_db()
    assert suggestion.assigned_to is None and suggestion.status == Status.IN_REVIEW
    assert suggestion.events.last().action == "released"
    shown, _ = _shown(client, "unassigned", {"it": suggestion})
    assert shown == {"it"}


def test_an_accepted_suggestion_can_change_hands(client, me, colleague):
    suggestion = make_suggestion(make_article())
    services.suggestion_assign(suggestion=suggestion, editor=me)
    services.suggestion_accept(suggestion=suggestion, editor=me)
    client.force_login(me)
    client.post(f"/editors/queue/{suggestion.pk}/assign/", {"assignee": colleague.pk})
    suggestion.refresh_from_db()
    assert suggestion.assigned_to == colleague and suggestion.status == Status.ACCEPTED


@pytest.mark.parametrize(
    "assignee",
    # Superscript and Arabic-Indic digits are digits to str.isdigit, not to int(); the next overflows the database;
    # int() itself refuses the last, thousands of digits long.
    ["not-a-number", "999999", "reader", "²", "١٢", "99999999999999999999999", "1" * 5000],
)
def test_assigning_to_someone_who_is_not_an_editor_is_refused(client, me, django_user_model, assignee):
    suggestion = make_suggestion(make_article())
    if assignee == "reader":
        assignee = django_user_model.objects.create_user("reader-kim", password="not-a-real-password-1").pk
    client.force_login(me)
    response = client.post(f"/editors/queue/{suggestion.pk}/assign/", {"assignee": assignee}, follow=True)
    suggestion.refresh_from_db()
    assert suggestion.assigned_to is None and suggestion.status == Status.NEW
    assert "editor" in response.content.decode().split('class="messages"', 1)[1][:400]


def test_releasing_what_nobody_holds_is_refused(client, me):
    suggestion = make_suggestion(make_article())
    client.force_login(me)
    response = client.post(f"/editors/queue/{suggestion.pk}/release/", follow=True)
    assert "cannot be released" in response.content.decode() or "Nobody is assigned" in response.content.decode()
    assert suggestion.events.count() == 1


def test_accept_and_start_a_draft_in_one_step_opens_the_draft_at_the_sentence(client, me, seed_article):
    from articles.models import Unit

    unit = Unit.objects.get(article=seed_article, text__startswith="Because it is a transdiagnostic")
    suggestion = make_suggestion(seed_article)
    Suggestion.objects.filter(pk=suggestion.pk).update(unit_key=unit.key, quoted_text=unit.text)
    services.suggestion_assign(suggestion=suggestion, editor=me)
    client.force_login(me)
    response = client.post(f"/editors/queue/{suggestion.pk}/accept/", {"message": "Good catch.", "then": "draft"})
    draft = Draft.objects.get(suggestion=suggestion)
    assert response["Location"] == f"/editors/drafts/{draft.pk}/#u{unit.key}"
    suggestion.refresh_from_db()
    assert suggestion.status == Status.ACCEPTED


def test_a_signed_in_non_editor_gets_a_branded_page_that_says_where_to_go(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("reader-kim", password="not-a-real-password-1"))
    for path in ("/editors/queue/", "/editors/drafts/new/?article=x", "/editors/settings/"):
        response = client.get(path)
        html = response.content.decode()
        assert response.status_code == 403, path
        assert "This page is for the wiki’s editors" in html and "reader-kim" in html
        assert 'href="/"' in html and "Editors group" in html  # where to go instead, and how to become one
        assert "no-store" in response["Cache-Control"]


def test_the_phi_hold_note_names_fields_as_the_form_labels_them(client, me):
    held = make_suggestion(make_article(), note="Pacemaker serial no. PM-7730291 was noted in the letter.")
    client.force_login(me)
    html = client.get(f"/editors/queue/{held.pk}/").content.decode()
    note = html.split('class="phi-hold"', 1)[1].split("</div>", 1)[0]
    assert "in “Note to the editors”" in note
    assert not re.search(r"\bin (proposed_text|sources_text|note)\b", note)


@pytest.mark.parametrize(
    "action, fields, status", [("ask", {"message": "Which edition?"}, "awaiting_submitter"), ("accept", {}, "accepted")]
)
def test_a_new_suggestion_is_taken_on_by_asking_or_accepting(client, me, action, fields, status):
    suggestion = make_suggestion(make_article())
    client.force_login(me)
    page = client.get(f"/editors/queue/{suggestion.pk}/").content.decode()
    assert page.count('name="take" value="me"') == 2
    client.post(f"/editors/queue/{suggestion.pk}/{action}/", {**fields, "take": "me"})
    suggestion.refresh_from_db()
    assert suggestion.assigned_to == me and suggestion.status == status
    assert [e.action for e in suggestion.events.all()][1:] == [
        "assigned",
        "question" if action == "ask" else "accepted",
    ]


def test_a_refused_question_does_not_take_the_suggestion_on(client, me):
    suggestion = make_suggestion(make_article())
    client.force_login(me)
    client.post(f"/editors/queue/{suggestion.pk}/ask/", {"message": "x" * 4001, "take": "me"})
    client.post(f"/editors/queue/{suggestion.pk}/ask/", {"message": "Which?\x00", "take": "me"})
    suggestion.refresh_from_db()
    assert suggestion.assigned_to is None and suggestion.status == Status.NEW and suggestion.events.count() == 1


def test_taking_on_is_only_for_new_suggestions(client, me, colleague):
    suggestion = make_suggestion(make_article())
    services.suggestion_assign(suggestion=suggestion, editor=colleague)
    client.force_login(me)
    client.post(f"/editors/queue/{suggestion.pk}/accept/", {"take": "me"})
    suggestion.refresh_from_db()
    assert suggestion.assigned_to == colleague and suggestion.status == Status.ACCEPTED
