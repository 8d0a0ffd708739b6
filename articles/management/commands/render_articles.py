from django.core.management.base import BaseCommand

from articles.models import Article
from articles.rendering import article_renders


class Command(BaseCommand):
    help = "Re-render the stored page body and JSON of every article, e.g. after templates change on deploy."

    def handle(self, *args, **options):
        ids = Article.objects.values_list("pk", flat=True)
        rendered = sum(1 for _ in article_renders(article_ids=ids, index=True))
        self.stdout.write(f"Rendered {rendered} articles.")
