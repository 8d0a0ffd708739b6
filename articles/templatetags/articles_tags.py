from html import unescape

from django import template
from django.conf import settings
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator

from articles.markdown import render_inline_markdown

register = template.Library()


@register.filter
def inline_markdown(text):
    """A short piece of editor- or model-written Markdown, rendered and sanitised."""
    return render_inline_markdown(text)


@register.filter
def iso_datetime(value):
    """A datetime as `<time datetime>` takes it: to the second, with its UTC offset."""
    return value.isoformat(timespec="seconds") if value else ""


@register.filter
def years_old(year):
    """How long ago a publication year was, from today: “this year”, “1 year old”, “3 years old”."""
    age = timezone.localdate().year - int(year)
    if age <= 0:
        return "this year"
    return f"{age} year{'s' if age != 1 else ''} old"


@register.simple_tag
def absolute_url(path=""):
    """A path on the site as an absolute address at SITE_URL: the same for every reader and host."""
    return f"{settings.SITE_URL}{path}"


@register.filter
def description_text(html, limit=200):
    """Rendered HTML (an article's lead) as the plain text of a meta description, cut at a word."""
    text = " ".join(unescape(strip_tags(html or "")).split())
    return Truncator(text).chars(int(limit))
