"""Time importing and exporting an article of 1,000 units, and count the SQL queries each takes.

    .venv/bin/python scripts/bench_import.py [--units 1000] [--repeat 3]

Runs against a throwaway SQLite database (or DATABASE_URL's database, in a test database Django
creates and drops), so it never touches real content.
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
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--units", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext, setup_test_environment

    from articles.exporting import article_export_data
    from articles.importing import article_import
    from articles.models import Article, Unit
    from articles.text_format import dump_article, parse_article

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        data = synthetic_article(args.units)
        text = dump_article(data)
        units = sum(len(b["units"]) for s in data["sections"] for b in s["blocks"])
        print(
            f"Article: {units} units in {len(data['sections'])} sections, {len(text):,} bytes of text; "
            f"database {connection.vendor}"
        )

        def fresh_import():
            Article.objects.filter(slug=data["slug"]).delete()
            with CaptureQueriesContext(connection) as queries:
                article_import(data=parse_article(text)[0])
            return len(queries)

        def unchanged_import():
            with CaptureQueriesContext(connection) as queries:
                article_import(data=parse_article(text)[0])
            return len(queries)

        changed = text.replace("Synthetic sentence 0 ", "Synthetic sentence zero ", 1)

        def updating_import():
            with CaptureQueriesContext(connection) as queries:
                article_import(data=parse_article(changed if updating_import.flip else text)[0])
            updating_import.flip = not updating_import.flip
            return len(queries)

        updating_import.flip = True

        def export():
            with CaptureQueriesContext(connection) as queries:
                article = Article.objects.for_detail_page().get(slug=data["slug"])
                out = dump_article(article_export_data(article))
            assert out == text or out == changed.replace("version: 1.0", "version: 1.1") or out
            return len(queries)

        for label, fn in [
            ("parse only", lambda: parse_article(text) and 0),
            ("import, new", fresh_import),
            ("import, unchanged", unchanged_import),
            ("import, one sentence changed", updating_import),
            ("export", export),
        ]:
            seconds, queries = timed(fn, args.repeat)
            print(f"{label:<30} {seconds * 1000:8.1f} ms   {queries or 0:>4} queries")
        assert Unit.objects.filter(block__section__article__slug=data["slug"]).count() == units
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
