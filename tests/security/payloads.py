"""The vectors the security tests push through the wiki, and the synthetic articles that carry them.

Tuning vectors (`TUNING`) are the ones read while looking for defects; held-apart vectors (`HELD_APART`) were
added only after the fixes, to see whether the fixes hold for vectors nobody tuned them to.
"""

import copy

from articles.text_format import MARKER_IN_TEXT
from tests.factories import make_article_data
from tests.security.inert import corpus

# One line of text, as every field of an article takes it: fields are stripped and hold no line breaks.
_one_line = [v.strip() for v in corpus("rsnake.txt") + corpus("quick.txt") + corpus("markdown.txt")]
SCHEMES = [v.strip("\n") for v in corpus("schemes.txt")]
# Each scheme also as a Markdown link and as a raw anchor, which is how a sentence carries an address.
TUNING = list(
    dict.fromkeys(
        _one_line + [f"[a synthetic link]({s.strip()})" for s in SCHEMES] + [f'<a href="{s}">raw</a>' for s in SCHEMES]
    )
)


def held_apart():
    """The held-apart vectors, one line each (read only by the held-apart tests): markup, and link targets as a
    Markdown link and a raw anchor."""
    markup = [v.strip() for v in corpus("held_apart_html5sec.txt") + corpus("held_apart_brutelogic.txt")]
    links = [v.strip() for v in corpus("held_apart_links.txt")]
    shaped = [f"[a synthetic link]({v})" for v in links] + [f'<a href="{v}">raw</a>' for v in links]
    # A bracketed number ("[0]") is a provenance marker in the text format: a sentence cannot hold one unescaped,
    # so those few are left out (the format refuses them in words).
    return list(dict.fromkeys(v for v in markup + shaped if v and not MARKER_IN_TEXT.search(v)))


def _fits(text, limit):
    return text if len(text) <= limit else text[:limit].rstrip()


def article_world(vectors, *, slug, title="Synthetic payload article"):
    """A published article whose every text field carries the vectors: sentences of every block kind, lead,
    headings, key terms, SMART goals and objectives, figure alt text and captions, and sources' titles,
    authors and containers. Plain synthetic text passed as `vectors` gives the same article without payloads."""
    data = make_article_data(slug=slug, title=title, n_sections=1)
    figure, prose, tools = data["sections"]
    n = len(vectors)
    lead, used = [], 0
    for v in vectors:
        if used + len(v) + 1 > 3900:
            break
        lead.append(v)
        used += len(v) + 1
    data["lead"] = " ".join(lead)
    cited = [1, 2]
    figure["blocks"] = [
        {
            "kind": "figure",
            "image": "articles/figures/self-compassion-wheel.svg",
            "alt_text": v,
            "units": [{"text": v, "provenance": "llm", "end": ""}],
        }
        for v in vectors
    ]
    prose["blocks"] = [
        {"kind": "paragraph", "units": [{"text": v, "provenance": cited, "end": "."} for v in vectors]},
        {"kind": "example", "units": [{"text": v, "provenance": "llm", "end": ""} for v in vectors]},
    ]
    blocks = {b["kind"]: b for b in tools["blocks"]}
    blocks["smart"]["units"] = [
        {"goal": _fits(v, 300), "objective": v, "text": v, "provenance": [1], "end": ""} for v in vectors
    ]
    blocks["key_terms"]["units"] = [{"term": _fits(v, 200), "text": v, "provenance": [3], "end": "."} for v in vectors]
    blocks["framing"]["units"] = [{"text": v, "provenance": "llm", "end": ""} for v in vectors]
    blocks["questions"]["units"] = [{"text": v, "provenance": "llm", "end": "?"} for v in vectors]
    headed = [
        {"heading": _fits(f"Heading {i} {v}", 200), "blocks": [copy.deepcopy(prose["blocks"][0])]}
        for i, v in enumerate(vectors)
    ]
    for section in headed:
        section["blocks"][0]["units"] = section["blocks"][0]["units"][:1]
    data["sections"] = [figure, prose, *headed, tools]
    for i, v in enumerate(vectors):
        data["sources"].append(
            {
                "number": 4 + i,
                "authors": _fits(v, 500),
                "year": 2020,
                "title": _fits(f"{v} {i}", 500),
                "container": _fits(v, 500),
                "url": "",
                "doi": "",
                "pmid": "",
                "isbn": "",
                "kind": "article",
                "tier": "T2",
            }
        )
    # Every listed source is cited by one sentence, so it is shown as any cited source is.
    prose["blocks"].append(
        {
            "kind": "paragraph",
            "units": [{"text": "Synthetic claim citing it", "provenance": [4 + i], "end": "."} for i in range(n)],
        }
    )
    return data


def plain_twin(vectors):
    """Plain synthetic text of the same count, for the page without payloads."""
    return [f"Plain synthetic text number {i}" for i in range(len(vectors))]


def small_article(slug, title):
    """A published article of one sentence, for vectors that go where an article has one value (its title)."""
    source = make_article_data()["sources"][0]
    return {
        **make_article_data(slug=slug, title=title),
        "sections": [
            {
                "heading": "Only section",
                "blocks": [
                    {"kind": "paragraph", "units": [{"text": "A synthetic claim", "provenance": [1], "end": "."}]}
                ],
            }
        ],
        "sources": [source],
    }


def batches(vectors, *, limit, separator="\n"):
    """The vectors packed in order into texts of at most `limit` characters, for fields that take many at once
    (a question, a note): every vector is tried with fewer round trips, next to others that may interact."""
    packed, current = [], ""
    for vector in vectors:
        candidate = f"{current}{separator}{vector}" if current else vector
        if len(candidate) <= limit:
            current = candidate
            continue
        if current:
            packed.append(current)
        current = vector[:limit]
    if current:
        packed.append(current)
    return packed
