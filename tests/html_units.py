"""Reads sentence-level units out of a rendered page the way a machine reader would."""

import re
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
CELL_LIKE = {"td", "th", "dt", "dd"}


class _UnitParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.units = []  # (provenance, [text parts])
        self.stack = []  # open tags; entries mark which unit (if any) they opened

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        attrs = dict(attrs)
        opened = None
        if "data-provenance" in attrs:
            self.units.append((attrs["data-provenance"], []))
            opened = len(self.units) - 1
        if tag in CELL_LIKE:
            self._text(" ")
        self.stack.append((tag, opened))

    def handle_endtag(self, tag):
        while self.stack:
            open_tag, _ = self.stack.pop()
            if open_tag == tag:
                break
        if tag in CELL_LIKE:
            self._text(" ")

    def handle_data(self, data):
        self._text(data)

    def _text(self, text):
        for _, opened in self.stack:
            if opened is not None:
                self.units[opened][1].append(text)


def units_in(html):
    """Each element carrying data-provenance, as (provenance, whitespace-normalised text), in page order."""
    parser = _UnitParser()
    parser.feed(html)
    return [(prov, re.sub(r"\s+", " ", "".join(parts)).strip()) for prov, parts in parser.units]
