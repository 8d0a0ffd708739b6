"""Personal names: of people in care, their relatives and household, and their employers.

Each run of capitalised words is judged on two kinds of evidence. The lexicons say whether its words are
known given names or surnames (tens of thousands, from many cultures) or everyday words that happen to be
names ("Hope", "Park"). The context says whether a person in care is being talked about ("my client",
"Mrs", "Name:", "she said", "…, a 34-year-old") or an author is being cited ("(2003)", "et al.", "argues",
"developed by", "Neff, K. D."). A full name from the lexicons is flagged on its own; a lone surname or an
unknown word needs a person context; a cited author is left alone unless the context is clinical.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from functools import cache

from ..findings import BORDERLINE, CONFIDENT
from ..lexicons import (
    cities,
    everyday_given_names,
    family_names,
    given_names,
    known_authors,
    name_words,
    not_names,
    regions,
    safe_words,
    towns,
)
from ..patterns import LOW, UP, overlaps

# Scripts without letter case (CJK, kana, Hangul, Arabic, Hebrew, Devanagari, Thai): any word can be a name.
_CASELESS = "\u0590-\u05ff\u0600-\u06ff\u0900-\u097f\u0e00-\u0e7f\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af"
_NAME_UP = UP + "Α-ΩА-ЯЁ"  # plus Greek and Cyrillic capitals
_TOKEN = re.compile(
    rf"[^\W\d_]{{1,40}}(?:['’][^\W\d_]{{1,20}}){{0,2}}(?:-[^\W\d_]{{1,30}}){{0,3}}|[{_CASELESS}]{{1,12}}"
)
_INITIALS = re.compile(r"(?<![\w.])(?:[A-Z]\.[ \t]?){2,3}(?![\w])|(?<![\w.])[A-Z]\.(?=[ \t]+[A-Z][a-z])")
_PARTICLES = {"de", "da", "del", "della", "dela", "di", "du", "van", "von", "der", "den", "ter", "ten", "le", "la",
              "bin", "binti", "ibn", "bint", "al", "el", "ben", "dos", "das", "do", "y", "e", "af", "zu", "mac", "ní",
              "nic", "ó", "ua"}  # fmt: skip
# English, French, German, Spanish, Portuguese, Italian, Polish, Greek and Indonesian: "Doña Guadalupe …", "η κυρία
# Ελένη …", "Pak Darmawan …"
_HONORIFIC = re.compile(
    r"(?i)(?<![\w.])(?:Mr|Mrs|Ms|Miss|Mx|Mister|Mme|Mlle|Sra|Sr|Srta|Herr|Frau|Madame|Monsieur|Doña|Dona|Dña"
    r"|Sig\.ra|Sig|Signora|Signor|Pani|κυρία|κύριος|κα|κος|(?-i:Pak|Bapak|Bu|Ibu))\.?[ \t]*$"
)
_ROLE = (
    r"clients?|patients?|pt|son|sons|daughters?|mother|mum|mom|father|dad|husband|wife|partner|spouse|fianc[eé]e?"
    r"|boyfriend|girlfriend|brother|sister|sibling|grandmother|grandfather|grandma|grandpa|nana|nan|granddaughter"
    r"|grandson|grandchild|aunt|uncle|niece|nephew|cousin|child|baby|toddler|teen|teenager|adolescent|boy|girl"
    r"|man|woman|lady|gentleman|guy|kid|stepson|stepdaughter|stepmother|stepfather|step-?(?:mum|mom|dad|son|daughter)"
    r"|carer|caregiver|friend|neighbou?r|colleague|flatmate|roommate|housemate|widow|widower|veteran|resident"
    r"|student|pupil|mokopuna|tamariki|whānau|ex|ex-husband|ex-wife|ex-partner|brother-in-law|sister-in-law"
    r"|mother-in-law|father-in-law|son-in-law|daughter-in-law|supervisee|trainee|service\s+user|young\s+person"
    r"|person|individual|referral|boss|manager|employer|landlord|landlady|lodger|tenant|twin|sibling"
    # the patient in the languages notes switch into: "bệnh nhân Trần Văn Hùng", "Pasien Siti …", "pacjent Zieliński"
    r"|paciente|pacientes|patiente|patiënt|patiënte|patientin|pacjent|pacjentka|pasien|pasyente|mgonjwa"
    r"|bệnh[ \t]+nhân|benh[ \t]+nhan|cliënt|cliënte|cliente|klient|klientin|klientka"
)
# A word that puts a person in a sentence: a pronoun, the writer or reader, a role or a relative.
PERSON_WORD = re.compile(
    rf"(?i)\b(?:he|she|him|her|his|hers|himself|herself|i|me|my|mine|we|our|us|you|your|{_ROLE})\b"
)
_ROLE_BEFORE = re.compile(
    rf"(?i)\b(?:{_ROLE})(?:['’]s)?(?:[ \t]+of[ \t]+(?:mine|ours|hers|his))?"
    r"(?:[ \t]*[,:(][ \t]*|[ \t]+(?:named|called|known[ \t]+as|nicknamed|aka|is|was)?[ \t]*)$"
)
_LABEL_BEFORE = re.compile(
    r"(?im)(?:^|[;|])[ \t]*(?:[-*•][ \t]*)?(?:(?:full|first|last|given|family|patient|client|pt|child|mother|father)"
    r"[ \t]+name|name|surname|forename|forenames|patient|client|pt|re|regarding|subject|attn|attention|signed|from"
    r"|sender|cc|bcc)"
    r"[ \t]*[:\-–][ \t]*$"
)
_NAMED_BEFORE = re.compile(
    r"(?i)\b(?:named|called|known[ \t]+as|nicknamed|goes[ \t]+by|(?:first[ \t]+|last[ \t]+)?name[ \t]+(?:is|was)"
    r"|(?:I['’]ll|we['’]ll|let['’]s|I[ \t]+will|we[ \t]+will)[ \t]+call(?:[ \t]+(?:him|her|them))?)[ \t]+['‘\"“]?$"
)
# A place, body or thing said to be called something is no person: "not a hospital called Whitehall", "a drug
# known as Spravato", "the town was named Hope". Not "a man called …", "my client, known as …".
_THING_NAMED_BEFORE = re.compile(
    r"(?i)\b(?:hospitals?|clinics?|wards?|units?|asylums?|homes?|houses?|hostels?|prisons?|schools?|colleges?"
    r"|universit(?:y|ies)|stud(?:y|ies)|cohorts?|trials?|surveys?|programmes?|programs?|projects?|charit(?:y|ies)"
    r"|compan(?:y|ies)|firms?|brands?|apps?|websites?|sites?|drugs?|medicines?|medications?|pills?|products?"
    r"|devices?|towns?|villages?|cities|city|places?|areas?|districts?|streets?|roads?|estates?|islands?|rivers?"
    r"|books?|films?|novels?|songs?|shows?|series|podcasts?|journals?|magazines?|newspapers?|groups?|bands?|teams?"
    r"|services?|centres?|centers?|conditions?|syndromes?|disorders?|therap(?:y|ies)|techniques?|models?|scales?"
    r"|tests?|tools?|questionnaires?|ships?|storms?|hurricanes?|buildings?|hotels?|pubs?|restaurants?|shops?)"
    r"(?:[ \t]+(?:is|was|are|were|now|once|formerly|originally|later))*"
    r"[ \t]+(?:named|called|known[ \t]+as|renamed|nicknamed)[ \t]+['‘\"“]?$"
)
# The stems the WHO gives medicines' international names, and the endings of conditions' names: a word in no name
# list that ends so is a drug or a diagnosis ("Brexanolone is a 60-hour infusion", "Diabulimia is not in DSM-5").
_DRUG_OR_TERM = re.compile(
    r"(?:olone|[a-z]{2}mab|tinib|ciclib|parib|pril|sartan|olol|dipine|statin|gliptin|glutide|gliflozin|prazole"
    r"|tidine|setron|triptan|oxetine|pramine|triptyline|azepam|azolam|barbital|peridol|perone|pirone|apine|idone"
    r"|piprazole|prazine|promazine|afil|lukast|profen|coxib|xaban|gatran|parin|floxacin|cycline|mycin|cillin|navir"
    r"|previr|buvir|ciclovir|amivir|[a-z]{3}caine|dronate|tecan|taxel|platin|rubicin|semide|thiazide|terol|sonide"
    r"|methasone|nidazole|conazole|fungin|lutamide|vaptan|racetam|morphone|codone|fentanil|pezil|mantine|stigmine"
    r"|melteon|orexant|ketamine|[a-z]{2}clone|zolpidem|alopram|faxine|azodone|tiapine|anserin|oxazepine|xetine"
    r"|phobia|philia|[a-z]{3}mania|orexia|ulimia|somnia|thymia|phrenia|algia|[a-z]{3}itis|[a-z]{3}osis|opathy)$"
)
_PLACE_PREFIXES = {"fort", "mount", "mt", "port", "lake", "cape", "camp"}


def _person_in_sentence(text: str, pos: int, cache: dict) -> bool:
    """Someone other than the writer and reader in the sentence around ``pos``."""
    lo, hi = sentence_bounds(text, pos, cache)
    return any(m.group().lower() not in _WRITER_WORDS for m in PERSON_WORD.finditer(text, lo, hi))


_WRITER_WORDS = {"i", "me", "we", "us", "you", "your"}
# A firm named by one surname twice or with its sons or partners: "Johnson & Johnson", "Smith & Sons".
# Matched on "<name> <text before>|<text after>".
_SAME_NAME_JOINED = re.compile(
    r"^(?P<n>\S+) (?:.*?(?P=n)[ \t]*&[ \t]*\||.*\|[ \t]*&[ \t]*(?:(?P=n)|Sons|Son|Partners|Co)\b)"
)
# A word of a caseless script that the sentence calls a word, term or greeting, or glosses: "the term 引きこもり",
# "opens with ሰላም, which is a greeting", "ሰላም (peace)". A name would be romanised with capitals ("李明 (Li Ming)").
_TERM_BEFORE = re.compile(
    r"(?i)\b(?:term|terms|word|words|phrase|phrases|expression|greeting|greetings|character|characters|concept|idiom"
    r"|saying|proverb|title|heading|slogan|label|translated[ \t]+as|written[ \t]+as|rendered[ \t]+as|spelled|spelt"
    r"|reads|(?:opens|begins|starts|ends|closes)[ \t]+with)[ \t]*[:,]?[ \t]*['‘\"“(]?$"
)
_TERM_AFTER = re.compile(
    r"[ \t]*(?:\([ \t]*['‘\"“]?[a-z]|,?[ \t]+(?:which[ \t]+)?(?:means|meaning|literally|translates)\b"
    r"|,[ \t]+which[ \t]+is[^.;\n]{0,30}\b(?:greeting|word|term|phrase|blessing|salutation)\b)"
)
# A name explained by what it means is a word being glossed: 'is "daughter of Jón"', 'means "gift"'.
_GLOSS_AFTER = re.compile(r"[ \t]+(?:means|is|=)[ \t]+[\"“‘'](?=[a-z])")
_THING_NAMED_WORDS = {"named", "called", "known", "renamed", "nicknamed"}
# A name signing off a message: "Thanks,\nMags", "Cheers, Tom".
_SIGN_OFF_BEFORE = re.compile(
    r"(?i)(?:^|[\n.!?])[ \t]*(?:thanks|thank[ \t]+you|many[ \t]+thanks|cheers|best|best[ \t]+wishes|regards"
    r"|kind[ \t]+regards|warm[ \t]+regards|warmly|love|all[ \t]+the[ \t]+best|ta)"
    r"[ \t]*[,!.]?[ \t]*\n?[ \t]*[-–—]?[ \t]*$"
)
# Greetings and sign-offs that begin a run of capitals ("Hey Beatriz", "Cheers Tom") are no part of the name.
_GREETINGS = {"hey", "hiya", "hi", "hello", "dear", "cheers", "thanks", "regards", "ta"}
# Whom a message is from or to that is no one's name: "Thanks, Team", "Cheers, All".
_GROUP_ADDRESSES = {"team", "all", "everyone", "everybody", "editors", "editor", "guys", "folks", "friends", "again",
                    "anyway", "so", "much", "you", "both", "sincerely", "regards"}  # fmt: skip
# A title between the greeting and the name is the writer's way of addressing someone: "Dear Dr Whitcombe,".
_DEAR_BEFORE = re.compile(
    r"(?i)(?:^|[\n.!?\"“])[ \t]*(?:dear|hi|hello|hey|hiya|morning|to)[ \t]+(?:(?:dr|prof|professor)\.?[ \t]+)?$"
)
# Whom a message is from, as a forwarded or quoted one is introduced: "SMS from Tash:", "voicemail from Joy —".
_SENDER_BEFORE = re.compile(
    r"(?i)\b(?:sms|text|txt|msg|message|voicemail|whatsapp|dm|email|e-mail|voice[ \t]+note)[ \t]+from[ \t]+$"
)
_SENDER_WORDS = {"sms", "text", "txt", "msg", "message", "voicemail", "whatsapp", "dm", "email", "mail", "note"}
_AGE_AFTER = re.compile(
    r"^(?:[ \t]*,[ \t]*(?:a[n]?[ \t]+)?\d{1,3}[- ]?(?:year[- ]old|yo\b|y/o|[MF]\b)|[ \t]*\([ \t]*(?:age[ \t]*)?\d{1,3}"
    r"[ \t]*[MF]?[ \t]*\)|[ \t]*,[ \t]*\d{1,3}[ \t]*[MF]?[ \t]*,|[ \t]*,[ \t]*(?:aged|age)[ \t]+\d"
    # an age and then pronouns or more details in brackets, or an age told as a clause: "River (15, they/them)",
    # "Tamsin is 15 and says …"
    r"|[ \t]*\([ \t]*\d{1,2}[ \t]*[,;/][ \t]*(?:she|he|they|her|him|them|[MF]\b|y/?o|yrs?)"
    # pronouns first, then the age: "Sky (they/them, 15)"
    r"|[ \t]*\([ \t]*(?:she|he|they|ze|xe)/(?:her|him|them|hir|zir|xem|they|she|he)[ \t]*[,;][ \t]*\d{1,2}[ \t]*\)"
    r"|[ \t]+(?:is|was|turned|turns)[ \t]+\d{1,2}[ \t]+(?:and|but|now)[ \t]+(?:she|he|they|says|said|wants|has|is))"
)
_CREDENTIALS = ("PsyD", "PhD", "MD", "DO", "RN", "RMN", "RGN", "CNS", "NP", "PA-C", "LCSW", "LICSW", "LPC", "LMFT",
                "LMHC", "MFT", "APRN", "PMHNP", "DNP", "FNP", "MBBS", "MBChB", "MRCPsych", "FRCPsych", "DClinPsy",
                "MSW", "BCBA", "OTR", "SLP", "CCC-SLP", "MSc", "BSc", "MA", "MPH")  # fmt: skip
_APPOSITION_AFTER = re.compile(
    rf"(?i)^[ \t]*(?:,|\()[ \t]*(?:my|our|a|the|his|her|their)[ \t]+(?:former[ \t]+|current[ \t]+"
    rf"|older[ \t]+|younger[ \t]+)?(?:{_ROLE})\b"
    # a role in brackets, with an age or alone: "Ivy (client, 23)", "Reuben (patient)"
    rf"|^[ \t]*\([ \t]*(?:{_ROLE})s?[ \t]*[!?]{{0,3}}[ \t]*(?:,[ \t]*\d{{1,3}}[ \t]*)?\)"
    # a writer introducing themselves: "Hi all, Beatriz here, OT in …", "Volodymyr Savchenko here (psychiatrist, …)"
    r"|^[ \t]+here[ \t]*(?:,|[ \t][-–—]|\()"
    # a professional's letters after the name, as signatures give them: "Nadia Brennan-Oyelaran, CNS,"
    rf"|^[ \t]*,[ \t]*(?-i:{'|'.join(_CREDENTIALS)})\b"
    # whose mail it is, as a mail header gives it: "Kofi Boateng <kboateng@example.org> wrote:"
    r"|^[ \t]*<[^<>@\s]{1,64}@"
    # someone's relative or carer, the someone named or not: "Grace, client's wife", "Carol (Jen's mum)"
    rf"|^[ \t]*(?:,|\(|[-–—])[ \t]*(?:the[ \t]+)?[\w'’-]{{1,30}}['’]s[ \t]+(?:{_ROLE})\b"
    # what only a person is: "Buddy, a retired welder from Gary"
    r"|^[ \t]*,[ \t]+(?:a|an)[ \t]+(?:retired|former|unemployed|widowed|divorced|semi-retired|self-employed)\b"
)
# A writer saying who they are: "I'm Guy Henshaw, the …", "hey its Summer again", "Hi, this is Marta".
_SELF_INTRODUCTION_BEFORE = re.compile(
    # at a line's or a sentence's start, or opening a quoted message: 'text from pt: "hey its Dusty cant make it"'
    r"(?i)(?:\b(?:i['’]m|i[ \t]+am)|(?:^|[\n.!?:\"“‘])[ \t]*(?:hi|hey|hello|hiya|morning)[ \t,!]+"
    r"(?:it['’]?s|this[ \t]+is))"
    r"[ \t]+$"
)
# A name and then where the person lives, as a clinic list line gives it: "Gráinne at 14 Church View, …",
# "Rusty (Unit 4/22 Pell St, …)", "Femi Adebanjo, Flat 19, Marsh House".
_ADDRESS_AFTER = re.compile(
    r"(?i:^(?:[ \t]+(?:at|of|from)|[ \t]*,|[ \t]*\()[ \t]+|^[ \t]*\()"
    r"(?:(?i:flat|apt|unit)[ \t]+(?:\w{1,4},?[ \t]+)?)?(?:\d{1,4}/)?\d{1,5}[A-Za-z]?,?[ \t]+"
    rf"[{UP}][{LOW}]{{2,}}[ \t]+[{UP}][{LOW}]{{1,}}"
    rf"|^[ \t]*,[ \t]+(?i:flat|apt|apartment|unit)[ \t]+\d{{1,4}}[A-Za-z]?,[ \t]+[{UP}][{LOW}]{{2,}}"
    # a room in a hall or dorm, and a street written before its number as much of the world writes it: "Daniyar
    # Seitkali, dorm Room 311, …", "Dimitrios Papadakis, Odos Ermou 45, …", "Inés Varela, Calle Mayor 10"
    r"|^[ \t]*,[ \t]+(?i:(?:dorm[ \t]+)?room|dorm)[ \t]+\d{1,4}[A-Za-z]?,"
    r"|^[ \t]*,[ \t]+(?i:odos|odós|calle|carrer|rua|rue|via|viale|avenida|av\.|jalan|jl\.|ul\.|ulica|strada)[ \t]+"
    rf"[{UP}][{LOW}]{{1,30}}(?:[ \t]+[{UP}{LOW}][{LOW}]{{1,30}}){{0,3}}[ \t]+\d{{1,5}}\b"
)
_WHO_AFTER = re.compile(r"(?i)^[ \t]*,[ \t]+who(?:m)?[ \t]+(?:I|we|she|he|they|had|has|was|is|kept|came|could|would)\b")
_CLINICAL_NOUNS = (
    r"therapist|psychiatrist|psychologist|counsel+or|GP|doctor|nurse|diagnosis|symptoms|sessions?|treatment|intake"
    r"|discharge|depression|anxiety|panic|self-criticism|shame|journal|letter|inner[ \t]+critic|case|file|chart|notes"
    r"|medication|relapse|blog|email|phone|number|address|pacemaker|insulin|car|van|house|home|flat|apartment"
    r"|funeral|birthday|grief|recovery|husband|wife|partner|mother|father|mum|mom|dad|son|daughter|sister|brother"
    r"|children|kids|baby|parents|boss|job|school|score|scores|progress|fridge|posture|voice"
    r"|worksheet|homework|appointment|referral|suicide|overdose|attempt|sleep|pain|illness|cancer|divorce|death"
    # what a person has or goes through: "Ken's decline", "Wren's details", "Aunty Pearl's place"
    r"|decline|details|story|place|card|diary|room|bed|records|photo|consent|mood|drinking|weight|rent"
)
_RELATIVES = (
    r"mum|mom|mother|dad|father|parents|nan|nana|gran|granny|grandad|grandma|grandpa|grandparents|whānau|family"
    r"|son|daughter|kids|children|brother|sister|siblings?|aunt|aunty|auntie|uncle|cousin|partner|wife|husband"
    r"|boyfriend|girlfriend|fianc[eé]e?|carer|stepmum|stepdad|in-laws|ex|flatmate|housemate|twin|baby"
)
_POSSESSIVE_CLINICAL = re.compile(
    rf"(?i)^['’]s[ \t]+(?:(?:own|new|old|late|first|last|next|\w+ly|older|younger|little|big)[ \t]+)?"
    rf"(?:{_CLINICAL_NOUNS}|{_RELATIVES}|teacher|teachers|carers?|social[ \t]+worker|key[ \t]+worker|caseworker"
    r"|coach|classmates?|friends?|school|nursery|class|keyworker|support[ \t]+worker|foster)\b"
)
# What only a person does or has: a town or an everyday word before it is a name ("It was Milan who…",
# "Farah said she…", "Rangi's whānau").
_ONLY_A_PERSON_AFTER = re.compile(
    rf"(?i)^(?:['’]s[ \t]+(?:{_RELATIVES})\b|[ \t]+(?:said|says|told|tells|asked|asks|cried|cries|wept|sobbed"
    r"|laughed|felt|feels|thinks|thought|wants|wanted|wrote|writes|emailed|texted|phoned|rang|messaged|apologi[sz]ed"
    r"|agreed|admitted|disclosed|reckons|practi[sc]ed|journal+ed|relapsed|self-harmed|overdosed)\b"
    r"|[ \t]+and[ \t]+I[ \t]+(?:both|have|had|think|thought|feel|felt|agree|agreed|were|are|went|met|talked|spoke)\b"
    r"|[ \t]+(?:is|was)[ \t]+the[ \t]+one[ \t]+who\b"
    # a relative of one's own, or sleep, or a therapy task done: "Summer and her mum moved", "Dawn woke at 4",
    # "Pita did the breathing exercise"
    rf"|[ \t]+and[ \t]+(?:her|his|their)[ \t]+(?:{_RELATIVES})\b"
    r"|[ \t]+(?:woke|wakes|slept[ \t]+(?:through|badly|well))\b"
    # a body's or a face's doing, or a life's milestone: "Grace smiled", "Will nodded", "Hope turned 16"
    r"|[ \t]+(?:smiled|nodded|shrugged|sighed|whispered|screamed|yelled|shouted|hugged|giggled|blushed|frowned"
    r"|fainted|dissociated|confided|graduated|got[ \t]+married|gave[ \t]+birth|turned[ \t]+\d{1,2}(?![\d:.]))\b"
    r"|[ \t]+did[ \t]+(?:the|her|his|their)[ \t]+(?:\w+[ \t]+)?(?:exercises?|homework|worksheets?|diary|log)\b"
    # said to be someone's relative or client: "Faith is my sister", "hope's my daughter", "Grace was our client"
    r"|(?:[ \t]+(?:is|was)|['’]s)[ \t]+(?:my|our|her|his|their)[ \t]+(?:(?:eldest|youngest|older|younger|little|big"
    rf"|late|step|baby)[ \t]+)?(?:{_RELATIVES}|client|patient|grand\w{{2,12}})\b)"
)
_CLEFT_BEFORE = re.compile(r"(?i)\b(?:it|that)[ \t]+(?:was|is|were)[ \t]+$")
_WHO_DIRECTLY_AFTER = re.compile(r"(?i)^[ \t]+who[ \t]+")
_VERB_AFTER = re.compile(
    r"(?i)^(?:[ \t]+(?:\w+ly|has|had|was|is|then|finally|later|also|still|often|never|again|now|just|first|always"
    r"|sometimes|once|recently|initially|eventually|has[ \t]+been|had[ \t]+been|and[ \t]+I|and[ \t]+her|and[ \t]+his"
    r"|and[ \t]+their|and[ \t]+my))*[ \t]+(?:presented|presents|disclosed|discloses|endorsed|denied|relapsed"
    r"|self-harmed|overdosed|admitted|discharged|referred|diagnosed|hospitali[sz]ed|sectioned|attended|attends"
    r"|missed|cancel+ed|no-showed|cried|cries|wept|sobbed|panicked|apologi[sz](?:ed|ing|es)|kept|keeps|practi[sc]ed"
    r"|practi[sc]es|journal+ed|told|tells|asked|asks|said|says|came|comes|dropped|refused|declined|struggled"
    r"|struggles|complained|reported|reports|felt|feels|wrote|writes|confided|improved|improves|stopped|started"
    r"|began|begins|finished|completed|joined|left|lives|lived|works|worked|moved|brought|brings|shared|shares"
    r"|laughed|described|describes|found|finds|wanted|wants|needed|needs|preferred|prefers|tried|tries|uses|used"
    r"|got|gets|loved|loves|hated|hates|worried|worries|texted|emailed|phoned|rang|called|mentioned|admitted"
    r"|agreed|could|couldn['’]t|can['’]t|would|wouldn['’]t|didn['’]t|doesn['’]t|won['’]t|isn['’]t|wasn['’]t"
    r"|had|has|was|is|took|takes|gave|made|turned|became|died|passed|sleeps|slept|drives|drove|stays|stayed"
    r"|recalled|remembered|realised|realized|noticed|learned|learnt|managed|continued|returned|responded|reacted"
    r"|thought|thinks|believed|believes|decided|decides|chose|wondered|wonders|insisted|insists|explained"
    r"|benefited|benefitted|engaged|disengaged|sat|stood|walked|went|goes|ran|called|seemed|looked|sounded|ended"
    r"|adapted|wept|opened|closed|tolerated|experienced|avoided|resisted|accepted|embraced|rated|scored|hoped"
    r"|reckons|reckoned|swears|swore|admits|insisted|complains|messaged|skipped|quit|relapses|sobbed|ever|never"
    r"|flew|flies|travell?ed|travels|arrived|arrives"
    # texting's spellings: "priya just msgd", "jess txtd me"
    r"|msgd|msged|txtd|txted|dmd|dm['’]d|pinged|rung)\b"
)
_OBJECT_BEFORE = re.compile(
    r"(?i)\b(?:saw|see|seeing|met|meet|meeting|treated|treat|treating|with|asked|ask|told|tell|helped|help|helping"
    r"|encouraged|encourage|invited|invite|offered|offer|reminded|remind|supported|support|supporting|guided|guide"
    r"|discussed|contacted|contact|call|called|phone|phoned|ring|rang|text|texted|email|emailed|visit|visited"
    r"|thank[ \t]+you,?|thanks,?|thanks[ \t]+(?:again[ \t]+|so[ \t]+much[ \t]+)?to|grateful[ \t]+to|did|does"
    r"|has|will|would|could|should|can|per|for|about|both|and|like|sessions?[ \t]+with|working[ \t]+with"
    r"|worked[ \t]+with|work[ \t]+with|lost[ \t]+touch[ \t]+with|followed[ \t]+up[ \t]+on|supervised|supervising"
    r"|assessed|assessing|(?:spoke|speaking|spoken|talked|talking|chatted|chatting|checked[ \t]+in)[ \t]+(?:to|with)"
    r"|heard[ \t]+(?:back[ \t]+)?from|(?:note|message|email|text|letter|card|call|update|feedback|sms|msg|voicemail"
    r"|whatsapp|dm|voice[ \t]+note)[ \t]+from"
    r"|referred|interviewed|admitted|discharged|diagnosed|reviewed|following[ \t]+up[ \t]+on|adapted[ \t]+\w+[ \t]+for"
    r"|w/)[ \t]+$"
)  # "w/" is clinical shorthand for "with": "f/u w/ tanvir"
# A remark in brackets between a name and what the person did: "ahmed (the one w/ OCD) told me…".
# A thing being defined or described, not a person acting: "Ahpra is the national agency", "X is licensed for…".
_DEFINED_AFTER = re.compile(
    r"(?i)^[ \t]+(?:is|was|are)[ \t]+(?:not[ \t]+|also[ \t]+|now[ \t]+|usually[ \t]+|often[ \t]+){0,2}"
    # "is a 60-hour infusion", "is a 14-day course" define a thing; "is a 15-year-old" a person
    r"(?:(?:a|an|the)[ \t]+(?!\d{1,3}[- ]?(?:years?|yrs?|months?|weeks?|y/?o)\b|\d{1,3}\b(?![- ]?[a-z]))"
    # a service or product and who provides it: "Kooth is commissioned by many NHS areas"
    r"|(?:commissioned|operated|hosted|owned|developed|designed|built|made|produced|distributed|licensed"
    r"|marketed|published|manufactured)[ \t]+by\b"
    r"|(?:listed|given|used|licensed|defined|classified|called|named|marketed|approved"
    r"|available|recognised|recognized|sold|prescribed|indicated|banned|cited|described[ \t]+as)\b)"
)
_PRONOUN_LATER = re.compile(r"(?i)\b(?:she|he|her|his|him|herself|himself)\b")
_ASIDE = re.compile(r"^[ \t]*\([^()\n]{1,40}\)")


def _past_aside(after: str) -> str:
    m = _ASIDE.match(after)
    return after[m.end() :] if m else after


_PERSONAL_VERB = re.compile(
    r"(?i)^[ \t]+(?:cried|cries|wept|sobbed|told[ \t]+(?:me|us)|said[ \t]+(?:that[ \t]+)?(?:she|he|they)"
    r"|asked[ \t]+(?:me|us)"
    r"|texted|emailed|phoned|rang)\b"
)
_PRONOUN_AFTER = re.compile(r"(?i)^[^.!?\n]{0,60}\b(?:she|he|her|his|him|herself|himself)\b")
# What says the name is an author, a test or an organisation rather than a person in care.
_SCHOLARLY_AFTER = re.compile(
    r"(?i)^(?:['’]s?)?[ \t]*(?:\(\s*(?:1[5-9]|20)\d\d|,\s*(?:1[5-9]|20)\d\d|\[\d|et[ \t]+al\b|and[ \t]+colleagues|&"
    # a relative clause of public work: "John Conolly, who abolished restraint"
    r"|,[ \t]+who[ \t]+(?:later[ \t]+|first[ \t]+|famously[ \t]+)?(?:founded|abolished|pioneered|campaigned|coined"
    r"|invented|discovered|introduced|established|championed|reformed|painted|composed|synthesi[sz]ed)"
    r"(?![^.;\n]{0,80}\b(?:her|his|my|their|me|our|discharged|admitted|sectioned|referred|session)\b)"
    # German puts the participle after the name: "1998 von Karl Obermeier entwickelt"
    r"|[ \t]+(?:entwickelt|gegründet|konzipiert|erfunden)\b"
    r"|and[ \t]+[A-Z]\w+[ \t]*\((?:19|20)\d\d|,[ \t]*[A-Z]\.|[ \t]+[A-Z]{1,3}[,.;]|[ \t]+(?:argues|argued"
    r"|proposes|proposed|contends|contended|coined|developed|develops|co-developed|founded|co-founded|pioneered"
    r"|introduced|published|theori[sz]ed|theori[sz]es|defines|defined|popularised|popularized|postulated"
    r"|hypothesi[sz]ed|conceptuali[sz]ed|formulated|originated|distinguish(?:es|ed)?|validated|validates|examined"
    r"|examines|reviewed|reviews|tested|tests|investigated|investigates|studied|studies|measured|translated"
    r"|co-wrote|co-authored|authored|edited|wrote[ \t]+(?:(?:The|A|An)[ \t]+)?[A-Z]|writes[ \t]+(?:about|that)"
    # a thinker's or public figure's work, with no one's own story after it: "Hannah Arendt wrote about loneliness"
    r"|(?:wrote|writes|argued|lectured|preached|campaigned)[ \t]+(?:about|that|of|on|against|for)"
    r"(?![^.;\n]{0,60}\b(?:her|his|my|their|me)\b)"
    r"|teach(?:es)?[ \t]+at|taught[ \t]+at|applies|applied[ \t]+(?:the|this|it)|argue|suggest[ \t]+that"
    r"|recommends|recommended|critiqued|critiques|replicated|extended|compared|modelled|modeled|surveyed"
    r"|interviewed[ \t]+\d|found[ \t]+that|showed[ \t]+that|reported[ \t]+that[ \t]+(?:the|a|an|self|comp|mind))\b)"
)
_SCHOLARLY_POSSESSIVE = re.compile(
    r"(?i)^['’]s[ \t]+(?:[\w-]+[ \t]+){0,2}(?:model|models|theory|theories|work|research|book|books|website|site"
    r"|scale|framework"
    r"|approach|programme|program|trial|study|studies|meta-analysis|review|writings|writing|concept|definition"
    r"|definitions|three-component|three-system|cognitive|lab|laboratory|group|team|findings|method|exercises?"
    r"|practices?|meditations?|talks?|lectures?|videos?|podcast|manual|workbook|protocol|criteria|hierarchy|stages"
    r"|rain|dbt|act|cbt|mbsr|msc|cft|measure|inventory|questionnaire|paper|papers|article|chapter|critique|account"
    r"|view|views|argument|claim|claims|idea|ideas|term|phrase|original|seminal|classic|foundational|pioneering"
    r"|kappa|alpha|d|rho|tau|coefficient|correlation|test|tests|syndrome|disease|law|laws|effect|paradox|rule"
    r"|criterion|index|ratio|pyramid|triad|triangle|cycle|curve|matrix|taxonomy|stages?|needs|box|circles|checklist"
    # a public figure's legacy: "Franco Basaglia's reforms", "Woolf's novels"; not "Oakley's speech therapist"
    r"|experiments?|reforms?|legacy|novels?|essays?|philosophy|teachings|expeditions?|albums?|biography)\b"
)
_SCHOLARLY_BEFORE = re.compile(
    r"(?i)(?:\b(?:according[ \t]+to|cf\.?|see|per)[ \t]+$|\b(?:psychologist|psychiatrist|researcher|author|professor"
    r"|epidemiologist|neurologist|physician|psychoanalyst|sociologist|statistician|historian|naturalist"
    r"|prof\.?|dr\.?|doctor|philosopher|monk|nun|scholar|writer|poet|neuroscientist|founder|developer|creator"
    r"|colleague[ \t]+of|students?[ \t]+of|work[ \t]+of|writings[ \t]+of|theory[ \t]+of|model[ \t]+of)[ \t]+$"
    r"|\b(?:developed|created|founded|proposed|written|edited|coined|introduced|pioneered|popularised|popularized"
    r"|authored|published|devised|designed|co-developed|translated|described|reported|named|coined)[ \t]+by[ \t]+"
    # the authors before this one, listed with commas as well as "and": "by Sarah Bowen, Neha Chawla and …"
    r"(?:(?-i:(?:[A-Z][\w-]+[ \t]+){0,2}[A-Z][\w-]+),[ \t]+){0,3}"
    r"(?:(?:[A-Z][\w-]+[ \t]+){1,3}(?:and"
    r"|&)[ \t]+|(?-i:(?:[A-Z][\w-]+[ \t]+){0,2}[A-Z][\w-]+),[ \t]+)?$"
    # A work's title in capitals before its authors: "Interviewing for Solutions by Peter De Jong and …"
    r"|(?-i:[A-Z][\w'’-]+[ \t]+(?:(?:for|of|the|and|in|to|a|an|on|with|from)[ \t]+){0,2}[A-Z][\w'’-]+)[ \t]+by[ \t]+"
    r"(?:(?-i:[A-Z][\w-]+[ \t]+){1,3}(?:and|&)[ \t]+)?$"
    # A published work's author: "the 1938 play Gas Light by …", "a memoir by …"
    r"|\b(?:play|novel|novella|book|film|movie|poem|memoir|song|album|essay|opera|painting|documentary|biography"
    r"|autobiography|musical|sitcom|short[ \t]+story)s?\b[^.;:!?\n]{0,40}?[ \t]by[ \t]+$"
    # the same work said in French, Spanish, Portuguese, Italian, Dutch and Polish: "développée par", "descrito
    # por", "desenvolvida por", "ideata da", "ontwikkeld door", "opracowana przez"
    r"|\b(?:développée?s?|créée?s?|fondée?s?|proposée?s?|introduite?s?|élaborée?s?|conçue?s?"
    r"|inventée?s?|mise?s?[ \t]+au[ \t]+point)[ \t]+par[ \t]+$"
    r"|\b(?:desarrollad|cread|fundad|propuest|introducid|diseñad|elaborad|desenvolvid|criad|propost"
    r"|introduzid|idealizad|inventad)[oa]s?[ \t]+por[ \t]+$"
    r"|\b(?:sviluppat|creat|fondat|propost|introdott|ideat|elaborat|inventat)[oaie][ \t]+da[ \t]+$"
    r"|\b(?:ontwikkeld|opgericht|bedacht|geïntroduceerd|uitgevonden)[ \t]+door[ \t]+$"
    r"|\b(?:opracowan|stworzon|założon|wprowadzon)[yaeio][ \t]+przez[ \t]+$)"
)
# A doctor or professor written to, signing or supervising is someone the writer deals with, not a cited scholar:
# "attn Dr Hollis", "Dear Dr Whitcombe", "Signed: Dr Nomsa Zulu", "My supervisor Prof. Ingrid Solberg".
_ADDRESSED_TITLE = re.compile(
    r"(?i)(?:\b(?:attn|attention|dear|signed|cc|to|from|my|our|his|her|their)[ \t]*[:.,]?"
    r"|\b(?:my|our|his|her|their)[ \t]+(?:supervisor|consultant|gp|psychiatrist|psychologist|therapist|doctor"
    r"|surgeon|registrar|tutor|lecturer))[ \t]+(?:dr|prof|professor|doctor)\.?[ \t]+$"
)
# The narrower part of it that is also a person cue: someone written to, signing or supervising the writer is named
# as a person, even when the lexicons know only half the name ("Signed: Dr Nomsa Zulu", "From Dr. Anand …").
_WRITER_DEALS_WITH_TITLE = re.compile(
    r"(?i)(?:\b(?:attn|attention|dear|signed|cc|from)[ \t]*[:.,]?|\b(?:my|our)[ \t]+(?:supervisor|consultant|gp"
    r"|psychiatrist|psychologist|therapist|doctor|registrar))[ \t]+(?:dr|prof|professor)\.?[ \t]+$"
)
# A doctor named outside an academic sentence is someone the writer or the person in care deals with: "GP: Dr Alan
# Pryce", "my daughter's consultant, Dr Anneliese Kruger", "Dr Obi asked me to mention it".
_DOCTOR_BEFORE = re.compile(r"(?i)\b(?:dr|doctor)\.?[ \t]+$")
_ORG_WORDS = set(
    """university college school hospital clinic centre center institute foundation trust press journal review
    society association group scale inventory questionnaire survey index measure checklist interview therapy
    therapies programme program service services network council commission library street road avenue lane
    drive way court close crescent place square park hall house church chapel ward unit department faculty
    laboratory lab company corporation inc ltd llc plc co partners consulting solicitors logistics foods motors
    engineering steel insurance bank academy primary secondary high middle grammar infirmary surgery practice
    medical health care healthcare pharmacy method technique model theory break exercise scale award prize
    lecture lectures syndrome disease disorder effect test principle law effect approach framework criteria
    manual workbook book books guide handbook project initiative fund charity campaign museum gallery theatre
    stadium airport station bridge river lake mountain island beach valley""".split()
)
# The same head words in other languages: "Karolinska Institutet", "Universidad de Chile", "Klinikum Rechts".
_FOREIGN_ORG_WORDS = frozenset(
    """institutet institut instituut instituto istituto universität universitat universiteit universidad
    université universite università universitet universitetet sjukhus sjukhuset sykehus klinikum krankenhaus
    hôpital hopital ospedale stiftung fundación fundacion fundação fundacao fondazione zentrum""".split()
)
_ORG_WORDS |= _FOREIGN_ORG_WORDS
# Lower-case tails that make a compound of a name: "Nazi-era", "Freud-style", "Oprah-like", "NHS-funded".
_COMPOUND_TAILS = frozenset(
    "era style like esque type based led run funded born speaking related specific focused informed centred centered"
    " inspired approved friendly free shaped".split()
)
_EMPLOYER_BEFORE = re.compile(
    r"(?i)\b(?:works?|worked|working|employed|employee|employer|job|jobs|boss|manager|supervisor|colleagues?"
    r"|redundant|fired|sacked|dismissed|laid[ \t]+off|let[ \t]+go|resigned|shifts?|contract|placement|internship|intern"
    r"|volunteers?|volunteering|teaches|teaching|studies|studying|enrolled|signed[ \t]+off|off[ \t]+sick"
    r"|picker|driver|cashier|clerk|cleaner|nurse|teacher|assistant|engineer|accountant|receptionist|waiter"
    r"|waitress|chef|cook|carer|labourer|laborer|manager|director|owner|tills?|warehouse|retail|team|picks|packs"
    r"|packer|cleans|barista|porter|guard|operative|technician|apprentice|apprenticeship|trainee|bartender|server"
    r"|stacker|courier|nights|emp|ot|physio|physiotherapist|psychologist|psychiatrist|gp|counsell?or|therapist"
    r"|social[ \t]+worker|doctor|pharmacist|midwife|registrar|consultant|locum|co-?ordinator)s?\b\.?"
    # an abbreviation's full stop does not end the clause: "Employee no. 4471 at …"
    r"(?:[^.;\n]|\b(?:no|nr|emp|ref|id)\.){0,40}?\b(?:at|for|by|from|with)[ \t]+(?:the[ \t]+)?$"
    # a service someone runs: "I run the memory clinic at …"
    r"|\b(?:run|runs|ran|lead|leads|manage|manages)[ \t]+(?:the|a|an|our|my)[ \t]+(?:[\w-]+[ \t]+){0,3}(?:clinic"
    r"|service|ward|unit|team|group|programme|program|practice|home|centre|center)[ \t]+at[ \t]+(?:the[ \t]+)?$"
    r"|\b(?:employer|workplace|company|firm)[ \t]*[,:=][ \t]*$"
    # who drives for or sponsors someone, as a work visa names the employer: "drives for …", "sponsor …"
    r"|\b(?:drives|drove|driving|delivers|delivered|delivering)[ \t]+(?:\w+[ \t]+){0,2}?for[ \t]+(?:the[ \t]+)?$"
    r"|\b(?:sponsor|sponsored[ \t]+by|kafeel|kafala[ \t]+sponsor)[ \t]*:?[ \t]*$"
    # a school or workplace named in brackets after it: "his school (Greenfield Academy)", "same school (St …)"
    r"|\b(?:school|college|nursery|uni|employer|workplace|work|job)[ \t]*\([ \t]*$"
    # the writer's own service named: "our service Eastvale Youth Health ran …"
    r"|\b(?:our|my)[ \t]+(?:service|clinic|practice|surgery|team|charity|organi[sz]ation|agency|unit|company"
    r"|employer)[ \t]*,?[ \t]*$"
)
# An employer given as a field of a form: "employer = Okafor Brothers Haulage", "Workplace: Tesco Extra".
_EMPLOYER_FIELD = re.compile(r"(?i)(?:^|[\n;|])[ \t]*(?:employer|workplace)[ \t]*[:=][ \t]*$")
_ORG_TOKEN = re.compile(rf"[{UP}][\w'’.-]{{0,40}}|&|and|of|the|for|de|du|la|Ltd\.?|Inc\.?|PLC|LLC|Co\.?")
_CITED = re.compile(
    r"(?<![\w'’-])([A-Z][\w'’-]{1,40})(?:,?[ \t]{1,3}(?:et[ \t]+al\.?,?[ \t]{0,3})?\(?(?:19|20)\d\d[a-z]?\)?"
    r"|[ \t]+et[ \t]+al\b|,[ \t]{1,3}[A-Z]\.|[ \t]+(?:and|&)[ \t]+[A-Z][\w'’-]{1,40}[ \t]{0,3}\(?(?:19|20)\d\d)"
)
_REFERENCE_LINE = re.compile(
    r"(?i)\((?:19|20)\d\d[a-z]?(?:,[^)]{0,20})?\)|\b(?:19|20)\d\d\s*;\s*\d|\b\d{1,4}\s*\(\d{1,4}\)\s*[:,]\s*\d|\bdoi\b|\bpmid\b"
    r"|\bpmc\d|\bisbn\b|\bet\s+al\.|\bpp?\.\s*\d|\bvol\.\s*\d|\bretrieved\b|https?://"
    r"|\[(?:18|19|20)\d\d\]\s*\d{0,3}\s*[A-Z]{1,6}\b"  # a law report: "[1986] AC 112"
)
_HEADING_SMALL = {"a", "an", "the", "of", "and", "or", "for", "to", "in", "on", "with", "at", "by", "vs", "&"}
_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december"}  # fmt: skip


def _is_capitalised(word: str) -> bool:
    first = word[0]
    if not first.isupper():
        return first.isalpha() and not first.islower()  # a caseless script
    return len(word) == 1 or any(c.islower() for c in word[1:])


def _key(word: str) -> str:
    word = word.replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    return word.lower()


def _sentence_start(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\"“‘'([*•-":
        i -= 1
    return i < 0 or text[i] in ".!?:;\n"


def _line(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, (end if end >= 0 else len(text))


_LONG_NUMBER = re.compile(r"\d{6}")


def _heading_line(text: str, pos: int) -> bool:
    """A heading or label in Title Case ("Supported Python Versions"), where capitals say nothing about names."""
    start, end = _line(text, pos)
    if end - start > 160 or ("," in text[start:end] and _LONG_NUMBER.search(text, start, end)):
        return False  # "UHID 20230118842, Suresh Kumar, …": a list of someone's details, not a heading
    words = re.findall(r"[^\W\d_][\w'’-]*", text[start:end])
    return len(words) >= 3 and all(w[0].isupper() or w.lower() in _HEADING_SMALL for w in words)


_OWN = re.compile(r"(?i)\b(?:my|our)\b[^.;:!?\n]{0,30}$")


class _Classes:
    """Each word's standing in the lexicons, looked up once per word."""

    def __init__(self):
        self.given, self.family, self.everyday = given_names(), family_names(), name_words()
        self.stop, self.authors, self.safe = not_names(), known_authors(), safe_words()
        self.places = _places()
        self._seen: dict[str, str] = {}  # each distinct word is classed once per text

    def is_name(self, word: str) -> bool:
        key = _key(word)
        return key in self.given or key in self.family or key in self.everyday

    def of(self, word: str) -> str:
        known = self._seen.get(word)
        if known is None:
            known = self._seen[word] = self._of(word)
        return known

    def _of(self, word: str) -> str:
        kind = self._class(word)
        if kind in ("unknown", "word") and not word.isascii():
            plain = _plain(word)  # "Nguyễn" is "Nguyen" in the lexicons
            if plain != word and plain.isascii():
                plain_kind = self._class(plain)
                if plain_kind in ("given", "family", "everyday"):
                    return plain_kind
        return kind

    def _class(self, word: str) -> str:
        key = _key(word)
        if key in self.stop or key in _MONTHS or key in _GREETINGS or key in _HONORIFIC_WORDS:
            return "stop"  # an honorific is no part of the name: "Doña Guadalupe Hernández"
        pieces = word.split("-") if word.count("-") == 1 else [word]
        if max(sum(c.isupper() for c in piece) for piece in pieces) >= 3:
            return "stop"  # an acronym; the two halves of "McAleese-Byrne" are counted apart
        parts = key.split("-")
        if len(parts) > 1 and word.split("-")[-1] in _COMPOUND_TAILS:
            return "word"  # "Nazi-era", "Freud-style", "Oprah-like": a compound, though "Era" is a given name too
        if key in _FOREIGN_ORG_WORDS:
            return "word"  # "Karolinska Institutet": an organisation's head word, as "University" is
        if len(parts) > 1 and all(p in self.given or p in self.everyday or p in self.family for p in parts):
            # "Hannah-Rose", "Mary-Jane", "Hyun-woo": name parts joined, one a given name or the later ones in
            # lower case as romanised Korean and Chinese given names are written ("Seo-yeon").
            first = word.split("-")[0]
            lower_rest = first[:1].isupper() and first[1:].islower() and word.split("-")[1][:1].islower()
            # but two everyday words joined are a compound: "Sky-high", "Will-power"
            romanised = lower_rest and not all(p in self.everyday for p in parts)
            if first[1:].islower() and (any(p in self.given for p in parts) or romanised):
                return "given"
        if "-" in key and any(part in self.stop or part in self.places for part in parts):
            return "stop"
        if len(parts) > 1 and all(p in self.family for p in parts) and word[:1].isupper():
            return "family"  # "McAleese-Byrne", "Oyelaran-Smith": a double-barrelled surname
        if "-" in key and any(
            piece[:1].islower() and piece.lower() in self.safe and not self.is_name(piece) for piece in word.split("-")
        ):
            return "word"  # "UK-facing", "NHS-funded": a compound with an ordinary lower-case word
        if key in self.places:
            return "place"
        if _demonym(key):
            return "word"  # "Indian", "Kenyan", "Brazilian": of a country, not a person's name
        if key in self.everyday:
            return "everyday"
        if key in self.given:
            return "given"
        if key in self.family:
            return "family"
        if key in self.safe:
            return "word"
        if not word[0].isupper() and not word[0].islower():
            return "caseless"
        if len(word) > 1 and word.isupper():
            return "stop"  # an acronym
        return "unknown"


def _demonym(key: str) -> bool:
    """A people's name made from a country's or region's: "indian", "kenyan", "brazilian", "italian"."""
    if not key.endswith("an"):
        return False
    return key[:-1] in regions() or (key.endswith("ian") and (key[:-3] in regions() or key[:-3] + "y" in regions()))


def _plain(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c)).replace("đ", "d")


@cache
def _places() -> frozenset[str]:
    return regions() | cities()


def _runs(text: str):
    """Runs of capitalised words (with name particles between them): each a list of (word, start, end)."""
    run: list[tuple[str, int, int]] = []
    pending: list[tuple[str, int, int]] = []
    last_end = -1
    for m in _TOKEN.finditer(text):
        word, start, end = m.group(), m.start(), m.end()
        gap = text[last_end:start] if last_end >= 0 else None
        joined = gap is not None and (gap in (" ", "\t", "  ") or (gap == ". " and run and len(run[-1][0]) == 1))
        if _is_capitalised(word):
            if run and joined:
                run.extend(pending)
                run.append((word, start, end))
            else:
                if run:
                    yield run
                run = [(word, start, end)]
            pending = []
        elif run and joined and word.lower() in _PARTICLES and len(pending) < 2:
            pending.append((word, start, end))
        else:
            if run:
                yield run
            run, pending = [], []
        last_end = end
    if run:
        yield run


_LISTED_AFTER = re.compile(r"(?:,[ \t]*|[ \t]+(?:and|&|or)[ \t]+|,[ \t]+(?:and|&|or)[ \t]+)([A-Z][\w'’-]{1,30})\b")
_LISTED_BEFORE = re.compile(
    r"(?<![\w'’-])([A-Z][\w'’-]{1,30})(?:,[ \t]*|[ \t]+(?:and|&|or)[ \t]+|,[ \t]+(?:and|&|or)[ \t]+)$"
)


def _listed_with_names(text: str, found: list, classes: _Classes):
    """Words listed with a name are names too: "Group tonight: Marco, Leilani, Ben and Jude"."""
    taken = {(f[1], f[2]) for f in found}
    queue = [(f[1], f[2]) for f in found if f[0] == "name"]
    while queue:
        start, end = queue.pop()
        neighbours = []
        m = _LISTED_AFTER.match(text, end)
        if m and not re.match(r"[ \t]+[A-Z]", text[m.end() : m.end() + 2]):  # "Tom Reid" is judged as a run
            neighbours.append((m.start(1), m.end(1)))
        b = _LISTED_BEFORE.search(text, max(0, start - 40), start)
        if b:
            neighbours.append((b.start(1), b.end(1)))
        for n_start, n_end in neighbours:
            word = text[n_start:n_end]
            overlapping = any(s < n_end and n_start < e for s, e in taken)
            if overlapping or word.isupper() or word in _CREDENTIALS:
                continue
            if classes.of(word) not in ("given", "family", "everyday", "unknown"):
                continue
            taken.add((n_start, n_end))
            queue.append((n_start, n_end))
            yield "name", n_start, n_end, BORDERLINE, "name listed with a name"


# A bracketed list of authors ending in a year: "(Morgan, Reid & Lacey, 1999)". Every surname in it is cited.
_CITED_LIST = re.compile(
    r"\((?P<names>(?:[A-Z][\w'’-]{1,40}(?:,[ \t]*|[ \t]+(?:and|&)[ \t]+|,[ \t]+(?:and|&)[ \t]+)){1,6}"
    r"[A-Z][\w'’-]{1,40}),?[ \t]*(?:1[5-9]|20)\d\d[a-z]?\)"
)


# A work named after its author's possessive, with its year: "following Layard's Depression Report (2006)".
_CITED_WORK = re.compile(
    r"(?<![\w'’-])([A-Z][\w'’-]{1,40})['’]s[ \t]+(?:[A-Z][\w'’-]*[ \t]+){1,4}\((?:1[5-9]|20)\d\d[a-z]?\)"
)
# Authors joined by an ampersand in brackets after a title: "Hopkins Verbal Learning Test–Revised (Brandt &
# Benedict)"; not "the twins (Sam & Alex)", after a word in lower case.
_AUTHOR_PAIR_AFTER_TITLE = re.compile(
    r"(?<![\w'’-])[A-Z][\w'’–-]*[ \t]*\([ \t]*([A-Z][\w'’-]{1,40})[ \t]+&[ \t]+([A-Z][\w'’-]{1,40})[ \t]*\)"
)


def _cited_authors(text: str) -> set[str]:
    cited = {_key(m.group(1)) for m in _CITED.finditer(text)}
    for m in _CITED_LIST.finditer(text) if "(" in text else ():
        cited.update(_key(name) for name in re.findall(r"[A-Z][\w'’-]+", m.group("names")))
    for m in _CITED_WORK.finditer(text) if "(" in text else ():
        if _key(m.group(1)) not in given_names():  # a surname cites; "Tom's Discharge Letter (2021)" is Tom's
            cited.add(_key(m.group(1)))
    for m in _AUTHOR_PAIR_AFTER_TITLE.finditer(text) if "&" in text else ():
        cited.update((_key(m.group(1)), _key(m.group(2))))
    return cited


# A signature's line: a name and then the writer's job ("Adaeze Okoro | Mental Health Nurse", "Tomasz Wrona –
# Clinical Psychologist").
_SIGNATURE_LINE = re.compile(
    rf"(?m)^[ \t]*(?P<name>[{UP}][{LOW}'’-]+(?:[ \t]+[{UP}][{LOW}'’-]+){{1,2}})[ \t]*(?:\||,|[-–—])[ \t]*"
    r"(?:[A-Z][a-z]+[ \t]+){0,3}(?:Nurse|Psychologist|Psychiatrist|Therapist|Psychotherapist|Counsell?or"
    r"|Social[ \t]+Worker|OT|GP|Doctor|Physician|Pharmacist|Midwife|Registrar|Consultant|Dietitian|Physiotherapist"
    r"|Paramedic|Practitioner|Coordinator|Co-ordinator|Manager|Lead|Worker|Officer)\b"
)


# A given name in brackets after the person it names: "Tell the editor (Marisol) …", "my OT (Sione) says".
_BRACKETED_AFTER_NOUN = re.compile(
    rf"\b(?i:the|my|our|his|her|their)[ \t]+[a-z]{{2,20}}[ \t]*\([ \t]*(?P<name>[{UP}][{LOW}'’-]{{1,30}})[ \t]*\)"
)


# Notes in lower case give the relative's name the same way: "spoke w/ mum (bernadette) re levels". Only a given
# name that is no word: "(grace)" may be thanks, "(will)" a verb.
_BRACKETED_LOWER_AFTER_KIN = re.compile(
    r"\b(?i:mum|mom|mam|mother|dad|father|wife|husband|partner|son|daughter|sister|brother|nan|gran|aunt|auntie|aunty"
    r"|uncle|cousin|carer|gf|bf)[ \t]*\([ \t]*(?P<name>[a-z]{2,20})[ \t]*\)"
)


def _bracketed_given_names(text: str, classes: _Classes):
    for m in _BRACKETED_AFTER_NOUN.finditer(text):
        word = m.group("name")
        if classes.of(word) == "given" and _key(word) not in classes.authors:
            yield "name", m.start("name"), m.end("name"), BORDERLINE, "given name in brackets after a person"
    for m in _BRACKETED_LOWER_AFTER_KIN.finditer(text):
        key = m.group("name")
        if key in classes.given and key not in classes.safe and key not in classes.everyday:
            yield "name", m.start("name"), m.end("name"), BORDERLINE, "given name in brackets after a relative"


# A name alone on the line after a sign-off, with a title or not: "Kind regards,\nDr. Amara Okafor".
_SIGNED_NAME = re.compile(
    r"(?im)^[ \t]*(?:kind[ \t]+regards|best[ \t]+regards|warm[ \t]+regards|regards|best[ \t]+wishes|many[ \t]+thanks"
    r"|thanks|thank[ \t]+you|cheers|sincerely|yours[ \t]+sincerely|yours[ \t]+faithfully|yours|with[ \t]+thanks|best)"
    r"[ \t]*[,!.]?[ \t]*\n[ \t]*(?:(?:dr|prof|mr|mrs|ms|mx)\.?[ \t]+)?"
    rf"(?P<name>(?-i:[{UP}][{LOW}'’-]+(?:[ \t]+[{UP}][{LOW}'’-]+){{1,2}}))[ \t]*$"
)


# A name alone on its line above the writer's number or address, as a phone's signature gives it:
# "sent from my iPhone\nRob\n07700 900284".
_NAME_ABOVE_CONTACT = re.compile(
    rf"(?m)^[ \t]*(?P<name>[{UP}][{LOW}'’-]+(?:[ \t]+[{UP}][{LOW}'’-]+){{0,2}})[ \t]*\n[ \t]*"
    r"(?:(?:tel|mob|mobile|cell|phone|ph|m|t)[ \t.:]*)?(?:\+?\(?\d[\d ()-]{6,}\d|[\w.+-]{1,40}@[\w-]{1,40}\.\w)"
)


# A name written straight before a number, as in a jotted contact list: "Desrosiers — 514-555-0139 — cb re meds".
_NAME_DASH_NUMBER = re.compile(
    rf"(?<![\w'’-])(?P<name>[{UP}][{LOW}'’-]+(?:[ \t]+[{UP}][{LOW}'’-]+)?)[ \t]*[—–:][ \t]*"
    r"\+?\(?\d[\d ()-]{6,}\d(?![\d-])"
)
# A name alone on the line under a phone's sign-off: "Sent from my phone\nBongani Dlamini".
_NAME_UNDER_SENT_FROM = re.compile(
    r"(?im)^[ \t]*sent[ \t]+from[ \t]+my[ \t]+[^\n]{1,30}\n[ \t]*"
    rf"(?P<name>(?-i:[{UP}][{LOW}'’-]+(?:[ \t]+[{UP}][{LOW}'’-]+){{0,2}}))[ \t]*$"
)
# Initials and a surname after "Signed" opening a clause, as a sign-off: "… first-line. Signed A. Mukherjee-Lindqvist",
# "sgd: R. J. Okoro"; not "the treaty was signed by J. Smith".
_SIGNED_INITIALS = re.compile(
    r"(?:^|(?<=\n)|(?<=[.!?;—–-][ \t]))[ \t]*(?i:signed|sgd)[ \t]*[:,-]?[ \t]+"
    rf"(?P<name>(?:[{UP}]\.[ \t]?){{1,3}}[ \t]*[{UP}][{LOW}'’]+(?:-[{UP}][{LOW}'’]+)?)(?![\w-])"
)


def _signature_names(text: str, classes: _Classes):
    for m in _NAME_ABOVE_CONTACT.finditer(text):
        words = m.group("name").split()
        kinds = [classes.of(w) for w in words]
        # an unknown given name before a known surname is a name too: "Bongani Dlamini\n+27 …"
        known_surname = len(words) > 1 and kinds[-1] == "family" and kinds[0] in ("unknown", "family")
        if (kinds[0] in ("given", "everyday") or known_surname) and not {"stop", "place", "word"} & set(kinds):
            if " ".join(_key(w) for w in words) not in classes.authors:
                yield "name", m.start("name"), m.end("name"), BORDERLINE, "name above a number or address"
    for m in _SIGNED_NAME.finditer(text):
        words = m.group("name").split()
        if not {"stop", "place", "word"} & {classes.of(w) for w in words}:
            yield "name", m.start("name"), m.end("name"), BORDERLINE, "name in a signature"
    for m in _NAME_UNDER_SENT_FROM.finditer(text) if "sent from" in text.lower() else ():
        if not {"stop", "place", "word"} & {classes.of(w) for w in m.group("name").split()}:
            yield "name", m.start("name"), m.end("name"), BORDERLINE, "name in a signature"
    for m in _SIGNATURE_LINE.finditer(text):
        words = m.group("name").split()
        kinds = [classes.of(w) for w in words]
        if kinds[0] in ("given", "everyday") and not {"stop", "place", "word"} & set(kinds):
            if " ".join(_key(w) for w in words) not in classes.authors:
                yield "name", m.start("name"), m.end("name"), BORDERLINE, "name in a signature"


def _names_before_numbers(text: str, classes: _Classes):
    for m in _NAME_DASH_NUMBER.finditer(text):
        words = m.group("name").split()
        kinds = {classes.of(w) for w in words}
        if kinds <= {"given", "family"} and not any(_key(w) in classes.safe for w in words):
            if " ".join(_key(w) for w in words) not in classes.authors:
                yield "name", m.start("name"), m.end("name"), BORDERLINE, "name before a number"


def _signed_initials(text: str, classes: _Classes):
    for m in _SIGNED_INITIALS.finditer(text):
        surname = m.group("name").split(".")[-1].strip()
        if classes.of(surname) not in ("stop", "place", "word") and _key(surname) not in classes.authors:
            yield "name", m.start("name"), m.end("name"), BORDERLINE, "name in a signature"


# A kinship title that people are called by, as part of the name: "Uncle Kofi", "Aunty Mere", "Tita Rosa".
_KIN_TITLE_BEFORE = re.compile(
    r"(?<![\w'’-])(?:Uncle|Auntie|Aunty|Aunt|Nana|Nanna|Papa|Mama|Grandma|Grandpa|Granny|Gran|Baba|Tita|Tito|Tía|Tío"
    r"|Tia|Tio|Bibi|Babu|Koro|Kuia|Bubbe|Zayde|Oma|Opa)[ \t]+$"
)


def _with_kin_title(text: str, finding):
    kind, start, end, confidence, reason = finding
    title = _KIN_TITLE_BEFORE.search(text, max(0, start - 10), start)
    return (kind, title.start(), end, confidence, reason) if title else finding


def find_names(text: str, words: set[str] | None = None):
    """Yields (kind, start, end, confidence, reason) for each personal or employer name."""
    found = _find_names(text, words)
    if text and _PUBLIC_PEOPLE_GATE.search(text):
        cache: dict = {}
        found = (f for f in found if f[0] != "name" or not _said_public(text, f[1], cache))
    if text and _PSEUDONYM_GATE.search(text):
        found = (f for f in found if f[0] != "name" or f[3] == CONFIDENT or not _known_figures_alias(text, f[1], f[2]))
    if text and not text.isascii():
        found = (f for f in found if f[0] != "name" or f[3] == CONFIDENT or not _eponym_of(text, f[1], f[2]))
    if text and "-" in text:
        # a name joined to a lower-case noun is a compound's first part: "Lewy-lichaampjes", "Capgras-syndroom"
        found = (f for f in found if f[0] != "name" or f[3] == CONFIDENT or not _compound(text, f[1], f[2]))
    yield from found


# A condition, scale or law named after its describer, as languages other than English put the name after it:
# "síndrome de Charles Bonnet", "maladie de Huntington", "escala de Hamilton", "Шкала Бека", "σύνδρομο Capgras".
_EPONYM_NOUN_BEFORE = re.compile(
    r"(?i)(?<![\w'’-])(?:syndrome|síndrome|sindrome|syndroom|maladie|enfermedad|doença|malattia|ziekte|choroba"
    r"|morbus|escala|échelle|scala|schaal|skala|test|teste|método|méthode|metodo|methode|efecto|effet|effetto"
    r"|efeito|effect|ley|loi|lei|legge|wet|signe|signo|segno|sinal|teken|reflejo|réflexe|riflesso|reflexo"
    r"|complexe|complejo|complesso|complexo|cuestionario|questionnaire|questionario|questionário|inventario"
    r"|inventaire|inventário|modelo|modèle|modello|model|teoría|théorie|teoria|theorie"
    r"|шкал[аыеу]|синдром\w*|болезн[ьи]|тест\w*|метод\w*|опросник\w*|эффект\w*|закон\w*|модел[ьи]|теори[яи]"
    r"|симптом\w*|тільц\w*|тельц\w*|σύνδρομο|κλίμακα|νόσος|τεστ|θεωρία)"
    r"(?:[ \t]+(?:de|di|du|des|do|da|del|della|dello|van|von|der|του|της))?[ \t]+(?:d['’]|l['’])?$"
)


# What a describer's name is joined to in a compound: "Lewy-lichaampjes", "Capgras-syndroom", "Korszakov-szindróma",
# "Alzheimer-kór", "Hamilton-skalan".
_COMPOUND_HEADS = (
    r"(?i:syndro(?:om|m|me|met|mu)|szindróma|sindrooma|ziekte|krankheit|kór|kórban|tauti|sjukdom|sygdom|sykdom"
    r"|lichaampjes|körperchen|testi?|testen|tesztje|schaal|skala|skalan|skaala|effect|effekt|effekten|methode"
    r"|metode|metoden|reflex|reflexe|teken|zeichen|criteria|kriterien|kriterier|typ|type)\b"
)
_COMPOUND_AFTER = re.compile(rf"-{_COMPOUND_HEADS}")
_COMPOUND = re.compile(rf"[^\W\d_]+-{_COMPOUND_HEADS}")


def _compound(text: str, start: int, end: int) -> bool:
    return bool(_COMPOUND_AFTER.match(text, end) or _COMPOUND.fullmatch(text, start, end))


def _eponym_of(text: str, start: int, end: int) -> bool:
    """After a condition's, scale's, test's or law's word a lone surname is its describer's; a full name may be a
    person's ("le test de Marie Dubois", "la maladie de Jeanne Martin")."""
    before = _EPONYM_NOUN_BEFORE.search(text, max(0, start - 30), start)
    if not before:
        return False
    return " " not in text[start:end].strip()


# A famous case's pseudonym tied to the public figure it stands for: "Sybil was later identified as Shirley Mason",
# "Anna O., the pseudonym of Bertha Pappenheim", "Shirley Mason, known as Sybil". The figure must be a known one:
# "Sybil was later identified as the driver" is no one public.
_PSEUDONYM_GATE = re.compile(r"(?i)identified|revealed|unmasked|pseudonym|real[ \t]+name|known[ \t]+as|alias")
_WHO = r"(?P<who>[A-Z][\w'’.-]{1,30}(?:[ \t]+[A-Z][\w'’.-]{1,30}){0,2})"
_ALIAS_OF_AFTER = re.compile(
    r"(?:[ \t]*,[^,;.()\n]{1,40},)?"  # an aside: "Sybil, the book's patient, was later identified as …"
    r"[ \t]*(?:,|\()?[ \t]*(?:who[ \t]+)?(?:(?:was|is|has[ \t]+been)[ \t]+(?:later[ \t]+|since[ \t]+|eventually[ \t]+"
    r"|subsequently[ \t]+|publicly[ \t]+)?(?:identified|revealed|unmasked|confirmed)[ \t]+as"
    r"|(?:(?:was|is)[ \t]+)?the[ \t]+pseudonym[ \t]+(?:of|for)|real[ \t]+name:?|whose[ \t]+real[ \t]+name[ \t]+was)"
    rf"[ \t]+{_WHO}"
)
_ALIAS_OF_BEFORE = re.compile(
    rf"{_WHO}[ \t]*(?:,[ \t]*|\([ \t]*)?(?:(?:better[ \t]+|publicly[ \t]+)?known[ \t]+"
    r"(?:in[ \t]+the[ \t]+literature[ \t]+)?as|alias|pseudonym)[ \t]+['‘\"“]?$"
)


def _known_figures_alias(text: str, start: int, end: int) -> bool:
    after = _ALIAS_OF_AFTER.match(text, end, min(len(text), end + 90)) if end > start else None
    before = _ALIAS_OF_BEFORE.search(text, max(0, start - 90), start)
    for m in (after, before):
        if m and " ".join(_key(w) for w in m.group("who").rstrip(".").split()) in known_authors():
            return True
    return False


def _find_names(text: str, words: set[str] | None):
    if not text:
        return
    classes = _Classes()
    cited: set[str] | None = None

    def cited_lookup() -> set[str]:
        nonlocal cited
        if cited is None:
            cited = _cited_authors(text)
        return cited

    line_cache: dict = {}
    found = [f for run in _runs(text) for f in _judge_run(text, run, classes, cited_lookup, line_cache)]
    found = [_with_kin_title(text, f) for f in found]
    if _SHOUTED_GATE.search(text):
        found += _shouted_names(text, classes, cited_lookup, [(f[1], f[2]) for f in found])
    if "," in text:
        found = _surnames_first(text, classes, found)
    if " from " in text or " at " in text:
        found += _names_from_somewhere(text, classes, [(f[1], f[2]) for f in found])
    yield from found
    yield from _listed_with_names(text, found, classes)
    if '"' in text or "“" in text or "?" in text:
        yield from _nicknames(text, classes)
    yield from _initials(text)
    if "\n" in text or "|" in text:
        yield from _signature_names(text, classes)
    if "igned" in text or "gd" in text:
        yield from _signed_initials(text, classes)
    if "—" in text or "–" in text or ":" in text:
        yield from _names_before_numbers(text, classes)
    if "(" in text:
        yield from _bracketed_given_names(text, classes)
    yield from _employers(text, words, [(f[1], f[2]) for f in found if f[0] == "name"])
    if _BUSINESS_GATE.search(text):
        yield from _businesses(text, [(f[1], f[2]) for f in found if f[0] == "name"])
    if words is None or not _WORKPLACE_WORDS.isdisjoint(words):
        yield from _workplaces(text, [(f[1], f[2]) for f in found if f[0] == "name"])
    yield from _lower_case_names(text, classes)
    if _pair_of_kin_gate(text):
        yield from _pairs_of_kin(text, classes)
    if _FAMILY_CASE_GATE.search(text):
        yield from _family_cases(text)
    if _EAST_ASIAN_GATE.search(text):
        for m in _EAST_ASIAN_NAME.finditer(text):
            group = next(g for g in ("name", "kname", "krole", "kpat", "after", "jname", "krel", "zrel") if m.group(g))
            yield "name", m.start(group), m.end(group), CONFIDENT, "name with an honorific or a patient word"
    if _HANGUL_GATE.search(text):
        yield from _romanised_before_particle(text, classes)
    if _CYRILLIC_OR_GREEK.search(text):
        yield from _transliterated_names(text, classes)
    if _ARABIC_GATE.search(text):
        yield from _arabic_names(text)
    if _vietnamese_gate(text):
        for m in _VIETNAMESE_NAME.finditer(text):
            yield "name", m.start(), m.end(), BORDERLINE, "Vietnamese name with its middle name"
    if _OTHER_SCRIPT_GATE.search(text):
        for m in _OTHER_SCRIPT_NAME.finditer(text):
            group = next(g for g in ("cyr", "grk", "arb", "heb", "dev", "self", "eth") if m.group(g))
            yield "name", m.start(group), m.end(group), BORDERLINE, "name after a patient, family or title word"


# A name in Chinese, Japanese or Korean script before an honorific or a possessive ("佐藤 美咲 様",
# "高橋恵美さん", "木村先生", "王医生", "孙女士", "김지수 님", "박지민씨는", "张伟的妈妈"), or after a patient or
# family word ("病人陈建国", "患者：李秀英", "家属孙丽电话…"). A particle may come before it ("担当の木村先生"), but
# not another kana ("お母さん"), and a word for a role or relative is no name ("患者さん", "看護師さん").
_HAN = "\u4e00-\u9fff"
_HANGUL = "\uac00-\ud7af"
_NOT_A_NAME_HAN = (
    "患者|看護師|看護|医師|先生|家族|皆|利用者|職員|母|父|奥|娘|息子|子供|子ども|病人|客|同学|大家|老人|女儿|儿子|丈夫|妻子"
    "|母亲|父亲|妈妈|爸爸|家属|的|是|在|说|和|也|都|就|于|电话|手机|地址|邮箱|微信"  # "家属电话…": the family's phone
    "|我|你|他|她"  # "我的父亲…": the writer, not a name
)
_KOREAN_SURNAMES = (
    "김이박최정강조윤장임한오서신권황안송류전홍고문양손배백허유남심노하곽성차주우구민진나엄채원천방공현함변염여추도소석선설마길연위표명"
    "기반왕금옥육인맹제모탁국어은편용예경봉사부"
)
_EAST_ASIAN_NAME = re.compile(
    rf"(?:(?<![{_HAN}\u3040-\u30ff])|(?<=[のにはがをとでもへ]))(?!{_NOT_A_NAME_HAN})"
    rf"(?P<name>[{_HAN}]{{1,4}}(?:[ \t\u3000][{_HAN}]{{1,3}})?)[ \t]?"
    r"(?:様|さん|さま|氏|君|先生|女士|小姐|老师|医生|的(?:妈妈|爸爸|母亲|父亲|儿子|女儿|丈夫|妻子))"
    rf"|(?<![{_HANGUL}])(?P<kname>[{_HANGUL}]{{2,4}})[ \t]?(?:님|씨)(?![{_HANGUL}]{{2}})"
    rf"|(?<![{_HANGUL}])(?P<krole>[{_KOREAN_SURNAMES}][{_HANGUL}]{{2}})[ \t]?(?:선생님|학생|할아버지|할머니)"
    # a patient named before the word and their family after it: "박서연 환자 어머니가", "김민준 환자의 보호자";
    # not a disease or a department ("조현병 환자", "정신과 환자")
    rf"|(?<![{_HANGUL}])(?P<kpat>[{_KOREAN_SURNAMES}][{_HANGUL}](?<![병증암과염애압])[{_HANGUL}](?<![병증암과염애압]))"
    r"[ \t]?환자(?:의|[ \t]?(?:어머니|아버지|어머님|아버님|보호자|가족|분|님))"
    rf"|(?:病人|患者|病者|家属|收件人|联系人|女儿|儿子|丈夫|妻子|母亲|父亲)[：:]?[ \t]?(?!{_NOT_A_NAME_HAN})"
    rf"(?P<after>[{_HAN}]{{2,3}}?)(?=[，,、。 \t(（：:0-9]|男|女|的|说|电话|照顾|打|来|在|是|于|$)"
    rf"|(?:病人|患者|病者|家属)[：:]?[ \t]?(?!{_NOT_A_NAME_HAN})(?P<jname>[{_HAN}々]{{2,5}})(?=さん|様|さま|氏|君)"
    # the writer's own relative, then a Chinese name: "我外婆周秀芳今年九十四岁", "我的父亲王建国住在…"
    r"|我(?:的)?(?:外婆|外公|奶奶|爷爷|姥姥|姥爷|妈妈|爸爸|母亲|父亲|哥哥|姐姐|弟弟|妹妹|老公|老婆|丈夫|妻子|儿子|女儿"
    r"|祖母|祖父)"
    rf"(?!{_NOT_A_NAME_HAN})(?P<zrel>[{_HAN}]{{2,3}}?)"
    r"(?=[，,、。 \t(（：:0-9]|今年|已经|住|患|被|从|因|最近|一直|曾|有|说|在|是|的|$)"
    # the writer's own relative, then a Korean full name with its particle: "제 남편 박준혁은", not "제 남편 정말로"
    r"|(?:제|내|우리|저희)[ \t]+(?:남편|아내|부인|아들|딸|어머니|아버지|엄마|아빠|할머니|할아버지|동생|오빠|언니|누나"
    r"|손자|손녀)[ \t]+(?!이메일|이야기|이번|이름|전화|주소|정신|정말|진단|치료|상태|지금|작년|올해|오늘|어제|내일"
    r"|계속|항상|매일|처음|결국|병원|약을|약이)"
    rf"(?P<krel>[{_KOREAN_SURNAMES}][{_HANGUL}][{_HANGUL}](?<![은는이가을를의도만로과와에]))"
    rf"(?=(?:은|는|이|가|을|를|의|씨|님|에게|과|와)?(?![{_HANGUL}]))"
)
_EAST_ASIAN_GATE = re.compile(
    r"様|さん|さま|氏|君|先生|女士|小姐|老师|医生|님|씨|선생님|학생|할아버지|할머니|환자|보호자|的(?:妈|爸|母|父|儿|女|丈|妻)|病人|患者|病者"
    r"|家属|收件人|联系人|女儿|儿子|丈夫|妻子|母亲|父亲|外婆|外公|奶奶|爷爷|姥姥|姥爷|妈妈|爸爸|哥哥|姐姐|弟弟|妹妹|老公|老婆|祖母|祖父|남편|아내|부인|아들|딸|어머니|아버지|엄마|아빠|동생|오빠|언니|누나|손자|손녀"
)
# A name after a patient, family or title word of Cyrillic, Greek, Arabic, Devanagari or Ethiopic script
# ("пациентка Коваленко Ірина", "Мама пациента, Ольга Сидоренко", "η ασθενής Ελένη", "ابنتي مريم", "रोगी सुरेश को",
# "ወ/ሮ …"), and "मैं … हूँ" ("I am …").
_CYR = "[А-ЯЁІЇЄҐ][а-яёіїєґ'’-]{1,30}"
_GRK = "[Α-ΩΆΈΉΊΌΎΏ][α-ωάέήίόύώϊϋΐΰς]{1,30}"
_DEV = "[\u0900-\u0963\u0971-\u097f]{2,15}"
_OTHER_SCRIPT_NAME = re.compile(
    r"(?i:\b(?:пациент|пациентка|пациентки|пациента|пацієнт|пацієнтка|пацієнтки|больной|больная|клиент|клиентка"
    r"|клієнт|клієнтка|мама|мать|мати|папа|отец|батько|тато|жена|дружина|муж|чоловік|сын|син|дочь|дочка|донька"
    r"|брат|сестра|бабушка|бабуся|дедушка|дідусь|власник|владелец))"
    r"(?:[ \t]+(?i:пациентки|пациента|пацієнтки|пацієнта))?,?[ \t]+"
    rf"(?P<cyr>{_CYR}(?:[ \t]+{_CYR}){{0,2}})"
    r"|(?i:\b(?:ασθενής|ασθενούς|ασθενή|κυρία|κυρίας|κύριος|κυρίου|κύριο|μητέρα|πατέρας|σύζυγος|γιος|κόρη|αδελφός"
    r"|αδελφή|γιαγιά|παππούς))(?:[ \t]+(?i:μου|σου|του|της|μας|σας|τους))?"
    rf"[ \t]+(?P<grk>{_GRK}(?:[ \t]+{_GRK})?)"
    r"|(?:ابني|ابنتي|ابنه|ابنها|ابنته|ابنتها|أخي|أختي|أخوه|أخته|أخوها|أختها|زوجي|زوجتي|زوجها|زوجته|أمي|أبي"
    r"|مريضي|مريضتي|المريض|المريضة|المريضه|للمريض|للمريضة)[ \t]+(?!ال)"
    # the whole name where punctuation ends it ("المريضة فاطمة الزهراء بنعلي، …"), else its first word
    r"(?P<arb>[\u0621-\u064a]{2,15}(?:[ \t]+[\u0621-\u064a]{2,15}){1,2}(?=[ \t]*[،,.؛:(])|[\u0621-\u064a]{2,15})"
    r"|(?:המטופל|המטופלת|מטופל|מטופלת|המטופל/ת|החולה|חולה|הבן[ \t]+שלי|הבת[ \t]+שלי|בני|בתי|בעלי|אשתי|אמא[ \t]+שלי"
    r"|אבא[ \t]+שלי|סבתא[ \t]+שלי|סבא[ \t]+שלי|אחי|אחותי)[ \t]+"
    r"(?P<heb>[\u05d0-\u05ea'\"״׳־-]{2,15}(?:[ \t]+[\u05d0-\u05ea'\"״׳־-]{2,15}){0,2}?)(?=[ \t]*[,،.:(]|[ \t]+ת\.?ז)"
    r"|(?:रोगी|मरीज़|मरीज|पत्नी|पति|बेटी|बेटा|माँ|मां|पिता|भाई|बहन|श्रीमती|श्री|सुश्री)[ \t]+"
    rf"(?P<dev>{_DEV}(?:[ \t]+{_DEV}){{0,2}}?)(?=[ \t]+(?:को|ने|की|का|के|से|हूँ|हैं|है)(?![\u0900-\u097f])|[ \t]*[,।(])"
    rf"|मैं[ \t]+(?P<self>{_DEV})[ \t]+हूँ"
    r"|(?:ወ/ሮ|አቶ|ወ/ሪት|ዶ/ር)[ \t]*(?P<eth>[\u1200-\u1367]{2,12}(?:[ \t]+[\u1200-\u1367]{2,12})?)"
)
_OTHER_SCRIPT_GATE = re.compile(r"[\u0370-\u03ff\u0400-\u04ff\u05d0-\u05ea\u0600-\u06ff\u0900-\u097f\u1200-\u137f]")


# A Vietnamese name has its shape: a common surname, then "Văn" or "Thị" and one or two given names ("Nguyễn Văn An",
# "Bùi Văn Long", "Trần Thị Minh Châu"), or typed in lower case with one given name ("mr nguyen van thanh"); the
# given names may be everyday or stop words in English ("An", "Long"), the shape says they are a name. Without the
# diacritics ("Van", "Thi") and in lower case only surnames that are no English or French word count (not "Le Van
# Gogh", nor "ho", "do", "ly").
_VN_SURNAMES = (
    "Nguyễn|Nguyen|Trần|Tran|Lê|Le|Phạm|Pham|Hoàng|Hoang|Huỳnh|Huynh|Phan|Vũ|Vu|Võ|Vo|Đặng|Dang|Bùi|Bui|Đỗ|Do|Hồ|Ho"
    "|Ngô|Ngo|Dương|Duong|Lý|Ly|Đinh|Dinh|Trịnh|Trinh|Đoàn|Doan|Lâm|Lam|Trương|Truong|Lương|Luong|Tạ|Ta|Đào|Dao"
)
_VN_LOWER_SURNAMES = "nguyễn|nguyen|trần|tran|phạm|pham|hoàng|hoang|huỳnh|huynh|đặng|dang|bùi|bui|dương|duong|ngô|ngo"
_VIETNAMESE_NAME = re.compile(
    rf"(?<![\w'’-])(?:(?:(?:{_VN_SURNAMES})[ \t]+(?:Văn|Thị)|(?i:{_VN_LOWER_SURNAMES})[ \t]+(?:Van|Thi))"
    rf"(?:[ \t]+[{UP}][{LOW}]{{1,10}}){{1,2}}"
    rf"|(?:{_VN_LOWER_SURNAMES})[ \t]+(?:văn|thị|van|thi)[ \t]+[{LOW}]{{2,10}})(?![\w'’-])"
)
_VN_MIDDLES = ("Văn", "Thị", "Van", "Thi", "văn", "thị", "van", "thi")


def _vietnamese_gate(text: str) -> bool:
    """A middle name the pattern needs, as it spells it (a substring test is cheap)."""
    return any(middle in text for middle in _VN_MIDDLES)


# Given names in Arabic script that are no everyday Arabic word (not "حسن", good, "أمل", hope, "نور", light, "كريم",
# generous, "إيمان", faith), found without a role word before them ("اتصل خالد مساء الأحد"), with a second given name
# or a family name of the article and a nisba after them ("محمد الحسيني"); not a prophet's or caliph's name after his
# title ("النبي محمد"), nor a writer's before a verb of writing ("طه حسين كتب").
_ARABIC_GIVEN = frozenset(
    """محمد أحمد احمد محمود خالد فاطمة ليلى مريم عائشة يوسف إبراهيم ابراهيم مصطفى عبدالله زينب خديجة حسين عثمان
    طارق رانيا سلمى ياسمين نادية رشا لينا دينا علياء سعاد ياسر فيصل هشام وائل رامي زياد سمير رنا لمى شيماء
    يحيى زكريا موسى عيسى هارون داود سليمان إسماعيل اسماعيل حمزة بلال معاذ عمار مهند ريما لبنى غادة سوسن نسرين
    شيرين نايف عبدالرحمن عبدالعزيز عبدالرحيم عبدالكريم عبدالقادر إسراء اسراء رهف رزان تسنيم سهى فدوى ميساء
    لجين مروة نجلاء أسامة اسامة مازن إياد اياد بشار حسام عصام غسان نزار يزن تامر عمرو عدنان فراس قصي""".split()
)
_ARABIC_REVERED = frozenset("النبي الرسول سيدنا الإمام الامام الخليفة نبي رسول".split())
# A scholar's or writer's verb right after the name, as in English ("… wrote", "… described"): "طه حسين كتب عن …".
_ARABIC_SCHOLARLY_AFTER = frozenset("كتب ألف ألّف نشر وصف اقترح طور طوّر صاغ أسس أسّس ابتكر اكتشف".split())
_ARABIC_GATE = re.compile(r"[\u0621-\u064a]")
_ARABIC_WORD = re.compile(r"[\u0621-\u064a]{2,20}")


def _arabic_given(word: str) -> int:
    """How many letters of a conjunction come before a given name in Arabic script ("وخالد", and Khalid), or -1."""
    if word in _ARABIC_GIVEN:
        return 0
    if word[:1] == "و" and word[1:] in _ARABIC_GIVEN:
        return 1
    return -1


def _arabic_names(text: str):
    words = list(_ARABIC_WORD.finditer(text))
    i = 0
    while i < len(words):
        m = words[i]
        lead = _arabic_given(m.group())
        revered = i and words[i - 1].group() in _ARABIC_REVERED and not text[words[i - 1].end() : m.start()].strip()
        if lead < 0 or revered:
            i += 1
            continue
        end, j = m.end(), i + 1
        while j < len(words) and j <= i + 2 and text[words[j - 1].end() : words[j].start()] == " ":
            nxt = words[j].group()
            if not (nxt in _ARABIC_GIVEN or (nxt.startswith("ال") and nxt.endswith("ي") and len(nxt) >= 5)):
                break
            end, j = words[j].end(), j + 1
        if not (j < len(words) and words[j].group() in _ARABIC_SCHOLARLY_AFTER):
            yield "name", m.start() + lead, end, BORDERLINE, "given name in Arabic script"
        i = j


# A name in Latin letters with a Korean particle joined to it, as Korean text writes a romanised name: "Park Ji-hoon의
# 보험번호", "Maria는". One of its words must be a name the lexicons know; a known author is cited ("Beck의 모델").
_HANGUL_GATE = re.compile(rf"[A-Za-z][{_HANGUL}]")
_ROMANISED_BEFORE_PARTICLE = re.compile(
    rf"(?<![\w'’-])(?P<name>[A-Z][a-z]+(?:[ \t-][A-Z][a-z]+(?:-[a-z]+)?){{0,2}})"
    rf"(?:의|는|은|가|이|을|를|에게|한테|씨|님)(?![{_HANGUL}]{{2}})"
)


def _romanised_before_particle(text: str, classes: _Classes):
    for m in _ROMANISED_BEFORE_PARTICLE.finditer(text):
        parts = re.split(r"[ \t]|-(?=[A-Z])", m.group("name"))
        kinds = [classes.of(p) for p in parts]
        if any(_key(p) in classes.authors for p in parts) or not {"given", "family", "everyday"} & set(kinds):
            continue
        if len(parts) == 1 and kinds[0] == "everyday":
            continue  # "Hope는": one everyday word alone
        yield "name", m.start("name"), m.end("name"), BORDERLINE, "name before a Korean particle"


# Names in Cyrillic and Greek, read through their Latin spelling against the lexicons: "Сергей звонил ночью",
# "Запись от Наташи", "Громов поступил", "Ο Γιώργος μένει …", "Σοφία, γεννήθηκε …". An inflected form is tried
# with the endings of the nominative ("Наташи" → "Наташа"). A known word at a sentence's start is a name only before
# a verb in the past tense or a comma ("Вера сказала", not "Вера в себя"); inside a sentence, capitals are names
# or places, and places are left to the place rules.
_CYRILLIC_OR_GREEK = re.compile(r"[А-ЯЁІЇЄҐΑ-ΩΆΈΉΊΌΎΏ]")
_CYR_LATIN = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ",
        "a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch _ y _ e yu ya i yi ye g".split(),
    )
)
_GRK_LATIN = dict(
    zip(
        "αβγδεζηθικλμνξοπρσςτυφχψωάέήίόύώϊϋΐΰ",
        "a v g d e z i th i k l m n x o p r s s t y f ch ps o a e i i o y o i y i y".split(),
    )
)
_SLAVIC_WORD = re.compile(
    r"(?<![\w'’-])(?P<w>[А-ЯЁІЇЄҐ][а-яёіїєґ'’]{2,20}|[Α-ΩΆΈΉΊΌΎΏ][α-ωάέήίόύώϊϋΐΰς]{2,20})(?![\w'’-])"
)
_PAST_OR_COMMA_AFTER = re.compile(
    r"[ \t]*,|[ \t]+(?:[а-яёіїє]{2,20}(?:л|ла|ли|лась|лся|лися)"
    r"|[α-ωάέήίόύώ]{2,20}(?:ησε|ήσε|ε|αν|ηκε|ήκε|θηκε|ει))(?![\w])"
)
_CYR_ENDINGS = ("", "а", "я", "й")
_GREEK_ARTICLE_BEFORE = re.compile(r"(?:^|[ \t])(?:[Οο]|[Ηη]|τον|την|του|της|Τον|Την)[ \t]+$")


def _latin(word: str) -> str:
    table = _CYR_LATIN if word[:1].lower() in _CYR_LATIN else _GRK_LATIN
    latin = "".join(table.get(c, c) for c in word.lower()).replace("_", "")
    # Ukrainian writes as "h" the letter Russian writes as "g": "Борщагівка" is "Borshchahivka"
    return latin.replace("g", "h") if any(c in "іїєґ" for c in word.lower()) else latin


def _known_as_name(word: str, classes: _Classes) -> bool:
    stems = [word]
    if word[-1:] in "иыеуюя" and len(word) > 3:
        stems += [word[:-1] + e for e in _CYR_ENDINGS if e]  # "Наташи", "Наташе", "Наташу" → "Наташа"
    if word[-2:] in ("ой", "ей", "ом", "ым", "ого", "ему") and len(word) > 4:
        stems += [word[:-2] + e for e in _CYR_ENDINGS]
    for stem in stems:
        key = _latin(stem)
        if key in classes.places or key in towns() or key in classes.safe:
            return False
        if key in classes.given or key in classes.family:
            return True
    return False


def _transliterated_names(text: str, classes: _Classes):
    for m in _SLAVIC_WORD.finditer(text):
        word = m.group("w")
        if not _known_as_name(word, classes):
            continue
        before = text[max(0, m.start() - 12) : m.start()]
        at_start = _sentence_start(text, m.start()) or not before.strip()
        article = bool(_GREEK_ARTICLE_BEFORE.search(before))
        if at_start and not (article or _PAST_OR_COMMA_AFTER.match(text, m.end())):
            continue
        yield "name", m.start(), m.end(), BORDERLINE, "name in Cyrillic or Greek"


# A nickname in quotes inside a name: 'Bartholomew "Barty" Ekwueme'.
_QUOTED_NICKNAME = re.compile(
    r"(?<![\w'’-])(?P<first>[A-Z][\w'’-]{1,30})[ \t]+[\"“'‘](?P<nick>[A-Z][\w'’-]{1,30})[\"”'’][ \t]+"
    r"(?P<last>[A-Z][\w'’-]{1,30})"
)
# A sentence that is about someone's name: a quoted word in it, or one it asks about, is that name ('The boy in the
# vignette, "Lachie", is a real patient's nickname', "Sunny? is that the real name of the pt").
_NAME_CUE = re.compile(
    r"(?i)\b(?:nick-?names?|(?:real|actual|first|given|full|last)[ \t]+names?"
    r"|(?P<calls>call(?:s|ed)?[ \t]+(?:her|him)|goes[ \t]+by))\b"
)  # '"Nan" is what everyone calls her': what someone is called is their name, whatever word it is
_QUOTED_OR_ASKED = re.compile(r"[\"“](?P<q>[A-Z][\w'’-]{1,30})[\"”]|(?<![\w'’-])(?P<a>[A-Z][\w'’-]{1,30})\?")


def _nicknames(text: str, classes: _Classes):
    for m in _QUOTED_NICKNAME.finditer(text):
        first, last = classes.of(m.group("first")), classes.of(m.group("last"))
        if first in ("given", "everyday") and last not in ("stop", "word"):
            for group in ("first", "nick", "last"):
                yield "name", m.start(group), m.end(group), BORDERLINE, "name with a nickname"
    for m in _NAME_CUE.finditer(text):
        start, end = m.start(), m.end()
        sentence_start = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
        stops = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
        for q in _QUOTED_OR_ASKED.finditer(text, sentence_start, min(stops) if stops else len(text)):
            group = "q" if q.group("q") else "a"
            word = q.group(group)
            kinds = ("given", "family", "everyday", "unknown") + (("stop", "word") if m.group("calls") else ())
            if classes.of(word) in kinds and _key(word) not in classes.authors:
                yield "name", q.start(group), q.end(group), BORDERLINE, "name the sentence is about"


# The words of the roles, looked up before the pattern is tried ("in" and "law" of "brother-in-law", and the letters
# left from the pattern's syntax, are no role alone).
_ROLE_WORDS = set(re.findall(r"[^\W\d_]+", re.sub(r"\\[a-z]", " ", _ROLE))) - {"in", "law", "s", "e", "r"}
_ROLE_WORDS |= {"client", "patient", "daughter", "neighbour", "neighbor", "fiance", "fiancee", "fiancé", "fiancée",
                "whānau", "stepmum", "stepmom", "stepdad"}  # fmt: skip
_HONORIFIC_WORDS = {"mr", "mrs", "ms", "miss", "mx", "mister", "mme", "mlle", "sra", "sr", "srta", "herr", "frau",
                    "madame", "monsieur", "doña", "dona", "dña", "sig", "ra", "signora", "signor", "pani", "κυρία",
                    "κύριος", "κα", "κος", "pak", "bapak", "bu", "ibu"}  # fmt: skip
_NAMED_WORDS = {"named", "called", "known", "nicknamed", "goes", "name", "call"}
_OBJECT_WORDS = set(
    """saw see seeing met meet meeting treated treat treating with asked ask told tell helped help helping encouraged
    encourage invited invite offered offer reminded remind supported support supporting guided guide discussed
    contacted contact call called phone phoned ring rang text texted email emailed visit visited thank thanks per for
    about both and like sessions session working worked work lost followed supervised supervising assessed assessing
    spoke speaking spoken talked talking chatted chatting checked heard from w sms msg voicemail whatsapp dm
    referred interviewed admitted discharged diagnosed reviewed following adapted""".split()
)
_SCHOLARLY_BEFORE_WORDS = set(
    """according cf see per psychologist psychiatrist researcher author professor prof dr doctor philosopher monk nun
    scholar writer poet neuroscientist founder developer creator colleague students student work writings theory
    model by epidemiologist neurologist physician psychoanalyst sociologist statistician historian naturalist par
    por da door przez""".split()
)
_LOWER_WORD = re.compile(r"[^\W\d_]+")  # any script's words: "η κυρία Ελένη"


class _read_once:  # noqa: N801 (a decorator)
    """A property computed on first use and then stored on the instance (``functools.cached_property`` without the
    lock that Python 3.11 takes on every read)."""

    def __init__(self, fn):
        self.fn, self.name = fn, fn.__name__

    def __get__(self, obj, owner=None):
        value = obj.__dict__[self.name] = self.fn(obj)
        return value


class _Context:
    """What surrounds a candidate name on its line. Each fact is read when first asked for: a candidate that no
    context could make a name is dropped after the few facts that say so, which bounds the cost of run-on text
    full of capitalised words."""

    def __init__(self, text: str, start: int, end: int, line_cache: dict):
        self.text, self.start, self.end, self.line_cache = text, start, end, line_cache
        self.line_start, self.line_end = _line(text, start)
        self.before = text[max(self.line_start, start - 60) : start]
        self.after = text[end : min(self.line_end, end + 80)]
        self.words_before = set(_LOWER_WORD.findall(self.before.lower()))

    def _search(self, pattern, gate) -> bool:
        return not self.words_before.isdisjoint(gate) and pattern.search(self.before) is not None  # no set built

    @_read_once
    def honorific(self) -> bool:
        return self._search(_HONORIFIC, _HONORIFIC_WORDS)

    @_read_once
    def role(self) -> bool:
        return self._search(_ROLE_BEFORE, _ROLE_WORDS) and not _GLOSS_AFTER.match(self.text, self.end)

    @_read_once
    def label(self) -> bool:
        window = self.text[max(self.line_start, self.start - 40) : self.start]
        return window.rstrip(" \t")[-1:] in (":", "-", "–") and bool(_LABEL_BEFORE.search(window))

    @_read_once
    def bed(self) -> bool:
        return bool(("bed" in self.words_before or "bay" in self.words_before) and _BED_BEFORE.search(self.before))

    @_read_once
    def family(self) -> bool:
        # "the" must stand whole just before the name, so it is among the words before (the search tries every position)
        m = "the" in self.words_before and _THE_BEFORE.search(self.before) and _FAMILY_AFTER.match(self.after)
        # "the Johnson family model": a family word qualifying a model or study is an eponym's
        following = m and _LOWER_WORD.match(self.after, m.end() + 1)
        return bool(m) and not (following and following.group() in _ORG_WORDS | _EPONYM_NOUNS)

    @_read_once
    def named(self) -> bool:
        return (
            self._search(_NAMED_BEFORE, _NAMED_WORDS)
            and not _THING_NAMED_BEFORE.search(self.before)
            and not _known_figures_alias(self.text, self.start, self.start)  # "Shirley Mason, known as Sybil"
            and not _GLOSS_AFTER.match(self.text, self.end)  # 'a woman called Jónsdóttir is "daughter of Jón"'
        )

    @_read_once
    def dear(self) -> bool:
        after = self.after
        return (
            self._search(_DEAR_BEFORE, {"dear", "hi", "hello", "hey", "hiya", "morning", "to"})
            and (not after.strip() or after.lstrip().startswith((",", "!")))
        ) or (
            not after.split("\n")[0].strip(" \t.!")
            and bool(_SIGN_OFF_BEFORE.search(self.text[max(0, self.start - 40) : self.start]))
        )

    @_read_once
    def introduced(self) -> bool:
        return bool(self.words_before & {"i", "im", "am", "it", "its", "is"}) and bool(
            _SELF_INTRODUCTION_BEFORE.search(self.before)
        )

    @_read_once
    def sender(self) -> bool:
        return "from" in self.words_before and self._search(_SENDER_BEFORE, _SENDER_WORDS)

    @_read_once
    def addressed(self) -> bool:
        return self._search(_WRITER_DEALS_WITH_TITLE, {"dr", "prof", "professor"}) or self.doctor

    @_read_once
    def doctor(self) -> bool:
        return self._search(_DOCTOR_BEFORE, {"dr", "doctor"}) and not _academic_sentence(
            self.text, self.start, self.line_cache
        )

    @_read_once
    def age(self) -> bool:
        return bool(_AGE_AFTER.match(self.after) or _AGE_COMMA_AFTER.match(self.after))

    @_read_once
    def apposition(self) -> bool:
        return bool(_APPOSITION_AFTER.match(self.after) or _ADDRESS_AFTER.match(self.after))

    @_read_once
    def who(self) -> bool:
        return bool(_WHO_AFTER.match(self.after))

    @_read_once
    def possessive(self) -> bool:
        return bool(_POSSESSIVE_CLINICAL.match(self.after))

    @_read_once
    def verb(self) -> bool:
        if self.after[:1] not in (" ", "\t", "(") and self.after[:1]:
            return False  # no aside to pass, and the pattern opens with a blank (cost only)
        after = _past_aside(self.after)
        if not _VERB_AFTER.match(after):
            return False
        if not _DEFINED_AFTER.match(after):
            return True
        _, stop = sentence_bounds(self.text, self.end, self.line_cache)
        return _PRONOUN_LATER.search(self.text, self.end, stop) is not None  # "… is a cleaner and says she …"

    @_read_once
    def object(self) -> bool:
        return self._search(_OBJECT_BEFORE, _OBJECT_WORDS)

    @_read_once
    def pronoun(self) -> bool:
        low = self.after.lower()
        return ("he" in low or "hi" in low) and bool(_PRONOUN_AFTER.match(self.after))  # every pronoun has one

    @_read_once
    def scholarly(self) -> bool:
        return bool(
            _SCHOLARLY_AFTER.match(self.after)
            or _SCHOLARLY_POSSESSIVE.match(self.after)
            or (
                self._search(_SCHOLARLY_BEFORE, _SCHOLARLY_BEFORE_WORDS)
                and not _ADDRESSED_TITLE.search(self.before)
                and not self.doctor
            )
        )

    @_read_once
    def reference_line(self) -> bool:
        key = (self.line_start, self.line_end)
        if key not in self.line_cache:
            self.line_cache[key] = bool(_REFERENCE_LINE.search(self.text[self.line_start : self.line_end]))
        return self.line_cache[key]

    @_read_once
    def org_after(self) -> bool:
        return _org_follows(self.text, self.end)

    @_read_once
    def person_after(self) -> bool:
        # Each of those patterns opens, after blanks, with one of these characters (or a character (?i) could fold
        # to one, none of them ASCII): anything else after the name spares them all (cost only).
        first = self.after.lstrip(" \t")[:1]
        if first.isascii() and first not in _PERSON_AFTER_OPENERS:
            return False
        return self.age or self.apposition or self.who or self.possessive


_PERSON_AFTER_OPENERS = frozenset(",(<-'iwthHaAoOfF")


_AGE_COMMA_AFTER = re.compile(r"^[ \t]*,[ \t]*\d{1,5}[A-Za-z]?[ \t]+[A-Z]")


def _could_be_named(kinds: list[str], ctx: _Context) -> bool:
    """Whether any later rule could flag a part of these kinds in this context, without a strong cue before it:
    the rules that leave a candidate alone (authors, headings, places) need not be read when none could."""
    if len(kinds) >= 2 or kinds == ["given"]:
        return True
    if kinds[0] in ("family", "unknown", "caseless"):
        return (
            ctx.person_after
            or ctx.verb
            or ctx.dear
            or ctx.sender
            or ctx.introduced
            or ctx.object
            or ctx.pronoun
            or ctx.addressed
        )
    if kinds[0] == "everyday":
        return bool(
            ctx.person_after
            or ctx.dear
            or ctx.sender
            or ctx.introduced
            or ctx.verb
            or ctx.pronoun
            or _PERSONAL_VERB.match(ctx.after)
            or _person_only(ctx.before, ctx.after)
        )
    return False


# Handover lines, exports and headers written all in capitals ("HANDOVER: ABDIRAHMAN (BAY 4) REFUSED MEDS, COUSIN
# HODAN VISITING") give a name no capital to stand out by. Such a line is read again as prose would have it: the
# words the lexicons know as ordinary in lower case, the rest (names, and words no lexicon knows) capitalised,
# short words kept as the acronyms they mostly are. Offsets are unchanged: a word whose case changes its length
# is left as written.
_SHOUTED_GATE = re.compile(r"[A-Z]{3,}[^\w\n]{1,3}[A-Z]{2,}[^\w\n]{1,3}[A-Z]{2,}")
# A line, or the part of one before a dash, as a pasted note in capitals is often followed by the writer's own
# words: "PT SEEN … AT CHATSWORTH CLINIC. … — the MSE example should look like this".
_SHOUTED_LINE = re.compile(r"[^\n—–]+")
_SHOUTED_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def _shouted_case(line: str, classes: _Classes) -> str:
    def recase(m: re.Match) -> str:
        word = m.group()
        key = word.lower()
        ordinary = key in classes.safe or key in classes.stop or key in _MONTHS
        if len(word) <= 3 and key not in classes.given:
            return key if ordinary else word  # "TO", "THE" as words; "MRN", "DOB" as the acronyms they are
        # A given name or a name that is an everyday word stays a name; a surname that is an ordinary word
        # ("BACK", "HOLDER") is read as the word.
        name_like = key in classes.given or key in classes.everyday
        recased = "-".join(p.capitalize() for p in word.split("-")) if name_like or not ordinary else key
        return recased if len(recased) == len(word) else word

    return _SHOUTED_WORD.sub(recase, line)


def shouted_lines(text: str) -> list[tuple[int, int]]:
    """The spans of the lines of ``text`` written all in capitals."""
    if not _SHOUTED_GATE.search(text):
        return []
    spans = []
    for m in _SHOUTED_LINE.finditer(text):
        letters = [c for c in m.group() if c.isalpha() and c.isascii()]
        if len(letters) >= 12 and sum(c.isupper() for c in letters) >= 0.85 * len(letters):
            spans.append((m.start(), m.end()))
    return spans


def _shouted_prose(text: str, classes: _Classes):
    """``text`` with its lines written all in capitals read as prose would have them, and those lines' spans."""
    shouted = shouted_lines(text)
    recased = list(text)
    for start, end in shouted:
        recased[start:end] = _shouted_case(text[start:end], classes)
    return "".join(recased), shouted


def _shouted_names(text: str, classes: _Classes, cited_lookup, seen: list[tuple[int, int]]) -> list:
    """Names in lines written all in capitals, read as prose would have them (held)."""
    prose, shouted = _shouted_prose(text, classes)
    if not shouted:
        return []
    line_cache: dict = {}
    found = []
    for run in _runs(prose):
        for f in _judge_run(prose, run, classes, cited_lookup, line_cache):
            f = _with_kin_title(prose, f)
            if f[0] == "name" and overlaps(shouted, f[1], f[2]) and not overlaps(seen, f[1], f[2]):
                found.append(("name", f[1], f[2], BORDERLINE, "name in a line written in capitals"))
    return found


# A sentence that says the people it names are public or historical ("… are public figures, leave them", "Henry
# Molaison (H.M.) is a public case", "X is a historical figure"), about no one in care: its names are held no more.
_PUBLIC_PEOPLE_GATE = re.compile(r"(?i)\b(?:public|historical|historic|famous)[ \t]+(?:figures?|cases?|personalit)")
_PUBLIC_PEOPLE = re.compile(
    r"(?i)(?:\b(?:is|are|was|were)[ \t]+(?:a[ \t]+|all[ \t]+)?(?:well[- ]known[ \t]+)?|[—–,-][ \t]*)"
    r"(?:public|historical|historic|famous)[ \t]+(?:figures?|cases?|personalit(?:y|ies))\b"
)
_IN_CARE = re.compile(r"(?i)\b(?:patient|patients|pt|client|clients|service[ \t]+user|my|our)\b")


def _said_public(text: str, pos: int, cache: dict) -> bool:
    start, end = sentence_bounds(text, pos, cache)
    sentence = text[start:end]
    return bool(_PUBLIC_PEOPLE.search(sentence)) and not _IN_CARE.search(sentence)


# A name opening a clause, where the person is from and what they said: "Bill from the Thursday carers' group says
# …", "Sue from Bellamy & Co rang …", "Ahmed at the Mirpur centre told me …". Only a word the name lexicons know.
_FROM_SOMEWHERE_SAID = re.compile(
    r"(?m)(?:^|(?<=[.!?;:—–-][ \t])|(?<=[.!?]\n))(?P<name>[A-Z][a-z]{1,20})[ \t]+(?:from|at)[ \t]+"
    r"[^.!?\n;]{1,60}?\b(?:says|said|rang|called|phoned|emailed|texted|told|asked|wrote|mentioned|messaged)\b"
)


def _names_from_somewhere(text: str, classes: _Classes, seen: list[tuple[int, int]]) -> list:
    found = []
    for m in _FROM_SOMEWHERE_SAID.finditer(text):
        key = m.group("name").lower()
        if not (key in classes.given or key in classes.everyday) or key in classes.stop or key in _MONTHS:
            continue
        if key in classes.places or overlaps(seen, m.start("name"), m.end("name")):
            continue
        found.append(("name", m.start("name"), m.end("name"), BORDERLINE, "name of someone from somewhere who said"))
    return found


# A surname in capitals before the given name, as lists and exports write them: "PRZYBYLSKI, Marek", "HOLLOWAY,
# JUSTIN R". The given name must be one the lexicon knows and the capitals no ordinary word ("NOTE, Mary").
_SURNAME_FIRST = re.compile(
    r"(?<![\w'’-])(?P<surname>[A-Z][A-Z'’-]{2,30}),[ \t]+(?P<given>[A-Z][a-z]{1,20}|[A-Z]{2,20})"
    r"(?:[ \t]+[A-Z]\.?(?![\w]))?(?![\w'’-])"
)


def _surnames_first(text: str, classes: _Classes, found: list) -> list:
    """``found`` with a capitalised surname and the given name after it as one name (held)."""
    extra = []
    for m in _SURNAME_FIRST.finditer(text):
        surname, given = m.group("surname").lower(), m.group("given").lower()
        if given not in classes.given or surname in classes.safe or surname in classes.stop:
            continue
        if surname in classes.given and surname not in classes.family:
            continue  # "MARY, John": two given names, as a list of first names would have them
        if given in classes.safe:
            continue
        found = [f for f in found if not (f[0] == "name" and m.start() <= f[1] and f[2] <= m.end())]
        extra.append(("name", m.start(), m.end(), BORDERLINE, "surname in capitals and given name"))
    return found + extra


# A name that begins a phrase its acronym spells: "Galveston orientation and amnesia test (GOAT)".
_SPELLED_ACRONYM = re.compile(r"((?:[ \t]+[A-Za-z][\w'’-]*){1,6})[ \t]*\(([A-Z]{2,8})(?:-?\d{0,2})\)")
_ACRONYM_SMALL = {"and", "of", "the", "for", "in", "on", "to", "a", "&"}


def _spells_acronym(text: str, start: int, end: int) -> str:
    """ "name" when the words from this one spell the acronym in brackets after them, "phrase" when words before it
    are needed too, "" when they do not spell it."""
    m = _SPELLED_ACRONYM.match(text, end, min(len(text), end + 90))
    if not m:
        return ""
    words = [text[start:end]] + [w for w in m.group(1).split() if w.lower() not in _ACRONYM_SMALL]
    initials = "".join(w[0].upper() for w in words)
    acronym = m.group(2)
    if initials == acronym or initials.rstrip("S") == acronym:
        return "name"
    # The name's words may begin after the phrase does: "the Adolescent Brain Cognitive Development (ABCD) Study".
    lead = acronym.removesuffix(initials)
    if lead == acronym or len(lead) > 3:
        return ""
    earlier = [w for w in text[max(0, start - 60) : start].split() if w.lower() not in _ACRONYM_SMALL][-len(lead) :]
    return "phrase" if "".join(w[0] for w in earlier) == lead else ""


# A figure of fiction joined to its eponym: "Alice in Wonderland syndrome", "Romeo and Juliet effect".
_JOINED_EPONYM = re.compile(r"[ \t]+(?:in|of|and|&)[ \t]+[A-Z][\w'’-]+[ \t]+([a-z]+)\b")


def _eponym_follows(text: str, end: int) -> bool:
    m = _TOKEN.match(text, end + 1) if text[end : end + 1] in (" ", "\t") else None
    return bool(m and _key(m.group()) in _EPONYM_NOUNS)


# What only a body, brand or model has, in the plural or in public affairs: "Soteria houses", "Maggie's centres",
# "Foxconn factories", "Tata Steel job losses", "the Clubhouse programmes". No person is a set of houses.
_INSTITUTIONS_PLURAL = (
    r"(?:houses|homes|centres|centers|clinics|hospitals|factories|warehouses|stores|shops|branches"
    r"|plants|mines|mills|programmes|programs|franchises|outlets|restaurants|hotels|offices|depots|sites|campuses"
    r"|job[ \t]+losses|job[ \t]+cuts|layoffs|redundancies|closures?|shareholders|executives|subsidiaries|products"
    r"|share[ \t]+price|lawsuits?|settlement|scandal|bankruptcy|takeover|workforce"
    # a product line: "Oticon More aids", "Libre sensors"
    r"|aids|devices|implants|sensors|headsets|handsets|wearables|trackers|inhalers|tablets|capsules|apps)\b"
)
_INSTITUTION_AFTER = re.compile(
    rf"['’]s[ \t]+{_INSTITUTIONS_PLURAL}|[ \t]+{_INSTITUTIONS_PLURAL}"
    # a verb takes an object where a plural noun does not: "Aroha houses her nephew", "Jen shops at Aldi"
    r"(?![ \t]+(?:her|his|their|them|him|me|us|it|the|a|an|my|our|your|at|for|with|up|out|this|that)\b)"
)


def _org_follows(text: str, end: int) -> bool:
    if _INSTITUTION_AFTER.match(text, end):
        return True
    m = _TOKEN.match(text, end + 1) if text[end : end + 1] in (" ", "\t") else None
    if m and _key(m.group()) in _EPONYM_NOUNS:
        return True  # "the Flynn effect", "Capgras delusion": an eponym, whatever its case
    joined = _JOINED_EPONYM.match(text, end, end + 40)
    if joined and joined.group(1) in _EPONYM_NOUNS:
        return True
    if not m and _COORDINATED_ORG.match(text, end):
        return True  # "the Tavistock and Portman NHS Foundation Trust"
    return bool(m and _key(m.group()) in _ORG_WORDS and m.group()[0].isupper())


_EPONYM_NOUNS = {"effect", "delusion", "syndrome", "disease", "contract", "paradox", "phenomenon", "reflex", "sign",
                 "hypothesis", "principle", "law", "fallacy", "complex", "illusion", "paradigm", "test", "scale",
                 "criteria", "technique", "method", "manoeuvre", "maneuver"}  # fmt: skip
_COORDINATED_ORG = re.compile(
    r"[ \t]+(?:and|&)[ \t]+[A-Z][\w'’-]+[ \t]+(?:NHS|Trust|Foundation|Hospital|Hospitals|University|Institute|Clinic"
    r"|Centre|Center|Council|Board|Service|Services)\b"
)


def _judge_run(text: str, run, classes: _Classes, cited_lookup, line_cache: dict):
    tokens = [(word, start, end, classes.of(word)) for word, start, end in run]
    # A capitalised word that is also a name ("June", "Christian") after "my client" or "Mrs" is a name.
    if tokens and tokens[0][3] in ("stop", "place", "word"):
        before = text[max(0, tokens[0][1] - 60) : tokens[0][1]]
        after = text[tokens[0][2] : tokens[0][2] + 60]
        is_name = classes.is_name(tokens[0][0])
        words_before = set(_LOWER_WORD.findall(before.lower())) if is_name else set()
        if is_name and (
            (words_before & _HONORIFIC_WORDS and _HONORIFIC.search(before))
            or (words_before & _ROLE_WORDS and _ROLE_BEFORE.search(before))
            or (("-" in before or ":" in before or "–" in before) and _LABEL_BEFORE.search(before))
            or (len(tokens) == 1 and tokens[0][3] != "stop" and _person_only(before, after))
            # no town or thing is "15 and says" or "(14, she/her)"
            or (len(tokens) == 1 and tokens[0][3] != "stop" and _AGE_AFTER.match(after))
        ):
            tokens[0] = tokens[0][:3] + ("everyday",)
        elif (
            # A sign-off ("Thanks, Mags") closes a message with the writer's name, whatever word it is.
            len(tokens) == 1
            and (tokens[0][3] != "stop" or is_name)
            and not after.split("\n")[0].strip(" \t.!")
            and _key(tokens[0][0]) not in _GROUP_ADDRESSES
            and _SIGN_OFF_BEFORE.search(before[-40:])
        ):
            tokens[0] = tokens[0][:3] + ("everyday",)
    for i in range(1, len(tokens)):
        if tokens[i][3] == "place" and tokens[i - 1][3] == "given":
            tokens[i] = tokens[i][:3] + ("family",)  # "Darnell Washington"
        if tokens[i - 1][0].lower() in _PARTICLES and tokens[i - 1][3] in ("word", "stop") and tokens[i][3] != "stop":
            tokens[i - 1] = tokens[i - 1][:3] + ("particle",)  # "Van der Merwe"
    # A run breaks at words that are never names ("Dear", "Patient", "London", "Therapy"): judge each part.
    part: list = []
    previous = None
    titled = False  # the part stands among capitalised English words: "the Mental Health Bill", "Crisis Text Line"
    for token in tokens + [None]:
        if token is None or token[3] in ("stop", "place", "word"):
            if part:
                titled = titled or (
                    token is not None
                    and _title_word(token)
                    and _key(token[0]) not in _PLACE_HEADS
                    and not part[-1][0].endswith(("'s", "’s"))  # "Ruth's Instagram": the person's own thing
                )
                # one word that is also a name, in a title: "the Mental Health Bill"; not "Cnr Hay and Barrack Sts"
                titled = titled and len(part) <= 2 and all(t[3] in ("everyday", "given") for t in part)
                titled = titled and _key(part[-1][0]) not in _PLACE_HEADS  # "Ikeja City Mall" is a place
                titled = titled and not _COORDINATED_AFTER.match(text, part[-1][2])
                yield from _judge_part(text, part, classes, cited_lookup, line_cache, titled)
            part = []
        elif token[0].lower() in _PARTICLES and not part and not _leads_name(text, token):
            continue
        elif part and part[-1][0].endswith(("'s", "’s")):
            # A possessive ends the name: what follows is its thing ("Ainsworth's Strange Situation").
            yield from _judge_part(text, part, classes, cited_lookup, line_cache)
            part = [token]
        else:
            if not part:
                titled = previous is not None and (
                    (_title_word(previous) and not _sentence_start(text, previous[1]))
                    or _key(previous[0]) in _STORM_WORDS  # "Hurricane Katrina"
                )
            part.append(token)
        previous = token


_PLACE_HEADS = {"street", "st", "sts", "road", "rd", "avenue", "ave", "lane", "ln", "drive", "dr", "way", "close",
                "crescent", "terrace", "mall", "estate", "park", "square"}  # fmt: skip
# Words that go before a person's name as a title or a form of address, and so never make it a title's word.
_FACILITY_HEADS = {
    "hospital",
    "clinic",
    "ward",
    "unit",
    "house",
    "home",
    "centre",
    "center",
    "school",
    "college",
    "hospice",
    "surgery",
    "practice",
    "church",
    "mosque",
    "temple",
    "hostel",
    "prison",
    "court",
}
_ADDRESS_WORDS = {"dr", "doctor", "prof", "professor", "nurse", "sister", "brother", "uncle", "aunt", "aunty",
                  "auntie", "father", "mother", "saint", "st", "sr", "rev", "pastor", "imam", "rabbi", "coach", "judge",
                  "officer", "sgt", "captain", "capt", "lord", "lady", "sir", "dame", "king", "queen", "prince",
                  "princess", "baby", "little", "big", "young", "old", "dear", "patient", "client", "pt"}  # fmt: skip


def _title_word(token) -> bool:
    """A capitalised English word (or a word never a name) that can stand in a title beside a name-like word."""
    word, kind = token[0], token[3]
    if kind == "word":
        return True
    key = _key(word)
    if kind != "stop" or word.isupper() or "'" in word or "’" in word or key in _FACILITY_HEADS:
        return False  # not "I'm Marcus …" nor "Hospital São Vicente"
    return key not in _ADDRESS_WORDS and key not in _GREETINGS | _MONTHS


_PUBLIC_BODY_HEADS = {"institute", "museum", "foundation", "society", "centre", "center", "library", "trust",
                      "archive", "archives"}  # fmt: skip
_STORM_WORDS = {"hurricane", "storm", "cyclone", "typhoon", "tropical"}
_DOMAIN_AFTER = re.compile(r"\.(?:gov|org|com|net|edu|int|nhs|ac|co|io)\b", re.I)
_COORDINATED_AFTER = re.compile(r"[ \t]+(?:and|&)[ \t]+[A-Z]")


def _leads_name(text: str, token) -> bool:
    """A capitalised particle after an honorific or "the" begins the surname: "Ms. Van der Merwe", "Mr De Souza",
    "the Van Dyke family" (after "the", only a family word makes it a name)."""
    before = text[max(0, token[1] - 12) : token[1]]
    # Both patterns end in a word, or an honorific's full stop, then blanks: a window whose last other character is
    # neither is spared them (each tries every position).
    last = before.rstrip(" \t\n")[-1:]
    if not (last == "." or last.isalpha()):
        return False
    return token[0][0].isupper() and bool(_HONORIFIC.search(before) or _THE_BEFORE.search(before))


def _person_only(before: str, after: str) -> bool:
    """Wording that fits a person and no place or thing, around one capitalised word."""
    return bool(
        (_CLEFT_BEFORE.search(before) and _WHO_DIRECTLY_AFTER.match(after))
        or (_ONLY_A_PERSON_AFTER.match(after) and not _after_preposition_of_place(before))
    )


def _judge_part(text: str, part, classes: _Classes, cited_lookup, line_cache: dict, titled: bool = False):
    while part and part[-1][0].lower() in _PARTICLES:
        part = part[:-1]
    if not part or len(part) > 5 or all(len(t[0]) == 1 for t in part):
        return  # single letters are judged as initials, elsewhere
    start, end = part[0][1], part[-1][2]
    word_end = end - 2 if text[end - 2 : end] in ("'s", "’s") else end
    ctx = _Context(text, start, word_end, line_cache)
    kinds = [t[3] for t in part if t[0].lower() not in _PARTICLES and t[3] != "particle"] or ["family"]
    keys = [_key(t[0]) for t in part]
    # A family's surname ("the Okafor family") is held, and only a word that is no everyday one.
    family = ctx.family and not {"everyday", "word"} & set(kinds)
    strong = ctx.honorific or ctx.role or ctx.label or ctx.named or ctx.bed or family
    if _DOMAIN_AFTER.match(text, word_end):
        return  # "ClinicalTrials.gov", "Samaritans.org": a site's name
    if _SUSPENDED_HYPHEN.match(text, word_end) and not strong:
        return  # "Yoruba-, Igbo- and Hausa-speaking": the first half of a compound finished later in the list
    if titled and not strong:
        return  # a word of a title or an organisation's name, not a person's
    if not strong and not _could_be_named(kinds, ctx):
        return
    if (
        not strong
        and len(part) >= 2
        and keys[0] in _PLACE_PREFIXES
        and not _person_in_sentence(text, start, line_cache)
    ):
        return  # "Fort Cavazos", "Lake Macquarie": a place or base, in a sentence about no one
    if (
        not strong
        and len(part) == 1
        and ("&" in ctx.before[-30:] or "&" in ctx.after[:30])
        and _SAME_NAME_JOINED.search(f"{part[0][0]} {ctx.before[-30:]}|{ctx.after[:30]}")
    ):
        return  # "Johnson & Johnson", "Smith & Sons": a firm's name, not a person's
    if not strong and ctx.words_before & _THING_NAMED_WORDS and _THING_NAMED_BEFORE.search(ctx.before):
        return  # "not a hospital called Whitehall": a place or thing's name
    if (
        len(part) == 1
        and kinds[0] in ("unknown", "family")
        and _DRUG_OR_TERM.search(keys[0])
        and not (strong or ctx.person_after or _PERSONAL_VERB.match(ctx.after) or ctx.pronoun)
    ):
        return  # "Brexanolone", "Zuranolone", "Diabulimia": a medicine's or condition's name, by its stem
    if kinds == ["caseless"] and not strong and (_TERM_BEFORE.search(ctx.before) or _TERM_AFTER.match(ctx.after)):
        return  # "the Japanese term 引きこもり", "opens with ሰላም, which is fine as a greeting": a word, not a name
    person_after = ctx.person_after
    if ctx.named and not (ctx.honorific or ctx.role or ctx.label) and _eponym_follows(text, word_end):
        return  # "Asher named Munchausen syndrome in 1951": what is named is a syndrome
    spelled = _spells_acronym(text, start, word_end) if "(" in ctx.after else ""
    if (ctx.org_after or spelled) and not strong:
        return
    if spelled == "phrase":
        return  # "the Adolescent Brain Cognitive Development (ABCD) Study": the role word is part of the title
    full_key = " ".join(k for k in keys if len(k) > 1)
    is_author = (
        # A surname alone is an author's; with someone else's given name ("Giorgos Cohen") it is not.
        (len(named_keys := [k for k in keys if k not in _PARTICLES]) == 1 and named_keys[0] in classes.authors)
        or (kinds[0] not in ("given", "everyday") and any(k in classes.authors for k in named_keys))
        or full_key in classes.authors
        or any(
            " ".join(named_keys[i : i + n]) in classes.authors for n in (2, 3) for i in range(len(named_keys) - n + 1)
        )
        or any(k in cited_lookup() for k in keys)
    )
    if is_author and not strong:
        return
    if " " in full_key and full_key in classes.authors and not (ctx.label or ctx.honorific or _OWN.search(ctx.before)):
        return  # "the Wolf Man (Sergei Pankejeff) was cured": a famous case in full, unless "my client …"
    if " " in full_key and full_key in classes.places and not strong:
        return  # "Puerto Rico", "El Salvador": a region named in two words, each of which could be a name
    if " " in full_key and not strong and _LOCATIVE_BEFORE.search(ctx.before) and _key(full_key) in towns():
        return  # "no Rio de Janeiro em 1952", "in Palo Alto": a town in several words, which the address reader judges
    eponyms = [t[0].removesuffix("'s").removesuffix("’s") for t in part if _key(t[0]) in classes.authors]
    if ctx.doctor and not strong and any(text.count(word) > 1 for word in eponyms):
        return  # "Alzheimer's disease is named after Dr Alois Alzheimer": the text is about the eponym
    if not strong and (_EN_DASH_AFTER.match(text, word_end) or _EN_DASH_BEFORE.search(text, max(0, start - 30), start)):
        return  # "Flesch–Kincaid", "Guillain–Barré": an en dash joins the two people of an eponym
    previous = re.search(r"([\w'’-]+)\.?[ \t]+$", ctx.before)
    if previous and f"{_key(previous.group(1))} {full_key}" in classes.authors:
        return  # "Mr Rogers", "Whānau Ora": a public figure or programme whose first word looks like context
    if (
        previous
        and not strong
        and _key(previous.group(1)) in _PLACE_ARTICLES
        and f"{_key(previous.group(1))} {full_key}" in towns()
    ):
        return  # "moved from El Salvador", "to La Paz": the rest of a place's name after its article
    if (ctx.scholarly or ctx.reference_line) and not (
        strong or person_after or _cited_by_first_name(part, ctx, classes)
    ):
        return
    if not (strong or person_after) and (_names_an_eponym(text, part) or _historical_sentence(text, start, line_cache)):
        return  # "Sigbert Ganser described Ganser syndrome", "Dorothea Dix campaigned in the 1840s"
    if _SAINT_BEFORE.search(ctx.before) or (_THE_BEFORE.search(ctx.before) and not strong):
        return  # "St Vincent's Hospital", "St. Patrick's Day", "the Kelly Repertory Grid"
    if (
        len(part) == 1
        and not strong
        and _author_list(text, start, word_end)
        and (
            _academic_sentence(text, start, line_cache)
            or _cites_known_author_near(text, start, word_end, classes, line_cache)
        )
    ):
        return  # "Egan, Wade and Shafran reviewed…": surnames listed as authors
    if _after_preposition_of_place(ctx.before) and not (strong or person_after or ctx.sender):
        # "in Harrogate" is a place; "the change in Nguyen Van Hai" is a person: a full name that is no town.
        place_key = " ".join(k for k in keys if len(k) > 1)
        full_name = len(kinds) >= 2 and "given" in kinds
        # "thanks again to Grzegorz for sharing his drawings": a given name with a person around it.
        lone_given = kinds == ["given"] and (ctx.verb or ctx.object or ctx.pronoun)
        # A town can "say" in a letter from it; a town does not say "she…".
        only_person = bool(_ONLY_A_PERSON_AFTER.match(ctx.after)) and ctx.pronoun
        # nor is a town thanked for doing something: "Many thanks to Esperanza for letting me share this"
        only_person = only_person or bool(
            _THANKED_BEFORE.search(ctx.before[-40:]) and _FOR_DOING_AFTER.match(ctx.after)
        )
        if not ((full_name or lone_given) and (place_key not in towns() or only_person) and not ctx.scholarly):
            return
    if (
        _heading_line(text, start)
        and not strong
        and not (ctx.dear or ctx.sender or ctx.introduced or ctx.apposition or ctx.addressed)
    ):
        return
    named = [k for k in kinds if k in ("given", "family", "unknown", "caseless", "everyday")]
    full = len(kinds) >= 2 and kinds[0] in ("given", "everyday") and kinds[-1] in ("family", "given", "unknown")
    full = full and not (kinds[0] == "everyday" and kinds[-1] == "unknown")
    if strong:
        lexical = any(k in ("given", "family") for k in kinds) or len(kinds) >= 2
        sure = ctx.honorific or ctx.label or ctx.named or ctx.role or ctx.bed
        confidence = CONFIDENT if (ctx.honorific or ctx.label or ctx.named or lexical) and sure else BORDERLINE
        yield "name", start, word_end, confidence, "name in a clinical context"
        return
    if not named:
        return
    cued = person_after or ctx.verb or ctx.object or ctx.dear or ctx.sender or ctx.introduced or ctx.pronoun
    person = cued or ctx.addressed  # a title alone says someone is named, not that they are in care: held only
    at_start = _sentence_start(text, start)
    if not person and _academic_sentence(text, start, line_cache):
        return
    if full and "everyday" not in kinds:
        confidence = CONFIDENT if cued else BORDERLINE
        yield "name", start, word_end, confidence, "full name"
        return
    if full:  # "Bill Foster", "June Park": an everyday word first
        # three names or more are a person's however they start: "Ana Lúcia Ferreira dos Santos"
        if person or not at_start or sum(k in ("given", "family") for k in kinds[1:]) >= 2:
            yield "name", start, word_end, BORDERLINE, "full name"
        return
    if len(kinds) == 1:
        kind = kinds[0]
        if kind == "given" and _key(text[start:word_end]) in towns() and _LOCATIVE_BEFORE.search(ctx.before):
            pass  # "Sono psichiatra a Trieste", "vive en Florencia": a town, which the address reader judges
        elif kind == "given" and (person or not _after_preposition_of_place(ctx.before)):
            yield "name", start, word_end, BORDERLINE, "given name"
        elif kind in ("family", "unknown", "caseless") and (
            person_after
            or ctx.verb
            or ctx.dear
            or ctx.sender
            or ctx.introduced
            or ctx.addressed
            or (person and not at_start)
        ):
            yield "name", start, word_end, BORDERLINE, "name in a clinical context"
        elif kind == "everyday" and (
            person_after
            or ctx.dear
            or ctx.sender
            or ctx.introduced
            or _PERSONAL_VERB.match(ctx.after)
            or (ctx.verb and not at_start)
            or (ctx.object and (ctx.verb or ctx.pronoun))
            or (ctx.verb and ctx.pronoun)  # "Rose was adamant she wanted her sister in the room"
            or _person_only(ctx.before, ctx.after)
        ):
            yield "name", start, word_end, BORDERLINE, "name in a clinical context"
        return
    # Two or more words not starting with a given name ("Castellanos Ruiz"): a person context decides.
    if person or any(k == "given" for k in kinds):
        yield "name", start, word_end, BORDERLINE, "name in a clinical context"


_THANKED_BEFORE = re.compile(
    r"(?i)\b(?:thanks|thank[ \t]+you|grateful|thankful|gratitude)[ \t]+(?:\w+[ \t]+)?to[ \t]+$"
)
_FOR_DOING_AFTER = re.compile(
    r"(?i)^[ \t]+for[ \t]+(?:letting|allowing|sharing|telling|talking|speaking|explaining|agreeing|being|reading"
    r"|checking|reviewing|translating|listening|writing|sending|giving|trusting|her|his|their)\b"
)
_PER_BEFORE = re.compile(r"(?i)\b(?:per|according[ \t]+to)[ \t]+$")


def _cited_by_first_name(part, ctx, classes: _Classes) -> bool:
    """Scholars are cited by surname: a lone given name that is no surname nor a listed author, after "per" or
    before a pronoun, is someone the writer knows ("per Wojtek on the ward", "Rahel translated it; her version…")."""
    if len(part) != 1 or part[0][3] != "given" or ctx.reference_line:
        return False
    key = _key(part[0][0])
    if key in classes.family or key in classes.authors or _SCHOLARLY_POSSESSIVE.match(ctx.after):
        return False
    return bool(_PER_BEFORE.search(ctx.before[-20:]) or ctx.pronoun)


_PLACE_ARTICLES = {"el", "la", "le", "les", "los", "las", "san", "santa", "são", "al", "den", "der", "de", "port"}
_THE_BEFORE = re.compile(r"(?i)\bthe[ \t]+$")
_SUSPENDED_HYPHEN = re.compile(r"-(?:,[ \t]*|[ \t]+(?:and|or|&|to)[ \t]+)[\w'’]+-")
# A surname as a family's: "the Okafor family", "the Van Dyke twins".
_FAMILY_AFTER = re.compile(
    r"^[ \t]+(?:family|families|household|twins|triplets|kids|children|grandparents)\b"
)  # not "sisters" or "brothers", which name public pairs ("the Brontë sisters", "the Wright brothers")
# A name listed after a bed at the start of a line or entry, as on a ward list: "Bed 3 Adeyemi", "Bay 2: Rourke".
_BED_BEFORE = re.compile(r"(?i)(?:^|[\n;,|])[ \t]*(?:bed|bay)[ \t]*\d{1,3}[A-Z]?[ \t]*[:.)-]?[ \t]*$")
_EN_DASH_AFTER = re.compile(r"–[A-Z]")
_EN_DASH_BEFORE = re.compile(r"[A-Za-z]–$")
_ACADEMIC = re.compile(
    r"(?i)\b(?:validat\w*|meta-analys\w*|study|studies|trial|trials|sample|samples|scale|subscales?|version"
    r"|theory|theories|model|framework|published|journal|book|books|workbook|manual|research\w*|examined|tested"
    r"|reviewed|factor|psychometric|construct|cohort|participants|literature|author|authors|et[ \t]+al|edition"
    r"|chapter|lecture|(?<!case[ \t])(?<!family[ \t])conference|professor|university|institute|laborator\w*|lab"
    r"|programme|program|curriculum"
    r"|teachers?|trained|training|workshop|retreat|lineage|tradition|movement|school[ \t]+of|approach|concept"
    r"|distinguish\w*|argue\w*|propos\w*|developed|founded|co-wrote|wrote|popularis\w*|populariz\w*"
    r"|replicat\w*|Nature|Lancet)\b"
)
_AUTHOR_JOIN = re.compile(r"^(?:,[ \t]*|[ \t]+(?:and|&)[ \t]+|,[ \t]+(?:and|&)[ \t]+)[A-Z][\w'’-]+(?![ \t]+[A-Z])")
_AUTHOR_JOIN_BEFORE = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]+(?:,[ \t]*|[ \t]+(?:and|&)[ \t]+|,[ \t]+(?:and|&)[ \t]+)$")


_SENTENCE_REACH = 400  # a run-on "sentence" is read this far either side, so each name costs the same
_SENTENCE_STOPS = (". ", "\n", "? ", "! ")


# Not an initial's full stop: "Starke Hathaway and J. C. McKinley developed …" is one sentence.
_SENTENCE_STOP = re.compile(r"(?:(?<!\b[A-Z])\.|[?!]) |\n")


def sentence_bounds(text: str, pos: int, cache: dict | None = None) -> tuple[int, int]:
    lo, hi = max(0, pos - _SENTENCE_REACH), min(len(text), pos + _SENTENCE_REACH)
    if cache is None:
        starts = [m.start() for m in _SENTENCE_STOP.finditer(text, lo, pos) if m.end() <= pos]
        end = _SENTENCE_STOP.search(text, pos, hi)
        return max((starts[-1] if starts else -1) + 1, lo), (end.start() if end else hi)
    # The stops are found once per text; each name then costs two bisections, not eight scans of its sentence.
    if "stops" not in cache:
        cache["stops"] = [(m.start(), m.end()) for m in _SENTENCE_STOP.finditer(text)]
    stops = cache["stops"]
    i = bisect.bisect_left(stops, (pos, -1))
    start = -1
    for j in range(i - 1, max(-1, i - 3), -1):  # the last stop that ends by ``pos``
        if stops[j][1] <= pos:
            start = stops[j][0] if stops[j][0] >= lo else -1
            break
    end = hi
    for j in range(i, min(len(stops), i + 2)):  # the first stop from ``pos`` that ends by ``hi``
        if stops[j][1] <= hi:
            end = stops[j][0]
            break
    return max(start + 1, lo), end


def _sentence(text: str, pos: int) -> str:
    lo, hi = sentence_bounds(text, pos)
    return text[lo:hi]


def _academic_sentence(text: str, pos: int, cache: dict) -> bool:
    """Whether the sentence around ``pos`` has an academic word; the words are found once per text."""
    if "academic" not in cache:
        cache["academic"] = [(m.start(), m.end()) for m in _ACADEMIC.finditer(text)]
    spans = cache["academic"]
    lo, hi = sentence_bounds(text, pos, cache)
    i = bisect.bisect_left(spans, (lo, -1))
    return i < len(spans) and spans[i][1] <= hi


# A year or decade before 1990 with a verb of discovery or public work: a sentence of the history of the field.
_HISTORICAL_YEAR = re.compile(
    r"(?<![\w/.-])(?:1[5-8]\d\d|19[0-8]\d)(?:s|['’]s)?(?![\w/-]|\.\d)"
    r"|\b(?:(?:First|Second)[ \t]+World[ \t]+War|World[ \t]+War[ \t]+(?:I|II|One|Two))\b"
)
_DISCOVERY_VERB = re.compile(
    r"(?i)\b(?:(?:first[ \t]+)?(?:described|developed|named|coined|presented|published|introduced|founded|proposed"
    r"|pioneered|campaigned|discovered|invented|devised|classified|identified|began|credited|associated"
    # and public work of other kinds: "Albert Hofmann first synthesised LSD … in 1938", "Dix lobbied … in the 1840s"
    r"|synthesi[sz]ed|isolated|lobbied|reformed|championed|advocated|lectured|preached|composed|painted|exposed"
    r"|documented|theori[sz]ed|ruled|reigned|governed|commanded|led))\b"
    # an institution's own history: "Broadmoor opened in 1863", "Rampton was built in 1912"
    r"|\b(?:opened|closed|built|established|demolished|renamed|abolished|set[ \t]+up)[ \t]+(?:as[ \t]+[^.;\n]{1,40}"
    r"[ \t]+)?in[ \t]+(?:1[5-8]\d\d|19[0-8]\d)\b"
)


def _historical_sentence(text: str, pos: int, cache: dict) -> bool:
    lo, hi = sentence_bounds(text, pos, cache)
    return bool(_HISTORICAL_YEAR.search(text, lo, hi) and _DISCOVERY_VERB.search(text, lo, hi))


def _names_an_eponym(text: str, part) -> bool:
    """The surname recurs as an eponym's first word ("Rett syndrome", "Korsakoff's psychosis"): the text is about
    the eponym, and its namesake is a historical figure."""
    surname = part[-1][0].removesuffix("'s").removesuffix("’s")
    if len(part) < 2 or len(surname) < 3:
        return False
    for m in re.finditer(rf"(?<![\w'’-]){re.escape(surname)}(?:['’]s)?[ \t]+([a-z]+)", text):
        if m.start() != part[-1][1] and m.group(1) in _EPONYM_NOUNS:
            return True
    return False


_WORD = re.compile(r"[A-Z][\w'’-]+")


def _cites_known_author_near(text: str, pos: int, end: int, classes: _Classes, cache: dict) -> bool:
    """Whether this sentence or the one before names a researcher the lexicons know ("Mary Ainsworth's Strange
    Situation … added by Main and Solomon"): surnames listed beside one are more authors of the same work."""
    before = _AUTHOR_JOIN_BEFORE.search(text, max(0, pos - 40), pos)
    after = _AUTHOR_JOIN.match(text[end : end + 40].removeprefix("'s").removeprefix("’s"))
    partners = [_WORD.search(m.group()).group() for m in (before, after) if m]
    if any(_key(word) in classes.given or _key(word) in classes.everyday for word in partners):
        return False  # "Tom and Solomon": given names listed together are people, not authors cited by surname
    lo, hi = sentence_bounds(text, pos, cache)
    if lo > 1:
        lo = sentence_bounds(text, lo - 2, cache)[0]
    return any(_key(m.group()) in classes.authors for m in _WORD.finditer(text, lo, hi))


def _author_list(text: str, start: int, end: int) -> bool:
    """A lone surname coordinated with other lone capitalised words: "Hewitt and Flett's scale"."""
    before = text[max(0, start - 40) : start]
    after = text[end : end + 40]
    if after.startswith(("'s", "’s")):
        after = after[2:]
    return bool(_AUTHOR_JOIN.match(after) or _AUTHOR_JOIN_BEFORE.search(before))


_SAINT_BEFORE = re.compile(
    r"\b(?:St|Ste|Saint|San|Santa|São|Mount|Mt|Lake|Port|Fort|Cape|Co|co|County|county)\.?[ \t]+$"
)  # "Co. Kerry" is a county


_PREPOSITION_OF_PLACE = re.compile(
    r"(?i)\b(?:in|at|near|to|from|across|around|outside|inside)[ \t]+(?:the[ \t]+)?"
    r"(?:(?:lower|upper|central|inner|outer|greater|downtown|uptown|northern|southern|eastern|western|rural|urban"
    r"|suburban|coastal)[ \t]+)?$"
)  # "in lower Manhattan", "across rural Kenya"


# "in", "at" and their like in the languages the screen reads, right before a word.
_LOCATIVE_BEFORE = re.compile(
    r"(?i)(?<![\w'’-])(?:in|at|near|à|au|en|em|no|na|nel|nella|im|bei|w|we|v|ve|bij|te|i|på|ở|sa|di|ke|do|da)[ \t]+$"
)


def _after_preposition_of_place(before: str) -> bool:
    return bool(_PREPOSITION_OF_PLACE.search(before))


_INITIALS_NOT_NAMES = {"U.S.", "U.K.", "E.U.", "U.N.", "E.G.", "I.E.", "A.M.", "P.M.", "N.B.", "P.S.", "A.D.", "B.C.",
                       "M.D.", "B.A.", "M.A.", "D.C.", "L.A.", "N.Y.", "R.N.", "M.S.", "B.S.", "Q.E.D.", "U.S.A.",
                       "D.O.B.", "D.O.A.", "O.T.", "P.T."}  # fmt: skip
_INITIALS_CONTEXT = re.compile(
    rf"(?i)\b(?:{_ROLE}|with|saw|met|supervised|discussed|mx|mr|mrs|ms|miss)\b[^.;\n]{{0,12}}$"
)
_ACRONYMS = set(
    """LLM AI ML CBT DBT ACT MSC CFT SCS PTSD OCD GAD MDD ADHD ID SSN DOB MRN NHS GP ER ED ICU IV BP HR UK US USA
    EU TV OK PHQ BDI DSM ICD NICE WHO APA MBSR MBCT EMDR IPT CAT CAMHS IAPT DNA HIV AIDS COPD BPD PD SMI SUD
    AUD TBI MS ASD LD CPN OT SLT SW RN MD PHD LCSW LPC MFT CMHT AE HDU CCU NHI PIN URL IP SMS PDF FAQ CEO
    VIP MRI CT ECG EEG ECT TMS SSRI SNRI MAOI TCA ADL NGO NPO LGBT LGBTQ BAME BIPOC POC ESL EAL GCSE SAT GPA
    RCT RCTS MSN DOI PMID PMC ISBN NCT SD CI OR RR IQR NA AA NB PS AM PM BC AD CE BCE""".split()
)
_BARE_INITIALS = re.compile(r"(?<![\w.])[A-Z]{2,3}(?![\w.])")
_BARE_INITIALS_BEFORE = re.compile(
    rf"(?im)\b(?:{_ROLE})[ \t]*[:,]?[ \t]*$|^[ \t]*(?:supervision[ \t]+note|re)[ \t]*:[ \t]*$"
    r"|\b(?:seen|saw|see|seeing|met|meeting|reviewed|assessed|visited|phoned|rang|called|discharged|admitted)[ \t]+$"
)
# "spoke w/ DK re: …", but not "talked with PE specialists", where the letters qualify a plural noun.
_SPOKE_WITH_BEFORE = re.compile(
    r"(?i)\b(?:spoke|spoken|speaking|talked|talking|chatted|met)[ \t]+(?:w/|with|to)[ \t]*$"
)
_PLURAL_AFTER = re.compile(r"[ \t]+[a-z]{2,}s\b")
_ROLE_RIGHT_BEFORE = re.compile(rf"(?i)\b(?:{_ROLE})[ \t]*[:]?[ \t]+$")
_GIVEN_RIGHT_BEFORE = re.compile(r"(?<![\w'’.-])([A-Z][a-z][\w'’-]*)[ \t]+$")
_LONE_INITIAL = re.compile(r"(?<![\w.])[B-HJ-Z]\.(?=[ \t]+[a-z])")
_ROLE_AFTER = re.compile(rf"(?i)^[ \t]*[(,][ \t]*(?:my[ \t]+|our[ \t]+|the[ \t]+)?(?:{_ROLE})\b")
_ROLE_AFTER_PAIR = re.compile(
    rf"(?i)^[ \t]+(?:and|&)[ \t]+[\w'’-]{{2,30}}[ \t]*\([ \t]*(?:my[ \t]+|our[ \t]+|the[ \t]+|her[ \t]+|his[ \t]+)?"
    rf"(?:{_ROLE}|parents)\b"
)


_FULL_NAME_BRACKET = re.compile(r"(?P<name>[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){1,2})[ \t]*\([ \t]*$")


def _initials_of_known_figure(before: str, value: str) -> bool:
    m = _FULL_NAME_BRACKET.search(before)
    if not m:
        return False
    words = m.group("name").split()
    letters = [c for c in value if c.isalpha()]
    return [w[0] for w in words] == letters and " ".join(_key(w) for w in words) in known_authors()


# The initials under which the literature's best-known single cases are discussed.
_LITERATURE_CASES = frozenset({"HM", "SM", "KC", "EVR", "DF", "NA", "PN", "CW", "HB", "DB", "GY", "IW"})
_KNOWN_FULL_NAME = re.compile(r"[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){1,2}")
_OWN_CASE = re.compile(r"(?i)\b(?:my|our|mine|we|I)\b")
_CASE_REACH = 120
_CASE_FAME = re.compile(r"(?i)\b(?:classic|famous|well-known|landmark|textbook|seminal|celebrated|literature)\b")


def _literature_case(text: str, start: int, value: str, cache: dict) -> bool:
    """Initials a famous case is known by, in a text that gives the case's published full name ("H.M. … his name
    (Henry Molaison)"), or, for the literature's best-known cases, in a scholarly sentence ("Patient S.M., studied
    by Damasio and colleagues"); never in a text about the writer's own patients."""
    letters = [c for c in value if c.isalpha()]
    for m in _KNOWN_FULL_NAME.finditer(text):
        words = m.group().split()
        if [w[0] for w in words] == letters and " ".join(_key(w) for w in words) in known_authors():
            return True
    if "".join(letters) not in _LITERATURE_CASES or _OWN_CASE.search(text):
        return False
    # the initials' own full stops end a "sentence" too early: the researcher is looked for in the words around
    near = text[max(0, start - _CASE_REACH) : start + _CASE_REACH]
    cited = any(_key(w) in known_authors() for w in _WORD.findall(near))
    return cited or bool(_CASE_FAME.search(near)) or _academic_sentence(text, start, cache)


def _initials(text: str):
    cache: dict = {}
    if "." in text:
        for m in _INITIALS.finditer(text):
            value = m.group().strip()
            start = m.start()
            before = text[max(0, start - 40) : start]
            if value.upper().replace(" ", "") in _INITIALS_NOT_NAMES and not _ROLE_RIGHT_BEFORE.search(before):
                continue  # "9 A.M.", "U.K." but not "Patient A.M., seen …"
            after = text[m.end() : m.end() + 40]
            if _literature_case(text, start, value, cache):
                continue  # "Henry Molaison (H.M.)", "Patient S.M., studied by Damasio": a famous case's initials
            if _ROLE_AFTER.match(after) or (
                len(value.replace(" ", "")) > 2 and _ROLE_RIGHT_BEFORE.search(before)
            ):  # "P.R. (client)"; "my pt J.R. (94!)", where the bracket holds no year
                yield "name", start, start + len(m.group().rstrip()), BORDERLINE, "initials"
                continue
            if re.search(r"[A-Z][\w'’-]+,[ \t]*$", before) or re.match(r"[ \t]*(?:\(|,[ \t]*(?:19|20)\d\d|&)", after):
                continue  # author initials: "Neff, K. D. (2003)"
            if _initials_of_known_figure(before, value):
                continue  # "Henry Molaison (H.M.)": a famous case's own initials, as the literature gives them
            if len(value.replace(" ", "")) == 2:  # "J. Smith": one initial before a surname
                given = _GIVEN_RIGHT_BEFORE.search(before)
                if given and _key(given.group(1)) in given_names() and _key(given.group(1)) not in safe_words():
                    continue  # a middle initial ("Steven C. Hayes"): the full name is judged as one run
                surname = _TOKEN.match(text, m.end() + (1 if text[m.end() : m.end() + 1] in " \t" else 0))
                end = surname.end() if surname else m.end()
                after_name = text[end : end + 80]
                surname_word = _key(surname.group()) if surname else ""
                if not (
                    _INITIALS_CONTEXT.search(before)
                    or (
                        surname_word not in not_names()
                        and surname_word not in safe_words()
                        and _VERB_AFTER.match(after_name)
                    )
                    or (_CLEFT_BEFORE.search(before) and _WHO_DIRECTLY_AFTER.match(after_name))
                ):
                    continue
                yield "name", start, end, BORDERLINE, "initial and surname"
                continue
            if _REFERENCE_LINE.search(
                text[_line(text, start)[0] : _line(text, start)[1]]
            ) and not _INITIALS_CONTEXT.search(before):
                continue
            if (
                re.match(r"[ \t]*[A-Z][\w'’-]+", after)
                and not _INITIALS_CONTEXT.search(before)
                and (_historical_sentence(text, start, cache) or _academic_sentence(text, start, cache))
            ):
                continue  # "J. C. McKinley developed the MMPI …, published in 1943": a scholar's initials
            yield "name", start, start + len(m.group().rstrip()), BORDERLINE, "initials"
    for m in _LONE_INITIAL.finditer(text):
        # "B. reported fewer panic attacks": one initial opening a sentence, then what a person does; "pt H.
        # discussed …": one right after a role.
        if _sentence_start(text, m.start()) and _VERB_AFTER.match(text[m.end() : m.end() + 80]):
            yield "name", m.start(), m.end(), BORDERLINE, "initial"
        elif _ROLE_RIGHT_BEFORE.search(text, max(0, m.start() - 30), m.start()):
            yield "name", m.start(), m.end(), BORDERLINE, "initial"
    for m in _BARE_INITIALS.finditer(text):
        if m.group() in _ACRONYMS:
            continue
        before = text[max(0, m.start() - 40) : m.start()]
        if _BARE_INITIALS_BEFORE.search(before) or (
            _SPOKE_WITH_BEFORE.search(before) and not _PLURAL_AFTER.match(text, m.end())
        ):
            yield "name", m.start(), m.end(), BORDERLINE, "initials in a clinical context"


# Words without which no employer is named (a set, so that the gate costs one lookup per distinct word).
_EMPLOYER_GATE_WORDS = frozenset(
    """work works worked working employed employee employer job jobs boss manager supervisor colleague colleagues
    redundant fired sacked dismissed laid resigned shift shifts contract placement intern internship volunteer
    volunteers volunteering teaches teaching studies studying enrolled signed sick till tills warehouse retail
    workplace company firm picker picks packs packer driver drives cashier clerk cleaner cleans nurse teacher
    assistant engineer accountant receptionist waiter waitress chef cook carer labourer laborer director owner
    team barista porter guard operative technician apprentice apprenticeship trainee bartender server stacker
    courier nights days earns paid wages payroll let emp ot physio physiotherapist psychologist psychiatrist gp
    counsellor counselor therapist worker doctor pharmacist midwife registrar consultant locum run runs ran lead
    leads manage manages coordinator service clinic practice surgery charity organisation organization agency
    unit school college nursery drove driving delivers delivered delivering sponsor sponsored kafeel""".split()
)
_EMPLOYER_GATE_WORDS |= {word + "s" for word in _EMPLOYER_GATE_WORDS}  # "both teachers at …"


# Someone whose employer it is: "teacher training is run by the Center for MSC" names no one's employer.
_SOMEONE = re.compile(
    rf"(?i)\b(?:he|she|they|his|her|their|him|them|i|we|my|our|he's|she's|they're|i'm|employee|emp|{_ROLE})\b"
)


# Notes drop the subject: "Works in accounts for Halcyon Travel."
_ELIDED_SUBJECT = re.compile(
    r"(?i)(?:^|[.!?\n;][ \t]*)(?:works|worked|working|employed|does|did|drives|cleans|picks|packs|teaches)\b[^.;\n]*$"
)


_ORG_START = re.compile(rf"(?<![\w'’-])[{UP}]")  # "Ōtara Rugby Club" as well as "Brell Co."
# A single capitalised word opening a clause as the one who works somewhere: "Tavita works for …".
_SUBJECT_WORKS = re.compile(
    rf"(?:^|[.!?\n;:][ \t]*)(?P<subject>[{UP}][{LOW}'’-]{{2,30}})[ \t]+(?:works|worked|volunteers|volunteered"
    r"|is[ \t]+employed|was[ \t]+employed)\b[^.;\n]*$"
)


def _unlisted_word(word: str) -> bool:
    """A name the lexicons know, or a word in none of the word lists ("Tavita"): not "Tesco" or "Nobody"."""
    key = _key(word)
    return key not in safe_words() and key not in not_names() and key not in regions() and key not in known_authors()


_ORG_ABBREVIATIONS = {"co", "ltd", "inc", "bros", "corp", "assoc", "dept"}


_CLINICAL_ROLE_AT = re.compile(
    r"(?i)\b(?:ot|physio|physiotherapist|psychologist|psychiatrist|gp|counsell?or|therapist|social[ \t]+worker|doctor"
    r"|pharmacist|midwife|registrar|consultant|locum|nurse)s?\b[^.;\n]{0,40}?\bat[ \t]+(?:the[ \t]+)?$"
)
_MINE = re.compile(r"(?i)\b(?:i|i['’]m|my|our|we)\b")


def _employers(text: str, words: set[str] | None = None, names: list[tuple[int, int]] = ()):
    if words is None:
        words = set(re.findall(r"[a-z]+", text.lower()))
    if not words & _EMPLOYER_GATE_WORDS:
        return
    cache: dict = {}
    for m in _ORG_START.finditer(text):
        before = text[max(0, m.start() - 70) : m.start()]
        if not _EMPLOYER_BEFORE.search(before):
            continue
        # Someone whose employer it is: a pronoun or role, a name just before ("Isla McKenzie, both teachers at"),
        # a dropped subject, a form's field, or a name in no word list as the subject ("Tavita works for …").
        named = any(m.start() - 70 <= start and end <= m.start() for start, end in names)
        subject = _SUBJECT_WORKS.search(before)
        subject_ok = bool(subject) and _unlisted_word(subject.group("subject"))
        if subject_ok:
            offset = max(0, m.start() - 70)
            yield "name", offset + subject.start("subject"), offset + subject.end("subject"), BORDERLINE, "name"
        if not (
            _SOMEONE.search(before)
            or named
            or subject_ok
            or _ELIDED_SUBJECT.search(before)
            or _EMPLOYER_FIELD.search(before)
        ):
            continue
        if _CLINICAL_ROLE_AT.search(before) and not _MINE.search(before) and _academic_sentence(text, m.start(), cache):
            continue  # "She is a psychologist at King's College London and wrote the scale": a researcher's post
        tokens, pos = [], m.start()
        while len(tokens) < 7:
            t = _ORG_TOKEN.match(text, pos)
            if not t or (tokens and t.group() == "the"):
                break  # "… Service and the BMI thresholds": "the" begins another phrase
            tokens.append(t)
            pos = t.end()
            if text[pos : pos + 1] != " ":
                break
            pos += 1
        while tokens and (not tokens[-1].group()[0].isupper() or tokens[-1].group() in ("&",)):
            tokens.pop()
        if not tokens:
            continue
        end = tokens[-1].end()
        if text[end - 1] == "." and _key(tokens[-1].group()).rstrip(".") not in _ORG_ABBREVIATIONS:
            end -= 1  # a sentence's full stop, not "Co." or "Ltd."
        value = text[tokens[0].start() : end]
        first = _key(tokens[0].group())
        if first in not_names() and len(tokens) == 1:
            continue
        if first in regions() or first in _MONTHS:
            continue
        if first in known_authors() and len(tokens) == 2 and _key(tokens[-1].group()).rstrip(".") in _PUBLIC_BODY_HEADS:
            continue  # "the Beck Institute", "the Freud Museum": a body named for a public figure
        if _historical_sentence(text, m.start(), cache):
            continue  # "began his studies at the Bing Nursery School … in the late 1960s": the field's history
        yield "name", tokens[0].start(), end, BORDERLINE, "employer name" if value else ""


# A business named by what it does or its legal form, where someone works or worked: "the layoff at Southdown
# Freezing Works", "started at Ridgeway Packaging", "Kerrigan Haulage let him go", "his job at Castleford
# Engineering". The head word says it is a firm; the sentence must have someone in it and read as no study.
_BUSINESS_HEADS = (
    r"(?:Works|Steelworks|Ironworks|Packaging|Haulage|Joinery|Dairy|Dairies|Freight|Freightways|Accountants"
    r"|Solicitors|Logistics|Motors|Foods|Farms|Mills|Builders|Construction|Engineering|Transport|Plumbing|Electrical"
    r"|Timber|Meats|Fisheries|Textiles|Garments|Bakery|Butchers|Removals|Roofing|Scaffolding|Storage|Tech"
    r"|Technologies|Ltd|Limited|Co|Inc|Plc|PLC|Pty|LLC|GmbH"
    # more trades and forms small businesses take their names from: "Sharma Travels", "Al-Otaibi Trading",
    # "Dlamini Panel Beaters", "Mokoena Cleaning Services"
    r"|Travels|Trading|Traders|Enterprises|Holdings|Industries|Beaters|Couriers|Cleaners|Cleaning|Catering|Caterers"
    r"|Security|Recycling|Tyres|Autos|Garage|Supermarket|Stores|Hardware|Furniture|Printers|Printing|Plumbers"
    r"|Electricians|Landscaping|Orchards|Vineyards|Winery|Brewery|Quarries|Mining|Salon|Takeaway|Contractors"
    r"|Partners|Associates|Agencies|Imports|Exports|Fabrics|Tailors|Jewellers|Bakeries|Poultry|Produce)"
)
_BUSINESS_GATE = re.compile(rf"[a-z][ \t]+{_BUSINESS_HEADS}\b")
_BUSINESS = re.compile(
    r"(?:(?i:\b(?:at|for|with|by|from|sponsor|sponsored[ \t]+by))[ \t]+(?:the[ \t]+)?"
    r"|(?:^|(?<=[.!?;:—–-][ \t])|(?<=\n))"
    r"(?:(?:Since|When|After|Before|Because|Then|But|And|So|Once)[ \t]+)?)"
    rf"(?P<org>(?:[{UP}][{LOW}'’-]+(?:-[{UP}][{LOW}]+)?[ \t]+(?:&[ \t]+)?){{1,3}}{_BUSINESS_HEADS}\b\.?)"
    r"(?P<after>[ \t]+(?:let|laid|sacked|fired|dismissed|made)\b)?"
)
_BEFORE_WORDS = ("at", "for", "with", "by", "from", "the", "sponsor", "At", "For", "With", "By", "From", "The")
_PERSON_CUE = re.compile(
    rf"(?i)\b(?:he|she|they|his|her|their|him|them|i|we|my|our|he's|she's|i'm|mum|dad|client|pt|patient"
    r"|job|shift|shifts|nights|boss|layoff|redundant|employer|employee|wages|coworker|co-worker|engineer|driver"
    r"|worker|workers|sponsor"
    rf"|cleaner|labourer|laborer|packer|picker|apprentice|{_ROLE})\b"
)


# A workplace named before the lower-case word for it, in a sentence about someone: "Toby loves the Pembury Garden
# Centre job", "deals out of the Wagon Wheel pub", "her shifts at the Golden Lotus takeaway".
_WORKPLACE_BEFORE_WORD = re.compile(
    rf"(?<![\w'’-])(?:the|at|for|from)[ \t]+(?P<org>(?:[{UP}][{LOW}'’-]+[ \t]+){{1,3}})"
    r"(?P<what>job|jobs|shift|shifts|pub|bar|café|cafe|shop|store|factory|warehouse|plant|depot|restaurant|takeaway"
    r"|salon|garage|yard|site|mine|sawmill|abattoir|laundry|bakery|kitchen|hotel|motel|casino)\b"
    r"(?![ \t]+(?:market|centre|center|seekers?|title|description|satisfaction|security|of)\b)"
)
_WORKPLACE_WORDS = {"job", "jobs", "shift", "shifts", "pub", "bar", "café", "cafe", "shop", "store", "factory",
                    "warehouse", "plant", "depot", "restaurant", "takeaway", "salon", "garage", "yard", "site", "mine",
                    "sawmill", "abattoir", "laundry", "bakery", "kitchen", "hotel", "motel", "casino"}  # fmt: skip


def _workplaces(text: str, names: list[tuple[int, int]]):
    cache: dict = {}
    for m in _WORKPLACE_BEFORE_WORD.finditer(text):
        words = m.group("org").split()
        keys = [_key(w) for w in words]
        if all(k in safe_words() or k in not_names() or k in _MONTHS or k in regions() for k in keys):
            continue  # "the Saturday job", "the Garden Centre shop": a kind of work, not one place
        if keys[0] in known_authors() or (len(keys) == 1 and keys[0] in towns()):
            continue  # "the Leeds site": a town's, as a study's sites are named
        lo, hi = sentence_bounds(text, m.start(), cache)
        someone = _PERSON_CUE.search(text, lo, hi) or any(lo <= start and end <= hi for start, end in names)
        if not someone or _academic_sentence(text, m.start(), cache) or _historical_sentence(text, m.start(), cache):
            continue
        yield "name", m.start("org"), m.start("org") + len(" ".join(words)), BORDERLINE, "employer name"


def _businesses(text: str, names: list[tuple[int, int]]):
    cache: dict = {}
    for m in _BUSINESS.finditer(text):
        if not text[m.start() : m.start("org")].strip(" \t").endswith(_BEFORE_WORDS) and not m.group("after"):
            continue  # opening a clause, a firm is someone's employer only when it let them go
        words = m.group("org").split()
        heads = [w for w in words[:-1] if w != "&"]
        if len(heads) == 1 and _key(heads[0]) in safe_words() and _key(heads[0]) not in given_names():
            continue  # "Public Works", "Road Transport": a kind of business, not one firm
        if _key(heads[0]) in known_authors() or _key(heads[0]) in _MONTHS:
            continue
        lo, hi = sentence_bounds(text, m.start(), cache)
        sentence = text[lo:hi]
        someone = _PERSON_CUE.search(sentence) or any(lo <= start and end <= hi for start, end in names)
        if not someone or _academic_sentence(text, m.start(), cache) or _historical_sentence(text, m.start(), cache):
            continue
        end = m.end("org")
        if text[end - 1] == "." and _key(words[-1]).rstrip(".") not in _ORG_ABBREVIATIONS:
            end -= 1  # a sentence's full stop, not "Co."
        yield "name", m.start("org"), end, BORDERLINE, "employer name"


# ---------------------------------------------------------------- names typed in lower case

# An honorific typed in lower case, right before the name: "mrs o'brennan", "mr tautahi".
_LOWER_HONORIFIC = re.compile(r"(?<![\w'’-])(?:mr|mrs|ms|dr)\.?[ \t]+$")
_LOWER_TOKEN = re.compile(rf"(?<![\w'’-])[{LOW}][{LOW}'’-]{{1,30}}(?![\w'’-])")
_LOWER_INITIAL = re.compile(r"(?<![\w.])[a-z]\.[ \t]?$")
_INITIAL_AFTER_ROLE = re.compile(rf"(?i)\b(?:{_ROLE})(?:['’]s)?[ \t]+(?P<initial>[a-z]\.[ \t]?)$")
_ROLE_TIGHT = re.compile(rf"(?i)\b(?:{_ROLE})(?:['’]s)?[ \t]+$")
# Someone's own clinician or helper, right before a name: "my therapist hope", "her key worker dawn".
_CARER_TIGHT = re.compile(
    r"(?i)\b(?:my|our|her|his|their|the)[ \t]+(?:therapist|counsell?or|nurse|psychiatrist|psychologist|doctor|gp"
    r"|social[ \t]+worker|key[ \t]?worker|case[ \t]?worker|support[ \t]+worker|peer[ \t]+worker|care[ \t]+coordinator"
    r"|physio|midwife|health[ \t]+visitor|mentor|sponsor|coach|teacher|tutor|chaplain|pastor|interpreter)[ \t]+$"
)


# An article, or an article and a word of another language, right before a lower-case word: "the síneadh fada".
_LOWER_WORD_OF_A_PHRASE = re.compile(r"(?i)\b(?:the|a|an)[ \t]+(?:(?P<word>[^\W\d_]{2,30})[ \t]+)?$")


def _known_lower(before: str, classes: _Classes) -> bool:
    """Whether the word between the article and the name is an English word or a name ("the nurse priya"): then the
    article belongs to that word, and the name may follow it as a name does."""
    m = _LOWER_WORD_OF_A_PHRASE.search(before)
    word = m.group("word") if m else None
    if not word:
        return False
    key = word.lower()
    return word.isascii() or key in classes.safe or key in classes.given or key in classes.family


def _lower_kind(word: str, classes: _Classes) -> str | None:
    """'given' or 'family' for a lower-case word that is a name and no English word ("priya", "rostami")."""
    key = word.rstrip("'’")
    if key.endswith(("'s", "’s")):
        key = key[:-2]  # "priya's right": the name, possessive
    if len(key) < 3 or key in classes.safe or key in classes.everyday or key in classes.stop:
        return None
    if key in _PARTICLES:
        return "particle" if key in classes.given else None
    if key in classes.authors or key in classes.places:
        return None
    if key in classes.given:
        return "given"
    if key in classes.family:
        return "family"
    parts = key.split("-")
    if len(parts) == 2 and all(p in classes.family and p not in classes.safe for p in parts):
        return "family"  # "adebayo-clarke": a double-barrelled surname
    return None


def _lower_case_names(text: str, classes: _Classes):
    """ "leila rostami found…", "i spoke to priya and she…", "client n. chikwanha": names typed without capitals.

    A given name and a surname together are held; a lone given name, or an initial and a surname, need a person
    context around them, as capitalised names do."""
    tokens = [m for m in _LOWER_TOKEN.finditer(text)]
    kinds = [_lower_kind(m.group(), classes) for m in tokens]
    i = 0
    while i < len(tokens):
        kind, m = kinds[i], tokens[i]
        if kind is None:
            word = m.group()
            key = word[:-2] if word[-2:] in ("'s", "’s") else word
            # A name that is also a word, where only a person fits: a writer saying who they are ("hey its mads",
            # "i'm trinity, destiny's sister"), or someone's relative after it ("destiny's sister").
            if (
                key in classes.everyday
                and key not in classes.safe
                and key not in classes.stop
                and (
                    (
                        _SELF_INTRODUCTION_BEFORE.search(text[max(0, m.start() - 64) : m.start()])
                        and _INTRODUCED_END.match(text, m.end())
                    )
                    or (key != word and _relative_after(text, m.end()))
                    # opening a clause before a speaking verb, as texts are typed: "dawn cried in session", "mark
                    # kept saying he was fine", "bill from the group said …"
                    or (
                        key == word
                        and key in everyday_given_names()  # a name people are called by, not "police asked"
                        and key not in _ROLE_WORDS
                        and _CLAUSE_OPEN_BEFORE.search(text[max(0, m.start() - 12) : m.start()])
                        and _SAID_AFTER_LOWER.match(text[m.end() : m.end() + 60])
                    )
                    # said to be someone's relative: "joy is my daughter"
                    or (key == word and _KIN_CLAUSE_AFTER.match(text[m.end() : m.end() + 40]))
                    # right after a role and before what only a person does: "my therapist hope told me"
                    or (
                        key == word
                        and (
                            _ROLE_TIGHT.search(text[max(0, m.start() - 60) : m.start()])
                            or _CARER_TIGHT.search(text[max(0, m.start() - 60) : m.start()])
                        )
                        and _ONLY_A_PERSON_AFTER.match(text[m.end() : m.end() + 80])
                    )
                )
            ):
                yield "name", m.start(), m.start() + len(key), BORDERLINE, "name in lower case in a clinical context"
                i += 1
                continue
            nxt = i + 1 < len(tokens) and text[m.end() : tokens[i + 1].start()] == " "
            surname = nxt and (
                kinds[i + 1] == "family" or kinds[i + 1] == "given" and tokens[i + 1].group() in classes.family
            )
            # the first a name that is also a word ("miracle") or no word at all, not a verb ("pt feels mia")
            surname = surname and (word in classes.everyday or word not in classes.safe and word not in classes.stop)
            if surname and _ROLE_TIGHT.search(text[max(0, m.start() - 60) : m.start()]):
                # "pt miracle okoro": right after a role, a given name that is also a word, before a surname
                yield "name", m.start(), tokens[i + 1].end(), BORDERLINE, "full name in lower case after a role"
                i += 2
                continue
            if len(word) >= 4 and word not in classes.safe and word not in classes.everyday:
                lead = text[max(0, m.start() - 64) : m.start()]
                if _INITIAL_AFTER_ROLE.search(lead):  # "client n. chikwanha"
                    yield (
                        "name",
                        m.start() - len(_INITIAL_AFTER_ROLE.search(lead).group("initial")),
                        m.end(),
                        (BORDERLINE),
                        "initial and name in lower case after a role",
                    )
                elif _LOWER_HONORIFIC.search(lead):  # "mrs o'brennan says hello"
                    yield "name", m.start(), m.end(), BORDERLINE, "name in lower case after an honorific"
            i += 1
            continue
        nxt = i + 1 < len(tokens) and text[m.end() : tokens[i + 1].start()] in (" ", "-")
        if kind in ("given", "particle") and nxt and kinds[i + 1] in ("family", "given"):
            yield "name", m.start(), tokens[i + 1].end(), BORDERLINE, "full name in lower case"
            i += 2
            continue
        before = text[max(0, m.start() - 60) : m.start()]
        after = text[m.end() : m.end() + 80]
        initial = _LOWER_INITIAL.search(text[max(0, m.start() - 4) : m.start()])
        start = m.start() - (len(text[max(0, m.start() - 4) : m.start()]) - initial.start()) if initial else m.start()
        role = bool(_ROLE_TIGHT.search(text[max(0, start - 60) : start]))
        person = (
            role
            or _OBJECT_BEFORE.search(before)
            or _VERB_AFTER.match(_past_aside(after))
            or _PERSONAL_VERB.match(after)
            or _ROLE_AFTER.match(after)  # "pablo (parents)"
            or _ROLE_AFTER_PAIR.match(after)  # "lucia and pablo (parents)"
            or re.match(r"(?i)^[ \t]+and[ \t]+(?:she|he|they)\b", after)
            or _IS_THE_PATIENT_AFTER.match(after)  # "e. kowalczyk = the patient I referenced"
            or _FROM_DEPARTMENT_SAYS_AFTER.match(after)  # "greg from pharmacy says …"
        )
        role = role or bool(_LOWER_HONORIFIC.search(before))
        if not role and _LOWER_WORD_OF_A_PHRASE.search(before) and not _known_lower(before, classes):
            i += 1
            continue  # "a note on the síneadh fada", "the fada": a word of a phrase after an article, not a name
        possessive = m.group()[-2:] in ("'s", "’s")
        person = person or possessive or _SELF_INTRODUCTION_BEFORE.search(before)  # "priya's right", "hi its jess"
        end = m.end() - 2 if possessive else m.end()
        if kind == "given" and person or kind == "family" and (role or (start < m.start() and person)):
            yield "name", start, end, BORDERLINE, "name in lower case in a clinical context"
        i += 1


_INTRODUCED_END = re.compile(r"[ \t]*(?:[,!.—–-]|$|\n|[ \t]+(?:here|again|from|and)\b|[ \t]+[^\w\s])")
_RELATIVE_AFTER = re.compile(rf"(?i)[ \t]+(?:{_RELATIVES})\b")
_CLAUSE_MARK = re.compile(r"[ \t]*(?:[,.;:!?)—–]|$|\n|[ \t]-[ \t])")


# A colleague named by their department and what they said: "greg from pharmacy says the section …".
_FROM_DEPARTMENT_SAYS_AFTER = re.compile(
    r"(?i)^[ \t]+from[ \t]+(?:the[ \t]+)?(?:pharmacy|reception|admin|hr|it|finance|outpatients|security|catering"
    r"|payroll|accounts|estates|switchboard|medical[ \t]+records|the[ \t]+ward|ward[ \t]+\w{1,4}|[a-z&]+[ \t]+team)"
    r"[ \t]+(?:says|said|asked|told|thinks|thought|mentioned|rang|called|emailed|wants|noted|pointed)\b"
)
_IS_THE_PATIENT_AFTER = re.compile(
    r"(?i)^[ \t]*(?:=|is|was)[ \t]+(?:the|my|our|a)[ \t]+(?:patient|client|pt|service[ \t]+user)\b"
)
# A clause's opening, as notes and texts run them on: the text's start, a stop, a dash or bracket, or "and", "so"…
_CLAUSE_OPEN_BEFORE = re.compile(r"(?i)(?:^|[.!?;:—–(\n-][ \t]*|\b(?:and|but|then|so|ok|lol|omg|btw)[ \t]+)$")
# What a person says or does with their voice, maybe after where they are from: "… from the group said".
_SAID_AFTER_LOWER = re.compile(
    r"(?i)^[ \t]+(?:from[ \t]+(?:the|my|our|her|his)[ \t]+(?:group|ward|clinic|unit|team|centre|center|church|gym"
    r"|class|club|meeting|home|school|office|shelter|hostel|programme|program)[ \t]+)?"
    r"(?:said|says|told|tells|asked|asks|cried|cries|rang|rung|texted|txtd|msgd|emailed|phoned|messaged|wept|sobbed"
    r"|laughed|apologi[sz]ed|swore|kept[ \t]+(?:saying|asking|ringing|crying)|keeps[ \t]+(?:saying|asking|ringing))\b"
)
_KIN_CLAUSE_AFTER = re.compile(
    rf"(?i)^(?:[ \t]+(?:is|was|r)|['’]s)[ \t]+(?:my|our)[ \t]+(?:(?:eldest|youngest|older|younger|little|big)[ \t]+)?"
    rf"(?:{_RELATIVES}|grand\w{{2,12}})\b"
)
# Two names said to be someone's children or relatives, as texts write it: "will n joy r my kids", "Hope and Will are
# our grandkids". Each must be a name the lexicons know; gated on a plural relative word.
_PAIR_OF_KIN = re.compile(
    rf"(?<![\w'’-])(?P<a>[{UP}{LOW}][{LOW}]{{1,20}})[ \t]+(?:n|and|&)[ \t]+(?P<b>[{UP}{LOW}][{LOW}]{{1,20}})[ \t]+"
    r"(?:r|are|were)[ \t]+(?:my|our|her|his|their)[ \t]+(?:(?:two|twin|little|grown[ \t]+up)[ \t]+)?"
    r"(?:kids|children|sons|daughters|twins|grandkids|grandchildren|boys|girls|siblings|brothers|sisters|parents)\b"
    r"(?!['’])"  # not "apples and pears are my kids' favourite"
)
_KIN_PLURALS = ("kids", "children", "sons", "daughters", "twins", "grandkids", "grandchildren", "boys", "girls",
                "siblings", "brothers", "sisters", "parents")  # fmt: skip


def _pair_of_kin_gate(text: str) -> bool:
    """The pair's plural relative word, in the small letters the pattern spells it in (a substring test is cheap)."""
    return any(word in text for word in _KIN_PLURALS)


def _pairs_of_kin(text: str, classes: _Classes):
    for m in _PAIR_OF_KIN.finditer(text):
        keys = [m.group("a").lower(), m.group("b").lower()]
        # both must be names, neither a word never a name nor a place: not "cats and dogs are my kids"
        if any(k in classes.stop or k in _MONTHS or k in classes.places or not classes.is_name(k) for k in keys):
            continue
        for group in ("a", "b"):
            yield "name", m.start(group), m.end(group), BORDERLINE, "name of a relative named in a pair"


# A case between two people of one surname is a family's, a divorce or a custody case, and private ("PEREIRA v
# PEREIRA", "In re Quist v Quist"); unless a law report's citation follows, as it does for the few reported ones
# ("White v White [2000] UKHL 54").
_FAMILY_CASE = re.compile(rf"(?<![\w'’-])(?P<a>[{UP}][\w'’-]{{1,30}}) vs?\.? (?P<b>(?P=a))(?![\w'’-])")
_FAMILY_CASE_GATE = re.compile(r" vs?\.? ")
_LAW_REPORT_AFTER = re.compile(r"^[ \t,]*(?:\[(?:18|19|20)\d\d\]|\((?:18|19|20)\d\d\)|(?:18|19|20)\d\d\b)")


def _family_cases(text: str):
    for m in _FAMILY_CASE.finditer(text):
        if _LAW_REPORT_AFTER.match(text[m.end() : m.end() + 20]) or _key(m.group("a")) in known_authors():
            continue
        if _key(m.group("a")) in not_names() or _key(m.group("a")) in regions():
            continue  # "State v State" is no family
        yield "name", m.start("a"), m.end("a"), BORDERLINE, "party to a family's case"
        yield "name", m.start("b"), m.end("b"), BORDERLINE, "party to a family's case"


def _relative_after(text: str, end: int) -> bool:
    """Someone's relative, named as such: "destiny's sister," or "hope's mum rang"; not "the world's sister cities"."""
    m = _RELATIVE_AFTER.match(text, end)
    return bool(m) and bool(_CLAUSE_MARK.match(text, m.end()) or _VERB_AFTER.match(text, m.end()))


# ---------------------------------------------------------------- names beside an identifier

# Whose an identifier is, written just before it: "Ahmet's claim ref …", "Zanele - account …", "Bilal (bilal.q@…)",
# "M. Okafor DOB …": a name, then a possessive, a dash, colon, comma or bracket, or a birth label, and at most three
# label words.
_NAME_BEFORE_ID = re.compile(
    rf"(?<![\w'’.-])(?P<name>(?:[A-Z]\.[ \t]?)?[{UP}][{LOW}'’-]{{2,30}})"
    r"(?:(?P<poss>['’]s)[ \t]+|[ \t]*[-–:,(][ \t]*|[ \t]+(?=(?:DOB|D\.O\.B\.|dob|born|b\.)[ \t:]))"
    r"(?:[\w#./]{1,12}[ \t:.#-]{1,3}){0,3}$"
)
# Whose it is, written just after it: "MBI 3KQ9-WD2-RP41 for Eunice", "plate CA 123-456 (Sizwe's taxi)".
_NAME_AFTER_ID = re.compile(
    r"[ \t]*(?:,[ \t]*)?(?:(?:for|of|re|belonging[ \t]+to)[ \t]+|\((?=[^)\n]{0,30}\)))"
    rf"(?P<name>[{UP}][{LOW}'’-]{{2,30}})(?P<poss>['’]s)?(?![\w'’-])"
)
_GIVEN_BEFORE = re.compile(rf"(?<![\w'’.-])([{UP}][{LOW}'’-]{{1,30}})[ \t]+$")
# Identifiers a person has, not an organisation or a publication.
_PERSONAL_ID_KINDS = {"record_number", "email", "phone", "ssn", "vehicle", "ip", "device", "biometric", "url"}


def find_names_beside(text: str, identifiers: list[tuple[str, int, int, str]]):
    """A given name or surname written as whose an identifier is, and a capitalised word that the identifier
    itself spells ("Bilal (bilal.q@example.pk)", "hunter#4471, same Hunter as before")."""
    classes = _Classes()
    for kind, start, end, confidence in identifiers:
        listed_date = kind == "date" and confidence != CONFIDENT  # "(Samira, 1/9/2024, Dearborn)"
        if kind not in _PERSONAL_ID_KINDS and kind != "date":
            continue
        b = _NAME_BEFORE_ID.search(text, max(0, start - 60), start)
        a = _NAME_AFTER_ID.match(text, end, min(len(text), end + 60)) if not listed_date else None
        if listed_date and b:
            # A day-level date with no person around it: only a given name listed just before it counts.
            listed = b.end("name") + 2 >= b.end() and "," in text[b.end("name") : b.end()]
            initial = "." in b.group("name")  # "H. Takeda, 2023-09-11"
            b = b if listed and (initial or classes.of(b.group("name")) == "given") else None
        for m in (b, a):
            if not m:
                continue
            word = m.group("name").split(".")[-1].strip()
            possessive = bool(m.group("poss")) or word.endswith(("'s", "’s"))
            word = word[:-2] if word.endswith(("'s", "’s")) else word
            if _key(word) in classes.authors:
                continue  # "Kristin Neff (kneff@…)": a known author's address
            kinds = {classes.of(word)}
            if "." in m.group("name"):
                kinds.add("family")  # an initial and a name: "M. Okafor"
            # A word in no lexicon counts as possessive, or opening a line before a spaced dash ("Zanele - account …"; a
            # colon there follows a label in another language: "Télécopie : …").
            leads = (
                m is b
                and not text[_line(text, m.start())[0] : m.start()].strip(" \t-*•")
                and bool(re.match(r"[ \t]+[-–][ \t]", text[m.end("name") : m.end()]))
            )
            if kinds & {"given", "family"} or ((possessive or leads) and kinds & {"unknown"}):
                stop = m.end("name") - (2 if m.group("name").endswith(("'s", "’s")) else 0)
                begin = m.start("name")
                given = _GIVEN_BEFORE.search(text, max(0, begin - 32), begin) if m is b else None
                if given and classes.of(given.group(1)) == "given":
                    begin = given.start(1)  # the full name: "Nkechi Obi, reg. no. …"
                yield "name", begin, stop, BORDERLINE, "name beside an identifier"
        if kind in ("email", "url"):
            yield from _names_spelled_by(text, start, end, classes)


_SPELLED_PART = re.compile(r"[a-z]{3,}")


def _names_spelled_by(text: str, start: int, end: int, classes: _Classes):
    """A capitalised word near an email address or handle that the address spells: its owner's name."""
    value = text[start:end].lower()
    # The part that names someone: before the "@" of an address, after the host of a link ("strava.com/…").
    local = value.split("@")[0] if "@" in value else value.split("//")[-1].partition("/")[2] or value
    parts = set(_SPELLED_PART.findall(local)) - classes.safe
    if not parts:
        return
    line_start, line_end = _line(text, start)
    lo, hi = max(line_start, start - 80), min(line_end, end + 80)
    for m in _TOKEN.finditer(text, lo, hi):
        word = m.group()
        if (
            start <= m.start() < end
            or not word[0].isupper()
            or _key(word) not in parts
            or _key(word) in classes.authors
        ):
            continue
        if classes.of(word) in ("given", "family", "everyday", "unknown"):
            stop = m.end() - (2 if word.endswith(("'s", "’s")) else 0)
            yield "name", m.start(), stop, BORDERLINE, "name an address spells"
