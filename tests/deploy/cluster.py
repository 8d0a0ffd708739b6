"""Real gunicorn instances of the wiki for black-box tests: started as deploy/ documents, spoken to over
HTTP only, sharing PostgreSQL and Redis."""

import contextlib
import http.cookies
import os
import re
import secrets
import socket
import ssl
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Servers these tests start listen only on this loopback port range.
PORT_RANGE = range(8014, 8020)


def take_port(taken):
    """A free port from PORT_RANGE, not one already in `taken` (which it joins)."""
    for port in PORT_RANGE:
        if port in taken:
            continue
        with socket.socket() as s:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the servers bind: TIME_WAIT is no obstacle
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
        taken.add(port)
        return port
    raise RuntimeError(f"no free port in {PORT_RANGE.start}-{PORT_RANGE.stop - 1} for the instances")


@contextlib.contextmanager
def own_database(settings_dict):
    """A fresh PostgreSQL database beside the configured one, dropped afterwards; yields its URL."""
    import psycopg
    from psycopg import sql

    name = f"test_{settings_dict['NAME']}_cluster"
    host, port, user = settings_dict["HOST"] or "127.0.0.1", settings_dict["PORT"] or 5432, settings_dict["USER"]
    with psycopg.connect(host=host, port=port, user=user, dbname="postgres", autocommit=True) as admin:
        admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        try:
            yield f"postgres://{user}@{host}:{port}/{name}"
        finally:
            admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def manage(env, *args):
    """Run a management command as an operator would, against the instances' database and cache."""
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )


@dataclass
class Instance:
    port: int
    process: subprocess.Popen
    log_path: Path
    access_log_path: Path

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def logs(self):
        return self.log_path.read_text(errors="replace")

    def access_log(self):
        return self.access_log_path.read_text(errors="replace") if self.access_log_path.exists() else ""

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def start_instance(env, port, workdir, workers=2):
    log_path = workdir / f"instance-{port}.log"
    access_log_path = workdir / f"instance-{port}.access.log"
    env = {**env, "ACCESS_LOG": str(access_log_path)}
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "-c",
            "deploy/gunicorn.conf.py",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,  # the console mail backend prints there; logs go to stderr
        stderr=log_path.open("w"),
    )
    instance = Instance(port, process, log_path, access_log_path)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn on {port} exited:\n{instance.logs()}")
        try:
            if Browser().get(instance, "/healthz/").status == 200:
                return instance
        except OSError:
            time.sleep(0.2)
    instance.stop()
    raise RuntimeError(f"gunicorn on {port} did not answer:\n{instance.logs()}")


def base_env(database_url, redis_url, workdir):
    """The environment both instances share, as deploy/env.example has it for one machine over HTTP."""
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    env.update(
        {
            "DEBUG": "False",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "DATABASE_URL": database_url,
            "REDIS_URL": redis_url,
            "CACHE_KEY_PREFIX": f"cluster-test-{secrets.token_hex(6)}",
            "STATIC_ROOT": str(workdir / "static"),
            "LOG_LEVEL": "INFO",
            "CONN_MAX_AGE": "60",
            "DATABASE_CONNECT_TIMEOUT": "2",
            # As behind deploy/nginx, which sets X-Real-IP: each test client below names its own address.
            "CLIENT_ADDRESS_HEADER": "HTTP_X_REAL_IP",
        }
    )
    return env


@dataclass
class Site:
    """Any base URL a Browser can talk to, such as the proxy in front of the instances."""

    url: str


@dataclass
class Response:
    status: int
    headers: dict
    body: str


@dataclass
class Browser:
    """A minimal HTTP client with its own cookies; follows no redirect, so each answer can be checked.

    `address` is the client address the proxy would pass on (X-Real-IP); a documentation address
    (192.0.2.0/24), only ever a header value.
    """

    cookies: dict = field(default_factory=dict)
    address: str = "192.0.2.1"

    def request(self, instance, path, data=None, headers=None):
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        headers = {"X-Real-IP": self.address, **(headers or {})}
        request = urllib.request.Request(instance.url + path, data=body, headers=headers)
        if self.cookies:
            request.add_header("Cookie", "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        unverified = ssl.create_default_context()
        unverified.check_hostname, unverified.verify_mode = False, ssl.CERT_NONE  # the test's self-signed certificate
        opener = urllib.request.build_opener(_NoRedirect, urllib.request.HTTPSHandler(context=unverified))
        try:
            with opener.open(request, timeout=30) as answer:
                status, raw_headers, content = answer.status, answer.headers, answer.read()
        except urllib.error.HTTPError as error:
            status, raw_headers, content = error.code, error.headers, error.read()
        for value in raw_headers.get_all("Set-Cookie") or []:
            cookie = http.cookies.SimpleCookie(value)
            for name, morsel in cookie.items():
                self.cookies[name] = morsel.value
        return Response(status, {k.lower(): v for k, v in raw_headers.items()}, content.decode(errors="replace"))

    def get(self, instance, path, **kwargs):
        return self.request(instance, path, **kwargs)

    def post(self, instance, path, data, **kwargs):
        """POST a form with this browser's CSRF token, as the page's form would."""
        token = self.cookies.get("csrftoken")
        if token is None:
            self.get(instance, "/accounts/login/")
            token = self.cookies["csrftoken"]
        headers = {"Referer": instance.url + "/", **kwargs.pop("headers", {})}
        return self.request(instance, path, data={"csrfmiddlewaretoken": token, **data}, headers=headers, **kwargs)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def text_of(html):
    """The visible text of a page, tags removed and spaces collapsed: for checking what a reader sees."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


# nginx for the proxy test: the machine's, or Debian's package unpacked by `make tools` (never started as
# a service).
NGINX_CANDIDATES = [ROOT / "var" / "tools" / "nginx" / "usr" / "sbin" / "nginx", Path("/usr/sbin/nginx")]


def nginx_binary():
    return next((path for path in NGINX_CANDIDATES if path.exists()), None)


@dataclass
class Proxy:
    process: subprocess.Popen
    http_port: int
    https_port: int
    access_log_path: Path

    def access_log(self):
        return self.access_log_path.read_text(errors="replace") if self.access_log_path.exists() else ""

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=20)


def start_nginx(instances, workdir, http_port, https_port):
    """The shipped deploy/nginx configuration, changed only where a test must: loopback ports, a
    self-signed certificate, files under `workdir`, and the instances' ports in the upstream."""
    nginx = nginx_binary()
    prefix = workdir / "nginx"
    (prefix / "cache").mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1"]
        + ["-keyout", str(prefix / "key.pem"), "-out", str(prefix / "cert.pem")],
        check=True,
        capture_output=True,
    )
    site = (ROOT / "deploy" / "nginx" / "clinical-wiki.conf").read_text()
    upstream = "".join(f"    server 127.0.0.1:{i.port};\n" for i in instances)
    site = re.sub(r"(upstream clinical_wiki \{\n)(?:.*\n)*?(    keepalive)", lambda m: m[1] + upstream + m[2], site)
    for old, new in {
        "listen 80;": f"listen 127.0.0.1:{http_port};",
        "listen 443 ssl http2;": f"listen 127.0.0.1:{https_port} ssl http2;",
        "/etc/letsencrypt/live/wiki.example.org/fullchain.pem": str(prefix / "cert.pem"),
        "/etc/letsencrypt/live/wiki.example.org/privkey.pem": str(prefix / "key.pem"),
        "/var/log/nginx/": f"{prefix}/",
        "/var/cache/nginx/": f"{prefix}/cache/",
    }.items():
        assert old in site, old
        site = site.replace(old, new)
    site = re.sub(r"\n\s*listen \[::\]:\d+[^;]*;", "", site)
    (prefix / "site.conf").write_text(site)
    temp = " ".join(
        f"{kind}_temp_path {prefix}/{kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    (prefix / "nginx.conf").write_text(
        # Run as root (as tests on this machine do), nginx's workers would be "nobody" and could not write
        # the cache under the test's folder.
        ("user root;\n" if os.geteuid() == 0 else "")
        + f"daemon off;\npid {prefix}/nginx.pid;\nerror_log {prefix}/error.log;\nevents {{}}\n"
        f"http {{\n  access_log off;\n  {temp}\n  include {prefix}/site.conf;\n}}\n"
    )
    process = subprocess.Popen(
        [str(nginx), "-p", str(prefix), "-c", str(prefix / "nginx.conf")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    proxy = Proxy(process, http_port, https_port, prefix / "clinical-wiki.access.log")
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"nginx exited: {(prefix / 'error.log').read_text(errors='replace')}")
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", https_port)) == 0:
                return proxy
        time.sleep(0.1)
    proxy.stop()
    raise RuntimeError("nginx did not start")
