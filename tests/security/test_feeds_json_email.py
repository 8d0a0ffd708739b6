"""Every tuning vector as an article's title and a version's summary, through the places that are not HTML
pages: the Atom feeds (XML, with HTML summaries), the JSON view, and the emails sent about a suggestion (plain
text, with a subject header), plus the listings and search results that show titles.

A feed reader parses the feed as XML and the summary as HTML: the title must read as the text written and the
summary must hold no element. JSON must give back the text as it is. An email is plain text: the title reads as
written, never entity-encoded, and no text can add a header line.
"""

import json
import xml.etree.ElementTree as ET
from email import message_from_bytes
from email.header import decode_header, make_header

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage

from articles.importing import article_import
from articles.markdown import ALLOWED_TAGS
from revisions.models import OutboundEmail
from tests.factories import make_article, make_suggestion, suggestion_post_data
from tests.security.inert import parse, problems_against, profile
from tests.security.payloads import TUNING, small_article

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
TITLES = list(dict.fromkeys(v[:200].strip() for v in TUNING))


@pytest.fixture
def titled():
    """One article per vector, the vector its title and its first version's summary."""
    articles = []
    for i, title in enumerate(TITLES):
        article, _ = article_import(
            data=small_article(f"titled-{i}", title), revision={"summary": f"Summary: {title}"[:300]}
        )
        articles.append(article)
    return articles


def _feed_entries(client, url):
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)  # well-formed XML, or this raises
    return root, root.findall(f"{ATOM}entry")


def test_feeds_and_the_json_view_show_titles_and_summaries_as_text(client, titled):
    failures = []
    for article in titled:
        root, [entry] = _feed_entries(client, f"/articles/{article.slug}/feed/")
        title = entry.find(f"{ATOM}title")
        summary = entry.find(f"{ATOM}summary")
        # Atom's title is text unless it says otherwise; the summary is HTML, so it is parsed as HTML too.
        if title.get("type", "text") != "text" or title.text != f"{article.title}, version 1.0":
            failures.append((article.title, "entry title", title.text))
        if root.find(f"{ATOM}title").text != f"{article.title}: new versions · Therapy Aligned Clinical Wiki":
            failures.append((article.title, "feed title", root.find(f"{ATOM}title").text))
        assert summary.get("type") == "html"
        elements = {tag for tag, _, _ in parse(summary.text)} - {"html", "head", "body"}
        shown = "".join(parse(summary.text)[0][2].itertext())
        if elements or shown != f"First published version. Summary: {article.title}"[: len(shown)] or len(shown) < 30:
            failures.append((article.title, "summary", elements, shown))
        # The JSON view gives the title back as written, as JSON a browser will not read as a page.
        response = client.get(f"/articles/{article.slug}.json")
        assert response["Content-Type"].split(";")[0] == "application/json"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert json.loads(response.content)["title"] == article.title
    _, entries = _feed_entries(client, "/feeds/versions/")
    assert len(entries) == 50
    assert failures == []


def test_listings_and_search_show_the_titles_as_text(client, titled):
    clean = make_article(slug="a-plain-one", title="Plain synthetic title")
    failures = []
    for url, clean_url in [
        ("/a-z/?letter=other", "/a-z/?letter=P"),
        ("/", "/"),
        ("/?page=2", "/"),
        (titled[0].article_type.get_absolute_url(), clean.article_type.get_absolute_url()),
        ("/search/?q=synthetic+claim", "/search/?q=plain+synthetic"),
    ]:
        html = client.get(url).content.decode()
        failures += [
            (url, p) for p in problems_against(html, client.get(clean_url).content.decode(), extra_tags=ALLOWED_TAGS)
        ]
    for article in titled:
        html = client.get(article.get_absolute_url()).content.decode()
        failures += [(article.title, p) for p in profile(html)["problems"]]
        [heading] = [e for tag, _, e in parse(html) if tag == "h1"]
        if "".join(heading.itertext()).strip() != article.title:
            failures.append((article.title, "h1", "".join(heading.itertext())))
    assert failures == []


def _sent(email):
    """The message as the mail server would receive it, parsed back as a mail reader would."""
    reply_to = [settings.EDITORS_REPLY_TO] if settings.EDITORS_REPLY_TO else None
    raw = EmailMessage(email.subject, email.body, settings.DEFAULT_FROM_EMAIL, [email.to], reply_to=reply_to)
    return message_from_bytes(raw.message().as_bytes())


def test_emails_name_the_title_as_written_and_carry_no_added_header(titled):
    for article in titled:
        make_suggestion(article)
    emails = list(OutboundEmail.objects.filter(subject__startswith="We received your suggestion"))
    assert len(emails) == len(titled)
    expected_headers = {"Content-Type", "MIME-Version", "Content-Transfer-Encoding", "Subject", "From", "To"}
    expected_headers |= {"Date", "Message-ID", "Reply-To"}
    failures = []
    for email, article in zip(emails, titled, strict=True):
        message = _sent(email)
        subject = str(make_header(decode_header(message["Subject"])))
        if set(message.keys()) - expected_headers or message.get_all("To") != [email.to]:
            failures.append((article.title, "headers", message.items()))
        # The subject is stored in 200 characters, so a long title is cut there with an ellipsis; never re-encoded.
        full = f"We received your suggestion on “{article.title}”"
        if subject != (full if len(full) <= 200 else full[:199].rstrip() + "…"):
            failures.append((article.title, "subject", subject))
        body = message.get_payload(decode=True).decode()
        if f"“{article.title}”" not in body:  # plain text: the title as written, not entity-encoded
            failures.append((article.title, "body"))
    assert failures == []


@pytest.mark.parametrize(
    "title",
    [
        "Synthetic title\r\nBcc: someone@example.org",
        "Synthetic title\nBcc: someone@example.org",
        "Synthetic title\rBcc: someone@example.org",
        "Synthetic title\x0bBcc: someone@example.org",
        "Synthetic title\x0cBcc: someone@example.org",
    ],
)
def test_a_title_that_would_split_a_header_is_refused(title):
    with pytest.raises(ValidationError):
        article_import(data=small_article("split-title", title))


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85", "\x1c", "\x1d", "\x1e"])
def test_a_title_with_a_unicode_line_separator_never_adds_a_header(separator):
    """Characters Python's str.splitlines() breaks at, in a title: either refused or kept inside the Subject."""
    title = f"Synthetic title{separator}Bcc: someone@example.org"
    try:
        article, _ = article_import(data=small_article("separated-title", title))
    except ValidationError:
        return
    make_suggestion(article)
    message = _sent(OutboundEmail.objects.get(subject__startswith="We received"))
    assert "Bcc" not in message and message.get_all("To") == [OutboundEmail.objects.get().to]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("email", "alex@example.org\r\nBcc: someone@example.org"),
        ("email", "alex@example.org\nBcc: someone@example.org"),
        ("email", '"alex\r\nBcc: someone@example.org"@example.org'),
        ("name", "Alex Example\r\nBcc: someone@example.org"),
        ("name", "Alex Example\u2028Bcc: someone@example.org"),
    ],
)
def test_a_suggestion_whose_name_or_address_would_split_a_header_is_refused_and_mails_nobody(
    client, settings, field, value
):
    article = make_article()
    response = client.post(f"/articles/{article.slug}/suggest/", suggestion_post_data(**{field: value}))
    assert response.status_code == 400
    assert not OutboundEmail.objects.exists()
