"""The article page every reader with nothing personal on it shares, served ahead of Django's middleware.

`SharedPageCache` wraps the WSGI application. For a GET of an article page by a reader with no session,
vote or message, it looks up the article's content revision and vote count (one small query, in plain
SQL), and serves the response Django last gave for that revision and count, headers and all, from the
cache; anything else, and any miss, goes to Django as usual, and a shareable answer (public, with the
expected ETag, setting no cookie) is kept for the next reader. Keys change with every publish and vote, so
nothing is ever invalidated and no worker serves an old page. While the database is unreachable, the
last answer kept for the page is served instead of an error.

Django's test client does not pass through WSGI, so tests of views see the pages without this layer; the
articles tests of this module call the WSGI application itself.
"""

import logging
import re
import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.core.handlers.wsgi import get_str_from_wsgi
from django.db import DatabaseError, close_old_connections, connection
from django.http.cookie import parse_cookie
from django.http.request import split_domain_port, validate_host
from django.utils import timezone
from django.utils.http import parse_etags

from ops.logging import request_id_var

from .rendering import latest_page_cache_key, page_cache_key, renderer_fingerprint

ARTICLE_PATH = re.compile(r"/articles/([a-z0-9]+(?:-[a-z0-9]+)*)/")
QUERY = re.compile(r"(?:llm=(show|highlight|hide))?")
REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{8,64}")
# Headers that belong to one response only.
OWN_HEADERS = {"date", "x-request-id", "x-accel-expires"}

access_logger = logging.getLogger("ops.access")


def shared_etag(revision, upvotes, llm_mode):
    """The validator of the shared page: it changes with every publish, vote and renderer change."""
    return f'"{revision}-{upvotes}-{renderer_fingerprint()}-{llm_mode}"'


def shared_cache_control():
    return f"public, max-age=0, s-maxage={settings.ARTICLE_SHARED_CACHE_SECONDS}"


def proxy_expiry_headers():
    """For nginx: keep the page until the end of the second s-maxage ends in, given as a moment.

    nginx counts a copy's life in whole seconds from the whole second it was stored, so `s-maxage=1` alone
    can keep a page up to two seconds after a publish; an absolute expiry (which nginx prefers and never
    passes on to readers) keeps it at most ARTICLE_SHARED_CACHE_SECONDS. Assumes the clocks agree (NTP).
    """
    seconds = settings.ARTICLE_SHARED_CACHE_SECONDS
    if seconds <= 0:
        return []
    return [("X-Accel-Expires", f"@{int(time.time()) + seconds - 1}")]


def revision_and_upvotes(slug):
    """(content revision, upvotes) of a published article whose stored page still reads true today, or None.
    Plain SQL: building the ORM query would cost more than running it."""
    from .models import Article, ArticleRendering

    # Django checks a kept connection with a round trip of its own before a request's first query, which
    # would double this path's database work. A dead connection fails this query instead, and the caller
    # tries again on a new one (`_revision_and_upvotes_reconnecting`).
    connection.health_check_done = True
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT a.content_revision, a.upvotes, r.reader_valid_until FROM {Article._meta.db_table} a "
            f"LEFT JOIN {ArticleRendering._meta.db_table} r ON r.article_id = a.id WHERE a.slug = %s AND a.status = %s",
            [slug, Article.Status.PUBLISHED],
        )
        row = cursor.fetchone()
    if row is None or _outdated(row[2]):
        return None  # Django renders it, or brings it up to date
    return row[:2]


def _revision_and_upvotes_reconnecting(slug):
    """`revision_and_upvotes`, tried once more on a new connection if the kept one fails: the lookup skips
    Django's health check, so a connection the server dropped (a restart, an idle timeout) fails here even
    while the database is up, and the reader would otherwise get the last kept page, perhaps an older one."""
    try:
        return revision_and_upvotes(slug)
    except DatabaseError:
        connection.close()
        return revision_and_upvotes(slug)


def _outdated(valid_until):
    return valid_until is not None and valid_until < timezone.localdate()


def shared_page_row(slug):
    """(content revision, upvotes, stored reader page or None) of a published article, or None: one query.

    The stored page is None when it was made for another revision or by other templates. A page past the
    day it reads true is brought up to date first (a write, once per article and occasion).
    """
    from .models import Article, ArticleRendering

    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT a.content_revision, a.upvotes, r.revision, r.renderer, r.reader_valid_until, r.reader_page "
            f"FROM {Article._meta.db_table} a LEFT JOIN {ArticleRendering._meta.db_table} r ON r.article_id = a.id "
            f"WHERE a.slug = %s AND a.status = %s",
            [slug, Article.Status.PUBLISHED],
        )
        row = cursor.fetchone()
    if row is None:
        return None
    revision, upvotes, rendered, renderer, valid_until, page = row
    if _outdated(valid_until):
        # A new year, or a review now overdue: a new content revision, so every cached copy is replaced too.
        from .publishing import article_refresh

        article_id = Article.objects.filter(slug=slug).values_list("pk", flat=True).get()
        article_refresh(article_ids=[article_id])
        revision, page = ArticleRendering.objects.values_list("revision", "reader_page").get(article_id=article_id)
        return revision, upvotes, bytes(page) or None
    current = rendered == revision and renderer == renderer_fingerprint() and page
    return revision, upvotes, bytes(page) if current else None  # bytes(), as drivers may give a memoryview


class SharedPageCache:
    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        route = self._shared_route(environ)
        if route is None:
            return self.application(environ, start_response)
        started = time.monotonic()
        slug, mode = route
        request_id = environ.get("HTTP_X_REQUEST_ID", "")
        request_id = request_id if REQUEST_ID.fullmatch(request_id) else uuid.uuid4().hex
        close_old_connections()
        try:
            found = _revision_and_upvotes_reconnecting(slug)
        except DatabaseError:
            entry = cache.get(latest_page_cache_key(slug, mode))
            if entry is None:
                return self.application(environ, start_response)  # its 503 page
            return self._respond(environ, start_response, entry, request_id, started)
        finally:
            close_old_connections()
        if found is None:
            return self.application(environ, start_response)
        etag = shared_etag(*found, mode)
        if etag in parse_etags(environ.get("HTTP_IF_NONE_MATCH", "")):
            headers = [("ETag", etag), ("Cache-Control", shared_cache_control()), ("Vary", "Cookie")]
            return self._respond(environ, start_response, ("304 Not Modified", headers, b""), request_id, started)
        key = page_cache_key(slug, *found, mode)
        entry = cache.get(key)
        if entry is not None:
            return self._respond(environ, start_response, entry, request_id, started)
        return self._pass_and_keep(environ, start_response, etag, {key, latest_page_cache_key(slug, mode)})

    def _shared_route(self, environ):
        """(slug, LLM mode) if this request may get the shared page; None otherwise."""
        if not settings.ARTICLE_PAGE_CACHE_SECONDS or environ.get("REQUEST_METHOD") != "GET":
            return None
        path = ARTICLE_PATH.fullmatch(environ.get("PATH_INFO", ""))
        query = QUERY.fullmatch(environ.get("QUERY_STRING", ""))
        if path is None or query is None or not _allowed_host(environ):
            return None  # Django answers: a host not served here gets its 400, as on every other page
        if environ.get("HTTP_COOKIE"):
            # Read as Django reads request.COOKIES: the standard library's parser gives up on a whole header
            # for one cookie it dislikes ("theme=dark mode"), which would hide the session beside it.
            cookies = parse_cookie(get_str_from_wsgi(environ, "HTTP_COOKIE", ""))
            if any(name in cookies for name in personal_cookies()):
                return None
        return path.group(1), query.group(1) or "show"

    def _pass_and_keep(self, environ, start_response, etag, keys):
        """Let Django answer, and keep its answer if every reader may share it."""
        answer = {}

        def capture(status, headers, exc_info=None):
            answer["status"], answer["headers"] = status, headers
            return start_response(status, headers, exc_info)

        body = b"".join(self.application(environ, capture))
        headers = {name.lower(): value for name, value in answer.get("headers", [])}
        if (
            answer.get("status", "").startswith("200")
            and headers.get("etag") == etag
            and "public" in headers.get("cache-control", "")
            and "set-cookie" not in headers
        ):
            kept = [(name, value) for name, value in answer["headers"] if name.lower() not in OWN_HEADERS]
            entry = (answer["status"], kept, body)
            cache.set_many({key: entry for key in keys}, settings.ARTICLE_PAGE_CACHE_SECONDS)
        return [body]

    def _respond(self, environ, start_response, entry, request_id, started):
        status, headers, body = entry
        start_response(status, [*headers, *proxy_expiry_headers(), ("X-Request-ID", request_id)])
        if access_logger.isEnabledFor(logging.INFO):
            token = request_id_var.set(request_id)
            duration_ms = round((time.monotonic() - started) * 1000, 1)
            code = int(status[:3])
            path = environ.get("PATH_INFO", "")
            fields = {"method": "GET", "path": path, "status": code, "duration_ms": duration_ms}
            access_logger.info("GET %s %s %sms", path, code, duration_ms, extra=fields)
            request_id_var.reset(token)
        return [body]


def _allowed_host(environ):
    """Whether Django would serve this request's host (HttpRequest.get_host's reading, without building one)."""
    if settings.USE_X_FORWARDED_HOST and "HTTP_X_FORWARDED_HOST" in environ:
        host = environ["HTTP_X_FORWARDED_HOST"]
    else:
        host = environ.get("HTTP_HOST") or f"{environ.get('SERVER_NAME', '')}:{environ.get('SERVER_PORT', '')}"
    allowed = settings.ALLOWED_HOSTS
    if settings.DEBUG and not allowed:
        allowed = [".localhost", "127.0.0.1", "[::1]"]
    domain, _ = split_domain_port(host)
    return bool(domain) and validate_host(domain, allowed)


def personal_cookies():
    from .views import VOTER_COOKIE

    return (settings.SESSION_COOKIE_NAME, "messages", VOTER_COOKIE)
