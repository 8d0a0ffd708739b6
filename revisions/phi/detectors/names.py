"""Personal names in a clinical context."""

from __future__ import annotations

import re

from ..findings import BORDERLINE
from ..patterns import UP

# ---------------------------------------------------------------- personal names in a clinical context

# Scripts without letter case (CJK, kana, Hangul, Arabic, Hebrew, Devanagari, Thai): any word can be a name.
_CASELESS = "\u0590-\u05ff\u0600-\u06ff\u0900-\u097f\u0e00-\u0e7f\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af"
_NAME_UP = UP + "Α-ΩА-ЯЁ"  # plus Greek and Cyrillic capitals
_W = rf"(?<![\w-])(?<!\w['’])(?:[{_NAME_UP}][^\W\d_'’]*(?:['’-][^\W\d_]+)*|[{_CASELESS}]{{1,12}})"
_NAME_SEQ = rf"(?P<name>{_W}(?:[ \t]+{_W}){{0,2}})"
_ROLE = (
    r"client|clients|patient|patients|pt|son|sons|daughter|daughters|mother|mum|mom|father|dad|husband|wife|partner"
    r"|spouse|fianc[eé]e?|boyfriend|girlfriend|brother|sister|sibling|grandmother|grandfather|grandma|grandpa|nana"
    r"|granddaughter|grandson|grandchild|aunt|uncle|niece|nephew|cousin|child|baby|toddler|teen|teenager"
    r"|adolescent|boy|girl|man|woman|lady|gentleman|guy|kid|stepson|stepdaughter|stepmother|stepfather|carer"
    r"|caregiver|friend|neighbou?r|colleague|flatmate|roommate|widow|widower|veteran|resident|student|mokopuna"
    r"|tamariki|whānau|ex|ex-husband|ex-wife|ex-partner"
)
_HONORIFIC = r"(?:Mr|Mrs|Ms|Miss|Mx|Mister|Mme|Mlle|Sra|Herr|Frau)"
_NAME_PATTERNS = [
    ("honorific", re.compile(rf"\b{_HONORIFIC}\.?[ \t]+{_NAME_SEQ}")),
    (
        "role",
        re.compile(
            rf"\b(?:{_ROLE})(?:['’]s)?(?:[ \t]+of[ \t]+(?:mine|ours))?"
            r"(?:[ \t]*,[ \t]*|[ \t]+(?:(?i:named|called|known\s+as|nicknamed|aka)[ \t]+)?)" + _NAME_SEQ
        ),
    ),
    (
        "role-start",
        re.compile(rf"(?:^|(?<=[.!?:;\n])[ \t]*|(?<=[.!?][\"”’)])[ \t]*)(?:Client|Patient|Pt)\.?[ \t]+{_NAME_SEQ}"),
    ),
    (
        "initials",
        re.compile(
            rf"(?:\b(?:{_ROLE})|(?:^|(?<=[.!?:;\n]))[ \t]*(?:Client|Patient|Pt)|\b{_HONORIFIC}\.?)[ \t]+"
            r"(?P<name>[A-Z]\.[ \t]?[A-Z]\.(?:[ \t]?[A-Z]\.)?)"
        ),
    ),
    (
        "named",
        re.compile(
            r"(?i:\b(?:named|called|known\s+as|nicknamed|goes\s+by|(?:whose\s+)?(?:first\s+)?name\s+(?:is|was)))"
            rf"[ \t]+['‘\"“]?{_NAME_SEQ}"
        ),
    ),
    (
        "label",
        re.compile(
            r"(?:^|(?<=\n))[ \t]*(?:[-*•][ \t]*)?(?i:(?:full\s+|first\s+|last\s+|patient\s+|client\s+)?name|patient"
            rf"|client|pt)[ \t]*:[ \t]*{_NAME_SEQ}"
        ),
    ),
    (
        "pseudonym",
        re.compile(
            r"(?i:\b(?:I(?:['’]ll|\s+will)?|we(?:['’]ll|\s+will)?|let['’]s)\s+call(?:\s+(?:him|her|them))?)\s+"
            r"['‘\"“]?" + _NAME_SEQ
        ),  # fmt: skip
    ),
    ("dear", re.compile(rf"(?:^|(?<=[\n.!?\"“]))[ \t]*Dear[ \t]+{_NAME_SEQ}[ \t]*,")),
    (
        "possessive",
        re.compile(
            rf"{_NAME_SEQ}['’]s[ \t]+(?:(?:{_ROLE})\b|therapist|psychiatrist|psychologist|counsel+or|GP|doctor"
            r"|diagnosis|symptoms|sessions?|treatment|intake|discharge|depression|anxiety|panic|self-criticism"
            r"|shame|journal|letter|inner\s+critic|case|file|chart|notes|medication|relapse|blog|email|phone"
            r"|address|pacemaker|insulin|car|van|house|home|flat|apartment|family|funeral|birthday|grief|recovery)\b"
        ),
    ),
    (
        "age",
        re.compile(
            rf"{_NAME_SEQ}(?:,[ \t]+(?:a|an)[ \t]+\d{{1,2}}[- ]year[- ]old|[ \t]*\((?:age[ \t]*)?\d{{1,2}}\)"
            r"|,[ \t]+\d{1,2},[ \t])"
        ),
    ),
    (
        "verb",
        re.compile(
            _NAME_SEQ
            + r"(?:[ \t]+(?:\w+ly|kept|has|had|was|is|then|finally|later|also|still|often|never|again))?[ \t]+"
            r"(?:presented|presents|disclosed|discloses|endorsed|denied|relapsed|self-harmed|overdosed"
            r"|(?:was|is|got)[ \t]+(?:admitted|discharged|referred|diagnosed|hospitali[sz]ed|sectioned)"
            r"|attended|attends|missed|cancel+ed|no-showed|cried|wept|sobbed|panicked|apologi[sz](?:ed|ing|es)"
            r"|kept[ \t]+[a-z]+ing"
            r"|practi[sc]ed|practi[sc]es|journaled|journalled|told[ \t]+(?:me|us)|asked[ \t]+(?:me|us)"
            r"|said[ \t]+(?:she|he|they|that)|came[ \t]+in|dropped[ \t]+out|refused|declined|struggled|struggles"
            r"|complained|reported[ \t]+(?:feeling|that|a|her|his|their)|felt|feels|wrote|writes|confided)\b"
        ),
    ),
    (
        "object",
        re.compile(
            r"(?:\b(?:I|we)[ \t]+(?:saw|see|treated|treat|met)"
            r"|(?:^|(?<=[.!?:;\n]))[ \t]*(?:Seeing|Treating|Working[ \t]+with|Helping|Supporting|Contact|Call|Ring|Text"
            r"|Email|Phone|Ask|Tell|Remind|Invite|Encourage)"
            r"|\b(?:seeing|treating|working[ \t]+with|worked[ \t]+with"
            r"|work[ \t]+with|sessions?[ \t]+with|ask|asked|tell|told|help|helping|helped|encourage|encouraged|invite"
            r"|invited|refer|referred|support|supporting|supported"
            r"|reminded|guided|discussed|contact|contacted|call|called|phone|email|text|ring|visit|visited))"
            rf"[ \t]+{_NAME_SEQ}"
        ),
    ),
    (
        "apposition",
        re.compile(
            rf"{_NAME_SEQ}(?:[ \t]*\(|,[ \t]+)(?:my|our|a|the)[ \t]+(?:former[ \t]+|current[ \t]+)?"
            r"(?:client|patient|service[ \t]+user)\b"
        ),
    ),
    ("who", re.compile(rf"{_NAME_SEQ},[ \t]+who(?:m)?[ \t]+(?:I|we)[ \t]+(?:saw|see|treated|treat|work|worked)\b")),
]
# For patterns that end in their context, a quick search for that ending: the full pattern then only runs just
# before each hit, not from every capitalised word in the text (speed only; the matches are the same).
_NAME_TRIGGERS = {
    "initials": (re.compile(r"[A-Z]\.[ \t]?[A-Z]\."), 40),
    "possessive": (re.compile(r"['’]s[ \t]+[a-zA-Z]"), 90),
    "age": (re.compile(r"year[- ]old|\([ \t]*(?:age[ \t]*)?\d{1,2}\)|,[ \t]+\d{1,2},"), 90),
    "who": (re.compile(r",[ \t]+whom?[ \t]"), 90),
    "apposition": (
        re.compile(r"(?:\(|,[ \t]+)(?:my|our|a|the)[ \t]+(?:former[ \t]+|current[ \t]+)?(?:client|patient|service)"),
        90,
    ),
}
# Patterns that do not themselves say "this is a person in care": skip names cited as authors in the text.
_WEAK_NAME_CONTEXTS = {"named", "possessive", "verb", "object", "who", "age", "apposition"}

_NAME_STOP = set(
    """
    I A An The This That These Those He She They We You It His Her Their Our My Your Its Me Him Them Us
    In On At For With And But Or If When While After Before During Since Because Although Though Then So Yes No Not
    All Some Many Most Each Every Both Either Neither One Two Three Four Five Six Seven Eight Nine Ten First Second
    Third Last Next Other Another Such What Which Who Whom Whose Where Why How There Here Today Yesterday Tomorrow
    Tonight Everyone Someone Nobody Everybody Anyone Somebody Anybody Nothing Something Everything Anything
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August
    September October November December Christmas Easter Ramadan Diwali Eid Hanukkah Passover Thanksgiving
    Self Self-Compassion Self-Compassion Compassion Compassionate Mindful Mindfulness Break Scale Therapy Therapies
    Focused Health Questionnaire Inventory Depression Anxiety Program Programme Course Training Teacher Group
    Session Sessions Week Weeks Day Days Month Months Year Years Level Stage Phase Module Part Chapter Section
    Client Clients Patient Patients Participant Participants People Person Parents Parent Children Child Adolescents
    Adults Adult Caregivers Carers Therapist Therapists Clinician Clinicians Researchers Research Studies Study
    Women Men Students Nurses Doctors Staff Team Teams Family Families Mother Father Mum Mom Dad Son Daughter Husband
    Wife Partner Sister Brother Grandmother Grandfather Aunt Uncle Cousin Baby Friend Friends Dear Sir Madam
    Evidence Clinically Clinical Cross-sectional Research Acceptance Commitment Buddhist Western Eastern English
    Arabic Spanish French German Chinese Mandarin Cantonese Hindi Urdu Punjabi Māori Maori Samoan Tongan Irish Welsh
    Scottish American British Canadian Australian European African Asian Latino Latina Latinx Hispanic Black White
    Indigenous Aboriginal Christian Muslim Jewish Hindu Sikh Catholic Protestant God Lord Jesus Allah Buddha
    CBT DBT ACT MBCT MBSR MSC CFT EMDR PTSD OCD ADHD GAD MDD SCS PHQ GAD-7 PHQ-9 BDI DSM ICD NHS NICE WHO APA
    Note Notes Plan Goal Goals Objective Objectives Summary Assessment Formulation Intake Referral Discharge Update
    Please Thanks Thank Hi Hello Regards Best Kind Warm Sincerely Also Still Again Now Later Finally Often Never
    Reader Readers Editor Editors Colleague Colleagues Reviewer Reviewers Member Members Supervisor Trainee
    Mr Mrs Ms Miss Mx Dr Prof Professor Doctor Nurse Sister Father Mother Saint St Reverend Rev
    Street Road Avenue Lane Drive Way Court Close Crescent Hospital Clinic Centre Center University College School
    Google Zoom Teams Skype WhatsApp Facebook Instagram Twitter TikTok YouTube Reddit LinkedIn Substack Gmail
    Healthy Happy Sad Angry Tired Worried Overwhelmed Stressed Calm Kindness Kind Common Humanity Backdraft
    Perfectionism Shame Guilt Grief Burnout Criticism Critic Judge Judgement Judgment Inner Voice
    Treating Treatment Supportive Touch Letter Journal Journaling Writing Exercise Exercises Practice Practices
    """.split()
)
# Authors this field cites constantly; only the weak contexts above skip them ("my client Paul" is still flagged).
_KNOWN_AUTHORS = set(
    """
    Neff Germer Gilbert Muris Otgaar Beck Linehan Hayes Kabat-Zinn Segal Teasdale Williams Rogers Freud Jung Adler
    Bowlby Ainsworth Seligman Ellis Bandura Skinner Maslow Frankl Yalom Gottman Siegel Brach Salzberg Brown Kirby
    Leary MacBeth Gumley Ferrari Raes Sirois Zessin Bluth Tirch Irons Lutz Hofmann Barlow Clark Wells Padesky
    Greenberg Kolts Harris Fredrickson Davidson Dalai Lama Thich Nhat Hanh Rosenberg Porges Germer
    """.split()
)
_CITED_AUTHOR = re.compile(rf"({_W})(?:,?\s+(?:et\s+al\.?,?\s*)?\(?(?:19|20)\d\d[a-z]?\)?|\s+et\s+al\b|,\s+[A-Z]\.)")


def _cited_authors(text: str) -> set[str]:
    return {m.group(1) for m in _CITED_AUTHOR.finditer(text)}


_TOKEN = re.compile(_W)
# A capitalised sequence containing one of these is an instrument, service or organisation, not a person.
_NAME_KILL = {
    "Questionnaire", "Scale", "Inventory", "Survey", "Index", "Measure", "Checklist", "Interview", "Program",
    "Programme", "Therapy", "Service", "Services", "Protective", "Centre", "Center", "Hospital", "Clinic", "Trust",
    "Association", "Society", "Foundation", "Institute", "University", "College", "School", "Group", "Satisfaction",
    "Assessment", "Workbook", "Guide", "Model", "Break", "Method", "Technique", "Exercise", "Practice",
}  # fmt: skip
_TAIL_CONTEXTS = {"possessive", "age", "verb", "who", "apposition"}
_PERSON_BEFORE_NAMED = re.compile(
    rf"(?i)\b(?:{_ROLE}|someone|somebody|person|individual|one|year-old|yo|people|family|member|pseudonym)\b[^.;\n]*$"
)


def _is_name_token(token: str) -> bool:
    caseless = token[0].isalpha() and not token[0].isupper() and not token[0].islower()
    return (
        (caseless or (token[0].isupper() and any(c.islower() for c in token)))
        and token not in _NAME_STOP
        and token.split("-")[0] not in _NAME_STOP
    )


def _name_span(text: str, m: re.Match, tail: bool) -> tuple[int, int] | None:
    """The span of the name tokens in the matched sequence: its longest valid head (or tail) run."""
    base = m.start("name")
    tokens = []
    for t in _TOKEN.finditer(m.group("name")):
        word = t.group()
        end = t.end()
        if word.endswith(("'s", "’s")):
            word, end = word[:-2], end - 2
        tokens.append((word, base + t.start(), base + end))
    if any(word in _NAME_KILL for word, _, _ in tokens):
        return None
    following = _TOKEN.match(text, m.end("name") + 1) if m.end("name") < len(text) else None
    if following and following.group() in _NAME_KILL:
        return None
    run = []
    for token in reversed(tokens) if tail else tokens:
        if not _is_name_token(token[0]):
            break
        run.append(token)
    if not run:
        return None
    if tail:
        run.reverse()
    return run[0][1], run[-1][2]


def _in_title_line(text: str, pos: int) -> bool:
    """A heading or label in Title Case ("Supported Python Versions"), where capitals say nothing about names."""
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    line_end = line_end if line_end >= 0 else len(text)
    if line_end - line_start > 160:  # headings and labels are short
        return False
    words = re.findall(r"[^\W\d_][\w'’-]*", text[line_start:line_end])
    small = {"a", "an", "the", "of", "and", "or", "for", "to", "in", "on", "with", "at", "by", "vs"}
    return len(words) >= 3 and all(w[0].isupper() or w in small for w in words)


_ROLE_WORDS = set(re.sub(r"\[(.)(.)\]|\?", "", _ROLE).replace("-", "|").split("|")) | {
    "fiance", "fiancee", "fiancé", "fiancée", "neighbour", "neighbor", "neighbou",
}  # fmt: skip
_HONORIFIC_WORDS = {"mr", "mrs", "ms", "miss", "mx", "mister", "mme", "mlle", "sra", "herr", "frau"}
# Words one of which must be in the text before a pattern can match (a speed gate, never a decision).
_NAME_GATES: dict[str, set[str] | None] = {
    "honorific": _HONORIFIC_WORDS,
    "role": _ROLE_WORDS,
    "role-start": {"client", "patient", "pt"},
    "initials": _ROLE_WORDS | _HONORIFIC_WORDS,
    "named": {"named", "called", "known", "nicknamed", "goes", "name"},
    "label": {"name", "patient", "client", "pt"},
    "apposition": {"client", "patient", "service"},
    "pseudonym": {"call"},
    "dear": {"dear"},
    "possessive": None,
    "age": None,
    "verb": set(
        """kept presented presents disclosed discloses endorsed denied relapsed harmed overdosed admitted discharged
        referred diagnosed hospitalised hospitalized sectioned attended attends missed cancelled canceled showed cried
        wept sobbed panicked apologised apologized apologising apologizing apologises apologizes practised practiced
        practises practices journaled journalled told asked said came dropped refused declined struggled struggles
        complained reported felt feels wrote writes confided""".split()
    ),
    "object": set(
        """saw see treated treat met seeing treating working worked work session sessions ask asked tell told help
        helping helped encourage encouraged invite invited refer referred support supporting supported reminded
        remind guided discussed contact contacted call called phone email text ring visit visited""".split()
    ),
    "who": {"who", "whom"},
}


def _name_matches(text: str, context: str, pattern: re.Pattern):
    if context not in _NAME_TRIGGERS:
        yield from pattern.finditer(text)
        return
    trigger, reach = _NAME_TRIGGERS[context]
    seen = set()
    for hit in trigger.finditer(text):
        for m in pattern.finditer(text, max(0, hit.start() - reach), min(len(text), hit.end() + 30)):
            if m.span() not in seen:
                seen.add(m.span())
                yield m


def find_names(text: str, words: set[str]):
    authors: set[str] | None = None
    for context, pattern in _NAME_PATTERNS:
        gate = _NAME_GATES[context]
        if gate is not None and not (words & gate):
            continue
        for m in _name_matches(text, context, pattern):
            if context == "initials":
                yield "name", m.start("name"), m.end("name"), BORDERLINE, "initials in a clinical context"
                continue
            span = _name_span(text, m, tail=context in _TAIL_CONTEXTS)
            if span is None:
                continue
            start, end = span
            if context == "named" and not _PERSON_BEFORE_NAMED.search(text[max(0, m.start() - 40) : m.start()]):
                continue
            if context in _WEAK_NAME_CONTEXTS:
                if _in_title_line(text, start):
                    continue
                if authors is None:
                    authors = _cited_authors(text) | _KNOWN_AUTHORS
                if any(t in authors for t in re.split(r"[ \t]+", text[start:end])):
                    continue
                if re.match(r"\s*(?:\(\d|,\s*\d{4}|et\s+al)", text[end : end + 12]):
                    continue
            yield "name", start, end, BORDERLINE, f"name in a clinical context ({context})"
