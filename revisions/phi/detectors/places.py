"""Street addresses, towns and cities tied to a person, ZIP codes and postcodes.

Street patterns cover every USPS street suffix (Publication 28, with abbreviations and plurals) and the
Commonwealth ones, unit parts before or after the street, and the street-first forms of other countries
("Calle Mayor 10", "Hauptstraße 5", "Keizersgracht 221"). A town or city
is flagged where it completes an address ("…, Leeds LS6 2AB") or where the text ties it to the person
("grew up in Tuscaloosa"); places larger than a town are not identifiers.
"""

from __future__ import annotations

import re

from ..findings import BORDERLINE, CONFIDENT
from ..lexicons import (
    cities,
    country_names,
    family_names,
    given_names,
    known_authors,
    name_words,
    not_names,
    regions,
    safe_words,
    towns,
)
from ..patterns import CI, LOW, UP, YEAR, merged, overlaps
from .names import _BUSINESS_HEADS as _BUSINESS_HEADS
from .names import _HISTORICAL_YEAR as _HISTORICAL_YEAR
from .names import PERSON_WORD, sentence_bounds, shouted_lines
from .names import _latin as _latin

# USPS Publication 28, appendix C1 (primary names and the abbreviations in use), plus Commonwealth suffixes.
_USPS = """allee alley ally aly anex annex annx anx arc arcade av ave aven avenu avenue avn avnue bayoo bayou bch beach
bend bg bgs blf blfs bluf bluff bluffs blvd bnd bot bottm bottom boul boulevard boulv br brg brk brks brnch branch
brdge bridge brook brooks btm burg burgs byp bypa bypas bypass byps byu camp canyn canyon cape causeway causwa cen
cent center centers centr centre cir circ circl circle circles cirs ck clb clf clfs cliff cliffs club cmn cmns cmp
cnter cntr cnyn common commons cor corner corners cors course court courts cove coves cp cpe crcl crcle creek cres
crescent crest crk crossing crossroad crossroads crse crsent crsnt crssng crst cswy ct ctr ctrs cts curv curve cv
cvs cyn dale dam div divide dl dm dr driv drive drives drs drv dv dvd est estate estates ests exp expr express
expressway expw expy ext extension extensions extn extnsn exts fall falls ferry field fields flat flats fld flds
fls flt flts ford fords forest forests forg forge forges fork forks fort frd frds freeway freewy frg frgs frk frks
frry frst frt frway frwy fry ft fwy garden gardens gardn gatewy gateway gatway gdn gdns glen glens gln glns grden
grdn grdns green greens grn grns grov grove groves grv grvs gtway gtwy harb harbor harbors harbr haven hbr hbrs
heights hgts highway highwy hill hills hiway hiwy hl hllw hls hollow hollows holw holws hrbor ht hts hvn hway hwy
inlet inlt is island islands isle isles islnd islnds iss jct jction jctn jctns jcts junction junctions junctn juncton
key keys knl knls knol knoll knolls ky kys lake lakes land landing lane lck lcks ldg ldge lf lgt lgts light lights
lk lks ln lndg lndng loaf lock locks lodg lodge loop loops mall manor manors mdw mdws meadow meadows medows mews mill
mills missn mission ml mls mnr mnrs mnt mntain mntn mntns motorway mount mountain mountains mountin msn mssn mt mtin
mtn mtns mtwy nck neck opas orch orchard orchrd oval overpass ovl park parks parkway parkways parkwy pass passage
path paths pike pikes pine pines pkway pkwy pkwys pky pl place plain plains plaza pln plns plz plza pne pnes point
points port ports pr prairie prk prr prt prts psge pt pts rad radial radiel radl ramp ranch ranches rapid rapids
rd rdg rdge rdgs rds rest ridge ridges riv river rivr rnch rnchs road roads route row rpd rpds rst rte rue run rvr
shl shls shoal shoals shoar shoars shore shores shr shrs skwy skyway smt spg spgs spng spngs spring springs sprng
sprngs spur spurs sq sqr sqre sqrs sqs squ square squares st sta station statn stn str stra strav straven stravenue
stravn stream streme street streets strm strt strvn strvnue sts smt sumit sumitt summit ter terr terrace throughway
tpke trace traces track tracks trafficway trail trailer trails trak trce trfy trk trks trl trlr trlrs trls trnpk
trwy tunel tunl tunls tunnel tunnels tunnl turnpike turnpk un underpass union unions upas valley valleys vally vdct
via viadct viaduct view views vill villag village villages ville villg villiage vis vist vista vl vlg vlgs vlly vly
vlys vst vsta vw vws walk walks wall way ways well wells wl wls wy xing xrd xrds
close cl crt cr parade pde esplanade esp quay wharf promenade prom rise wynd chase gate vale circus broadway
embankment tce terr gr grv mws cottages cotts lea approach app fold garth croft row rw drove hey brae wynd loan
vennel concourse middleway""".split()  # fmt: skip
_SUFFIX_WORDS = frozenset(_USPS)
_SUFFIX = "|".join(sorted({w for w in _USPS if len(w) > 1}, key=len, reverse=True))
_CAP = (
    rf"(?:(?:Mc|Mac|O['’])?[{UP}][{LOW}'’]{{1,24}}(?:-[{UP}]?[{LOW}]{{1,20}}){{0,3}}|[A-Z]{{2,3}}"
    r"|\d{1,3}(?:st|nd|rd|th))"
)
_NUMBER = r"(?:\d{1,4}[A-Za-z]?/)?\d{1,6}[A-Za-z]?(?:-\d{1,5}[A-Za-z]?)?"
_DIRECTION = r"(?:N|S|E|W|NE|NW|SE|SW|North|South|East|West)\.?"
_UNIT_WORD = (
    r"(?:Apt|Apartment|Unit|Suite|Ste|Flat|Fl|Floor|Rm|Room|Bldg|Building|Lot|Space|Trlr|Trailer|Dept|PH|Penthouse"
    r"|Level|Lvl|Plot|Shop|ap|apto|piso|int|#)"  # Italian "int." (interno): the flat
)
_UNIT = rf"(?:,?[ \t]+{_UNIT_WORD}\.?[ \t]*#?[ \t]?[A-Za-z0-9º°-]{{1,6}}\b(?:[ \t]?[A-Z]\b)?)"
_STREET = re.compile(
    # a year and its comma begin a sentence, not an address: "In 2021, Mr Dale …"
    rf"(?:(?<![\w-]){_UNIT_WORD}\.?[ \t]*#?[A-Za-z0-9-]{{1,6}},?[ \t]+)?(?<![\w.,/-])(?!(?:19|20)\d\d,)"
    rf"{_NUMBER},?[ \t]+(?:{_DIRECTION}[ \t]+)?(?:{_CAP}[ \t]+){{0,3}}(?i:(?:{_SUFFIX}))\b\.?"
    rf"(?:[ \t]+{_DIRECTION}(?![\w]))?{_UNIT}?",
)
# In lower case only suffixes that are no everyday word: "1 in 6 weekly is" is no street.
_LOWER_SUFFIX = (
    "street|st|road|rd|avenue|ave|lane|ln|drive|dr|close|court|ct|crescent|cres|place|pl|terrace|tce|way|grove"
    "|gardens|gdns|boulevard|blvd|parade|pde|square|sq|highway|hwy|mews|rise|walk|crt"
)
_STREET_LOWER = re.compile(
    rf"(?i:\b(?:at|on|to|from|in|lives|living|address(?:\s+is)?|visit|moved\s+to"
    rf"|staying\s+at)[ \t]+)(?P<addr>(?:(?:flat|apt|unit|apartment)[ \t]+\w{{1,5}},?[ \t]+)?\d{{1,5}}[a-z]?[ \t]+"
    rf"(?:[a-z]{{3,}}[ \t]+){{1,3}}(?:{_LOWER_SUFFIX})\b)"
)
_STREET_PREFIXED = re.compile(
    rf"(?:(?<![\w.,/-])\d{{1,5}}[a-z]?,?[ \t]+)?(?:Rue|rue|Avenue|Av\.|Avenida|Avda\.?|Calle|C/|Carrer|Via"
    rf"|Viale|Rua|Piazza|Plaza|Praça|Paseo|Strada|Chemin|Allée|Quai|Boulevard|Ulica|ul\.|Place|Jalan|Jln\.?|Jl\."
    rf"|Lorong"
    rf"|Soi|Thanon|Rruga|Calea|Sokak|Avinguda|Rambla|Largo|Travessa|Estrada"
    # Irish, Welsh and Scottish Gaelic: "22 Sráid an Mhuilinn", "Heol y Frenhines 4", "Stryd Fawr"
    rf"|Sráid|Bóthar|Ascaill|Lána|Cearnóg|Plás|Céide|Ardán|Sràid|Rathad|Heol|Stryd|Ffordd|Lôn"
    rf"|(?<=\d[ \t])(?:rua|calle|via|avenida|carrer|piazza|strada|chemin|avenue))"
    rf"[ \t]+(?:(?:de|del|des|du|la|le|les|da|das|do|dos|di|della|dei|degli|delle|dello|von|van|der|den|y|yr|an|na"
    rf"|d['’])"
    rf"[ \t]+)*(?:d['’])?{_CAP}"
    rf"(?:[ \t]+(?!No\.?[ \t]*\d){_CAP}){{0,3}}(?:,?[ \t]+(?:No\.?[ \t]*)?\d{{1,5}}[A-Za-z]?(?![\w.]))?"
    rf"(?:,[ \t]+(?:\d{{1,2}}[º°ª]?(?![\d-])(?:[ \t]?(?:[A-Za-z]{{1,4}}\b\.?|\d{{1,2}}[º°ª]))?"
    rf"|{_UNIT_WORD}\.?[ \t]*[\w-]{{1,6}}))?"
)
_STREET_COMPOUND = re.compile(
    rf"\b[{UP}][{LOW}]{{2,30}}(?:straße|strasse|str\.|weg|gasse|platz|allee|ring|damm|ufer|laan|straat|gracht|plein"
    rf"|kade|singel|dijk|steeg|gade|vej|vägen|gatan|veien|gata|katu|tie|utca|vegur)[ \t]+\d{{1,4}}(?:bis|ter|[a-z])?\b"
    r"(?!-\d)"  # not a number's first group: "113 Zelfmoordpreventie 0800-0113" is a helpline's
    # Vienna's stair and door after the house number: "130/2/14"
    r"(?:/\d{1,3}){0,2}"
    # or named by a place's adjective, the street word apart: "Hütteldorfer Straße 130/2/14", "Kölner Str. 12"
    rf"|\b[{UP}][{LOW}]{{2,30}}er[ \t]+(?:Straße|Strasse|Str\.|Weg|Gasse|Platz|Allee|Ring|Damm|Ufer|Chaussee"
    r"|Landstraße|Hauptstraße)[ \t]+\d{1,4}[a-z]?\b(?:/\d{1,3}){0,2}"
)
# A flat on an estate or in a block, with no street number: "Flat 12, Block C, Moss Side Estate".
_UNIT_ADDRESS = re.compile(
    r"\b(?:Flat|Apt|Apartment|Unit|Room|Maisonette)\.?[ \t]*#?\d{1,4}[A-Za-z]?,?[ \t]+"
    r"(?:(?:Block|Floor|Tower|Wing)[ \t]+\w{1,3},?[ \t]+)?"
    rf"(?:{_CAP}[ \t]+){{1,3}}(?:Estate|House|Court|Tower|Towers|Mansions|Buildings?|Block|Flats|Apartments|Lodge"
    r"|Heights|Gardens|Place|Hall|Halls|Residence|Residences|(?<=Care[ \t])Home|(?<=Nursing[ \t])Home"
    r"|(?<=Residential[ \t])Home|(?<=Rest[ \t])Home)\b"
)
# "Box 45, Kalgoorlie": a box number before a town the gazetteer knows.
_BOX_BEFORE_TOWN = re.compile(rf"\b(?P<box>Box[ \t]+\d{{1,5}}),?[ \t]+(?P<town>{_CAP}(?:[ \t]+{_CAP})?)")
_STREET_JOINED = re.compile(
    rf"(?:(?<![\w-]){_UNIT_WORD}\.?[ \t]*#?[A-Za-z0-9-]{{1,6}},?[ \t]+)?(?<![\w.,/-])\d{{1,5}}[A-Za-z]?,?[ \t]+"
    rf"[{UP}][{LOW}]{{2,20}}(?:way|gate)\b"
)
_PO_BOX = re.compile(
    r"\b(?:P\.?[ \t]?O\.?|Post[ \t]+Office|PMB|Private[ \t]+Bag|Locked[ \t]+Bag)[ \t]+(?:Box[ \t]+)?\d{1,6}"
    r"(?:-\d{5})?\b"  # Kenya's "P.O. Box 3390-00100": the box, then the post office's code
    r"|\b(?:RR|HC|Rural[ \t]+Route|Star[ \t]+Route)[ \t]*\d{1,3}[ \t,]+Box[ \t]+\d{1,5}\b",
    CI,
)
_ROUTE = re.compile(
    r"(?<![\w.,/-])\d{1,6}[ \t]+(?:(?:State|County|US|U\.S\.|Farm[ \t]+to[ \t]+Market)[ \t]+)?(?:Route|Rte"
    r"|Highway|Hwy|Road|Rd|SR|CR|FM)[ \t]+\d{1,4}[A-Z]?\b"
)
_NAMED_PLACE = re.compile(
    rf"(?i:\b(?:lives?|living|lived|address(?:\s+is)?|home\s+is|visit(?:ed)?|moved\s+(?:in)?to|staying|stays"
    rf"|is|at|on|to|address:?)[ \t]+(?:at|on|in)?[ \t]*)"
    rf"(?P<addr>(?:The[ \t]+)?(?:{_CAP}[ \t]+){{0,3}}(?:{_CAP}),[ \t]+(?:{_CAP}[ \t]+){{1,2}}(?:Lane|Road"
    rf"|Street|Way|Close|Row|Drive|Avenue|Hill|Green|Mews|Gardens|Crescent|Terrace|Court|Place|Square))\b"
)
# A house number and street after an address label, whatever the street's last word: "Her address: 42 Kallang
# Bahru, #07-12, …", "Domicilio: 14 Los Pinos".
_ADDRESS_LABELLED = re.compile(
    r"(?i:\b(?:(?:home|postal|street|her|his|their|my|the)[ \t]+address|address[ \t]+(?:is|was)|domicilio|direcci[oó]n"
    r"|adresse|anschrift|indirizzo|endereço|morada)[ \t]*[:\-–]?[ \t]*)"
    rf"(?P<addr>(?:(?:Flat|Apt|Unit|Blk|Block)[ \t]+[\w-]{{1,5}},?[ \t]+)?\d{{1,5}}[A-Za-z]?,?[ \t]+{_CAP}"
    rf"(?:[ \t]+{_CAP}){{0,3}})(?=[ \t]*(?:[,;.\n]|$))"
)
# A street named without a house number where someone lives: "lives on Elm Street", "their house on Maple Crescent".
_STREET_NAME_ONLY = re.compile(
    r"(?i:\b(?:lives?|living|lived|resides?|residing|house|home|flat|place|bungalow|caravan|moved|moving|grew[ \t]+up"
    r"|pub|bar|shop|caf[eé]|garage|chippy|takeaway|restaurant|supermarket|corner|salon|gym|works|office|station"
    r"|school|church|mosque|temple|park|job|bus[ \t]+stop|incident|attack|assault|accident"
    r"|staying|stays|address(?:[ \t]+is)?)(?:[ \t]+(?:still|now|just|alone|up|down|over|round|out|back|right)){0,2}"
    r"[ \t]+(?:on|in|at|off|to|into)[ \t]+)"
    rf"(?P<street>(?:{_CAP}[ \t]+){{1,3}}(?:Street|Road|Avenue|Lane|Drive|Crescent|Close|Terrace|Grove|Gardens|Way"
    r"|Place|Court|Boulevard|Parade|Row|Square|Mews|Walk|Rise|Green|Hill|Heights|Park[ \t]+Road|Rd|St(?![ \t.]*[A-Z])"
    rf"|Ave|Ln|Middleway)|[{UP}][{LOW}]{{2,30}}(?:straße|strasse|gasse|platz|allee|straat|gracht|gatan|gata|utca))\b"
)

# ---------------------------------------------------------------- cities, states and postcodes

_STATES = (
    "AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK"
    "|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|PR|GU|VI"
)
_STATE_NAMES = (
    "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois"
    "|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri"
    "|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio"
    "|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia"
    "|Washington|West Virginia|Wisconsin|Wyoming|Puerto Rico"
)
_PROVINCES = "ON|QC|BC|AB|MB|SK|NS|NB|NL|PE|NT|YT|NU|NSW|VIC|QLD|TAS|SA|WA|ACT|NT"
_UK_POSTCODE = r"(?:[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?|GIR) ?\d[ABD-HJLNP-UW-Z]{2}"
_CA_POSTCODE = r"[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d"
_EIRCODE = r"(?:[AC-FHKNPRTV-Y]\d{2}|D6W) ?[0-9AC-FHKNPRTV-Y]{4}"
_CITY = rf"(?:{_CAP}(?:[ \t]+(?:de|del|la|le|upon|on|in|by|sur)?[ \t]*{_CAP}){{0,2}})"
# "Dayton OH 45402", "Boise, ID 83702", "Fitzroy VIC 3065", "Montréal QC H2X 1Y4", "Leeds LS6 2AB".
_CITY_STATE_ZIP = re.compile(
    rf"(?P<city>{_CITY}),?[ \t]+(?P<state>(?:{_STATES}|{_PROVINCES})\b|{_STATE_NAMES}|Ontario|Quebec"
    rf"|British Columbia)\.?,?[ \t]+"
    rf"(?P<zip>\d{{5}}(?:-\d{{4}})?|\d{{4}}|{_CA_POSTCODE})(?![\w-])"
)
# Its code, found fast (four digits in a row, or a Canadian code's digits and letters): the pattern tries every
# position for a town first.
_CITY_STATE_ZIP_GATE = re.compile(r"\d{4}|\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d")
_CITY_POSTCODE = re.compile(rf"(?P<city>{_CITY}),?[ \t]+(?P<zip>{_UK_POSTCODE}|{_EIRCODE})(?![\w-])")
# The end of a UK postcode, or the start of an Eircode, found fast (as above).
_CITY_POSTCODE_GATE = re.compile(r"\d[ABD-HJLNP-UW-Z]{2}|[AC-FHKNPRTV-Y]\d\d|D6W")
_POSTCODE_CITY = re.compile(rf"(?<![\w-])(?P<zip>\d{{4,5}})[ \t]+(?P<city>{_CITY})")
_US_ZIP = re.compile(rf"\b(?:{_STATES}|{_STATE_NAMES})\.?,?\s+(?P<zip>\d{{5}}(?:-\d{{4}})?)(?![\w-])")
_ZIP_LABELLED = re.compile(
    r"(?i:\b(?:zip(?:\s*code)?(?:\s*/\s*post\s*code)?|post\s*code|postal\s+code|zip/postcode|eircode|postcode\s+area"
    # and Mexico's "C.P. 06000"
    r"|c[oó]digo\s+postal|code\s+postal|cep|plz|postleitzahl|postnummer|kod\s+pocztowy|c\.[ \t]?p\.))"
    rf"\s*[:#]?\s*(?:is\s+|was\s+)?(?P<zip>\d{{5}}(?:-\d{{4}}|-\d{{3}})?|(?i:{_UK_POSTCODE}|{_CA_POSTCODE}|{_EIRCODE})"
    r"|\d{4}(?:-\d{3})?|\d{3}[ \t-]?\d{2,4}|\d{2}-\d{3})(?![\w-])",
)
# An Indian PIN code after its label; "PIN" alone is a card's, so six digits are required.
_PIN_LABELLED = re.compile(
    r"(?i:\b(?:pin[ \t]*code|pincode|postal[ \t]+index|pin))[ \t]*[:#-]?[ \t]*(?:is[ \t]+)?"
    r"(?P<zip>[1-9]\d{2}[ \t]?\d{3})(?![\w-])"
)
# A UK outward code alone ("the M14 area", "postcode district LS6").
_UK_OUTWARD = re.compile(
    r"(?<![\w-])(?P<zip>[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?)(?=[ \t]+(?:area|postcode|district)\b)"
    r"|(?i:\bpostcode(?:[ \t]+(?:area|district))?[ \t]*:?[ \t]*)(?P<zip2>[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?)(?![\w-])"
)
_OUTWARD_AFTER_TOWN = re.compile(
    rf"(?P<town>{_CAP}),?[ \t]+(?P<zip>[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?)(?=[ \t]*(?:[,.;)\n]|$))"
)
_OUTWARD_GATE = re.compile(r"[ \t][A-PR-UWYZ][A-HK-Y]?\d")  # its code after a space, found fast (as above)
# Postal codes of shapes no other number takes, beside a known town: Brazil's 05433-000, Portugal's 4050-265,
# Poland's 00-950, Sweden's and Czechia's 114 55 ("São Paulo, 05433-000", "00-950 Warszawa").
_FOREIGN_CODE = r"\d{5}-\d{3}|\d{4}-\d{3}|\d{2}-\d{3}|\d{3}[ ]\d{2}|\d{4}[ ]?[A-Z]{2}(?=[ \t]+[A-Z][a-z])"
_TOWN_FOREIGN_CODE = re.compile(rf"(?P<town>{_CAP}(?:[ \t]+{_CAP}){{0,2}}),?[ \t]+(?P<zip>{_FOREIGN_CODE})(?![\w-])")
_FOREIGN_CODE_TOWN = re.compile(rf"(?<![\w-])(?P<zip>{_FOREIGN_CODE}),?[ \t]+(?P<town>{_CAP}(?:[ \t]+{_CAP}){{0,2}})")
_FOREIGN_CODE_GATE = re.compile(rf"(?<![\w-])(?:{_FOREIGN_CODE})(?![\w-])")
# A code and the place it names: "3550 (Bendigo)", "V6A (Downtown Eastside)", "30310, Atlanta", "Gurugram 122001".
_CODE_THEN_PLACE = re.compile(
    rf"(?<![\w.,/-])(?P<zip>\d{{4,5}}|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?|[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z])"
    rf"(?:[ \t]*\((?P<paren>{_CITY})\)|,[ \t]+(?P<comma>{_CITY}))"
)
_PLACE_THEN_PIN = re.compile(rf"(?P<city>{_CITY}),?[ \t]+(?P<zip>[1-9]\d{{5}})(?![\w-])")
_PIN_GATE = re.compile(r"[1-9]\d{5}")  # its code, found fast: the pattern tries every position for a town first
# Five digits after a known town that ends a line of an address, as in Germany, France, Pakistan or Mexico:
# "…, Lahore 54660", "…, Berlin 10439" (the comma before the town marks an address).
_ADDRESS_TOWN_FIVE = re.compile(
    rf",[ \t]*(?P<city>{_CITY})[ \t]+(?P<zip>\d{{5}})(?![\w-]|[.,]\d)"
    r"(?=[ \t]*(?:[,.;:)\n—–-]|$)|[ \t]+(?:was|is|and|where|but|until|since)\b)"
)
# "she's in 11201", "lives in 94110": a person in a five-digit area.
_PERSON_IN_CODE = re.compile(
    r"(?i:\b(?:he['’]s|she['’]s|they['’]re|i['’]m|we['’]re|lives|living|based|moved|pt['’]s|client['’]s|is|are"
    r"|was|were)[ \t]+(?:now[ \t]+|still[ \t]+|also[ \t]+)?in[ \t]+)(?P<zip>\d{5})(?![\w-])"
    r"(?![ \t]+(?:people|patients|clients|adults|children|participants|cases|of|per|out)\b)"
)
# ZIP+4 is a shape nothing else in a suggestion takes.
_ZIP_PLUS_FOUR = re.compile(r"(?<![\w./-])(?P<zip>\d{5}-\d{4})(?![\w-]|[./]\d)")
_UK_ZIP = re.compile(r"(?<![\w-])(?P<zip>(?:[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?|GIR) \d[ABD-HJLNP-UW-Z]{2})(?![\w-])")
_CA_ZIP = re.compile(rf"(?<![\w-])(?P<zip>{_CA_POSTCODE})(?![\w-])")
_IE_ZIP = re.compile(rf"(?<![\w-])(?P<zip>{_EIRCODE})(?![\w-])")
_ATC_CODE = re.compile(r"[ABCDGHJLMNPRSV]\d\d[A-Z]{2}\d\d")
_AU_ZIP = re.compile(r"\b(?P<state>NSW|VIC|QLD|TAS|NT|SA|WA|ACT)\s+(?P<zip>\d{4})(?![\w-])")
_ZIP_IN_CONTEXT = re.compile(
    r"(?i)\b(?:moved|moving|lives?|living|relocated|area|neighbou?rhood|district|address|postcode|zip)\b[^.;\n]{0,30}?"
    r"(?<![\w-])(?P<zip>\d{5}(?:-\d{4})?)(?![\w-])|(?<![\w-])(?P<zip2>\d{5})[ \t]+(?:area|zip|postcode"
    r"|neighbou?rhood)\b"
)
# "grew up in Tuscaloosa", "moved from Swindon", "lives alone in Ballarat", "commutes from Oakham".
_RESIDENCE = re.compile(
    r"(?i:\b(?:lives?|living|lived|resides?|residing|resident|moved|moving|relocated|relocating|grew[ \t]+up|raised"
    r"|born|brought[ \t]+up|originally|comes?|came|commutes?|commuting|drives?[ \t]+in|travels?|is[ \t]+from"
    r"|was[ \t]+from"
    r"|are[ \t]+from|hails|staying|stays|settled|home)"
    r"(?:[ \t]+(?:alone|here|there|back|now|nearby|recently|still|with[ \t]+\w+|down|up|over|out|away|just|all))?"
    r"[ \t]+(?:in|to|from|near|at|outside|around|into)[ \t]+(?:the[ \t]+)?)"
    rf"(?P<city>{_CAP}(?:[ \t]+{_CAP}){{0,2}})"
)
_AFTER_STREET_CITY = re.compile(
    rf"^,?[ \t]+(?P<city>{_CITY})(?=[ \t]*(?:[,.;)\n]|$|[ \t]+(?:{_STATES}|{_PROVINCES})\b"
    rf"|[ \t]+{_UK_POSTCODE}\b|[ \t]+\d{{4,6}}\b))"
)


_PREFIX_WORDS = {
    "rue",
    "avenue",
    "av",
    "avenida",
    "avda",
    "calle",
    "c",
    "carrer",
    "via",
    "viale",
    "rua",
    "piazza",
    "plaza",
    "praça",
    "paseo",
    "strada",
    "chemin",
    "allée",
    "quai",
    "boulevard",
    "ulica",
    "ul",
    "place",
    "jalan",
    "jln",
    "lorong",
    "soi",
    "thanon",
    "rruga",
    "calea",
    "sokak",
    "avinguda",
    "rambla",
    "largo",
    "travessa",
    "estrada",
    "sráid",
    "bóthar",
    "ascaill",
    "lána",
    "cearnóg",
    "plás",
    "céide",
    "ardán",
    "sràid",
    "rathad",
    "heol",
    "stryd",
    "ffordd",
    "lôn",
}
# Street words of other languages that are no English word or name: a street even without a number or a
# residence verb ("near the corner of Jalan Ampang").
_UNAMBIGUOUS_STREET_WORDS = ("Jalan", "Jln", "Lorong", "Thanon", "Rruga", "Calea", "Avinguda", "Travessa")
_COMPOUND_ENDINGS = ("straße", "strasse", "str", "weg", "gasse", "platz", "allee", "ring", "damm", "ufer", "laan",
                     "vegur", "straat", "gracht", "plein", "kade", "singel", "dijk", "steeg", "gade", "vej", "vägen",
                     "gatan", "veien", "gata", "katu", "tie", "utca")  # fmt: skip
_UNIT_LEAD_WORDS = {"flat", "apt", "apartment", "unit", "room", "maisonette"}
_PO_WORDS = {"p", "po", "post", "pmb", "private", "locked", "rr", "hc", "rural", "star", "box"}
_ROUTE_WORDS = {"route", "rte", "highway", "hwy", "road", "rd", "sr", "cr", "fm"}
# Addresses led by a house, villa or flat number and followed by locality parts, as written in India, the Gulf and
# much of Asia and Europe: "House No. 17, 4th Cross, Jayanagar 3rd Block", "Villa 14, Street 22, Al Barsha 2",
# "Apartment 12, 3 Hrvatske Bratske Zajednice".
_UNIT_HEAD_WORDS = {"house", "villa", "plot", "door", "flat", "apartment", "apt", "unit", "building", "bldg", "block",
                    "no", "h", "zone", "stand", "erf", "site", "purok", "camp", "blk", "wohnung", "bâtiment", "pallati",
                    "lot", "ward", "c", "b", "a", "d"}  # fmt: skip
_UNIT_HEAD_ADDRESS = re.compile(
    # "H.No. 2-3-41/A", "Old No. 7, New No. 22", "No. 14, 3rd Cross": a house number as India writes it
    r"\b(?:House|H\.(?=[ \t]*No)|H\.|(?:Old|New)[ \t]+No|No(?=\.?[ \t]*\d)|Villa|Plot|Door|Flat|Apartment|Apt|Unit"
    r"|Building|Bldg|Block|Blk|Zone|Stand|Erf|Site|Purok"
    r"|(?:Labour[ \t]+)?Camp|Wohnung|Bâtiment|Pallati|Lot|Ward[ \t]+No\.?|[A-D](?=-\d))\.?(?:[ \t]*No\.?)?[ \t]*[#-]?"
    r"(?:\d{1,5}[A-Za-z]?(?:[-/](?:\d{1,4}[A-Za-z]?|[A-Za-z]\b)){0,3}|[A-Z](?=,))"
    r"(?P<parts>(?:,[ \t]*#?(?:(?:[A-Z0-9][\w'’.-]{0,24}|allée|rue|calle|via|de|la|du|des|del|di)[ \t]+){0,3}"
    r"[A-Z0-9][\w'’.-]{0,24}){1,3})"
)
_LOCALITY_WORDS = {"cross", "main", "street", "st", "road", "rd", "block", "stage", "phase", "sector", "layout",
                   "nagar", "colony", "lane", "marg", "extension", "avenue", "area", "district", "zone", "quarter",
                   "salai", "close", "new", "old",
                   "compound", "estate", "society", "complex", "tower", "floor", "wing", "enclave", "vihar",
                   "puram", "halli", "pet", "gali", "mohalla", "chowk", "bazaar", "community", "plot", "site",
                   "comp", "rr", "tole", "barangay", "purok", "zone", "heights", "apartments", "residency", "towers",
                   "building", "villa", "allée", "rue", "straße", "strasse", "camp", "township", "village", "ave",
                   "dr", "cres", "crescent", "lorong", "jalan", "jln", "soi", "moo", "brgy", "kecamatan",
                   "kelurahan"}  # fmt: skip


def _locality_parts(parts: str) -> bool:
    """Parts after a unit number that read as an address: a locality word, or a number and a name."""
    pieces = [p.strip() for p in parts.split(",") if p.strip()]
    if not pieces:
        return False
    first = pieces[0]
    words = re.findall(r"[^\W\d_]+", first.lower())
    if first.startswith("#") and len(pieces) > 1:  # "Blk 214, #11-37, Bedok North St 1": a unit, then the street
        words = re.findall(r"[^\W\d_]+", pieces[1].lower())
    if any(w in _LOCALITY_WORDS for w in words) or _gazetteer_place(first.split()) == len(first.split()):
        return True
    if len(pieces) > 1 and _gazetteer_place(pieces[1].split()):
        return True  # "Erf 1189, Extension 4, Tembisa", "Stand 2231, Zone 4, Meadowlands"
    # "3 Hrvatske Bratske Zajednice", "Al Barsha 2": a number with capitalised words that are no ordinary words
    tokens = first.split()
    named = [t for t in tokens if t[:1].isupper() and t.lower() not in safe_words()]
    return any(t[:1].isdigit() for t in tokens) and len(named) >= 1 and len(named) == len(tokens) - 1


_SECTOR_WORDS = {"sector", "phase", "block", "zone"}
# "Sector 15, Gurugram": a numbered sector or phase before a town the gazetteer knows.
_SECTOR_BEFORE_TOWN = re.compile(
    rf"\b(?P<sector>(?:Sector|Phase|Block|Zone)[ \t]+\d{{1,3}}[A-Z]?),?[ \t]+(?P<town>{_CAP}(?:[ \t]+{_CAP})?)"
)
# A hospital ward or room where a person is: "admitted … to Ward 3B", "Room 14, Nightingale Ward, St Brigid's
# Hospital".
_WARD = re.compile(
    r"(?:\b(?:Room|Rm|Bed|Bay|Side[ \t]+room)[ \t]+\d{1,3}[A-Z]?,?[ \t]+)?"
    r"(?:(?<=[ \t])(?:[A-Z][a-z'’]{2,20}[ \t]+){1,2}Ward\b|(?<=to |on |in |at )(?:the[ \t]+)?Ward[ \t]+\d{1,2}[A-Z]?\b)"
    r"(?:,[ \t]+(?:St\.?[ \t]+)?(?:[A-Z][\w'’-]{1,25}[ \t]+){1,3}(?:Hospital|Infirmary|Hospice))?"
)
# A bed, bay, room or cubicle and the ward, wing, unit or suite it is in: "Bay 2, bed 6", "Room 414, Lister Wing",
# "Rowan Unit, room 7", "Ward 21, Bed 4", "Cubicle 9, AMU", "Room 3, Rose Suite, Nightingale House".
_CARE_PLACE = (
    r"(?:(?:St\.?[ \t]+)?(?:[A-Z][\w'’-]{1,20}[ \t]+){1,3}(?:Ward|Wing|Unit|Suite|House|Lodge|Centre|Hospital|Infirmary"
    r"|Hospice)(?:[ \t]+\d{1,2})?)"
)
_CARE_SPOT = r"(?:(?:Room|Rm|Bed|bed|Bay|bay|Cubicle|cubicle|room|Side[ \t]+room|Ward)[ \t]+\d{1,4}[A-Z]?)"
_HOSPITAL_PLACE = re.compile(
    rf"\b(?:{_CARE_SPOT}|{_CARE_PLACE})(?:,?[ \t]+(?:on[ \t]+)?(?:{_CARE_SPOT}|{_CARE_PLACE}"
    rf"|[A-Z]{{2,4}}\b(?=[ \t]*[,.;)\n]|$))){{1,3}}"
)
_CARE_WORDS = {"room", "bed", "bay", "cubicle", "ward", "wing", "unit", "suite"}
# A named hospital or home and the ward or floor a person is on, as other languages write it: "Hospital Comarcal
# de Villaverde, planta 3", "Szpital Tworki, pawilon 8", "Pflegeheim St. Anna, Wohnbereich 2", "Hospitali ya
# Mathari, wodi 6", "Ψυχιατρικό Νοσοκομείο Αττικής, θάλαμος 12". The ward after the name is what makes it a stay.
_FACILITY_WARD = re.compile(
    r"(?<!\w)(?:Hospital|Hospitali|Hôpital|Ospedale|Szpital|Ziekenhuis|Klinik|Klinikum|Clínica|Clinica|KJP"
    r"|Psychiatrie|Pflegeheim|Altenheim|Seniorenheim|Residencia|Lar|Casa[ \t]+de[ \t]+Repouso"
    r"|Maison[ \t]+de[ \t]+retraite|Νοσοκομείο|Ψυχιατρικό[ \t]+Νοσοκομείο|Κλινική)"
    # not a scale or a study named after a hospital: "Hospital Anxiety and Depression Scale, Station 4 of an OSCE"
    r"(?:[ \t]+(?!(?i:and|scale|questionnaire|inventory|index|study|trial|survey)\b)[^\W\d_][\w'’.-]{0,25}){1,5}?"
    r",[ \t]+"
    r"(?i:planta|piso|sala|habitación|quarto|enfermaria|leito|pavilhão|reparto|stanza|pawilon|oddział|pokój"
    r"|station|wohnbereich|zimmer|afdeling|kamer|paviljoen|pavillon|chambre|unité|wodi|chumba|θάλαμος|πτέρυγα)"
    r"[ \t]+(?:\d{1,4}[A-Za-z]?|[A-Z](?![\w'’])|[A-ZÀ-Ý][\w'’-]{2,20})"
)
# A room or bed and the department and hospital as Vietnamese writes them: "phòng 302, khoa Tâm thần, Bệnh viện
# Bạch Mai", "giường 14".
_VIETNAMESE_CARE_SPOT = re.compile(
    r"(?<!\w)(?:[Pp]hòng|[Gg]iường|[Bb]uồng)[ \t]+\d{1,4}[A-Za-z]?(?![\w.,]\d)(?:,[ \t]+[Kk]hoa[ \t]+[^,.;\n]{2,30})?"
    r"(?:,[ \t]+[Bb]ệnh[ \t]+[Vv]iện[ \t]+[^,.;\n]{2,30})?"
)
_FACILITY_WARD_WORDS = {"planta", "piso", "sala", "habitación", "quarto", "enfermaria", "leito", "pavilhão", "reparto",
                        "stanza", "pawilon", "oddział", "pokój", "station", "wohnbereich", "zimmer", "afdeling",
                        "kamer", "paviljoen", "pavillon", "chambre", "unité", "wodi", "chumba", "θάλαμος",
                        "πτέρυγα"}  # fmt: skip
# A numbered ward, bed or bay on its own places a person as surely as with its hospital ("ward 32 sends the notes",
# "ABDIRAHMAN (BAY 4)"); not a length of stay or a count ("in bed 3 days", "bed 2 of 6", "bay 1 and 2"), nor the
# service as a workplace ("the Ward 5 audit", "Bed 4 review happens at noon").
_NUMBERED_CARE_SPOT = re.compile(
    r"(?<![\w-])(?:[Ww]ard|WARD|[Bb]ed|BED|[Bb]ay|BAY)[ \t]+(?:[Nn]o\.?[ \t]*)?\d{1,3}[A-Za-z]?(?![\w-]|[.,]\d|[ \t]?%)"
    r"(?![ \t]+(?:hours?|hrs?|days?|weeks?|wks?|months?|years?|yrs?|nights?|times?|mins?|minutes?|per|of|to|and|or"
    r"|x|audits?|reviews?|team|staff|meetings?|rounds?|huddles?|managers?|nurses|polic(?:y|ies)|protocols?|data"
    r"|figures|rates?|projects?|pilot|survey|study|trial|reports?|office|budget|closure|refurbishment|occupancy)\b)"
)
# A numbered room in a named home or hospital: "room 214 at Heatherlea Nursing Home", "Room 9 in Larkfield House".
_ROOM_AT_HOME = re.compile(
    r"(?<![\w-])(?P<room>[Rr]oom[ \t]+\d{1,4}[A-Za-z]?)[ \t]+(?:at|in|of)[ \t]+(?:the[ \t]+)?"
    r"(?:[A-Z][\w'’-]+[ \t]+){1,3}(?:[Nn]ursing[ \t]+[Hh]ome|[Cc]are[ \t]+[Hh]ome|House|Hospital|Hospice|Lodge"
    r"|Hostel|Manor|Grange|Court|Infirmary)\b"
)
# A numbered room, flat, ward or building as one item of a list of where someone is, set off by commas, brackets
# or a dash on both sides, as note headers and incident lines give it: "…, Room 17B — the falls page", "Bldg 7,
# Rm 114, Fort Harmon", "(bloco C apto 204, …)", "Rosewood Supported Living, Flat 2B".
_LISTED_SPOT = re.compile(
    # between dashes or bars as a handover list sets them off, in any case: "1. Brendan O'Rourke — bed 9 — …"
    r"(?m)(?:^|(?<=,[ \t])|(?<=\()|(?<=[—–|][ \t]))[ \t]*(?P<spot>(?:(?:Room|Rm|Flat|Apt|Apartment|Bldg|Building"
    r"|Hostel|Ward|Lot|Cabin|Chalet|Bed|Bay|Cell|apto|bloco"
    r"|(?<=[—–|][ \t])(?:bed|bay|room|ward|(?:[Ss]ide[ \t]+)?room))"
    r"\.?[ \t]+(?:\d{1,4}[A-Z]?|[A-Z]\b))"
    r"(?:[ \t]+(?:apto|apt|flat|room|rm)\.?[ \t]+\d{1,4}[A-Z]?)?)(?=[ \t]*(?:[,;)]|[—–][ \t]|$))"
)
_MEETING_TIME = re.compile(
    r"(?i)\b(?:\d{1,2}(?::\d\d)?[ \t]*(?:am|pm)|\d{1,2}:\d\d|(?:mon|tues|wednes|thurs|fri|satur|sun)days|noon"
    r"|(?:session|week|module|part|step|chapter|level|lesson|term)[ \t]+\d)\b"
)
_SPOT_WORDS = {"room", "rm", "flat", "apt", "apartment", "bldg", "building", "hostel", "ward", "lot", "cabin",
               "chalet", "bed", "bay", "cell", "apto", "bloco"}  # fmt: skip
# A cell where someone was held: "Cell 4, Carlton police station", "cell 2 at Hobart Watch House".
_CUSTODY_CELL = re.compile(
    r"\b[Cc]ell[ \t]+\d{1,3}[A-Z]?(?:,[ \t]*|[ \t]+(?:at|in)[ \t]+)(?:[A-Z][\w'’-]+[ \t]+){1,3}(?:[Pp]olice[ \t]+"
    r"[Ss]tation|[Cc]ustody(?:[ \t]+[Ss]uite)?|[Ww]atch[ \t]+[Hh]ouse|[Ll]ock-?up)\b"
)
_RURAL_WORDS = {"rr", "rural", "county", "rd", "township", "farm", "forest"}
# Rural routes and numbered county roads: "RR 1 Box 47A", "Rural Route 3", "County Road 14", "RD 2, Te Awamutu".
_RURAL_ROUTE = re.compile(
    r"\b(?:(?:RR|Rural[ \t]+Route)[ \t]*\d{1,3}(?:[ \t,]+Box[ \t]+\d{1,5}[A-Z]?)?|(?:County|Township|Farm|Forest)"
    r"[ \t]+(?:Road|Rd|Route|Highway|Hwy)[ \t]+\d{1,4}[A-Z]?|RD[ \t]+\d{1,2}(?=,[ \t]+[A-Z]))\b(?![.,]\d)"
)
_ESTATE_WORDS = {"estate", "reservation", "reserve", "township", "area", "favela", "camp", "projects", "scheme",
                 "barrio", "colonia", "settlement", "compound", "kampung", "informal"}  # fmt: skip
# A neighbourhood named as the place someone is from or lives: "on the Gipton estate", "the Pine Ridge reservation",
# "the Tensta area of Stockholm".
_NAMED_ESTATE = re.compile(
    r"(?i:\b(?:on|in|from|at|off|near|of)[ \t]+the[ \t]+)(?P<place>[A-Z][\w'’-]{2,25}(?:[ \t]+[A-Z][\w'’-]{2,25})?)"
    r"[ \t]+(?:[eE]state|reservation|reserve|township|area|favela|camp|projects|scheme|barrio|colonia|settlement"
    r"|compound|kampung)\b"
    # the estate's own name, capitalised, needs no "the": "from Hollybush Estate", "on Kelvin Township"
    r"|(?i:\b(?:on|in|from|off|near)[ \t]+)(?P<named>[A-Z][\w'’-]{2,25}(?:[ \t]+[A-Z][\w'’-]{2,25})?)"
    r"[ \t]+(?:Estate|Township|Favela|Barrio|Colonia|Settlement)\b"
)
_TOWN_AFTER_ESTATE = re.compile(rf",?[ \t]+(?:(?:of|in|near|outside)[ \t]+)?(?P<town>{_CAP}(?:[ \t]+{_CAP})?)")
_LIVES_THERE = re.compile(
    r"(?i)\b(?:he|she|they|i|we|client|patient|pt|family)[ \t]+(?:still[ \t]+|now[ \t]+|usually[ \t]+)?(?:lives?"
    r"|lived|sleeps?|slept|stays?|stayed|grew[ \t]+up|is[ \t]+living|was[ \t]+living|is[ \t]+sleeping|has[ \t]+a[ \t]+"
    r"(?:flat|room|house|bedsit))\b"
)
_SERVICE = re.compile(r"(?i)\b(?:clinic|practice|surgery|hospital|pharmacy|gp|charity|hostel|shelter|project)\b")
# Streets named as figures of speech, institutions or fiction rather than as where someone is.
_FIGURATIVE_STREETS = {"memory lane", "death row", "easy street", "civvy street", "wall street", "harley street",
                       "downing street", "fleet street", "sesame street", "coronation street", "baker street",
                       "lovers lane", "lovers' lane", "queer street", "skid row", "middle way"}  # fmt: skip
_STREET_ON_WORDS = {"street", "road", "avenue", "lane", "middleway", "boulevard", "drive", "crescent", "terrace", "way",
                    "close", "grove", "mews", "row"}  # fmt: skip
# A street named in passing where something happens to the person: "on the corner of Grafton Street and Wicklow
# Street", "settled on Stoney Lane", "near the corner of Euclid Avenue and East 105th Street".
_STREET_ON = re.compile(
    r"(?i:\b(?:on|off|along|corner[ \t]+of|junction[ \t]+of|(?:end|top|bottom)[ \t]+of|and|near|onto|down|up)[ \t]+"
    r"(?:the[ \t]+)?)"
    r"(?P<street>(?:(?:East|West|North|South)[ \t]+)?(?:(?:[A-Z][\w'’-]{1,25}|\d{1,3}(?:st|nd|rd|th))[ \t]+){1,3}"
    r"(?:Street|Road|Avenue|Lane|Middleway|Boulevard|Drive|Crescent|Terrace|Way|Close|Grove|Mews|Row))\b"
)
# Streets of Latin America and south-east Europe, named by a number or after a prefix, with the house number and the
# flat after them: "Calle 45 #12-30", "Carrera 7 # 72-41, apto 603", "Calle 8 Sur No. 2105", "Jr. Huallaga 345,
# dpto. 201", "Bulevar Mihajla Pupina 10a, stan 14", "str. Kogălniceanu 5, bl. A2, ap. 19".
_LATIN_STREET_WORDS = {"calle", "carrera", "cra", "kra", "diagonal", "transversal", "jr", "jirón", "pasaje", "psje",
                       "bulevar", "bul", "str", "strada", "aleea", "bd", "calzada", "callejón", "camino", "av",
                       "avenida", "avda", "ulica", "ul", "rruga"}  # fmt: skip
_LATIN_STREET = re.compile(
    r"\b(?:Calle|Carrera|Cra\.?|Kra\.?|Diagonal|Transversal|Jr\.|Jirón|Pasaje|Psje\.|Bulevar|Bul\.|[Ss]tr\.|Strada|Aleea"
    r"|Bd\.|Calzada|Callejón|Camino|Av\.|Avenida|Avda\.?|Ulica|ul\.|Rruga)[ \t]+"
    r"(?:\d{1,3}[A-Z]?(?:[ \t]+(?:Sur|Norte|Este|Oeste|Bis))?|(?:(?:de|del|la|los|las|e|y)[ \t]+)?"
    r"[A-ZÀ-Ž][\w'’.-]{1,25}(?:[ \t]+(?:(?:de|del|la|los|las|e|y)[ \t]+)?[A-ZÀ-Ž][\w'’.-]{1,25}){0,3})"
    r",?[ \t]*(?:#|No\.?|N[º°o]\.?)?[ \t]*\d{1,5}[A-Za-z]?(?:[ \t]*-[ \t]*\d{1,4})?(?![\w/])"
    r"(?:,[ \t]*(?:apto|apt|dpto|depto|int|interior|stan|bl|ap|sc|et|lgh|m|piso|of|casa|torre)\.?[ \t]*[\w-]{1,6}){0,3}"
)
_SIGN_OFF_WORDS = {"cheers", "thanks", "regards", "best", "love", "ta", "hi", "hey", "hello", "dear", "hiya", "warmly",
                   "sincerely", "yours", "morning", "evening", "afternoon"}  # fmt: skip
# A district before a town the gazetteer knows: "Mokola, Ibadan", "Gorbals, Glasgow".
_DISTRICT_TOWN = re.compile(
    rf"(?<![\w'’-])(?P<district>[A-Z][a-zà-ž'’-]{{2,25}})(?P<part>[ \t]+(?:[IVX]{{1,4}}|\d{{1,2}}))?,[ \t]+"
    rf"(?P<town>{_CAP}(?:[ \t]+{_CAP})?)"  # a numbered part of a district too: "Gulshan III, Karachi"
)
# Japanese wards, cities, towns and villages carry their kind as a suffix: "Nishi-ku", "Fuchu-shi"; a postcode
# before one is Japan's: "150-0001 Shibuya-ku".
_JAPANESE_POSTCODE = re.compile(
    r"(?<![\w-])(?:〒[ \t]?)?\d{3}-\d{4}(?=,?[ \t]+[A-Z][a-z]{1,15}-(?:ku|shi|cho|chō|machi|mura|gun)\b)"
)
_JAPANESE_WARD = re.compile(rf"\b[A-Z][{LOW}]{{1,15}}-(?:ku|shi|cho|chō|machi|mura|gun)\b")  # "Bunkyō-ku" too
# The district and its block numbers before the ward ("3-14-2 Hongō, Bunkyō-ku"), and the postcode after it.
_JAPANESE_BLOCK = re.compile(
    rf"(?<![\w-])\d{{1,2}}-\d{{1,4}}(?:-\d{{1,4}})?[ \t]+[A-Z][{LOW}]{{1,15}}"
    rf"(?=,?[ \t]+[A-Z][{LOW}]{{1,15}}-(?:ku|shi|cho|chō|machi|mura|gun)\b)"
)
_POSTCODE_AFTER_WARD = re.compile(r",?[ \t]+(?:〒[ \t]?)?(\d{3}-\d{4})(?![\w-])")
# "…, Porto to Leeds", "… in Kuala Lumpur": a town after a street.
_IN_TOWN_AFTER = re.compile(rf"^[ \t]+in[ \t]+(?P<town>{_CAP}(?:[ \t]+{_CAP}){{0,2}})")
# The named place before a town and postcode: "Sunnyside Holiday Park, ", "Marsh Lane Health Centre, ".
_SITE_BEFORE = re.compile(r"(?<![\w'’-])(?P<site>(?:[A-Z][\w'’-]{1,25}[ \t]+){0,3}[A-Z][\w'’-]{1,25}),[ \t]*$")

_SITE_HEAD_WORDS = {"health", "practice", "centre", "center", "clinic", "surgery", "service", "services", "house",
                    "lodge", "hospital", "medical", "care", "trust", "pharmacy", "home", "partnership", "psychology",
                    "psychiatry", "counselling", "counseling", "therapy", "therapies", "wellbeing", "hospice",
                    "associates", "chambers", "hostel", "refuge", "unit", "ltd", "limited", "inc"}  # fmt: skip
_ADDRESS_LABEL_WORDS = {"address", "domicilio", "dirección", "direccion", "adresse", "anschrift", "indirizzo",
                        "endereço", "morada"}  # fmt: skip
_NAMED_PLACE_WORDS = {"lane", "road", "street", "way", "close", "row", "drive", "avenue", "hill", "green", "mews",
                      "gardens", "crescent", "terrace", "court", "place", "square", "grove", "boulevard", "parade",
                      "walk", "rise", "heights", "cottages"}  # fmt: skip
_RESIDENCE_WORDS = {"live", "lives", "living", "lived", "reside", "resides", "residing", "resident", "moved",
                    "moving", "relocated", "relocating", "grew", "raised", "born", "brought", "originally", "come",
                    "comes", "came", "commute", "commutes", "commuting", "drive", "drives", "travel", "travels", "is",
                    "was", "are", "hails", "staying", "stays", "settled", "home"}  # fmt: skip
_CITY_GATE = re.compile(r"[A-Z]{2,3}\b|[A-Z]\d|\b[A-Z][a-z]+[ \t]+(?:\d{4}|[A-Z])")


# The locality lines and postal code after a street, as written in most countries: "…, Col. San José Insurgentes,
# Benito Juárez, 03900", "…, 105 Reykjavík", "…, Te Awamutu 3872", "…, Bedok North St 1, 460214", and Greece's
# "…, Πάτρα 262 21".
_TAIL_CODE = (
    r"(?:\d{3}-\d{4}|\d{3}[ ]\d{2}(?![\w-])|\d{5}-\d{3}|\d{4}-\d{3}|\d{2}-\d{3}|\d{4}[ ][A-Z]{2}(?![\w-])|\d{3,6})"
    r"(?![\w-])"
)
_TAIL_WORD = r"(?:[^\W\d_](?:[^\W\d_]|['’.-]){0,30})"
_TAIL_PLACE = (
    rf"(?:{_TAIL_WORD}(?:[ \t]+(?:(?:de|del|la|el|los|las|on|upon|am|an|der|di|do|da|sur)[ \t]+)?{_TAIL_WORD}){{0,3}})"
)
_TAIL_PART = re.compile(
    rf",[ \t]*(?:(?P<unit>#[0-9A-Z]{{1,4}}-[0-9A-Z]{{1,5}})|(?P<code>{_TAIL_CODE})(?:[ \t]+(?P<town>{_TAIL_PLACE}))?"
    rf"|(?P<place>{_TAIL_PLACE})"
    rf"(?:,?[ \t]+(?P<code2>{_TAIL_CODE}))?)(?=[ \t]*(?:[,.;:)\n\"”'’—–]|[ \t]-[ \t]|$)|(?<=\d)[ \t])"
)
_STREET_NUMBER_AFTER = re.compile(r"[ \t]+\d{1,3}[A-Z]?(?=,)")


def _address_tail(text: str, end: int, parts: int = 4):
    """Localities and a postal code in the comma-separated lines after a street (held)."""
    number = _STREET_NUMBER_AFTER.match(text, end)
    end = number.end() if number else end
    while parts:
        m = _TAIL_PART.match(text, end, min(len(text), end + 90))
        if not m:
            return
        for group in ("place", "town"):
            value = m.group(group)
            if value is None:
                continue
            words = value.split()
            if not all(w[0].isupper() for w in words if w not in _TAIL_PARTICLES) or not _place_ok(value):
                return  # "…, Mum said" or a region: no more address
            yield "address", m.start(group), m.end(group), BORDERLINE, "locality of an address"
        for group in ("code", "code2"):
            if m.group(group):
                yield "zip", m.start(group), m.end(group), BORDERLINE, "postal code"
        if m.group("unit"):
            yield "address", m.start("unit"), m.end("unit"), BORDERLINE, "unit of an address"
        end, parts = m.end(), parts - 1


_TAIL_PARTICLES = {"de", "del", "la", "el", "los", "las", "on", "upon", "am", "an", "der", "di", "do", "da", "sur"}


def _compound_word(words: set[str]) -> bool:
    return any(w.endswith(_COMPOUND_ENDINGS) for w in words)


def _place_ok(city: str, strict: bool = False) -> bool:
    """A town or city, not a state, country, month or role; where only the wording ties it to a person (strict),
    not an ordinary word either."""
    words = city.split()
    if len(words[0]) > 1 and words[0].isupper():
        return False  # "UK Biobank", "NHS Lothian": an acronym starts no town's name
    first, last = words[0].lower(), city.lower()
    if last in regions() or first in regions() or first in not_names() or words[-1].lower() in _BUILDING_WORDS:
        return False
    if last in country_names() or first in country_names():
        return False  # "Alemania", "Frankreich": a country, in the language the note is in
    if strict and len(words) == 1 and first in safe_words() and first not in _TOWN_WORDS_ALLOWED:
        return False
    return not first.isdigit() and not re.fullmatch(r"\d.*", first)


_BUILDING_WORDS = {"hall", "centre", "center", "room", "hospital", "clinic", "park", "church", "school", "library",
                   "university", "college", "office", "house", "building", "ward", "unit", "home", "hotel", "café",
                   "cafe", "gym", "pool", "theatre", "studio", "chapel", "mosque", "temple", "synagogue"}  # fmt: skip
_TOWN_WORDS_ALLOWED = {"bath", "reading", "mobile", "hull", "wells", "ely", "derby", "dover", "bangor", "ludlow",
                       "truro", "perth", "nelson", "hamilton", "salem", "concord", "erie", "provo", "macon", "waco",
                       "eugene", "orange", "normal", "hope", "paris", "dublin", "cork", "york"}  # fmt: skip


# A named home, unit or institution where a person stays, is held or was seen: "at Rosemount Lodge, Kendal",
# "admitted … to Lakeside Unit, Grimsby", "moved into Ashgrove Care Home".
_FACILITY_WORDS = {"lodge", "house", "unit", "ward", "centre", "center", "clinic", "hospital", "court", "home", "manor",
                   "hall", "hospice", "infirmary", "prison", "refuge", "shelter", "hostel", "annex",
                   "annexe", "hub", "village", "care", "health", "living", "practice", "surgery",
                   "residential", "school", "academy"}  # fmt: skip
# Heads that also name a kind of service ("Mental Health", "Assisted Living"): the words before must name it.
_SERVICE_HEADS = {"hub", "village", "care", "health", "living", "practice", "surgery", "residential"}
_SMALL_FACILITY_WORDS = {"lodge", "house", "home", "manor", "hospice", "refuge", "shelter", "hostel"}
_FACILITY = re.compile(
    r"(?i:\b(?:at|to|in|into|from|of|on|attends|attended|attending)[ \t]+)(?:the[ \t]+)?"
    rf"(?P<place>(?:St\.?[ \t]+)?(?:[{UP}][{LOW}'’-]{{2,25}}[ \t]+){{1,3}}"
    r"(?:Lodge|House|Unit|Ward|Centre|Center|Clinic|Hospital|Court|Home|Manor|Hall|Hospice|Infirmary|Prison|Refuge"
    r"|Shelter|Hostel|Hub|Village|Care|Health|Living|Practice|Surgery|Residential|School|Academy)(?:[ \t]+Annexe?)?)\b"
)
# What ties the place to the person: a stay, an admission, a visit or a move ("she lectured at Carnegie Hall" does
# not), and no group of people ("Patients admitted to the Bethlem Royal Hospital were followed…").
_STAY_WORDS = {"admitted", "discharged", "sectioned", "transferred", "detained", "remanded", "placed", "stays",
               "staying", "stayed", "visited", "visiting", "resides", "residing", "seen", "inpatient",
               "sentenced", "lives", "lived", "living", "moved", "moving", "live", "respite", "bed", "born",
               "housed", "stay", "veteran", "resident", "inmate", "appointment", "appt", "room", "attends",
               "attending", "started", "referral", "referred", "discharge", "attend", "attended", "pupil", "goes",
               "went", "enrolled"}  # fmt: skip
# How long someone was there, right after the place, is a stay: "was at Fernlea House for 3 weeks".
_STAY_LENGTH = re.compile(
    r"(?i)[ \t]*,?[ \t]+for[ \t]+(?:\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a[ \t]+few"
    r"|a[ \t]+couple[ \t]+of)[ \t]+(?:days?|nights?|weeks?|wks?|months?|years?|yrs?)\b"
)
# A person who is at the place now: "Losa is now at Mason Clinic", "who is 94 and now at Ferncliffe House",
# "she's back in Cedar Unit"; not "the clinic is now at …", whose subject is a building.
_PERSON_IS_AT = re.compile(
    r"(?:\b(?P<who>she|he|they|who|(?-i:[A-Z][a-z]{1,20}))(?:['’]s|[ \t]+(?:is|was|are|were))|\band)[ \t]+"
    r"(?:(?:now|still|back|currently)[ \t]+)+(?:at|in|on)[ \t]+(?:the[ \t]+)?$"
    r"|\b(?P<who2>she|he|they|who|(?-i:[A-Z][a-z]{1,20}))(?:['’]s|[ \t]+(?:is|are))[ \t]+(?:at|in|on)[ \t]+"
    r"(?:the[ \t]+)?$",
    CI,
)
_GROUP_WORDS = {"patients", "people", "residents", "clients", "adults", "children", "women", "men", "inpatients",
                "nurses", "staff", "doctors", "clinicians", "teams",
                "veterans", "those", "participants", "users", "cases", "admissions"}  # fmt: skip


_KIND_OF_PLACE_AFTER = re.compile(
    r"[ \t]+(?:hostel|home|unit|clinic|hospital|shelter|refuge|hospice|ward|care[ \t]+home|nursing[ \t]+home)\b"
)


# A line in capitals read with each word capitalised and the small words of a sentence in lower case, as a
# place's name is written in prose: "SEEN … AT CHATSWORTH CLINIC" is "Seen … at Chatsworth Clinic".
_SMALL_WORDS = frozenset("to the at from of in on into and by for a an with".split())
_LETTERS = re.compile(r"[^\W\d_]+")


def _title_case(line: str) -> str:
    return _LETTERS.sub(lambda m: m.group().lower() if m.group().lower() in _SMALL_WORDS else m.group().capitalize(),
                        line)  # fmt: skip


def _shouted_places(text: str):
    """Named homes and places of care in lines written all in capitals, found in the lines read as prose."""
    shouted = shouted_lines(text)
    if not shouted:
        return
    recased = list(text)
    for start, end in shouted:
        recased[start:end] = _title_case(text[start:end])
    prose = "".join(recased)
    for f in list(_facilities(prose)) + list(_care_places(prose)):
        words = prose[f[1] : f[2]].lower().split()
        if len(words) > 1 and all(w in safe_words() for w in words[:-1]):
            continue  # "SEEN IN MEMORY CLINIC": in capitals, ordinary words name a kind of service, not one place
        if overlaps(shouted, f[1], f[2]):
            yield f[0], f[1], f[2], BORDERLINE, f[4]


def _facilities(text: str):
    for m in _FACILITY.finditer(text):
        words = m.group("place").split()
        first = words[0].lower()
        if first.rstrip(".") == "st" and words[-1].lower() in _SMALL_FACILITY_WORDS:
            first = words[1].lower()  # "St Columba's Hospice": a small place, unlike "St Thomas' Hospital"
        if first in not_names() or first in regions():
            continue  # "the Royal Hospital", "in Scotland House"
        if words[-1].lower() in _SERVICE_HEADS and (
            all(w.lower() in safe_words() for w in words[:-1]) or re.match(r"[ \t]+[A-Z]", text[m.end() :])
        ):
            continue  # "at Public Health England", "in Primary Care": a kind of service, or a longer name
        before = _clause_before(text, m.start())
        clause = before + " " + text[m.start() : m.start("place")] + " " + _clause_after(text, m.end())
        clause_words = set(_WORD.findall(clause.lower()))
        stayed = not _STAY_WORDS.isdisjoint(clause_words) or bool(_STAY_LENGTH.match(text, m.end("place")))
        # Whoever is on a named ward is a patient there (or works there): "she has been on Willow Ward"
        stayed = stayed or (words[-1] == "Ward" and m.group().lower().startswith("on"))
        if not stayed and (at := _PERSON_IS_AT.search(before + text[m.start() : m.start("place")])):
            who = (at.group("who") or at.group("who2") or "").lower()
            stayed = who not in _BUILDING_WORDS and who not in _FACILITY_WORDS and who not in ("it", "this")
        if not stayed or clause_words & _GROUP_WORDS or _not_personal_place(clause):
            continue
        yield "address", m.start("place"), m.end("place"), BORDERLINE, "named place where the person stays"
        kind_word = _KIND_OF_PLACE_AFTER.match(text, m.end("place"))  # "Haven House hostel, Dundalk"
        yield from _places_after(text, kind_word.end() if kind_word else m.end("place"), depth=1)


# Where someone was admitted, seen, diagnosed or treated, named after the care word: "diagnosed at Waikato
# Hospital", "refed too fast on Ward 12 at Ninewells", "seen on 4/7 at Kowloon Bay clinic", "my first ECT at
# Hawthorne Priory". Any named place there is the person's, whatever its last word; a group of people or a study
# in the clause makes it a service's ("Patients admitted to the Maudsley were followed up").
_CARE_EVENT_WORDS = {"admitted", "readmitted", "seen", "diagnosed", "treated", "refed", "assessed", "assessment",
                     "intake", "ect", "sectioned", "detained", "discharged", "transferred", "appt", "appointment",
                     "delivered", "died", "collapsed", "stabilised", "stabilized", "operated", "operation",
                     "surgery", "scan", "scanned", "triaged", "inpatient", "admission"}  # fmt: skip
_CARE_EVENT_AT = re.compile(
    r"(?i:\b(?:admitted|readmitted|seen|diagnosed|treated|refed|assessed|assessment|intake|ect|sectioned|detained"
    r"|discharged|transferred|appt|appointment|delivered|died|collapsed|stabili[sz]ed|operated|operation|surgery"
    r"|scan|scanned|triaged|inpatient|admission)\b)[^.;:!?\n]{0,45}?"
    r"(?i:\b(?:at|to|in|into|from)[ \t]+)(?:the[ \t]+)?"
    rf"(?P<place>(?:St\.?[ \t]+)?[{UP}][{LOW}{UP}'’.-]{{1,30}}"
    rf"(?:[ \t]+(?:of[ \t]+|de[ \t]+)?[{UP}][{LOW}{UP}'’.-]{{1,30}}){{0,3}})"
)
_CARE_RESEARCH = re.compile(
    r"(?i)\b(?:stud(?:y|ies)|trials?|participants|cohorts?|samples?|recruited|surveyed|data|audit|pilot"
    r"|published|researchers?)\b"
)
_NOT_A_CARE_PLACE = {"hospital", "clinic", "ward", "unit", "a", "e", "ed", "icu", "er", "gp", "nhs", "home", "hospice",
                     "intensive", "emergency", "accident", "primary", "secondary", "general", "psychiatric", "mental",
                     "the", "care", "day", "night", "week", "month", "year", "time", "order", "total", "i"}  # fmt: skip


def _care_places(text: str):
    for m in _CARE_EVENT_AT.finditer(text):
        place = m.group("place").rstrip(".'’")
        words = place.split()
        first = words[0].lower().rstrip(".")
        if first == "st" and len(words) > 1:
            if words[-1].lower() not in _SMALL_FACILITY_WORDS:
                continue  # "admitted to St Thomas' Hospital": a large hospital named for a saint, as in _facilities
            first = words[1].lower()
        if len(words) == 1 and (first in safe_words() or first in name_words()) and first not in towns():
            continue  # "admitted to Hospital", "seen in Clinic", "seen at Hope"
        if first in _NOT_A_CARE_PLACE or first in not_names() or first in regions() or first in _MONTH_NAMES:
            continue  # "seen in March", "admitted to Intensive Care", "treated in Scotland"
        if _region_first(words):
            continue  # "diagnosed more often in North America": a continent or a state
        if place.isupper() and len(place) <= 4:
            continue  # "seen in ED", "admitted to ICU"
        if len(words) > 1 and all(w.lower().rstrip(".'’") in safe_words() for w in words):
            continue  # "diagnosed in Memory Clinic": a kind of service, named in ordinary words
        clause = _clause_before(text, m.start()) + " " + _clause_after(text, m.end("place"))
        if _GROUP_WORDS & set(_WORD.findall(clause.lower())) or _CARE_RESEARCH.search(clause):
            continue
        if _LAW_REPORT.search(_clause_after(text, m.end("place"))):
            continue  # "assessed against the test in Banks v Goodfellow (1870)": a reported case
        lo, hi = sentence_bounds(text, m.start())
        if _HISTORICAL_YEAR.search(text, lo, hi) and not PERSON_WORD.search(text, lo, hi):
            continue  # "During the First World War, Rivers treated officers at Craiglockhart War Hospital"
        start = m.start("place")
        yield "address", start, start + len(place), BORDERLINE, "named place where the person was cared for"


_MONTH_NAMES = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
                "dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}  # fmt: skip


# A district, village or ward named by its local prefix, as addresses begin in the Philippines, Indonesia, Malaysia,
# Morocco, Turkey, Vietnam, Thailand and Brazil: "Brgy. San Isidro, Antipolo City 1870", "Kecamatan Tebet, Jakarta
# Selatan 12810", "Hay Riad, Rue 12 No 7, Rabat". The part must be followed by more of the address.
_LOCALITY_PREFIX_WORDS = {"brgy", "barangay", "kecamatan", "kec", "kelurahan", "kel", "desa", "kampung", "kg", "hay",
                          "mahallesi", "mah", "phường", "quận", "tambon", "amphoe", "sitio", "purok", "bairro",
                          "quartier", "colonia"}  # fmt: skip
_LOCALITY_PREFIXED = re.compile(
    r"(?<![\w.])(?:Brgy\.?|Barangay|Kecamatan|Kec\.|Kelurahan|Kel\.|Desa|Kampung|Kg\.|Hay|Mahallesi|Mah\."
    r"|Phường|Quận|Tambon|Amphoe|Sitio|Purok|Bairro|Quartier|Colonia)"
    rf"[ \t]+(?:{_CAP}[ \t]+){{0,2}}{_CAP}(?=,)"
)
# A numbered street part of such an address: "Rue 12 No 7", "Jalan 5", "Soi 11".
_NUMBERED_PART = re.compile(r",[ \t]*(?P<part>[A-Z][\w.]{1,12}[ \t]+\d{1,4}[A-Z]?(?:[ \t]+No\.?[ \t]*\d{1,5})?)(?=,)")
# The postcode after the town that ends such an address: "Antipolo City 1870", "Jakarta Selatan 12810".
_CODE_AFTER_LOCALITY = re.compile(r"(?:[ \t]+[A-Z][a-z]{2,12})?[ \t]+(?P<zip>\d{4,6})(?![\w-])")
_CITY_WORD = re.compile(r"[ \t]+City\b")
# Where a police report puts someone: "the 1600 block of Elmwood Terrace".
_BLOCK_OF = re.compile(rf"\b\d{{2,5}}[ \t]+block[ \t]+of[ \t]+(?P<street>(?:{_CAP}[ \t]+){{1,3}}[A-Z][a-z]{{1,12}}\.?)")


def _prefixed_localities(text: str):
    for m in _LOCALITY_PREFIXED.finditer(text):
        yield "address", m.start(), m.end(), BORDERLINE, "district or village of an address"
        end = m.end()
        part = _NUMBERED_PART.match(text, end)
        if part:
            yield "address", part.start("part"), part.end("part"), BORDERLINE, "street of an address"
            end = part.end()
        places = list(_places_after(text, end, depth=2))
        city = _CITY_WORD.match(text, places[-1][2]) if places else None
        if city:  # "Antipolo City", "Quezon City": the word is part of the town's name
            places[-1] = places[-1][:2] + (city.end(),) + places[-1][3:]
        yield from places
        code = _CODE_AFTER_LOCALITY.match(text, places[-1][2]) if places else None
        if code:
            yield "zip", code.start("zip"), code.end("zip"), BORDERLINE, "postal code"


def _blocks_of(text: str):
    for m in _BLOCK_OF.finditer(text):
        if m.group("street").split()[-1].lower().rstrip(".") in _SUFFIX_WORDS:
            yield "address", m.start(), m.end("street"), BORDERLINE, "block of a street"
            yield from _places_after(text, m.end("street"), depth=1)


def find_addresses(text: str, low: str, words: set[str]):
    """Street addresses (confident), and towns and cities that complete one or are tied to the person (held)."""
    streets: list[tuple[int, int]] = []
    has_digit = any(c.isdigit() for c in text)
    if words & _FACILITY_WORDS:
        yield from _facilities(text)
    if words & _CARE_EVENT_WORDS:
        yield from _care_places(text)
    if words & (_FACILITY_WORDS | _CARE_EVENT_WORDS):
        yield from _shouted_places(text)
    if words & _LOCALITY_PREFIX_WORDS and "," in text:
        yield from _prefixed_localities(text)
    if has_digit and "block" in words:
        yield from _blocks_of(text)
    if has_digit and words & _SUFFIX_WORDS:
        for m in _STREET.finditer(text):
            if _looks_like_street(m.group()):
                streets.append((m.start(), m.end()))
        for m in _STREET_LOWER.finditer(text):
            if not any(w in _LOWER_STOP for w in m.group("addr").split()[1:-1]):
                yield "address", m.start("addr"), m.end("addr"), BORDERLINE, "lower-case street address"
                yield from _lower_town_after(text, m.end("addr"))
    # Each pattern runs only when a word it needs is in the text (cost only: the patterns decide).
    prefixed = bool(words & _PREFIX_WORDS)
    gated = [p for p, needed in ((_STREET_PREFIXED, prefixed), (_STREET_COMPOUND, _compound_word(words)),
                                 (_PO_BOX, words & _PO_WORDS), (_ROUTE, words & _ROUTE_WORDS)) if needed]  # fmt: skip
    if has_digit:
        for pattern in gated:
            for m in pattern.finditer(text):
                if (
                    pattern is _STREET_PREFIXED
                    and not any(c.isdigit() for c in m.group())
                    and not _RESIDENCE_BEFORE.search(text[max(0, m.start() - 40) : m.start()])
                ):
                    continue
                streets.append((m.start(), m.end()))
    for m in _STREET_PREFIXED.finditer(text) if prefixed and not has_digit else ():
        if _RESIDENCE_BEFORE.search(text[max(0, m.start() - 40) : m.start()]) or m.group().startswith(
            _UNAMBIGUOUS_STREET_WORDS
        ):
            streets.append((m.start(), m.end()))
    for m in _UNIT_HEAD_ADDRESS.finditer(text) if has_digit and words & _UNIT_HEAD_WORDS else ():
        if _locality_parts(m.group("parts")):
            streets.append((m.start(), m.end()))
    for m in _SECTOR_BEFORE_TOWN.finditer(text) if has_digit and words & _SECTOR_WORDS else ():
        if _gazetteer_place(m.group("town").split()):
            streets.append((m.start(), m.end("sector")))
    for m in _WARD.finditer(text) if has_digit and words & {"ward", "room", "bed", "bay"} else ():
        yield "address", m.start(), m.end(), BORDERLINE, "hospital ward or room"
    for m in _LATIN_STREET.finditer(text) if has_digit and words & _LATIN_STREET_WORDS else ():
        streets.append((m.start(), m.end()))
    for m in _DISTRICT_TOWN.finditer(text) if "," in text else ():
        district, town = m.group("district"), m.group("town").split()
        low_district = district.lower()
        if not _gazetteer_place(town) or low_district in towns() or low_district in safe_words():
            continue
        if low_district in given_names() or low_district in family_names() or low_district in regions():
            continue
        if low_district in name_words():
            continue  # "Joy, Hope and Patience": names that are everyday words, listed
        if low_district in not_names() or low_district in _SIGN_OFF_WORDS:
            continue  # "Cheers, Bryn": a sign-off and a name
        n = _gazetteer_place(town)
        if _STUDY_SITE_AFTER.match(text, m.end("town")):
            continue  # "(Kaiser Permanente, San Diego, 1995–1997)": where and when a study ran
        end = m.end("part") if m.group("part") else m.end("district")
        yield "address", m.start("district"), end, BORDERLINE, "district of a town"
        stop = m.start("town") + len(" ".join(town[:n]).rstrip(".,'’"))
        yield "address", m.start("town"), stop, BORDERLINE, "town of a district"
    for m in _LISTED_SPOT.finditer(text) if has_digit and words & _SPOT_WORDS else ():
        if _MEETING_TIME.search(text, max(0, m.start() - 24), min(len(text), m.end() + 16)):
            continue  # "Groups run on Tuesdays, Room 2, 10am", "Room 4, Session 3": where a meeting is
        yield "address", m.start("spot"), m.end("spot"), BORDERLINE, "numbered room, flat or ward in a list"
    for m in _NUMBERED_CARE_SPOT.finditer(text) if has_digit and words & {"ward", "bed", "bay"} else ():
        yield "address", m.start(), m.end(), BORDERLINE, "numbered ward, bed or bay"
    for m in _ROOM_AT_HOME.finditer(text) if has_digit and "room" in words else ():
        if _MEETING_TIME.search(text, max(0, m.start() - 40), min(len(text), m.end() + 24)):
            continue  # "Groups meet in Room 2 at Whitfield House on Tuesdays": where a meeting is
        yield "address", m.start(), m.end("room"), BORDERLINE, "numbered room in a named home"
    for m in _HOSPITAL_PLACE.finditer(text) if has_digit and words & _CARE_WORDS else ():
        yield "address", m.start(), m.end(), BORDERLINE, "hospital ward, bed or room"
        yield from _address_tail(text, m.end(), parts=1)
        yield from _places_after(text, m.end(), depth=1)  # "Ward 12, Mercy Hospital, Hamilton"
    for m in _VIETNAMESE_CARE_SPOT.finditer(text) if has_digit and words & {"phòng", "giường", "buồng"} else ():
        if "," in m.group() or m.group()[0] in "Gg":  # "Phòng 2" alone is as often an office as a room
            yield "address", m.start(), m.end(), BORDERLINE, "room or bed, department and hospital"
    for m in _FACILITY_WARD.finditer(text) if words & _FACILITY_WARD_WORDS else ():
        yield "address", m.start(), m.end(), BORDERLINE, "hospital or home and the ward the person is on"
    for m in _CUSTODY_CELL.finditer(text) if has_digit and "cell" in words else ():
        yield "address", m.start(), m.end(), BORDERLINE, "cell where the person was held"
    for m in _RURAL_ROUTE.finditer(text) if has_digit and words & _RURAL_WORDS else ():
        yield "address", m.start(), m.end(), CONFIDENT, "rural route"
        yield from _address_tail(text, m.end())
    for m in _NAMED_ESTATE.finditer(text) if words & _ESTATE_WORDS else ():
        group = "place" if m.group("place") else "named"
        first = m.group(group).split()[0].lower()
        if group == "named" and (first in safe_words() or first in name_words()):
            continue  # "in Real Estate", "on Private Estate": a kind of estate, not its name
        if _not_personal_place(_clause_before(text, m.start())):
            continue  # "recruited pregnant women in the Avon area": a study's area
        if _place_ok(m.group(group)):
            end = m.end(group) if group == "place" else m.end()
            yield "address", m.start(group), end, BORDERLINE, "estate or district where the person is"
            town = _TOWN_AFTER_ESTATE.match(text, m.end())
            if town and _gazetteer_place(town.group("town").split()):
                yield "address", town.start("town"), town.end("town"), BORDERLINE, "town of the estate"
    for m in _STREET_ON.finditer(text) if words & _STREET_ON_WORDS else ():
        if not _place_ok(m.group("street").split()[0]) or m.group("street").split()[0].lower() in _LOWER_STOP:
            continue
        if m.group("street").lower() in _FIGURATIVE_STREETS:
            continue
        # Only where the clause is about a person and not a service ("the clinic on Harley Street" is left alone);
        # where the person lives or sleeps there, a service named later in the sentence does not matter.
        before = _clause_before(text, m.start())
        clause = before + " " + _clause_after(text, m.end())
        if _LIVES_THERE.search(before) and not _not_personal_place(before) and not _SERVICE.search(before):
            yield "address", m.start("street"), m.end("street"), BORDERLINE, "street where the person lives"
        elif _person_in(clause) and not (_not_personal_place(clause) or _SERVICE.search(clause)):
            yield "address", m.start("street"), m.end("street"), BORDERLINE, "street named in passing"
    for m in _JAPANESE_POSTCODE.finditer(text) if has_digit and "-" in text else ():
        yield "zip", m.start(), m.end(), BORDERLINE, "postal code"
    for m in _JAPANESE_WARD.finditer(text) if "-" in text else ():
        yield "address", m.start(), m.end(), BORDERLINE, "ward or district"
        code = _POSTCODE_AFTER_WARD.match(text, m.end())
        if code:
            yield "zip", code.start(1), code.end(1), BORDERLINE, "postal code"
    for m in _JAPANESE_BLOCK.finditer(text) if has_digit and "-" in text else ():
        yield "address", m.start(), m.end(), CONFIDENT, "street address"
        yield from _places_after(text, m.end(), depth=1)
    for m in _STREET_JOINED.finditer(text) if has_digit and ("way" in low or "gate" in low) else ():
        streets.append((m.start(), m.end()))
    for m in _UNIT_ADDRESS.finditer(text) if has_digit and words & _UNIT_LEAD_WORDS else ():
        streets.append((m.start(), m.end()))
    for m in _BOX_BEFORE_TOWN.finditer(text) if has_digit and "box" in words else ():
        town = m.group("town").lower()
        if town in towns() or town.split()[0] in towns():
            streets.append((m.start(), m.end("box")))
    for m in _ADDRESS_LABELLED.finditer(text) if has_digit and words & _ADDRESS_LABEL_WORDS else ():
        streets.append((m.start("addr"), m.end("addr")))
    for m in _NAMED_PLACE.finditer(text) if "," in text and words & _NAMED_PLACE_WORDS else ():
        streets.append((m.start("addr"), m.end("addr")))
    street_words = words & (_NAMED_PLACE_WORDS | {"st", "rd", "ave", "ln", "middleway"}) or _compound_word(words)
    for m in _STREET_NAME_ONLY.finditer(text) if street_words else ():
        if _place_ok(m.group("street").split()[0]) and m.group("street").lower() not in _FIGURATIVE_STREETS:
            yield "address", m.start("street"), m.end("street"), BORDERLINE, "street where the person lives"
    if has_digit:
        yield from _foreign_streets(text, streets)
    if _CJK_OR_HANGUL.search(text):
        if has_digit:
            yield from _cjk_addresses(text)
        yield from _korean_addresses(text)
    if has_digit and words & _VIETNAMESE_STREET_WORDS:
        for m in _VIETNAMESE_STREET.finditer(text):
            yield "address", m.start(), m.end(), CONFIDENT, "street address"
    for start, end in merged(streets):  # "PO Box 77" and "77, Alice Springs": one address
        yield "address", start, end, CONFIDENT, "street address"
        # The practice or home whose street this is, as letterheads and signatures give it: "Fernlea Community
        # Health, 4 Mill Parade, …".
        site = _SITE_BEFORE.search(text, max(0, start - 60), start)
        site_words = site.group("site").split() if site else []
        if site_words and site_words[0] in ("The", "the"):
            site_words = site_words[1:]  # "The Mayo Clinic": the article is no part of the name
        site_key = " ".join(w.lower() for w in site_words)
        if site_words and site_words[-1].lower() in _SITE_HEAD_WORDS and site_key not in known_authors():
            yield "address", site.start("site"), site.end("site"), BORDERLINE, "named place of an address"
        yield from _address_tail(text, end)
        after = _AFTER_STREET_CITY.match(text[end : end + 60])
        if after and after.group("city").split()[-1].lower() in _NAMED_PLACE_WORDS:
            # A second street line ("3 Rose Cottages, Station Road, Great Ayton"): the town follows it.
            yield "address", end + after.start("city"), end + after.end("city"), CONFIDENT, "street address"
            end += after.end("city")
            after = _AFTER_STREET_CITY.match(text[end : end + 60])
        if after and re.search(rf"[ \t](?:{_STATES}|{_PROVINCES})$", after.group("city")):
            after = re.match(rf"^,?[ \t]+(?P<city>.+?)[ \t]+(?:{_STATES}|{_PROVINCES})$", after.group())
        if not after:
            # "Rua das Flores 212, Porto to Leeds", "Jalan Ampang … in Kuala Lumpur": a known town after it.
            town_in = _IN_TOWN_AFTER.match(text[end : end + 60])
            if town_in and (n := _gazetteer_place(town_in.group("town").split())):
                start = end + town_in.start("town")
                stop = start + len(" ".join(town_in.group("town").split()[:n]).rstrip(".,'’"))
                yield "address", start, stop, BORDERLINE, "town or city of an address"
            else:
                yield from _places_after(text, end, depth=2)
        if after and _place_ok(after.group("city")):
            yield (
                "address",
                end + after.start("city"),
                end + after.end("city"),
                BORDERLINE,
                "town or city of an address",
            )
            yield from _places_after(text, end + after.end("city"), depth=1)
            code = _CODE_AFTER_TOWN.match(text[end + after.end("city") : end + after.end("city") + 12])
            # After a street and its town a four-digit number is a postcode even if it could be a year ("Bondi 2026").
            if code:
                offset = end + after.end("city")
                yield "zip", offset + code.start(1), offset + code.end(1), BORDERLINE, "postal code"
    if has_digit:
        gated = ((_CITY_STATE_ZIP, _CITY_STATE_ZIP_GATE), (_CITY_POSTCODE, _CITY_POSTCODE_GATE))
        for pattern, gate in gated if _CITY_GATE.search(text) else ():
            for m in pattern.finditer(text) if gate.search(text) else ():
                city_start, city = _trim_city(m.group("city"), m.start("city"))
                if city and _place_ok(city):
                    yield "address", city_start, m.end("city"), BORDERLINE, "town or city of an address"
                    # The named place whose town and postcode these are: "Sunnyside Holiday Park, Skegness PE25 1JU".
                    site = _SITE_BEFORE.search(text[max(0, city_start - 60) : city_start])
                    if site and site.group("site").split()[0].lower() not in _LOWER_STOP:
                        offset = max(0, city_start - 60)
                        yield (
                            "address",
                            offset + site.start("site"),
                            offset + site.end("site"),
                            BORDERLINE,
                            ("named place of an address"),
                        )
        for m in _POSTCODE_CITY.finditer(text):
            before = text[max(0, m.start() - 3) : m.start()]
            if "," in before and not YEAR.fullmatch(m.group("zip")) and _place_ok(m.group("city")):
                yield "address", m.start("city"), m.end("city"), BORDERLINE, "town or city of an address"
                yield "zip", m.start("zip"), m.end("zip"), BORDERLINE, "postal code"
    for m in _RESIDENCE.finditer(text) if words & _RESIDENCE_WORDS else ():
        city_start, city = m.start("city"), m.group("city")
        # A town the gazetteer knows counts even when the word lists also know it as a word ("from Ikeja").
        if _org_moved(_clause_before(text, city_start)):
            continue  # "The clinic moved from Leeds to York": an organisation's move
        if _CITED_AFTER.match(text, m.end("city")):
            continue  # "the example comes from Clark (1986)": an author
        if _population_before(text, max(0, m.start() - 40), m.start()):
            continue
        if city.lower() in known_authors():
            continue  # "the ABC model comes from Beck and Ellis": a scholar, not a town
        if _LAW_REPORT.search(_clause_after(text, m.end("city"))):
            continue  # "comes from Gillick v West Norfolk … [1986] AC 112": a party to a reported case
        if _thing_from(_clause_before(text, city_start)):
            continue  # "Data came from Whitehall II", "Naikan therapy comes from …": a thing's source, no one's home
        if _STUDY_THING_AFTER.match(text, m.end("city")) or _EPONYM_AFTER.match(text, m.end("city")):
            continue  # "from the Butajira demographic surveillance site": a study's site; "Jerusalem syndrome"
        if _place_ok(city, strict=True) or (_place_ok(city) and _gazetteer_place(city.split()) == len(city.split())):
            yield "address", city_start, m.end("city"), BORDERLINE, "town or city where the person lives"
            yield from _places_after(text, m.end("city"))
            yield from _towns_listed_after(text, m.end("city"))


# Addresses in scripts and forms the Latin street patterns never see (sixteenth round).
# Chinese and Japanese addresses run without spaces from the province or city down to the house number:
# "某某市某某区某某路12号3栋502室", "某某都某某区某某3丁目1-2"; a number written straight after Han or kana, in the
# house-number form ("12号", "3丁目", "2-4-9"), after a run holding an administrative unit is one.
_CJK_LETTERS = "\u3040-\u30ff\u4e00-\u9fff"
# A lane before it counts with it ("天平路88弄5号"), and Hong Kong writes a space before it ("衙前圍道 88號").
_CJK_HOUSE_NUMBER = re.compile(
    rf"(?<=[{_CJK_LETTERS}])\d{{1,5}}(?:(?:弄|巷|衖)\d{{1,5}})?"
    r"(?:(?:号|號|番地|丁目)(?:\d{1,4}(?:-\d{1,4}){0,2})?|-\d{1,5}(?:-\d{1,5})?)"
    rf"|(?<=[{_CJK_LETTERS}][ \t])\d{{1,5}}(?:号|號)"
)
# Units from province to lane; 道 alone is left out ("知道" is "to know").
_CJK_UNIT_MARKS = set("省市区區県县縣都府町村镇鎮乡鄉街路巷弄")
# After the house number: the building, block, floor and room ("3栋502室", " メゾン新宿305号", " コーポ池尻202").
_CJK_BUILDING_PART = re.compile(
    rf"[ \t\u3000]?[{_CJK_LETTERS}]{{0,10}}?\d{{1,5}}(?:号室|号|號|室|栋|棟|楼|樓|階|F)?"
    # a building named after a comma, with its room: "、ハイツ梅田305号", "，B座1203室"
    rf"|[、，,][ \t]?[{_CJK_LETTERS}A-Z]{{1,10}}\d{{1,5}}(?:号室|号|號|室)"
    r"|[ \t]?[A-Z](?:座|室)"  # "5樓 B室"
)
# Postal codes marked as such: Japan's 〒 sign, "邮编" and its kin.
_MARKED_POSTCODE = re.compile(
    r"(?:〒[ \t]?(?P<jp>\d{3}-?\d{4})|(?:邮编|郵編|邮政编码|郵便番号|우편번호)[:：]?[ \t]?(?P<code>\d{5,6}))(?!\d)"
)
# Korean addresses are spaced: a city or province, a district (구/군) and a road, neighbourhood or building
# ("서울특별시 마포구 월드컵로 45, 102동 1203호 (03925)", "전주시 완산구 효자동"), or a metropolitan city and a
# district ("부산 해운대구"). A district word needs two syllables before its mark ("친구" is "friend").
_HANGUL = "\uac00-\ud7af"
_KOREAN_CITIES = "서울|부산|대구|인천|광주|대전|울산|세종|제주|수원|창원|고양|용인|성남|청주|전주|천안|경기|강원"
# A place word ends at a space or a case particle ("해운대구에 살고": "lives in Haeundae-gu").
_KOREAN_WORD_END = rf"(?=[^{_HANGUL}]|(?:에서|에|의|은|는|로|으로)(?![{_HANGUL}])|$)"
_KOREAN_ADDRESS = re.compile(
    rf"(?<![{_HANGUL}])(?:(?:[{_HANGUL}]{{1,6}}(?:특별시|광역시|특별자치시|특별자치도|시|도)|{_KOREAN_CITIES})[ \t]+)?"
    rf"[{_HANGUL}]{{2,6}}(?:구|군){_KOREAN_WORD_END}"
    rf"(?:[ \t]+[{_HANGUL}0-9]{{1,10}}(?:로|길|동|읍|면|리){_KOREAN_WORD_END})?"
    r"(?:[ \t]+\d{1,5}(?:-\d{1,4})?)?(?:,?[ \t]+\d{1,4}동)?(?:[ \t]+\d{1,5}호)?"
)
_KOREAN_POSTCODE_AFTER = re.compile(r"[ \t]*\((\d{5})\)")
# Ukrainian and Russian streets: "вул. Хрещатик, 22, кв. 7, м. Київ", "ул. Ленина 5, кв. 12".
_CYR_UP = "А-ЯЁІЇЄҐ"
_CYRILLIC_STREET = re.compile(
    r"(?<![\w])(?:вул|вулиця|ул|улица|просп|проспект|пров|провулок|пер|переулок|бульв|бульвар|пл|площа|площадь"
    r"|шосе|шоссе|наб)\.?[ \t]+"
    rf"(?:[{_CYR_UP}0-9][\w'’-]{{0,25}}[ \t]+){{0,2}}[{_CYR_UP}][\w'’-]{{1,25}},?[ \t]+(?:буд\.|д\.|дом)?[ \t]*"
    r"\d{1,4}[а-яА-Я]?(?:/\d{1,3})?(?![\w])"
    r"(?:,?[ \t]+(?:кв|квартира|корп|оф)\.?[ \t]*\d{1,4}(?![\w]))?"
    rf"(?:,?[ \t]+(?:м|г|с|смт)\.[ \t]*[{_CYR_UP}][\w'’-]{{1,25}})?"
)
# Turkish streets: "Atatürk Mah. Cumhuriyet Cad. No:14 D:5 Çankaya/Ankara 06420", "Moda Cad. No:47 D:6".
_TR_WORD = rf"[{UP}][{LOW}'’-]{{1,25}}"
_TURKISH_STREET = re.compile(
    rf"(?:(?:{_TR_WORD}[ \t]+){{1,3}}(?:Mah|Mh|Mahallesi)\.?,?[ \t]+)?(?:{_TR_WORD}[ \t]+){{1,3}}"
    r"(?:Cad|Cd|Caddesi|Sok|Sk|Sokak|Sokağı|Bulvarı|Blv|Bulv)\.?,?[ \t]+No[ \t]*:[ \t]*\d{1,4}[A-Z]?"
    r"(?:[ \t]*[/,]?[ \t]*(?:D|Daire|Kat|K)[ \t]*:[ \t]*\d{1,3}){0,2}"
    rf"(?:,?[ \t]+{_TR_WORD}(?=/))?"
)
_TURKISH_CITY_CODE = re.compile(rf"(?:/{_TR_WORD})?,?[ \t]+(\d{{5}})(?![\w-])")
# Greek streets in Greek letters or transliterated with "Odos": "Ερμού 25, Αθήνα", "Odos Ermou 45, Kifisia";
# a month before a year is no street ("Μαΐου 2023").
_GREEK_STREET = re.compile(
    r"(?<![\w])(?:(?:Odos|Odós|Οδός|οδός)[ \t]+[\wΆ-ώ'’-]{2,25}|[Α-ΩΆ-Ώ][α-ωά-ώΐΰ]{2,25})[ \t]+\d{1,3}[Α-Ωα-ω]?"
    r"(?=,[ \t]*[\wΆ-ώ])"
)
_CYRILLIC_LOWER = re.compile(r"[а-яіїє]")
_GREEK_LOWER = re.compile(r"[α-ω]")
_CJK_OR_HANGUL = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]")
_GREEK_MONTHS = ("Ιανουαρίου", "Φεβρουαρίου", "Μαρτίου", "Απριλίου", "Μαΐου", "Ιουνίου", "Ιουλίου", "Αυγούστου",
                 "Σεπτεμβρίου", "Οκτωβρίου", "Νοεμβρίου", "Δεκεμβρίου")  # fmt: skip


# Vietnamese addresses give the house number, then the lanes and alleys it is down, then the street:
# "số 27 ngõ 48 phố Tạ Quang Bửu", "12/4 hẻm 30 đường Lê Lợi".
_VIETNAMESE_STREET_WORDS = {"ngõ", "ngách", "hẻm", "kiệt", "phố", "đường"}
_VIETNAMESE_STREET = re.compile(
    r"(?i:\bsố[ \t]+)?(?<![\w/-])\d{1,4}[A-Z]?(?:/\d{1,4})*"
    r"(?:[ \t]+(?i:ngõ|ngách|hẻm|kiệt)[ \t]+\d{1,4}(?:/\d{1,4})*)*[ \t]+(?i:phố|đường)"
    rf"(?:[ \t]+[{UP}][{LOW}]{{0,10}}){{1,4}}"
)


def _cjk_addresses(text: str):
    """Chinese and Japanese addresses (confident), and their marked postal codes (held)."""
    for m in _CJK_HOUSE_NUMBER.finditer(text):
        start = m.start()
        if start > 1 and text[start - 1] in " \t":
            start -= 1
        while start > 0 and start > m.start() - 16 and re.match(rf"[{_CJK_LETTERS}]", text[start - 1]):
            start -= 1
        head = text[start : m.start()]
        marks = [i for i, ch in enumerate(head) if ch in _CJK_UNIT_MARKS]
        if not marks and head.endswith(("道 ", "道\t")) and len(head) > 2 and head[-3] != "知":
            marks = [len(head) - 2]  # "衙前圍道 88號": a road, where the number follows a space as Hong Kong writes it
        if not marks:
            continue
        start += max(0, marks[0] - 3)  # place names before their unit mark run two to four characters
        end = m.end()
        for _ in range(3):
            part = _CJK_BUILDING_PART.match(text, end)
            if not part or part.end() == end:
                break
            end = part.end()
        yield "address", start, end, CONFIDENT, "street address"
    for m in _MARKED_POSTCODE.finditer(text):
        group = "jp" if m.group("jp") else "code"
        yield "zip", m.start(group), m.end(group), BORDERLINE, "postal code"


def _korean_addresses(text: str):
    for m in _KOREAN_ADDRESS.finditer(text):
        parts = m.group().split()
        if len(parts) < 2:
            continue  # a district word alone may be any word ending in 구 or 군
        yield "address", m.start(), m.end(), CONFIDENT, "street address"
        code = _KOREAN_POSTCODE_AFTER.match(text, m.end())
        if code:
            yield "zip", code.start(1), code.end(1), BORDERLINE, "postal code"


def _foreign_streets(text: str, streets: list[tuple[int, int]]):
    """Streets in Cyrillic, Turkish and Greek forms, added to ``streets``: their towns and postcodes follow as the
    tail of any street. A Turkish district and city are joined by a slash, so their postcode is found here."""
    if _CYRILLIC_LOWER.search(text):
        streets += [(m.start(), m.end()) for m in _CYRILLIC_STREET.finditer(text)]
    for m in _TURKISH_STREET.finditer(text) if "No" in text and ":" in text else ():
        streets.append((m.start(), m.end()))
        code = _TURKISH_CITY_CODE.match(text, m.end())
        if code:
            yield "zip", code.start(1), code.end(1), BORDERLINE, "postal code"
    for m in _GREEK_STREET.finditer(text) if _GREEK_LOWER.search(text) or "Odos" in text else ():
        if not m.group().startswith(_GREEK_MONTHS):
            streets.append((m.start(), m.end()))


# After a street's town: four to six digits (AU, NZ, IN, most of Europe), Portugal's 4050-265, Poland's 00-950.
_CODE_AFTER_TOWN = re.compile(r"[ \t]+(\d{4,6}(?:-\d{3})?|\d{2}-\d{3})(?![\w-])")


_RESIDENCE_BEFORE = re.compile(r"(?i)\b(?:lives?|living|address|home|visit|moved|staying|stays|at|on|in)[ \t:]*$")
_LOWER_STOP = {"the", "a", "an", "my", "her", "his", "their", "our", "your", "this", "that", "per", "of", "and", "or",
               "to", "in", "on", "at", "for", "with", "down", "up", "minute", "minutes", "mile", "miles", "block",
               "blocks", "step", "steps", "hour", "hours", "day", "days", "week", "weeks", "long", "short", "hard",
               "times", "more", "other", "km", "metres", "meters", "sessions", "session", "people", "years",
               "months", "participants", "clients", "patients", "items", "point", "points"}  # fmt: skip
_NOT_STREET_WORDS = {"week", "weeks", "session", "sessions", "step", "steps", "item", "items", "participants",
                     "patients", "clients", "people", "points", "minutes", "hours", "days", "months", "years",
                     "key", "main", "common", "core", "top", "ways"}  # fmt: skip


_PLAIN_STREET_WORDS = {"st", "street", "rd", "road", "ave", "avenue", "ln", "lane", "n", "s", "e", "w"}


# A public body's own address, as the body gives it: "The Royal College of … is at 21 …", "the Freud Museum, 20 …",
# "… that's the museum's public address". Nobody in care lives there.
_PUBLIC_BODY_AT = re.compile(
    r"\b(?:Society|Association|College|Museum|Institute|Foundation|Federation|Council|Commission|Organi[sz]ation"
    r"|University|Academy|Agency|Library)(?:[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?(?:[A-Z][\w'’-]+[ \t]*){1,4})?"
    r"(?:['’]s[ \t]+(?:(?:head|main|registered)[ \t]+)?(?:office|offices"
    r"|headquarters|HQ))?(?:[ \t]+(?:is|are|was)[ \t]+(?:(?:located|based|housed)[ \t]+)?(?:at|on)[ \t]+|,[ \t]*"
    # a body that moves: "The Royal College of Psychiatrists moved to 21 Prescot Street"
    r"|[ \t]+(?:moved|relocated)(?:[ \t]+(?:its|their)[ \t]+(?:offices|headquarters|HQ))?[ \t]+to[ \t]+)"
    r"|(?i:\bpublic[ \t]+address\b)"
)
_PUBLIC_BODY_GATE = {"society", "association", "college", "museum", "institute", "foundation", "federation",
                     "council", "commission", "organisation", "organization", "university", "academy", "agency",
                     "library", "public"}  # fmt: skip
_CLAUSE_END = re.compile(r"[.;!?](?:\s|$)|\n")
# An organisation known by its acronym and its address, in the languages suggestions come in: "Die Adresse der
# DGPPN ist …", "The WHO headquarters address … should be …"; not an acronym that stands for a person's details.
_ACRONYM_BODY_ADDRESS = re.compile(
    r"(?i:\b(?:address|adresse|anschrift|dirección|direccion|indirizzo|endereço|endereco|adres|headquarters|sitz"
    r"|siège|siege|sede)\b)[ \t]+(?i:(?:of|der|des|de|du|del|della|da|do|van)[ \t]+)?"
    r"(?i:(?:the|la|le|el|il|het)[ \t]+)?"
    r"(?P<a>[A-Z][A-Za-z]{0,2}[A-Z]{1,5})\b(?![ \t]*\d)"  # not a rural route's "address RR 2 Box 140"
    r"|\b(?P<b>[A-Z][A-Za-z]{0,2}[A-Z]{1,5})(?:['’]s)?[ \t]+(?i:(?:headquarters|hq|head[ \t]+office|main[ \t]+office)"
    r"(?:[ \t]+address)?|address|adresse|anschrift)\b"
)
_ADDRESS_WORDS = {"address", "adresse", "anschrift", "dirección", "direccion", "indirizzo", "endereço", "endereco",
                  "adres", "headquarters", "sitz", "siège", "siege", "sede", "hq"}  # fmt: skip
# Acronyms of a person's own details or of where they are seen, not of a public body.
_PERSONAL_ACRONYMS = {"GP", "PT", "MRN", "DOB", "ID", "ER", "ED", "ICU", "PO", "IP", "MAC", "NOK", "OPD", "AE", "ENT",
                      "RR", "HC", "APT", "STE", "BOX", "PMB"}  # fmt: skip
_IN_CARE_WORDS = re.compile(
    r"(?i)\b(?:my|our|patient|pt|client|mum|mom|dad|mother|father|son|daughter|wife|husband|lives|living)\b"
)


def public_body_addresses(text: str, words: set[str]) -> list[tuple[int, int]]:
    """The stretches of text that give a public body's own address: from the body's name to the sentence's end
    (the whole sentence when it calls the address public)."""
    spans = []
    if words & _ADDRESS_WORDS and not _IN_CARE_WORDS.search(text):
        for m in _ACRONYM_BODY_ADDRESS.finditer(text):
            acronym = m.group("a") or m.group("b")
            line_start = text.rfind("\n", 0, m.start()) + 1
            line_end = text.find("\n", m.end())
            line = text[line_start : line_end if line_end >= 0 else len(text)]
            # in a line written in capitals any word looks like an acronym: "HOME ADDRESS: 12 CHEMIN DES PINS"
            if acronym not in _PERSONAL_ACRONYMS and line != line.upper():
                end = _CLAUSE_END.search(text, m.end())
                spans.append((m.start(), end.start() if end else len(text)))
    if not words & _PUBLIC_BODY_GATE:
        return spans
    for m in _PUBLIC_BODY_AT.finditer(text):
        start = m.start()
        if m.group().lower().startswith("public"):
            stop = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
            start = stop + 1
        end = _CLAUSE_END.search(text, m.end())
        spans.append((start, end.start() if end else len(text)))
    return spans


def _looks_like_street(value: str) -> bool:
    """Guards the street pattern against prose such as "3 Key Points" or "8 Weekly Sessions"."""
    words = re.findall(r"(?<!\d)[A-Za-z]+", value)  # not a house number's letter, nor a decade's "s": "70s, is"
    if not words:
        return False
    named = [w for w in words[:-1] if w.lower() not in ("n", "s", "e", "w", "ne", "nw", "se", "sw")]
    if any(w.lower() in _NOT_STREET_WORDS for w in words) and words[-1].lower() not in _PLAIN_STREET_WORDS:
        return False
    return bool(named) or len(words) >= 2


def _trim_city(city: str, start: int) -> tuple[int, str]:
    """Drops leading words of a matched city that are not part of it ("lives in Dayton" -> "Dayton")."""
    words = city.split(" ")
    while words and (words[0].lower() in not_names() or words[0].lower() in safe_words()) and len(words) > 1:
        start += len(words[0]) + 1
        words = words[1:]
    return start, " ".join(words)


_FIVE_DIGITS = re.compile(r"\d{5}")
_POSTCODE_LABEL_WORDS = {"zip", "postcode", "post", "postal", "eircode", "codigo", "código", "code", "cep", "plz",
                         "postleitzahl", "postnummer", "pocztowy", "p"}  # fmt: skip
# "the 3084 postcode", "a 2150 postal district": a four-digit code named as one.
_CODE_BEFORE_POSTCODE_WORD = re.compile(
    r"(?<![\w.,/-])(?P<zip>\d{4})(?=[ \t]+(?:postcode|post[ \t]+code|postal[ \t]+(?:code|district|area))\b)"
)
# "in 75018 Paris", "from 08003 Barcelona": a five-digit code and the town it belongs to.
_CODE_TOWN_AFTER_LOCATIVE = re.compile(
    rf"(?i:\b(?:in|from|to|at|near)[ \t]+)(?P<zip>\d{{5}})[ \t]+(?P<town>{_CAP}(?:[ \t]+{_CAP}){{0,2}})"
    r"(?=[ \t]*(?:[,.;:)\n]|$)|[ \t]+(?:and|but|with|since|now|where|until|for|when)\b)"  # not "in 12000 London people"
)
# Dublin's postal districts: "Dublin 8", "Dublin 6W".
# Brazil's CEP after the state's abbreviation: "Sao Paulo - SP, 01310-200", "Recife/PE 50030-230".
_BR_CEP = re.compile(
    r"[-/,][ \t]*(?:AC|AL|AP|AM|BA|CE|DF|ES|GO|MA|MT|MS|MG|PA|PB|PR|PE|PI|RJ|RN|RS|RO|RR|SC|SP|SE|TO)"
    r"[ \t]*[,-]?[ \t]*(?P<zip>\d{5}-\d{3})(?![\w-])"
)
_DUBLIN_DISTRICT = re.compile(r"\bDublin[ \t]+(?P<district>\d{1,2}W?)\b(?![.,]\d)")


def _code_place(place: str, in_brackets: bool) -> bool:
    """The place after a code: a known town, or in brackets a district of capitalised words that are not a
    region or a safe word ("Mission District", "Mt Druitt")."""
    low = place.lower()
    if low in towns() or low.split()[0] in towns():
        return _place_ok(place)
    first = low.split()[0]
    named = first in given_names() or first in family_names()
    return in_brackets and _place_ok(place) and low not in safe_words() and not named


_CODE_LEAD = re.compile(r"(?i)\b(?:in|at|from|near|lives|living|postcode|post[ \t]+code|zip|area)[ \t:]*$")


def find_zip_codes(text: str, words: set[str]):
    patterns = [_UK_ZIP, _CA_ZIP, _UK_OUTWARD]
    if _FIVE_DIGITS.search(text):
        patterns += [_US_ZIP, _ZIP_IN_CONTEXT, _ZIP_PLUS_FOUR]
    if "pin" in words or "pincode" in words:
        patterns.append(_PIN_LABELLED)
    if words & _POSTCODE_LABEL_WORDS:
        patterns.append(_ZIP_LABELLED)
    for m in _CODE_BEFORE_POSTCODE_WORD.finditer(text) if words & {"postcode", "postal", "post"} else ():
        if not YEAR.fullmatch(m.group("zip")):  # "a 2019 postcode change"
            yield "zip", m.start("zip"), m.end("zip"), BORDERLINE, "postal code"
    for m in _CODE_TOWN_AFTER_LOCATIVE.finditer(text) if _FIVE_DIGITS.search(text) else ():
        if _gazetteer_place(m.group("town").split()) and not YEAR.fullmatch(m.group("zip")):
            n = _gazetteer_place(m.group("town").split())
            stop = m.start("town") + len(" ".join(m.group("town").split()[:n]).rstrip(".,'’"))
            yield "zip", m.start("zip"), m.end("zip"), BORDERLINE, "postal code"
            yield "address", m.start("town"), stop, BORDERLINE, "town of a postal code"
    for m in _BR_CEP.finditer(text) if "-" in text else ():
        yield "zip", m.start("zip"), m.end("zip"), BORDERLINE, "postal code"
    for m in _DUBLIN_DISTRICT.finditer(text) if "dublin" in words else ():
        yield "zip", m.start("district"), m.end("district"), BORDERLINE, "postal district"
    if _CITY_GATE.search(text) and _CITY_STATE_ZIP_GATE.search(text):
        patterns.append(_CITY_STATE_ZIP)
    for pattern in patterns:
        for m in pattern.finditer(text):
            group = "zip2" if pattern in (_ZIP_IN_CONTEXT, _UK_OUTWARD) and m.group("zip") is None else "zip"
            yield "zip", m.start(group), m.end(group), BORDERLINE, "postal code"
    for m in _PERSON_IN_CODE.finditer(text) if _FIVE_DIGITS.search(text) else ():
        yield "zip", m.start("zip"), m.end("zip"), BORDERLINE, "postal code"
    for m in _CODE_THEN_PLACE.finditer(text) if "(" in text or "," in text else ():
        code, group = m.group("zip"), "paren" if m.group("paren") else "comma"
        if YEAR.fullmatch(code) or not _code_place(m.group(group), in_brackets=group == "paren"):
            continue
        if group == "comma" and not _CODE_LEAD.search(text[max(0, m.start() - 20) : m.start()]):
            continue  # "there were 12000, London had more"
        yield "zip", m.start("zip"), m.end("zip"), BORDERLINE, "postal code"
        yield "address", m.start(group), m.end(group), BORDERLINE, "town or district of a postal code"
    for m in _ADDRESS_TOWN_FIVE.finditer(text) if _FIVE_DIGITS.search(text) else ():
        city_start, city = _trim_city(m.group("city"), m.start("city"))
        if (city.lower() in towns() or city.split()[-1].lower() in towns()) and _place_ok(city):
            yield "zip", m.start("zip"), m.end("zip"), BORDERLINE, "postal code"
            yield "address", city_start, m.end("city"), BORDERLINE, "town or city of an address"
    for m in _PLACE_THEN_PIN.finditer(text) if _PIN_GATE.search(text) else ():
        city_start, city = _trim_city(m.group("city"), m.start("city"))
        if city.lower() in towns() or city.split()[-1].lower() in towns():
            yield "zip", m.start("zip"), m.end("zip"), BORDERLINE, "postal code"
            if _place_ok(city):
                yield "address", city_start, m.end("city"), BORDERLINE, "town or city of an address"
    foreign = (_TOWN_FOREIGN_CODE, _FOREIGN_CODE_TOWN) if _FOREIGN_CODE_GATE.search(text) else ()
    for m in (m for pattern in foreign for m in pattern.finditer(text)):
        town = m.group("town").split()
        n = _gazetteer_place(town)
        if n and (m.re is _FOREIGN_CODE_TOWN or n == len(town)):
            yield "zip", m.start("zip"), m.end("zip"), BORDERLINE, "postal code"
            end = (
                m.start("town") + len(" ".join(town[:n]).rstrip(".,'’"))
                if m.re is _FOREIGN_CODE_TOWN
                else m.end("town")
            )
            yield "address", m.start("town"), end, BORDERLINE, "town of a postal code"
    for m in _OUTWARD_AFTER_TOWN.finditer(text) if _OUTWARD_GATE.search(text) else ():
        if m.group("town").lower() in towns():
            yield "zip", m.start("zip"), m.end("zip"), BORDERLINE, "postal code"
            yield "address", m.start("town"), m.end("town"), BORDERLINE, "town of a postal code"
    atc = "atc" in words  # a drug's ATC code has an unspaced Eircode's shape: "ATC code N05AH02"
    for m in _IE_ZIP.finditer(text):
        if atc and _ATC_CODE.fullmatch(m.group("zip")):
            continue
        if re.search(r"[A-Z]", m.group("zip")[3:]) and re.search(r"\d", m.group("zip")[3:]):  # not "F32 2019"
            yield "zip", m.start("zip"), m.end("zip"), BORDERLINE, "postal code"
    for m in _AU_ZIP.finditer(text) if words & {"nsw", "vic", "qld", "tas", "nt", "sa", "wa", "act"} else ():
        if m.group("state") in {"SA", "WA", "ACT"} and YEAR.fullmatch(m.group("zip")):
            continue
        yield "zip", m.start("zip"), m.end("zip"), BORDERLINE, "postal code"


# ---------------------------------------------------------------- towns from the gazetteer, tied to a person

# A place after a locative word: "moved up from Port Talbot", "lives out in Wexford", "a caravan outside Skegness".
_LOCATIVE = re.compile(
    # and the same words of other languages, as notes switch into them: "soy psicóloga en Medellín", "em Jundiaí"
    # Scandinavian "i" and "på", Portuguese "na", Indonesian and Malay "di" and "dari": "bor i Rinkeby", "mora na
    # Rocinha", "dari Tanjung Priok" (not Portuguese "no", English's "no London trip").
    r"(?i:\b(?:in|from|near|outside|around|to|into|round|nr|en|em|à|au|dans|nel|nella|í|im|aus|i|på|na|di|dari"
    # Italian and Spanish "a" ("ricoverata … a Scampia", "manejando a Tlaquepaque"): only before a capital
    r"|(?-i:a)(?=[ \t]+[A-Z])"
    r"|(?:north|south|east|west|outskirts|edge|suburbs?"
    r"|village|town|city|outside)[ \t]+of))[ \t]+(?:the[ \t]+)?"
    rf"(?=(?P<place>[{UP}{LOW}][{LOW}{UP}'’.-]{{1,30}}(?:[ \t]+[{UP}{LOW}][{LOW}{UP}'’.-]{{1,30}}){{0,2}}))"
)
# Someone the place belongs to, earlier in the clause ("she", "the family", "my client", "his nan", "I"): a word
# looked up in a set, as a pattern of a hundred alternatives is tried at every position of every clause.
_PERSON_WORDS = set(
    """he she they him her his hers their them i we my our client patient pt family mum mom mother dad father parent
    parents nan nana gran granny grandad grandma grandpa grandparents son daughter brother sister aunt aunty auntie
    uncle cousin partner wife husband boyfriend girlfriend ex kids children people folks carer widow widower live lives
    lived living moved grew raised born man woman men women boy girl lad lass bloke guy teen teenager adolescent child
    kid baby toddler veteran driver worker expat refugee tenant lodger student pupil resident case vignette
    originally soy sou ik ich je mi mio mia meu minha paciente patiente patiënt pacjent patientin vive vit woont
    wohnt wohnen mieszka mora vivo habite hijo hija madre padre filho filha mãe pai zoon dochter sohn tochter mutter
    vater hon han hun bor bodde signora signor ricoverata ricoverato senhora señora señor dona él ella pasien pasienten
    mgonjwa anaishi hasta kalıyor oturuyor yaşıyor practising practicing ricoverata ricoverato manejando""".split()
)
_WORD = re.compile(r"\w+")


def _person_in(clause: str) -> bool:
    return not _PERSON_WORDS.isdisjoint(_WORD.findall(clause.lower()))


# An organisation as the one that moved or is based somewhere: "The clinic moved from Leeds to York".
_ORG_MOVED = re.compile(
    r"(?i)\b(?:clinic|service|practice|surgery|hospital|team|trial|study|office|charity|unit|ward|centre|center"
    r"|company|organi[sz]ation|headquarters|hq|programme|program|conference|journal|lab|laboratory|university|school"
    r"|college|department|publisher|firm|business|shop|pharmacy)s?[ \t]+(?:has[ \t]+|had[ \t]+|have[ \t]+|was[ \t]+"
    r"|were[ \t]+|is[ \t]+|are[ \t]+|recently[ \t]+|then[ \t]+|later[ \t]+)*(?:moved|moving|relocated|relocating"
    r"|based|located|opened|expanded|transferred)\b"
)
_ORG_MOVED_VERBS = {"moved", "moving", "relocated", "relocating", "based", "located", "opened", "expanded",
                    "transferred"}  # fmt: skip


# An institution as the subject of the clause, with no person in it: "Bethlem Royal Hospital was founded in 1247
# and moved to Beckenham".
_ORG_SUBJECT = re.compile(
    r"(?i)\b(?:hospital|asylum|clinic|service|practice|surgery|school|college|university|company|charity|museum"
    r"|institute|trust|unit|ward|centre|center|headquarters|hq|programme|program|journal|publisher|firm|team)s?\b"
)


def _org_moved(clause: str) -> bool:
    """Whether an organisation moved or is based in ``clause``; the verb is looked up before the pattern is tried."""
    if _ORG_MOVED_VERBS.isdisjoint(_WORD.findall(clause.lower())):
        return False
    if _ORG_MOVED.search(clause):
        return True
    # the institution the subject, before its verb, and no one in the clause ("Jarrah was moved … to a unit in …")
    verb = _ORG_MOVED_VERB.search(clause)
    subject = _ORG_SUBJECT.search(clause, 0, verb.start()) if verb else None
    return bool(subject) and not PERSON_WORD.search(clause) and not _PASSIVE_MOVE.search(clause)


_ORG_MOVED_VERB = re.compile(rf"(?i)\b(?:{'|'.join(sorted(_ORG_MOVED_VERBS))})\b")
_PASSIVE_MOVE = re.compile(r"(?i)\b(?:was|were|been|being|got)[ \t]+(?:moved|transferred|relocated)\b")


# A thing, not a person, as what comes from somewhere: data, a therapy, a term, a quote.
_THING_FROM = re.compile(
    r"(?i)\b(?:data|dataset|datasets|figures|estimates|statistics|stats|samples?|findings|evidence|results|terms?"
    r"|words?|phrases?|ideas?|concepts?|notions?|therap(?:y|ies)|practices?|techniques?|methods?|models?|approach"
    r"|traditions?|quotes?|quotation|examples?|recipes?|music|drugs?|medicines?|treatments?|interventions?|funding"
    r"|money|grants?|referrals|material|materials|content|text|scales?|questionnaires?|tools?|versions?"
    r"|translations?|images?|photos?|videos?|songs?|names?|sources?|reports?|cases|measures?|items?|wording)\b"
    r"[^.;\n]{0,50}\b(?:comes?|came|is|are|was|were)[ \t]+(?:originally[ \t]+|all[ \t]+|mostly[ \t]+)?(?:from|in)?"
    r"[ \t]*(?:the[ \t]+)?$"
)


def _thing_from(clause: str) -> bool:
    return bool(_THING_FROM.search(clause)) and not PERSON_WORD.search(clause)


# A study named after its place, as the apposition after it says: "Data came from Harrowgate III, a cohort of …".
_STUDY_APPOSITION = re.compile(
    r"[ \t]*(?:[IVX]{1,4}\b[ \t]*)?,[ \t]*(?:an?|the)[ \t]+(?:[\w-]+[ \t]+){0,2}"
    r"(?:cohort|study|trial|survey|registry|sample|panel)\b"
)


def study_site(text: str, start: int, end: int) -> bool:
    """Whether the place at start:end names a study, as what follows it says: "Data came from X, a cohort of …"."""
    return bool(_STUDY_APPOSITION.match(text, end) or _STUDY_THING_AFTER.match(text, end))


# What a study's site is called after its place: "the Butajira demographic surveillance site", "the Dunedin cohort".
_STUDY_THING_AFTER = re.compile(
    r"[ \t]+(?:(?:demographic|health|population|birth|longitudinal|prospective|field|study|research)[ \t]+){0,2}"
    r"(?:surveillance[ \t]+(?:site|system|area)|cohort|cohorts|study|studies|trial|survey|registry|biobank|site|sample"
    r"|panel|project)\b"
)


# Research, services and public statements: a place here says where a study or a service was, not a person.
_NOT_PERSONAL_PLACE = re.compile(
    r"(?i)\b(?:(?<!case[ \t])stud(?:y|ies)|trials?|sample[sd]?|participants|recruited|conducted|cohorts?|surveys?"
    r"|universit(?:y|ies)|published|(?<!case[ \t])(?<!family[ \t])conference|researchers?|sites?|data|population"
    r"|residents|team|teams"
    r"|services?|programmes?|programs?|course|workshops?|training|centres?|centers?|branch|office|charity"
    r"|organi[sz]ation|foundation|group|groups|guidance|guidelines?|evidence|press|publishers?|journal)\b"
)


# A reported court case: "[1986] AC 112", "[2015] UKSC 11", "v. Tarasoff".
_LAW_REPORT = re.compile(r"\[(?:18|19|20)\d\d\][ \t]*\d{0,3}[ \t]*[A-Z]{1,6}\b|(?<![\w.])v\.?[ \t]+[A-Z]")
_ABBREVIATIONS = {"mt": "mount", "ft": "fort", "pt": "port", "st": "saint", "ste": "sainte"}
_ABBREVIATED = re.compile(r"^(mt|ft|pt|st|ste)\.?(?= )")


def _gazetteer_place(words: list[str], after_street: bool = False) -> int:
    """How many of ``words`` (up to three) name a town, longest first; 0 when they do not."""
    for n in (3, 2, 1):
        if len(words) < n:
            continue
        candidate = words[:n]
        key = " ".join(w.lower().rstrip(".,'’") if i == n - 1 else w.lower() for i, w in enumerate(candidate))
        if key not in towns():
            key = _ABBREVIATED.sub(lambda a: _ABBREVIATIONS[a.group(1)], key)  # "Mt Druitt" is "Mount Druitt"
            town, _, district = key.partition("-")  # "Hamburg-Altona": a district after its town
            if n == 1 and district and town in towns() and candidate[0][0].isupper() and town not in safe_words():
                return 1 if candidate[0].split("-")[1][:1].isupper() else 0
            if n == 1 or key not in towns():
                continue
        first, single = candidate[0], n == 1
        if first[0].islower():
            # Lower case: only a town whose name is no ordinary word ("glasgow", not "reading" or "say").
            plain = [w.lower().strip(".,'’") for w in candidate]
            if len(key) < 5 or any(w in safe_words() or (w in name_words() and not after_street) for w in plain):
                continue
        elif single and first.lower().rstrip(".,'’") in not_names():
            continue
        if key in regions():
            return 0  # "North Carolina", "Puerto Rico": larger than a town, and so is no shorter part of it
        if candidate[0].lower() in regions():
            continue
        return n
    return 0


_ARTICLE_PREFIXES = {"Al", "El", "Ad", "Ar", "As", "An", "Ash", "At", "Az", "Ez", "Es", "Ed", "Er"}


_JOINED_ARTICLE = re.compile(r"(?:al|el|ad|ar|as|an|ash|at|az|ul|ed|es|er)-[A-Z][a-z]{2,}$")


# A person introduced by where they are from: "a girl from …", "two sisters from …", "the family from …".
_PERSON_FROM = re.compile(
    r"(?i)\b(?:girl|boy|man|woman|lad|lass|pupil|student|sisters?|brothers?|family|couple|widow|widower|gentleman"
    r"|lady|teenager|child|kid|mother|father|veteran|pensioner|farmer|resident)[ \t]+from[ \t]+$"
)


def _unknown_place(words: list[str], surnames: bool = False) -> int:
    """Capitalised words that are neither ordinary words nor names nor regions ("Merthyr Tydfil"): a place the
    gazetteer lacks, when the clause is about a person. With ``surnames``, words that are only surnames count too."""
    n = 0
    if len(words) > 1 and words[0] in _ARTICLE_PREFIXES:
        rest = _unknown_place(words[1:], surnames)
        return rest + 1 if rest else 0  # "in Al Nahda", "El Mirador": an Arabic or Spanish article before the name
    for word in words[:3]:
        key = word.rstrip(".,'’")
        low = key.lower()
        if n and _JOINED_ARTICLE.match(key):
            n += 1  # "Deir al-Balah", "Ras el-Ain": the article joined to the place's second word
            if key != word:
                break
            continue
        if not (len(key) >= 4 and key[0].isupper() and key[1:].islower()) or low in safe_words():
            break
        if low in not_names() or low in regions() or low in given_names() or (low in family_names() and not surnames):
            break
        if low in country_names():
            break
        n += 1
        if key != word:
            break
    return n


_NAMED_THING_AFTER = re.compile(
    r"[ \t]+(?:[A-Z][a-z]+[ \t]+){0,2}(?:Test|Scale|Study|Trial|Inventory|Questionnaire|Hospitals?|University|Infirmary"
    r"|Institute|Clinic|Centre|Center|Model|Method|Protocol|Criteria|Group|Cohort|Naming|Battery|Index|Assessment"
    r"|(?-i:style|system|classification|declaration|convention))\b"  # "Vancouver style", "the Helsinki declaration"
    # a study's site named for its place: "in the Butajira demographic surveillance site", "in the Dunedin cohort"
    r"|[ \t]+(?:(?:demographic|health|population|birth|longitudinal|field)[ \t]+){0,2}(?:surveillance[ \t]+site"
    r"|cohort|birth[ \t]+cohort|study|trial|registry|biobank)\b"
    # a firm named for the place or a family: "Sue from Bellamy & Co Accountants", "from Ashford Haulage"
    rf"|[ \t]+(?:&|and[ \t]+Sons\b|(?:[A-Z][a-z]+[ \t]+){{0,2}}{_BUSINESS_HEADS}\b)"
)
# An eponymous condition or sign named for the place or a person: "Jerusalem syndrome", "due to Urbach–Wiethe disease".
_EPONYM_AFTER = re.compile(
    r"(?:[–-][A-Z][a-z]+)*[ \t]+(?:[Dd]isease|[Ss]yndrome|[Dd]isorder|[Pp]alsy|[Ss]ign|[Pp]henomenon|[Ee]ffect"
    r"|[Rr]eflex|[Dd]elusion|[Aa]phasia|[Ee]ncephalopathy|[Ee]pilepsy|[Pp]sychosis)\b"
)


# A quotation the writer asks to have changed or removed: what is in it identifies someone ('Please change "Mt
# Druitt" to "western Sydney"', 'delete "Mokola, Ibadan, opposite the petrol station"').
_QUOTED_FOR_REMOVAL = re.compile(
    r"(?i:\b(?:change|changing|amend|delete|deleting|remove|removing|replace|replacing|cut|drop|redact"
    r"|(?:don['’]t|do[ \t]+not|not|never)[ \t]+(?:say|write|use|name))[ \t]+)"
    r"[\"“](?P<quoted>[^\"”\n]{1,100})[\"”]"
)
_QUOTED_PLACE = re.compile(rf"(?<![\w'’-])[{UP}][{LOW}{UP}'’.-]{{1,30}}(?:[ \t]+[{UP}][{LOW}{UP}'’.-]{{1,30}}){{0,2}}")


def _quoted_places(text: str):
    """Towns, and capitalised words that are no word, name or region, in a quotation marked for removal (held)."""
    for q in _QUOTED_FOR_REMOVAL.finditer(text):
        quoted = q.group("quoted").strip(" .,")
        if quoted.lower() in cities() or _not_personal_place(
            _clause_before(text, q.start()) + " " + quoted + " " + _clause_after(text, q.end())
        ):
            continue  # 'delete "London" from the cohort description': a city or a study, not where someone lives
        for m in _QUOTED_PLACE.finditer(text, q.start("quoted"), q.end("quoted")):
            words = m.group().split()
            if any("'" in w or "’" in w for w in words):
                continue  # "Asperger's": a possessive is an eponym or a person, not a place
            n = _gazetteer_place(words) or _unknown_place(words)
            town_after = re.match(r",[ \t]+(\S+(?:[ \t]+\S+)?)", text[m.end() : q.end("quoted")])
            if not n and town_after and len(words) == 1 and _gazetteer_place(town_after.group(1).split()):
                n = 1  # "Mokola, Ibadan": the district of a town
            if n and words[0].lower() not in known_authors() and words[0].lower() not in not_names():
                lead = text[q.start("quoted") : m.start()].strip().lower()
                if n == 1 and lead in ("", "the") and _names_someone(words[0]):
                    continue  # 'Replace "Nijinsky was …"', 'Change "Anna O. was …"': who the passage is about
                end = m.start() + len(" ".join(words[:n]).rstrip(".,'’"))
                yield "address", m.start(), end, BORDERLINE, "place in a passage marked for removal"


def _names_someone(word: str) -> bool:
    low = word.rstrip(".,'’").lower()
    return low in given_names() or low in family_names()


_NOT_DISTRICT_WORDS = {"i", "mr", "mrs", "ms", "dr", "nhs", "january", "february", "march", "april", "may", "june",
                       "july", "august", "september", "october", "november", "december", "monday", "tuesday",
                       "wednesday", "thursday", "friday", "saturday", "sunday", "christmas", "easter"}  # fmt: skip


def _district_words(words: list[str], n: int) -> int:
    """Capitalised words after a place that are part of its name ("Moss Side", "Tower Hamlets", "Clapham Common"):
    ordinary words or unknown ones, not a name, month or institution."""
    extra = 0
    for word in words[n : n + 2]:
        if words[n + extra - 1][-1:] in ".,;:":
            break  # the place ended at punctuation
        key = word.rstrip(".,;:'’").lower()
        if len(key) < 3 or not word[0].isupper() or not key.isalpha() or key in _NOT_DISTRICT_WORDS:
            break
        if key in _BUILDING_WORDS or key in not_names() or key in regions():
            break
        if (key in given_names() or key in family_names()) and key not in safe_words() and key not in towns():
            break
        extra += 1
    return extra


_CITED_AFTER = re.compile(
    r"(?:['’]s)?[ \t]*(?:\([ \t]*(?:1[5-9]|20)\d\d|,[ \t]*(?:1[5-9]|20)\d\d[a-z]?[);]|et[ \t]+al\b"
    r"|(?:and|&)[ \t]+[A-Z][\w'’-]+['’]s[ \t]+(?:1[5-9]|20)\d\d\b)"  # "from Rosenthal and Jacobson's 1968 study"
)


# Each word _NOT_PERSONAL_PLACE can match has one of these in it, in lower case; in ASCII, lower() folds case as
# the pattern does. A clause without any of them is spared the pattern, which tries every position (cost only).
_NOT_PERSONAL_STEMS = ("stud", "trial", "sample", "participants", "recruited", "conducted", "cohort", "survey",
                       "universit", "publish", "conference", "researcher", "site", "data", "population", "residents",
                       "team", "service", "program", "course", "workshop", "training", "centre", "center", "branch",
                       "office", "charity", "organi", "foundation", "group", "guidance", "guideline", "evidence",
                       "press", "journal")  # fmt: skip


def _not_personal_place(clause: str) -> bool:
    if clause.isascii():
        low = clause.lower()
        if not any(stem in low for stem in _NOT_PERSONAL_STEMS):
            return False
    return _NOT_PERSONAL_PLACE.search(clause) is not None


_STUDY_SITE_AFTER = re.compile(r",[ \t]*(?:1[5-9]|20)\d\d(?:[–-](?:1[5-9]|20)?\d\d)?\)")
# A population, not a person, as the one born or living there: "1,037 babies born in Dunedin".
# Not someone's: "her children living in Tuzla".
_POPULATION_BEFORE = re.compile(
    r"(?i)(?<!\bmy[ \t])(?<!\bher[ \t])(?<!\bhis[ \t])(?<!\bour[ \t])(?<!\btheir[ \t])(?<!['’]s[ \t])"
    r"\b(?:children|people|babies|infants|adults|participants|women|men|residents|families|veterans|refugees"
    r"|students|mothers|fathers|individuals|members|twins|respondents|inhabitants|survivors|youth|workers|migrants"
    r"|immigrants|adolescents|households|communities)[ \t]+(?:(?!the\b)\w+[ \t]+){0,2}$"
)

_POPULATION_WORDS = frozenset(
    """children people babies infants adults participants women men residents families veterans refugees students
    mothers fathers individuals members twins respondents inhabitants survivors youth workers migrants immigrants
    adolescents households communities""".split()
)


def _population_before(text: str, start: int, end: int) -> bool:
    """_POPULATION_BEFORE in text[start:end]. Its word stands whole in the window, and in ASCII its case folds as
    lower() does: without one of those words the pattern, with its lookbehinds at every position, is not tried."""
    window = text[start:end]
    if window.isascii() and _POPULATION_WORDS.isdisjoint(_WORD.findall(window.lower())):
        return False
    return _POPULATION_BEFORE.search(text, start, end) is not None


# A move written with an arrow, as notes shorten a person's route: "Lviv → Kraków", "Herat -> Tehran -> Izmir".
_PLACE_WORD = rf"[{UP}][{LOW}'’.-]{{1,30}}(?:[ \t]+[{UP}][{LOW}'’.-]{{1,30}}){{0,2}}"
_ARROW_ROUTE = re.compile(
    rf"(?<![\w'’-])(?P<a>{_PLACE_WORD})[ \t]*(?:→|->|=>|⟶)[ \t]*(?=(?P<b>{_PLACE_WORD}))"
)  # the next town is only looked at, so that it can begin the next leg


def _arrow_routes(text: str):
    """Known towns on both sides of an arrow (held)."""
    for m in _ARROW_ROUTE.finditer(text):
        before, after = m.group("a").split(), m.group("b").split()
        # The second town begins after the arrow (looked up first: one lookup when it is none); the first ends at
        # the arrow ("… / Lviv →").
        second = " ".join(after[: _gazetteer_place(after)]).rstrip(".,'’")
        if not second:
            continue
        n = next((k for k in (3, 2, 1) if k <= len(before) and _gazetteer_place(before[-k:]) == k), 0)
        first = " ".join(before[-n:]) if n else ""
        if first and _place_ok(first) and _place_ok(second):
            yield "address", m.end("a") - len(first), m.end("a"), BORDERLINE, "town on the person's way"
            yield "address", m.start("b"), m.start("b") + len(second), BORDERLINE, "town on the person's way"


# A line of a letterhead or signature that is a town and its state or country: "Thrissur, Kerala", "Dayton, Ohio".
_TOWN_REGION_LINE = re.compile(
    rf"(?m)^[ \t]*(?P<town>{_CAP}(?:[ \t]+{_CAP}){{0,2}}),[ \t]*(?P<region>{_CAP}(?:[ \t]+{_CAP}){{0,2}})[ \t]*$"
)


# A place named as what a clinic, team, group or market is of, in a sentence about a person: "she says the Leyton
# clinic never rang", "the Mbare market where he sells", "dropped out after the Hackney session". Not in a sentence
# about a study or a publication: "the Leeds team ran a trial".
_FACILITY_OF_PLACE = (
    "clinic clinics centre center team group session crèche creche market flats estate surgery practice camp hostel"
    " lads mosque gurdwara temple parish café cafe hub"
)
# Who a group is for may come between: "the Carterton carers' group", "the Hulme hearing voices group".
_GROUP_KIND = r"(?:support|carers['’]?|parents['’]?|youth|women['’]s|men['’]s|community|hearing[ \t]+voices|drop-in)"
_PLACE_BEFORE_FACILITY = re.compile(
    rf"(?<![\w'’-])(?P<place>{_CAP}(?:[ \t]+{_CAP})?)(?:['’]s)?[ \t]+(?:{_GROUP_KIND}[ \t]+)?"
    rf"(?:{'|'.join(_FACILITY_OF_PLACE.split())})\b"
)
_FACILITY_OF_PLACE_WORDS = frozenset(_FACILITY_OF_PLACE.split())
_STUDY_OR_PUBLIC = re.compile(
    r"(?i)\b(?:stud(?:y|ies)|trials?|participants|cohorts?|surveys?|data|published|universit(?:y|ies)|researchers?"
    r"|journal|guidelines?|evidence|recruited|sample[sd]?|pilot|evaluation|funded|commissioned)\b"
)


def _places_before_facilities(text: str, named_sentence: tuple[int, int] | None = None):
    """Places a clinic or group is of, in a sentence with a person word, or in ``named_sentence``, the sentence
    of a person's name ("Thandeka says the Umlazi clinic only does depots on Thursdays")."""
    span = named_sentence or (0, len(text))
    for m in _PLACE_BEFORE_FACILITY.finditer(text, *span):
        words = m.group("place").split()
        if words[0] in ("The", "A", "An", "Our", "My", "Her", "His", "Their"):
            words = words[1:]
        if not words or _sentence_start_word(text, m.start("place") + len(m.group("place")) - len(" ".join(words))):
            continue
        n = _gazetteer_place(words) or _unknown_place(words)
        if n != len(words):
            continue
        start, end = _sentence_around(text, m.start())
        sentence = text[start:end]
        if not (named_sentence or _person_in(sentence)) or _STUDY_OR_PUBLIC.search(sentence):
            continue
        if _population_before(text, max(0, m.start() - 60), m.start()):
            continue  # "Syrian refugees in Za'atari camp": a population's camp
        place_end = m.start("place") + len(m.group("place"))
        yield "address", place_end - len(" ".join(words)), place_end, BORDERLINE, "place a clinic or group is of"


def _sentence_start_word(text: str, start: int) -> bool:
    """A capitalised word opening a sentence may be any word: "Clinic staff…" says nothing of a place."""
    before = text[max(0, start - 3) : start]
    return start == 0 or before.endswith(("\n", ". ", "! ", "? ")) or before.strip() == ""


def _sentence_around(text: str, pos: int) -> tuple[int, int]:
    reach = max(0, pos - 300)
    left = max(max(text.rfind(stop, reach, pos) for stop in (". ", "\n", "? ", "! ")), reach - 1)
    right = [i for i in (text.find(stop, pos, pos + 300) for stop in (". ", "\n", "? ", "! ")) if i >= 0]
    return left + 1, min(right) if right else min(len(text), pos + 300)


# A town after a preposition of Polish, Czech, Russian, Ukrainian or Greek, where the town takes the case the
# preposition asks for: "z Nowej Huty", "w Bielsku", "z Nowego Targu", "до Борщагівки", "в Бучі", "из Балашихи",
# "στον Περισσό", "από το Περιστέρι". Each word is read in its Latin spelling and tried with the endings of the
# nominative against the gazetteer; the clause must be about a person, in that language or in English.
_INFLECTED_PREPOSITION = re.compile(
    r"(?<![\w'’-])(?:w|we|z|ze|do|od|koło|spod|pod|ve|ze|u|v|в|во|из|до|у|з|із|зі|под|около|біля|возле|στο|στον|στη|στην"
    r"|από[ \t]+(?:το|τον|την|τη))[ \t]+"
    rf"(?P<place>[{UP}А-ЯЁІЇЄҐΑ-ΩΆΈΉΊΌΎΏ][{LOW}а-яёіїєґα-ωάέήίόύώϊϋΐΰς'’-]{{2,25}}"
    rf"(?:[ \t]+[{UP}А-ЯЁІЇЄҐΑ-ΩΆΈΉΊΌΎΏ][{LOW}а-яёіїєґα-ωάέήίόύώϊϋΐΰς'’-]{{2,25}})?)"
)
_INFLECTED_GATE = re.compile(r"(?<![\w'’-])(?:[wzuv]|we|ze|do|od|ve|в|во|из|до|у|з|із|στο|στον|στη|στην|από)[ \t]+\w")
# Endings of the cases these prepositions take, and the nominative endings to try instead.
_CASE_ENDINGS = (
    ("iej", ("a",)), ("ej", ("a",)), ("ego", ("y", "i", "e")), ("ой", ("а", "ая")), ("ей", ("а", "я")),
    ("ого", ("ий", "ый")), ("ої", ("а",)), ("ії", ("ія",)), ("ку", ("ко",)), ("ie", ("a",)), ("y", ("a",)),
    ("i", ("a",)), ("u", ("o", "")), ("ą", ("a",)), ("и", ("а",)), ("ы", ("а",)), ("і", ("а",)), ("е", ("а", "")),
    ("у", ("о", "", "а")), ("а", ("",)), ("я", ("ь", "")), ("ό", ("ός", "ό")), ("ο", ("ο", "ος")), ("ι", ("ι",)),
    # Polish locatives of towns that are no feminine noun: "w Zakopanem", "w Krakowie", "we Wrocławiu", "w Poznaniu",
    # "w Lublinie"
    ("em", ("e",)), ("owie", ("ów",)), ("niu", ("ń",)), ("iu", ("",)), ("nie", ("n",)),
)  # fmt: skip
# Genitives after "from" of towns that end in a consonant ("z Radomia", "з Житомира", "из Твери"), and Croatian, Slovak
# and Czech locatives after "in" ("u Vinkovcima", "v Trenčíne"): read after those words only, as after "u" (at
# someone's) or "od" (from someone) they are a person's name ("u Jacksona", "od Darwina").
_FROM_ENDINGS = (("ia", ("",)), ("a", ("",)), ("и", ("ь",)))
_IN_ENDINGS = (("ima", ("i",)), ("e", ("",)))
_FROM_WORDS = frozenset("z ze з із зі из".split())
_CROATIAN_LOCATIVE = re.compile(r"ima$")
_IN_WORDS = frozenset("v ve".split())
_CZECH_OR_SLOVAK_LETTER = re.compile(r"[ěščřžýáíéůúňťďľĺŕôĚŠČŘŽÝÁÍÉŮÚŇŤĎĽĹŔÔ]")
_INFLECTED_PERSON_WORDS = frozenset(
    """pacjent pacjentka pacjenta pani pan mieszka mieszkała mieszkał leczeni leczona leczony syn córka matka ojciec
    brat siostra żona mąż babcia dziadek pacient pacientka bydlí пациент пациентка пациента пациентки больной
    больная живёт живет жил жила переехал переехала страница он она пацієнт пацієнтка пацієнта живе жив жила
    переїхав переїхала він вона мама тато сын син дочь донька ασθενής ασθενούς μένει γεννήθηκε νοσηλεύτηκε εισήχθη
    κυρία κύριος μητέρα πατέρας kobieta mężczyzna klient klientka babci dziadka жінка жінки чоловік чоловіка
    бабуся бабусі дідусь клієнт клієнтка женщина мужчина бабушка бабушке дедушка клиент клиентка otac oca majka
    majku sin kći kćer baka djed pacijent pacijenta pacijentica otec otca matka dcéra dcera babička dědeček mama
    hospitalizovaná hospitalizovaný hospitaliziran hospitalizirana hospitalizován hospitalizována""".split()
)


def _nominatives(word: str, more_endings: tuple = ()) -> list[str]:
    low = word.lower()
    forms = [low]
    for ending, replacements in _CASE_ENDINGS + more_endings:
        if low.endswith(ending) and len(low) > len(ending) + 2:
            forms += [low[: -len(ending)] + r for r in replacements]
    return forms


def _latin_keys(word: str) -> list[str]:
    """The gazetteer's spellings a word may have: Latin as written, Greek and Cyrillic transliterated, Cyrillic as
    Russian and as Ukrainian spell it ("Житомир" is Ukrainian "Zhytomyr", with "и" as "y" and "г" as "h")."""
    if not re.match(r"[а-яёіїєґα-ωάέήίόύώϊϋΐΰς]", word[:1].lower()):
        return [word]
    keys = [_latin(word)]
    if "и" in word or "г" in word:
        keys.append(_latin(word.replace("и", "ы").replace("г", "ґ")))  # "ы" reads "y", and "ґ" marks Ukrainian
    return keys


def _inflected_towns(text: str):
    for m in _INFLECTED_PREPOSITION.finditer(text):
        preposition = m.group().split()[0].lower()
        if preposition == "v" and not _CZECH_OR_SLOVAK_LETTER.search(text):
            continue  # Czech and Slovak "v" comes with their letters; English "v" is a law report's ("Smith v Leeds")
        more = (
            _FROM_ENDINGS
            if preposition in _FROM_WORDS
            else _IN_ENDINGS
            if preposition in _IN_WORDS or (preposition == "u" and _CROATIAN_LOCATIVE.search(m.group("place")))
            else ()
        )
        words = m.group("place").split()
        found = 0
        for n in (2, 1):
            if len(words) < n:
                continue
            options = [[key for form in _nominatives(w, more) for key in _latin_keys(form)] for w in words[:n]]
            keys = {" ".join(combo) for combo in _combinations(options)}
            if any(k in towns() and k not in regions() for k in keys if len(k) > 3):
                found = n
                break
        if not found:
            continue
        clause = _clause_before(text, m.start()) + " " + _clause_after(text, m.end())
        if not (_person_in(clause) or not _INFLECTED_PERSON_WORDS.isdisjoint(_WORD.findall(clause.lower()))):
            continue
        if _not_personal_place(clause):
            continue
        start = m.start("place")
        yield "address", start, start + len(" ".join(words[:found])), BORDERLINE, "town or city where the person is"


def _combinations(options: list[list[str]]) -> list[tuple[str, ...]]:
    combos: list[tuple[str, ...]] = [()]
    for forms in options:
        combos = [c + (f,) for c in combos for f in forms[:6]]
    return combos


_TURKISH_STUDY = re.compile(r"(?i)çalışma|araştırma|incelen|katılımcı|örneklem")
# Turkish marks where by a suffix after an apostrophe: "Esenyurt'ta kalıyor", "İzmir'den geldi".
# "Bursa'daki huzurevinde": the place's "-daki" (the one in) too.
_TURKISH_LOCATIVE = re.compile(
    rf"(?<![\w'’-])(?P<place>[{UP}][{LOW}]{{2,30}})['’](?:da|de|ta|te|dan|den|tan|ten|daki|deki|taki|teki)\b"
)


# A hospital, hospice or home known by its saint alone, where a person is: "visiting her at St Brendan's", "was on
# Ward 7B at St Columba's from 3 Jan"; not a saint's day, plant or illness ("St Patrick's Day", "St John's wort").
_SAINT_PLACE = re.compile(
    rf"(?i:\b(?:at|to|from|in|into|on)[ \t]+)(?P<place>(?:St|Saint)\.?[ \t]+[{UP}][{LOW}]{{2,20}}['’]s)"
    r"(?![ \t]+(?:[Dd]ay|[Ee]ve|[Ww]ort|[Dd]ance|[Ff]ire|[Cc]ross|[Ww]ay)\b)(?![\w'’-])"
)


# A care home named after its kind in other languages, where someone lives: "vive en la residencia Los Almendros",
# "woonachtig in verpleeghuis De Wilgenhof", "žije v Domově pro seniory Lipka", "boende på Solrosens äldreboende".
_HOME_KINDS = (
    # not "permiso de residencia", a permit
    r"(?:(?<!de[ \t])residencia|residència|résidence|EHPAD|Altenheim|Pflegeheim|Seniorenheim|Seniorenresidenz"
    r"|verpleeghuis|verzorgingshuis|woonzorgcentrum|casa[ \t]+di[ \t]+riposo|casa[ \t]+de[ \t]+repouso|dom[ \t]+opieki"
    r"|dom[ \t]+pomocy[ \t]+społecznej|domov[ \t]+pro[ \t]+seniory|domově[ \t]+pro[ \t]+seniory|äldreboendet?|sykehjem"
    r"|plejehjem|hoitokoti|palvelutalo|huzurevi)"
)
_NAMED_HOME = re.compile(
    rf"\b{_HOME_KINDS}[ \t]+(?P<place>(?:(?:De|Del|La|Los|Las|Le|Les|Di|Het|Den|Der|Die|Das|El)[ \t]+)?"
    rf"[{UP}][{LOW}'’-]{{2,25}}(?:[ \t]+[{UP}][{LOW}'’-]{{2,25}}){{0,2}})"
    rf"|(?P<owner>[{UP}][{LOW}]{{2,25}}s)[ \t]+(?P<kind>äldreboende|sykehjem|plejehjem)\b"
)
_HOME_GATE = re.compile(
    r"(?i)residen|ehpad|heim\b|huis\b|zorgcentrum|riposo|repouso|dom\b|domov"
    r"|boende|hjem\b|koti|palvelutalo|huzurevi"
)
_HOME_RESIDENT_WORDS = frozenset(
    """boende woonachtig woont vive vivía viveva vit habite wohnt lebt bor bodde asuu mieszka bydlí žije kalıyor
    residente ricoverata ricoverato internada internado""".split()
)


def _named_homes(text: str):
    for m in _NAMED_HOME.finditer(text):
        clause = _clause_before(text, m.start()) + " " + _clause_after(text, m.end())
        words = set(_WORD.findall(clause.lower()))
        if not (_person_in(clause) or words & _HOME_RESIDENT_WORDS or words & _INFLECTED_PERSON_WORDS):
            continue
        group = "place" if m.group("place") else "owner"
        if group == "owner" and _gazetteer_place([m.group("owner")[:-1]]):
            continue  # "ett av Stockholms äldreboende": one of a city's homes
        if group == "place" and re.match(r"[ \t]+\d", text[m.end(group) :]):
            continue  # "im Pflegeheim Zimmer 12": a room, not the home's name
        end = m.end("kind") if group == "owner" else m.end(group)
        yield "address", m.start(group), end, BORDERLINE, "named care home where the person lives"


def find_towns(text: str, low: str):
    """Towns and cities from the gazetteer after a locative word, in a clause about a person (held)."""
    if _HOME_GATE.search(text):
        yield from _named_homes(text)
    for m in _SAINT_PLACE.finditer(text) if "'" in text or "’" in text else ():
        start, end = _sentence_around(text, m.start())
        sentence = text[start:end]
        if _person_in(sentence) and not _STUDY_OR_PUBLIC.search(sentence):
            yield "address", m.start("place"), m.end("place"), BORDERLINE, "hospital or home named by its saint"
    for m in _TURKISH_LOCATIVE.finditer(text) if "'" in text or "’" in text else ():
        clause = _clause_before(text, m.start()) + " " + _clause_after(text, m.end())
        if _TURKISH_STUDY.search(clause):
            continue  # "Ankara'daki bir hastanede yapılan çalışmada": a study's town
        if _gazetteer_place([m.group("place")]) and _person_in(clause):
            yield "address", m.start("place"), m.end("place"), BORDERLINE, "town or city where the person is"
    if not _FACILITY_OF_PLACE_WORDS.isdisjoint(_WORD.findall(low)):
        yield from _places_before_facilities(text)
    if _INFLECTED_GATE.search(text):
        yield from _inflected_towns(text)
    for m in _TOWN_REGION_LINE.finditer(text) if "\n" in text else ():
        words = m.group("town").split()
        if m.group("region").lower() in regions() and _gazetteer_place(words) == len(words):
            yield "address", m.start("town"), m.end("town"), BORDERLINE, "town of a letterhead or signature"
    if '"' in text or "“" in text:
        yield from _quoted_places(text)
    if "→" in text or "->" in text or "=>" in text or "⟶" in text:
        yield from _arrow_routes(text)
    if not any(
        w in low
        for w in (
            "in ",
            "from ",
            "near ",
            "outside ",
            "around ",
            "to ",
            "round ",
            "of ",
            "nr ",
            "en ",
            "em ",
            "à ",
            "au ",
            "dans ",
            "nel",
            "í ",
            "im ",
            "aus ",
            "i ",
            "på ",
            "na ",
            "di ",
            "a ",
        )
    ):
        return
    for m in _LOCATIVE.finditer(text):
        yield from _town_after_locative(text, m, gazetteer_only=False, person_named=False)


def _region_first(words: list[str]) -> bool:
    """Whether ``words`` begin with a region of two to four words."""
    plain = [w.lower().rstrip(".,'’") for w in words[:4]]
    return any(" ".join(plain[:n]) in regions() for n in (4, 3, 2) if len(plain) >= n)


def _town_after_locative(text: str, m: re.Match, gazetteer_only: bool, person_named: bool):
    """The town after the locative word ``m`` when its clause is about a person: one with a person word, or, when
    ``person_named``, one the caller found a person's name or age in."""
    # Each test below only ever leaves the town alone, so they are read cheapest and most telling first: no town,
    # then no person in the clause, then the rest.
    words = m.group("place").split()
    n = _gazetteer_place(words) or (0 if gazetteer_only else _unknown_place(words))
    if not n and not gazetteer_only and _PERSON_FROM.search(text, max(0, m.start() - 40), m.start("place")):
        n = _unknown_place(words, surnames=True)  # "a girl from Ardwick": no one is from a surname
    if not n:
        return
    # The person may come after the place: "bus from Soweto to the clinic … which is why he missed sessions".
    clause = _clause_before(text, m.start())
    rest = _clause_after(text, m.end("place"))
    if not (person_named or _person_in(clause) or _person_in(rest)):
        return
    if _region_first(words):
        return  # "lives in West Virginia", "from Prince Edward Island": a state or province, larger than a town
    if text[m.start() : m.start() + 2] == "a ":
        # "a" is Italian's or Spanish's only in a clause of that language, and before no English word: not "she
        # gave a Leeds talk", "a Beirut NGO clinic"
        following = _ENGLISH_WORD_AFTER.match(text, m.start("place") + len(" ".join(words[:n])))
        romance = not _ROMANCE_WORDS.isdisjoint(_WORD.findall(clause.lower()))
        if not romance or (following and following.group("w") in safe_words()):
            return
    place_end = m.start("place") + len(" ".join(words[:n]))
    if _NAMED_THING_AFTER.match(text, place_end) or _EPONYM_AFTER.match(text, place_end):
        return  # "the Boston Naming Test", "Leeds Teaching Hospitals", "Stockholm syndrome": a town that begins a name
    if len(words) > n and _is_full_name(words[: n + 1]):
        return  # "permission from Theresa Kowalski": a given name and a surname, not a town
    if _CITED_AFTER.match(text, m.start("place") + len(" ".join(words[:n]).rstrip(".,'’"))):
        return  # "the example from Clark (1986)": an author, not a town
    if _org_moved(clause) or _population_before(text, max(0, m.start() - 60), m.start("place")):
        return  # "Syrian refugees in Za'atari camp": a population, not a person, is there
    if _WRITER_AS_CLINICIAN.search(clause) and not _SOMEONE_IN_CARE.search(text):
        return  # "I'm a GP in Leeds", "Je suis interne en psychiatrie à Lyon": where the writer works
    if _not_personal_place(clause + " " + rest):
        return
    if _LAW_REPORT.search(rest):
        return  # "comes from Gillick v West Norfolk … [1986] AC 112": a party to a reported case
    n += _district_words(words, n)
    start = m.start("place")
    end = start + len(" ".join(words[:n]).rstrip(".,'’"))
    yield "address", start, end, BORDERLINE, "town or city where the person is"
    yield from _places_after(text, end)
    yield from _towns_listed_after(text, end)


# The writer introducing themselves by their clinical work, in the languages the screen reads.
_WRITER_AS_CLINICIAN = re.compile(
    r"(?i)\b(?:I['’]?m|I[ \t]+am|I[ \t]+work[ \t]+as|je[ \t]+suis|sono|soy|sou|ich[ \t]+bin|ik[ \t]+ben|jestem)"
    r"[ \t]+(?:[\w-]+[ \t]+){0,3}?(?:GP|psychiatrist|psychologist|nurse|doctor|physician|therapist|counsell?or"
    r"|social[ \t]+worker|pharmacist|consultant|registrar|resident|trainee|student|midwife|psychotherapist|clinician"
    r"|psychiatre|psychologue|infirmi[eè]re?|médecin|interne|psichiatra|psicolog[oa]|psiquiatra|psicólog[oa]"
    r"|enfermer[oa]|médic[oa]|medic[oa]|infermier[ea]|psychiater(?:in)?|psycholog(?:e|in)?|ärztin|arzt|huisarts"
    r"|psycholoog|verpleegkundige|lekarz|psychiatra|pielęgniarka)\b"
)
# Anyone in care or close to the writer, or the writer as a patient: with one of them in the text, the town may
# be theirs.
_SOMEONE_IN_CARE = re.compile(
    r"(?i)\b(?:myself|diagnos\w*|admitted|sectioned|treated|gediagnosticeerd|diagnostizier\w*|opgenomen"
    r"|patients?|clients?|pt|mum|mom|dad|mother|father|son|daughter|wife|husband|partner|nan|gran"
    r"|grandma|grandpa|grandmother|grandfather|aunt|uncle|brother|sister|my|our|patiente?s?|paziente|pazienti"
    r"|paciente|pacientes|patientin|patiënt|patiënte|pacjent\w*|mère|père|madre|padre|mãe|pai|mutter|vater"
    r"|moeder|vader|mon|ma|mes|mi|mis|mio|mia|mein\w*|mijn|meu|minha|moja|mój)\b"
)


_ROMANCE_WORDS = frozenset(
    "il è stata stato della del dello el los las está estaba sigue que y para con per una uno".split()
)
_ENGLISH_WORD_AFTER = re.compile(r"[ \t]+(?P<w>[a-z]{2,20})\b")


def _is_full_name(words: list[str]) -> bool:
    given, surname = words[0].lower(), words[-1].rstrip(".,'’")
    return (
        len(words) == 2
        and given in given_names()
        and surname[:1].isupper()
        and surname.lower() in family_names()
        and surname.lower() not in towns()
        and surname.lower() not in safe_words()
    )


_PLACE_AFTER_COMMA = re.compile(
    rf"^,[ \t]+(?P<county>(?:Co\.?|County)[ \t]+)?"
    rf"(?P<place>[{UP}][{LOW}{UP}'’.-]{{1,30}}(?:[ \t]+[{UP}][{LOW}{UP}'’.-]{{1,30}}){{0,2}})"
)


def _places_after(text: str, end: int, depth: int = 2):
    """The district, town or county that follows a place: "Khayelitsha, Cape Town", "Nishi-ku, Hiroshima",
    "Athy, Co. Kildare"."""
    while depth:
        m = _PLACE_AFTER_COMMA.match(text[end : end + 70])
        if not m:
            return
        words = m.group("place").split()
        n = len(words[:2]) if m.group("county") else _gazetteer_place(words)
        if not n:
            return
        start = end + m.start("county" if m.group("county") else "place")
        stop = end + m.start("place") + len(" ".join(words[:n]).rstrip(".,'’"))
        yield "address", start, stop, BORDERLINE, "town, city or county of the place before it"
        end, depth = stop, depth - 1


# The next stop of the same person's moves: "from Mostar, then Graz", "lived in Leicester for ten years, then Wembley".
_NEXT_TOWN = re.compile(
    r"[^.;:!?\n\"“”()]{0,40}?(?:,[ \t]*|[ \t]+)(?:(?:and|but)[ \t]+)?"
    r"(?P<how>then|later|afterwards|before[ \t]+that|and)"
    r"(?:[ \t]+(?:moved|went|settled|lived|living|on|back))?(?:[ \t]+(?:to|in|into|at))?[ \t]+"
    rf"(?P<place>[{UP}][{LOW}{UP}'’.-]{{1,30}}(?:[ \t]+[{UP}][{LOW}{UP}'’.-]{{1,30}}){{0,2}})"
)


def _towns_listed_after(text: str, end: int, depth: int = 3):
    """Towns the gazetteer knows that follow a person's town as the next stop in a list of moves (held)."""
    while depth:
        m = _NEXT_TOWN.match(text, end, min(len(text), end + 120))
        if not m:
            return
        words = m.group("place").split()
        n = _gazetteer_place(words)
        # After a bare "and" the town must be no ordinary word too ("moved to Leeds and Hope came later").
        if not n or not _place_ok(" ".join(words[:n]).rstrip(".,'’"), strict=m.group("how") == "and"):
            return
        stop = m.start("place") + len(" ".join(words[:n]).rstrip(".,'’"))
        yield "address", m.start("place"), stop, BORDERLINE, "town on the person's way"
        end, depth = stop, depth - 1


# Full stops of abbreviations end no clause: "my client …, ID no. 870315…, from Soweto", "Mr. Ruane of Mullingar".
_ABBREVIATION_STOP = re.compile(r"(?i)(?<![\w.])(?:no|nr|dr|mr|mrs|ms|st|prof|ref|tel|e\.g|i\.e|approx|vs)\. ")


def _full_stops(window: str) -> list[int]:
    """Where ". " ends a sentence in ``window``, not an abbreviation."""
    if ". " not in window:
        return []
    abbreviations = {m.end() - 2 for m in _ABBREVIATION_STOP.finditer(window)}
    return [m.start() for m in re.finditer(r"\. ", window) if m.start() not in abbreviations]


def writers_workplaces(text: str) -> list[tuple[int, int]]:
    """The clauses in which the writer says where they work ("I'm a GP in Harrogate"), when no one in care is in
    the text: a town there is the writer's workplace, which no reading, a rule's or the tagger's, holds."""
    if _SOMEONE_IN_CARE.search(text):
        return []
    return [(m.end(), m.end() + len(_clause_after(text, m.end()))) for m in _WRITER_AS_CLINICIAN.finditer(text)]


def _clause_after(text: str, end: int, size: int = 90) -> str:
    window = text[end : end + size]
    stops = _full_stops(window)
    cuts = [i for i in (window.find("\n"), window.find(";"), window.find("? "), window.find("! ")) if i >= 0]
    cuts += stops[:1]
    return window[: min(cuts)] if cuts else window


def _clause_before(text: str, start: int, size: int = 90) -> str:
    window = text[max(0, start - size) : start]
    stops = _full_stops(window)
    cut = max(window.rfind("\n"), window.rfind(";"), window.rfind("? "), window.rfind("! "), stops[-1] if stops else -1)
    return window[cut + 1 :]


_LOWER_TOWN_AFTER = re.compile(
    rf"^,?[ \t]+(?P<town>[{LOW}]{{3,30}}(?:[ \t]+[{LOW}]{{3,30}})?)(?:,?[ \t]+(?P<zip>{_UK_POSTCODE}|\d{{4,5}}))?\b", CI
)


def _lower_town_after(text: str, end: int):
    """The town and postcode after a street typed in lower case: "…41 gorgie rd, edinburgh eh11 2lb"."""
    m = _LOWER_TOWN_AFTER.match(text[end : end + 60])
    if not m:
        return
    words = m.group("town").split()
    n = _gazetteer_place(words, after_street=True)
    if n:
        town_end = end + m.start("town") + len(" ".join(words[:n]))
        yield "address", end + m.start("town"), town_end, BORDERLINE, "town or city of an address"
        if m.group("zip") and n == len(words):
            yield "zip", end + m.start("zip"), end + m.end("zip"), BORDERLINE, "postal code"


# A town listed with a person's details, after their name, age or date: "(Samira, 1/9/2024, Dearborn)",
# "Edith Marlowe (93, Bournemouth)".
_TOWN_LISTED_AFTER = re.compile(
    rf"[ \t]*,[ \t]*(?P<place>[{UP}][{LOW}'’.-]{{1,30}}(?:[ \t]+[{UP}][{LOW}'’.-]{{1,30}}){{0,2}})"
    r"(?=[ \t]*(?:[),;\n\"”]|[ \t][-–]|$))"
)


# A place as the next item of a line of someone's details, after their number, phone or record as well as their name:
# "Pt Adekunle, 0803 …, Surulere", "iris record IRIS-…, Kakuma", "UHID …, Suresh Kumar, Lajpat Nagar",
# "Maggie (90) — Dunedin — 1/5", "medical record no. 5512… (Westmead)", "…, Box Hill 3128 —". It is the whole item:
# a comma, semicolon, dash or bracket ends it, or the line does.
_PLACE_ITEM = re.compile(
    rf"\)?[ \t]*(?:[,;]|[ \t][—–-](?=[ \t])|\()[ \t]*(?P<place>[{UP}][{LOW}'’.-]{{1,30}}"
    rf"(?:[ \t]+[{UP}][{LOW}'’.-]{{1,30}}){{0,2}})(?:[ \t]+(?P<zip>(?!(?:19|20)\d\d\b)\d{{4,5}}))?"
    r"(?=[ \t]*(?:[),;\n\"”]|\.(?:[ \t]|$)|[ \t][—–-][ \t]|$))"
)
_NUMBER_DETAILS = {"phone", "record_number", "email", "ssn", "biometric", "device", "age_over_89"}
_ITEM_DETAILS = {"name", "date", "age_over_89", "phone", "record_number", "email", "ssn", "biometric", "device", "zip"}
# A town a line of details names without "in": "DOB 01/04/1958. Lives Clacton."
_LIVES_BARE = re.compile(rf"(?i:\b(?:lives|living|resides|residing))[ \t]+(?=(?P<place>[{UP}][{LOW}'’.-]{{1,30}}))")
# A town that says where a named person is from: "Tamar Cohen of Ramat Gan".
_TOWN_OF_NAME = re.compile(
    rf"[ \t]+(?:of|from)[ \t]+(?P<place>[{UP}][{LOW}'’.-]{{1,30}}(?:[ \t]+[{UP}][{LOW}'’.-]{{1,30}}){{0,2}})"
)


# A practice, clinic or home named right after a person, as a contact line or letterhead gives it: "Dr Alan Pryce,
# Tregarth Surgery", "Theresa Kowalski, Westbrook Clinic, tel. …"; the town after it too.
_INSTITUTION_AFTER_NAME = re.compile(
    rf"[ \t]*,[ \t]*(?:[A-Z]{{2,6}},[ \t]*)?(?P<place>(?:[{UP}][{LOW}'’-]{{2,25}}[ \t]+){{1,3}}"
    r"(?:Clinic|Surgery|Hospital|Practice|Centre|Center|Health|Unit|Ward|House|Lodge|Home|Hospice|Priory|Residence"
    r"|Infirmary|CMHT)\b)"
)


def _listed_items(text: str, details: list[tuple[str, int, int]]):
    """Places listed as items of a line of someone's details: one the gazetteer knows, or a word in no lexicon."""
    seen = set()
    for kind, _, end in details:
        if kind not in _ITEM_DETAILS or end in seen:
            continue
        seen.add(end)
        m = _PLACE_ITEM.match(text, end, min(len(text), end + 60))
        if not m:
            continue
        words = m.group("place").rstrip(".").split()
        if len(words) == 1 and (words[0].lower() in given_names() or words[0].lower() in name_words()):
            continue  # "… 0000 - Grace, client's wife": a given name is the likelier reading
        n = _gazetteer_place(words)
        if n != len(words) or not _place_ok(" ".join(words)):
            # A word in no lexicon is a place only after a number: after a name it may be a name, after a date a
            # festival ("13 April, Vaisakhi"), after a postcode a word of the writer's language.
            n = _unknown_place(words) if kind in _NUMBER_DETAILS and not _region_first(words) else 0
            # the rest of the item, when it is no ordinary word either: "Lajpat Nagar"
            rest = [w.lower() for w in words[n:]]
            if not n or any(w in safe_words() or w in not_names() for w in rest):
                continue
            if _NAMED_THING_AFTER.match(text, m.end("place")):
                continue
        stop = m.start("place") + len(" ".join(words))
        yield "address", m.start("place"), stop, BORDERLINE, "place listed with a person's details"
        if m.group("zip"):
            yield "zip", m.start("zip"), m.end("zip"), BORDERLINE, "postal code after a listed place"
    for m in _LIVES_BARE.finditer(text) if details else ():
        words = m.group("place").rstrip(".").split()
        if (_gazetteer_place(words) == 1 and _place_ok(words[0])) or _unknown_place(words[:1]):
            yield "address", m.start("place"), m.start("place") + len(words[0]), BORDERLINE, "town where a person lives"


def find_towns_beside(text: str, details: list[tuple[str, int, int]]):
    """A town the gazetteer knows, listed right after a person's name, age or date, or after "of" a name (held)."""
    yield from _listed_items(text, details)
    for kind, start, end in details:
        if kind not in ("name", "date", "age_over_89"):
            continue
        if kind != "date":
            # A town the gazetteer knows after a locative word later in the clause that names the person or gives
            # their age: "Mr Hollis, a retired docker from Tilbury", "Sunniva from Tromsø lost her job".
            clause_end = end + len(_clause_after(text, end, 70))
            for m in _LOCATIVE.finditer(text, end, clause_end):
                yield from _town_after_locative(text, m, gazetteer_only=True, person_named=True)
        if kind == "name" and not _FACILITY_OF_PLACE_WORDS.isdisjoint(_WORD.findall(text.lower())):
            yield from _places_before_facilities(text, _sentence_around(text, start))
        if kind == "name":
            place = _INSTITUTION_AFTER_NAME.match(text, end, min(len(text), end + 80))
            first = place.group("place").split()[0].lower() if place else ""
            if place and first not in not_names() and first not in regions() and first not in safe_words():
                yield "address", place.start("place"), place.end("place"), BORDERLINE, "practice or home of a person"
                yield from _places_after(text, place.end("place"), depth=1)
        m = _TOWN_LISTED_AFTER.match(text, end, min(len(text), end + 50))
        if kind == "name" and not m:
            m = _TOWN_OF_NAME.match(text, end, min(len(text), end + 50))
        if not m:
            continue
        words = m.group("place").rstrip(".").split()
        if _gazetteer_place(words) == len(words) and _place_ok(" ".join(words)):
            stop = m.start("place") + len(" ".join(words))
            if _NAMED_THING_AFTER.match(text, stop):
                continue  # "Sue from Bellamy & Co Accountants": a firm, not a town
            reason = "town a named person is from" if m.re is _TOWN_OF_NAME else "town listed with a person's details"
            yield "address", m.start("place"), stop, BORDERLINE, reason


# A text that already gives a person's own identifiers, and is refused for them, names towns that are most often that
# person's: "campaign for Eugene, aged 95, Tulsa", "the referral came via Tallaght social services". Only towns the
# gazetteer knows, capitalised, that are no given name, surname or ordinary word; each starting a run of capitalised
# words, as a place's name does.
_CAPITALISED_RUN = re.compile(rf"(?<![\w'’-])[{UP}][{LOW}'’.-]{{1,30}}(?:[ \t]+[{UP}][{LOW}'’.-]{{1,30}}){{0,2}}")
_PERSON_DETAILS = {"name", "date", "age_over_89", "phone", "email", "ssn", "record_number", "biometric", "device"}


def find_towns_with_person_details(text: str, candidates: list[tuple]) -> list[tuple]:
    """Towns in a text with a confident person-level finding among `candidates`, held as places too."""
    if not any(c[0] in _PERSON_DETAILS and c[3] == CONFIDENT for c in candidates):
        return []
    taken = [(c[1], c[2]) for c in candidates]
    found = []
    for m in _CAPITALISED_RUN.finditer(text):
        words = m.group().rstrip(".").split()
        n = _gazetteer_place(words)
        if not n:
            continue
        place = " ".join(words[:n])
        start, end = m.start(), m.start() + len(place)
        single = place.lower()
        if overlaps(taken, start, end) or not _place_ok(place, strict=True):
            continue
        if n == 1 and (single in given_names() or single in family_names() or single in safe_words()):
            continue
        found.append(("address", start, end, BORDERLINE, "town in a text with a person's identifiers"))
    for m in _SPOT_OR_FACILITY.finditer(text):
        start, end = m.start(), m.end()
        lead = _LEAD_WORD.match(text, start, end)
        start = lead.end() if lead else start
        if end > start and not overlaps(taken + [(f[1], f[2]) for f in found], start, end):
            found.append(("address", start, end, BORDERLINE, "care place in a text with a person's identifiers"))
    return found


# In such a text, the numbered room, bed, ward or lot and the named home, school or hospital are the person's too:
# "Room 114 at Pulaski Elementary", "Ward 9 North", "Unit 14", "Willow Brook Lodge", "St. Vincent's".
_SPOT_OR_FACILITY = re.compile(
    r"(?<![\w-])(?:Room|ROOM|Rm|RM|room|rm|Bed|BED|bed|Bay|BAY|bay|Ward|WARD|ward|Unit|UNIT|unit|Lot|LOT|Station"
    r"|Suite|suite|Cabin|Cell|Flat|Apt|apt|Zimmer|Chambre|chambre|Habitación|habitación|Stanza|stanza)\.?"
    r"(?:[ \t]*#?[ \t]?[A-Z]?\d{1,4}[A-Za-z]?|[ \t]+#?[ \t]?[A-Z]\d{0,3})(?![\w-])"
    r"(?:[ \t]+(?:North|South|East|West|Nord|Süd|Ost|Sud|Est|Ouest)\b)?"
    rf"|(?<![\w'’-])(?:St\.?[ \t]+)?(?:[{UP}][{LOW}'’.&-]{{1,25}}[ \t]+){{1,3}}(?:Hospital|General|Infirmary"
    r"|Elementary|Primary|Academy|School|Lodge|Manor|Hospice|Clinic|Centre|Center|Home|House|Court|Village"
    r"|Residence|Gardens|ALF|Living|Park|Estate)\b"
    rf"|(?<![\w'’-])St\.?[ \t]+[{UP}][{LOW}]{{2,20}}['’]s\b"
    # the same in the languages notes are written in: "Zimmer 4", "kamer 12", "afdeling 3 Oost", "Wodi ya 8",
    # "pavillon B"; "Haus Abendrot", "Huize Zonnehoek", "Zahanati ya Kivukoni", "Ospital ng Sta. Rosa"
    r"|(?<![\w-])(?i:Zimmer|kamer|chambre|habitaci[óo]n|stanza|quarto|pok[óo]j|oda|afdeling|pavillon|reparto"
    r"|Wodi[ \t]+ya|Bett|cama|letto)[ \t]+(?:Nr\.?[ \t]*|n[º°o]\.?[ \t]*)?(?:\d{1,4}[A-Za-z]?|[A-Z])(?![\w-])"
    r"(?:[ \t]+(?:Nord|Süd|Ost|West|Noord|Zuid|Oost|Sud|Est|Ouest)\b)?"
    rf"|(?<![\w'’-])(?:Haus|Huize|Hôpital|Hopital|Klinik|Klinikum|Hospitali[ \t]+ya|Zahanati[ \t]+ya|Ospital[ \t]+ng"
    rf"|Clínica|Clinica|Casa[ \t]+de[ \t]+Repouso|Residencia|Residência|EHPAD|Centre[ \t]+Hospitalier|CH[ \t]+de)"
    rf"[ \t]+(?:Sta\.?[ \t]+|Sto\.?[ \t]+|San[ \t]+|Santa[ \t]+|St\.?[ \t]+)?[{UP}][{LOW}{UP}'’-]{{1,25}}"
    # Chinese, Japanese and Korean hospitals and homes, with the ward: "みどり病院 3階西病棟", "한빛병원 폐쇄병동"
    r"|[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]{1,10}(?:병원|요양원|의원|病院|医院|醫院|养老院|療養院|老人ホーム)"
    r"(?:[ \t]?[\w]{0,8}?(?:병동|病棟|病房))?"
)
_LEAD_WORD = re.compile(
    r"(?:(?:The|A|An|Our|My|His|Her|Their|This|That|In|At|From|To|On|Of|And|With|Dear|Re|See)[ \t]+)+"
)


# Where one person lives, as languages other than English say it: a verb of living in the singular (a population
# lives in the plural: "viven", "wohnen", "asuvat"), its preposition, and the place, capitalised: "abita a Pescara",
# "asuu Tampereella", "живёт в Твери", "sống ở Biên Hòa", "tinggal di Bekasi", "nakatira sa Antipolo", "anaishi
# Morogoro", "locuiește în Brașov", "bydlí v Olomouci"; Hungarian puts the verb after the place: "Debrecenben lakik".
_UP_ANY = UP + "А-ЯЁІЇЄҐΑ-ΩΆΈΉΊΌΎΏ"  # with Cyrillic and Greek capitals
_LOW_ANY = LOW + "а-яёіїєґα-ωάέήίόύώϊϋΐΰς"
_CAPITALISED_ANY = rf"[{_UP_ANY}][{_LOW_ANY}{_UP_ANY}'’.-]{{1,30}}"
_RESIDENCE_VERB_FIRST = re.compile(
    r"(?<![\w'’-])(?:abita|abitava|vive|viveva|vivía|vivia|vit|habite|habitait|mora|morava"
    r"|woont|woonde|asuu|asui|mieszka|mieszkała|mieszkał|живёт|живет|жила|жил|проживает|проживала|проживал|живе"
    r"|žije|žil|žila|bydlí|bydlela|bydlel|býva|locuiește|locuia|trăiește|sống|tinggal|nakatira|anaishi|aliishi"
    r"|μένει|έμενε|ζει|živi|živio|živjela|stanuje|мешкає|мешкала|мешкав)"
    r"[ \t]+(?:(?:a|à|in|en|em|no|na|w|we|в|во|у|v|ve|în|ở|tại|di|sa|στη|στην|στο|στον|σε|u)[ \t]+)?"
    # a district or village named as one: "vive en el barrio Alberdi", "мешкає у селі Стара Вижівка"
    r"(?:(?:el|la|o|a|le|der|die|das|het|de)[ \t]+)?"
    r"(?P<district>(?:barrio|colonia|bairro|quartier|Stadtteil|wijk|dzielnicy"
    r"|селі|селе|селищі|містечку|village|aldea|pueblo|vila|comuna|distrito|district|kampung|desa|kelurahan|xã"
    r"|phường|quận|köyü|mahallesi)[ \t]+)?"
    rf"(?P<place>{_CAPITALISED_ANY}(?:[ \t]+{_CAPITALISED_ANY}){{0,2}})"
)
_RESIDENCE_VERB_LAST = re.compile(
    rf"(?<![\w'’-])(?P<place>[{UP}][{LOW}]{{2,30}}(?:ban|ben|on|en|ön|an))[ \t]+(?:lakik|lakott|él|élt)(?!\w)"
)


# The same where the place has no capital to find it by: Chinese "住在绵阳", Japanese "姫路に住んでいます", Korean
# "전주에 사십니다", Hindi "कानपुर में रहती हैं"; not where the place is a kind of place ("住在农村", "시골에 살고").
_RESIDENCE_UNCASED = re.compile(
    r"住在(?P<zh>[\u4e00-\u9fff]{2,12}?)(?=[，。、；：！？,.;:!?\s的了和与已]|$)"
    # where one comes from or was in hospital: "来自成都的", "在华西住院"
    r"|(?:来自|來自)(?P<zh_from>[\u4e00-\u9fff]{2,4}?)(?=的[\u4e00-\u9fff]{0,3}(?:学生|學生|患者|病人|女士|先生|老人|男子|女子"
    r"|女性|男性|妇女|孩子|母亲|父亲|奶奶|爷爷|男孩|女孩)|(?<=[我他她]来自[\u4e00-\u9fff]{2})[，。,.]"
    r"|(?<=[我他她]来自[\u4e00-\u9fff]{3})[，。,.])"
    r"|在(?P<zh_ward>[\u4e00-\u9fff]{2,8}?)(?:住院|住過院|住过院)"
    r"|(?<![\u4e00-\u9fff\u30a0-\u30ff])(?P<ja>[\u4e00-\u9fff\u30a0-\u30ff]{2,10})(?:に|で)(?:住んで|暮らして|在住)"
    r"|(?<![\uac00-\ud7af])(?P<ko>[\uac00-\ud7af]{2,8}?)에(?:서)?[ \t]?"
    r"(?:사십니다|사세요|살고|살아요|삽니다|살았|사셨|거주|입원)"
    r"|(?<![\u0900-\u097f])(?P<hi>[\u0900-\u097f]{2,20})[ \t]+में[ \t]+(?:रहती|रहता|रहते)(?![\u0900-\u097f])"
)
_KINDS_OF_PLACE = frozenset(
    """农村 城市 城里 乡下 乡村 郊区 山区 家里 家中 国外 海外 养老院 医院 附近 这里 那里 当地 本地 市区
    城镇 一起 省 家 里 中
    施設 実家 田舎 都会 近所 老人ホーム 病院 一人 家族 都市 地方 自宅 アパート マンション
    시골 도시 요양원 병원 근처 외국 해외 혼자 가족 지방 아파트 집 정신과 중환자실 병동 과 응급실 본원
    家庭 全国 各地 世界 本院 我院 科 监护室 病房 病区 国家 地区 中国 美国 各国 医院 学校 单位 机构
    गाँव गांव शहर घर अस्पताल विदेश यहाँ वहाँ परिवार डर""".split()
)


# Arabic, Persian and Urdu, with no capital either (one word after the Arabic verb): "يعيش في إربد", "در خیابان
# ولیعصر، تهران زندگی می‌کند", "ساکن مشهد است", "لاہور میں رہتی ہیں".
_RESIDENCE_ARABIC_SCRIPT = re.compile(
    r"(?:يعيش|تعيش|يقيم|تقيم|يسكن|تسكن|أعيش|أسكن|نعيش)[ \t]+في[ \t]+"
    r"(?P<ar>[\u0621-\u064a]{2,15})"
    r"|(?<![\u0600-\u06ff])در[ \t]+"
    r"(?P<fa>[\u0600-\u06ff\u200c]{2,20}(?:(?:[ \t]*[،,][ \t]*|[ \t])[\u0600-\u06ff\u200c]{2,20}){0,3}?)"
    r"[ \t]+زندگی[ \t\u200c]*می[ \t\u200c]*(?:کند|کنند|کرد|کنم)"
    r"|(?<![\u0600-\u06ff])ساکن[ \t]+(?P<sakin>[\u0600-\u06ff\u200c]{2,20})"
    r"|(?<![\u0600-\u06ff])(?P<ur>[\u0600-\u06ff]{2,20})[ \t]+میں[ \t]+(?:رہتا|رہتی|رہتے)"
    # "من سكان طنطا" (of Tanta's residents), "المقيمة في …", Persian "بستری در رشت" (in hospital in Rasht)
    r"|(?<![\u0600-\u06ff])(?:من[ \t]+سكان|المقيمة[ \t]+في|المقيم[ \t]+في|مقيم[ \t]+في|مقيمة[ \t]+في)[ \t]+"
    r"(?P<ar2>[\u0621-\u064a]{2,15})"
    r"|(?<![\u0600-\u06ff])بستری[ \t]+(?:شده[ \t]+)?در[ \t]+(?P<fa2>[\u0600-\u06ff\u200c]{2,20})"
)
# Hebrew: "מתגוררת בחדרה", "גר בחיפה" (lives in), and the street with its number, "ברחוב הרצל 12".
_RESIDENCE_HEBREW = re.compile(
    r"(?<![\u05d0-\u05ea])(?:מתגורר|מתגוררת|גר|גרה|נולד|נולדה)[ \t]+ב-?"
    r"(?!רחוב)(?P<town>[\u05d0-\u05ea]{2,15})"
    r"|(?<![\u05d0-\u05ea])(?:ב?רחוב|ברח['׳]|רח['׳])[ \t]*"
    r"(?P<street>[\u05d0-\u05ea\"'׳״]{2,15}(?:[ \t]+[\u05d0-\u05ea\"'׳״]{2,15})?"
    r"[ \t]+\d{1,4})(?:,[ \t]*(?P<after>[\u05d0-\u05ea]{2,15}))?"
)
_KINDS_OF_PLACE_ARABIC_SCRIPT = frozenset(
    "المدينة الريف القرية البيت المنزل الخارج هنا هناك شهر روستا خانه گاؤں شہر گھر خوف رعب عزلة سلام فقر وحدة قلق"
    " دار سکوت ترس تنهایی آرامش ڈر تنہائی العالم المدن المناطق المستشفى الدول البلاد بیمارستان بخش"
    " شهرها کشور".split()
)


_KINDS_OF_PLACE_HEBREW = frozenset('שנת משפחה דיור קהילה בית דירה עיר כפר חו"ל מושב קיבוץ'.split())
_HEBREW_RESIDENT = re.compile(r"מתגורר|מתגוררת|גר |גרה |כתובת|מגורים")


def find_residences(text: str):
    """The town a verb of living puts one person in (held)."""
    for m in _RESIDENCE_ARABIC_SCRIPT.finditer(text) if not text.isascii() else ():
        group = next(g for g in ("ar", "fa", "sakin", "ur", "ar2", "fa2") if m.group(g))
        if m.group(group).split()[0] not in _KINDS_OF_PLACE_ARABIC_SCRIPT:
            yield "address", m.start(group), m.end(group), BORDERLINE, "town a person lives in"
    for m in _RESIDENCE_HEBREW.finditer(text) if not text.isascii() else ():
        if m.group("town") in _KINDS_OF_PLACE_HEBREW:
            continue
        if m.group("street") and not _HEBREW_RESIDENT.search(text, *_sentence_around(text, m.start())):
            continue  # "המרפאה נמצאת ברחוב …": a clinic's address, not where someone lives
        for group in ("town", "street", "after"):
            if m.group(group):
                yield "address", m.start(group), m.end(group), BORDERLINE, "street or town a person lives in"
    for m in _RESIDENCE_UNCASED.finditer(text) if not text.isascii() else ():
        group = next(g for g in ("zh", "zh_from", "zh_ward", "ja", "ko", "hi") if m.group(g))
        place = m.group(group)
        if place in country_names():
            continue
        if not any(place.endswith(kind) for kind in _KINDS_OF_PLACE):
            yield "address", m.start(group), m.end(group), BORDERLINE, "town a person lives in"
    for pattern in (_RESIDENCE_VERB_FIRST, _RESIDENCE_VERB_LAST):
        for m in pattern.finditer(text):
            place = m.group("place").rstrip(".")
            if not _place_ok(place, strict=True):
                continue
            if study_site(text, m.start("place"), m.start("place") + len(place)):
                continue
            start = m.start("place")
            yield "address", start, start + len(place), BORDERLINE, "town a person lives in"
