from django.core.management.base import BaseCommand, CommandError

from articles.exporting import article_export_data
from articles.models import Article, TierRule
from articles.tier_rules import data_breaches, example_rules
from articles.validation import SLUG


class Command(BaseCommand):
    help = (
        "Report each article's sentences that break the editors' tier rules, or with --example the example "
        "standard (sentences under “Contraindications and Cautions” and “Evidence Base” cite a T1 or T2 source, "
        "or are LLM-tagged) without storing it. Exits with status 0 either way: this reports, it does not fix."
    )

    def add_arguments(self, parser):
        parser.add_argument("slugs", nargs="*", help="Only these articles (default: all).")
        parser.add_argument("--example", action="store_true", help="Use the example rules instead of the stored ones.")

    def handle(self, *args, slugs, example, **options):
        odd = [slug for slug in slugs if not SLUG.fullmatch(slug)]
        if odd:  # also an argument not in UTF-8, which no database query can carry
            raise CommandError(f"No article has the slug “{ascii(odd[0])[1:-1]}”.")
        rules = example_rules() if example else list(TierRule.objects.all())
        if not rules:
            self.stdout.write("No tier rules are set: add them at /editors/evidence/rules/, or use --example.")
            return
        for rule in rules:
            self.stdout.write(f"Rule “{rule.heading}”: each sentence must {rule.requirement}.")
        articles = Article.objects.for_detail_page().order_by("title")
        if slugs:
            articles = articles.filter(slug__in=slugs)
        total, breaking_articles, count = 0, 0, 0
        for article in articles:
            count += 1
            data = article_export_data(article)
            breaches = data_breaches(data, rules)
            governed = [s for s in data["sections"] if any(r.applies_to(s["heading"]) for r in rules)]
            passing_llm = sum(
                1
                for s in governed
                for b in s["blocks"]
                for u in b["units"]
                if u["provenance"] == "llm" and all(r.allow_llm for r in rules if r.applies_to(s["heading"]))
            )
            sentences = len({(b.section, b.key) for b in breaches})
            total += sentences
            breaking_articles += bool(sentences)
            self.stdout.write(
                f"\n{article.title} ({article.slug}, version {article.version}): {len(governed)} governed "
                f"section{'s' if len(governed) != 1 else ''}, {sentences} sentence{'s' if sentences != 1 else ''} "
                f"breaking a rule, {passing_llm} LLM-tagged sentence{'s' if passing_llm != 1 else ''} passing "
                "(highlighted on the page)"
            )
            for section in governed:
                in_section = [b for b in breaches if b.section == section["heading"]]
                units = sum(len(b["units"]) for b in section["blocks"])
                self.stdout.write(f"  “{section['heading']}”: {len(in_section)} of {units} sentences break it")
                for breach in in_section:
                    text = breach.text if len(breach.text) <= 90 else breach.text[:89] + "…"
                    self.stdout.write(f"    {breach.key} [{breach.provenance}] {breach.reason}: {text}")
        self.stdout.write(
            f"\n{total} sentence{'s' if total != 1 else ''} in {breaking_articles} of {count} "
            f"article{'s' if count != 1 else ''} break the rules."
        )
