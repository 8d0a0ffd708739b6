"""Time search over a generated corpus, count each page's SQL queries, and score the held-apart questions.

    DATABASE_URL=sqlite:///var/bench/corpus-1000.sqlite3 .venv/bin/python scripts/bench_search.py --articles 1000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/wiki_bench .venv/bin/python scripts/bench_search.py --articles 1000

Works on the database DATABASE_URL names, which should be one kept for benchmarks: it is migrated, and filled
with `manage.py generate_corpus N` when it holds fewer than N articles (several minutes for 1,000). Then, in
process through Django's test client: search latency (median and 95th percentile) over the fixed list of 50
queries below, each run --repeat times after one warm-up; the home page, a type's index page and the A–Z; the SQL
queries of each page; any 5xx among those queries and a list of hostile ones; and top-three accuracy on the
held-apart questions (scripts/search_questions_holdout.py).
"""

import argparse
import os
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wiki.settings")

# The fixed benchmark list: titles, terms, questions, misspellings, phrases, words found nowhere. Ranking may
# be tuned on these; never on the held-apart questions.
QUERIES = [
    "self-compassion",
    "self-criticism",
    "caregiver burnout",
    "depression",
    "panic attacks",
    "exposure therapy for obsessive-compulsive disorder",
    "insomnia older adults",
    "sleep restriction",
    "behavioural activation depression",
    "trauma flashbacks veterans",
    "how do I treat social anxiety in university students",
    "what helps chronic pain catastrophising",
    "binge eating adolescents",
    "mindfulness",
    "dialectical behaviour therapy self-harm",
    "motivational interviewing alcohol",
    "refugees post-traumatic stress",
    "hoarding disorder",
    "perfectionism procrastination",
    "grief",
    "contingency management opioid",
    "family-based treatment anorexia",
    "parent-child interaction therapy children anger",
    "schema therapy borderline personality disorder",
    "cognitive defusion",
    "worry postponement",
    "imagery rescripting",
    "suicidal ideation safety planning",
    "hallucinations early psychosis",
    "gambling chasing losses",
    "ADHD inattention",
    "tic disorders premonitory urges",
    "body dysmorphic mirror checking",
    "burnout healthcare workers",
    "loneliness older adults",
    "compasion",
    "mindfulnes based",
    "depresion teenagers",
    '"common humanity"',
    '"habit reversal" -children',
    "Kristin Neff",
    "Self-Compassion Scale",
    "supervision questions",
    "cultural humility",
    "SMART objectives",
    "randomised trials meta-analysis",
    "interpersonal psychotherapy role transitions",
    "eye movement desensitisation",
    "xylophone quantum",
    "zzzz",
]

HOSTILE = [
    '"',
    "' OR 1=1; --",
    "<script>alert(1)</script>",
    "self AND OR NOT NEAR(",
    "a & b | !c <-> d:*",
    "((((",
    "\x00",
    "-",
    "x" * 10_000,
]


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def timed_get(client, path, params=None):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        start = time.perf_counter()
        response = client.get(path, params or {})
        elapsed = time.perf_counter() - start
    return response, elapsed * 1000, len(captured)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=1000, help="corpus size to benchmark at")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs of each query")
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    # The test client's host; no test environment, whose template instrumentation would slow every page.
    settings.ALLOWED_HOSTS = ["testserver", *settings.ALLOWED_HOSTS]
    call_command("migrate", verbosity=0)
    from articles.models import Article, ArticleType
    from scripts.search_questions_holdout import HOLDOUT

    if Article.objects.count() < args.articles:
        call_command("generate_corpus", args.articles)
    articles = Article.objects.count()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # planner statistics as autovacuum (or SQLite's optimize) would keep them
    client = Client()
    print(f"{connection.vendor}: {articles} articles; {len(QUERIES)} queries, {args.repeat} timed runs each")

    times, query_counts, errors = [], set(), []
    for q in QUERIES:
        client.get("/search/", {"q": q})  # warm-up
        for _ in range(args.repeat):
            response, ms, n = timed_get(client, "/search/", {"q": q})
            times.append(ms)
            query_counts.add(n)
            if response.status_code >= 500:
                errors.append(q)
    print(
        f"search: median {statistics.median(times):.1f} ms, p95 {percentile(times, 0.95):.1f} ms, "
        f"max {max(times):.1f} ms; SQL queries per search {min(query_counts)}–{max(query_counts)}"
    )
    for q in HOSTILE:
        response, _, _ = timed_get(client, "/search/", {"q": q})
        if response.status_code >= 500:
            errors.append(q[:40])
    print(f"5xx responses: {len(errors)} {errors if errors else ''}".rstrip())

    type_path = ArticleType.objects.order_by("name").first().get_absolute_url()
    pages = (("home page /", "/"), (f"type index {type_path}", type_path), ("A–Z /a-z/", "/a-z/"))
    for label, path in pages:
        client.get(path)
        runs = [timed_get(client, path) for _ in range(args.repeat)]
        ms = statistics.median(r[1] for r in runs)
        print(f"{label}: median {ms:.1f} ms, {runs[-1][2]} SQL queries, status {runs[-1][0].status_code}")

    hits, misses = 0, []
    for question, slug in HOLDOUT:
        body = client.get("/search/", {"q": question}).content.decode()
        top = re.findall(r'<h2 class="article-card__title"><a href="/articles/([^/]+)/">', body)[:3]
        if slug in top:
            hits += 1
        else:
            misses.append(question)
    print(f"held-apart questions: {hits} of {len(HOLDOUT)} with the right article in the top three")
    for question in misses:
        print(f"  missed: {question}")


if __name__ == "__main__":
    main()
