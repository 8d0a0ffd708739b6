"""Email addresses, phone and fax numbers, IP addresses and personal URLs."""

from __future__ import annotations

import ipaddress
import re

import phonenumbers

from ..citations import (
    PLATFORM_HOSTS,
    URL,
    host_in,
    is_public_number,
    is_vanity_number,
    trim_url,
    url_is_publication,
)
from ..findings import BORDERLINE, CONFIDENT
from ..lexicons import safe_words
from .numbers import SSN_DASHED, date_shape

# Numbers without a "+" are tried as national numbers of these regions: NANP ones when they have 10 digits (or
# 11 with a leading 1), the others when they start with their trunk prefix 0.
PHONE_REGIONS = ("US", "GB", "CA", "AU", "IE", "NZ")
_NANP_REGIONS = tuple(r for r in PHONE_REGIONS if r in {"US", "CA"})
_TRUNK_ZERO_REGIONS = tuple(r for r in PHONE_REGIONS if r not in _NANP_REGIONS)


# ---------------------------------------------------------------- email

_EMAIL = re.compile(
    r"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@(?:[A-Za-z0-9-]{1,63}\.){1,8}[A-Za-z]{2,24}(?![A-Za-z0-9_])"
)
_TLD = r"(?:com|org|net|edu|gov|co|uk|au|nz|ie|ca|io|info|me|us|de|fr|in|br|no|example)"
# Spelled-out addresses ("maria dot lopez at example dot org", "ngozi[at]example[dot]org"): each "at" marker
# is found first, then a bounded look either side, so the cost stays linear whatever the text.
_AT_MARKER = re.compile(
    r"[ \t]{1,3}(?:at|AT)[ \t]{1,3}|[ \t]{0,3}(?:\[at\]|\(at\)|\{at\}|<at>)[ \t]{0,3}",
)
_DOT = r"(?:[ \t]{0,3}(?:\[dot\]|\(dot\)|\{dot\}|<dot>)[ \t]{0,3}|[ \t]{1,3}(?:dot|DOT)[ \t]{1,3}|\.)"
_LOCAL_BEFORE = re.compile(r"(?:[A-Za-z0-9_-]{1,40}" + _DOT + r"){0,3}[A-Za-z0-9_-]{1,40}$")
_DOMAIN_AFTER = re.compile(r"^[A-Za-z0-9-]{1,40}(?:" + _DOT + r"[A-Za-z0-9-]{1,40}){0,3}" + _DOT + _TLD + r"\b", re.I)


def find_emails(text: str, citation: bool, words: set[str]):
    confidence = BORDERLINE if citation else CONFIDENT
    if "@" in text:
        for m in _EMAIL.finditer(text):
            yield "email", m.start(), m.end(), confidence, "email address"
    if not ({"at", "dot"} & words or "[at]" in text or "(at)" in text or "{at}" in text):
        return
    for m in _AT_MARKER.finditer(text):
        domain = _DOMAIN_AFTER.match(text[m.end() : m.end() + 200])
        if not domain:
            continue
        if "." not in domain.group() and not re.search(r"(?i)dot", domain.group()):
            continue
        spoken = m.group().strip().lower() == "at"
        local = _LOCAL_BEFORE.search(text[max(0, m.start() - 160) : m.start()])
        if not local:
            continue
        value_start = m.start() - len(local.group())
        if spoken and not (
            re.search(r"(?i)dot|\[|\(", text[value_start : m.end() + domain.end()]) or m.group().strip() == "AT"
        ):
            continue  # "at example.org" in prose: a website, not an address
        yield "email", value_start, m.end() + domain.end(), BORDERLINE, "spelled-out email address"


# ---------------------------------------------------------------- IP addresses

_IPV4 = re.compile(r"(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?!\w|\.\d)")
_IPV6 = re.compile(r"(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![\w:])")
_NOT_IP_BEFORE = re.compile(r"(?i)(?:version|ver\.|v|§|section|chapter|table|figure|fig\.|item|step)\s*$")


_VERSION_NEARBY = re.compile(r"(?i)\b(?:version|release|package|library|software|update|v\d|build|patch)\w*")
_CIDR_AFTER = re.compile(r"/(?:[0-9]|[12][0-9]|3[0-2])(?!\d)")
# A clinic's own range ("Our clinic's IP range 198.51.100.0/24") is as identifying as one address; a range named as
# set aside for documentation, before or after it, is nobody's.
_RESERVED_RANGE_BEFORE = re.compile(r"(?i)\b(?:documentation|example|reserved|test-net|rfc[ \t]?\d{3,4})\b")


def find_ips(text: str):
    for m in _IPV4.finditer(text):
        try:
            addr = ipaddress.IPv4Address(m.group())
        except ValueError:
            continue
        if addr.is_loopback or addr.is_unspecified or m.group().startswith("255."):
            continue
        if _NOT_IP_BEFORE.search(text[max(0, m.start() - 12) : m.start()]):
            continue
        labelled = re.search(r"(?i)\bip\b", text[max(0, m.start() - 16) : m.start()])
        if (
            not labelled
            and all(len(part) == 1 for part in m.group().split("."))
            and _VERSION_NEARBY.search(text, max(0, m.start() - 80), min(len(text), m.end() + 40))
        ):
            continue  # "metafor 4.4-0, not 4.4.0.4": a release in four single digits, among versions
        cidr = _CIDR_AFTER.match(text, m.end())
        if cidr and _RESERVED_RANGE_BEFORE.search(text, max(0, m.start() - 40), min(len(text), cidr.end() + 60)):
            continue  # "the documentation range 192.0.2.0/24", "192.0.2.0/24 is TEST-NET-1": set aside for examples
        yield "ip", m.start(), m.end(), CONFIDENT, "IPv4 address"
    for m in _IPV6.finditer(text) if text.count(":") >= 2 else ():
        value = m.group()
        if len([g for g in value.split(":") if g]) < 3:
            continue
        try:
            addr = ipaddress.IPv6Address(value)
        except ValueError:
            continue
        if addr.is_loopback or addr.is_unspecified:
            continue
        yield "ip", m.start(), m.end(), CONFIDENT, "IPv6 address"


# ---------------------------------------------------------------- phone and fax numbers

_PHONE_LABEL = re.compile(
    r"(?i)\b(?:phone|phoned|telephone|tel|mobile|mob|cell|cellphone|fax|faxed|landline|call(?:ed)?|calls|ring|rang"
    r"|text(?:ed)?|voicemail|whatsapp|signal|contact(?:ed)?|dial(?:led)?|reach(?:ed)?|number|no|ph|ext|extension"
    r"|on|at)\b[\s:.#/]{0,4}(?:(?:is|was|me|her|him|them|us|back|on|at|to|from)\b[\s:.]{0,3}){0,3}$"
)
_STRONG_PHONE_LABEL = re.compile(
    r"(?i)\b(?:phone|phoned|telephone|tel|mobile|mob|cell|cellphone|fax|faxed|landline|call(?:ed)?|ring|rang|text(?:ed)?"
    r"|whatsapp|dial|reached|number|ph|f|t|m|h|w)\b[\s:.#/]{0,4}(?:(?:is|was|me|her|him|them|us|back|on|at|to|from)\b"
    r"[\s:.]{0,3}){0,3}$"
)
# Shapes that are written as phone numbers whether or not the number exists: "(199) 555-0134", "555-0187",
# "+44 20 7946 0958", "07700 900 412", "737/833-3381".
_PHONE_SHAPES = re.compile(
    r"(?<![\w+/.,:-])(?:"
    r"(?:\+?1[ .-]?)?\(\d{3}\)[ .-]?\d{3}[ .-]?\d{4}"
    r"|(?:\+?1[ .-])?\d{3}[ ./-]\d{3}[ .-]\d{4}"
    r"|\+\d{1,3}(?:[ .-]?\(0\))?(?:[ .-]?\(?\d{1,5}\)?){2,5}"
    r"|0\d{1,4}[ -]\d{3,4}[ -]?\d{3,4}"
    r"|\(0\d{1,4}\)[ -]?\d{3,4}[ -]?\d{3,4}"
    r"|\d{3}[ -]\d{4}"
    r")(?![\w-]|[./]\d)"
)
_SHORT_SHAPE = re.compile(r"\d{3}[ -]\d{4}")
_NUMBER_WORD = re.compile(
    r"(?i)\b(?:number|phone|phoned|call|calls|called|ring|rang|text|texted|fax|faxed|faxing|mobile|cell|landline"
    r"|extension|ext|dial|dialled|dialed)\b"
)


def parse_phone(value: str):
    digits = re.sub(r"\D", "", value)
    tries: list[str | None] = []
    if value.lstrip().startswith("+"):
        tries = [None]
    elif digits.startswith("0"):
        tries = list(_TRUNK_ZERO_REGIONS)
    elif (len(digits) == 11 and digits.startswith("1")) or len(digits) == 10:
        tries = list(_NANP_REGIONS)
    for region in tries:
        try:
            number = phonenumbers.parse(value, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            return number
    return None


# Stretches of digits and separators that could be a phone number; PhoneNumberMatcher then reads each one.
# Chinese, Japanese and Korean write a number straight after its label ("电话138 5555 0921"): their letters do not
# join a number as a Latin letter would.
_DIGIT_STRETCH = re.compile(
    r"(?<![\w+](?<![\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]))"
    r"\+?\(?\d{1,5}\)?(?:[ .\-/]{1,2}\(?\d{1,6}\)?){0,6}(?:[ \t]*(?:ext\.?|x)[ \t]*\d{1,5})?"
)
# Every phone format has a group of three digits or more; "1 1 1 1 1" or "12-12-12" is not worth parsing.
_PHONE_GROUP = re.compile(r"\d{3}")
_MAX_STRETCHES = 60  # per segment: beyond this a text is a table of numbers, read by shape alone


def _phone_candidates(text: str):
    """(start, end, valid) for each number PhoneNumberMatcher finds in any region, and each phone-shaped number.

    The matcher runs only over short stretches of digits, so its cost does not grow with runs of separators.
    """
    found: dict[tuple[int, int], bool] = {}
    stretches = 0
    for stretch in _DIGIT_STRETCH.finditer(text):
        value = stretch.group()
        if len(value) < 5:
            continue  # fewer than five digits
        digits = sum(c.isdigit() for c in value)
        if not 5 <= digits <= 17 or value.count("/") > 1 or not _PHONE_GROUP.search(value):
            continue
        stretches += 1
        if stretches > _MAX_STRETCHES:
            break
        window_start = max(0, stretch.start() - 1)
        window = text[window_start : stretch.end() + 1]
        first = value.lstrip("(")
        regions = ("US",) if first.startswith("+") else _TRUNK_ZERO_REGIONS if first.startswith("0") else _NANP_REGIONS
        for region in regions:
            for match in phonenumbers.PhoneNumberMatcher(window, region, leniency=phonenumbers.Leniency.POSSIBLE):
                span = (window_start + match.start, window_start + match.end)
                found[span] = found.get(span, False) or parse_phone(match.raw_string) is not None
    for m in _PHONE_SHAPES.finditer(text):
        span = (m.start(), m.end())
        if not any(s <= span[0] and span[1] <= e for s, e in found):
            found[span] = parse_phone(m.group()) is not None
    return found


_EXTENSION = re.compile(r"[ \t]*(?:ext\.?|x)[ \t]*\d{1,5}$", re.I)
_SPELLED_TAIL = re.compile(r"[- ]?[A-Z][A-Z0-9]{2,3}(?![\w-])")


def find_phones(text: str):
    for (start, end), valid in sorted(_phone_candidates(text).items()):
        value = text[start:end]
        extension = _EXTENSION.search(value)
        if extension:  # "(604) 555-0148 ext 22": the number is judged without its extension
            value, end = value[: extension.start()], start + extension.start()
        while value and value[-1] in ".-( ":
            value, end = value[:-1], end - 1
        digits = re.sub(r"\D", "", value)
        if not 7 <= len(digits) <= 15 and not (len(digits) >= 5 and value.startswith("+")):
            continue
        if SSN_DASHED.fullmatch(value) or date_shape(value) or re.fullmatch(r"\d{5}-\d{4}", value):
            continue
        if re.fullmatch(r"\d{1,4}(?:\.\d{1,4}){1,3}", value) and not re.fullmatch(r"\d{3}\.\d{3}\.\d{4}", value):
            continue  # a decimal or a version, not 617.555.0123
        if is_public_number(text, start, end):
            continue
        spelled = _SPELLED_TAIL.match(text, end)
        if spelled and is_vanity_number(value + spelled.group()):
            continue  # "1-800-273-TALK": a service's toll-free number spelled as a word
        before = text[max(0, start - 40) : start]
        labelled = bool(_PHONE_LABEL.search(before))
        if _SHORT_SHAPE.fullmatch(value):
            shaped = labelled or value.startswith("555") or bool(_NUMBER_WORD.search(before))
        else:
            shaped = bool(_PHONE_SHAPES.fullmatch(value))
        separated = bool(re.search(r"[\s().-]", value)) or value.startswith("+")
        if valid and (separated or labelled or digits.startswith("0")):
            number = parse_phone(value)
            region = phonenumbers.region_code_for_number(number) if number else None
            yield "phone", start, end, CONFIDENT, f"valid phone number ({region or 'international'})"
        elif shaped:
            confidence = CONFIDENT if _STRONG_PHONE_LABEL.search(before) and len(digits) >= 10 else BORDERLINE
            yield "phone", start, end, confidence, "written as a phone number"
        elif labelled and _STRONG_PHONE_LABEL.search(before) and len(digits) >= 7:
            yield "phone", start, end, BORDERLINE, "labelled number that does not validate"


# ---------------------------------------------------------------- personal URLs


# Personal pages on blogging platforms written without a scheme or path: "rosa.substack.com".
_PLATFORM_SUBDOMAIN = re.compile(
    r"(?<![\w@./-])[a-z0-9][a-z0-9-]{1,62}\.(?:substack|wordpress|blogspot|tumblr|medium|wixsite|weebly|squarespace"
    r"|carrd|linktr|github|gitlab|neocities|ghost|mystrikingly|webnode|jimdosite)\.(?:com|io|co|ee|site|org)\b",
    re.I,
)
# Social handles: "@rosa_heals", not part of an email address and not a citation's "[@self_compassion]".
_HANDLE = re.compile(r"(?<![\w@.\[])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{1,28}[A-Za-z0-9_])?(?![\w@]|\.[A-Za-z]{2})")

_ORG_HANDLE = re.compile(r"@[A-Z]{2,}[A-Za-z]*$")
# A wiki's user page, as an edit history names an editor: "User:QuietHarbour42".
_WIKI_USER = re.compile(r"(?<![\w/])User:[A-Za-z0-9][\w.-]{1,38}(?<![.-])")

# A username after the platform it belongs to, without an at sign: "her snapchat is kayla_b_2009", "insta:
# rosie.runs". Only lower-case words: "on Instagram Live" is no username.
_PLATFORM_USERNAME = re.compile(
    r"(?i:\b(?:instagram|insta|ig|tiktok|tik[ \t]+tok|twitter|snapchat|snap|discord|telegram|threads|bluesky|twitch"
    r"|kik|reddit|tumblr|facebook|fb|linkedin|youtube|yt|steam|xbox|psn|gamertag|whatsapp[ \t]+name|wechat|weixin"
    r"|line(?=[ \t]+id)|viber|vk|kakaotalk|kakao)\b)"
    r"(?:[ \t]+(?P<label>(?i:handle|username|user[ \t]?name|name|account|acct|id|tag|channel)))?"
    r"(?:[ \t]+(?:is|was))?[ \t]*[:=-]?"
    r"[ \t]*['‘\"“]?(?P<user>(?=[a-z0-9_.]*[a-z])[a-z0-9_.]{3,30}[a-z0-9_])(?![\w@/-]|\.[a-z])"
)
PLATFORM_WORDS = frozenset(
    """instagram insta ig tiktok tik twitter snapchat snap discord telegram threads bluesky twitch kik reddit tumblr
    facebook fb linkedin youtube yt steam xbox psn gamertag whatsapp wechat weixin line viber vk kakaotalk
    kakao""".split()
)
# A username after a word that says it is one, on any site or system: "username wren_k88", "her login on the
# portal is jdoyle_7", "from his account sam.bikes". It must carry a digit, an underscore or a dot between letters,
# so "account number" or "login details" is no username.
_ACCOUNT_USERNAME = re.compile(
    r"(?i:\b(?:username|user[ \t]?name|login|log-?in|handle|screen[ \t]?name|gamertag|alias|account)s?\b)"
    r"(?:[ \t]+(?:on|for|to|at)[ \t]+(?:the[ \t]+|his[ \t]+|her[ \t]+|their[ \t]+|my[ \t]+)?[A-Za-z-]{2,20}"
    r"(?:[ \t]+[A-Za-z-]{2,20})?)?(?:[ \t]+(?:is|was))?[ \t]*[:=-]?[ \t]*['‘\"“]?"
    r"(?<![\w.])(?P<user>[a-z0-9][a-z0-9_.]{2,30}[a-z0-9_])(?![\w@/-]|\.[a-z])"
)
_USERNAME_SHAPE = re.compile(r"(?=.*[a-z])(?:.*[_\d]|.*[a-z0-9]\.[a-z0-9])")
ACCOUNT_WORDS = frozenset({"username", "user", "login", "log", "handle", "screen", "screenname", "gamertag", "alias",
                            "account", "accounts", "usernames", "logins", "handles"})  # fmt: skip
# A Discord tag: "moth#4521", read where the text names Discord.
_DISCORD_TAG = re.compile(r"(?<![\w#@/.-])[A-Za-z][\w.]{1,30}#\d{4}(?![\w-])")
# A Reddit user ("u/throwaway_ocd_mum"); a subreddit ("r/OCD") is a public forum and is left alone.
_REDDIT_USER = re.compile(r"(?<![\w/.])/?u/[A-Za-z0-9_-]{3,20}(?![\w/-])")
# Payment addresses after their label: UPI ids have no dot after the at sign ("ravi.iyer@okexample").
_PAYMENT_HANDLE = re.compile(
    r"(?i:\b(?:upi|vpa|gpay|google[ \t]+pay|phonepe|paytm|bhim|venmo|cash[ \t]?app|paypal\.me|zelle)\b"
    r"(?:[ \t]+(?:id|handle|address|username|tag))?[ \t]*(?:is|was|:|-)?[ \t]*)"
    r"(?P<id>[\w.-]{2,40}@[A-Za-z]{2,30}(?![\w.@])|@[A-Za-z0-9_-]{2,30}\b)"
)


# A bare domain where the text says it is someone's page: "he blogs at piotrwrites.example.com".
_BARE_DOMAIN = re.compile(
    r"(?<![\w@./-])(?:[a-z0-9][a-z0-9-]{0,62}\.){1,3}(?:com|org|net|io|co|uk|au|nz|ie|ca|info|me|blog|app|tv|us"
    r"|page|site|online|xyz|example)(?![\w/@-]|\.[a-z])",
    re.I,
)
_PERSONAL_PAGE_BEFORE = re.compile(
    r"(?i)\b(?:blogs?|blogging|vlogs?|site|website|homepage|home[ \t]+page|page|writes|posts|posting|channel"
    r"|profile|portfolio|shop|store|podcast|newsletter|substack|account)\b[^.;\n]{0,20}$"
)


# An organisation's home page: a bare host under an organisation's domain, with no path ("https://988lifeline.org",
# "https://www.beyondblue.org.au/"), linked in a sentence about no one (not "my blog is https://…-writes.org").
_ORGANISATION_HOME = re.compile(
    r"(?i)(?:https?://)?(?:www\.)?(?:[a-z0-9-]{1,63}\.){1,3}(?:org|ngo|charity|int|gov|edu)(?:\.[a-z]{2})?/?"
)
_SOMEONES_PAGE = re.compile(
    r"(?i)\b(?:he|she|him|his|her|hers|my|mine|our|me|client|patient|pt|mum|mom|dad|son|daughter|wife|husband"
    r"|partner|brother|sister|friend|blog|blogs|vlog|diary|journal|personal|portfolio|fundraiser|story)\b"
    r"|(?-i:[A-Z][\w-]{1,30})['’]s[ \t]+(?:site|page|website|web[ \t]+page|homepage)"
)


def _organisation_home(text: str, start: int, end: int) -> bool:
    if not _ORGANISATION_HOME.fullmatch(text, start, end):
        return False
    line_start = max(text.rfind("\n", 0, start) + 1, start - 150)
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else min(line_end, end + 150)
    return not _SOMEONES_PAGE.search(text, line_start, line_end)


def find_urls(text: str, words: set[str] | frozenset[str] = PLATFORM_WORDS):
    for m in _BARE_DOMAIN.finditer(text) if "." in text else ():
        value = m.group()
        if value.lower().startswith("www.") or url_is_publication(value):
            continue
        if _PERSONAL_PAGE_BEFORE.search(text[max(0, m.start() - 40) : m.start()]):
            yield "url", m.start(), m.end(), BORDERLINE, "personal page"
    for m in URL.finditer(text):
        end = trim_url(text, m.start(), m.end())
        if url_is_publication(text[m.start() : end]) or _organisation_home(text, m.start(), end):
            continue
        yield "url", m.start(), end, BORDERLINE, "URL that is not a publication or organisation"
    for m in _PLATFORM_SUBDOMAIN.finditer(text) if "." in text else ():
        if not m.group().lower().startswith("www."):
            yield "url", m.start(), m.end(), BORDERLINE, "personal page on a blogging platform"
    for m in _HANDLE.finditer(text) if "@" in text else ():
        if _ORG_HANDLE.match(m.group()):
            continue  # "@WHO", "@NHSEngland": an organisation's account opens with its acronym
        yield "url", m.start(), m.end(), BORDERLINE, "social media handle"
    for m in _PLATFORM_USERNAME.finditer(text) if words & PLATFORM_WORDS else ():
        value = m.group("user")
        # A plain word is a username only after a word that says so ("her insta handle is mossgirl").
        if re.search(r"[\d_.]", value) or (m.group("label") and value not in safe_words()):
            yield "url", m.start("user"), m.end("user"), BORDERLINE, "social media username"
    for m in _ACCOUNT_USERNAME.finditer(text) if words & ACCOUNT_WORDS else ():
        if _USERNAME_SHAPE.match(m.group("user")):
            yield "url", m.start("user"), m.end("user"), BORDERLINE, "username"
    for m in _WIKI_USER.finditer(text) if "User:" in text else ():
        yield "url", m.start(), m.end(), BORDERLINE, "wiki username"
    for m in _DISCORD_TAG.finditer(text) if "discord" in text.lower() else ():
        yield "url", m.start(), m.end(), BORDERLINE, "social media username"
    for m in _REDDIT_USER.finditer(text) if "u/" in text else ():
        yield "url", m.start(), m.end(), BORDERLINE, "social media handle"
    for m in _PAYMENT_HANDLE.finditer(text) if "@" in text else ():
        yield "record_number", m.start("id"), m.end("id"), CONFIDENT, "payment address"


# A person's own page on a social platform, a home directory ("/~mhalvorsen/"), or a handle: in a sources field
# these are no reference anyone can look up, so they carry their line to be read as prose. A profile ("/in/…") or a
# group is someone's; otherwise the name must be shaped as people's are ("aroha.parata.7", "the_quiet_therapist"):
# organisations' accounts are one word ("facebook.com/samaritanscharity") or open with an acronym ("@WHO").
_PROFILE_PATH = re.compile(r"^/(?:(?P<own>in|pub|groups|people|users?|profile|view)/|@)?(?P<user>[^/?#\s]{2,80})")
_POST_PATH = re.compile(r"/(?:status|statuses|posts?|p|reel|reels|video|videos|watch|comments|photo)/")
_PEOPLES_SHAPE = re.compile(r"(?=.*[a-z])(?:.*[_\d]|.*[a-z0-9][.-][a-z0-9])")


def personal_links(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in URL.finditer(text) if "/" in text else ():
        end = trim_url(text, m.start(), m.end())
        parts = re.match(r"(?i)(?:https?://)?([^/?#:\s]+)(.*)", text[m.start() : end])
        host, path = parts.group(1).lower().removeprefix("www."), parts.group(2)
        if "/~" in path:
            spans.append((m.start(), end))
            continue
        if not (host_in(host, PLATFORM_HOSTS) or host.startswith("sites.")) or host.endswith(("youtube.com",)):
            continue
        profile = _PROFILE_PATH.match(path)
        if _POST_PATH.search(path):
            continue  # a dated post is cited as a publication: "… [@self_compassion]. (2021, February 10). Tweet."
        if profile and (profile.group("own") or _PEOPLES_SHAPE.match(profile.group("user"))):
            spans.append((m.start(), end))
    for m in _HANDLE.finditer(text) if "@" in text else ():
        if not _ORG_HANDLE.match(m.group()) and _PEOPLES_SHAPE.match(m.group()[1:]):
            spans.append((m.start(), m.end()))
    return spans
