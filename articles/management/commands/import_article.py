import json
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from articles.importing import article_import
from articles.models import Article, ArticleVersion
from articles.publishing import version_tuple
from articles.text_format import FormatErrors, parse_article
from articles.validation import unwritable_text

SUMMARY_LIMIT = ArticleVersion._meta.get_field("summary").max_length
MAX_BYTES = 5 * 1024 * 1024  # far above any real article; refuses runaway files before parsing them


def _edited_from(data):
    """The version a file was exported from, as its `version` line says; None where it is not a version
    (validation then reports it)."""
    try:
        return version_tuple(data.get("version", "1.0"))
    except (AttributeError, ValueError):
        return None


class FileProblem(Exception):
    """A file that cannot be read as an article at all."""


class Command(BaseCommand):
    help = (
        "Create or update articles from files in the article format (.md, see docs/article-format.md) or "
        "in the JSON that /articles/<slug>.json serves (.json). An unchanged file changes nothing; a changed "
        "published article gets a new version. A file with any error writes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", type=Path)
        parser.add_argument(
            "--if-absent",
            action="store_true",
            help="Import only files whose article does not exist yet; leave existing articles as they are (seeding).",
        )
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Write a file even if the article was published since the version the file names, taking back "
            "what changed since then (without it such a file is refused).",
        )
        parser.add_argument(
            "--summary", default="", help="What changed, for the public history (default: “From the file FILE”)."
        )
        parser.add_argument(
            "--by", metavar="USERNAME", default="", help="The user the public history names as publishing it."
        )

    def handle(self, *args, files, if_absent=False, replace=False, summary="", by="", **options):
        for name, value in (("--by", by), ("--summary", summary)):
            # The history shows them: one line of text the database and the Atom feeds can carry.
            problem = unwritable_text(value) if value else ""
            if problem:
                raise CommandError(f"{name}: {problem} Nothing was imported.")
        if len(summary) > SUMMARY_LIMIT:
            raise CommandError(
                f"--summary is {len(summary)} characters; the history has room for {SUMMARY_LIMIT}. "
                "Nothing was imported."
            )
        publisher = None
        if by:
            publisher = get_user_model().objects.filter(username=by).first()
            if publisher is None:
                raise CommandError(f"No user is called “{by}”; nothing was imported.")
        failed = 0
        imported_from = {}  # slug -> file, to catch two files of one batch claiming the same article
        for path in files:
            try:
                data, warnings = self._read(path)
                self._check_slug_ownership(path, data, imported_from)
                revision = {
                    "summary": summary or f"From the file {path.name}",
                    "kind": ArticleVersion.Kind.IMPORT,
                    "published_by": publisher,
                }
                article, outcome = article_import(
                    data=data,
                    warnings=warnings,
                    if_absent=if_absent,
                    revision=revision,
                    based_on=None if replace else _edited_from(data),
                )
                imported_from[article.slug] = path
            except FileProblem as problem:
                failed += 1
                self.stderr.write(f"{path}: not imported: {problem}")
                continue
            except (FormatErrors, ValidationError) as error:
                failed += 1
                if getattr(error, "code", None) == "stale":
                    self.stderr.write(f"{path}: not imported: {' '.join(error.messages)}")
                    self.stderr.write(
                        f"  Export the article again (export_article {data['slug']}) and make the edit there, "
                        "or pass --replace to write this file over the later version."
                    )
                    continue
                # Format errors carry "FILE:LINE:COLUMN:" already; whole-article checks name only the file.
                located = isinstance(error, FormatErrors)
                self.stderr.write(f"{path}: not imported, {len(error.messages)} error(s):")
                for message in error.messages:
                    self.stderr.write(f"  {message}" if located else f"  {path}: {message}")
                continue
            for warning in warnings:
                self.stderr.write(f"  warning: {warning}")
            if outcome == "exists":
                self.stdout.write(f"{path}: left as it is: {article.slug} exists (version {article.version})")
                continue
            self.stdout.write(f"{path}: {outcome} {article.slug} (version {article.version})")
        if failed:
            raise CommandError(f"{failed} of {len(files)} files failed; nothing was written for them.")

    def _check_slug_ownership(self, path, data, imported_from):
        """Refuse a file that would overwrite an article it is evidently not about.

        A file updates the article whose slug it declares. A file named after another slug that declares
        an existing article's slug is most likely a copy-and-paste slip, so it is refused, as is a second
        file in one batch claiming the same slug.
        """
        slug = data.get("slug") if isinstance(data, dict) else None
        if not isinstance(slug, str):
            return
        if slug in imported_from:
            raise FileProblem(f"slug “{slug}” was already imported from {imported_from[slug]} in this batch")
        owner = Article.objects.filter(slug=slug).only("title").first()
        if owner is not None and path.stem not in (slug, f"{slug}.md") and path.suffix == ".md":
            raise FileProblem(
                f"slug “{slug}” is the existing article “{owner.title}”, and a file that updates it must be named "
                f"{slug}.md (this one is {path.name}); if this file is a new article, give it a slug of its own"
            )

    def _read(self, path):
        try:
            raw = path.read_bytes()
        except OSError as error:
            raise FileProblem(f"cannot read the file: {error.strerror}") from error
        if len(raw) > MAX_BYTES:
            raise FileProblem(f"the file is {len(raw):,} bytes; the limit is {MAX_BYTES:,}")
        if not raw.strip():
            raise FileProblem("the file is empty")
        if b"\x00" in raw:
            raise FileProblem("this is a binary file, not article text")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            raise FileProblem(f"not UTF-8 text (byte {error.start} is invalid); save it as UTF-8") from error
        if text.startswith("\ufeff"):
            text = text[1:]
        if path.suffix == ".json":
            try:
                return json.loads(text), []
            except json.JSONDecodeError as error:
                raise FileProblem(f"line {error.lineno}, column {error.colno}: invalid JSON: {error.msg}") from error
            except RecursionError as error:
                raise FileProblem("the JSON nests too deeply to be an article") from error
            except ValueError as error:  # Python's limit on the digits of a number
                raise FileProblem("invalid JSON: a number in it is thousands of digits long") from error
        return parse_article(text, str(path))
