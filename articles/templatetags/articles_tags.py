from django import template

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
