from django import template
from django.utils.html import format_html

from articles.markdown import render_inline_markdown
from articles.pages import LLM_EXPLANATION, unit_markers_html

register = template.Library()

# The LLM tag as plain text in a styled span. A span without a role may not carry an aria-label, and a
# tab stop on every tag only lengthens keyboard travel; the legend under Sources explains the tag.
# (The same markup belongs in articles.pages.unit_markers_html, which then makes this branch redundant.)
LLM_TAG_HTML = format_html('<span class="llm-tag" data-tip="{}">LLM</span>', LLM_EXPLANATION)


@register.filter
def markers(unit_view):
    """The citation links or LLM tag that follow a unit's text."""
    if unit_view.provenance == "llm":
        return LLM_TAG_HTML
    return unit_markers_html(unit_view)


@register.filter
def inline_markdown(text):
    """A short piece of editor- or model-written Markdown, rendered and sanitised."""
    return render_inline_markdown(text)


@register.filter
def iso_datetime(value):
    """A datetime as `<time datetime>` takes it: to the second, with its UTC offset."""
    return value.isoformat(timespec="seconds") if value else ""
