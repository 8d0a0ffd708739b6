from django import template

from articles.markdown import render_inline_markdown
from articles.pages import unit_markers_html

register = template.Library()


@register.filter
def markers(unit_view):
    """The citation links or LLM tag that follow a unit's text."""
    return unit_markers_html(unit_view)


@register.filter
def inline_markdown(text):
    """A short piece of editor- or model-written Markdown, rendered and sanitised."""
    return render_inline_markdown(text)
