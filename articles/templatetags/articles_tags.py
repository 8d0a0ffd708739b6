from django import template

from articles.markdown import render_inline_markdown

register = template.Library()


@register.filter
def inline_markdown(text):
    """A short piece of editor- or model-written Markdown, rendered and sanitised."""
    return render_inline_markdown(text)
