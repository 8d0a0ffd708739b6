from django.core.management.base import BaseCommand
from django.db import transaction

from articles import rendering
from articles.models import Article


class Command(BaseCommand):
    help = (
        "Re-render the stored page body and JSON of every article, e.g. after templates change on deploy. "
        "With --stale, only articles whose stored page or search entry is older than their content: run it "
        "from cron, for changes that reached more articles than their request had time to render."
    )

    def add_arguments(self, parser):
        parser.add_argument("--stale", action="store_true", help="render only articles whose page is out of date")

    def handle(self, *args, stale=False, **options):
        ids = (
            rendering.stale_article_ids(unindexed=True) if stale else list(Article.objects.values_list("pk", flat=True))
        )
        rendered = 0
        for start in range(0, len(ids), rendering.RENDER_CHUNK):
            chunk = ids[start : start + rendering.RENDER_CHUNK]
            with transaction.atomic():
                # A publish of one of them waits meanwhile, so its newer text is never indexed over with the
                # text read here; and two runs take turns rather than indexing the same sentences twice.
                list(Article.objects.select_for_update().filter(pk__in=chunk).values_list("pk", flat=True))
                rendered += len(rendering.article_render(article_ids=chunk, index=True))
        self.stdout.write(
            f"Rendered {rendered} {'out-of-date ' if stale else ''}article{'s' if rendered != 1 else ''}."
        )
