"""Time importing, publishing, diffing and exporting articles of 100 and 1,000 units, and count their SQL queries.

    .venv/bin/python scripts/bench_import.py [--sizes 100,1000] [--repeat 3]

"One sentence changed" is the publishing path every change takes (a draft, an import, a revert): it
writes only the change. Its time is split into the write itself and re-rendering the stored page, which
reads and renders the whole article; "rows written" counts the INSERT, UPDATE and DELETE statements.

Runs against a throwaway SQLite database (or DATABASE_URL's database, in a test database Django
creates and drops), so it never touches real content.
"""

import argparse
import gc
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wiki.settings")


def synthetic_article(n_units, slug="benchmark-article"):
    """An obviously synthetic article with every block kind and about n_units units."""
    sources = [
        {
            "number": n,
            "authors": "Example, A.",
            "year": 2020,
            "title": f"Synthetic source {n}",
            "container": "Journal of Examples",
            "url": f"https://example.org/{n}",
            "doi": "",
            "pmid": "",
            "kind": "article",
            "tier": f"T{1 + n % 3}",
        }
        for n in range(1, 9)
    ]
    sections, count, s = [], 0, 0
    while count < n_units:
        units = [
            {
                "text": f"Synthetic sentence {count + i} describing a fictional technique in plain words",
                "provenance": "llm" if i % 4 == 3 else [1 + i % 8, 1 + (i + 3) % 8],
                "end": ".",
            }
            for i in range(8)
        ]
        blocks = [{"kind": "paragraph", "units": units}]
        if s % 5 == 0:
            blocks.append(
                {
                    "kind": "smart",
                    "units": [
                        {
                            "goal": "Invented goal",
                            "objective": "Over 4 weeks, do a fictional task",
                            "text": "Invented mechanism",
                            "provenance": [2],
                            "end": "",
                        }
                    ],
                }
            )
            blocks.append(
                {
                    "kind": "key_terms",
                    "units": [
                        {"term": f"Term {s}", "text": "a word made up for the benchmark", "provenance": [3], "end": "."}
                    ],
                }
            )
        sections.append({"heading": f"Section {s}", "blocks": blocks})
        count += sum(len(b["units"]) for b in blocks)
        s += 1
    return {
        "slug": slug,
        "title": "Benchmark Article",
        "lead": "A synthetic article for timing imports.",
        "type": "construct",
        "discipline": "Synthetic discipline",
        "family": "Synthetic family",
        "status": "published",
        "version": "1.0",
        "generating_model": "benchmark",
        "generated_on": "2026-01-01",
        "see_also": [],
        "sections": sections,
        "sources": sources,
    }


def timed(fn, repeat):
    """(median, fastest) seconds and the last result: on a shared machine the fastest run is the steadiest
    figure to compare two builds by, the median the one to expect."""
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), min(times), result


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="100,1000", help="comma-separated unit counts")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection
    from django.test.utils import setup_test_environment

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    gc.freeze()  # as wiki/wsgi.py does in each server process once the application is loaded
    try:
        for size in [int(n) for n in args.sizes.split(",")]:
            _bench_size(size, args.repeat)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def _writes(queries):
    return sum(1 for q in queries if q["sql"].split(None, 1)[0].upper() in ("INSERT", "UPDATE", "DELETE"))


def _bench_size(size, repeat):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from articles.diff import diff_articles
    from articles.exporting import article_export_data
    from articles.importing import article_import
    from articles.models import Article, Unit
    from articles.rendering import article_render
    from articles.text_format import dump_article, parse_article

    data = synthetic_article(size, slug=f"benchmark-article-{size}")
    text = dump_article(data)
    units = sum(len(b["units"]) for s in data["sections"] for b in s["blocks"])
    print(
        f"\nArticle: {units} units in {len(data['sections'])} sections, {len(text):,} bytes of text; "
        f"database {connection.vendor}"
    )

    def fresh_import():
        Article.objects.filter(slug=data["slug"]).delete()
        with CaptureQueriesContext(connection) as queries:
            article_import(data=parse_article(text)[0])
        return len(queries), _writes(queries)

    def unchanged_import():
        with CaptureQueriesContext(connection) as queries:
            article_import(data=parse_article(text)[0])
        return len(queries), _writes(queries)

    flip = {"changed": True}

    def updating_import():
        # Alternates one sentence between two wordings, so every run publishes a real one-sentence change.
        wording = "Synthetic sentence zero " if flip["changed"] else "Synthetic sentence 0 "
        flip["changed"] = not flip["changed"]
        changed = text.replace("Synthetic sentence 0 ", wording, 1)
        with CaptureQueriesContext(connection) as queries:
            article_import(data=parse_article(changed)[0])
        return len(queries), _writes(queries)

    def render_only():
        article = Article.objects.get(slug=data["slug"])
        with CaptureQueriesContext(connection) as queries:
            article_render(article_ids=[article.pk])
        return len(queries), _writes(queries)

    changed_data = parse_article(text.replace("Synthetic sentence 0 ", "Synthetic sentence zero ", 1))[0]

    def diff_one_change():
        diff_articles(data, changed_data)
        return 0, 0

    def export():
        with CaptureQueriesContext(connection) as queries:
            article = Article.objects.for_detail_page().get(slug=data["slug"])
            dump_article(article_export_data(article))
        return len(queries), _writes(queries)

    print(f"{'':<34} {'median':>9}   {'fastest':>9}   {'queries':>7}   {'rows written':>12}")
    for label, fn in [
        ("parse only", lambda: (parse_article(text) and 0, 0)),
        ("import, new", fresh_import),
        ("import, unchanged", unchanged_import),
        ("publish, one sentence changed", updating_import),
        ("  of which re-rendering the page", render_only),
        ("diff, one sentence changed", diff_one_change),
        ("export", export),
    ]:
        median, fastest, (queries, writes) = timed(fn, repeat)
        print(f"{label:<34} {median * 1000:7.1f} ms   {fastest * 1000:7.1f} ms   {queries or 0:>7}   {writes:>12}")
    assert Unit.objects.filter(article__slug=data["slug"]).count() == units


if __name__ == "__main__":
    main()
