from django.core.management.base import BaseCommand, CommandError

from articles.exporting import article_export_data
from articles.models import Article
from articles.text_format import dump_article
from articles.validation import SLUG


class Command(BaseCommand):
    help = "Write an article in the article format (docs/article-format.md) to standard output."

    def add_arguments(self, parser):
        parser.add_argument("slug")

    def handle(self, *args, slug, **options):
        if not SLUG.fullmatch(slug):  # also an argument not in UTF-8, which no database query can carry
            raise CommandError(f"No article has the slug “{ascii(slug)[1:-1]}”.")
        try:
            article = Article.objects.for_detail_page().get(slug=slug)
        except Article.DoesNotExist as error:
            raise CommandError(f"No article has the slug “{slug}”.") from error
        self.stdout.write(dump_article(article_export_data(article)), ending="")
