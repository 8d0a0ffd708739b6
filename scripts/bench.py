"""Serve the seed article every way it can be served, side by side in one run, and load each with wrk.

    .venv/bin/python scripts/bench.py [--slug self-compassion] [--seconds 10] [--rounds 3] [--workers 2]

Measures, each round in turn, and prints the median of the rounds:

- the wiki, its page cache off: the stored reader page, two queries per request;
- the wiki, its page cache on: one small query per request;
- the wiki behind the shipped deploy/nginx configuration and its shared cache (plain HTTP on loopback);
- a bare Django view returning the page's exact bytes (the ceiling for any Django view);
- nginx serving those bytes as a static file (the ceiling for the proxy).

Then publishes a change and times how long the proxy takes to show it. Runs on a throwaway database of
the configured kind (a SQLite file, or a PostgreSQL database beside DATABASE_URL's, dropped afterwards)
seeded from fixtures/, so it never touches real content; binds loopback ports only. Needs wrk (Debian
package wrk) and nginx (`make tools` unpacks Debian's under var/tools).
"""

import argparse
import contextlib
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wiki.settings")
NGINX_CANDIDATES = [ROOT / "var/tools/nginx/usr/sbin/nginx", Path("/usr/sbin/nginx")]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url, timeout=20):
    """The body at url, waiting for the server to come up."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return response.read()
        except OSError:
            if time.monotonic() > deadline:
                raise SystemExit(f"server at {url} did not come up")
            time.sleep(0.2)


def gunicorn(app, port, workers, env=None):
    return subprocess.Popen(
        [str(ROOT / ".venv/bin/gunicorn"), app, "--bind", f"127.0.0.1:{port}", "--workers", str(workers)]
        + ["--log-level", "warning"],
        cwd=ROOT,
        # Access lines at WARNING only, as a production log level would have it; JSON logging stays on.
        env={**os.environ, "LOG_LEVEL": "WARNING", **(env or {})},
        stderr=subprocess.DEVNULL,
    )


def nginx(config_dir, site):
    """nginx with `site` as its only server configuration, two worker processes, logs off."""
    binary = next((str(p) for p in NGINX_CANDIDATES if p.exists()), None)
    if binary is None:
        raise SystemExit("no nginx: run `make tools`")
    (config_dir / "cache").mkdir(parents=True, exist_ok=True)
    (config_dir / "site.conf").write_text(site)
    temp = " ".join(f"{k}_temp_path {config_dir}/{k};" for k in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    user = "user root;\n" if os.geteuid() == 0 else ""
    (config_dir / "nginx.conf").write_text(
        f"{user}worker_processes 2;\ndaemon off;\npid {config_dir}/nginx.pid;\nerror_log {config_dir}/error.log;\n"
        f"events {{ worker_connections 1024; }}\nhttp {{\n  access_log off;\n  {temp}\n"
        f"  include {config_dir}/site.conf;\n}}\n"
    )
    return subprocess.Popen([binary, "-p", str(config_dir), "-c", str(config_dir / "nginx.conf")])


def shipped_proxy_site(config_dir, port, upstream_port):
    """deploy/nginx/clinical-wiki.conf on plain HTTP (a static file is served on plain HTTP too): the
    TLS server becomes a loopback listener, the HTTP redirect goes, and the upstream is one instance."""
    site = (ROOT / "deploy/nginx/clinical-wiki.conf").read_text()
    site = re.sub(r"# Plain HTTP only redirects to HTTPS\.\nserver \{.*?\n\}\n", "", site, flags=re.S)
    site = re.sub(
        r"(upstream clinical_wiki \{\n)(?:.*\n)*?(    keepalive)",
        rf"\g<1>    server 127.0.0.1:{upstream_port};\n\2",
        site,
    )
    site = re.sub(r"\n\s*listen \[::\]:\d+[^;]*;", "", site)
    site = re.sub(r"\n\s*ssl_[a-z_]+ [^;]*;", "", site)
    site = site.replace("listen 443 ssl http2;", f"listen 127.0.0.1:{port};")
    site = site.replace("/var/log/nginx/", f"{config_dir}/").replace("/var/cache/nginx/", f"{config_dir}/cache/")
    return site


def static_site(port, folder):
    return f"server {{\n  listen 127.0.0.1:{port};\n  root {folder};\n  location / {{ default_type text/html; }}\n}}\n"


def wrk(url, seconds, connections):
    out = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p99 = re.search(r"99%\s+(\S+)", out.split("Latency Distribution", 1)[1]).group(1)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return rps, p99, int(non2xx.group(1)) if non2xx else 0


def count_queries(path, cached):
    """SQL queries for one request by a reader with nothing personal, after a first request."""
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


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--slug", default="self-compassion")
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--connections", type=int, default=16)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: apt-get install wrk")

    work = Path(tempfile.mkdtemp(prefix="wiki-bench-"))
    configured = os.environ.get("DATABASE_URL", "")
    with throwaway_database(configured, work) as database_url:
        os.environ["DATABASE_URL"] = database_url
        run(args, work, configured.split("@")[-1] if configured else "SQLite (default)")
    shutil.rmtree(work, ignore_errors=True)


@contextlib.contextmanager
def throwaway_database(configured, work):
    """A database URL of the configured kind that nothing else uses, removed afterwards."""
    if not configured.startswith("postgres"):
        yield f"sqlite:///{work}/bench.sqlite3"
        return
    import psycopg

    base, _, name = configured.rpartition("/")
    bench_name = f"{name.split('?')[0]}_bench"
    with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{bench_name}"')
        admin.execute(f'CREATE DATABASE "{bench_name}"')
    try:
        yield f"{base}/{bench_name}"
    finally:
        with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{bench_name}" WITH (FORCE)')


def run(args, work, database):
    manage = [str(ROOT / ".venv/bin/python"), str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "--noinput", "-v0"], check=True, cwd=ROOT)
    subprocess.run([*manage, "collectstatic", "--noinput", "-v0"], check=True, cwd=ROOT)
    fixtures = sorted(map(str, (ROOT / "fixtures/articles").glob("*.md")))
    subprocess.run(
        [*manage, "import_article", "--if-absent", *fixtures], check=True, cwd=ROOT, stdout=subprocess.DEVNULL
    )

    path = f"/articles/{args.slug}/"
    for cached in (False, True):
        status, queries = count_queries(path, cached)
        print(f"{path} page cache {'on' if cached else 'off'}: HTTP {status}, {queries} SQL queries per request")
    print(
        f"gunicorn {args.workers} workers; wrk 2 threads x {args.connections} connections, {args.seconds} s; "
        f"median of {args.rounds} rounds; {os.cpu_count()} cores; database {database}\n"
    )

    uncached_port, cached_port, bare_port, proxy_port, static_port = (free_port() for _ in range(5))
    servers = {}
    try:
        servers["uncached"] = gunicorn("wiki.wsgi", uncached_port, args.workers, {"ARTICLE_PAGE_CACHE_SECONDS": "0"})
        servers["cached"] = gunicorn("wiki.wsgi", cached_port, args.workers, {"ARTICLE_PAGE_CACHE_SECONDS": "60"})
        body = fetch(f"http://127.0.0.1:{uncached_port}{path}")
        fetch(f"http://127.0.0.1:{cached_port}{path}")
        (work / "static").mkdir()
        (work / "static/page.html").write_bytes(body)
        (work / "body.html").write_bytes(body)
        servers["bare"] = gunicorn(
            "scripts.bare_wsgi:application", bare_port, args.workers, {"BARE_BODY_FILE": str(work / "body.html")}
        )
        servers["proxy"] = nginx(work / "proxy", shipped_proxy_site(work / "proxy", proxy_port, cached_port))
        servers["static"] = nginx(work / "nginx-static", static_site(static_port, work / "static"))
        targets = [
            ("wiki, page cache off", f"http://127.0.0.1:{uncached_port}{path}"),
            ("wiki, page cache on", f"http://127.0.0.1:{cached_port}{path}"),
            ("wiki behind deploy/nginx cache", f"http://127.0.0.1:{proxy_port}{path}"),
            ("bare Django, same bytes", f"http://127.0.0.1:{bare_port}/"),
            ("nginx static file, same bytes", f"http://127.0.0.1:{static_port}/page.html"),
        ]
        for _, url in targets:
            fetch(url)
            wrk(url, 2, args.connections)  # warm-up: connections, template caches
        results = {label: [] for label, _ in targets}
        for _ in range(args.rounds):
            for label, url in targets:
                results[label].append(wrk(url, args.seconds, args.connections))
        medians = {label: statistics.median(r[0] for r in runs) for label, runs in results.items()}
        bare, static = medians["bare Django, same bytes"], medians["nginx static file, same bytes"]
        print(f"{'':<32} {'req/s':>10} {'× bare':>8} {'× static':>9}   p99 (last round)   errors")
        for label, runs in results.items():
            rps = medians[label]
            print(
                f"{label:<32} {rps:>10,.0f} {rps / bare:>8.2f} {rps / static:>9.3f}   {runs[-1][1]:>16}   "
                f"{sum(r[2] for r in runs)}"
            )
        print(f"\nA publish shows through the proxy after {publish_delay(args.slug, proxy_port, path):.2f} s")
    finally:
        for server in servers.values():
            server.terminate()
            server.wait()


def publish_delay(slug, proxy_port, path):
    """Seconds from a publish (a new minor version of the article) until a reader through the proxy sees it."""
    import django

    django.setup()
    from articles.exporting import article_export_data
    from articles.importing import article_import
    from articles.models import Article

    data = article_export_data(Article.objects.for_detail_page().get(slug=slug))
    marker = f"Timed publication {time.time():.0f}"
    data["generating_model"] = marker[:100]
    url = f"http://127.0.0.1:{proxy_port}{path}"
    fetch(url)
    article_import(data=data, revision={"summary": "Benchmark: timing a publish through the proxy."})
    published = time.monotonic()
    while marker.encode() not in fetch(url):
        if time.monotonic() - published > 30:
            raise SystemExit("the proxy never showed the publish")
        time.sleep(0.02)
    return time.monotonic() - published


if __name__ == "__main__":
    main()
