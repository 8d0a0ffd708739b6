"""Measure how fast gunicorn serves an article page, and how many SQL queries the page costs.

    .venv/bin/python scripts/bench.py [--slug self-compassion] [--seconds 10] [--workers 4] [--connections 16]

Uses the configured database (DATABASE_URL, else SQLite), imports the seed article if it is missing,
starts gunicorn on a free loopback port, warms it up, runs `wrk` against the page, and prints requests
per second with latency. `--baseline` also serves the same bytes from a bare Django view for comparison.
Needs `wrk` (Debian package wrk). Loopback only; the run stops by itself.
"""

import argparse
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wiki.settings")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(url, timeout=20):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return response.read()
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"server at {url} did not come up")


def serve(app, port, workers, env=None):
    return subprocess.Popen(
        [
            str(ROOT / ".venv/bin/gunicorn"),
            app,
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env={**os.environ, **(env or {})},
    )


def run_wrk(url, seconds, connections):
    out = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    distribution = out.split("Latency Distribution", 1)[1]
    p50 = re.search(r"50%\s+(\S+)", distribution).group(1)
    p99 = re.search(r"99%\s+(\S+)", distribution).group(1)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return rps, p50, p99, int(non2xx.group(1)) if non2xx else 0


def count_queries(path, cached):
    """SQL queries for one request, after a first request has warmed any cache."""
    import django
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    django.setup()
    settings.ARTICLE_PAGE_CACHE_SECONDS = 60 if cached else 0
    client = Client(HTTP_HOST="localhost")
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        status = client.get(path).status_code
    return status, len(queries)


def measure(label, url, args):
    wait_until_up(url)
    run_wrk(url, 2, args.connections)  # warm-up: connections, template caches
    rps, p50, p99, errors = run_wrk(url, args.seconds, args.connections)
    print(f"{label:<28} {rps:>9.1f} req/s   p50 {p50:>8}   p99 {p99:>8}   errors {errors}")
    return rps


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--slug", default="self-compassion")
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--baseline", action="store_true", help="also measure a bare Django view with the same bytes")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: apt-get install wrk")

    manage = [str(ROOT / ".venv/bin/python"), str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "--noinput", "-v0"], check=True, cwd=ROOT)
    subprocess.run(
        [*manage, "import_article", *map(str, sorted((ROOT / "fixtures/articles").glob("*.md")))],
        check=True,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
    )
    subprocess.run([*manage, "collectstatic", "--noinput", "-v0"], check=True, cwd=ROOT)

    path = f"/articles/{args.slug}/"
    for cached in (False, True):
        status, queries = count_queries(path, cached)
        print(f"{path} {'cached' if cached else 'uncached'}: HTTP {status}, {queries} SQL queries per request")
    print(
        f"gunicorn, {args.workers} workers, wrk 2 threads x {args.connections} connections, {args.seconds}s; "
        f"{os.cpu_count()} cores; database {os.environ.get('DATABASE_URL', 'SQLite (default)').split('@')[-1]}"
    )

    body = None
    for label, cache_seconds in (("article page, uncached", "0"), ("article page, cached", "60")):
        port = free_port()
        server = serve("wiki.wsgi", port, args.workers, {"ARTICLE_PAGE_CACHE_SECONDS": cache_seconds})
        try:
            url = f"http://127.0.0.1:{port}{path}"
            body = wait_until_up(url)
            measure(label, url, args)
            if cache_seconds == "0":
                measure("article JSON", f"http://127.0.0.1:{port}/articles/{args.slug}.json", args)
        finally:
            server.terminate()
            server.wait()

    if args.baseline:
        with tempfile.NamedTemporaryFile(suffix=".html", delete=False) as f:
            f.write(body)
        port = free_port()
        server = serve("scripts.bare_wsgi:application", port, args.workers, {"BARE_BODY_FILE": f.name})
        try:
            measure("bare Django, same bytes", f"http://127.0.0.1:{port}/", args)
        finally:
            server.terminate()
            server.wait()
            os.unlink(f.name)


if __name__ == "__main__":
    main()
