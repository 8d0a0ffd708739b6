"""A draft that breaks an enforced tier rule cannot be published; its page lists each offending sentence."""

import pytest

from articles.models import Article, TierRule
from articles.tier_rules import example_rules, tier_rule_save
from revisions import services
from revisions.models import Draft
from tests.factories import make_article, make_article_data, make_editor

pytestmark = pytest.mark.django_db

CONTRAINDICATIONS_T3 = (
    "Clinicians should also correct the worry that self-compassion breeds passivity or self-indulgence, since "
    "research links it to greater motivation and prosocial behavior, not less [6]."
)


def _url(path):
    return f"http://testserver{path}"


@pytest.fixture
def editor():
    return make_editor()


@pytest.fixture
def rules(db):
    stored = example_rules()
    for rule in stored:
        tier_rule_save(rule=rule)
    return stored


def _seed_draft(editor, seed_article, text_change=None):
    draft = services.draft_start(editor=editor, article=seed_article)
    text = draft.text if text_change is None else text_change(draft.text)
    return services.draft_save(draft=draft, editor=editor, text=text, summary="A synthetic edit.")


def test_publishing_a_draft_below_the_standard_is_refused_and_nothing_changes(client, editor, seed_article, rules):
    draft = _seed_draft(
        editor, seed_article, lambda t: t.replace("as a standalone modality [7]", "as a standalone modality [2]")
    )
    client.force_login(editor)
    response = client.post(f"/editors/drafts/{draft.pk}/publish/")
    assert response.status_code == 302 and response["Location"] == f"/editors/drafts/{draft.pk}/"
    page = client.get(response["Location"]).content.decode()
    assert "5 sentences in this draft break the editors&#x27; tier rules" in page
    assert "Publish as version" not in page
    seed_article.refresh_from_db()
    assert seed_article.version == "1.0"
    assert Draft.objects.get(pk=draft.pk).state == "editing"
    with pytest.raises(services.InvalidTransition) as error:
        services.draft_publish(draft=draft, editor=editor, build_url=_url)
    assert error.value.code == "tier_rules"


def test_the_draft_page_lists_each_offending_sentence_with_its_key_and_rule(client, editor, seed_article, rules):
    draft = _seed_draft(editor, seed_article)
    client.force_login(editor)
    page = client.get(f"/editors/drafts/{draft.pk}/").content.decode()
    listing = page.split('class="draft__breaches"', 1)[1].split("</section>", 1)[0]
    assert "5 sentences below the standard" in listing
    items = listing.split("<li")[1:]
    assert len(items) == 5
    key = seed_article.units.get(text=CONTRAINDICATIONS_T3[: -len(" [6].")]).key_label
    item = next(i for i in items if f'data-breach-key="{key}"' in i)
    assert f'href="/articles/self-compassion/#{key}"' in item
    assert "cites only T3 sources" in item and "rule “Contraindications and Cautions”" in item
    assert "must cite a T1 or T2 source, or be LLM-tagged" in item


def test_once_every_sentence_meets_the_standard_the_draft_publishes(editor, seed_article, rules):
    def fix(text):
        """Tag each T3-only sentence of the governed sections [LLM], which the rules accept."""
        out, governed = [], False
        for line in text.split("\n"):
            if line.startswith("## "):
                governed = line[3:] in ("Evidence Base", "Contraindications, Cautions & Cultural Humility")
            if governed and (line.endswith("[7].") or line.endswith("[6].")):
                line = line[: -len("[7].")] + "[LLM]."
            out.append(line)
        return "\n".join(out)

    draft = _seed_draft(editor, seed_article, fix)
    assert services.publication_blocker(draft) == ("", "An editor's own change; no submitter to ask.")
    services.draft_publish(draft=draft, editor=editor, build_url=_url)
    assert Article.objects.get(pk=seed_article.pk).version == "1.1"


def test_a_new_sentence_below_the_standard_is_named_as_new(client, editor):
    data = make_article_data()
    data["sections"][1]["heading"] = "Evidence Base"
    article = make_article(**{k: v for k, v in data.items() if k != "slug"}, slug=data["slug"])
    tier_rule_save(rule=TierRule(heading="Evidence Base", min_tier="T2", allow_llm=True))
    draft = services.draft_start(editor=editor, article=article)
    # Section 0 of the factory cites [1] (T1), [2,3] (T2 and T3) and LLM: it meets the rule until a T3-only line.
    text = draft.text.replace(
        "## Evidence Base\n\n", "## Evidence Base\n\nA synthetic claim resting on a wiki entry [3].\n"
    )
    draft = services.draft_save(draft=draft, editor=editor, text=text, summary="Adds a weak claim.")
    client.force_login(editor)
    page = client.get(f"/editors/drafts/{draft.pk}/").content.decode()
    listing = page.split('class="draft__breaches"', 1)[1].split("</section>", 1)[0]
    assert (
        listing.count("<li") == 1
        and "New sentence" in listing
        and "A synthetic claim resting on a wiki entry" in listing
    )
    with pytest.raises(services.InvalidTransition):
        services.draft_publish(draft=draft, editor=editor, build_url=_url)


def test_a_rule_not_enforced_is_reported_without_blocking(client, editor, seed_article):
    tier_rule_save(rule=TierRule(heading="Evidence Base", min_tier="T2", enforced=False))
    draft = _seed_draft(
        editor, seed_article, lambda t: t.replace("as a standalone modality [7]", "as a standalone modality [2]")
    )
    client.force_login(editor)
    page = client.get(f"/editors/drafts/{draft.pk}/").content.decode()
    assert "3 sentences below the standard" in page and "reported only, not enforced" in page
    services.draft_publish(draft=draft, editor=editor, build_url=_url)
    assert Article.objects.get(pk=seed_article.pk).version == "1.1"


def test_a_rule_refusing_llm_tags_counts_them_as_breaches(editor, seed_article):
    tier_rule_save(rule=TierRule(heading="Evidence Base", min_tier="T1", allow_llm=False))
    draft = _seed_draft(editor, seed_article)
    breaches = services.draft_tier_breaches(draft)
    assert sorted(b.provenance for b in breaches) == ["7", "7", "7", "LLM", "LLM"]
    assert breaches[0].rule.requirement == "cite a T1 source"
