import json
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from articles.services import article_import

MAX_BYTES = 5 * 1024 * 1024  # far above any real article; refuses runaway files before parsing them


class Command(BaseCommand):
    help = (
        "Create or update articles from JSON files in the shape /articles/<slug>.json serves. "
        "An unchanged file changes nothing; a changed published article gets a new version."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", type=Path)

    def handle(self, *args, files, **options):
        failed = 0
        for path in files:
            try:
                data = self._read(path)
                article, outcome = article_import(data=data)
            except (CommandError, ValidationError) as error:
                failed += 1
                messages = error.messages if isinstance(error, ValidationError) else [str(error)]
                self.stderr.write(f"{path}: not imported")
                for message in messages:
                    self.stderr.write(f"  {path}: {message}")
                continue
            self.stdout.write(f"{path}: {outcome} {article.slug} (version {article.version})")
        if failed:
            raise CommandError(f"{failed} of {len(files)} files failed; nothing was written for them.")

    def _read(self, path):
        try:
            raw = path.read_bytes()
        except OSError as error:
            raise CommandError(f"cannot read the file: {error.strerror}") from error
        if not raw.strip():
            raise CommandError("the file is empty")
        if len(raw) > MAX_BYTES:
            raise CommandError(f"the file is {len(raw):,} bytes; the limit is {MAX_BYTES:,}")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            raise CommandError(f"not UTF-8 text (byte {error.start} is invalid); save it as UTF-8") from error
        try:
            return json.loads(text)
        except json.JSONDecodeError as error:
            raise CommandError(f"line {error.lineno}, column {error.colno}: invalid JSON: {error.msg}") from error
