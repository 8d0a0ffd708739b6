"""Pattern pieces and small text helpers the detectors share."""

from __future__ import annotations

import re

CI = re.IGNORECASE
MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?"
    r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
MONTH_NUMBER = {m: i for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
                                               "nov", "dec"], 1)}  # fmt: skip

# Latin capitals and small letters, with the accented forms of European alphabets, Romanian's comma-below "ș" and
# "ț" (as typed today, not the older cedilla forms) and Vietnamese "ơ" and "ư".
UP = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĲĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽȘȚƠƯ"
LOW = "a-zß-öø-ÿāăąćĉċčďđēĕėęěĝğġģĥħĩīĭįıĳĵķĺļľŀłńņňŋōŏőœŕŗřśŝşšţťŧũūŭůűųŵŷźżžșțơưạ-ỹ"  # with Vietnamese
YEAR = re.compile(r"(?:19|20)\d\d")


def trim_url(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in ".,;:!?'\"”’":
        end -= 1
    while end > start and text[end - 1] in ")]" and text.count("(", start, end) < text.count(")", start, end):
        end -= 1
    return end


def overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping spans as one, in order."""
    joined: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if joined and start < joined[-1][1]:
            joined[-1] = (joined[-1][0], max(end, joined[-1][1]))
        else:
            joined.append((start, end))
    return joined


def window_before(text: str, start: int, size: int = 48) -> str:
    """Text just before ``start`` within the same clause (cut at a newline, semicolon or sentence end)."""
    window = text[max(0, start - size) : start]
    cut = max(window.rfind("\n"), window.rfind(";"))
    for m in re.finditer(r"[a-z0-9\)][.!?]\s+(?=[A-Z])", window):
        cut = max(cut, m.end() - 1)
    return window[cut + 1 :]
