"""Time the evidence features and count their SQL queries at two corpus sizes.

    .venv/bin/python scripts/bench_evidence.py [--corpus 1,50] [--repeat 5]

For each corpus (the seed article plus synthetic articles that all cite one shared source): the article page
read, the editors' dashboard, adding a tier rule (which re-renders every article it governs), and retracting
the shared source (a library-correction version of every citing article, then the queue items).

Runs in a throwaway test database (SQLite, or DATABASE_URL's server), so it never touches real content.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wiki.settings")


def timed(fn, repeat):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    times, queries = [], 0
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            fn()
            times.append(time.perf_counter() - start)
        queries = len(captured)
    return statistics.median(times), queries


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", default="1,50", help="comma-separated article counts")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.db import connection

    # Pages name their static files without a collectstatic run first.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    from django.test.utils import setup_test_environment

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        print(f"database {connection.vendor}; median of {args.repeat} runs")
        print(f"{'':<44} {'time':>9}   {'queries':>7}")
        for size in [int(n) for n in args.corpus.split(",")]:
            _bench_corpus(size, args.repeat)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def _bench_corpus(size, repeat):
    from django.contrib.auth.models import User
    from django.test import Client

    from articles.importing import article_import
    from articles.models import Article, TierRule
    from articles.publishing import article_record_library_correction
    from articles.text_format import parse_article
    from articles.tier_rules import tier_rule_delete, tier_rule_save
    from revisions.models import SourceAlert
    from revisions.services import source_alerts_sync
    from scripts.bench_import import synthetic_article
    from sources.models import Source

    Article.objects.all().delete()
    TierRule.objects.all().delete()
    SourceAlert.objects.all().delete()
    seed = ROOT / "fixtures" / "articles" / "self-compassion.md"
    article_import(data=parse_article(seed.read_text(encoding="utf-8"))[0])
    # Every synthetic article lists the same eight library sources; source 3 (T1) is the shared one.
    shared_url = "https://example.org/3"
    for n in range(size - 1):
        article_import(data=synthetic_article(100, slug=f"bench-evidence-{n}"))
    editor = User.objects.filter(username="bench-editor").first() or User.objects.create_superuser(
        "bench-editor", "bench@example.org", "not-a-real-password-1"
    )
    reader, desk = Client(), Client()
    desk.force_login(editor)
    print(f"\n{size} article{'s' if size != 1 else ''}")

    reader.get("/articles/self-compassion/")
    rows = [
        ("article page (seed, rendered)", lambda: reader.get("/articles/self-compassion/?llm=show&x=1")),
        ("editors' dashboard", lambda: desk.get("/editors/evidence/?sort=t3")),
    ]

    def add_and_remove_rule():
        rule = TierRule(heading="Section")  # governs every synthetic section
        tier_rule_save(rule=rule)
        tier_rule_delete(rule=rule)

    def retract_and_restore():
        source = Source.objects.get(url=shared_url) if size > 1 else Source.objects.get(title="Self-compassion")
        retracted = {"status": "retracted", "retracted_on": "2026-01-05", "retraction_notice": "https://example.org/n"}
        for fields in (retracted, {"status": "current", "retracted_on": None, "retraction_notice": ""}):
            Source.objects.filter(pk=source.pk).update(**fields)
            article_record_library_correction(
                article_ids=Article.objects.filter(numbered_sources__source=source).values_list("pk", flat=True),
                summary="Benchmark correction",
            )
            source_alerts_sync(source=Source.objects.get(pk=source.pk))

    rows += [
        ("tier rule added and removed (re-renders)", add_and_remove_rule),
        ("shared source retracted and restored", retract_and_restore),
    ]
    for label, fn in rows:
        seconds, queries = timed(fn, repeat)
        print(f"{label:<44} {seconds * 1000:7.1f} ms   {queries:>7}")


if __name__ == "__main__":
    main()
