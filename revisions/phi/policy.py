"""The screen: runs every detector, resolves overlaps, and decides what is refused and what is held.

Cost is bounded: a field longer than ``MAX_FIELD_CHARS`` is refused unscreened, and a field is screened in
overlapping segments of at most ``SEGMENT_CHARS``, so no pattern ever runs over more text than that and the
work grows with the length of the text, not its square. At most ``MAX_FINDINGS`` findings are listed per
field; a field with more is refused as a whole.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable, Mapping

from .citations import URL, protected_spans
from .detectors.contact import (
    ACCOUNT_WORDS,
    PLATFORM_WORDS,
    find_emails,
    find_ips,
    find_phones,
    find_urls,
    personal_links,
)
from .detectors.dates import AGE_WORDS_GATE, DATE_WORDS, find_ages, find_ages_beside, find_dates, find_dates_beside
from .detectors.fields import find_labelled_fields, find_table_cells
from .detectors.names import find_names, find_names_beside
from .detectors.numbers import WEAK_REASON, find_devices, find_record_numbers, find_ssns, find_vehicles
from .detectors.places import (
    find_addresses,
    find_residences,
    find_towns,
    find_towns_beside,
    find_towns_with_person_details,
    find_zip_codes,
    public_body_addresses,
    study_site,
    writers_workplaces,
)
from .detectors.tagger import REASON as TAGGER_REASON
from .detectors.tagger import find_tagged
from .findings import CONFIDENT, KINDS, Finding, Screening, field_label
from .lexicons import given_names, known_author_words, known_authors
from .masking import mask_value
from .mentions import mention_spans
from .patterns import merged, overlaps, trim_url

MAX_FIELD_CHARS = 100_000  # twenty times the longest form field
MAX_FINDINGS = 100  # per field
SEGMENT_CHARS = 4_000
SEGMENT_OVERLAP = 300  # enough for an identifier and the label or context before it

# When two findings overlap, the earlier kind in this list keeps the span (confident findings always win first).
_PRIORITY = ["ssn", "email", "ip", "vehicle", "device", "biometric", "record_number", "phone", "address", "date",
             "age_over_89", "zip", "url", "name", "too_long", "too_many"]  # fmt: skip
# Kinds screened in fields that hold citations: only identifiers that never belong in a reference.
_CITATION_KINDS = {"ssn", "email", "phone", "ip", "record_number"}
# Whether the learned tagger reads fields that hold citations (chosen on tuning13-15; see docs/phi-policy.md).
TAG_CITATIONS = True

Candidate = tuple[str, int, int, str, str]  # kind, start, end, confidence, reason


def screen(
    fields: Mapping[str, str | None],
    citation_fields: Iterable[str] = (),
    field_labels: Mapping[str, str] | None = None,
) -> Screening:
    """Screens every field; fields named in ``citation_fields`` only for identifiers that never belong in a citation."""
    citation_fields = set(citation_fields)
    field_labels = field_labels or {}
    findings: list[Finding] = []
    texts: dict[str, str] = {}
    for name, value in fields.items():
        if value is None:
            continue
        text = value if isinstance(value, str) else str(value)
        texts[name] = text
        label = field_labels.get(name) or field_label(name)
        for kind, start, end, confidence, reason in _screen_field(text, citation=name in citation_fields):
            findings.append(
                Finding(
                    kind=kind,
                    field=name,
                    start=start,
                    end=end,
                    confidence=confidence,
                    label=KINDS[kind],
                    masked_value=mask_value(kind, text[start:end]) if end > start else "",
                    field_label=label,
                    reason=reason,
                )
            )
    return Screening(findings=findings, texts=texts)


def _screen_field(text: str, citation: bool) -> list[Candidate]:
    if len(text) > MAX_FIELD_CHARS:
        return [("too_long", 0, 0, CONFIDENT, f"longer than {MAX_FIELD_CHARS:,} characters")]
    found = scan(text, citation=citation)
    ruled = [c for c in found if c[4] != TAGGER_REASON]
    if len(ruled) > MAX_FINDINGS:
        dropped = found[MAX_FINDINGS]
        found = found[:MAX_FINDINGS] + [("too_many", dropped[1], dropped[1], CONFIDENT, "too many to list")]
    elif len(found) > MAX_FINDINGS:
        # The tagger's readings never make a field refused as too many: they fill what the rules leave of the list.
        room = MAX_FINDINGS - len(ruled)
        found = sorted(ruled + [c for c in found if c[4] == TAGGER_REASON][:room], key=lambda c: (c[1], c[2]))
    return found


def segments(text: str) -> list[tuple[int, int]]:
    """Overlapping windows of at most SEGMENT_CHARS covering ``text``, cut at white space where there is some."""
    if len(text) <= SEGMENT_CHARS:
        return [(0, len(text))]
    spans, start = [], 0
    while True:
        end = min(len(text), start + SEGMENT_CHARS)
        if end < len(text):
            cut = max(
                text.rfind(" ", start + SEGMENT_CHARS // 2, end), text.rfind("\n", start + SEGMENT_CHARS // 2, end)
            )
            end = cut if cut > start else end
        spans.append((start, end))
        if end >= len(text):
            return spans
        start = max(end - SEGMENT_OVERLAP, start + 1)


_OTHER_DIGIT = re.compile(r"(?![0-9])\d")


def ascii_digits(text: str) -> str:
    """``text`` with every decimal digit of another script written as its ASCII digit, one character for one, so
    that the detectors read "٩٢ سنة", "९५ वर्ष", "０３-５５５５" as they read "92", "95", "03-5555" and the
    findings' spans stay the text's own."""
    if text.isascii():
        return text
    return _OTHER_DIGIT.sub(lambda m: str(unicodedata.digit(m.group())), text)


def scan(text: str, citation: bool = False) -> list[Candidate]:
    """Every finding in ``text`` after overlaps are resolved, as (kind, start, end, confidence, reason)."""
    if not text or not text.strip():
        return []
    text = ascii_digits(text)
    candidates: set[Candidate] = set()
    # The learned tagger reads the field's first MAX_TAGGED_TOKENS tokens once; each segment then judges the
    # readings that lie inside it as it judges its rules' (mentions, placeholders, links, references…).
    tagged = find_tagged(text) if not citation or TAG_CITATIONS else []
    for seg_start, seg_end in segments(text):
        inside = [
            (c[0], c[1] - seg_start, c[2] - seg_start, c[3], c[4])
            for c in tagged
            if seg_start <= c[1] and c[2] <= seg_end
        ]
        for kind, start, end, confidence, reason in _scan_segment(text[seg_start:seg_end], citation, inside):
            candidates.add((kind, start + seg_start, end + seg_start, confidence, reason))
        if len(candidates) > MAX_FINDINGS:
            ruled = [c for c in candidates if c[4] != TAGGER_REASON]
            if len(ruled) > MAX_FINDINGS and len(_resolve(text, ruled)) > MAX_FINDINGS:
                break  # refused as a whole anyway: the rest need not be read
    return _resolve(text, candidates)


_WORDS = re.compile(r"[^\W\d_]+")
_DIGIT = re.compile(r"\d")
_NINE_DIGITS = re.compile(r"\d{3}[- ]?\d{2}[- ]?\d{4}")
_FOUR_DIGITS = re.compile(r"\d{4}")
_AGE_GATE = re.compile(r"(?<!\d)(?:9\d|1[01]\d)(?!\d)")


def _cheap_facts(text: str) -> tuple[str, set[str], bool, bool]:
    """What decides which detectors can possibly match (speed only, never a verdict): the text in lower case,
    its words, whether it has a digit, whether it may hold a link."""
    low = text.lower()
    return low, set(_WORDS.findall(low)), _DIGIT.search(text) is not None, "/" in text or "www" in low


def _scan_segment(text: str, citation: bool, tagged: list[Candidate] = ()) -> list[Candidate]:
    low, words, digits, has_url = _cheap_facts(text)

    protected = protected_spans(text, low) if digits else []
    url_spans = [(m.start(), trim_url(text, m.start(), m.end())) for m in URL.finditer(text)] if has_url else []

    candidates = _detect(text, low, words, digits, has_url, citation)
    personal_lines: list[tuple[int, int]] = []
    if citation:
        # A line of a sources field that is about the person in care is no citation: it is screened in full. So is
        # a line that reads as no reference and carries what no reference does (a phone number, an IP address…),
        # whose names, places and dates are read as in prose; its own identifiers are judged as in a citation.
        # A street address carries the line too ("Letter from Olufemi Adeyinka, 15 Awolowo Road, Ikoyi").
        personal_lines = _with_body(
            text, _lines(text, [(m.start(), m.end()) for m in _PERSONAL_LINE.finditer(text)], clauses=True)
        )
        shapeless = _shapeless_lines(text)
        links = personal_links(text) if has_url or "@" in text else []
        prosy = personal_lines or shapeless or digits or links
        prose = _detect(text, low, words, digits, has_url, False) if prosy else []
        # A line with nothing of a reference's shape is read as prose once prose reading finds more in it than
        # names and towns, which a title and its authors have too ("Letter from Birmingham Jail, Martin Luther
        # King Jr."): a day, an age, a street, a number, or a name in clinical words ("paciente Rita …")…
        details = [(c[1], c[2]) for c in prose if c[0] not in ("name", "address") or c[3] == CONFIDENT]
        remarks = _own_people_after_references(text)
        # A remark is read on its own too: the reference before it would make its names read as authors.
        for start, end in merged(remarks):
            part = text[start:end]
            prose += [(c[0], c[1] + start, c[2] + start, c[3], c[4]) for c in _detect(part, *_cheap_facts(part), False)]
        personal_lines = sorted({*personal_lines, *remarks} | {line for line in shapeless if overlaps(details, *line)})
        streets = [c for c in prose if c[0] == "address" and c[3] == CONFIDENT]
        found = [(c[1], c[2]) for c in candidates + streets if not _excused(c, protected, url_spans)] + links
        # A remark after a reference carries its own identifiers' names and dates too, though the line it ends
        # reads as a reference ("S3-Leitlinie (2022). Arztbrief Herr …, geb. …, Patientennummer 55-10293").
        flagged = [
            (c[1], c[2])
            for c in candidates + tagged
            if c[0] in _CITATION_KINDS and not _excused(c, protected, url_spans)
        ]
        carrying = sorted(set(_lines(text, found)) | set(_remarks(text, flagged)))
        if personal_lines:
            candidates = prose
        elif carrying:
            candidates += [c for c in prose if c[0] not in _CITATION_KINDS and overlaps(carrying, c[1], c[2])]
        personal_lines += carrying
    candidates += tagged
    public_places = public_body_addresses(text, words) if digits or "public" in words else []
    invented = bool(words & _INVENTED_WORDS) and _invented(text)
    placeholders = [(m.start(), m.end()) for m in _PLACEHOLDER.finditer(text)] if words & _PLACEHOLDER_WORDS else []
    famous = (
        _famous_figures_places(text, [(c[1], c[2]) for c in candidates if c[0] == "name"])
        if words & known_author_words() and any(c[0] in ("address", "zip") for c in candidates)
        else []
    )
    tagged_places = any(c[4] == TAGGER_REASON and c[0] == "address" for c in candidates)
    workplaces = writers_workplaces(text) if tagged_places else []
    held = any(c[0] in ("name", "address") and c[3] != CONFIDENT for c in candidates)
    mentioned = mention_spans(text) if held else []
    kept = []
    for c in candidates:
        kind, start, end = c[0], c[1], c[2]
        if kind in ("name", "address") and c[3] != CONFIDENT and any(s <= start and end <= e for s, e in mentioned):
            continue  # "Igbo names like Chukwuemeka", "Hmong and Karen refugees": mentioned, nobody's
        if citation and kind not in _CITATION_KINDS and not overlaps(personal_lines, start, end):
            continue
        if kind in ("address", "zip") and overlaps(public_places + famous, start, end):
            continue
        if kind in ("name", "address", "zip") and overlaps(placeholders, start, end):
            continue  # "Jane Doe, 123 Main Street, Anytown": the values a form's template shows, nobody's
        if invented and (kind == "name" or (kind == "address" and c[3] != CONFIDENT)):
            continue  # a teaching vignette's people and their towns, which the text says are made up
        if _excused(c, protected, url_spans):
            continue
        if c[4] == TAGGER_REASON and kind == "address" and overlaps(workplaces, start, end):
            continue  # "I'm a GP in Harrogate": the writer's workplace, which the rules leave alone too
        if c[4] == TAGGER_REASON and kind == "address" and study_site(text, start, end):
            continue  # "Data came from Harrowgate III, a cohort of …": a study's place, which the rules leave alone too
        kept.append(c)
    return kept


# A text that says its people are made up: "Fictional composite, not a real client: …", "an invented character".
# Not one asking for a made-up name ("use a fictional one", "make it fictional-looking"), denying it ("not a
# composite") or saying someone is real.
_INVENTED = re.compile(
    r"(?i)(?<!not[ \t]a[ \t])(?<!use[ \t]a[ \t])(?<!make[ \t]it[ \t])(?<!with[ \t]a[ \t])"
    r"\b(?:fictional|fictitious|made[- ]up|invented|hypothetical|imaginary|composite)\b(?![ \t]*-?looking)"
)
_REAL = re.compile(r"(?i)(?<!not[ \t]a[ \t])(?<!not[ \t])\b(?:real|actual|genuine)\b")
# The placeholder people and places of forms and templates, in English and German; no one in care is recorded
# under them except as an unknown ("John Doe, unidentified"), which names nobody either. Famous fictional addresses
# are left out: "mail it to 221B Baker Street" is written as a real one would be.
_PLACEHOLDER = re.compile(
    r"\b(?:(?:John|Jane|Baby|Richard|Mary|J\.)[ \t]+Doe|(?:Joe|Jane)[ \t]+Bloggs|(?:Max|Erika)[ \t]+Mustermann"
    r"|Musterstra(?:ß|ss)e|Musterstadt|Musterhausen|Any(?:town|ville|city|where[ \t]+City)"
    r"|123[ \t]+(?:Main|Fake|Any)[ \t]+(?:Street|St\b\.?))"
)
_PLACEHOLDER_WORDS = {"doe", "bloggs", "mustermann", "musterstraße", "musterstrasse", "musterstadt", "musterhausen",
                      "anytown", "anyville", "anycity", "anywhere", "main", "fake"}  # fmt: skip
_INVENTED_WORDS = {"fictional", "fictitious", "made", "invented", "hypothetical", "imaginary", "composite"}


# A known figure's own places: "Freud's consulting rooms at Berggasse 19 in Vienna", "Van Gogh's year at the asylum
# in Saint-Rémy", "Sherlock Holmes's 221B Baker Street": a sentence about them, with no one in care in it.
_POSSESSOR = re.compile(r"(?<![\w'’-])(?P<who>[A-Z][\w-]+(?:[ \t]+[A-Z][\w-]+){0,2})['’]s?(?![\w'’])")
_SENTENCE = re.compile(r"[^.!?;\n]+")
_IN_CARE = re.compile(
    r"(?i)\b(?:patient|patients|pt|client|clients|service[ \t]+user|resident|my|our|mum|mom|dad|nan|gran|wife"
    r"|husband|son|daughter|lives|living|address)\b"
)


def _famous_figures_places(text: str, names: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentences about a known figure's own places, with no one in care in them: one naming the figure as owner
    ("Freud's"), or naming them otherwise and no one else ("the Salpêtrière in Paris, where Charcot taught")."""
    spans = []
    for sentence in _SENTENCE.finditer(text):
        if _IN_CARE.search(sentence.group()):
            continue
        if any(_is_famous(m.group("who")) for m in _POSSESSOR.finditer(sentence.group())):
            spans.append((sentence.start(), sentence.end()))
            continue
        named = [text[s:e] for s, e in names if sentence.start() <= s < sentence.end()]
        if all(_is_famous(name) for name in named) and any(
            _is_famous(m.group(), alone=True) for m in _CAPITALISED_RUN.finditer(sentence.group())
        ):
            spans.append((sentence.start(), sentence.end()))
    return spans


_CAPITALISED_RUN = re.compile(r"(?<![\w'’-])[A-Z][\w-]+(?:[ \t]+[A-Z][\w-]+){0,2}")


def _is_famous(words: str, alone: bool = False) -> bool:
    """Whether ``words`` end in a known figure's name. `alone`, without an owner's "'s": a surname that is
    also a given name ("Janet", "Pick") could be anyone's, so only a full name or an unambiguous surname counts."""
    words = words.lower().split()
    for i in range(len(words)):
        tail = " ".join(words[i:])
        if tail in known_authors() and (not alone or " " in tail or tail not in given_names()):
            return True
    return False


def _invented(text: str) -> bool:
    return _INVENTED.search(text) is not None and _REAL.search(text) is None


def _excused(c: Candidate, protected: list[tuple[int, int]], url_spans: list[tuple[int, int]]) -> bool:
    """Inside a DOI, a trial registration or a link, only IPs, emails and links themselves count."""
    kind, start, end = c[0], c[1], c[2]
    return kind not in ("ip", "email", "url") and (overlaps(protected, start, end) or overlaps(url_spans, start, end))


def _detect(text: str, low: str, words: set[str], digits: bool, has_url: bool, citation: bool) -> list[Candidate]:
    candidates: list[Candidate] = []
    if digits and (_NINE_DIGITS.search(text) or _FOUR_DIGITS.search(text)):
        candidates += find_ssns(text)
    candidates += find_emails(text, citation, words)
    if digits:
        candidates += find_ips(text)
        candidates += find_record_numbers(text, citation)
        candidates += find_phones(text)
    if not citation:
        if digits:
            candidates += find_vehicles(text)
            candidates += find_devices(text)
            candidates += find_zip_codes(text, words)
        if digits or words & DATE_WORDS:  # dates in words need no digit: "June the fourth"
            candidates += find_dates(text, words)
        candidates += find_addresses(text, low, words)
        candidates += find_towns(text, low)
        candidates += find_residences(text)
        if (digits and _AGE_GATE.search(text)) or AGE_WORDS_GATE.search(text):
            candidates += find_ages(text)
        if has_url or "@" in text or "." in text or words & PLATFORM_WORDS or words & ACCOUNT_WORDS:
            candidates += find_urls(text, words)
        candidates += find_names(text, words)
        candidates += find_labelled_fields(text)
        candidates += find_table_cells(text)
        candidates += find_names_beside(text, [(c[0], c[1], c[2], c[3]) for c in candidates if c[0] != "name"])
        candidates += find_dates_beside(text, [(c[1], c[2]) for c in candidates if c[0] == "name"])
        if digits and _AGE_GATE.search(text):
            candidates += find_ages_beside(text, [(c[1], c[2]) for c in candidates if c[0] == "name"])
        candidates += find_towns_beside(text, [(c[0], c[1], c[2]) for c in candidates])
        # a day listed after a person's age or town as well as their name: "Maggie (90) — Dunedin — 1/5"
        listed = [(c[1], c[2]) for c in candidates if c[0] in ("age_over_89", "address") and c[3] != CONFIDENT]
        candidates += find_dates_beside(text, listed) if listed and digits else []
        candidates += find_towns_with_person_details(text, candidates)
    return candidates


_PERSONAL_LINE = re.compile(
    r"(?i)\b(?:pt['’]s|patient['’]s|client['’]s|my[ \t]+(?:client|patient|pt)|(?:given|sent|handed|shown)[ \t]+to"
    r"[ \t]+(?:the[ \t]+|my[ \t]+)?(?:pt|patient|client)|(?:his|her|their)[ \t]+own"
    r"|(?:pt|patient|client)[ \t]+(?:diary|notes|letter|record|file|journal|blog)|discharge[ \t]+summary"
    r"|clinic[ \t]+letter|case[ \t]+notes|(?:private|personal)[ \t]+letter"
    r"|(?:treatment|therapy|session|progress|clinical|nursing|ward|care|supervision|intake|referral|handover"
    r"|consultation|case[ \t]+file|case[ \t]+conference)[ \t]+notes|case[ \t]+conference|(?:diary|journal)[ \t]+entry"
    # what the person in care or their family wrote, kept or said, and pages of their own
    r"|(?:shared|written|kept|drawn|made)[ \t]+by[ \t]+(?:the[ \t]+|my[ \t]+)?(?:pt|patient|client)"
    r"|(?:pt|patient|client|service[ \t]+user)[- ]authored|personal[ \t]+(?:site|website|web[ \t]?page|blog|homepage)"
    r"|(?:carer|caregiver|mother|father|parent|relative|family|witness|victim)['’]s[ \t]+statement"
    r"|e-?mail[ \t]+(?:thread|exchange|chain|conversation)|facebook\.com/profile\.php"
    r"|(?m:^)[ \t]*(?:court|forensic|police|psychiatric|psychological|medical|incident|probation|safeguarding"
    r"|tribunal)[ \t]+report(?=[ \t]*[,:;–-])"  # a report's heading: "Forensic report, J. Kaminski, …"
    r"|inmate|prisoner[ \t]+(?:no|number)|access[ \t]+log"
    # an interview with someone in care or their family is a record of them, not a source anyone can look up
    r"|interview(?:ed)?[ \t]+with[ \t]+(?:(?:a|the|my|his|her|their)[ \t]+)?(?:carer|caregiver|patient|client|pt"
    r"|relative|family|parent|mother|father|mum|dad|son|daughter|wife|husband|partner|service[ \t]+user)"
    r"|(?:for|re|from|with)[ \t]+(?:pt|patient|client)[ \t]+(?-i:[A-Z][a-z]+)"
    r"|(?:obituary|death[ \t]+notice|funeral[ \t]+notice)[ \t]+(?:of|for)[ \t]+(?:the|my|our)[ \t]+"
    r"(?:pt|patient|client)"
    r"|(?:given|sent|handed|shown)[ \t]+to[ \t]+(?-i:[A-Z][a-z]+[ \t]+[A-Z][a-z]+)"
    # the writer's own material, and what was sent to or made with them: "my own LinkedIn post", "personal notes
    # from supervision", "Lena's letter to me", "screenshot of group chat", "MSc dissertation, supervised by me"
    r"|my[ \t]+own|(?:personal|private|unpublished|handwritten)[ \t]+(?:[\w-]+[ \t]+)?(?:notes|diary|journal"
    r"|correspondence|messages?|emails?|files?|records?|papers|recordings?)|case[ \t]+file"
    r"|(?:letter|email|e-mail|message|text|note|card|voicemail|dm)s?[ \t]+(?:to|for)[ \t]+me"
    r"|(?:sent|written|given|told|supervised|forwarded|shared|emailed|texted|shown|addressed|dictated)[ \t]+(?:to|by"
    r"|with)[ \t]+me|(?:group|family|whatsapp|team)[ \t]+chat|chat[ \t]+(?:log|history|screenshot)|screenshots?[ \t]+of"
    r"|notes[ \t]+(?:from|of)[ \t]+(?:my[ \t]+|our[ \t]+|the[ \t]+)?(?:supervision|session|meeting|call|visit)s?"
    # a personal communication from someone in care or close to them, and a family's own papers: "Personal
    # communication, … (carer), 12 March 2023", "… family archive; letters dated …"
    r"|personal[ \t]+communication,?[ \t]+[^,;\n()]{2,40}\([ \t]*(?:carer|caregiver|patient|client|pt|relative"
    r"|mother|father|mum|dad|daughter|son|wife|husband|partner|sister|brother|family[ \t]+member|service[ \t]+user)"
    r"|family[ \t]+(?:archive|papers|letters|photos|photographs|album)"
    # a family's keeping or a person's memoir, and correspondence with a family: "Unpublished memoir of …, held by
    # the family", "Correspondence with the family of …"
    r"|held[ \t]+by[ \t]+(?:the|his|her|their)[ \t]+family|correspondence[ \t]+with[ \t]+(?:the[ \t]+)?family"
    # an interview with a person whose age follows their name: "Interview with Mrs … (103), …", "Interview, …
    # (ninety-nine), at her home"
    r"|interview(?:ed)?,?[ \t]+(?:with[ \t]+)?(?-i:(?:(?:Mr|Mrs|Ms|Miss|Mx)\.?[ \t]+)?[A-Z][a-z'’-]+"
    r"(?:[ \t]+[A-Z][a-z'’-]+){0,3})[ \t]*\((?:\d{2,3}|[a-z-]*(?:ninety|hundred)[a-z-]*)(?=\))"
    # a personal communication from a relative, or about a patient it names, in English and the languages notes are
    # written in
    r"|(?:personal[ \t]+communication|comunicazione[ \t]+personale|comunicación[ \t]+personal|comunicação[ \t]+pessoal"
    r"|communication[ \t]+personnelle|persönliche[ \t]+Mitteilung|persoonlijke[ \t]+mededeling)[^\n]{0,60}?"
    r"(?:\b(?:carer|daughter|son|mother|father|mum|dad|wife|husband|widow|niece|nephew|madre|padre|figlia|figlio"
    r"|hija|hijo|filha|filho|mère|père|fille|Mutter|Vater|Tochter|Sohn|moeder|vader|dochter|zoon)\b"
    r"|\b(?:patient|client|paziente|paciente|patiente|Patientin|patiënt)[ \t]+(?-i:[A-Z]))"
    # "my client" or "my patient" in the languages notes are written in: "klien saya", "Danışanım", "thân chủ",
    # "میرے کلائنٹ", "我的来访者", "मेरे मरीज़", "mi paciente", "ma patiente", "meine Patientin", "mijn cliënt"
    r"|(?:klien|pasien)[ \t]+saya|danışanım|danışanımın|hastam|hastamın"
    r"|thân[ \t]+chủ[ \t]+(?:của[ \t]+)?tôi|bệnh[ \t]+nhân[ \t]+của[ \t]+tôi"
    r"|mi[ \t]+(?:paciente|cliente)|mis[ \t]+pacientes|(?:mon|ma)[ \t]+(?:patiente?|cliente?)"
    r"|mein(?:e|er)?[ \t]+(?:Patient(?:in)?|Klient(?:in)?)|mijn[ \t]+(?:cliënt|client|patiënt|patiente)"
    r"|(?:il[ \t]+mio|la[ \t]+mia)[ \t]+(?:paziente|cliente)|(?:meu|minha)[ \t]+(?:paciente|cliente)"
    r"|mój[ \t]+(?:pacjent|klient)|moja[ \t]+(?:pacjentka|klientka)|мо[йяю][ \t]+(?:пациент\w*|клиент\w*)"
    r"|мій[ \t]+(?:пацієнт|клієнт)|моя[ \t]+(?:пацієнтка|клієнтка))\b"
    r"|(?<![\u0600-\u06ff])(?:میرے|میری)[ \t]+(?:کلائنٹ|مریض)"
    r"|我的(?:来访者|來訪者|病人|患者|当事人)|私の(?:患者|クライエント)"
    r"|(?<![\u0900-\u097f])(?:मेरे|मेरी)[ \t]+(?:मरीज़|मरीज|क्लाइंट)|(?<![\uac00-\ud7af])제[ \t]+(?:내담자|환자)"
)
# A year in brackets, with a day as posts are cited ("(2021, February 10)"), "et al.", a DOI, volume(issue), pages.
_REFERENCE_CUE = re.compile(
    r"(?i)\((?:19|20)\d\d,[ \t]+[A-Z][a-z]+[ \t]+\d{1,2}\)|\(\d{4}[a-z]?\)|\bet[ \t]+al\b|\bdoi\b|\d+\(\d+\)"
    r"|\bpp?\.[ \t]*\d|\bisbn\b"
)


def _lines(text: str, found: list[tuple[int, int]], clauses: bool = False) -> list[tuple[int, int]]:
    """The lines of ``found`` spans that read as no reference. With ``clauses``, the part of the line between
    semicolons: "Kessler et al. 2005; and Lena's letter to me dated 2 May" is a reference, then a private letter."""
    # Boundaries are found by bisection and each line or clause is judged once: a long line with thousands of
    # matches costs linear time, not a scan of the line per match.
    cuts = [m.start() for m in re.finditer(r"\n", text)]
    semis = [m.start() for m in re.finditer("; ", text)] if clauses else []
    judged: dict[tuple[int, int], bool] = {}
    for found_start, found_end in found:
        i = bisect.bisect_left(cuts, found_start)
        start = cuts[i - 1] + 1 if i else 0
        j = bisect.bisect_left(cuts, found_end)
        end = cuts[j] if j < len(cuts) else len(text)
        if clauses:
            k = bisect.bisect_left(semis, found_start - 1)  # a "; " ending before the span starts
            if k and semis[k - 1] >= start:
                start = semis[k - 1] + 2
            k = bisect.bisect_left(semis, found_end)
            if k < len(semis) and semis[k] < end:
                end = semis[k]
        if (start, end) not in judged:
            judged[start, end] = not _REFERENCE_CUE.search(text, start, end)
    return sorted(span for span, shapeless in judged.items() if shapeless)


_LINE = re.compile(r"[^\n]+")
# What a reference carries besides _REFERENCE_CUE: a year of publication standing alone ("Guilford; 1993.",
# "…, 2018"; not one inside a date or a number: "20/02/2023", "CR-2020-004417"), a link or a web address, a
# registry or library number.
_REFERENCE_SHAPE = re.compile(
    r"(?<![\w/.:-])(?:1[5-9]\d\d|20\d\d)[a-z]?(?![\w/-]|\.\d)|https?://|\bwww\."
    r"|(?<![@.\w-])[\w-]+(?:\.[\w-]+)*\.(?:org|gov|edu|int|com|net|uk|au|ca|de|fr|eu|nz|ie|info|io)\b"
    r"|(?i:\b(?:pmid|pmcid|isbn|issn|nct\d|isrctn|eudract|drks|ctri|actrn|chictr|arxiv|ssrn|psyarxiv))"
)


# The writer's own people: "our pt Ethel Marsh (97) was in this study", "[author is my patient Kenneth Bramwell]".
_OWN_PERSON = re.compile(
    r"(?i)\b(?:(?:my|our)[ \t]+(?:(?:late|foster|step|adopted|eldest|youngest|older|younger|own)[ \t]+)?"
    r"(?:clients?|patients?|pts?|psychiatrist|therapist|mum|mom|dad|mother|father|grandmother|grandfather|grandma"
    r"|grandpa|nan|son|daughter|child|wife|husband|brother|sister|partner|aunt|uncle|GP|doctor|psychologist"
    r"|counsell?or|social[ \t]+worker|key[ \t]?worker|case[ \t]?worker)"
    r"|(?:seen|treated|assessed)[ \t]+by[ \t]+me|(?:caso|paciente)[ \t]+propio"
    # the same in the other languages readers write: "Meu filho …", "mi tía …", "ma grand-mère …", "meine Mutter …"
    r"|(?:mi|mis|nuestr[oa])[ \t]+(?:hij[oa]|madre|padre|mam[aá]|pap[aá]|abuel[oa]|herman[oa]|t[ií][oa]|espos[oa]"
    r"|marido|mujer|pareja|paciente)|(?:meu|minha|nosso|nossa)[ \t]+(?:filh[oa]|m[aã]e|pai|av[oóô]|irm[aã]o?|tia|tio"
    r"|marido|esposa|paciente)|(?:mon|ma|notre)[ \t]+(?:fils|fille|m[eè]re|p[eè]re|grand-m[eè]re|grand-p[eè]re"
    r"|fr[eè]re|s(?:œ|oe)ur|mari|femme|tante|oncle|patient|patiente)|(?:mein|meine|meinem|meiner|unser|unsere)[ \t]+"
    r"(?:Sohn|Tochter|Mutter|Vater|Oma|Opa|Gro(?:ß|ss)mutter|Gro(?:ß|ss)vater|Bruder|Schwester|Mann|Frau|Tante"
    r"|Onkel|Patient|Patientin)|(?:mio|mia|nostro|nostra)[ \t]+(?:figlio|figlia|madre|padre|nonna|nonno|fratello"
    r"|sorella|marito|moglie|zia|zio|paziente)|mijn[ \t]+(?:zoon|dochter|moeder|vader|oma|opa|broer|zus|man|vrouw"
    r"|tante|oom|pati[eë]nt))\b"
)
_REMARK_MARKS = (". ", ".\t", " — ", " – ", " - ", "[", "(", ";")
_REMARK_REACH = 200  # how far back a remark's start is looked for: the cost stays linear in the text


def _own_people_after_references(text: str) -> list[tuple[int, int]]:
    """What follows a reference on its line once it speaks of the writer's own patient or relative, from the
    remark's start (after a full stop, a dash, a bracket or a semicolon) to the line's end: read as prose."""
    spans = []
    for m in _OWN_PERSON.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        lo = max(line_start, m.start() - _REMARK_REACH)
        marks = [(at + len(mark)) for mark in _REMARK_MARKS if (at := text.rfind(mark, lo, m.start())) >= 0]
        spans.append((max(marks) if marks else lo, line_end))
    return spans


# Where a remark begins on a reference's line: a sentence's end before a capital or a letter of a caseless
# script ("(2021). Arztbrief", not "geb. 13.05.1949" nor "et al. in"), a spaced dash, a semicolon.
_REMARK_START = re.compile(r"[.!?][\"'”’)\]]*[ \t]+(?=[^\W\d_])(?![a-z])|[ \t][—–-][ \t]|;[ \t]")


def _remarks(text: str, found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The remark each found span lies in, from the remark's start to the next one's or the line's end, where
    the remark reads as no reference: within _REMARK_REACH of the span either way, so the cost stays linear."""
    judged: dict[tuple[int, int], bool] = {}
    for found_start, found_end in found:
        line_start = text.rfind("\n", max(0, found_start - _REMARK_REACH), found_start) + 1
        lo = max(line_start, found_start - _REMARK_REACH)
        begin = max((m.end() for m in _REMARK_START.finditer(text, lo, found_start)), default=lo)
        hi = text.find("\n", found_end, found_end + _REMARK_REACH)
        hi = min(len(text), found_end + _REMARK_REACH) if hi < 0 else hi
        after = _REMARK_START.search(text, found_end, hi)
        stop = after.start() + 1 if after else hi
        if (begin, stop) not in judged:
            judged[begin, stop] = not _REFERENCE_CUE.search(text, begin, stop)
    return sorted(span for span, remark in judged.items() if remark)


def _shapeless_lines(text: str) -> list[tuple[int, int]]:
    """Lines of a sources field with nothing of a reference's shape: no year of publication, link, identifier
    or citation cue ("discharge letter, Mohammed Al-Rashid, RMH 4471920, Ward 9 North"). No reference is written
    so; a line about a person often is, and is read as prose."""
    return [
        (m.start(), m.end())
        for m in _LINE.finditer(text)
        if m.group().strip() and not _REFERENCE_SHAPE.search(m.group()) and not _REFERENCE_CUE.search(m.group())
    ]


def _with_body(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A line that heads what follows ("Case file notes", "Carer's statement:") carries the lines under it, up to
    a blank line: they are the notes or statement it names. A reference among them is still read as one."""
    # Headings of one block carry the same lines below them: each line is collected and judged once, so a block
    # of many short headed lines costs linear time.
    below, covered = [], 0
    for start, end in lines:
        heading = text[start:end].strip()
        if end >= len(text) or end < covered or not (heading.endswith(":") or len(heading.split()) <= 4):
            continue
        blank = text.find("\n\n", end)
        stop = len(text) if blank < 0 else blank
        below += [(m.start(), m.end()) for m in _LINE.finditer(text, end + 1, stop)]
        covered = stop
    return sorted(set(lines) | set(_lines(text, below)))


def _resolve(text: str, candidates: Iterable[Candidate]) -> list[Candidate]:
    rank = {kind: i for i, kind in enumerate(_PRIORITY)}
    # Unlabelled long numbers are the weakest signal: any other reading of the same digits wins.
    # A learned tagger's reading gives way to any rule's of the same characters.
    ordered = sorted(
        candidates,
        key=lambda c: (c[3] != CONFIDENT, c[4] == TAGGER_REASON, c[4] == WEAK_REASON, rank[c[0]], -(c[2] - c[1]), c[1]),
    )
    chosen: list[Candidate] = []
    owner: dict[int, str] = {}  # the kind holding each character that some finding holds
    for c in ordered:
        kind, start, end = c[0], c[1], c[2]
        clashes = {owner[i] for i in range(start, end) if i in owner}
        if clashes - ({"ip"} if kind == "url" else {"url"} if kind == "ip" else set()):
            continue
        chosen.append(c)
        if kind != "url" or not clashes:
            owner.update(dict.fromkeys(range(start, end), kind))
    chosen.sort(key=lambda c: (c[1], c[2]))
    return chosen
