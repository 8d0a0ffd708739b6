"""The one way Markdown becomes HTML: convert, then sanitise against a strict allow-list."""

import re
import threading

import bleach
import markdown
from bleach.linkifier import Linker
from django.utils.safestring import mark_safe

INLINE_TAGS = {"a", "em", "strong", "code", "sub", "sup"}
ALLOWED_TAGS = INLINE_TAGS | {"p", "ul", "ol", "li", "blockquote", "br"}
ALLOWED_ATTRIBUTES = {"a": ["href", "title", "rel"]}
ALLOWED_PROTOCOLS = {"http", "https", "mailto"}


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
_rel_setter = Linker(callbacks=[_set_rel], url_re=re.compile(r"(?!)"), parse_email=False)

# Text that would open a block (heading, list, quote, numbered list) at the start of a sentence.
_BLOCK_START = re.compile(r"^(#{1,6}\s|[-+*>]\s|=+$|-+$)")
_NUMBERED_START = re.compile(r"^(\d+)([.)])(\s)")
# Characters that can start inline Markdown or HTML; a sentence without any renders as itself.
_MARKUP_CHARS = re.compile(r"[*_`\[\]!<>&\\]")

_local = threading.local()


def _converter():
    """One Markdown converter per thread: building one costs more than converting a sentence."""
    if not hasattr(_local, "converter"):
        _local.converter = markdown.Markdown(output_format="html")
    return _local.converter.reset()


def render_markdown(text):
    """Render Markdown to safe HTML. Raw HTML in the input is stripped, never passed through."""
    html = _converter().convert(text or "")
    return mark_safe(_rel_setter.linkify(_cleaner.clean(html)))


def render_inline_markdown(text):
    """Render one sentence's inline Markdown (emphasis, links, code) to safe HTML without a paragraph."""
    text = (text or "").replace("\\|", "|")  # the text format's escaped table-cell bar
    if not _MARKUP_CHARS.search(text) and not _BLOCK_START.match(text) and not _NUMBERED_START.match(text):
        return mark_safe(text)
    if _BLOCK_START.match(text):
        text = "\\" + text
    text = _NUMBERED_START.sub(r"\1\\\2\3", text)
    html = _converter().convert(text).strip()
    if html.startswith("<p>") and html.endswith("</p>"):
        html = html[3:-4]
    return mark_safe(_rel_setter.linkify(_inline_cleaner.clean(html)))
