"""How to cite one version of an article: APA, Vancouver, BibTeX and RIS, each with the version's permalink.

Pure: no database, no request. Absolute addresses come from `settings.SITE_URL`, so the stored article page
reads the same for every reader whatever host they used.
"""

import re

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

SITE_NAME = "Therapy Aligned Clinical Wiki"

_BIBTEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


def absolute_url(path):
    """A path on the site as an absolute address at SITE_URL."""
    return f"{settings.SITE_URL}{path}"


def _one_line(text):
    return re.sub(r"\s+", " ", text or "").strip()


def _bibtex_escape(text):
    return "".join(_BIBTEX_SPECIAL.get(ch, ch) for ch in _one_line(text))


def version_permalink(slug, version):
    return absolute_url(reverse("articles:version", args=[slug, version]))


def article_citations(*, slug, title, version, published_on, generating_model=""):
    """The citations of version `version` ("1.1") of an article, published on the date `published_on`.

    Returns the permalink, the sentence permalink pattern and the four formats as plain text (templates
    escape them).
    """
    title = _one_line(title)
    permalink = version_permalink(slug, version)
    month = published_on.strftime("%B")
    apa = f"{SITE_NAME}. ({published_on.year}, {month} {published_on.day}). {title} (Version {version}). {permalink}"
    vancouver = (
        f"{SITE_NAME}. {title} [Internet]. Version {version}. {SITE_NAME}; "
        f"{published_on.year} {month[:3]} {published_on.day}. Available from: {permalink}"
    )
    note = f"Version {version}; AI-generated" + (f" (model: {_one_line(generating_model)})" if generating_model else "")
    key = re.sub(r"[^A-Za-z0-9]+", "-", f"{slug}-v{version}").strip("-")
    bibtex = "\n".join(
        [
            f"@misc{{{key},",
            f"  author       = {{{{{SITE_NAME}}}}},",
            f"  title        = {{{{{_bibtex_escape(title)}}}}},",
            f"  version      = {{{version}}},",
            f"  year         = {{{published_on.year}}},",
            f"  month        = {published_on.strftime('%b').lower()},",
            f"  date         = {{{published_on.isoformat()}}},",
            f"  howpublished = {{{SITE_NAME}}},",
            f"  url          = {{{permalink}}},",
            f"  note         = {{{_bibtex_escape(note)}}},",
            "}",
        ]
    )
    ris = "\n".join(
        [
            "TY  - ELEC",
            f"AU  - {SITE_NAME}",
            f"TI  - {title}",
            f"ET  - {version}",
            f"PY  - {published_on.year}",
            f"DA  - {published_on.strftime('%Y/%m/%d')}",
            f"PB  - {SITE_NAME}",
            f"UR  - {permalink}",
            f"N1  - {note}",
            "ER  - ",
        ]
    )
    return {
        "version": version,
        "published_on": published_on,
        "permalink": permalink,
        # Links on the page follow the path, so they stay on whichever host the page was read through.
        "path": reverse("articles:version", args=[slug, version]),
        "formats": [
            {"key": "apa", "label": "APA", "text": apa},
            {"key": "vancouver", "label": "Vancouver", "text": vancouver},
            {"key": "bibtex", "label": "BibTeX", "text": bibtex},
            {"key": "ris", "label": "RIS", "text": ris},
        ],
    }


def article_citation(article, *, example_key=""):
    """The citations of the version of `article` readers see now, or None for an unpublished article."""
    if not article.is_published or article.revised_at is None:
        return None
    citation = article_citations(
        slug=article.slug,
        title=article.title,
        version=article.version,
        published_on=timezone.localtime(article.revised_at).date(),
        generating_model=article.generating_model,
    )
    return {**citation, "example_key": example_key}


def version_citation(article, stored, *, example_key=""):
    """The citations of a stored ArticleVersion of `article`."""
    citation = article_citations(
        slug=article.slug,
        title=stored.data.get("title", article.title),
        version=stored.version,
        published_on=timezone.localtime(stored.published_at).date(),
        generating_model=stored.data.get("generating_model", ""),
    )
    return {**citation, "example_key": example_key}
