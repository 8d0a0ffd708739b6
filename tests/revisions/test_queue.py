"""Editors work the queue: permissions, filters, every transition and its trail."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from revisions import services
from revisions.models import Status, Suggestion
from revisions.tokens import status_token
from tests.factories import make_article, make_editor, make_staff, make_suggestion

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    return make_article()


@pytest.fixture
def editor():
    return make_editor()


@pytest.fixture
def suggestion(article):
    return make_suggestion(article)


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def _build_url(path):
    return f"http://testserver{path}"


def test_readers_are_sent_to_sign_in(client, suggestion):
    response = client.get("/editors/queue/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    assert client.get(f"/editors/queue/{suggestion.pk}/").status_code == 302


def test_a_signed_in_non_editor_is_refused(client, suggestion, django_user_model):
    client.force_login(django_user_model.objects.create_user("reader-kim", password="not-a-real-password-1"))
    assert client.get("/editors/queue/").status_code == 403
    assert client.post(f"/editors/queue/{suggestion.pk}/assign/").status_code == 403
    suggestion.refresh_from_db()
    assert suggestion.status == Status.NEW


def test_an_editor_without_admin_rights_cannot_use_the_admin(editor_client):
    response = editor_client.get("/admin/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_editors_can_sign_in_with_a_password(client, editor):
    response = client.post("/accounts/login/", {"username": editor.username, "password": "not-a-real-password-1"})
    assert response.status_code == 302 and response["Location"] == "/editors/queue/"


def test_the_queue_lists_oldest_first_and_is_never_cached(editor_client, article):
    first = make_suggestion(article)
    second = make_suggestion(article)
    Suggestion.objects.filter(pk=first.pk).update(created_at=timezone.now() - datetime.timedelta(days=3))
    response = editor_client.get("/editors/queue/")
    html = response.content.decode()
    assert html.index(f"#{first.pk}<") < html.index(f"#{second.pk}<")
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize(
    "query, expected",
    [
        ({"category": "outdated"}, {"outdated"}),
        ({"phi": "hold"}, {"held"}),
        ({"older_than": "5"}, {"old"}),
        ({"status": "rejected"}, set()),
        ({"status": "all"}, {"outdated", "held", "old", "other-article"}),
    ],
)
def test_the_queue_filters(editor_client, article, query, expected):
    labelled = {
        "outdated": make_suggestion(article, category="outdated"),
        "held": make_suggestion(article, note="Marisol found this hard."),
        "old": make_suggestion(article),
        "other-article": make_suggestion(make_article()),
    }
    Suggestion.objects.filter(pk=labelled["old"].pk).update(created_at=timezone.now() - datetime.timedelta(days=9))
    html = editor_client.get("/editors/queue/", query).content.decode()
    shown = {label for label, s in labelled.items() if f'href="/editors/queue/{s.pk}/"' in html}
    assert shown == expected


def test_the_queue_filters_by_article(editor_client, article):
    here, elsewhere = make_suggestion(article), make_suggestion(make_article())
    html = editor_client.get("/editors/queue/", {"article": article.slug}).content.decode()
    assert f"/editors/queue/{here.pk}/" in html and f"/editors/queue/{elsewhere.pk}/" not in html


def test_detail_shows_the_suggestion_beside_the_current_text_and_its_source_tiers(editor_client, article):
    from articles.models import Unit

    unit = Unit.objects.filter(block__section__article=article, block__kind="paragraph").order_by("pk")[1]
    suggestion = make_suggestion(article)
    Suggestion.objects.filter(pk=suggestion.pk).update(unit_key=unit.key, quoted_text=unit.text)
    html = editor_client.get(f"/editors/queue/{suggestion.pk}/").content.decode()
    current = html.split('id="current-heading"', 1)[1].split("</section>", 1)[0]
    assert unit.text in current
    assert "tier-badge--t2" in current and "tier-badge--t3" in current  # the unit cites sources 2 and 3
    assert "The synthetic trial found a smaller effect" in html
    assert "alex@example.org" in html  # editors see the submitter's contact


def test_detail_queries_do_not_grow_with_the_trail(editor_client, article, editor, django_assert_max_num_queries):
    suggestion = make_suggestion(article)
    services.suggestion_assign(suggestion=suggestion, editor=editor)
    for _ in range(5):
        services.suggestion_ask(suggestion=suggestion, editor=editor, question="Which edition?", build_url=_build_url)
        services.suggestion_answer(suggestion=suggestion, answer="The second edition.")
    with django_assert_max_num_queries(8):
        assert editor_client.get(f"/editors/queue/{suggestion.pk}/").status_code == 200


def test_assign_then_accept_records_who_when_and_why(editor_client, editor, suggestion):
    editor_client.post(f"/editors/queue/{suggestion.pk}/assign/")
    editor_client.post(f"/editors/queue/{suggestion.pk}/accept/", {"message": "Good catch; draft it."})
    suggestion.refresh_from_db()
    assert suggestion.status == Status.ACCEPTED and suggestion.assigned_to == editor
    assert suggestion.closed_at is None  # still open while its change is drafted and approved
    trail = [(e.action, e.actor, e.from_status, e.to_status, e.message) for e in suggestion.events.all()]
    assert trail == [
        ("submitted", None, "", "new", ""),
        ("assigned", editor, "new", "in_review", ""),
        ("accepted", editor, "in_review", "accepted", "Good catch; draft it."),
    ]


def test_reject_needs_a_reason_and_emails_it(editor_client, suggestion, django_capture_on_commit_callbacks):
    editor_client.post(f"/editors/queue/{suggestion.pk}/reject/", {"message": ""})
    suggestion.refresh_from_db()
    assert suggestion.status == Status.NEW
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(f"/editors/queue/{suggestion.pk}/reject/", {"message": "The cited trial was retracted."})
    suggestion.refresh_from_db()
    assert suggestion.status == Status.REJECTED
    assert len(mail.outbox) == 1 and "The cited trial was retracted." in mail.outbox[0].body


def test_ask_then_the_submitter_answers_from_the_status_page(
    client, editor, suggestion, django_capture_on_commit_callbacks
):
    services.suggestion_assign(suggestion=suggestion, editor=editor)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.suggestion_ask(suggestion=suggestion, editor=editor, question="Which edition?", build_url=_build_url)
    assert suggestion.status == Status.AWAITING_SUBMITTER
    link = next(line for line in mail.outbox[0].body.splitlines() if "/suggestions/" in line).strip()
    path = link.removeprefix("http://testserver")
    assert "Which edition?" in client.get(path).content.decode()
    client.post(path, {"action": "answer", "message": "The second edition, 2021."})
    suggestion.refresh_from_db()
    assert suggestion.status == Status.IN_REVIEW
    assert suggestion.events.last().message == "The second edition, 2021."


def test_a_second_answer_from_another_tab_is_refused_and_shown_to_copy(client, editor, suggestion):
    services.suggestion_assign(suggestion=suggestion, editor=editor)
    services.suggestion_ask(suggestion=suggestion, editor=editor, question="Which edition?", build_url=_build_url)
    path = f"/suggestions/{status_token(suggestion)}/"
    client.post(path, {"action": "answer", "message": "The second edition, 2021."})
    late = "Also the synthetic appendix on page 40, which I forgot to mention."
    response = client.post(path, {"action": "answer", "message": late})
    html = response.content.decode()
    assert response.status_code == 200 and "Your answer was not sent" in html and late in html
    suggestion.refresh_from_db()
    assert suggestion.events.filter(action="answer").count() == 1


@pytest.mark.parametrize(
    "status, action",
    [
        (Status.NEW, "accept"),
        (Status.NEW, "ask"),
        (Status.PHI_HOLD, "assign"),
        (Status.PUBLISHED, "reject"),
        (Status.ACCEPTED, "accept"),
        (Status.REJECTED, "assign"),
        (Status.WITHDRAWN, "accept"),
        (Status.IN_REVIEW, "clear-phi"),
    ],
)
def test_invalid_transitions_are_refused_with_a_message(editor_client, suggestion, status, action):
    Suggestion.objects.filter(pk=suggestion.pk).update(status=status)
    response = editor_client.post(f"/editors/queue/{suggestion.pk}/{action}/", {"message": "Because."}, follow=True)
    suggestion.refresh_from_db()
    assert suggestion.status == status
    assert "cannot be" in response.content.decode()


def test_services_refuse_people_who_are_not_editors(suggestion):
    with pytest.raises(PermissionDenied):
        services.suggestion_assign(suggestion=suggestion, editor=make_staff())


def test_a_held_suggestion_is_masked_until_revealed_and_cleared(editor_client, editor, article):
    held = make_suggestion(article, note="Marisol found this hard.")
    html = editor_client.get(f"/editors/queue/{held.pk}/").content.decode()
    assert "Marisol" not in html and "On PHI hold" in html
    editor_client.post(f"/editors/queue/{held.pk}/reveal-phi/")
    editor_client.post(f"/editors/queue/{held.pk}/clear-phi/", {"message": "A pseudonym, not a real client."})
    held.refresh_from_db()
    assert held.status == Status.NEW and held.events.last().actor == editor
    assert "Marisol" in editor_client.get(f"/editors/queue/{held.pk}/").content.decode()


def test_redacting_replaces_the_flagged_text_and_records_it(editor_client, article):
    held = make_suggestion(article, note="Marisol found this hard.")
    editor_client.post(f"/editors/queue/{held.pk}/redact-phi/")
    held.refresh_from_db()
    assert held.status == Status.NEW and "Marisol" not in held.note and "[redacted]" in held.note
    assert held.events.last().action == "phi_redacted"
