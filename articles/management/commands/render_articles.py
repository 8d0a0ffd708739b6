from django.core.management.base import BaseCommand

from articles.models import Article
from articles.rendering import article_renders, stale_article_ids


class Command(BaseCommand):
    help = (
        "Re-render the stored page body and JSON of every article, e.g. after templates change on deploy. "
        "With --stale, only articles whose stored page or search entry is older than their content: run it "
        "from cron, for changes that reached more articles than their request had time to render."
    )

    def add_arguments(self, parser):
        parser.add_argument("--stale", action="store_true", help="render only articles whose page is out of date")

    def handle(self, *args, stale=False, **options):
        ids = stale_article_ids(unindexed=True) if stale else Article.objects.values_list("pk", flat=True)
        rendered = sum(1 for _ in article_renders(article_ids=ids, index=True))
        self.stdout.write(
            f"Rendered {rendered} {'out-of-date ' if stale else ''}article{'s' if rendered != 1 else ''}."
        )
