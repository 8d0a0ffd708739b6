"""Editors' tier rules: which sections they govern, what the page shows, and the seed's state against them."""

import io

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command

from articles.models import Article, TierRule
from articles.tier_rules import data_breaches, example_rules, tier_rule_save
from tests.factories import make_editor

CONTRAINDICATIONS = "Contraindications, Cautions & Cultural Humility"


@pytest.mark.parametrize(
    "rule, heading, applies",
    [
        ("Contraindications and Cautions", CONTRAINDICATIONS, True),
        ("Evidence Base", "Evidence Base", True),
        ("evidence base", "Evidence base & maturity", True),
        ("Evidence", "Evidence Base", True),
        ("Evidence Base", "Evidence", False),
        ("Evidence Base", "Populations & Indications", False),
        ("Contraindications and Cautions", "", False),
    ],
)
def test_a_rule_governs_sections_whose_heading_has_all_its_words(rule, heading, applies):
    assert TierRule(heading=rule).applies_to(heading) is applies


def test_a_rule_says_what_it_asks():
    assert (
        TierRule(heading="x", min_tier="T2", allow_llm=True).requirement == "cite a T1 or T2 source, or be LLM-tagged"
    )
    assert TierRule(heading="x", min_tier="T1", allow_llm=False).requirement == "cite a T1 source"
    assert TierRule(heading="x", min_tier="T3", allow_llm=False).requirement == "cite a T1, T2 or T3 source"


def test_the_seed_breaks_the_example_rules_in_five_sentences(seed_data):
    breaches = data_breaches(seed_data, example_rules())
    by_section = {}
    for breach in breaches:
        by_section.setdefault(breach.section, []).append(breach)
    assert {section: len(found) for section, found in by_section.items()} == {"Evidence Base": 3, CONTRAINDICATIONS: 2}
    assert all(b.reason == "cites only T3 sources" for b in breaches)
    assert [b.provenance for b in by_section[CONTRAINDICATIONS]] == ["6", "7"]


@pytest.mark.django_db
def test_check_tier_rules_reports_the_seed_against_the_example_rules(seed_article):
    out = io.StringIO()
    call_command("check_tier_rules", "--example", stdout=out)
    report = out.getvalue()
    assert "2 governed sections, 5 sentences breaking a rule, 6 LLM-tagged sentences passing" in report
    assert "“Evidence Base”: 3 of 9 sentences break it" in report
    assert f"“{CONTRAINDICATIONS}”: 2 of 7 sentences break it" in report
    assert "5 sentences in 1 of 1 article break the rules." in report
    assert not TierRule.objects.exists()  # the example was not stored


@pytest.mark.django_db
def test_check_tier_rules_without_rules_says_so(seed_article):
    out = io.StringIO()
    call_command("check_tier_rules", stdout=out)
    assert "No tier rules are set" in out.getvalue()


@pytest.fixture
def example_rules_stored(db):
    rules = example_rules()
    for rule in rules:
        tier_rule_save(rule=rule)
    return rules


@pytest.mark.django_db
def test_the_page_highlights_llm_sentences_in_governed_sections_in_every_mode(
    client, seed_article, example_rules_stored
):
    html = client.get(seed_article.get_absolute_url()).content.decode()
    assert html.count("unit--rule-highlight") == 6
    assert html.count('class="section-standard"') == 2
    evidence = html.split('id="evidence-base"', 1)[1].split("</section>", 1)[0]
    assert "each sentence here must cite a T1 or T2 source, or be LLM-tagged" in evidence
    assert "unit--rule-highlight" not in html.split('id="type-discipline"', 1)[1].split("</section>", 1)[0]


@pytest.mark.django_db
def test_adding_a_rule_in_the_editor_page_reaches_the_article_at_once(client, seed_article):
    client.force_login(make_editor())
    before = Article.objects.get(pk=seed_article.pk).content_revision
    response = client.post(
        "/editors/evidence/rules/",
        {"heading": "  Evidence   Base ", "min_tier": "T2", "allow_llm": "on", "enforced": "on"},
    )
    assert response.status_code == 302
    rule = TierRule.objects.get()
    assert (rule.heading, rule.min_tier, rule.allow_llm, rule.enforced) == ("Evidence Base", "T2", True, True)
    assert Article.objects.get(pk=seed_article.pk).content_revision > before
    assert client.get(seed_article.get_absolute_url()).content.decode().count("unit--rule-highlight") == 2
    listing = client.get("/editors/evidence/rules/").content.decode()
    assert "Self-Compassion</a> › Evidence Base" in listing
    assert "<td>3</td>" in listing  # sentences breaking it

    # Renaming the rule moves it: the old section is no longer governed.
    client.post(
        f"/editors/evidence/rules/{rule.pk}/",
        {"heading": "Contraindications and Cautions", "min_tier": "T2", "allow_llm": "on", "enforced": "on"},
    )
    html = client.get(seed_article.get_absolute_url()).content.decode()
    assert html.count("unit--rule-highlight") == 4
    assert "Evidence standard" not in html.split('id="evidence-base"', 1)[1].split("</section>", 1)[0]

    client.post(f"/editors/evidence/rules/{rule.pk}/delete/")
    assert not TierRule.objects.exists()
    assert "unit--rule-highlight" not in client.get(seed_article.get_absolute_url()).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "heading, message",
    [("EVIDENCE BASE", "A rule for this heading exists already"), ("& , &", "at least one word"), ("", "required")],
)
def test_a_bad_rule_is_refused_with_a_message(client, heading, message):
    TierRule.objects.create(heading="Evidence Base")
    client.force_login(make_editor())
    response = client.post("/editors/evidence/rules/", {"heading": heading, "min_tier": "T2"})
    assert response.status_code == 400 and message in response.content.decode()
    assert TierRule.objects.count() == 1


@pytest.mark.django_db
def test_a_refused_rename_names_the_rule_as_it_is_stored(client):
    TierRule.objects.create(heading="Evidence Base")
    cautions = TierRule.objects.create(heading="Cautions")
    client.force_login(make_editor())
    response = client.post(f"/editors/evidence/rules/{cautions.pk}/", {"heading": "evidence base", "min_tier": "T2"})
    html = response.content.decode()
    assert response.status_code == 400 and "Change the rule for “Cautions”" in html
    assert 'value="evidence base"' in html  # what the editor typed, back in its box


@pytest.mark.django_db
def test_only_editors_manage_rules(client):
    rule = TierRule.objects.create(heading="Evidence Base")
    response = client.get("/editors/evidence/rules/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    client.force_login(User.objects.create_user("outsider", password="not-a-real-password-1"))
    assert client.get("/editors/evidence/rules/").status_code == 403
    assert client.post("/editors/evidence/rules/", {"heading": "Key Terms", "min_tier": "T1"}).status_code == 403
    assert client.post(f"/editors/evidence/rules/{rule.pk}/delete/").status_code == 403
    assert list(TierRule.objects.values_list("heading", flat=True)) == ["Evidence Base"]


@pytest.mark.django_db
def test_importing_a_file_below_the_standard_warns_sentence_by_sentence(tmp_path, seed_article, example_rules_stored):
    from tests.conftest import SEED_FIXTURE

    err = io.StringIO()
    call_command("import_article", str(SEED_FIXTURE), stdout=io.StringIO(), stderr=err)
    warnings = [line for line in err.getvalue().splitlines() if "tier rule" in line]
    assert len(warnings) == 5
    assert all("cites only T3 sources" in w for w in warnings)


@pytest.mark.django_db
def test_a_rule_added_in_the_admin_reaches_the_article_too(admin_client, client, seed_article):
    response = admin_client.post(
        "/admin/articles/tierrule/add/",
        {"heading": "Evidence Base", "min_tier": "T2", "allow_llm": "on", "enforced": "on"},
    )
    assert response.status_code == 302
    assert client.get(seed_article.get_absolute_url()).content.decode().count("unit--rule-highlight") == 2
    rule = TierRule.objects.get()
    admin_client.post(f"/admin/articles/tierrule/{rule.pk}/delete/", {"post": "yes"})
    assert not TierRule.objects.exists()
    assert "unit--rule-highlight" not in client.get(seed_article.get_absolute_url()).content.decode()
