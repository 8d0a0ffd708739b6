"""What the PHI round tests ask of the screen: the text of its findings, and whether one covers a value."""

from revisions.phi import screen


def found(text: str, kind: str | None = None) -> list[str]:
    return [text[f.start : f.end] for f in screen({"note": text}).findings if kind is None or f.kind == kind]


def covered(text: str, value: str, kind: str | None = None, field: str = "note") -> bool:
    start = text.index(value)
    citation = {"sources_text"} if field == "sources_text" else set()
    return any(
        start < f.end and f.start < start + len(value)
        for f in screen({field: text}, citation_fields=citation).findings
        if kind is None or f.kind == kind
    )


def by_rules(text: str, kind: str | None = None, field: str = "note") -> list[str]:
    """The text of the rules' findings, leaving out the learned tagger's readings, which are checked to be
    borderline only: a text that names a plausible person or town the rules leave alone on purpose (a public figure,
    a study's town) may be held for an editor by the tagger, never refused for it."""
    from revisions.phi import BORDERLINE
    from revisions.phi.detectors.tagger import REASON

    findings = screen({field: text}).findings
    assert all(f.confidence == BORDERLINE for f in findings if f.reason == REASON)
    return [text[f.start : f.end] for f in findings if f.reason != REASON and (kind is None or f.kind == kind)]
