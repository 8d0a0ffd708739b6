"""Links keep an http, https or mailto scheme or none (a path on this site); anything else is dropped and
its text kept, whatever bleach's own URL parser made of it."""

import pytest

from articles.markdown import link_is_allowed, render_inline_markdown, render_markdown


@pytest.mark.parametrize(
    "href",
    [
        "javascript:123",
        "vbscript:1",
        "JaVaScRiPt:alert(1)",
        "java\tscript:alert(1)",
        "java&#x09;script:alert(1)",
        "&#106;avascript:alert(1)",
        " \x0e javascript:alert(1)",
        "data:text/html,<b>x</b>",
        "file:///etc/passwd",
        "ftp://example.org/x",
        "blob:https://example.org/x",
        "x-unknown:1",
    ],
)
def test_other_schemes_are_refused(href):
    assert not link_is_allowed(href)


@pytest.mark.parametrize(
    "href",
    [
        "https://example.org/trial",
        "http://example.org",
        "HTTPS://EXAMPLE.ORG",
        "mailto:editors@example.org",
        "/articles/self-compassion/",
        "#source-2",
        "?llm=hide",
        "guide/part:2",
        "//example.org/protocol-relative",
    ],
)
def test_web_mail_and_relative_links_are_kept(href):
    assert link_is_allowed(href)


@pytest.mark.parametrize("render", [render_markdown, render_inline_markdown])
@pytest.mark.parametrize(
    "text",
    ["[read this](javascript:123)", "[read this](vbscript:1)", '<a href="java&#x09;script:1">read this</a>'],
)
def test_a_dropped_link_keeps_its_text(render, text):
    html = render(text)
    assert "read this" in html and "<a" not in html and "script" not in html


def test_an_allowed_link_is_rendered_with_rel(render=render_inline_markdown):
    assert render("[trial](https://example.org/t)") == (
        '<a href="https://example.org/t" rel="noopener noreferrer nofollow">trial</a>'
    )


@pytest.mark.parametrize("render", [render_markdown, render_inline_markdown])
@pytest.mark.parametrize(
    "text",
    [
        "[the trial](//trials.example/x)",
        "[the trial](/\\\\trials.example/x)",
        '<a href="\\\\trials.example/x">the trial</a>',
    ],
)
def test_a_link_to_another_host_without_a_scheme_does_not_pass_for_a_path_on_the_site(render, text):
    # Browsers read "//host", "/\host" and "\\host" as another host: the link says so.
    assert 'href="https://trials.example/x"' in str(render(text))
