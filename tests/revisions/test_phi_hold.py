"""Defence in depth behind the PHI screen: what editors see of held text, who revealed it, and what is erased."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from revisions import services
from revisions.models import OutboundEmail, Status, Suggestion, SuggestionEvent
from revisions.tokens import status_token
from tests.factories import make_article, make_editor, make_suggestion, suggestion_post_data

pytestmark = pytest.mark.django_db

HELD_NOTE = "Marisol found this hard, and her sister in Tuscaloosa agreed."


@pytest.fixture
def article():
    return make_article()


@pytest.fixture
def editor():
    return make_editor()


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def held(article):
    suggestion = make_suggestion(article, note=HELD_NOTE)
    assert suggestion.status == Status.PHI_HOLD
    return suggestion


def _detail(client, suggestion):
    return client.get(f"/editors/queue/{suggestion.pk}/").content.decode()


def test_held_text_is_fully_masked_not_only_the_flagged_words(editor_client, held):
    html = _detail(editor_client, held)
    suggested = html.split('id="proposed-heading"', 1)[1].split("</section>", 1)[0]
    for word in ("Marisol", "sister", "Tuscaloosa", "agreed", "synthetic"):
        assert word not in suggested
    assert "•••••••" in suggested  # the shape of the text stays, its letters do not
    assert "personal name" in html and "Reveal the text to me" in html
    assert "Confirm free of PHI" not in html  # nobody may clear what they have not read


def test_revealing_is_deliberate_recorded_and_only_for_the_editor_who_asked(editor_client, held, client):
    response = editor_client.post(f"/editors/queue/{held.pk}/reveal-phi/")
    assert response.status_code == 302
    event = held.events.get(action=SuggestionEvent.Action.PHI_REVEALED)
    assert event.actor is not None and event.created_at is not None
    assert event.from_status == event.to_status == Status.PHI_HOLD
    html = _detail(editor_client, held)
    assert HELD_NOTE.split(",")[0] in html and "You revealed the held text on" in html
    assert "Held text revealed to an editor by" in html  # the trail names who revealed it
    other = make_editor("editor-two")
    client.force_login(other)
    assert "Marisol" not in _detail(client, held)


def test_confirming_clean_needs_a_reveal_and_then_ends_the_hold(editor_client, held):
    response = editor_client.post(f"/editors/queue/{held.pk}/clear-phi/", {"message": "Fine."}, follow=True)
    held.refresh_from_db()
    assert held.status == Status.PHI_HOLD
    assert "Reveal the held text and read it before confirming it free of PHI." in response.content.decode()
    editor_client.post(f"/editors/queue/{held.pk}/reveal-phi/")
    editor_client.post(f"/editors/queue/{held.pk}/clear-phi/", {"message": "A pseudonym."})
    held.refresh_from_db()
    assert held.status == Status.NEW and held.phi_findings == []
    assert "Marisol" in _detail(editor_client, held)


def test_redacting_ends_the_hold_and_leaves_no_flagged_value_anywhere(editor_client, held):
    editor_client.post(f"/editors/queue/{held.pk}/redact-phi/")
    held.refresh_from_db()
    assert held.status == Status.NEW and held.phi_findings == []
    stored = " ".join(
        [held.proposed_text, held.sources_text, held.note, held.quoted_text]
        + list(held.events.values_list("message", flat=True))
        + list(OutboundEmail.objects.values_list("body", flat=True))
    )
    assert "Marisol" not in stored and "[redacted]" in held.note


def test_the_submitters_page_says_what_the_hold_means_and_what_they_can_do(client, held, editor):
    page = f"/suggestions/{status_token(held)}/"
    html = client.get(page).content.decode()
    explanation = html.split('id="hold-heading"', 1)[1].split("</section>", 1)[0]
    assert "On PHI hold" in html and "What “on PHI hold” means" in explanation
    assert "unsure about something you wrote (personal name" in explanation
    assert "an editor checks it before anything else happens" in explanation
    assert "nothing from it is drafted or published" in explanation
    assert "You need do nothing." in explanation and "withdraw the suggestion below" in explanation
    assert "Withdraw my suggestion" in html
    assert "within 30 days of your sending it, its text is erased" in explanation

    services.suggestion_redact_phi(suggestion=held, editor=editor)
    assert 'id="hold-heading"' not in client.get(page).content.decode()


def test_a_refused_suggestion_leaves_nothing_stored(client, article):
    text = "My client Marisol Vega, MRN 4471902, asked about this."
    response = client.post(f"/articles/{article.slug}/suggest/", suggestion_post_data(note=text))
    assert response.status_code == 400
    assert not Suggestion.objects.exists() and not SuggestionEvent.objects.exists()
    assert not OutboundEmail.objects.exists() and mail.outbox == []


def test_a_confident_name_context_is_refused_not_held(client, article):
    response = client.post(
        f"/articles/{article.slug}/suggest/", suggestion_post_data(note="My client June Park cried.")
    )
    assert response.status_code == 400 and "Please remove the personal name" in response.content.decode()
    assert not Suggestion.objects.exists()


def _age(suggestion, days):
    past = timezone.now() - datetime.timedelta(days=days)
    Suggestion.objects.filter(pk=suggestion.pk).update(
        created_at=past, closed_at=past if suggestion.closed_at else None
    )


def test_held_text_is_erased_on_the_retention_schedule(article, held, editor):
    recent = make_suggestion(article, note="Marisol found the second session easier.")
    cleared = make_suggestion(article, note="Marisol found the third session easier.")
    services.suggestion_reveal_phi(suggestion=cleared, editor=editor)
    services.suggestion_clear_phi(suggestion=cleared, editor=editor)
    for suggestion in (held, cleared):
        _age(suggestion, 31)
    assert services.suggestion_purge_held_text(retention_days=30) == 1
    held.refresh_from_db()
    assert held.status == Status.REJECTED and held.held_text_purged_at is not None and held.closed_at is not None
    assert "Marisol" not in held.note and set(held.note) <= {"•", " ", ",", "."}
    assert held.events.last().action == SuggestionEvent.Action.PHI_PURGED
    for untouched in (recent, cleared):
        untouched.refresh_from_db()
        assert "Marisol" in untouched.note and untouched.held_text_purged_at is None
    assert services.suggestion_purge_held_text(retention_days=30) == 0  # once only


def test_text_held_then_rejected_unread_is_erased_too(article, held, editor):
    services.suggestion_reject(suggestion=held, editor=editor, reason="Out of scope.", build_url=lambda p: p)
    held.refresh_from_db()
    _age(held, 31)
    call_command("purge_suggestion_contacts", "--held-days", "30", stdout=open("/dev/null", "w"))
    held.refresh_from_db()
    assert held.status == Status.REJECTED and "Marisol" not in held.note and held.held_text_purged_at


def test_the_purge_command_reports_both_jobs(held, capsys):
    _age(held, 40)
    call_command("purge_suggestion_contacts")
    out = capsys.readouterr().out
    assert "Erased contact details from 0 suggestions" in out
    assert "Erased the held text of 1 suggestions on PHI hold for more than 30 days." in out


def test_the_detail_page_of_a_held_suggestion_runs_a_fixed_number_of_queries(
    editor_client, held, editor, django_assert_max_num_queries
):
    services.suggestion_reveal_phi(suggestion=held, editor=editor)
    with django_assert_max_num_queries(9):
        assert editor_client.get(f"/editors/queue/{held.pk}/").status_code == 200


@pytest.mark.django_db(transaction=True)
def test_the_hold_migration_reverses_and_reapplies():
    from django.db import connection

    call_command("migrate", "revisions", "0005", verbosity=0)
    columns = [
        c.name for c in connection.introspection.get_table_description(connection.cursor(), "revisions_suggestion")
    ]
    assert "held_text_purged_at" not in columns
    call_command("migrate", "revisions", verbosity=0)
    columns = [
        c.name for c in connection.introspection.get_table_description(connection.cursor(), "revisions_suggestion")
    ]
    assert "held_text_purged_at" in columns
