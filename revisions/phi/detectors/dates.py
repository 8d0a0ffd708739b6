"""Dates tied to a person, and ages over 89."""

from __future__ import annotations

import re

from ..citations import is_public_number
from ..findings import BORDERLINE, CONFIDENT
from ..lexicons import known_authors
from ..patterns import MONTH, MONTH_NUMBER, window_before
from .names import PERSON_WORD, sentence_bounds

# ---------------------------------------------------------------- dates

_ORD = r"(?:st|nd|rd|th)?"
_WEEKDAY = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?"
# Months as EHR exports and forms print them, in capitals: "07 APR 1946", "DEC 3, 2023".
_CAPS_MONTH = (
    r"(?:JAN(?:UARY)?|FEB(?:RUARY)?|MAR(?:CH)?|APR(?:IL)?|MAY|JUNE?|JULY?|AUG(?:UST)?|SEP(?:T(?:EMBER)?)?"
    r"|OCT(?:OBER)?|NOV(?:EMBER)?|DEC(?:EMBER)?)"
)
_ANY_MONTH = rf"(?:{MONTH}|{_CAPS_MONTH})"
_DATE_PATTERNS = [
    # March 14, 2021 / Mar. 14th 2021
    (re.compile(rf"\b{_WEEKDAY}(?P<m>{_ANY_MONTH})\.?\s+(?P<d>\d{{1,2}}){_ORD},?\s+(?P<y>\d{{4}})\b"), True),
    # 14 March 2021 / 4th of July 2020
    (
        re.compile(
            rf"\b{_WEEKDAY}(?P<d>\d{{1,2}}){_ORD}(?:\s+of)?[\s/-]+(?P<m>{_ANY_MONTH})\.?[\s,/-]+(?P<y>\d{{4}})\b"
        ),
        True,
    ),
    # 2021-03-14, 2021/03/14
    (
        re.compile(
            r"(?:(?<![\w./=<>~-])|(?<=[\u05d0-\u05ea]-))(?P<y>(?:19|20)\d\d)(?P<s>[-/.])(?P<a>\d{1,2})(?P=s)(?P<b>\d{1,2})(?![\w/-]|\.\d)"
        ),
        True,
    ),
    # 3/14/2021, 14.03.2021, 14-03-2021, 3/14/21; after a Hebrew prefix too ("ב-4.9.2022", on 4.9.2022)
    (
        re.compile(
            r"(?:(?<![\w./=<>~-])|(?<=[\u05d0-\u05ea]-))(?P<a>\d{1,2})(?P<s>[/.-])(?P<b>\d{1,2})(?P=s)(?P<y>(?:19|20)\d\d|(?<=/)\d\d)(?![\w/-]|\.\d)"
        ),
        True,
    ),
    # 17. 5. 2021 (Czech, Slovak, Croatian and others put a space after each full stop)
    (
        _SPACED_DATE := re.compile(
            r"(?<![\w./=<>~-])(?P<a>\d{1,2})\.[ \t](?P<b>\d{1,2})\.[ \t](?P<y>(?:19|20)\d\d)(?![\w/-]|\.\d)"
        ),
        True,
    ),
    # 17 May / 04-Jun / March 3rd (no year)
    (
        re.compile(
            # a year after it makes a full date, read above; a count does not ("1 Feb, 12 treatments")
            rf"\b{_WEEKDAY}(?P<d>\d{{1,2}}){_ORD}(?:(?:\s+of)?\s+|-)(?P<m>{MONTH})\b\.?"
            rf"(?!\s*,?\s*(?:\d{{4}}|['’]?\d\d)\b(?!\s+[a-z]))"
        ),
        False,
    ),
    (
        re.compile(
            rf"\b{_WEEKDAY}(?P<m>{MONTH})\.?\s+(?P<d>\d{{1,2}}){_ORD}\b(?!\s*,?\s*(?:\d{{4}}|['’]?\d\d)\b(?!\s+[a-z])|\s*[-–]\s*\d|:|\.\d)"
        ),
        False,
    ),
]
# A law, a meeting, a publication or a version in the languages that write "6. 11. 2011".
_CENTRAL_EUROPEAN_PUBLIC = re.compile(
    r"(?i)\b(?:zákon\w*|vyhlášk\w*|konferenc\w*|publikov\w*|verz[ei]\w*|tablic\w*|ustaw\w*|rozporządzeni\w*"
    r"|zakon\w*|pravilnik\w*|objavljen\w*|časopis\w*|nariadeni\w*|účinnost\w*|sb\.|dz\.[ \t]*u\.|narodne[ \t]+novine)"
)
# Dates without a month name or year, which only a clinical context makes dates: "seen 3/2", "Tues 14th",
# "we met on the 22nd", "admission date 19590702".
_DAY_MONTH = re.compile(
    r"(?<![\w./=<>~:-])(?P<a>\d{1,2})(?P<s>[/.])(?P<b>\d{1,2})(?:(?P=s)\d\d)?(?![\w/-]|\.\d|\.[ \t]?\d)"
)
# Events that happen to a person on a day: a day and month later in the clause is that day ("Her surgery was
# 2/11", "baby delivered 28/12", "sectioned on 7.3.24", "Date of incident: 17/05").
_DATE_EVENT_BEFORE = re.compile(
    r"(?i)\b(?:admitted|readmitted|admission|discharged|d/c|detained|sectioned|delivered|born|died|surgery|op"
    r"|operation|incident|reported|received|referral|referred|triaged|seen|reviewed|review|appeal|tribunal|hearing"
    r"|heard|session|appt|appointment|started|stopped|signed|wedding|funeral|overdose|od|attempt|arrested|assaulted"
    r"|attended|presented|relapsed|collapsed|moved|visit|scan|bloods|dob|date|adm|refused|declined|absconded|awol)\b"
    r"[^.;\n]{0,40}$"
)
_DAY_MONTH_CONTEXT = re.compile(
    r"(?i)\b(?:seen|on|booked|for|appts?|appointments?|visits|reviews|f/u|follow-up|review|visit|admitted"
    r"|admission|discharged|dob|born"
    r"|wedding|birthday|surgery|since|until|next|last|date|dates|died|funeral|anniversary|due|from|by|d/c|dc|dc['’]d"
    r"|started|starts|starting|finished|ended|stopped|attended|dna|dna['’]d|missed|cancelled|rebooked|moved[ \t]+to"
    r"|session|sessions|scan|bloods|call|called|rang|phoned|discharge|reviewed|assessed|assessment|referral"
    r"|referred|before|after|adm|adm['’]d|round|rounds)\b[ \t:.]*$"
)
_FRACTION_AFTER = re.compile(
    r"(?i)[ \t]+of[ \t]+(?:the|a|an|his|her|their|my|its|all|each|them|it)\b"
    r"|[ \t]*(?:tabs?|tablets?|doses?|pills?|cups?|capsules?|glass|bottle)\b"
)
# A clock time just before: sign-in sheets, logs and rotas print the time and then the day ("09:40 12/04").
_TIME_BEFORE = re.compile(r"(?<![\d:.])(?:[01]?\d|2[0-3]):[0-5]\d(?:[ \t]*(?:am|pm|h|hrs))?[ \t]*,?[ \t]*$", re.I)
_WEAK_EVENTS = {"session", "review", "reviewed", "scan", "bloods", "visit", "moved", "date", "started", "stopped",
                "op", "od", "attempt", "heard", "received", "reported", "appt", "appointment", "seen"}  # fmt: skip


# A dotted day and month straight after a visit word: "pt reviewed 14.11", "seen on 3.2".
_DOTTED_AFTER_VISIT = re.compile(
    r"(?i)\b(?:seen|reviewed|appt|appointment|booked|dna|dna['’]d|attended|missed|cancelled|canceled|admitted"
    r"|discharged|d/c)(?:[ \t]+(?:on|for))?[ \t]+$"
)
_UNIT_AFTER = re.compile(
    r"[ \t]*(?:%|mg|ml|mmol|kg|g|times|x|points?|hours?|h|mins?|minutes|days|weeks|years|million|billion|thousand"
    r"|percent|per|of|out|[a-z]{3,}s)\b"  # or a plural noun: "attended 2.5 sessions"
)


def _strong_event(matched: str) -> bool:
    return re.match(r"[\w/]+", matched).group().lower() not in _WEAK_EVENTS


_WEEKDAY_DAY_MONTH = re.compile(
    r"(?i)\b(?:mon|tues?|weds?|wednes|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?[ \t]+\d{1,2}[/.]\d{1,2}\b"
    r"(?![/.]?\d)"
)
_ORDINAL_BEFORE_DATE = re.compile(
    rf"(?i)\b\d{{1,2}}(?:st|nd|rd|th)(?=[ \t]*(?:and|&|-|–|,|to|or)[ \t]*\d{{1,2}}(?:st|nd|rd|th)?[ \t]+{MONTH}\b)"
)
_ORDINAL_AFTER_EVENT = re.compile(
    r"(?i)\b(?:admitted|readmitted|discharged|d/c|detained|sectioned|granted|seen|reviewed|started|stopped|died"
    r"|born|delivered|section[ \t]+\d{1,2}|planned[ \t]+for|booked[ \t]+for|means|meant|mean)[ \t]+(?:the[ \t]+)?"
    r"(?P<d>\d{1,2}(?:st|nd|rd|th))\b(?![ \t-]+(?:floor|century|session|week|time|percentile|edition|item|step|day"
    r"|month|year|birthday|cycle|dose|attempt|admission|episode|line|trimester))"
)
# Day and month in Spanish, Portuguese, French, Italian and German: "3 de mayo", "14 de março", "1er mars", "9. Mai".
# And in Dutch, the Nordic languages, Polish, Czech, Russian, Romanian, Turkish, Malay, Indonesian and Tagalog:
# "5 kwietnia 2024", "1 Şubat 1987", "3 maart", "12 Desember", "7 апреля" (not Turkish "Mart", a shop).
_OTHER_MONTHS = (
    "enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre janeiro"
    " fevereiro março maio junho julho setembro outubro novembro dezembro janvier février mars avril mai juin juillet"
    " août septembre octobre décembre gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre januar"
    " februar märz juni juli oktober dezember januari februari maart mei augustus augusti maj desember stycznia"
    " lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia ledna února března"
    " dubna května června července srpna září října listopadu prosince января февраля марта апреля мая июня июля"
    " августа сентября октября ноября декабря ianuarie februarie martie aprilie iunie iulie septembrie octombrie"
    " noiembrie decembrie ocak şubat nisan mayıs haziran temmuz ağustos eylül ekim kasım aralık maret agustus"
    " disember ogos pebrero marso hunyo hulyo setyembre oktubre nobyembre disyembre ιανουαρίου φεβρουαρίου μαρτίου"
    " απριλίου μαΐου ιουνίου ιουλίου αυγούστου σεπτεμβρίου οκτωβρίου νοεμβρίου δεκεμβρίου novembre ionawr"
    " chwefror mawrth ebrill mehefin gorffennaf awst medi hydref tachwedd rhagfyr січня лютого березня квітня"
    " травня червня липня серпня вересня жовтня листопада грудня يناير فبراير مارس أبريل ابريل مايو يونيو يوليو"
    " أغسطس سبتمبر أكتوبر نوفمبر ديسمبر machi aprili julai agosti septemba oktoba novemba"
    # Finnish, Croatian, Serbian, Slovak, Bulgarian, Hebrew (with "in" joined), Persian, Urdu and Levantine Arabic
    " tammikuuta helmikuuta maaliskuuta huhtikuuta toukokuuta kesäkuuta heinäkuuta elokuuta syyskuuta lokakuuta"
    " marraskuuta joulukuuta siječnja veljače ožujka travnja svibnja lipnja srpnja kolovoza rujna studenoga"
    " januara februara marta aprila juna jula avgusta septembra oktobra novembra decembra januára februára apríla"
    " mája júna júla októbra януари февруари април юни юли септември октомври ноември декември ינואר פברואר מרץ"
    " מרס אפריל יוני יולי אוגוסט ספטמבר אוקטובר נובמבר דצמבר בינואר בפברואר במרץ במרס באפריל במאי ביוני ביולי"
    " באוגוסט בספטמבר באוקטובר בנובמבר בדצמבר ژانویه فوریه آوریل ژوئن ژوئیه سپتامبر اکتبر نوامبر دسامبر جنوری"
    " فروری مارچ اپریل مئی جولائی اگست ستمبر اکتوبر نومبر دسمبر كانون شباط آذار نيسان أيار حزيران تموز أيلول تشرين"
).split()  # with French and Italian "novembre", Welsh, Ukrainian, Arabic (Egyptian and Gulf) and Swahili months
# Dates as Chinese, Japanese (with its era years too), Korean and Vietnamese write them: "2023年11月2日",
# "令和6年3月3日", "2024년 3월 5일", "ngày 5 tháng 3 năm 2024".
_EAST_ASIAN_DATE = re.compile(
    r"(?:(?:19|20)\d\d|(?:令和|平成|昭和)\d{1,2})[ \t]*[年년][ \t]*\d{1,2}[ \t]*[月월][ \t]*\d{1,2}[ \t]*[日일]"
    r"|(?i:\bngày[ \t]+\d{1,2}[ \t]+tháng[ \t]+\d{1,2}(?:[ \t]+năm[ \t]+(?:19|20)\d\d)?)"
)
# Hindi months, whose vowel signs no word pattern keeps in a word, and the day before a month and day in Chinese,
# Japanese and Korean without the year ("10月12日", "5월 20일").
_HINDI_DATE = re.compile(
    r"(?<!\d)\d{1,2}[ \t]+(?:जनवरी|फ़रवरी|फरवरी|मार्च|अप्रैल|मई|जून|जुलाई|अगस्त|सितंबर|सितम्बर|अक्टूबर|नवंबर|नवम्बर"
    r"|दिसंबर|दिसम्बर)(?![\u0900-\u097f])(?:[ \t]+(?:19|20)\d\d)?"
)
_DEVANAGARI = re.compile(r"[\u0900-\u097f]")
_EAST_ASIAN_DAY_MONTH = re.compile(
    r"(?<![\d年년])(?:1[0-2]|0?[1-9])[ \t]*[月월][ \t]*(?:[12]\d|3[01]|0?[1-9])[ \t]*[日일]"
)
# Hungarian and Tagalog months, which come before the day: "2022. március 14-én", "noong Marso 3, 2022"
_MONTH_FIRST_MONTHS = (
    "január február március április május június július augusztus szeptember október enero pebrero marso abril"
    " mayo hunyo hulyo agosto setyembre oktubre nobyembre disyembre"
).split()
_OTHER_LANGUAGE_DATE = re.compile(
    r"(?i)\b\d{1,2}(?:º|°|er|\.)?[ \t]+(?:de[ \t]+)?(?:" + "|".join(_OTHER_MONTHS) + r"|(?-i:april)"
    # Dutch and the Nordic languages write April in lower case; Turkish Mart, also a shop, with its year
    r"|mart(?=[ \t]+(?:19|20)\d\d))\b"
    r"(?:[ \t]+(?:de[ \t]+)?(?:19|20)\d\d)?"
    + r"|\b(?P<year_first>(?:19|20)\d\d\.?[ \t]+)?(?:"
    + "|".join(_MONTH_FIRST_MONTHS)
    + r")[ \t]+\d{1,2}\b"
    r"(?P<ending>\.|-?(?:én|án|jén|ján|éig|áig|i|ig)\b)?(?P<year_after>,?[ \t]+(?:19|20)\d\d\b)?"
)
_NOONG_BEFORE = re.compile(r"(?i)\bnoong[ \t]+$")


def _month_first_dated(text: str, m: re.Match) -> bool:
    """A month before its day is a date with its year, a Hungarian case ending or Tagalog's "noong" ("on"):
    not "Mayo 5 sites", "Enero 5 patients"."""
    if not m.group(0)[:1].isdigit() and m.group("year_first") is None and m.group("year_after") is None:
        return bool(m.group("ending")) or bool(_NOONG_BEFORE.search(text, max(0, m.start() - 8), m.start()))
    return True


_WEEKDAY_WORDS = {"mon", "monday", "tue", "tues", "tuesday", "wed", "weds", "wednesday", "thu", "thur", "thurs",
                  "thursday", "fri", "friday", "sat", "saturday", "sun", "sunday"}  # fmt: skip
_ORDINAL_SUFFIXES = {"st", "nd", "rd", "th"}
# Days of the Islamic, Hebrew and Persian calendars: "17 Ramadan 1444", "3 Tishrei 5784", "12 Farvardin 1402".
_OTHER_CALENDAR_DATE = re.compile(
    r"(?i)\b\d{1,2}(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?(?:Muharram|Safar"
    r"|Rabi[‘'’ʿ]?[ \t-]?(?:al|ul)[ \t-]?(?:Awwal|Thani|Akhir)"
    r"|Jumad[ae][ \t-]?(?:al|ul)[ \t-]?(?:Awwal|Ula|Thani|Akhirah?)|Rajab|Sha[‘'’ʿ]?ban|Ramadan|Ramazan|Shawwal"
    r"|Dhu[ \t-]?al[ \t-]?Qa[‘'’ʿ]?dah|Dhu[ \t-]?al[ \t-]?Hijjah|Tishrei|Cheshvan|Heshvan|Kislev|Tevet|Shevat"
    r"|Nisan|Iyar|Sivan|Tammuz|Elul|Farvardin|Ordibehesht|Khordad|Mordad|Shahrivar|Mehr|Aban|Azar|Dey|Bahman"
    r"|Esfand)\b(?:[ \t]+(?:1[34]\d\d|5[78]\d\d)(?:[ \t]*(?:AH|AP|SH))?\b)?"
)
_OTHER_CALENDAR_WORDS = {"muharram", "safar", "rabi", "jumada", "jumade", "rajab", "shaban", "ramadan", "ramazan",
                         "shawwal", "dhu", "tishrei", "cheshvan", "heshvan", "kislev", "tevet", "shevat", "nisan",
                         "iyar", "sivan", "tammuz", "elul", "farvardin", "ordibehesht", "khordad", "mordad",
                         "shahrivar", "mehr", "aban", "azar", "dey", "bahman", "esfand", "sha"}  # fmt: skip
_OTHER_MONTH_WORDS = {*_OTHER_MONTHS, *_MONTH_FIRST_MONTHS, "april", "mart"}
_LIST_JOIN = re.compile(r",?[ \t]+(?:and|&|or|then|to)[ \t]+|,[ \t]*|[ \t]*[-–][ \t]*")
_WEEKDAY_ORDINAL = re.compile(
    r"\b(?:Mon|Tues?|Weds?|Wednes|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun|mon|tues?|weds?|wednes|thu(?:rs)?|fri|sat(?:ur)?)"
    r"(?:day)?\.?,?[ \t]+(?:the[ \t]+)?\d{1,2}(?:st|nd|rd|th)\b"
)
_ON_THE_ORDINAL = re.compile(
    r"(?i)\b(?:on|until|since|by|from|before|after|till|til|be|is|was|due|(?:moved|rebooked|changed|brought"
    r"[ \t]+forward|put[ \t]+back|pushed[ \t]+back)[ \t]+to)[ \t]+the[ \t]+"
    r"(?P<d>\d{1,2}(?:st|nd|rd|th))\b(?![ \t-]+(?:floor"
    r"|century|session|week|time"
    r"|percentile|edition|item|step|day|month|year|of[ \t]+(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec))))"
)
# A day of the month in words, ending its phrase: "saw him on the fourteenth, the day after …", "until the
# twenty-first." (not "on the fourth attempt"; "first" to "third" are too often an order, not a day).
_DAY_ORDINAL_WORD = (
    r"(?:fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth"
    r"|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|(?:twenty|thirty)[- ](?:first|second|third|fourth"
    r"|fifth|sixth|seventh|eighth|ninth))"
)
_ON_THE_ORDINAL_WORD = re.compile(
    rf"(?i)\b(?:on|until|since|till)[ \t]+the[ \t]+(?P<d>{_DAY_ORDINAL_WORD})(?=[ \t]*(?:[,.;!?)]|$))"
)
_DAY_WORD_GATE = {"fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth",
                  "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
                  "twentieth", "thirtieth", "twenty", "thirty"}  # fmt: skip
# Dates written as clinical systems print them: "03MAR2021", "3-MAR-21", "14Feb1958".
_SYSTEM_DATE = re.compile(rf"(?i)(?<![\w-])\d{{1,2}}-?(?:{MONTH})-?(?:(?:19|20)\d\d|\d\d)(?![\w-])")
_COMPACT_DATE = re.compile(
    r"(?i)\b(?:date|dob|born|admission|admitted|discharge|discharged|died|death)\b[^.;\n]{0,20}?(?<![\w-])"
    r"(?P<d>(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]))(?![\w-])"
    # or before it: "20240303 is the admission date embedded in the file name"
    r"|(?<![\w-])(?P<d2>(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]))(?![\w-])"
    r"(?=[^.;\n]{0,20}?\b(?:date[ \t]+of[ \t]+(?:birth|death|admission|discharge)"
    r"|(?:admission|discharge|birth|death)[ \t]+date|dob)\b)"
)
# What those two need, found fast: a digit and an ordinal's suffix; eight digits in a row. Each pattern tries every
# position for its leading word first (cost only).
_ORDINAL_DIGIT_GATE = re.compile(r"(?i)\d(?:st|nd|rd|th)")
_EIGHT_DIGITS = re.compile(r"\d{8}")
_MONTH_YEAR = re.compile(rf"\b(?P<m>{MONTH})\.?\s+(?P<y>(?:19|20)\d\d)\b")
_DATE_PERSON = re.compile(
    r"(?i)(?:\bDOB|\bD\.O\.B\.?|\bdate\s+of\s+(?:birth|death|admission|discharge|service|injury)|\bborn|\bbirthday"
    r"|\badmitted|\badmission|\badmit\s+date|\bdischarged?|\bdied|\bdeath|\bdeceased|\bpassed\s+away"
    r"|\bseen|\bvisit(?:ed)?|\bappointment|\bappt\.?|\bhospitali[sz](?:ed|ation)|\bintake|\bfollow-up|\bdiagnosed"
    r"|\bsurgery|\bfuneral|\bDOS|\boverdose|\bsuicide\s+attempt|\battempted|\barrested|\bmarried|\bdivorced"
    r"|\bgave\s+birth|\blast\s+seen|\breferred|\bcame\s+in)\b[^.;\n]*$"
)
_DATE_PERSON_AFTER = re.compile(r"(?i)^\s*\(?(?:DOB|D\.O\.B\.?|date\s+of\s+birth|born)\b")
_DATE_PUBLICATION = re.compile(
    # after an article, "revised" or "updated" describes a thing: "wants the revised page before 22nd Jan"
    r"(?i)\b(?:published|(?<!the\s)(?<!an\s)updated(?!\s+(?:in|on)\s+(?:the|his|her|their|my)\s+(?:chart|notes?"
    r"|records?|file|ehr|emr|system|system's))|released|retrieved|accessed|(?<!the\s)revised|issued|posted|version"
    r"|guideline|approved"
    r"|effective|amended|copyright|(?<!case\s)(?<!family\s)conference|edition|volume|vol\.|launched|founded"
    r"|established|introduced"
    r"|enacted|opened|(?<!form\s)(?<!consent\s)(?<!the\s)(?<!a\s)signed|came\s+into\s+force|generated|created|modified|timestamp"
    # a law's dates: "commenced 26 April 2023", "in force 1 September 2023", "came fully into force on …"
    r"|in\s+force|into\s+force|became\s+(?:applicable|law|mandatory)|(?:applicable|applies)\s+from"
    r"|(?-i:Act)\b[^.;\n]{0,40}\b(?:commenced|commencement)|repealed|royal\s+assent"
    # a source's retrieval, however the writer puts it: "I checked it on 8 January 2024", "link last viewed …"
    r"|(?:checked|viewed|consulted|visited)[ \t]+(?:it|this|them|the[ \t]+(?:page|site|link|website|web[ \t]+page"
    r"|fact[ \t]+sheet|guidance|guideline|article|source|reference|url|leaflet))|last[ \t]+(?:checked|viewed))\b"
    r"[^.;\n]*$"
)


# A person's document or device issued, released or replaced: "Passport no. P…, issued 14/06/2019", "prisoner no.
# A…, released 02/05/2023", "VNS generator SN 88412 replaced 12 June 2022". The date is the person's, not a
# publication's.
_PERSONAL_ISSUE = re.compile(
    r"(?i)\b(?:passport|prisoner|inmate|licen[cs]e[ \t]+(?:no|number|#)|permit|visa|serial|sn|s/n)\b[^;\n]{0,40}?"
    r"\b(?:issued|released|replaced|renewed|expired|expires)[ \t]+(?:on[ \t]+)?$"
)


# Whose the published thing is, or the day: a relative or a patient before the word ("the quote is from my mum, …,
# posted on 13 Feb 2021"), or a person's own event between it and the day ("opened a file after her eviction on …").
_RELATIVE_OR_PATIENT = re.compile(
    r"(?i)\b(?:my|our)[ \t]+(?:late[ \t]+)?(?:mum|mom|mother|dad|father|nan|nana|gran|granny|grandma"
    r"|grandpa|grandad|grandmother|grandfather|aunt|uncle|husband|wife|partner|son|daughter|brother|sister|client"
    r"|patient)\b"
)
_OWN_EVENT_BEFORE = re.compile(
    r"(?i)\b(?:her|his|my)[ \t]+(?:eviction|arrest|admission|discharge|death|funeral|birth|wedding|surgery|overdose"
    r"|fall|accident|release|diagnosis|attempt|collapse|assessment)[ \t]+(?:on|dated)[ \t]+$"
)


def _published(before: str, text: str, start: int) -> bool:
    """A publication's or a public document's date, by the words before it; not a person's document (read past
    the abbreviation's full stop in "Passport no. P…"), nor a relative's or patient's post or event."""
    if not _DATE_PUBLICATION.search(before) or _PERSONAL_ISSUE.search(text, max(0, start - 60), start):
        return False
    return not (_RELATIVE_OR_PATIENT.search(before) or _OWN_EVENT_BEFORE.search(before))


# A date in brackets after a citation or a page: "Nature 365:611 (14 October 1993)", "(reviewed 12 October 2022)".
_CITED_BEFORE = re.compile(
    r"(?i)(?:\d{1,4}[:(]\d{1,5}\)?[ \t]*\([ \t]*|\([ \t]*(?:last[ \t]+)?reviewed[ \t]+(?:on[ \t]+)?"
    # an APA reference's date after its author: "Smith, J. (2023, March 14).", "Association. (2022, March 18)."
    r"|\.[ \t]*\([ \t]*(?:19|20)\d\d,[ \t]*)$"
)
_ORDINAL_WORDS = (
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth"
    r"|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty[- ](?:first|second|third|fourth|fifth"
    r"|sixth|seventh|eighth|ninth)|thirtieth|thirty[- ]first)"
)
_DAY = rf"(?:\d{{1,2}}(?:st|nd|rd|th)|{_ORDINAL_WORDS})"
# Dates written in words or with a two-digit year: "the ninth of March", "March the 9th", "2nd Feb '23",
# "12-Jan-24", "Sun 2 Feb" (the weekday makes a bare day and month a date).
_WORDY_DATES = re.compile(
    rf"(?i)\b(?:the[ \t]+)?{_DAY}[ \t]+of[ \t]+(?P<m>{MONTH})\b\.?"
    rf"|\b(?P<m2>{MONTH})\.?[ \t]+the[ \t]+{_DAY}\b"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?[ \t-](?P<m3>{MONTH})\.?[ \t-](?:['’]\d\d|\d\d(?![\w:]))"
    rf"|(?<![\w-])\d{{1,2}}-(?P<m4>{MONTH})-\d\d(?!\d)"
    r"|\b(?:mon|tues?|weds?|wednes|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?[ \t]+\d{1,2}(?:st|nd|rd|th)?[ \t]+"
    rf"(?P<m5>{MONTH})\b"
)
# A date dictated in words, its year too: "nineteen march nineteen seventy two", "the third of May two thousand
# and one", "June fourth, nineteen eighty". A year in words makes even a cardinal day a date.
_UNIT_WORDS = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_TENS_WORDS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_TEEN_WORDS = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
_YEAR_IN_WORDS = (
    rf"(?:(?:nineteen|twenty)[ \t-](?:hundred|oh[ \t-]{_UNIT_WORDS}|{_TEEN_WORDS}"
    rf"|{_TENS_WORDS}(?:[ \t-]{_UNIT_WORDS})?)|two[ \t]+thousand(?:[ \t]+and)?"
    rf"(?:[ \t]+(?:{_TEEN_WORDS}|{_TENS_WORDS}(?:[ \t-]{_UNIT_WORDS})?|{_UNIT_WORDS}))?)"
)
_DAY_IN_WORDS = rf"(?:{_ORDINAL_WORDS}|{_TEEN_WORDS}|{_TENS_WORDS}(?:[ \t-]{_UNIT_WORDS})?|thirty|{_UNIT_WORDS})"
_DICTATED_DATE = re.compile(
    rf"(?i)\b(?:the[ \t]+)?{_DAY_IN_WORDS}[ \t]+(?:of[ \t]+)?(?:{MONTH})[ \t,]+{_YEAR_IN_WORDS}\b"
    rf"|\b(?:{MONTH})[ \t]+(?:the[ \t]+)?{_DAY_IN_WORDS},?[ \t]+{_YEAR_IN_WORDS}\b"
)
_YEAR_WORD_GATE = {"nineteen", "twenty", "thousand"}
# A month typed in lower case is a date only with an ordinal day: "on july 4th", "the 3rd of october".
_LOWER_MONTH = r"(?:january|february|march|april|june|july|august|september|october|november|december)"
_LOWER_MONTH_DATE = re.compile(
    rf"(?<![\w-])(?:{_LOWER_MONTH}[ \t]+\d{{1,2}}(?:st|nd|rd|th)"
    rf"|\d{{1,2}}(?:st|nd|rd|th)[ \t]+(?:of[ \t]+)?{_LOWER_MONTH})\b"
)
# A day and month opening a cell just before what happened on it, as a ward sheet lists them: "\t12/07 admitted".
_DAY_MONTH_EVENT_AFTER = re.compile(
    r"(?<=[\t|;])[ ]*(?P<a>\d{1,2})/(?P<b>\d{1,2})(?=[ \t]+(?:admitted|readmitted|discharged|d/c|sectioned|seen"
    r"|reviewed|transferred|died|detained|overdose|od|ect)\b)"
)
# Named days: with a year always a date; without one only where the clause ties them to the person.
_HOLIDAY = (
    r"(?:christmas(?:[ \t]+(?:eve|day))?|xmas(?:[ \t]+(?:eve|day))?|boxing[ \t]+day|new[ \t]+year['’]?s(?:[ \t]+(?:eve"
    r"|day))?|good[ \t]+friday|easter(?:[ \t]+(?:sunday|monday|day))?|thanksgiving(?:[ \t]+day)?|halloween"
    r"|st\.?[ \t]+patrick['’]?s[ \t]+day|paddy['’]?s[ \t]+day|valentine['’]?s[ \t]+day|mother['’]?s[ \t]+day"
    r"|father['’]?s[ \t]+day|anzac[ \t]+day|waitangi[ \t]+day|australia[ \t]+day|canada[ \t]+day|independence"
    r"[ \t]+day|guy[ \t]+fawkes(?:[ \t]+night)?|bonfire[ \t]+night|hogmanay|memorial[ \t]+day|labou?r[ \t]+day"
    r"|remembrance[ \t]+(?:day|sunday)|veterans['’]?[ \t]+day|bank[ \t]+holiday[ \t]+monday|midsummer)"
)
_HOLIDAY_YEAR = re.compile(rf"(?i)\b(?:on[ \t]+)?(?P<d>{_HOLIDAY})[ \t,]+(?:of[ \t]+)?(?:19|20)\d\d\b")
_HOLIDAY_TIED = re.compile(
    rf"(?i)\b(?:died|passed(?:[ \t]+away)?|born|admitted|discharged|arrested|assaulted|attacked|overdosed"
    rf"|attempted|sectioned|married|divorced|diagnosed|killed|crashed|was[ \t]+(?:found|taken|rushed)|drank"
    rf"|drunk|used|relapsed|started|stopped|turned[ \t]+up|came[ \t]+in|presented|left|was[ \t]+on|happened"
    rf"|disclosed|collapsed|(?:saw|seen|visited|rang|called|phoned|heard[ \t]+from)[ \t]+(?:her|him|them))\b"
    rf"[^.;\n]{{0,30}}\b(?:on[ \t]+)?(?P<d>{_HOLIDAY})\b"
)
# A two-digit year after a birth or death label: "DOB 12.03.61", "d.o.b 07/11/59".
_SHORT_YEAR_DATE = re.compile(
    r"(?i)(?:\bDOB|\bD\.O\.B\.?|\bdate[ \t]+of[ \t]+(?:birth|death)|\bborn|\bdied)[ \t:.-]{0,4}"
    r"(?P<d>\d{1,2}[./-]\d{1,2}[./-]\d\d)(?![\d./-])"
)


def _valid_day_month(day: int, month: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= 31


_MONTH_WORDS = {"jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june", "jul",
                "july", "aug", "august", "sep", "sept", "september", "oct", "october", "nov", "november", "dec",
                "december"}  # fmt: skip
_NUMERIC_DATE_GATE = re.compile(r"\d[/.-]\d{1,2}[/.-]\d|\d\.[ \t]\d{1,2}\.[ \t]\d")
_HOLIDAY_WORDS = {
    "christmas",
    "xmas",
    "boxing",
    "year",
    "years",
    "good",
    "easter",
    "thanksgiving",
    "halloween",
    "patrick",
    "patricks",
    "paddy",
    "paddys",
    "valentine",
    "valentines",
    "mother",
    "mothers",
    "father",
    "fathers",
    "anzac",
    "waitangi",
    "australia",
    "canada",
    "independence",
    "guy",
    "bonfire",
    "hogmanay",
    "memorial",
    "labour",
    "labor",
    "remembrance",
    "veterans",
    "bank",
    "midsummer",
}

DATE_WORDS = frozenset(_MONTH_WORDS | _HOLIDAY_WORDS | _DAY_WORD_GATE)


def digits_dated(text: str) -> bool:
    return _NUMERIC_DATE_GATE.search(text) is not None


# "May" before a lower-case word is a month after an ordinal or "on", or before a verb in the third person, which
# the modal never takes: "on 30 May clashes", "the 4th May meeting"; not "by session 10 May help".
_MAY_A_MONTH = re.compile(
    r"(?i)(?:\b(?:on|since|until|till|from)[ \t]+(?:the[ \t]+)?\d{1,2}(?:st|nd|rd|th)?[ \t]+May\b"
    # the first of a range: "from 5 May to 19 May"
    r"|\bMay[ \t]+(?:to|until|till|-|–)[ \t]+\d{1,2}(?:st|nd|rd|th)?[ \t]+[A-Z][a-z]+"
    r"|\d(?:st|nd|rd|th)[ \t]+May\b|\bMay[ \t]+[a-z]+[^\Wsu]s\b)"
)


# Dates of the Hijri calendars, in Arabic-script text: Iran's Solar Hijri "۱۴۰۱/۰۲/۱۵" (read as ASCII digits by
# then) and a lunar Hijri month with its day and year, "١٥ رمضان ١٤٤٣".
_HIJRI_NUMERIC = re.compile(r"(?<![\w./-])1[34]\d\d/(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])(?![\w/-])")
_HIJRI_MONTH = re.compile(
    r"(?<![\w.])(?:[1-9]|[12]\d|3[01])[ \t]+(?:محرم|صفر|ربيع[ \t]+الأول|ربيع[ \t]+الآخر|ربيع[ \t]+الثاني"
    r"|جمادى[ \t]+الأولى|جمادى[ \t]+الآخرة|رجب|شعبان|رمضان|شوال|ذو[ \t]+القعدة|ذو[ \t]+الحجة"
    r"|فروردین|اردیبهشت|خرداد|تیر|مرداد|شهریور"
    r"|مهر|آبان|آذر|دی|بهمن|اسفند)[ \t]+1[34]\d\d(?!\d)"
)
_NUMBERED_BEFORE = re.compile(r"(?:رقم|شماره|№|\bNo\.?|\bn[º°])[ \t:]*$")
_ARABIC_LETTER = re.compile(r"[\u0621-\u064a\u067e-\u06cc]")


# Whose the day is: a relative, a patient, an admission, a birth or a death; and what makes it public.
_HIJRI_PERSONAL = re.compile(
    r"دخترم|پسرم|مادرم|پدرم|همسرم|برادرم|خواهرم|مادربزرگم|پدربزرگم|بیمار|مریض|بستری|تولد|فوت|وفات|ترخیص"
    r"|والدي|والدتي|أبي|أمي|ابني|ابنتي|زوجي|زوجتي|جدي|جدتي|أخي|أختي|المريض|المريضة|دخول|ولادة|وفاة|خروج"
)
_HIJRI_PUBLIC = re.compile(
    r"مصوب|انتشار|منتشر|قانون|بخشنامه|وزارت|مجلس|آیین‌نامه|مقاله|نسخه|القانون|القرار|قرار|وزارة|صدر|نشر|عطلة|رسمية"
    r"|مجلة|البرلمان"
)


def _hijri_dates(text: str):
    for pattern in (_HIJRI_NUMERIC, _HIJRI_MONTH):
        for m in pattern.finditer(text):
            if _NUMBERED_BEFORE.search(text, max(0, m.start() - 12), m.start()):
                continue  # "القانون رقم 1401/2/3": a law's or a letter's number
            lo, hi = sentence_bounds(text, m.start())
            if not _HIJRI_PERSONAL.search(text, lo, hi) or _HIJRI_PUBLIC.search(text, lo, hi):
                continue
            yield "date", m.start(), m.end(), BORDERLINE, "date of the Hijri calendar"


def find_dates(text: str, words: set[str]):
    digits = any(c.isdigit() for c in text)
    if digits and _ARABIC_LETTER.search(text):
        yield from _hijri_dates(text)
    named_month = bool(words & _MONTH_WORDS)
    numeric = named_month or _NUMERIC_DATE_GATE.search(text) is not None
    for pattern, has_year in _DATE_PATTERNS:
        if not (named_month if "?P<m>" in pattern.pattern else numeric):
            continue
        for m in pattern.finditer(text):
            groups = m.groupdict()
            if groups.get("m"):
                month = MONTH_NUMBER[groups["m"][:3].lower()]
                if not _valid_day_month(int(groups["d"]), month):
                    continue
                if not has_year and groups["m"] == "May":  # the modal verb: "by session 10 May help"
                    after = text[m.end() : m.end() + 2]
                    if re.match(r"\s[a-z]", after) and not _MAY_A_MONTH.search(
                        text, max(0, m.start() - 8), m.end() + 20
                    ):
                        continue
            elif "a" in groups:
                a, b = int(groups["a"]), int(groups["b"])
                if pattern is _DATE_PATTERNS[2][0]:
                    ok = _valid_day_month(b, a)
                else:
                    ok = _valid_day_month(b, a) or _valid_day_month(a, b)
                if not ok:
                    continue
            before = window_before(text, m.start())
            if _published(window_before(text, m.start(), 100), text, m.start()) or _CITED_BEFORE.search(before):
                continue
            if pattern is _SPACED_DATE and _CENTRAL_EUROPEAN_PUBLIC.search(text, *sentence_bounds(text, m.start())):
                continue  # "Zákon č. 372/2011 Sb., … ze dne 6. 11. 2011", "Konference proběhla 12. 5. 2019"
            tied = bool(_DATE_PERSON.search(before) or _DATE_PERSON_AFTER.match(text[m.end() : m.end() + 16]))
            tied = tied or bool(_PERSONAL_ISSUE.search(text, max(0, m.start() - 60), m.start()))
            if _public_figure_before(text, m.start()):
                continue  # "Aaron Beck died on 1 November 2021": a known author's day, not a person in care's
            if groups.get("y") and len(groups["y"]) == 4 and int(groups["y"]) < 1900:
                continue  # no one in care was dated then, and a decedent's record is PHI for fifty years only
            if not tied and public_event(text, m.start()):
                continue
            yield (
                "date",
                m.start(),
                m.end(),
                CONFIDENT if tied else BORDERLINE,
                ("date tied to a person" if tied else "day-level date"),
            )
    listed_end = None  # "session dates 5/2, 12/2, 19/2": each after the first is a date by being listed with it
    for m in _DAY_MONTH.finditer(text) if "/" in text or "." in text else ():
        a, b = int(m.group("a")), int(m.group("b"))
        before = window_before(text, m.start())
        listed = listed_end is not None and _LIST_JOIN.fullmatch(text[listed_end : m.start()])
        dotted = m.group("s") == "."
        event = _DATE_EVENT_BEFORE.search(before)
        adjacent = _DOTTED_AFTER_VISIT.search(before)
        if dotted and _UNIT_AFTER.match(text, m.end()):
            continue  # "attended 2.5 sessions", "reviewed 12.5 mg": a count or a measure
        if _FRACTION_AFTER.match(text, m.end()):
            continue  # "declined 1/2 of the dose", "took 3/4 tab": a fraction
        if dotted and not (_valid_day_month(a, b) and (listed or adjacent or (event and _strong_event(event.group())))):
            continue  # "level 0.7", "scored 3.4 after the session": a dotted day and month needs an event word
        if (_valid_day_month(a, b) or _valid_day_month(b, a)) and (
            listed
            or _DAY_MONTH_CONTEXT.search(before)
            or _DATE_EVENT_BEFORE.search(before)
            or (not dotted and _TIME_BEFORE.search(before) and not _UNIT_AFTER.match(text, m.end()))
        ):
            if not _published(before, text, m.start()):
                yield "date", m.start(), m.end(), BORDERLINE, "day and month"
                listed_end = m.end()
    # Each runs only when a word it needs is in the text (cost only).
    gated = ((_WEEKDAY_DAY_MONTH, words & _WEEKDAY_WORDS), (_ORDINAL_BEFORE_DATE, named_month),
             (_OTHER_LANGUAGE_DATE, words & _OTHER_MONTH_WORDS),
             (_OTHER_CALENDAR_DATE, words & _OTHER_CALENDAR_WORDS))  # fmt: skip
    for pattern, needed in gated if digits else ():
        for m in pattern.finditer(text) if needed else ():
            # a year before its month ends a sentence for the splitter ("2022. március 14-én"): read from the month
            at = m.end("year_first") if pattern is _OTHER_LANGUAGE_DATE and m.group("year_first") else m.start()
            if pattern is _OTHER_LANGUAGE_DATE and not _month_first_dated(text, m):
                continue  # the cheap test first: a sentence's public words are read only for a date
            if pattern is _OTHER_LANGUAGE_DATE and public_event(text, at):
                continue  # "la legge 180 del 13 maggio 1978": a law's day, not a person's
            yield "date", m.start(), m.end(), BORDERLINE, "day and month"
    east_asian = (
        [(m.start(), m.end()) for m in _EAST_ASIAN_DATE.finditer(text)]
        if digits and ("月" in text or "월" in text or "tháng" in text)
        else []
    )
    for start, end in east_asian:
        if not public_event(text, start):
            yield "date", start, end, BORDERLINE, "day and month"
    for m in _EAST_ASIAN_DAY_MONTH.finditer(text) if digits and ("月" in text or "월" in text) else ():
        if not any(s <= m.start() < e for s, e in east_asian):
            yield "date", m.start(), m.end(), BORDERLINE, "day and month"
    for m in _HINDI_DATE.finditer(text) if digits and _DEVANAGARI.search(text) else ():
        yield "date", m.start(), m.end(), BORDERLINE, "day and month"
    for m in _ORDINAL_AFTER_EVENT.finditer(text) if digits and words & _ORDINAL_SUFFIXES else ():
        yield "date", m.start("d"), m.end("d"), BORDERLINE, "day of the month"
    for m in _WEEKDAY_ORDINAL.finditer(text):
        yield "date", m.start(), m.end(), BORDERLINE, "day of the month"
    for m in _ON_THE_ORDINAL.finditer(text) if _ORDINAL_DIGIT_GATE.search(text) else ():
        yield "date", m.start("d"), m.end("d"), BORDERLINE, "day of the month"
    for m in _ON_THE_ORDINAL_WORD.finditer(text) if words & _DAY_WORD_GATE else ():
        yield "date", m.start("d"), m.end("d"), BORDERLINE, "day of the month in words"
    for m in _SYSTEM_DATE.finditer(text) if named_month else ():
        if not re.search(r"\d[ \t]", m.group()):
            before = window_before(text, m.start())
            tied = bool(_DATE_PERSON.search(before))
            yield "date", m.start(), m.end(), CONFIDENT if tied else BORDERLINE, "date as a system prints it"
    for m in _COMPACT_DATE.finditer(text) if _EIGHT_DIGITS.search(text) else ():
        group = "d" if m.group("d") else "d2"
        yield "date", m.start(group), m.end(group), CONFIDENT, "date tied to a person"
    for m in _DICTATED_DATE.finditer(text) if named_month and words & _YEAR_WORD_GATE else ():
        tied = bool(_DATE_PERSON.search(window_before(text, m.start())))
        yield "date", m.start(), m.end(), CONFIDENT if tied else BORDERLINE, "date in words"
    for m in _LOWER_MONTH_DATE.finditer(text) if named_month and words & _ORDINAL_SUFFIXES else ():
        yield "date", m.start(), m.end(), BORDERLINE, "day and month in lower case"
    for m in _DAY_MONTH_EVENT_AFTER.finditer(text) if "/" in text else ():
        a, b = int(m.group("a")), int(m.group("b"))
        if _valid_day_month(a, b) or _valid_day_month(b, a):
            yield "date", m.start(), m.end(), BORDERLINE, "day and month before an event"
    for m in _WORDY_DATES.finditer(text) if named_month else ():
        before = window_before(text, m.start())
        if not _published(before, text, m.start()):
            tied = bool(_DATE_PERSON.search(before))
            yield "date", m.start(), m.end(), CONFIDENT if tied else BORDERLINE, "date in words"
    if words & _HOLIDAY_WORDS:
        for pattern in (_HOLIDAY_YEAR, _HOLIDAY_TIED):
            for m in pattern.finditer(text):
                end = m.end() if pattern is _HOLIDAY_YEAR else m.end("d")
                yield "date", m.start("d"), end, BORDERLINE, "named day tied to a person"
    for m in _SHORT_YEAR_DATE.finditer(text) if digits_dated(text) else ():
        yield "date", m.start("d"), m.end("d"), CONFIDENT, "date tied to a person"
    # Whether any sentence can tell of a life event of someone in care, read once for the whole text.
    judged: dict = {} if _SOMEONE_IN_CARE.search(text) and _LIFE_EVENT.search(text) else None
    for m in _MONTH_YEAR.finditer(text) if named_month else ():
        before = window_before(text, m.start())
        if _DATE_PUBLICATION.search(before):
            continue
        if _DATE_PERSON.search(before) or (
            judged is not None and _life_event_of_someone_in_care(text, m.start(), judged)
        ):
            # "Aaron Beck died … in November 2021", "babies born in the cohort between April 1972 and …"
            if not _public_figure_before(text, m.start()) and not public_event(text, m.start()):
                yield "date", m.start(), m.end(), BORDERLINE, "month and year tied to a person"


# Something that happened to one person, anywhere in the sentence of a month and year, with someone in care named
# there: "The parents … moved to Bradford in August 2017", "In October 2021, Mr Hale was referred …", "my mum's CBT
# from March 2023". The care word keeps history ("Freud began his self-analysis in July 1897") out.
_LIFE_EVENT = re.compile(
    r"(?i)\b(?:moved|started|began|received|sent|wrote|evicted|eviction|released|interviewed|recorded|arrived"
    r"|relapsed|treated|prescribed|referred|admitted|discharged|sectioned|correspondence|letters?|sessions?|CBT"
    r"|therapy|treatment|diagnosed|died|passed[ \t]+away|fell|moved[ \t]+in)\b"
)
_SOMEONE_IN_CARE = re.compile(
    r"(?i:\b(?:my|our|his|her|their)[ \t]+(?:late[ \t]+)?(?:client|patient|pt|mum|mom|mother|dad|father|nan|nana|gran"
    r"|granny|grandma|grandpa|grandad|grandmother|grandfather|aunt|uncle|husband|wife|partner|son|daughter|brother"
    r"|sister|parents|neighbou?r)\b)|\b(?:Mr|Mrs|Ms|Miss|Mx)\.?[ \t]+[A-Z]"
)
_STUDY_OR_SERVICE = re.compile(r"(?i)\b(?:trial|study|cohort|participants|sample|programme|program)\b")


def _life_event_of_someone_in_care(text: str, pos: int, judged: dict) -> bool:
    """Whether the sentence around `pos` tells of a life event of someone in care; `judged` keeps each
    sentence's answer, as a long text of month-and-year runs would otherwise read its sentence once per match."""
    lo, hi = sentence_bounds(text, pos)
    if (lo, hi) not in judged:
        judged[lo, hi] = bool(
            _SOMEONE_IN_CARE.search(text, lo, hi)
            and _LIFE_EVENT.search(text, lo, hi)
            and not _STUDY_OR_SERVICE.search(text, lo, hi)
        )
    return judged[lo, hi]


# A day the public shares: a disaster, a pandemic's milestone, a law or service going live, an awareness day, a
# study's recruitment. With no one in care in the sentence, its date is history, not a person's.
# A ministry, council or society in Chinese, Japanese or Korean: "厚生労働省", "国家卫健委", "보건복지부"; not a
# province ("湖南省") nor a part ("일부", "외부").
_PUBLIC_BODY_EAST_ASIAN = (
    r"(?:[\u4e00-\u9fff]{1,6}(?:労働省|科学省|法務省|総務省|外務省|財務省|庁|委員会|委员会|学会|協会|协会|卫生部|卫健委)"
    r"|(?:보건복지|교육|법무|여성가족|고용노동|행정안전|과학기술정보통신)부|[\uac00-\ud7af]{1,8}(?:위원회|학회|협회))"
)
_PUBLIC_EVENT = re.compile(
    r"(?i)\b(?:disaster|(?<!panic[ \t])(?<!heart[ \t])(?<!anxiety[ \t])attacks|bombings?|earthquake|hurricane"
    r"|cyclone|typhoon|tsunami|pandemic|epidemic|lockdown|massacre|landfall|terrorist|experiment|went[ \t]+live"
    r"|came[ \t]+into[ \t]+(?:effect|force)|took[ \t]+effect|declared|replaced|superseded|compliance[ \t]+date"
    r"|(?:each|every)[ \t]+year|annually|awareness|recruited|recruitment|cohort|participants"
    r"|(?-i:[A-Z][\w'’-]+)[ \t]+(?:fire|accident|attack|bombing|explosion)"  # "the Grenfell Tower fire"
    # a named place or structure and what befell it: "the Rana Plaza collapse", "the Berlin Wall fell"
    r"|(?-i:[A-Z][\w'’-]+[ \t]+(?:Tower|Wall|Plaza|Bridge|Dam|Mine|Stadium|Arena|Factory|Mall|Centre|Center"
    r"|Building|Station|Square|Street))[ \t]+(?:collapsed?|fell|burned|burnt|fire|disaster|tragedy|crush|siege)"
    r"|(?-i:World|International)[ \t]+(?:[A-Z][\w-]+[ \t]+){1,3}Day"
    # Seventeenth round: meetings, publications and public bodies' acts, each as public as the rest.
    r"|symposium|congress|summit|convention|plenary|webinar|annual[ \t]+(?:general[ \t]+)?meeting|AGM|keynote"
    r"|public[ \t]+consultation|consultation[ \t]+(?:opened|closed|ran|period)|referendums?|elections?|voted|debated"
    r"|(?:DSM|ICD|paper|article|book|report|issue|edition|volume|version|manual|guideline|guidance|study|album"
    r"|film|episode)[\w .-]{0,30}?(?:appeared|came[ \t]+out)"
    r"|strikes?|industrial[ \t]+action|protests?|riots?|invasion|ceasefire|coup|uprising"
    r"|genocide|famine|heatwave|wildfires?|bushfires?|floods?|flooding|scandal|mass[ \t]+shooting"
    r"|by[ \t]+the[ \t]+(?-i:(?:[A-Z][\w-]+[ \t]+){0,4}(?:Assembly|Parliament|Congress|Senate|Commission|Committee"
    r"|Government|Ministry|Council|Organi[sz]ation|Association|Society|College|Institute|Board|Agency|Administration))"
    r"|preprint|appeared[ \t]+(?:online|in[ \t]+print)"
    # A paper's history and a study's fieldwork: "Received 2 February 2019; accepted 15 April 2019", "Epub 3 Aug",
    # "data were collected between 3 January 2015 and 30 June 2018".
    r"|received[ \t:]+[^.\n]{0,60}?\b(?:accepted|revised)|e-?pub(?:lished)?|published[ \t]+online"
    r"|available[ \t]+online|ahead[ \t]+of[ \t]+print|study[ \t]+period|fieldwork|data[ \t]+collection"
    r"|(?:data|samples?|surveys?|questionnaires|interviews|measurements)[ \t]+(?:were|was)[ \t]+(?:collected"
    r"|gathered|obtained|administered|conducted)|(?:enrolled|conducted|ran)[ \t]+(?:between|from)"
    r"|(?:paper|article|report|guidance|guideline|statement|press[ \t]+release"
    r"|erratum|correction|retraction)[ \t]+(?:was[ \t]+)?(?:appeared|came[ \t]+out|went[ \t]+online|retracted"
    r"|withdrawn|corrected|out)|retracted|announced|unveiled|premiered|aired|broadcast|ratified"
    r"|(?-i:(?:Parliament|Congress|Senate|Commission|Inquiry|Committee|Supreme[ \t]+Court|Court[ \t]+of[ \t]+Appeal"
    r"|Government|Ministry|Cabinet|Assembly|Council|Department)[ \t]+(?:\w+[ \t]+)?(?:voted|reported|ruled|published"
    r"|announced|met|decided|agreed|approved|rejected|passed|launched|opened|closed))"
    # a law by its number, or coming into force, in the languages suggestions are written in: "la legge 180 del
    # 13 maggio 1978", "entró en vigor el 2 de enero", "ist am 1. Januar in Kraft getreten"
    r"|(?:legge|ley|loi|lei|gesetz|wet|ustawa|decreto|décret|dekret|quyết[ \t]+định|thông[ \t]+tư|nghị[ \t]+định"
    r"|luật"
    # and the other instruments of a state, numbered: "Portaria GM/MS nº 336", "Resolución 1995", "arrêté n° 12",
    # "Verordnung Nr. 5", "rozporządzenie nr 7", "приказ № 302н", "Yönetmelik No. 4"
    r"|law|portaria|resolução|resolución|orden|arrêté|circulaire|ordonnance|circolare|delibera|decreto-lei|verordnung"
    r"|richtlinie|beschluss|besluit|regeling|rozporządzenie|uchwała|приказ|постановление|закон|наказ|yönetmelik"
    r"|kanun|genelge|vyhláška|zákon|törvény|rendelet)"
    r"[ \t]+(?-i:[A-Z]{2,5}(?:/[A-Z]{2,5})*[ \t]+)?(?:n[.º°]?[ \t]*|no\.?[ \t]*|nr\.?[ \t]*|№[ \t]*|số[ \t]*)?\d{1,5}"
    # a law's reform or a body of law: "mit der Reform vom 1. Januar 2023", "das Betreuungsrecht", "la reforma de"
    r"|(?-i:Reform)[ \t]+vom|réforme[ \t]+(?:de[ \t]+la[ \t]+loi|du)|reforma[ \t]+(?:psiquiátrica|psiquiatrica"
    r"|sanitária|sanitaria|da[ \t]+lei|de[ \t]+la[ \t]+ley)|riforma[ \t]+(?:Basaglia|psichiatrica|sanitaria)"
    r"|nowelizacj\w+[ \t]+ustawy|\w{3,}(?:recht|gesetz|gesetzes|verordnung)"
    # a ministry, council or society in Chinese, Japanese or Korean: "厚生労働省. 認知症施策推進大綱. 2019年6月18日."
    + r"|"
    + _PUBLIC_BODY_EAST_ASIAN
    + r"|in[ \t]+vigore|entr(?:ó|o|a)[ \t]+en[ \t]+vigor|entr[ée]e?[ \t]+en[ \t]+vigueur|in[ \t]+kraft|em[ \t]+vigor"
    r"|in[ \t]+werking|w[ \t]+życie"
    # and in the languages whose dates the screen reads since: "hatályba lépett", "tuli voimaan", "stupio na
    # snagu", "yürürlüğe girdi", "trädde i kraft", "nabyl účinnosti"; a law signed in Tagalog ("pinirmahan")
    r"|hatályba|voimaan|na[ \t]+snagu|yürürlüğe|i[ \t]+kraft|účinnost\w*|pinirmahan|nilagdaan|isinabatas"
    # or passed, without its number: "Ustawa o ochronie zdrowia psychicznego … z 19 sierpnia 1994 r.", "Закон о
    # психиатрической помощи … принят 2 июля 1992 года", "das Gesetz wurde am 3. März verabschiedet"
    r"|(?-i:Ustawa|Закон)|uchwalon[aey]|verabschiedet|promulgad[ao]|promulgu[ée]e?)\b"
    # Chinese, Japanese and Korean write no spaces around it: "시행되었다", "施行された", "起生效"
    r"|시행|施行|实施|實施|生效|발효|공포되"
)
# A trial or review registered on a day: the registry's date, not a person's.
_STUDY_REGISTERED = re.compile(
    r"(?i)\b(?:(?:pre-?|prospectively[ \t]+|retrospectively[ \t]+)?registered|registration)\b"
)
_STUDY_WORDS = re.compile(
    r"(?i)\b(?:trials?|stud(?:y|ies)|protocols?|reviews?|registry|registries|NCT\d|ISRCTN|PROSPERO|CRD\d|OSF|ACTRN"
    r"|EudraCT|clinicaltrials\.gov)"
)
# One participant's own day, by their study number: "participant P-12 was enrolled on 3 May 2021".
_ONE_PARTICIPANT = re.compile(r"(?i)\b(?:participant|subject|respondent)[ \t]*(?:no\.?|#|id)?[ \t]*[A-Z]{0,3}-?\d")


# Someone in care or their family, in the other languages whose public days the screen reads: with one in the
# sentence, its date is theirs ("Meine Mutter wurde nach dem Betreuungsrecht am 3. März untergebracht").
_ONE_PERSON_OTHER_LANGUAGE = re.compile(
    r"(?i)(?<![\w'’-])(?:mutter|vater|mère|père|mãe|pai|madre|padre|moeder|vader|matka|ojciec|mama|tata|мать|мама"
    r"|отец|папа|anne|annem|babam|ana|frau|herr|mme|madame|monsieur|señora|señor|senhora|senhor|signora|signor"
    r"|pani|pan|mevrouw|meneer|patient\w*|paciente|pacjent\w*|пациент\w*|hastam|hastamız|ασθενής|bệnh[ \t]+nhân|pasien"
    r"|mgonjwa|sohn|tochter|fils|fille|hijo|hija|filho|filha|figlio|figlia|zoon|dochter|syn|córka)(?![\w'’-])"
    r"|[母父娘妻夫](?:は|が|の|を)|(?:妈妈|爸爸|母亲|父亲|儿子|女儿|病人|患者)|(?:어머니|아버지|엄마|아빠|환자)"
)


# A reference line whose author is a ministry, council or society written in Chinese, Japanese or Korean.
_PUBLIC_BODY_CITED = re.compile(r"[ \t]*" + _PUBLIC_BODY_EAST_ASIAN + r"[ \t]*[.．。,，]")


def public_event(text: str, pos: int) -> bool:
    lo, hi = sentence_bounds(text, pos)
    if PERSON_WORD.search(text, lo, hi) is not None or _ONE_PARTICIPANT.search(text, lo, hi):
        return False
    if _MY_OR_OUR.search(text, lo, hi) or _ONE_PERSON_OTHER_LANGUAGE.search(text, lo, hi):
        return False
    line_start = text.rfind("\n", 0, pos) + 1
    if _PUBLIC_BODY_CITED.match(text, line_start):
        return True  # "厚生労働省. 認知症施策推進大綱. 2019年6月18日.": a ministry's document, cited
    if _PUBLIC_EVENT.search(text, lo, hi) is not None:
        return True
    return bool(_STUDY_REGISTERED.search(text, lo, hi) and _STUDY_WORDS.search(text, lo, hi))


# ---------------------------------------------------------------- ages over 89

_AGE_NUM = r"(?:9\d|1[01]\d)"
_AGE_WORD = (
    r"(?:ninety(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|(?:one|a)[ \t]+hundred(?:[ \t]+and[ \t]+"
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten))?)"
)
_AGE = rf"(?:{_AGE_NUM}|{_AGE_WORD})"
_AGE_ORDINAL_WORD = (
    r"(?:ninetieth|ninety[- ](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|(?:one[ \t]+)?hundredth"
    r"|(?:one|a)[ \t]+hundred[ \t]+and[ \t]+(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth))"
)
# A range's dash as typed or as published text carries it: hyphen, en dash, and the minus sign, figure dash and
# non-breaking hyphen that text copied from a PDF brings ("aged 95−99 years").
_RANGE_DASH = "[-–−‒‑‐]"
# The word for years or for a year of age that may follow an age, in the languages the screen reads.
_ANY_YEARS_WORD = (
    r"(?:(?:years|year|yrs|yr|años|anos|anni|ans|Jahre|Jahren|jaar|lat|lata|latach|лет|года|років|роки|рік|år|ani|godina"
    r"|godine|ετών|χρονών|tuổi|yaş\w*|yıl|éves|évesek|tahun|taon|سنة|عامًا|عاما|साल|वर्ष)(?![^\W\d_])"
    r"|歳|岁|歲|세|才|살)"
)
# Population statements: "adults over 90", "aged 90 and over", "90+", "aged 18 to 95", "the over-90s".
_POPULATION_AFTER = re.compile(
    rf"(?i)^(?:[ \t]*(?:{_ANY_YEARS_WORD})(?:[ \t]+(?:of[ \t]+age|old)\b)?)?[ \t]*"
    # "and over" in Spanish, Portuguese, Italian, French, German and Dutch too: "90 años y más", "90 ans et plus"
    r"(?:[yeo][ \t]+(?:más|mais|più)|ou[ \t]+mais|et[ \t]+plus|und[ \t]+(?:älter|mehr)|(?:en|of)[ \t]+ouder"
    # Turkish, Vietnamese, Hungarian, Finnish, the Nordic languages, Polish, Russian, Indonesian, CJK; and the
    # plural of a "-year-old" word: "90 yaş ve üzeri", "90 tuổi trở lên", "90-vuotiaat", "bei 90-Jährigen"
    r"|ve[ \t]+üzeri|üzeri|üstü|trở[ \t]+lên|feletti|felett|fölött|és[ \t]+idősebb|ja[ \t]+vanhemmat|ja[ \t]+yli"
    r"|och[ \t]+äldre|og[ \t]+eldre|og[ \t]+ældre|i[ \t]+więcej|i[ \t]+starsi|и[ \t]+старше|и[ \t]+более|ke[ \t]+atas"
    r"|[ \t]+(?:hastalar\w*|kişiler\w*|kadınlar\w*|erkekler\w*|korosztály\w*|betegek\w*|deelnemers|patiënten"
    r"|ouderen|osób|osoby|pacjentów|pacjenci|người|bệnh[ \t]+nhân|trẻ|участник\w*|пациент(?:ы|ов)|люд\w*"
    r"|пацієнт(?:и|ів)|orang|pasien|peserta|wagonjwa|watu)"
    r"|以上|及以上|及其以上|이상|büyük|fazla|-?vuotiaat|-?vuotiaille|-?vuotiailla|-?åringar|-?åringer|-?[Jj]ährigen|-?jarigen|-?letnich|-?летних"
    r"|\+|and[ \t]+(?:over|older|above|up)|or"
    rf"[ \t]+(?:over|older|more|above)|{_RANGE_DASH}[ \t]*\d|to[ \t]+\d|through[ \t]+\d|%|percent|per[ \t]*cent"
    r"|(?:bis|tot|do|до|till|à|a|al|fino[ \t]+a)[ \t]+\d"
    r"|s\b|['’]s\b"
    r"|th[ \t]+percentile|[.,]\d|[ \t]+(?:participants|people|adults|patients|residents|respondents|subjects|cases"
    r"|individuals|women|men|clients|centenarians|nonagenarians)"
    # an age as a rule's threshold: "Age 90 is the cut-off where …"
    r"|[ \t]+(?:is|was|as)[ \t]+(?:the|a)[ \t]+(?:cut-?off|threshold|limit|boundary|upper[ \t]+limit)\b)"
)
_POPULATION_BEFORE = re.compile(
    r"(?i)(?:\b(?:over|above|under|beyond|past|exceeding|than|from|between|range|ranged|ranging|mean|median"
    r"|average|aged[ \t]+(?:over|above|between|from)|over-|ages|to|and|or|a[ \t]+further|up[ \t]+to|least"
    r"|approximately|about|around|nearly|almost|n[ \t]*=|sd|cut-?off|score[sd]?|scoring|were|by|than|≥|>|<"
    # and in other languages: "mais de 90 anos", "plus de 90 ans", "über 90 Jahre", "powyżej 90 lat", "старше 90 лет"
    r"|más[ \t]+de|mais[ \t]+de|menos[ \t]+de|plus[ \t]+de|moins[ \t]+de|più[ \t]+di|meno[ \t]+di|über|unter|ab"
    r"|meer[ \t]+dan|ouder[ \t]+dan|boven|powyżej|ponad|старше|свыше|старше[ \t]+за|понад|πάνω[ \t]+από"
    r"|yli|trên|hơn|từ|över|mer[ \t]+än|mer[ \t]+enn|mere[ \t]+end|více[ \t]+než|nad|peste|preko|više[ \t]+od"
    r"|több[ \t]+mint|أكثر[ \t]+من|فوق|بالای|بیش[ \t]+از|lebih[ \t]+dari|di[ \t]+atas|zaidi[ \t]+ya|mahigit"
    r"|higit[ \t]+sa|से[ \t]+ऊपर|से[ \t]+अधिक)"
    rf"[ \t]*$|{_RANGE_DASH}[ \t]*$)"
)
_PERSON_WORDS = (
    r"she|he|they|i|we|you|client|patient|pt|resident|man|woman|female|male|widow|widower|veteran|gentleman|lady"
    r"|mother|father|mum|mom|dad|grandmother|grandfather|grandma|grandpa|nan|nana|husband|wife|partner|aunt|uncle"
    r"|neighbou?r|friend|daughter|son|stepson|stepdaughter|sister|brother|cousin|niece|nephew|carer|lodger|tenant"
    r"|member|participant|service[ \t]+user|person|individual|gentleman|lady|mr|mrs|ms|miss|mx|[A-Z][a-z]+"
)
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
# A date of birth with its month in words: "22nd Aug 1933", "June the 4th 1930", "Oct. 2nd, 1930".
_WORDY_DOB = (
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?{_MONTH}[ \t]+(?:19|20)\d\d"
    rf"|{_MONTH}[ \t]+(?:the[ \t]+)?\d{{1,2}}(?:st|nd|rd|th)?,?[ \t]+(?:19|20)\d\d)"
)
# A day that can be a birthday: "on 14 June", "on June 14", "on the 3rd", "on Friday".
_BIRTHDAY_DATE = rf"(?:\d{{1,2}}(?:st|nd|rd|th)?[ \t]+{_MONTH}|{_MONTH}[ \t]+\d{{1,2}}\b|the[ \t]+\d{{1,2}}|{_WEEKDAY})"
# "Years" after an age in other languages: German, French, Spanish, Portuguese, Italian, Dutch, Polish, Greek,
# Vietnamese, Turkish, the Nordic languages, Finnish, Hungarian, Czech, Russian and Ukrainian.
# Tagalog's "taong gulang" ("90 taong gulang") and Indonesian and Malay "tahun" ("Ibu Ratna (92 tahun)") too.
_YEARS_OTHER = (
    r"(?:Jahre|ans|años|anos|anni|de[ \t]+ani|ani|jaar|lat|lata|ετών|χρονών|tuổi|yaşında|yaş|år|vuotta|éves|let"
    r"|лет|года|років|роки|рік"
    r"|godina|godine|godinu"
    r"|taong[ \t]+gulang|वर्ष|साल|tahun|عامًا|عاما|سنة)"
)
# Ages over 89 in Spanish, Portuguese, Italian, French, German and Dutch words: "noventa e dois anos",
# "novantacinque anni", "quatre-vingt-dix-sept ans", "nonante-trois ans", "sechsundneunzig Jahre", "negentig jaar".
_AGE_OTHER_WORDS = (
    r"(?:noventa(?:[ \t]+[ye][ \t]+[a-zéêó]{2,7})?|novant[a-z]{1,8}|cien|cem|cento"
    r"|quatre-vingt-(?:dix(?:-(?:sept|huit|neuf))?|onze|douze|treize|quatorze|quinze|seize)|nonante(?:-[a-z]{2,6})?"
    r"|cent(?:-[a-z]{2,6})?|(?:ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun)?und(?=neunzig)neunzig|neunzig|hundert"
    r"|(?:een|twee|drie|vier|vijf|zes|zeven|acht|negen)ennegentig|negentig|honderd"
    # Polish, Vietnamese, Swahili, Hebrew and Tagalog: "dziewięćdziesiąt dwa lata", "chín mươi hai tuổi",
    # "tisini na tano", "תשעים ושש", "siyamnapu't isa"
    r"|dziewięćdziesiąt(?:[ \t]+(?:jeden|dwa|trzy|cztery|pięć|sześć|siedem|osiem|dziewięć))?"
    r"|chín[ \t]+mươi(?:[ \t]+(?:mốt|một|hai|ba|bốn|tư|năm|lăm|sáu|bảy|tám|chín))?|một[ \t]+trăm"
    r"|tisini(?:[ \t]+na[ \t]+(?:moja|mbili|tatu|nne|tano|sita|saba|nane|tisa))?|mia[ \t]+moja"
    r"|תשעים(?:[ \t]+ו[א-ת]{2,6})?|מאה"
    r"|siyamnapu(?:['’]t[ \t]+(?:isa|dalawa|tatlo|apat|lima|anim|pito|walo|siyam))?|isang[ \t]+daan"
    # Russian: "девяносто восемь лет"
    r"|девяносто(?:[ \t]+(?:один|одна|два|две|три|четыре|пять|шесть|семь|восемь|девять))?|сто"
    # Turkish, Arabic, Hindi, Urdu, Bengali, Persian, Indonesian and Malay, Greek, Ukrainian, Czech, Hungarian,
    # Finnish, the Nordic languages and Romanian: "doksan yedi", "ثمانية وتسعين", "सत्तानवे", "sembilan puluh dua"
    r"|doksan(?:[ \t]+(?:bir|iki|üç|dört|beş|altı|yedi|sekiz|dokuz))?"
    r"|(?:(?:واحد|اثنان|اثنين|ثلاثة|ثلاث|أربعة|أربع|خمسة|خمس|ستة|ست|سبعة|سبع|ثمانية|ثماني|تسعة|تسع)[ \t]+و)?"
    r"تسع(?:ون|ين)"
    r"|नब्बे|इक्यानवे|बानवे|तिरानवे|चौरानवे|पचानवे|पंचानवे|छियानवे|सत्तानवे|अट्ठानवे|निन्यानवे"
    r"|نوے|اکانوے|بانوے|ترانوے|چورانوے|پچانوے|چھیانوے|ستانوے|اٹھانوے|ننانوے"
    r"|নব্বই|একানব্বই|বিরানব্বই|তিরানব্বই|চুরানব্বই|পঁচানব্বই|ছিয়ানব্বই|সাতানব্বই|আটানব্বই|নিরানব্বই"
    r"|نود(?:[ \t]+و[ \t]+[\u0600-\u06ff]{2,6})?"
    r"|sembilan[ \t]+puluh(?:[ \t]+(?:satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan))?|seratus"
    r"|ενενήντα(?:[ \t]+(?:ένα|δύο|τρία|τέσσερα|πέντε|έξι|επτά|εφτά|οκτώ|οχτώ|εννέα|εννιά))?|εκατό"
    r"|дев['’]яносто(?:[ \t]+(?:один|одна|два|дві|три|чотири|п['’]ять|шість|сім|вісім|дев['’]ять))?"
    r"|devadesát(?:[ \t]+(?:jedna|dva|tři|čtyři|pět|šest|sedm|osm|devět))?|kilencven\w{0,6}|yhdeksänkymmentä\w{0,8}"
    r"|nittio\w{0,5}|nitti\w{0,5}|halvfems\w{0,6}|nouăzeci(?:[ \t]+și[ \t]+\w{2,6})?)"
)
# Ninety to a hundred and nineteen in Chinese and Japanese numerals, before 岁, 歲, 歳 or 才: "九十六岁".
_AGE_CJK = r"(?:九十[一二三四五六七八九]?|一百(?:零?[一二三四五六七八九]|一?十[一二三四五六七八九]?)?)"
# What may begin an age in words in any of these languages: the screen reads for ages only when one is there.
AGE_WORDS_GATE = re.compile(
    r"(?i)ninety|hundred|nineties|nonagenarian|centenarian|noventa|novant|\bcien\b|\bcem\b|cento|quatre-vingt"
    r"|nonante|\bcent\b|neunzig|hundert|negentig|honderd|九十|一百|\bumri\b|อายุ"
    r"|dziewięćdziesiąt|chín[ \t]+mươi|một[ \t]+trăm|tisini|mia[ \t]+moja|תשעים|מאה|siyamnapu|isang[ \t]+daan"
    r"|девяносто|(?<!\w)сто(?!\w)|百[一二三四五六七八九十]{0,2}歳|아흔|백[ \t]?살|doksan|تسعون|تسعين|नब्बे|ानवे|نوے|انوے"
    r"|নব্বই|ানব্বই|نود|sembilan[ \t]+puluh|seratus|ενενήντα|дев['’]яносто|devadesát|kilencven|yhdeksänkymmentä"
    r"|nittio|nitti|halvfems|nouăzeci"
)
_AGE_PATTERNS = [
    # 93-year-old, 91 y/o, 95 yo, 92 yrs old, ninety-four years old
    (
        re.compile(
            rf"(?i)(?<![\d.])(?P<age>{_AGE})[- ]?(?:years?|yrs?|y)[- ]?(?:old|o)\b(?!s)|(?<![\d.])(?P<age2>{_AGE_NUM})"
            r"(?:[ \t]*|-)(?:yo|y/o|y\.o\.?|y\.?\s?o\.|yr|yrs)(?![\w/])"
        ),
        CONFIDENT,
    ),  # fmt: skip
    # 92M, 98F, 92 M, (93), aged 96, age: 90
    (re.compile(rf"(?<![\w.])(?P<age>{_AGE_NUM})[ \t]?/?[ \t]?(?:[MF]|yo[MF]|y[ \t]?[MF])\b(?![.-]\d)"), CONFIDENT),
    (
        re.compile(
            rf"(?i)\b(?:aged|age|ages)(?:[ \t]+(?:at|on)[ \t]+[a-z]+)?[ \t]*[:=]?[ \t]*(?P<age>{_AGE})\b(?![.,]\d)"
        ),
        CONFIDENT,
    ),  # fmt: skip
    (re.compile(rf"(?i)\b(?:at[ \t]+the[ \t]+age[ \t]+of|at[ \t]+age)[ \t]+(?P<age>{_AGE})\b(?![.,]\d)"), CONFIDENT),
    (re.compile(rf"(?i)\b(?P<age>{_AGE_NUM})(?:st|nd|rd|th)[ \t]+birthday\b"), CONFIDENT),
    # in words too: "his ninety-sixth birthday", "her hundredth birthday"
    (re.compile(rf"(?i)\b(?P<age>{_AGE_ORDINAL_WORD})[ \t]+birthday\b"), CONFIDENT),
    (
        re.compile(
            rf"(?i)\b(?:turned|turns|turning|celebrated[ \t]+(?:her|his|their)|will[ \t]+be|would[ \t]+have[ \t]+been"
            rf"|mak(?:es|ing)[ \t]+(?:her|him)"
            rf"|is[ \t]+now|now)[ \t]+(?P<age>{_AGE})\b(?![.,]\d|[ \t]*(?:%|percent|per|minutes|sessions|times"
            rf"|weeks|days|points|items))"
        ),
        CONFIDENT,
    ),  # fmt: skip
    # "She is 96", "He's ninety-four", "My client is 102", 'she was "104 and not going anywhere"'
    (
        re.compile(
            rf"(?i)\b(?:{_PERSON_WORDS})(?:[ \t]*\([^()\n]{{1,40}}\))?"
            # where the person is, between them and the age: "the lady in bed 12 is 103"
            rf"(?:[ \t]+(?:in|on)[ \t]+(?:bed|bay|room|ward|side[ \t]+room)[ \t]+\w{{1,4}})?"
            rf"(?:['’](?:s|m|re)|[ \t]+(?:is|was|am|are"
            rf"|who[ \t]+is|who[ \t]+was))[ \t]+(?:now[ \t]+)?"
            rf"[\"“]?(?P<age>{_AGE})\b(?![.,]\d|[ \t]*(?:%|percent|per|minutes|sessions|weeks|days|points|items"
            rf"|out|in|of|times|kg|lb|cm|mg|mmhg|bpm)|[ \t]*on(?![ \t]+{_BIRTHDAY_DATE}))"
        ),
        CONFIDENT,
    ),  # fmt: skip
    # The same in German, Dutch and the Nordic languages, without the word for years: "Sie ist 92, wohnt …"
    (
        re.compile(
            r"(?i)\b(?:sie|er|zij|ze|hij|hon|han|hun)[ \t]+(?:ist|war|wird|is|was|wordt|är|var|er|blir)[ \t]+"
            rf"(?P<age>{_AGE_NUM})(?=[ \t]*(?:[,.;)!]|$|[ \t]+(?:und|aber|jetzt|en|maar|nu|og|och|men)\b))"
        ),
        CONFIDENT,
    ),
    # "an old fella of 91", "a lady of ninety-four", "widower aged 93"
    (
        re.compile(
            rf"(?i)\b(?:man|woman|lady|fella|fellow|bloke|gentleman|gent|chap|person|widow|widower|patient|client"
            rf"|grandmother|grandfather|granny|grandad|gran|nan)[ \t]+(?:of|aged)[ \t]+(?P<age>{_AGE})\b(?![.,]\d)"
        ),
        CONFIDENT,
    ),
    # "At 95, she …", "At ninety-one he found …"; "…; at ninety-two she is among the oldest …"
    (re.compile(rf"\bAt[ \t]+(?P<age>{_AGE}),?[ \t]+(?:{_PERSON_WORDS})\b"), CONFIDENT),
    (
        _LOWER_AT_AGE := re.compile(
            rf"\bat[ \t]+(?P<age>{_AGE}),?[ \t]+(?:she|he)[ \t]+(?:is|was|still|lives|lived)\b"
        ),
        CONFIDENT,
    ),
    # An age after a date of birth: "(d.o.b. 23/01/1931, 93)", "DOB 2.4.1930, 94,", "DOB 1933-05-09 (92)",
    # "born 30/06/1929 — so 95 now", "geb. 29.02.1932, 93 J."
    (
        re.compile(
            rf"(?i)\b(?:d\.?o\.?b\.?|born|b\.|geb\.|geboren|née?|nacid[ao])[ \t]*:?[ \t]*"
            rf"(?:[\d./ -]{{6,10}}\d|{_WORDY_DOB})[ \t]*(?:[,;(]|[—–]|[ \t]-[ \t])[ \t]*"
            rf"(?:(?:so|now|i\.e\.|making[ \t]+(?:her|him|them))[ \t]+)?(?P<age>{_AGE})"
            r"[ \t]*(?:[,;)!]|$|(?:now|J\.|yrs?\b|years\b))"
        ),
        CONFIDENT,
    ),
    # "Mrs Hale, 97, found", "Client, 93, prefers", "(94)", "Dev Patel (93)", "Mr Venn, ninety-three, asked"
    (
        re.compile(
            # an initial's full stop too: "J.M., 93, former miner"
            rf"(?:(?:[A-Za-z)]|(?<=[A-Z])\.)[ \t]*,[ \t]*|(?:[A-Za-z]|(?<=[A-Z])\.)[ \t]*\([ \t]*)"
            rf"(?P<age>{_AGE_NUM})[ \t]*"
            r"(?:[!?]+[ \t]*)?(?:,|\)|[MF]\b)"
        ),
        CONFIDENT,
    ),
    (
        re.compile(rf"(?i)(?:[a-z)][ \t]*,[ \t]*|[a-z][ \t]*\([ \t]*)(?P<age>{_AGE_WORD})[ \t]*[!?]*[ \t]*[,)]"),
        CONFIDENT,
    ),
    # and at the sentence's end after a full name: "he's my grandad, Len Pashley, ninety-four."
    (
        _NAME_THEN_AGE_WORD := re.compile(
            rf"(?:[A-Z][a-z'’-]+[ \t]+[A-Z][a-z'’-]+)[ \t]*,[ \t]*(?P<age>(?i:{_AGE_WORD}))[ \t]*(?:\.(?:[ \t]|$)|$)"
        ),
        CONFIDENT,
    ),
    # "ninety-five years of age", "she have 96 years" (as non-native English has it), "92岁"
    (
        re.compile(
            rf"(?i)(?<![\d.])(?P<age>{_AGE})[- ]years[- ]of[- ]age\b"
            rf"|\b(?:have|has|had)[ \t]+(?P<age2>{_AGE_NUM})[ \t]+years\b(?![ \t]+(?:of|in|experience|ago))"
            rf"|(?<!\d)(?P<age3>{_AGE_NUM}|{_AGE_CJK})[ \t]?(?:岁|歲|歳|세|才)"
            # Japanese says a hundred without the one, "百歳"; not Chinese "百岁老人", centenarians
            r"|(?<![\d一二三四五六七八九十])(?P<age4>百(?:[一二三四五六七八九]|十[一二三四五六七八九]?)?)歳(?!以上|老人|者)"
        ),
        CONFIDENT,
    ),
    # Two people's ages after their names: "Precious and Patience Nkosi, 90 and 92, share a room"
    (re.compile(rf"[A-Za-z][ \t]*,[ \t]*(?P<age>{_AGE_NUM})(?=[ \t]+(?:and|&)[ \t]+\d{{2,3}}[ \t]*[,)])"), CONFIDENT),
    (
        _SECOND_OF_TWO_AGES := re.compile(
            rf"[A-Za-z][ \t]*,[ \t]*\d{{2,3}}[ \t]+(?:and|&)[ \t]+(?P<age>{_AGE_NUM})[ \t]*[,)]"
        ),
        CONFIDENT,
    ),
    # An age ending a bulleted line after a name: "- Oma Liesl, 95" in a genogram or a family list
    (re.compile(rf"(?m)^[ \t]*[-*•][ \t]*[A-Z][^\n,]{{0,40}},[ \t]*(?P<age>{_AGE_NUM})[ \t]*$"), CONFIDENT),
    # An age something happened at, after whose it is: "my nan had ECT at 94 and", "our client fell at 96."
    (
        re.compile(
            r"(?i)\b(?:my|our|her|his|their)[ \t]+(?:nan|nana|gran|granny|grandma|grandpa|grandad|grandmother"
            r"|grandfather|mum|mom|mother|dad|father|aunt|uncle|client|patient)\b[^.;!?\n]{0,80}?\bat[ \t]+"
            rf"(?P<age>{_AGE})(?=[ \t]*(?:[,.;!?)]|and\b|$))"
        ),
        CONFIDENT,
    ),
    # An age straight after "pt" in a note's shorthand: "pt 93, on donepezil", "pt 91; lives alone"
    (re.compile(rf"(?<![\w-])pt\.?[ \t]+(?P<age>{_AGE_NUM})(?=[ \t]*[,;])"), CONFIDENT),
    # A birthday to come: "Mr Venn, 100 next week, …", "she's 100 on 3 May"
    (
        re.compile(
            rf"(?i)(?:[a-z)][ \t]*,[ \t]*"
            rf"|\b(?:{_PERSON_WORDS})(?:['’]s|['’]ll[ \t]+be|[ \t]+(?:is|will[ \t]+be))[ \t]+)"
            rf"(?P<age>{_AGE})[ \t]+(?:next[ \t]+(?:week|month|year|{_WEEKDAY})|on[ \t]+{_BIRTHDAY_DATE})"
        ),
        CONFIDENT,
    ),
    # An age in another language: "91 Jahre", "93 ans", "95 años"
    (
        _OTHER_LANGUAGE_AGE := re.compile(
            rf"(?i)(?<![\d.])(?P<age>{_AGE_NUM}|{_AGE_OTHER_WORDS})[ \t]*{_YEARS_OTHER}(?:[ \t]+(?:alt|oud))?"
            r"(?=[ \t]*(?:[,;)–—।،-]|$|(?:के|की|का)(?!\w)))"
            # after a word that says whose age it is: "Yolanda Restrepo de 97 años tuvo …", "sie ist 93 Jahre alt"
            rf"|(?:(?-i:\b[A-Z][\w'’-]+)[ \t]+(?:de|di|von)|\b(?:tiene|tenía|tem|tinha|ha|ist|war|âgée?[ \t]+de"
            # "un anciano de noventa y seis años", "una signora di novantatré anni", "une dame de 94 ans"
            rf"|(?:anciano|anciana|abuelo|abuela|señora?|hombre|mujer|paciente|viud[oa]|homme|femme|patiente?|dame"
            rf"|monsieur|madame|signora?|uomo|donna|anzian[oa]|senhora?|idos[oa]|homem|mulher)[ \t]+(?:de|di|da)"
            rf"|ma|má|έχει|είναι|ήταν|hat|is|heeft|(?:il|elle)[ \t]+a"
            # "um homem de Viseu com noventa e dois anos", "pacjent miał 90 lat"
            rf"|com|con|avec|miał|miała|skończył|skończyła"
            # "Mormor er 93 år", "Dědovi je 94 let", "Mama ima 91 godinu", "Bunicul are 93 de ani", "Farfar fyller
            # 95 år"
            rf"|är|er|var|je|ima|imala|imao|are|avea|fyller|fyllde|fylte|fyldte|(?<=[^\W\d_][ \t])(?<![yY][ \t])a))"
            r"[ \t]+(?:de[ \t]+)?"
            rf"(?P<age2>{_AGE_NUM}|{_AGE_OTHER_WORDS})[ \t]*{_YEARS_OTHER}(?!\w)"
            # a birthday reached: "la abuela cumplió noventa y ocho el martes", "ha compiuto 96 anni"
            r"|\b(?:cumplió|cumple|cumplirá|cumplía|compie|compirà|compiuto)[ \t]+"
            rf"(?P<age3>{_AGE_NUM}|{_AGE_OTHER_WORDS})\b"
        ),
        CONFIDENT,
    ),
    # A word that makes the number before it an age and nothing else, whatever follows: "Dedem 92 yaşında.",
    # "Bà tôi 93 tuổi.", "A nagymamám 95 éves.", "Isoäiti on 94-vuotias.", "die 94-Jährige", "de 92-jarige",
    # "92-letnia", "94-летний", "92-åring", "92 år gammal", "۹۲ ساله", "95 वर्षीय", "৯৪ বছর বয়সী", "92살"
    (
        _AGE_WORD_AFTER := re.compile(
            rf"(?i)(?<![\d.,])(?P<age>{_AGE_NUM}|{_AGE_OTHER_WORDS})(?:[ \t]*|-)"
            r"(?:yaş(?:ında\w*|ına|ındaki)|tuổi|éves(?:en|ként)?|vuotia(?:s|ana|an)|[Jj]ährige[r]?|jarige"
            r"|letni[a]?|letn[ýáé]|let[ýáé]|летн(?:ий|яя|его|ей)|річн(?:ий|а|ого|ої)|godišnj(?:i|a|ak|akinja)"
            r"|årig|åring|år[ \t]+(?:gammal|gammel|gamle)|ساله|वर्षीय|বছর[ \t]+বয়সী"
            r"|anos[ \t]+de[ \t]+idade|años[ \t]+de[ \t]+edad|anni[ \t]+di[ \t]+età)(?!\w)"
            # Korean's particles join the counter: "92살이에요"
            r"|(?<![\d.,])(?P<age2>9\d|1[01]\d)[ \t]?살(?!림|아|았|고|던|면)"
        ),
        CONFIDENT,
    ),
    # A word for someone's age before it: "en edad de 93", "im Alter von 94 Jahren", "w wieku 93 lat",
    # "в возрасте 94 лет", "berusia 93 tahun", "umur 95", "عمرها 94 سنة", "في سن 96", "বয়স ৯৪", "아흔두 살"
    (
        _AGE_WORD_BEFORE := re.compile(
            # a form's label: "Edad: 93", "Возраст: 95", "Alter: 94"
            r"(?i)(?:\b(?:(?:edad|idade|età|âge|alter|leeftijd|wiek|возраст|вік|věk|vek|ålder|alder|ikä|életkor|yaş"
            r"|tuổi|ηλικία)(?=[ \t]{0,3}:)"
            r"|(?<=,[ \t])lat(?=[ \t]+(?:\d{2,3}|dziewięćdziesiąt(?:[ \t]+\w+)?|sto)[ \t]*[,;)])"
            r"|edad[ \t]+de|idade[ \t]+de|età[ \t]+di|âge[ \t]+de"
            r"|Alter[ \t]+von|leeftijd[ \t]+van|wieku"
            r"|возрасте|віці|berusia|berumur|umur|usia|ålder[ \t]+av|alder[ \t]+av|ηλικία(?:[ \t]+των)?"
            r"|vârsta[ \t]+de|vârstă[ \t]+de)|(?<![\w])(?:عمره|عمرها|عمري|عمرى|بعمر|بسن|في[ \t]+سن|من[ \t]+العمر"
            rf"|বয়স|سنش|سنّ))[ \t]{{0,3}}:?[ \t]{{0,3}}(?P<age>{_AGE_NUM}|{_AGE_OTHER_WORDS})(?![\d.,]\d|[ \t]*%)"
            # not days, months, weeks or a share: "Usia 90 hari setelah operasi", "idade de 90 dias", "umur 95 persen"
            r"(?![ \t]*(?:hari|minggu|bulan|persen|dias|días|jours|giorni|Tage|dagen|dni|дней|днів|days|weeks|months"
            r"|semanas|meses|mois|mesi|Monate|maanden|miesięcy|месяцев|місяців|por[ \t]*cento|por[ \t]*ciento"
            r"|pour[ \t]*cent|Prozent|procent|kg|mg|ml)\b)"
            r"|(?<![\w])(?P<age2>아흔(?:한|두|세|네|다섯|여섯|일곱|여덟|아홉)?|백)[ \t]?살"
        ),
        CONFIDENT,
    ),
    # "in her 100th year", "in his ninety-third year"; ", then 97, …"; "ist … hundert geworden"
    (
        _YEAR_THEN_OR_REACHED := re.compile(
            rf"(?i)\bin[ \t]+(?:his|her|their|my)[ \t]+(?P<age>(?:9\d|1[01]\d)(?:st|nd|rd|th)|{_AGE_ORDINAL_WORD})"
            r"[ \t]+year\b"
            rf"|,[ \t]*then[ \t]+(?P<age2>{_AGE})[ \t]*[,)]"
            rf"|\b(?P<age3>{_AGE_NUM}|{_AGE_OTHER_WORDS})[ \t]+(?:Jahre[ \t]+(?:alt[ \t]+)?|jaar[ \t]+(?:oud[ \t]+)?)?"
            r"geworden\b"
        ),
        CONFIDENT,
    ),
    # An age after Hindi's word for it: "मेरे पिता हरि प्रसाद, उम्र 92, लखनऊ में रहते हैं"
    (re.compile(rf"(?:उम्र|आयु)[ \t]*[:：-]?[ \t]*(?P<age>{_AGE_NUM})(?!\d)"), CONFIDENT),
    # An age said as Swahili, Thai, Hebrew and Tagalog say it: "umri miaka 96", "ana miaka tisini na tano",
    # "อายุ 95 ปี", "סבתי בת תשעים ושש", "Ang lola ko ay siyamnapu't isa na"
    (
        re.compile(
            rf"\bumri[ \t]+(?:wa[ \t]+)?(?P<age>(?:miaka[ \t]+)?{_AGE_NUM})(?!\d)"
            rf"|อายุ[ \t]*(?P<age2>{_AGE_NUM})[ \t]*(?:ปี|ขวบ)"
            rf"|(?:\bmiaka|(?<![א-ת])(?:בן|בת)|\bay)[ \t]+(?P<age3>{_AGE_NUM}|{_AGE_OTHER_WORDS})(?![\w.,]\d|[ \t]*%)"
        ),
        CONFIDENT,
    ),
    # A number word of another language standing for an age, after "is" or after a name: "Mijn vader is
    # zesennegentig en …", "Henk Bosschaert, negentig, …"; not a share or an amount ("negentig procent")
    (
        _OTHER_NUMBER_WORD_AGE := re.compile(
            r"(?i)(?:\b(?:is|ist|est|es|è|é|era|war|was|wordt|wird|είναι)[ \t]+(?:nu[ \t]+|jetzt[ \t]+|già[ \t]+"
            rf"|ya[ \t]+)?|[a-zà-ÿ)][ \t]*,[ \t]*)(?P<age>{_AGE_OTHER_WORDS})(?![\w'’-])"
            r"(?![ \t]*(?:%|procent|percent|prozent|pour|por|per|minut|kilo|euro|€|dag|tag|jour|día|dia|giorn|keer"
            r"|mal\b|fois|vez|volt|meter|mètre|metro|punt|punkt|point|mg|ml|kg|cm|jaar|jahr|ans|años|anni|anos))"
        ),
        CONFIDENT,
    ),
    (
        _DECADES := re.compile(
            r"(?i)\bin[ \t]+(?:his|her|their|my)[ \t]+(?P<age>(?:early[ \t]+|mid[- ]|late[ \t]+)?(?:nineties"
            r"|90s|90['’]s|hundreds))\b"
            r"|\b(?:(?:she|he|client|patient)[ \t]+(?:is|was)[ \t]+|now[ \t]+)(?:a[ \t]+)?"
            r"(?P<age2>nonagenarian|centenarian)\b(?![ \t]+(?:cohort|population|sample|group|stud))"
            r"|\b(?P<age3>(?:early|mid|late)[- ](?:nineties|90s))\b"
        ),
        BORDERLINE,
    ),  # fmt: skip
]


_NUMBER_WORD_BEFORE = re.compile(r"(?i)\b(?:\w+ty|\w+teen|ten|eleven|twelve|hundred|thousand)[ \t]*[,(][ \t]*$")


# A decade of life said of a population, not of someone: "people in their 90s", "those in their late nineties",
# "centenarians and adults in their mid-90s". Not "my nan, in her nineties", nor "my client … in their late 90s".
_POPULATION_NOUN = re.compile(
    r"(?i)\b(?:people|persons|adults|participants|patients|residents|individuals|those|women|men|centenarians"
    r"|nonagenarians|elders|seniors|cohorts?|samples?|respondents|subjects|populations?|groups|veterans|survivors"
    r"|inpatients|outpatients|clients|users|drivers|twins)\b"
)
_ONE_PERSON = re.compile(
    r"(?i)\b(?:he|she|him|his|her|hers|my|our|mum|mom|dad|mother|father|nan|nana|gran|granny|grandma|grandpa"
    r"|grandmother|grandfather|client|patient|pt|resident|husband|wife|aunt|uncle|neighbou?r|friend|mr|mrs|ms|miss"
    r"|widow|widower|gentleman|lady|man|woman)\b"
)


def _population_decade(text: str, start: int) -> bool:
    lo, hi = sentence_bounds(text, start)
    return bool(_POPULATION_NOUN.search(text, lo, hi)) and not _ONE_PERSON.search(text, lo, hi)


# What, not who, is as old or as many as a number in another language: "el hospital tiene noventa años", "das
# Verfahren ist hundert Jahre alt", "het aantal deelnemers was negentig".
_THING_SUBJECT = re.compile(
    r"(?i)\b(?:hospital|ziekenhuis|krankenhaus|klinik|kliniek|clinic|clínica|clinica|clinique|h[ôo]pital|ospedale"
    r"|instituto?|institut|istituto|universi\w+|escuela|école|schule|school|scuola|ley|loi|gesetz|wet|legge|lei"
    r"|revista|journal|zeitschrift|tijdschrift|rivista|empresa|firma|bedrijf|asociación|association|verein|vereniging"
    r"|associazione|associação|método|methode|méthode|metodo|verfahren|test|escala|skala|schaal|scala|échelle"
    r"|aantal|anzahl|número|numero|nombre|number|total|totaal|gesamt|muestra|sample|stichprobe|steekproef|campione"
    r"|amostra|échantillon|participantes|deelnemers|teilnehmer|partecipanti|participants|pacientes|patiënten"
    r"|patienten|pazienti|casos|cases|fälle|gevallen|casi|edificio|gebouw|gebäude|building|edificio|bâtiment"
    r"|organizaci[óo]n|organisation|organisatie|organizzazione|país|pays|land|paese|ciudad|ville|stadt|stad|città"
    r"|guía|guide|leitlinie|richtlijn|linee|directriz|recommandation)\b"
)


_MY_OR_OUR = re.compile(
    r"(?i)(?<![\w'’-])(?:my|our|mi|mis|mijn|onze|mein\w{0,2}|unser\w{0,2}|ma|mon|mes|notre|nos|mia|mio|mie|miei"
    r"|nostr[aeio]|minha|meu|nossa|nosso|moja|mój|moje|nasz\w{0,2}|μου)(?![\w'’-])"
)


def _thing_is_that_old(text: str, start: int) -> bool:
    """A thing or a count before the age in its clause, and no one's "my" or "our" there."""
    lo = max(text.rfind(c, 0, start) for c in ".;!?\n") + 1
    return _THING_SUBJECT.search(text, lo, start) is not None and _MY_OR_OUR.search(text, lo, start) is None


_OTHER_LANGUAGE_PATTERNS = (
    _OTHER_LANGUAGE_AGE,
    _OTHER_NUMBER_WORD_AGE,
    _YEAR_THEN_OR_REACHED,
    _AGE_WORD_AFTER,
    _AGE_WORD_BEFORE,
)
# A span of time, not an age: "il y a 95 ans", "hace 95 años", "durante 90 años", "seit 95 Jahren", "90 lat temu",
# "95 anni fa", "90 jaar geleden", "för 95 år sedan", "95 yıl önce", "cách đây 95 năm"
_SPAN_BEFORE = re.compile(
    r"(?i)(?:\b(?:il[ \t]+y[ \t]+a|y[ \t]+a|hace|hacía|há|havia|durante|pendant|depuis|desde|seit|vor|für|per|da|dopo"
    r"|após|después[ \t]+de|après|po|przez|od|za|через|за|през|i|in|en|em|för|for|dans|entre|within|cách[ \t]+đây"
    r"|sau|trong)[ \t]*$)"
)
_SPAN_AFTER = re.compile(
    rf"(?i)[ \t]*(?:(?:{_ANY_YEARS_WORD})[ \t]*)?"
    r"(?:fa|geleden|temu|назад|тому|önce|trước|sedan|siden|sitten|ezelőtt|ago|atrás|antes|después"
    r"|gammalt|gammelt|tradici\w*|tradition\w*|povijesti|historie|historii"
    r"|plus[ \t]+tard|später|later|dopo|depois|más[ \t]+tarde|de[ \t]+(?:historia|história|storia|existencia"
    r"|existência|seguimento|seguimiento|duración|duração)|d['’](?:histoire|existence)|lang|long|durante)(?!\w)"
)


def _time_ago_or_span(text: str, start: int, end: int) -> bool:
    return bool(_SPAN_BEFORE.search(text, max(0, start - 16), start) or _SPAN_AFTER.match(text, end))


def find_ages(text: str):
    for pattern, confidence in _AGE_PATTERNS:
        for m in pattern.finditer(text):
            group = next(g for g in ("age", "age2", "age3", "age4") if g in pattern.groupindex and m.group(g))
            start, end = m.start(group), m.end(group)
            if pattern is _AGE_WORD_AFTER:
                end = m.end()  # "91-річна", "94-vuotias": the word that makes it an age is part of what tells it
            if pattern in _OTHER_LANGUAGE_PATTERNS and _thing_is_that_old(text, start):
                continue
            if pattern in _OTHER_LANGUAGE_PATTERNS and _time_ago_or_span(text, start, end):
                continue  # "Il y a 95 ans, …", "hace 95 años", "90 lat temu": a span of time, nobody's age
            if pattern is _YEAR_THEN_OR_REACHED and group == "age2" and _population_decade(text, start):
                continue  # "the cohort, then 95, …"
            if pattern is _DECADES and group != "age2" and _population_decade(text, start):
                continue
            if _POPULATION_AFTER.match(text[end : end + 24]):
                continue
            if pattern is not _SECOND_OF_TWO_AGES and _POPULATION_BEFORE.search(text[max(0, start - 24) : start]):
                continue  # the "and" of two people's ages is no range
            if text[start:end] in ("111", "112", "113", "116") and is_public_number(text, start, end):
                continue
            if text[start].isalpha() and _NUMBER_WORD_BEFORE.search(text, max(0, start - 16), start):
                continue  # "seventy, eighty, ninety, a hundred": counting, not an age
            if _public_figure_before(text, start):
                continue  # "Aaron Beck died aged 100": a known author's age, not a person in care's
            if pattern in (_LOWER_AT_AGE, _NAME_THEN_AGE_WORD) and not _OWN_PERSON_BEFORE.search(
                text, max(0, start - 200), start
            ):
                continue  # "Piaget …; at 90 he was still writing", "Control Group, ninety.": no one in care
            if _STATISTIC_AFTER.match(text, end, end + 8) and _STATISTIC_BEFORE.search(text, max(0, start - 8), start):
                continue  # "r(98) = .31", "F(2, 94) = 3.1": degrees of freedom
            start, end = _with_age_wording(text, start, end)
            yield "age_over_89", start, end, confidence, "age over 89"


# The words that make a number an age belong to its finding ("aged 95 years", "95 years old", "a 93-year-old",
# "96 y/o"): the finding is the whole phrase that discloses the age, not only its digits.
_AGE_WORDING_BEFORE = re.compile(r"(?i)\b(?:aged|age(?:[ \t]+of)?)[ \t]*:?[ \t]*$")
_AGE_WORDING_AFTER = re.compile(
    r"(?i)[ \t]*-?[ \t]*(?:y(?:ea)?rs?|y\.?o\.?|y/o)(?:[ \t-]*(?:old|of[ \t]+age))?(?![\w/])"
    rf"|[ \t]+{_YEARS_OTHER}(?![\w/])"
)


def _with_age_wording(text: str, start: int, end: int) -> tuple[int, int]:
    before = _AGE_WORDING_BEFORE.search(text, max(0, start - 12), start)
    after = _AGE_WORDING_AFTER.match(text, end, end + 24)
    return (before.start() if before else start), (after.end() if after else end)


# Someone in care or their birth, before the age: "my grandad, Len …", "Her date of birth is …; at ninety-two …".
_OWN_PERSON_BEFORE = re.compile(
    r"(?i)\b(?:(?:my|our)[ \t]+(?:late[ \t]+)?(?:client|patient|mum|mom|mother|dad|father|nan|nana|gran|granny"
    r"|grandma|grandpa|grandad|grandmother|grandfather|aunt|uncle|husband|wife|partner|neighbou?r)"
    r"|date[ \t]+of[ \t]+birth|dob|born)\b"
)
_STATISTIC_AFTER = re.compile(r"[ \t]*\)[ \t]*[=<>≤≥]")
_STATISTIC_BEFORE = re.compile(r"(?<!\w)[A-Za-zχ][²2]?\((?:\d{1,4},[ \t]*)?$")


_CAPITALISED = re.compile(r"(?<![\w'’-])[A-Z][a-z'’-]{1,30}")
_CARE_WORDS = re.compile(
    r"(?i)\b(?:my|our|client|patient|pt|mum|mom|mother|dad|father|nan|nana|gran|granny|grandma|grandpa|grandad|aunt"
    r"|uncle|husband|wife|partner|neighbou?r|resident|service[ \t]+user|mr|mrs|ms|miss)\b"
)


def _public_figure_before(text: str, start: int) -> bool:
    """A known author or public figure named just before an age, in a clause about no one in care."""
    window = text[max(0, start - 60) : start]
    cut = max(window.rfind(". "), window.rfind("\n"), window.rfind(";"))
    window = window[cut + 1 :]
    sentence = text[max(0, start - 240) : start]
    cut = max(sentence.rfind(". "), sentence.rfind("\n"), sentence.rfind(";"))
    if _CARE_WORDS.search(sentence, cut + 1):
        return False  # "my late father, Albert Ng, who lived … Hamilton and died on …": a father, not an author
    authors = known_authors()
    return any(_key(m.group()) in authors for m in _CAPITALISED.finditer(window))


def _key(word: str) -> str:
    word = word.replace("’", "'")
    return (word[:-2] if word.endswith("'s") else word).lower()


# A day and month listed right after a person's name: "K.O., 14/06, Kumasi".
# After a comma, or a spaced dash as a line of details sets them apart: "Maggie (90) — Dunedin — 1/5".
_DAY_MONTH_LISTED = re.compile(
    r"\)?[ \t]*(?:,|[ \t][—–-])[ \t]*(?P<a>\d{1,2})[/.](?P<b>\d{1,2})(?![/.]?\d)(?=[ \t]*[,;)]|[ \t]+[-–—]|[ \t]*$)"
)


def find_dates_beside(text: str, names: list[tuple[int, int]]):
    """A day and month written right after a person's name, as a list of their details (held)."""
    for _, end in names:
        m = _DAY_MONTH_LISTED.match(text, end, min(len(text), end + 12))
        if m and (
            _valid_day_month(int(m.group("a")), int(m.group("b")))
            or _valid_day_month(int(m.group("b")), int(m.group("a")))
        ):
            yield "date", m.start("a"), m.end("b"), BORDERLINE, "day and month listed with a name"


# An age right after a person's name in a list or handover line, or ending a sentence about them: "Ellis, Joy 93
# – settled", "O'NEILL, Bridget – 90,", "for my mother Rosemary Quint, 93."
_AGE_LISTED = re.compile(
    rf"[ \t]*(?:[–—,-][ \t]*)?(?P<age>{_AGE_NUM})(?=[ \t]*(?:[–—|,;)]|-[ \t]|\t|\n|$)|\.(?:[ \t]|\n|$))"
)


def find_ages_beside(text: str, names: list[tuple[int, int]]):
    """An age over 89 written right after a person's name, as a list of their details (confident)."""
    for _, end in names:
        m = _AGE_LISTED.match(text, end, min(len(text), end + 12))
        if m:
            yield "age_over_89", m.start("age"), m.end("age"), CONFIDENT, "age over 89 listed with a name"
