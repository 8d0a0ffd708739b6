"""Synthetic articles for tests. All clinical content here is invented and obviously so."""

import copy
import itertools

from django.contrib.auth.models import User

from articles.importing import article_import

_counter = itertools.count(1)


def make_article_data(*, n_sections=3, units_per_block=4, slug=None, status="published", **overrides):
    """Article data with every block kind, `n_sections` prose sections and a closing set of special blocks."""
    n = next(_counter)
    sources = [
        {
            "number": 1,
            "authors": "Example, A.",
            "year": 2020,
            "title": f"Synthetic trial {n}",
            "container": "Journal of Examples",
            "url": f"https://example.org/trial-{n}",
            "doi": "",
            "pmid": "",
            "isbn": "",
            "kind": "article",
            "tier": "T1",
        },
        {
            "number": 2,
            "authors": "",
            "year": None,
            "title": f"Practice guide {n}",
            "container": "Example Society",
            "url": f"https://example.org/guide-{n}",
            "doi": "",
            "pmid": "",
            "isbn": "",
            "kind": "website",
            "tier": "T2",
        },
        {
            "number": 3,
            "authors": "",
            "year": None,
            "title": f"Encyclopaedia entry {n}",
            "container": "Example Wiki",
            "url": f"https://example.org/wiki-{n}",
            "doi": "",
            "pmid": "",
            "isbn": "",
            "kind": "video",
            "tier": "T3",
        },
    ]

    def units(section, count):
        out = []
        for i in range(count):
            provenance = "llm" if i % 3 == 2 else ([1] if i % 3 == 0 else [2, 3])
            out.append(
                {
                    "text": f"Synthetic claim {i} of section {section} about a fictional practice",
                    "provenance": provenance,
                    "end": ".",
                }
            )
        return out

    sections = [
        {
            "heading": "",
            "blocks": [
                {
                    "kind": "figure",
                    "image": "articles/figures/self-compassion-wheel.svg",
                    "alt_text": "A synthetic diagram.",
                    "units": [{"text": "A synthetic caption.", "provenance": "llm", "end": ""}],
                }
            ],
        }
    ]
    for s in range(n_sections):
        sections.append(
            {
                "heading": f"Section {s}",
                "blocks": [
                    {"kind": "paragraph", "units": units(s, units_per_block)},
                    {
                        "kind": "example",
                        "units": [
                            {"text": "A fictional client practises a made-up exercise.", "provenance": "llm", "end": ""}
                        ],
                    },
                ],
            }
        )
    sections.append(
        {
            "heading": "Tools",
            "blocks": [
                {
                    "kind": "smart",
                    "units": [
                        {
                            "goal": "Invented goal",
                            "objective": "Over 2 weeks, do a fictional task",
                            "text": "Invented mechanism",
                            "provenance": [1],
                            "end": "",
                        }
                    ],
                },
                {"kind": "framing", "units": [{"text": "A fictional framing line.", "provenance": "llm", "end": ""}]},
                {
                    "kind": "key_terms",
                    "units": [
                        {"term": "Synthetic term", "text": "a word invented for tests", "provenance": [3], "end": "."}
                    ],
                },
                {"kind": "video", "video": 3, "units": []},
                {
                    "kind": "questions",
                    "units": [{"text": "What would a fictional clinician ask", "provenance": "llm", "end": "?"}],
                },
            ],
        }
    )
    data = {
        "slug": slug or f"synthetic-article-{n}",
        "title": f"Synthetic Article {n}",
        "lead": "A made-up construct used only in tests.",
        "type": "construct",
        "discipline": "Synthetic discipline",
        "family": "Synthetic family",
        "status": status,
        "version": "1.0",
        "generating_model": "test-model",
        "generated_on": "2026-01-02",
        "see_also": [],
        "sections": sections,
        "sources": sources,
    }
    data.update(overrides)
    return copy.deepcopy(data)


def make_article(**kwargs):
    article, _ = article_import(data=make_article_data(**kwargs))
    return article


def make_staff(username="editor-jo"):
    return User.objects.create_user(username=username, password="not-a-real-password-1", is_staff=True)


def make_editor(username="editor-sam"):
    """An editor: in the Editors group, not staff, so the admin stays closed to them."""
    from django.contrib.auth.models import Group, Permission

    # Transactional tests flush the group the migration made, so recreate it the same way.
    editors, created = Group.objects.get_or_create(name="Editors")
    if created:
        editors.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="revisions", codename__in=["moderate_suggestion", "view_suggestion"]
            )
        )
    user = User.objects.create_user(username=username, password="not-a-real-password-1")
    user.groups.add(editors)
    return user


def suggestion_post_data(**overrides):
    """A valid suggestion form submission with obviously synthetic content."""
    data = {
        "target": "",
        "category": "factual_error",
        "proposed_text": "The synthetic trial found a smaller effect than this sentence says.",
        "sources_text": "Example, A. (2020). Synthetic trial. Journal of Examples, 1(2), 3-4. https://doi.org/10.5555/example",
        "note": "",
        "name": "Alex Example",
        "email": "alex@example.org",
        "credit": "initials",
        "wants_approval": "on",
        "attested_no_phi": "on",
        "website": "",
    }
    data.update(overrides)
    return data


def make_suggestion(article, **overrides):
    from revisions.forms import SuggestionForm
    from revisions.services import suggestion_submit

    form = SuggestionForm(suggestion_post_data(**overrides))
    assert form.is_valid(), form.errors
    return suggestion_submit(
        article=article,
        fields=form.suggestion_fields(),
        phi_findings=form.phi_findings,
        build_url=lambda path: f"http://testserver{path}",
    )


RETRACTION_NOTICE = "https://example.org/retraction-notice-0001"


def source_admin_post(admin_client, source, **changes):
    """Submit the source's admin form as an admin would, with `changes` made."""
    fields = {
        name: getattr(source, name) or ""
        for name in ("title", "authors", "year", "container", "kind", "tier", "url", "doi", "pmid", "isbn", "status")
    }
    fields.update(superseded_by=source.superseded_by_id or "", retracted_on="", retraction_notice="")
    if source.retracted_on:
        fields.update(retracted_on=source.retracted_on.isoformat(), retraction_notice=source.retraction_notice)
    fields.update(changes)
    return admin_client.post(f"/admin/sources/source/{source.pk}/change/", fields)


def source_retract(admin_client, source, day="2026-01-05"):
    """Retract the source through its admin form, as an admin would."""
    return source_admin_post(
        admin_client, source, status="retracted", retracted_on=day, retraction_notice=RETRACTION_NOTICE
    )
