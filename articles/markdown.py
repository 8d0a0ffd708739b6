"""The one way Markdown becomes HTML: convert, then sanitise against a strict allow-list."""

import html
import re
import threading

import bleach
import markdown
from bleach.linkifier import Linker
from django.utils.html import escape as html_escape
from django.utils.safestring import mark_safe

INLINE_TAGS = {"a", "em", "strong", "code", "sub", "sup"}
ALLOWED_TAGS = INLINE_TAGS | {"p", "ul", "ol", "li", "blockquote", "br"}
ALLOWED_ATTRIBUTES = {"a": ["href", "title", "rel"]}
# Link schemes, checked by bleach and again after it (`link_is_allowed`): bleach's URL parser reads
# "javascript:123" or "vbscript:1" as a relative path, the number after the colon looking like a port.
ALLOWED_PROTOCOLS = {"http", "https", "mailto"}
# What browsers ignore in a URL before reading its scheme: ASCII tab and line breaks anywhere, and
# control characters and spaces at either end.
_URL_IGNORED = re.compile(r"[\t\n\r]")
_C0_AND_SPACE = "".join(map(chr, range(0x21)))
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*):")


def link_is_allowed(href):
    """Whether a link target is http, https, mailto or relative (no scheme at all).

    `href` is as bleach hands it over, character references still encoded: "java&#x09;script:" is read
    the way a browser reads it.
    """
    url = _URL_IGNORED.sub("", html.unescape(href)).strip(_C0_AND_SPACE)
    scheme = _SCHEME.match(url)
    if scheme is None:
        return ":" not in re.split(r"[/?#]", url, maxsplit=1)[0]
    return scheme.group(1).lower() in ALLOWED_PROTOCOLS


# A scheme-less link that browsers read as another host: "//host", and "/\host" or "\\host", as they read a
# backslash as a slash in web addresses.
_NETWORK_PATH = re.compile(r"^[/\\]{2}")


def _drop_disallowed_link(attrs, new=False):
    """A link without a target, or to anything but an allowed scheme, is dropped and its text kept. A link to
    another host written without a scheme is written out as https, so it does not pass for a path on the site."""
    href = attrs.get((None, "href"))
    if not href or not link_is_allowed(href):
        return None
    url = _URL_IGNORED.sub("", html.unescape(href)).strip(_C0_AND_SPACE)
    if _NETWORK_PATH.match(url):
        attrs[(None, "href")] = "https://" + url[2:].lstrip("/\\")
    return attrs


def _set_rel(attrs, new=False):
    attrs[(None, "rel")] = "noopener noreferrer nofollow"
    return attrs


_cleaner = bleach.Cleaner(
    tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, protocols=ALLOWED_PROTOCOLS, strip=True, strip_comments=True
)
_inline_cleaner = bleach.Cleaner(
    tags=INLINE_TAGS, attributes=ALLOWED_ATTRIBUTES, protocols=ALLOWED_PROTOCOLS, strip=True, strip_comments=True
)
# Adds rel to the links an author wrote and turns no bare text into links: a URL-shaped word in a
# sentence stays text, so what the page links to is exactly what the author linked.
_rel_setter = Linker(callbacks=[_drop_disallowed_link, _set_rel], url_re=re.compile(r"(?!)"), parse_email=False)

# Text that would open a block (heading, list, quote, numbered list) at the start of a sentence.
_BLOCK_START = re.compile(r"^(#{1,6}\s|[-+*>]\s|=+$|-+$)")
_NUMBERED_START = re.compile(r"^(\d+)([.)])(\s)")
# Characters that can start inline Markdown or HTML; a sentence without any renders as itself.
_MARKUP_CHARS = re.compile(r"[*_`\[\]!<>&\\]")

# Python-Markdown reads each "[" by scanning on for its "]", so a text of many unclosed or nested brackets costs
# time in the square of its length (4,000 "[" took 2.5 s). Past this many, a bracket that opens no plain inline
# link, outside code, is written as the literal it would have shown anyway.
_BRACKET_BUDGET = 32
# A link's address may hold balanced brackets, as Wikipedia's do ("…/Compassion_(psychology)").
_INLINE_LINK = re.compile(
    r"!?\[[^\[\]\n]{0,500}\]\((?:[^()\s]|\([^()\s]{0,200}\)){0,2000}(?:[ \t]+\"[^\"\n]{0,500}\")?\)"
)
_CODE_SPAN = re.compile(r"`[^`\n]*`")


def _defuse_brackets(text):
    if text.count("[") <= _BRACKET_BUDGET:
        return text
    kept = {m.start() + (text[m.start()] == "!") for m in _INLINE_LINK.finditer(text)}
    for m in _CODE_SPAN.finditer(text):
        kept.update(range(m.start(), m.end()))
    out, backslashes = [], 0
    for i, ch in enumerate(text):
        # A bracket is already escaped only after an odd run of backslashes: "\\[" is a backslash, then a bracket.
        out.append("\\[" if ch == "[" and i not in kept and backslashes % 2 == 0 else ch)
        backslashes = backslashes + 1 if ch == "\\" else 0
    return "".join(out)


_local = threading.local()


def _converter():
    """One Markdown converter per thread: building one costs more than converting a sentence."""
    if not hasattr(_local, "converter"):
        _local.converter = markdown.Markdown(output_format="html")
    return _local.converter.reset()


def render_markdown(text):
    """Render Markdown to safe HTML. Raw HTML in the input is stripped, never passed through."""
    try:
        html = _converter().convert(_defuse_brackets(text or ""))
    except RecursionError:  # lists or quotes nested hundreds deep: shown as the text they are
        del _local.converter  # left mid-conversion
        return mark_safe(f"<p>{html_escape(text)}</p>")
    return mark_safe(_rel_setter.linkify(_cleaner.clean(html)))


def render_inline_markdown(text):
    """Render one sentence's inline Markdown (emphasis, links, code) to safe HTML without a paragraph."""
    text = (text or "").replace("\\|", "|")  # the text format's escaped table-cell bar
    if not _MARKUP_CHARS.search(text) and not _BLOCK_START.match(text) and not _NUMBERED_START.match(text):
        return mark_safe(text)
    if _BLOCK_START.match(text):
        text = "\\" + text
    text = _NUMBERED_START.sub(r"\1\\\2\3", text)
    html = _converter().convert(_defuse_brackets(text)).strip()
    if html.startswith("<p>") and html.endswith("</p>"):
        html = html[3:-4]
    return mark_safe(_rel_setter.linkify(_inline_cleaner.clean(html)))
