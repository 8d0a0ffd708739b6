"""Every tuning vector through what readers and editors type: the suggestion form (refused and shown again, or
stored), the submitter's status page, the queue and its detail page, the editors' questions and the submitter's
answers, a draft sent back with a comment, and a revert's reason in the public history.

Each page is parsed as a browser would and compared with the same page holding plain text; the text typed must
also come back as typed, so a reader sees their own words rather than markup or mangled entities. Fields that
take many lines carry the vectors in batches, one a line, so each is tried without a round trip of its own.
"""

import re

import pytest

from articles.importing import article_import
from revisions import services
from revisions.models import Draft, OutboundEmail, Suggestion
from revisions.tokens import status_token
from tests.factories import make_article, make_article_data, make_editor, make_suggestion, suggestion_post_data
from tests.security.inert import parse, problems_against, profile
from tests.security.payloads import TUNING, batches

pytestmark = pytest.mark.django_db

MESSAGES = batches(TUNING, limit=1500)  # a question, answer or comment: up to 4,000 characters


def _url(path):
    return f"http://testserver{path}"


def _text(html, tags):
    return " ".join("".join(e.itertext()) for tag, _, e in parse(html) if tag in tags)


@pytest.fixture(autouse=True)
def _no_rate_limits(settings):
    # Hundreds of posts from one test address: the rate limits are tested elsewhere.
    settings.SUGGESTION_RATE_LIMITS = [(100_000, 3600)]
    settings.SUGGESTION_ATTEMPT_RATE_LIMITS = [(100_000, 3600)]


def _boxes(html):
    """What each field of the suggestion form shows: {name: value as a browser would fill it in}."""
    shown = {}
    for tag, attrs, element in parse(html):
        if tag == "textarea" and attrs.get("name"):
            shown[attrs["name"]] = element.text or ""
        elif tag == "input" and attrs.get("name") and attrs.get("type") in ("text", "email", "hidden"):
            shown[attrs["name"]] = attrs.get("value", "")
    return shown


def refused_form_failures(client, vectors):
    """Every field of a refused form (here: the no-PHI box left unticked) is shown again to correct: each
    vector in every text field, and in the hidden target, must come back exactly as typed and run nothing."""
    article = make_article()
    url = f"/articles/{article.slug}/suggest/"

    def refused(text):
        fields = dict(proposed_text=text, sources_text=text, note=text, name=text, email=text, target=text)
        response = client.post(url, suggestion_post_data(**fields, attested_no_phi=""))
        assert response.status_code == 400
        return response.content.decode()

    clean = refused("Plain synthetic words")
    failures = []
    for vector in vectors:
        html = refused(vector)
        problems = problems_against(html, clean)
        shown = _boxes(html)
        wrong = {
            name: shown.get(name)
            for name in ("proposed_text", "sources_text", "note", "name", "email", "target")
            if shown.get(name) != vector
        }
        if problems or wrong:
            failures.append((vector, problems[:3], wrong))
    return failures


def test_a_refused_suggestion_comes_back_as_typed_and_inert(client):
    assert refused_form_failures(client, TUNING) == []


def test_stored_suggestions_read_as_typed_on_the_status_queue_and_detail_pages(client):
    """Each vector stored in a suggestion's text, note, sources and credited name (the PHI screen refuses some
    text, such as an address in it): the submitter's page and the editor's queue and detail pages hold it
    inert, and the editor reads it as typed."""
    article, plain_article = make_article(), make_article()
    editor = make_editor()

    def submit(text, line, on=article):
        fields = dict(proposed_text=text, sources_text=text, note=text, name=line[:200], credit="full_name")
        response = client.post(f"/articles/{on.slug}/suggest/", suggestion_post_data(**fields))
        assert response.status_code in (302, 400), text
        return client.get(response["Location"]).content.decode() if response.status_code == 302 else None

    clean_status = submit("Plain synthetic words", "Plain", on=plain_article)
    failures, stored = [], 0
    for text in MESSAGES + TUNING:
        html = submit(text, text.split("\n")[0])
        stored += html is not None
        if html and (problems := problems_against(html, clean_status)):
            failures.append((text, problems[:3]))
    assert stored > len(TUNING) * 3 // 4  # most are stored; the screen refuses the rest in words
    plain = Suggestion.objects.order_by("pk").first()
    client.force_login(editor)
    clean_detail = client.get(f"/editors/queue/{plain.pk}/").content.decode()
    for suggestion in Suggestion.objects.order_by("pk")[1:]:
        html = client.get(f"/editors/queue/{suggestion.pk}/").content.decode()
        if problems := problems_against(html, clean_detail):
            failures.append((suggestion.proposed_text, problems[:3]))
        # The editor reads the text as written (held text is masked, so only text not on hold is compared).
        if not suggestion.on_phi_hold and suggestion.proposed_text.replace("\n", "") not in _text(html, {"blockquote"}):
            failures.append((suggestion.proposed_text, "not shown as written"))
    queue = client.get(f"/editors/queue/?status=all&article={article.slug}").content.decode()
    clean_queue = client.get(f"/editors/queue/?status=all&article={plain_article.slug}").content.decode()
    failures += [("queue", p) for p in problems_against(queue, clean_queue)]
    assert failures == []


def test_questions_answers_and_a_sent_back_draft_read_as_typed_and_inert(client):
    """The conversation between editor and submitter, every vector each way, on both sides' pages; an answer the
    PHI screen refuses comes back to copy, as typed; the submitter's comment sending a draft back is shown on
    the draft page."""
    editor = make_editor()

    def conversation(texts, slug):
        article = make_article(slug=slug)
        suggestion = make_suggestion(article)
        token = status_token(suggestion)
        client.force_login(editor)
        pages, kept = [], []
        for text in texts:
            asked = client.post(f"/editors/queue/{suggestion.pk}/ask/", {"message": text, "take": "me"})
            assert asked.status_code == 302, text
            client.logout()
            pages.append(client.get(f"/suggestions/{token}/").content.decode())
            answered = client.post(f"/suggestions/{token}/", {"action": "answer", "message": text})
            if answered.status_code == 200:  # refused by the PHI screen: kept to copy; a plain answer goes on
                kept.append((text, answered.content.decode()))
                answered = client.post(f"/suggestions/{token}/", {"action": "answer", "message": "Plain answer"})
            assert answered.status_code == 302, text
            client.force_login(editor)
        services.suggestion_accept(suggestion=suggestion, editor=editor)
        draft = services.draft_start(editor=editor, article=article, suggestion=suggestion)
        edited = draft.text.replace("Synthetic claim 0 of section 0", "Synthetic claim 0, edited,", 1)
        services.draft_save(draft=draft, editor=editor, text=edited, summary="A synthetic edit")
        for text in texts:
            services.draft_send_for_approval(draft=Draft.objects.get(pk=draft.pk), editor=editor, build_url=_url)
            link = re.search(r"/drafts/review/\S+", OutboundEmail.objects.latest("pk").body).group(0)
            client.logout()
            declined = client.post(link, {"decision": "decline", "comment": text})
            if declined.status_code == 400:
                kept.append((text, declined.content.decode()))
                declined = client.post(link, {"decision": "decline", "comment": "Plain comment"})
            assert declined.status_code in (200, 302), text
            client.force_login(editor)
            pages.append(client.get(f"/editors/drafts/{draft.pk}/").content.decode())
        pages.append(client.get(f"/editors/queue/{suggestion.pk}/").content.decode())
        return pages, kept

    pages, kept = conversation(MESSAGES, "payload-conversation")
    clean_status, clean_draft, clean_detail = conversation(["Plain synthetic words"], "plain-conversation")[0]
    cleans = [clean_status] * len(MESSAGES) + [clean_draft] * len(MESSAGES) + [clean_detail]
    failures = [
        problems for page, clean in zip(pages, cleans, strict=True) if (problems := problems_against(page, clean))
    ]
    for text, html in kept:
        boxes = [e.text or "" for tag, _, e in parse(html) if tag == "textarea"]
        if text not in boxes or profile(html)["problems"]:
            failures.append((text, "refused text not kept as typed", profile(html)["problems"][:3]))
    # Every question as asked, on the page where the submitter reads it; the editor's page has the whole exchange.
    for text, page in zip(MESSAGES, pages, strict=False):
        if text.replace("\n", "") not in _text(page, {"blockquote"}).replace("\n", ""):
            failures.append((text[:80], "question not shown as asked"))
    assert failures == []


def test_a_revert_reason_reads_as_typed_in_the_public_history(client):
    editor = make_editor()
    client.force_login(editor)
    reasons = batches(TUNING, limit=250, separator=" ")  # a reason is one line of up to 250 characters

    def history(texts, slug):
        article = make_article(slug=slug)
        data = make_article_data(slug=slug, title=article.title)
        data["lead"] = "A changed synthetic lead."
        article_import(data=data)
        for i, text in enumerate(texts):
            response = client.post(f"/articles/{slug}/revert/", {"version": "1.1" if i % 2 else "1.0", "reason": text})
            assert response.status_code in (302, 400), text
        return client.get(f"/articles/{slug}/history/").content.decode()

    clean = history(["Plain synthetic words"] * 2, "plain-history")
    html = history(reasons, "payload-history")
    assert problems_against(html, clean) == []
    shown = _text(html, {"td"})
    published = [reason for reason in reasons if reason in shown]
    assert len(published) > len(reasons) * 3 // 4  # the reasons a revert accepts are shown as typed
