"""The one way Markdown becomes HTML: convert, then sanitise against a strict allow-list."""

import re

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
_linker = Linker(callbacks=[_set_rel], skip_tags={"code"}, parse_email=False)


_inline_cleaner = bleach.Cleaner(
    tags=INLINE_TAGS, attributes=ALLOWED_ATTRIBUTES, protocols=ALLOWED_PROTOCOLS, strip=True, strip_comments=True
)
# Text that would open a block (heading, list, quote, numbered list) at the start of a sentence.
_BLOCK_START = re.compile(r"^(#{1,6}\s|[-+*>]\s|=+$|-+$)")
_NUMBERED_START = re.compile(r"^(\d+)([.)])(\s)")


def render_markdown(text):
    """Render Markdown to safe HTML. Raw HTML in the input is stripped, never passed through."""
    html = markdown.markdown(text or "", output_format="html")
    return mark_safe(_linker.linkify(_cleaner.clean(html)))


def render_inline_markdown(text):
    """Render one sentence's inline Markdown (emphasis, links, code) to safe HTML without a paragraph."""
    text = text or ""
    if _BLOCK_START.match(text):
        text = "\\" + text
    text = _NUMBERED_START.sub(r"\1\\\2\3", text)
    html = markdown.markdown(text, output_format="html").strip()
    if html.startswith("<p>") and html.endswith("</p>"):
        html = html[3:-4]
    return mark_safe(_linker.linkify(_inline_cleaner.clean(html)))
