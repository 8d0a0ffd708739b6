"""What a browser would make of a served page: parsed by an HTML5 parser, every element that could run script,
load from elsewhere or navigate to a script URL is listed, so a test can say a payload stayed text.

The parser is html5lib (the copy bleach ships), which builds the tree a browser builds, attribute values
already unescaped; so an entity-encoded scheme or an attribute broken out of its quotes is seen as it would act.
"""

import re
from collections import Counter
from pathlib import Path

from bleach._vendor import html5lib

CORPUS = Path(__file__).resolve().parent / "corpus"

# Attributes a browser reads as an address to load or navigate to.
URL_ATTRIBUTES = frozenset(
    {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "cite", "srcset"}
    | {"lowsrc", "dynsrc", "codebase", "longdesc", "ping", "manifest", "icon", "profile", "usemap"}
)
SCRIPT_SCHEMES = frozenset({"javascript", "vbscript", "data", "livescript", "mocha"})
# Elements that run script, embed another document, or change how the page loads: none of them may come from text.
EXECUTABLE_TAGS = frozenset(
    {"script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "meta", "link", "style"}
    | {"svg", "math", "form", "input", "button", "select", "textarea", "keygen", "video", "audio", "source"}
    | {"img", "image", "marquee", "bgsound", "layer", "ilayer", "xml", "template", "portal", "details"}
)
# Attributes that only label or describe an element: a form refused for another reason marks its fields with
# them, so the page without payloads need not have them on the same element.
_PRESENTATIONAL = re.compile(r"aria-[a-z]+$|class$|id$|role$")
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.\-]*):")
_IGNORED_IN_URL = re.compile(r"[\t\n\r]")
_C0_AND_SPACE = "".join(map(chr, range(0x21)))


def corpus(name):
    """A vendored corpus file's vectors: one a line; lines starting with '#' say where the file came from."""
    lines = (CORPUS / name).read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


def browser_scheme(url):
    """The scheme a browser reads from an attribute's (already unescaped) value, lower-cased, or ""."""
    url = _IGNORED_IN_URL.sub("", url).strip(_C0_AND_SPACE)
    match = _SCHEME.match(url)
    return match.group(1).lower() if match else ""


def _local(name):
    return name.split("}", 1)[-1] if isinstance(name, str) else ""


def parse(markup):
    """The document a browser builds from `markup`, as (tag, {attribute: value}) for every element."""
    tree = html5lib.parse(markup, treebuilder="etree", namespaceHTMLElements=False)
    elements = []
    for element in tree.iter():
        tag = _local(element.tag)
        if not tag:  # comments and the like
            continue
        attrs = {}
        for name, value in element.attrib.items():
            name = _local(name) if not name.startswith("{http://www.w3.org/1999/xlink}") else "xlink:href"
            attrs[name.lower()] = value
        elements.append((tag.lower(), attrs, element))
    return elements


def _own_script(attrs):
    """The site's own script files, and the admin's translations of its own scripts' words."""
    return attrs.get("src", "").startswith("/static/") or attrs.get("src") == "/admin/jsi18n/"


def profile(markup, *, own_script=_own_script):
    """What in a page could execute, load or navigate, to compare a page holding payloads with the same page
    holding plain text: executable elements by attribute names, event handlers, script URLs."""
    risky = Counter()
    problems = []
    shape = set()
    for tag, attrs, element in parse(markup):
        shape.update((tag, name) for name in attrs if not _PRESENTATIONAL.match(name))
        if tag in EXECUTABLE_TAGS:
            risky[tag] += 1
        if tag == "script" and not own_script(attrs) and attrs.get("type") != "application/json":
            problems.append(f"a <script> that is not the site's own: {attrs} {element.text!r}")
        for name, value in attrs.items():
            if name.startswith("on"):
                problems.append(f"<{tag}> carries the event handler {name}={value!r}")
            if name in URL_ATTRIBUTES and browser_scheme(value) in SCRIPT_SCHEMES:
                problems.append(f"<{tag} {name}={value!r}> is a script or data URL")
            if name == "style" and re.search(r"expression|javascript:|url\(", value, re.I):
                problems.append(f"<{tag}> carries script-capable style {value!r}")
            if name == "srcdoc":
                problems.append(f"<{tag}> carries srcdoc")
    return {"risky": risky, "problems": problems, "shape": shape}


def problems_against(markup, clean_markup, *, extra_tags=frozenset(), counted=True):
    """Why `markup` (the page with payloads) is not as inert as `clean_markup` (the same page with plain text):
    script URLs or handlers anywhere, more of any executable element than the clean page has, and any attribute
    on an element that the clean page never puts on that element (an attribute broken out of its quotes).
    `extra_tags` are the tags the payloads' Markdown may rightly add (a, em, code…); `counted=False` compares
    pages of different lengths (a list of many rows against a list of one), where only new kinds count."""
    page, clean = profile(markup), profile(clean_markup)
    problems = list(page["problems"])
    for key, count in page["risky"].items():
        if count > clean["risky"].get(key, 0) and (counted or key not in clean["risky"]):
            problems.append(f"{count - clean['risky'].get(key, 0)} more {key} than the page without payloads")
    for tag, name in sorted(page["shape"] - clean["shape"]):
        if tag in extra_tags and name in ("href", "title", "rel"):
            continue  # what the sentence's Markdown may rightly add: emphasis, code, a link
        problems.append(f"<{tag} {name}> is not on the page without payloads")
    return problems
