"""The one way Markdown becomes HTML: convert, then sanitise against a strict allow-list."""

import bleach
import markdown
from bleach.linkifier import Linker

ALLOWED_TAGS = {"a", "em", "strong", "code", "p", "ul", "ol", "li", "blockquote", "br", "sub", "sup"}
ALLOWED_ATTRIBUTES = {"a": ["href", "title", "rel"]}
ALLOWED_PROTOCOLS = {"http", "https", "mailto"}


def _set_rel(attrs, new=False):
    attrs[(None, "rel")] = "noopener noreferrer nofollow"
    return attrs


_cleaner = bleach.Cleaner(
    tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, protocols=ALLOWED_PROTOCOLS, strip=True, strip_comments=True
)
_linker = Linker(callbacks=[_set_rel], skip_tags={"code"}, parse_email=False)


def render_markdown(text):
    """Render Markdown to safe HTML. Raw HTML in the input is stripped, never passed through."""
    html = markdown.markdown(text or "", output_format="html")
    return _linker.linkify(_cleaner.clean(html))
