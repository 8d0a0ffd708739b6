from django import template
from django.template.defaultfilters import linebreaksbr

from revisions.forms import suggestion_field_label

register = template.Library()


@register.simple_tag
def suggestion_text(suggestion, field):
    """A suggestion's free text as editors may see it: masked while the suggestion is on PHI hold, never raw."""
    value = suggestion.masked(field) if suggestion.on_phi_hold else getattr(suggestion, field)
    return linebreaksbr(value, autoescape=True)


@register.filter
def field_label(field):
    """A suggestion field ("proposed_text") named as the suggestion form labels it."""
    return suggestion_field_label(field)
