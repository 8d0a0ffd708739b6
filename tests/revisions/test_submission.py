"""A reader suggests a change: tied to the text, screened for PHI, saved exactly as typed."""

import re

import pytest
from django.core import mail

from articles.models import Unit
from revisions.models import OutboundEmail, Status, Suggestion
from tests.factories import make_article, suggestion_post_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    return make_article()


def _suggest_url(article):
    return f"/articles/{article.slug}/suggest/"


def _first_unit(article):
    return Unit.objects.filter(block__section__article=article, block__kind="paragraph").order_by("pk").first()


def test_every_sentence_and_section_offers_suggest_a_change(client, article):
    html = client.get(article.get_absolute_url()).content.decode()
    unit_count = Unit.objects.filter(block__section__article=article).count()
    assert len(re.findall(r'class="suggest-link" href="\?suggest=u\d+#suggest"', html)) == unit_count
    headed = article.sections.exclude(heading="").count()
    assert len(re.findall(r'href="\?suggest=s\d+#suggest">Suggest a change to this section', html)) == headed


def test_the_link_opens_the_form_with_that_sentence_quoted_without_javascript(client, article):
    unit = _first_unit(article)
    html = client.get(article.get_absolute_url(), {"suggest": unit.key_label}).content.decode()
    box = html.split('id="suggest"', 1)[1]
    assert f"<blockquote>{unit.text} [1].</blockquote>" in box
    assert f'name="target" value="{unit.key_label}"' in box


@pytest.mark.parametrize("ref", ["u999", "u0", "u-1", "s999", "x1", "u" + "9" * 40])
def test_a_key_the_article_never_handed_out_quotes_nothing(client, article, ref):
    response = client.get(article.get_absolute_url(), {"suggest": ref})
    assert response.status_code == 200
    assert "<blockquote>" not in response.content.decode().split('id="suggest"', 1)[1]


def test_a_valid_suggestion_is_saved_as_typed_tied_to_its_sentence(client, article, django_capture_on_commit_callbacks):
    unit = _first_unit(article)
    typed = "  Keep   my spacing\nand my line break.  "
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_suggest_url(article), suggestion_post_data(target=unit.key_label, proposed_text=typed))
    assert response.status_code == 302 and response["Location"].startswith("/suggestions/")
    suggestion = Suggestion.objects.get()
    assert suggestion.proposed_text == typed
    assert suggestion.unit_key == unit.key and suggestion.quoted_text == f"{unit.text} [1]."
    assert suggestion.status == Status.NEW and suggestion.article_version == "1.0"
    assert [e.action for e in suggestion.events.all()] == ["submitted"]
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["alex@example.org"]
    confirmation = client.get(response["Location"]).content.decode()
    assert "your suggestion has reached the editors" in confirmation


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("proposed_text", "", "Write the change you suggest."),
        ("proposed_text", "x" * 5001, "This is 5,001 characters; the limit is 5,000 — please shorten it by 1."),
        ("sources_text", "", "Give at least one supporting source"),
        ("email", "not-an-email", "Enter a valid email address."),
        ("category", "poetry", "Select a valid choice."),
        ("attested_no_phi", "", "Please confirm that your suggestion contains no PHI."),
        ("note", "bell\x07character", "invisible control characters"),
        ("note", "c1\x9bcontrol", "invisible control characters"),
        ("name", "Testy\u200bMcTestface", "shows nothing or could not be read"),
        ("name", "Testy\ufffd\ufffd McTestface", "shows nothing or could not be read"),
        ("name", "Testy McTestface\U000e0041", "shows nothing or could not be read"),
        ("proposed_text", "nul\x00byte", "Null characters are not allowed."),
        ("name", "", "Tell us your name"),
        ("category", "", "Choose what kind of change you suggest."),
        ("email", "", "Give your email address: it is how we tell you what happens next."),
    ],
)
def test_bad_input_is_returned_with_a_clear_message_and_nothing_saved(client, article, field, value, message):
    response = client.post(_suggest_url(article), suggestion_post_data(**{field: value}))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Suggestion.objects.exists() and not OutboundEmail.objects.exists()


def test_a_name_written_with_a_zero_width_non_joiner_is_accepted(client, article):
    # Persian and Indic names are spelled with it: "Mehr\u200cAra" is one synthetic name, not an attack.
    response = client.post(_suggest_url(article), suggestion_post_data(name="Mehr\u200cAra Synthetic"))
    assert response.status_code == 302
    assert Suggestion.objects.get().name == "Mehr\u200cAra Synthetic"


def _refused_with_several_errors(client, article):
    data = suggestion_post_data(email="", proposed_text="x" * 5001, note="bell\x07character")
    del data["category"]  # as a browser sends a question left unanswered
    response = client.post(_suggest_url(article), data)
    assert response.status_code == 400
    return response.content.decode()


def test_an_unanswered_kind_of_change_or_email_says_what_to_give(client, article):
    html = _refused_with_several_errors(client, article)
    assert "This field is required" not in html
    assert "Choose what kind of change you suggest." in html and "Give your email address" in html


def test_an_invalid_submission_has_one_alert_listing_each_error_with_a_link_to_its_field(client, article):
    html = _refused_with_several_errors(client, article)
    assert html.count('role="alert"') == 1
    summary = html.split('role="alert"', 1)[1].split("</div>", 1)[0]
    assert summary.count("<li>") == 4
    for field_id in ("id_category_0", "id_proposed_text", "id_note", "id_email"):
        assert f'href="#{field_id}"' in summary and f'id="{field_id}"' in html
    assert "Kind of change</a>: Choose what kind of change you suggest." in summary


def test_the_kind_of_change_error_is_tied_to_its_group_of_choices(client, article):
    html = _refused_with_several_errors(client, article)
    fieldset = re.search(r'<fieldset class="suggest__category"[^>]*>', html).group(0)
    assert 'aria-describedby="id_category_error"' in fieldset
    assert '<ul class="errorlist" id="id_category_error">' in html
    assert len(re.findall(r'name="category"[^>]*aria-invalid="true"', html)) == 7


def test_a_wording_change_needs_no_source(client, article):
    response = client.post(_suggest_url(article), suggestion_post_data(category="unclear_wording", sources_text=""))
    assert response.status_code == 302
    assert Suggestion.objects.get().sources_text == ""


def test_missing_and_wrongly_typed_fields_never_cause_a_500(client, article):
    assert client.post(_suggest_url(article), {}).status_code == 400
    assert client.post(_suggest_url(article), {"category": ["a", "b"], "target": "u-notanumber"}).status_code == 400
    assert client.post(_suggest_url(article), suggestion_post_data(target="u999999999999999999999")).status_code == 302


def test_opening_the_forms_address_leads_to_the_form_on_the_article(client, article):
    """A refused form is shown at the form's address; reloading it there opens the article's form, not an error."""
    response = client.get(_suggest_url(article))
    assert response.status_code == 302 and response["Location"] == article.get_absolute_url() + "#suggest"
    assert client.put(_suggest_url(article)).status_code == 405
    assert Suggestion.objects.count() == 0


def test_the_length_limits_are_shown_to_the_reader(client, article):
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Up to 5,000 characters." in html and 'data-limit="5000"' in html
    assert 'src="/static/js/suggest.js"' in html  # counts as the reader types


def test_no_text_area_lets_the_browser_cut_a_paste_short(client, article):
    html = client.get(article.get_absolute_url()).content.decode()
    for area in re.findall(r"<textarea[^>]*>", html.split('id="suggest"', 1)[1]):
        assert "maxlength" not in area


def test_text_over_its_limit_comes_back_whole_with_the_figures_to_shorten_it(client, article):
    typed = "".join(f"Synthetic sentence {n} of an example change. " for n in range(1, 200))[:6380]
    response = client.post(_suggest_url(article), suggestion_post_data(proposed_text=typed))
    html = response.content.decode()
    assert response.status_code == 400
    assert "This is 6,380 characters; the limit is 5,000 — please shorten it by 1,380." in html
    assert "Ensure this value" not in html
    assert html.split('name="proposed_text"', 1)[1].split("</textarea>", 1)[0].endswith(">\n" + typed)
    assert not Suggestion.objects.exists()


def test_a_line_break_counts_as_the_one_character_the_reader_sees(client, article):
    lines = "Synthetic line of an example change.\r\n" * 200  # as a browser sends a text area
    typed = lines[: 5000 + lines[:5000].count("\r\n")]
    response = client.post(_suggest_url(article), suggestion_post_data(proposed_text=typed))
    assert response.status_code == 302 and Suggestion.objects.get().proposed_text == typed


def test_the_honeypot_stores_nothing_but_looks_like_success(client, article):
    response = client.post(_suggest_url(article), suggestion_post_data(website="https://spam.example"))
    assert response.status_code == 200 and "Thank you" in response.content.decode()
    assert not Suggestion.objects.exists()


def test_submissions_require_csrf(article):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(_suggest_url(article), suggestion_post_data())
    assert response.status_code == 403 and not Suggestion.objects.exists()


def test_an_address_over_its_rate_limit_gets_a_try_again_later_page(client, article, settings):
    settings.SUGGESTION_RATE_LIMITS = [(2, 3600)]
    for _ in range(2):
        assert client.post(_suggest_url(article), suggestion_post_data()).status_code == 302
    typed = suggestion_post_data(proposed_text="A synthetic correction the reader took care over.")
    response = client.post(_suggest_url(article), typed)
    html = response.content.decode()
    assert response.status_code == 429 and "Please try again later" in html
    assert "A synthetic correction the reader took care over." in html  # back in the form, to send later
    assert Suggestion.objects.count() == 2
    other = client.post(_suggest_url(article), suggestion_post_data(), REMOTE_ADDR="192.0.2.77")
    assert other.status_code == 302


def test_refused_forms_do_not_use_up_a_readers_suggestions(client, article, settings):
    settings.SUGGESTION_RATE_LIMITS = [(2, 3600)]
    for _ in range(5):  # a reader correcting the form again and again
        assert client.post(_suggest_url(article), suggestion_post_data(sources_text="")).status_code == 400
    assert client.post(_suggest_url(article), suggestion_post_data()).status_code == 302
    assert Suggestion.objects.count() == 1


def test_an_address_posting_the_form_without_end_is_paused_even_when_every_post_is_refused(client, article, settings):
    settings.SUGGESTION_ATTEMPT_RATE_LIMITS = [(3, 3600)]
    for _ in range(3):
        assert client.post(_suggest_url(article), suggestion_post_data(sources_text="")).status_code == 400
    response = client.post(_suggest_url(article), suggestion_post_data())
    assert response.status_code == 429 and not Suggestion.objects.exists()


def test_a_confident_phi_hit_is_refused_naming_the_kind_and_masking_the_value(client, article):
    response = client.post(
        _suggest_url(article),
        suggestion_post_data(note="You can reach the client on 020 7946 0123 after the session."),
    )
    html = response.content.decode()
    assert response.status_code == 400
    errors = html.split('class="field__errors"', 1)[1].split("</div>", 1)[0]
    assert "Please remove the phone number" in errors and "020 7946 0123" not in errors
    assert "020 7946 0123" in html.split('name="note"', 1)[1].split("</textarea>", 1)[0]  # kept for editing
    assert not Suggestion.objects.exists()


def test_a_borderline_hit_is_held_for_an_editor(client, article):
    response = client.post(
        _suggest_url(article),
        suggestion_post_data(note="Marisol found the exercise hard at first."),
    )
    assert response.status_code == 302
    suggestion = Suggestion.objects.get()
    assert suggestion.status == Status.PHI_HOLD and suggestion.phi_findings
    assert "Marisol" not in suggestion.masked("note")
    assert [e.action for e in suggestion.events.all()] == ["submitted", "held"]


def test_citations_in_the_sources_field_do_not_trip_the_screen(client, article):
    sources = (
        "Neff, K. D. (2003). Self and Identity, 2(3), 223-250. https://doi.org/10.1080/15298860309027\n"
        "Muris, P., & Otgaar, H. (2022). PMC9095813. PMID: 35961039"
    )
    response = client.post(_suggest_url(article), suggestion_post_data(sources_text=sources))
    assert response.status_code == 302 and Suggestion.objects.get().status == Status.NEW


def test_a_request_body_over_the_size_limit_is_refused_cleanly(client, article):
    response = client.post(_suggest_url(article), suggestion_post_data(proposed_text="x" * 3_000_000))
    assert response.status_code == 413  # and says so: tests/ops/test_error_pages.py
    assert not Suggestion.objects.exists()


def test_initials_of_a_name_of_many_words_fit_the_historys_credit():
    from revisions.models import PUBLIC_CREDIT_LIMIT, Credit, Suggestion

    suggestion = Suggestion(name=" ".join(["a"] * 100), credit=Credit.INITIALS)
    assert len(suggestion.public_credit) <= PUBLIC_CREDIT_LIMIT and suggestion.public_credit.startswith("A. A. A.")
    assert Suggestion(name="Alex Q Example", credit=Credit.INITIALS).public_credit == "A. Q. E."


def test_the_form_posts_to_an_address_without_a_fragment_for_the_status_page_to_inherit(client, article):
    # A browser keeps the form address's #fragment across the redirect to the status page.
    html = client.get(article.get_absolute_url()).content.decode()
    assert f'action="{_suggest_url(article)}"' in html
    refused = client.post(_suggest_url(article), suggestion_post_data(category="")).content.decode()
    assert 'id="suggest-errors" role="alert" tabindex="-1" autofocus' in refused  # the refused form comes into view
