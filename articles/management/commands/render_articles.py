from django.core.management.base import BaseCommand

from articles.models import Article
from articles.rendering import article_render


class Command(BaseCommand):
    help = "Re-render the stored page body and JSON of every article, e.g. after templates change on deploy."

    def handle(self, *args, **options):
        renderings = article_render(article_ids=Article.objects.values_list("pk", flat=True), index=True)
        self.stdout.write(f"Rendered {len(renderings)} articles.")
