"""Throws generated obfuscations of link schemes at the Markdown renderers and counts links that survive
with a scheme other than http, https or mailto, as a browser would read it.

    .venv/bin/python scripts/link_scheme_fuzz.py [--seed N] [--count N]

The variants are generated, not taken from the test suite (tests/articles/test_link_allow_list.py), so the
figures come from cases the allow-list was not written against. Prints counts; exits 1 on any survivor.
"""

import argparse
import os
import random
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wiki.settings")

import django  # noqa: E402

django.setup()

from articles.markdown import render_inline_markdown, render_markdown  # noqa: E402

SCHEMES = ["javascript", "vbscript", "data", "livescript", "file", "blob", "jar", "view-source", "feed"]
PAYLOADS = ["alert(1)", "123", "1", "text/html,<b>x</b>", "//x", "%0aalert(1)"]
SAFE = {"http", "https", "mailto"}
SCHEME = re.compile(r"([a-z][a-z0-9+.\-]*):")


def encode_char(rng, char):
    """One character as an author could smuggle it past a parser."""
    code = ord(char)
    return rng.choice(
        [
            char,
            char.upper(),
            f"&#{code};",
            f"&#{code}",  # without the semicolon, still decoded by browsers
            f"&#x{code:x};",
            f"&#X{code:X}",
            f"&#{'0' * rng.randint(1, 6)}{code};",
            "&colon;" if char == ":" else char,
            "\t" + char,
            "&#9;" + char,
            "&#10;" + char,
            char + "\x00" if rng.random() < 0.1 else char,
        ]
    )


def variant(rng):
    scheme = rng.choice(SCHEMES)
    prefix = rng.choice(["", " ", "\x01", "&#1;", "&#x20;", "\u200b", "%20"])
    href = prefix + "".join(encode_char(rng, c) for c in scheme + ":") + rng.choice(PAYLOADS)
    form = rng.choice(["markdown", "raw", "raw-single", "autolink"])
    if form == "markdown":
        return f"[x]({href.replace(' ', '%20')})"
    if form == "raw":
        return f'<a href="{href}">x</a>'
    if form == "raw-single":
        return f"<a href='{href}'>x</a>"
    return f"<{href}>"


class Links(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src", "action", "formaction") and value is not None:
                self.hrefs.append(value)


def browser_scheme(href):
    url = "".join(c for c in href if c.isprintable() and not c.isspace()).lower()
    match = SCHEME.match(url)
    return match.group(1) if match else None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=20261129)
    parser.add_argument("--count", type=int, default=20000)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    survivors, kept_links = [], 0
    for _ in range(args.count):
        text = variant(rng)
        for render in (render_markdown, render_inline_markdown):
            links = Links()
            links.feed(str(render(text)))
            kept_links += len(links.hrefs)
            for href in links.hrefs:
                scheme = browser_scheme(href)
                if scheme and scheme not in SAFE:
                    survivors.append((text, href))
    print(f"variants: {args.count} (seed {args.seed}), renderings: {2 * args.count}")
    print(f"links kept (relative paths or safe schemes): {kept_links}")
    print(f"links with another scheme: {len(survivors)}")
    for text, href in survivors[:20]:
        print(f"  {text!r} -> {href!r}")
    return 1 if survivors else 0


if __name__ == "__main__":
    sys.exit(main())
