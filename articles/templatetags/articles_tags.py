from django import template

from articles.pages import unit_markers_html

register = template.Library()


@register.filter
def markers(unit_view):
    """The citation links or LLM tag that follow a unit's text."""
    return unit_markers_html(unit_view)
