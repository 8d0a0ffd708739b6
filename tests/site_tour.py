"""Every kind of page the site serves, with the data each needs, for the standards, header and
fail-soft tests. All content is synthetic."""

from dataclasses import dataclass, field

from articles.importing import article_import
from revisions import services
from revisions.tokens import approval_token, status_token
from tests.factories import make_article_data, make_editor, make_suggestion


def _url(path):
    return f"http://testserver{path}"


@dataclass
class Tour:
    """Paths by page kind: `public` for anyone, `editor` for a signed-in editor."""

    public: dict = field(default_factory=dict)
    editor: dict = field(default_factory=dict)
    article: object = None
    editor_user: object = None


def build_tour():
    data = make_article_data(slug="toured-practice", n_sections=2)
    article_import(data=data)
    data["sections"][1]["blocks"][0]["units"][2]["provenance"] = [1]  # an LLM sentence becomes cited
    article, _ = article_import(data=data, revision={"summary": "Cited a claim."})
    editor = make_editor()

    asked = make_suggestion(article)
    services.suggestion_assign(suggestion=asked, editor=editor)
    services.suggestion_ask(suggestion=asked, editor=editor, question="Which synthetic trial?", build_url=_url)

    accepted = make_suggestion(article, proposed_text="Reword the first synthetic claim.")
    services.suggestion_assign(suggestion=accepted, editor=editor)
    services.suggestion_accept(suggestion=accepted, editor=editor)
    draft = services.draft_start(editor=editor, article=article, suggestion=accepted)
    draft = services.draft_save(
        draft=draft,
        editor=editor,
        text=draft.text.replace("Synthetic claim 0 of section 0", "Synthetic claim zero of section 0"),
        summary="Reworded the first claim.",
    )
    draft = services.draft_send_for_approval(draft=draft, editor=editor, build_url=_url)

    unit = article.sections.get(heading="Section 0").blocks.first().units.first()
    section = article.sections.get(heading="Section 1")
    slug = article.slug
    tour = Tour(article=article, editor_user=editor)
    tour.public = {
        "home": "/",
        "browse type": article.article_type.get_absolute_url(),
        "browse discipline": article.discipline.get_absolute_url(),
        "browse family": article.family.get_absolute_url(),
        "home, sorted by sourced share": "/?sort=sourced",
        "A–Z": "/a-z/",
        "A–Z, sorted by last revised": "/a-z/?sort=revised",
        "types": "/types/",
        "disciplines": "/disciplines/",
        "families": "/families/",
        "article": f"/articles/{slug}/",
        "article, LLM highlighted": f"/articles/{slug}/?llm=highlight",
        "article, LLM hidden": f"/articles/{slug}/?llm=hide",
        "article, suggesting a sentence": f"/articles/{slug}/?suggest=u-{unit.pk}",
        "article, suggesting a section": f"/articles/{slug}/?suggest=s-{section.pk}",
        "history": f"/articles/{slug}/history/",
        "past version": f"/articles/{slug}/versions/1.0/",
        "compare": f"/articles/{slug}/compare/?from=1.0&to=1.1",
        "suggestion status": f"/suggestions/{status_token(asked)}/",
        "draft review": f"/drafts/review/{approval_token(draft)}/",
        "invalid link": "/suggestions/not-a-token/",
        "search": "/search/?q=synthetic+claim",
        "search, misspelt with filters": "/search/?q=synthetc&type=construct&sourced=50",
        "search, too long": "/search/?q=" + "x" * 300,
        "sign-in": "/accounts/login/",
        "not found": "/no-such-page/",
    }
    tour.editor = {
        "queue": "/editors/queue/",
        "queue detail": accepted.get_absolute_url(),
        "queue detail, question asked": asked.get_absolute_url(),
        "draft": draft.get_absolute_url(),
        "history, with revert links": f"/articles/{slug}/history/",
        "revert confirmation": f"/articles/{slug}/revert/?version=1.0",
    }
    return tour
