"""Names and places a text mentions as examples, peoples or study sites, not as anyone's: "Yoruba names such as
Babatunde", "Hmong and Karen refugees", "Sampling covered Kyiv, Kharkiv and Lviv". Borderline name and place
findings inside these stretches are dropped; a confident one (a title, a label) stands."""

from __future__ import annotations

import re

from .citations import is_public_number
from .detectors.names import PERSON_WORD
from .detectors.places import _gazetteer_place
from .lexicons import regions
from .patterns import LOW, UP

_CASELESS = "\u4e00-\u9fff\u3040-\u30ff\uac00-\ud7af"
# One item of a list: up to three capitalised words ("Quezon City", "Tamil Nadu") or a word of a caseless script.
_ITEM = rf"(?:[{UP}][{LOW}{UP}'’-]{{1,30}}(?:[ \t]+[{UP}][{LOW}{UP}'’-]{{1,30}}){{0,2}}|[{_CASELESS}]{{1,8}})"
_SEP = r"(?:,[ \t]*(?:(?:and|or|&)[ \t]+)?|[ \t]+(?:and|or|&)[ \t]+)"
_LIST = rf"{_ITEM}(?:{_SEP}{_ITEM}){{0,8}}"

# A naming or place noun in the plural, then the examples: "surnames such as", "Igbo names like",
# "diminutives (Kasia for Katarzyna…)", "favelas such as Maré". Not after a possessive: "their names (…)" are
# people's.
_EXAMPLES = re.compile(
    r"(?i)(?<![\w'’-])(?P<before>[\w'’-]+[ \t]+)?(?:(?:first|given|family|last|legal|real|pet)[ \t]+)?"
    r"(?:names|surnames|forenames|nicknames|diminutives|patronymics|matronymics|day-names|kunyas?|teknonyms"
    r"|honorifics|towns|cities|districts|suburbs|villages|settlements|favelas|townships|slums|neighbou?rhoods"
    r"|camps|regions|provinces|places)"
    r"(?:[ \t]*\([^()\n]{1,40}\))?[ \t]*,?[ \t]*(?P<intro>such[ \t]+as|like|e\.g\.,?|including|for[ \t]+example,?|\()"
)
_POSSESSIVE = re.compile(r"(?i)^(?:my|his|her|their|our|your|whose|[\w-]+['’]s?)[ \t]+$")
# A list right before the word for a people, a language or a camp: "Hmong and Karen refugees", "Roma communities",
# "Karen, Chin and Kachin communities", "Kakuma and Dadaab refugee camps". Not "families": "the Okafor family"
# is one family.
_GROUP = re.compile(
    rf"(?<![\w'’-]){_LIST}(?=[ \t]+(?:refugee[ \t]+)?(?:refugees|communities|community|populations|migrants"
    r"|immigrants|speakers|peoples|people|tribes|clans|diaspora|names|nicknames|surnames|terms|words|dialects?"
    r"|languages?|camps|settlements)\b)"
)
# A list said to be names: "Harbour, Haven and Meadows are common names for units".
_SAID_NAMES = re.compile(
    rf"(?<![\w'’-]){_LIST}(?=[ \t]+(?:are|were)[ \t]+(?:[a-z]+[ \t]+){{0,3}}(?:names|surnames|nicknames)\b)"
)
# Names said to be common, shared or rare are names as words, nobody's: "Nguyễn, Trần and Lê are shared by a large
# share of Vietnamese people", "Kim, Lee and Park account for half of Korean surnames", "Muhammad is the most common
# boys' name". The sentence must be about names, and no one in it.
_SAID_COMMON = re.compile(
    rf"(?<![\w'’-]){_LIST}(?=[ \t]+(?:(?:is|are|was|were)[ \t]+(?:(?:the|still|very|so|also|now|by[ \t]+far)[ \t]+)"
    r"{0,2}(?:(?:most|more|less|least)[ \t]+)?(?:common|commonest|popular|frequent|widespread|shared|borne|used"
    r"|typical|usual|rare|ranked)|(?:together[ \t]+)?(?:account[ \t]+for|make[ \t]+up|dominate|top|topped|lead|led)"
    r")\b)"
)
_ABOUT_NAMES = re.compile(
    r"(?i)\b(?:names?|surnames?|forenames?|given[ \t]+names?|family[ \t]+names?|patronymics?|matronymics?|naming)\b"
)
# A name explained by its meaning, and the names in the meaning: 'Oluwaseun means "God has done it"', 'Jónsdóttir is
# "daughter of Jón"', "Nkechi is short for Nkechinyere".
_GLOSSED_NAME = re.compile(
    rf"(?<![\w'’-])(?P<name>{_ITEM})[ \t]+(?:means|meaning|literally|is[ \t]+(?:literally[ \t]+)?(?=[\"“‘'])"
    r"|is[ \t]+(?:short|a[ \t]+(?:diminutive|short[ \t]+form|pet[ \t]+form|variant))[ \t]+(?:for|of))"
    r"[ \t]*(?:[\"“‘'](?P<gloss>[^\"”’'\n]{1,60})[\"”’']|(?P<full>[A-Z][\w'’-]{1,30}))"
    # a name said to be a pen name, pseudonym or character's: "Dr Seuss is a pen name"
    rf"|(?<![\w'’-]){_ITEM}[ \t]+(?:is|was)[ \t]+(?:a|the|only[ \t]+a)[ \t]+(?:pen[ \t]+name|pseudonym|stage[ \t]+name"
    r"|nom[ \t]+de[ \t]+plume|fictional[ \t]+character|made-up[ \t]+name)\b"
)
# A service named before its public number: "Childline (0800 1111)", "call Childline free on 0800 1111".
_BEFORE_NUMBER = re.compile(
    rf"(?<![\w'’-])(?P<name>[{UP}][{LOW}{UP}'’-]{{1,30}}(?:[ \t]+(?:(?:de|del|la|las|los|da|do|das|dos|des|du|di"
    rf"|of|the|for)[ \t]+){{0,2}}[{UP}][{LOW}{UP}'’-]{{1,30}}){{0,3}})"
    r"[ \t]*(?:\(|:|,|[ \t]+(?:free[ \t]+)?on[ \t]+|[ \t]+)[ \t]*(?P<number>\+?\d[\d \t-]{1,14}\d)(?!\d)"
)
# A service's line named in brackets after its public number: "0570-783-556 (Navi dial)", "116 123 (Samaritans)".
_AFTER_NUMBER = re.compile(r"(?P<number>\+?\d[\d \t-]{1,14}\d)(?!\d)[ \t]*\((?P<name>[^()\n]{1,40})\)")
# Where a study or survey was done: a list of places in a sentence about sampling, fieldwork or data.
_STUDY = re.compile(
    r"(?i)\b(?:sampl\w+|surveys?|survey[ \t]+teams?|fieldwork|data|interviews|households|sites|cohorts?"
    r"|recruited|collected|prevalence|rates)\b"
)
_PLACE_LIST = re.compile(rf"(?<![\w'’-]){_ITEM}(?:{_SEP}{_ITEM}){{1,8}}")
# A list the sentence calls its sites: "Sampling sites were 北京, 上海 and 广州", "Recruitment sites: …".
_SITES_INTRO = re.compile(
    r"(?i)\b(?:sites|centres|centers|locations|settings|districts|cities|towns|provinces|regions|areas|hospitals"
    r"|clinics|catchments)[ \t]*(?:were|are|included|include|comprised|spanned|:)[ \t]*$"
)
# A cohort, study or trial named with its place in brackets: "ALSPAC (Avon)", "Generation R (Rotterdam)", in a
# sentence about studies.
_STUDY_AND_PLACE = re.compile(rf"(?<![\w'’-])[A-Z][\w-]*(?:[ \t]+[A-Z0-9][\w-]*){{0,4}}[ \t]*\((?P<place>{_ITEM})\)")
_STUDIES = re.compile(r"(?i)\b(?:cohorts?|stud(?:y|ies)|trials?|surveys?|registr(?:y|ies)|biobanks?|panels?)\b")
_THEN_PLACE = re.compile(
    rf"[ \t]+(?:in[ \t]+(?P<town>{_ITEM})|sites\b|districts\b|settlements\b|camps\b)"
    r"|,[ \t]+(?:two|three|four|five|six|both)\b[^.;\n]{0,40}?\b(?:districts|settlements|sites|areas|towns|cities"
    r"|villages|camps|neighbou?rhoods|slums|favelas|regions|provinces)\b"
)
_GATE = re.compile(
    r"(?i)names|diminutives|patronymics|matronymics|kunya|teknonyms|honorifics|such as|like|e\.g|including"
    r"|example|refugee|communit|population|migrant|speakers|people|tribe|clan|diaspora|terms|words|dialect"
    r"|language|camps|settlement|sampl|survey|fieldwork|data|interview|household|sites|cohort|recruited|collected"
    r"|prevalence|rates|means|meaning|short|common|shared|account|popular|frequent|rare|top|lead|naming|pen|pseudonym"
    r"|stage|plume|fictional|made-up"
    r"|\bis[ \t]+[\"“‘']"
    r"|[\u0590-\u08ff\u1200-\u137f\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]"
)
# A word of a caseless script glossed in lower-case Latin: "화병 (hwabyeong)", "引きこもり (hikikomori)" is a
# term; a name would be romanised with capitals ("李明 (Li Ming)").
_GLOSSED = re.compile(r"(?P<term>[^\W\d_]{1,16})[ \t]*\((?=[a-z])")
_SENTENCE_END = re.compile(r"[.!?](?:[ \t]|$)|\n|;")
_PERSON = re.compile(r"(?i)\b(?:he|she|him|his|her|hers|my|our)\b")


def mention_spans(text: str) -> list[tuple[int, int]]:
    """Stretches of ``text`` whose capitalised words are mentioned as examples, peoples or study places."""
    spans = []
    for m in _BEFORE_NUMBER.finditer(text) if any(c.isdigit() for c in text) else ():
        if is_public_number(text, m.start("number"), m.end("number")):
            spans.append((m.start("name"), m.end("name")))
    for m in _AFTER_NUMBER.finditer(text) if "(" in text and any(c.isdigit() for c in text) else ():
        if is_public_number(text, m.start("number"), m.end("number")):
            spans.append((m.start("name"), m.end("name")))
    if not _GATE.search(text):
        return spans
    for m in _EXAMPLES.finditer(text):
        if m.group("before") and _POSSESSIVE.match(m.group("before")):
            continue
        end = _list_end(text, m.end(), bracket=m.group("intro") == "(")
        spans.append((m.end("intro"), end))
    for m in _GROUP.finditer(text):
        spans.append((m.start(), m.end()))
    for m in _SAID_COMMON.finditer(text):
        start, end = _sentence(text, m.start(), m.end())
        if _ABOUT_NAMES.search(text, start, end) and not _PERSON.search(text, start, end):
            spans.append((m.start(), m.end()))
    for m in _GLOSSED_NAME.finditer(text):
        start, end = _sentence(text, m.start(), m.end())
        if not _PERSON.search(text, start, end):
            spans.append((m.start(), m.end()))
    for m in _SAID_NAMES.finditer(text) if "names" in text else ():
        spans.append((m.start(), m.end()))
    for m in _GLOSSED.finditer(text) if "(" in text else ():
        term = m.group("term")
        if not term[0].isupper() and not term[0].islower():
            spans.append((m.start(), m.end("term")))
    for m in _STUDY_AND_PLACE.finditer(text) if "(" in text else ():
        start, end = _sentence(text, m.start(), m.end())
        if _STUDIES.search(text, start, end) and not PERSON_WORD.search(text, start, end):
            spans.append((m.start("place"), m.end("place")))
    for m in _PLACE_LIST.finditer(text):
        start, end = _sentence(text, m.start(), m.end())
        sentence = text[start:end]
        if not _STUDY.search(sentence) or _PERSON.search(sentence):
            continue
        if _SITES_INTRO.search(text, max(start, m.start() - 40), m.start()) and not PERSON_WORD.search(sentence):
            spans.append((start, end))  # the list is called the study's sites: each item is one
            continue
        items = re.split(_SEP, m.group())
        then = _THEN_PLACE.match(text, m.end())
        known = any(_known_place(item) for item in items) or (
            then is not None and (then.group("town") is None or _known_place(then.group("town")))
        )
        if known:
            spans.append((start, end))  # every place of a study's sentence is a site, as a town there is
    return spans


def _known_place(item: str) -> bool:
    words = item.split()
    return item.lower() in regions() or _gazetteer_place(words) == len(words)


def _list_end(text: str, start: int, bracket: bool) -> int:
    """Where a list of examples stops: its closing bracket, or the end of its sentence or clause."""
    if bracket:
        close = text.find(")", start, start + 200)
        if close >= 0:
            return close
    stop = _SENTENCE_END.search(text, start, start + 200)
    return stop.start() if stop else min(len(text), start + 200)


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around a list, read at most 300 characters either side so that each list costs the same."""
    reach = max(0, start - 300)
    left = max(text.rfind(stop, reach, start) for stop in (". ", "\n", "? "))
    left = max(left, reach - 1)
    stop = _SENTENCE_END.search(text, end, end + 300)
    return left + 1, stop.start() if stop else min(len(text), end + 300)
