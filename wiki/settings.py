"""Settings for the clinical wiki.

Production behaviour is switched by environment variables; every default is safe for a developer's
machine, so a fresh checkout runs with no configuration at all.
"""

import os
import re
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default="False"):
    """Parse a boolean strictly, so a typo such as DEBUG=flase fails loudly instead of meaning True."""
    value = os.getenv(name, default)
    if value in ("True", "true", "1"):
        return True
    if value in ("False", "false", "0", ""):
        return False
    raise ImproperlyConfigured(f"{name} must be True or False, not {value!r}")


DEBUG = env_bool("DEBUG")
SECRET_KEY = os.getenv("SECRET_KEY", "django-insecure-dev-only")  # `check --deploy` flags this prefix
ALLOWED_HOSTS = os.getenv("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]").split(",")
CSRF_TRUSTED_ORIGINS = [o for o in os.getenv("CSRF_TRUSTED_ORIGINS", "").split(",") if o]
# The site's public address, without a trailing slash. Absolute links that must read the same for every
# reader (canonical links, citations' permalinks, feeds, the sitemap) are made from it, never from the
# request's host: the article page is one stored copy shared by every reader.
SITE_URL = os.getenv("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
if not re.fullmatch(r"https?://[^/\s]+", SITE_URL):
    raise ImproperlyConfigured(f"SITE_URL must be a scheme and host such as https://wiki.example.org, not {SITE_URL!r}")
# Behind a TLS-terminating proxy that sets X-Forwarded-Proto, so emailed links say https. Only set it
# when the proxy strips that header from clients' requests.
if env_bool("BEHIND_HTTPS_PROXY"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# HTTPS: the proxy in front terminates TLS and redirects plain HTTP (deploy/nginx); these make Django
# insist on it too. Production sets all of them (README, "Production").
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT")
SECURE_REDIRECT_EXEMPT = [r"^healthz/$", r"^readyz/$"]  # load balancers probe over plain HTTP
SECURE_HSTS_SECONDS = int(os.getenv("SECURE_HSTS_SECONDS", "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS")
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD")
SECURE_REFERRER_POLICY = "same-origin"  # private links in page addresses never reach another site
# The request header (e.g. HTTP_X_REAL_IP) in which a trusted proxy passes the client's address, for
# per-address rate limits; unset, the connection's own address is used.
CLIENT_ADDRESS_HEADER = os.getenv("CLIENT_ADDRESS_HEADER", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",  # the trigram lookup "did you mean" uses on PostgreSQL; inert on SQLite
    "csp",
    "simple_history",
    "markdownx",
    "ops",
    "sources",
    "articles",
    "revisions",
]

MIDDLEWARE = [
    "ops.middleware.RequestLogMiddleware",  # first, so its access line covers every response
    "django.middleware.security.SecurityMiddleware",
    "ops.csp.SettingsCSPMiddleware",  # django-csp's, building the policy once
    "ops.middleware.PermissionsPolicyMiddleware",
    "ops.middleware.NulFreeAdminAddressMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "ops.middleware.DatabaseUnavailableMiddleware",
    "ops.middleware.NulFreeHtmlMiddleware",
    "ops.middleware.MethodNotAllowedPageMiddleware",
]

ROOT_URLCONF = "wiki.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "wiki.wsgi.application"

# SQLite lives in the git-ignored var/ folder unless DATABASE_URL names another database.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'var' / 'db.sqlite3'}",
        conn_max_age=int(os.getenv("CONN_MAX_AGE", "60")),
        # A kept connection is checked before each request reuses it, so after a database restart the
        # first request reconnects instead of failing. (The shared article page's lookup skips the check
        # and, if its query fails, tries once on a new connection: articles/shared_pages.py.)
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # An unreachable server fails fast (the page answers 503) instead of holding a worker for minutes.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "connect_timeout", int(os.getenv("DATABASE_CONNECT_TIMEOUT", "3"))
    )

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Writers queue for the lock at BEGIN instead of failing mid-transaction with "database is locked",
    # and readers keep reading while one writes (WAL).
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    # A file, not memory, so tests of simultaneous writers meet SQLite's real locking.
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / "var" / "test.sqlite3")}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.getenv("STATIC_ROOT", BASE_DIR / "var" / "static"))
STATICFILES_DIRS = [BASE_DIR / "static"]
# Files served at the site's root rather than under STATIC_URL: /favicon.ico.
WHITENOISE_ROOT = BASE_DIR / "static" / "root"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Hashed, compressed files served by WhiteNoise, so gunicorn needs no web server in front of it.
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES")
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE

# Every line is one JSON object with its time, level and request id; each request logs one access line
# (method, path, status, duration) at INFO. Private link tokens are masked in every line.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_id": {"()": "ops.logging.RequestIdFilter"},
        "mask_tokens": {"()": "ops.logging.MaskTokensFilter"},
        "downgrade_to_warning": {"()": "ops.logging.DowngradeToWarning"},
        "client_errors_without_traceback": {"()": "ops.logging.ClientErrorsWithoutTraceback"},
    },
    "formatters": {"json": {"()": "ops.logging.JsonFormatter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json",
            "filters": ["request_id", "mask_tokens"],
        }
    },
    "loggers": {
        # A request naming a host not in ALLOWED_HOSTS is the client's mistake (or a scan), not an error.
        "django.security.DisallowedHost": {"filters": ["downgrade_to_warning"]},
        "django.request": {"filters": ["client_errors_without_traceback"]},
        # A form or address far over the limits gets the page that says so: the client's doing, told apart from
        # faults by its level, without the framework's traceback.
        **{
            f"django.security.{name}": {"filters": ["downgrade_to_warning", "client_errors_without_traceback"]}
            for name in ("RequestDataTooBig", "TooManyFieldsSent", "TooManyFilesSent")
        },
    },
    "root": {"handlers": ["console"], "level": os.getenv("LOG_LEVEL", "INFO")},
}

# Content-Security-Policy on every response, the admin included: scripts and styles from this site
# only, never inline; nothing embeds the wiki, and forms post only to it.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF],
        "object-src": [NONE],
        "frame-ancestors": [NONE],
        # A source's video plays in the page only when the reader asks (static/js/video.js), from these hosts.
        "frame-src": ["https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "form-action": [SELF],
        "base-uri": [NONE],
    }
}
# Browser features no page uses, refused to the page and anything it could embed (Permissions-Policy).
PERMISSIONS_POLICY_DISABLED = [
    "accelerometer",
    "autoplay",
    "camera",
    "display-capture",
    "geolocation",
    "gyroscope",
    "magnetometer",
    "microphone",
    "midi",
    "payment",
    "usb",
]

MARKDOWNX_MARKDOWNIFY_FUNCTION = "articles.markdown.render_markdown"

CSRF_FAILURE_VIEW = "ops.views.csrf_failure"

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "revisions:queue"
LOGOUT_REDIRECT_URL = "articles:home"

# Caches: rate limits and the like. Per-process memory unless REDIS_URL names a shared Redis,
# which production with several workers should use so limits hold across them.
REDIS_URL = os.getenv("REDIS_URL", "")
# With Redis unreachable the site keeps serving: pages uncached, rate limits per process (ops.cache).
CACHES = {
    "default": {
        "BACKEND": "ops.cache.FailSoftRedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": os.getenv("CACHE_KEY_PREFIX", "wiki"),
    }
    if REDIS_URL
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
}

# Readers with nothing personal on the article page (no session, vote or message) share one copy of it.
# This process keeps it for this long; it is keyed by the article's content revision and vote count, so
# a publish or a vote is seen at once all the same.
ARTICLE_PAGE_CACHE_SECONDS = int(os.getenv("ARTICLE_PAGE_CACHE_SECONDS", "60"))
# How long a shared HTTP cache in front of the wiki (deploy/nginx) may serve that copy before asking
# again with its ETag: the longest a publish takes to reach readers through it.
ARTICLE_SHARED_CACHE_SECONDS = int(os.getenv("ARTICLE_SHARED_CACHE_SECONDS", "1"))

# How long a change that reaches many articles (a tier rule, a source's correction or link status) spends
# rendering their pages in its own request; no chunk of articles is begun after it. The rest are rendered
# when first read, or by `render_articles --stale` from cron. Well under gunicorn's timeout
# (deploy/gunicorn.conf.py).
REFRESH_RENDER_SECONDS = float(os.getenv("REFRESH_RENDER_SECONDS", "8"))

# Email: printed to the console unless EMAIL_HOST names an SMTP server.
EMAIL_HOST = os.getenv("EMAIL_HOST", "")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend" if EMAIL_HOST else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_PORT = int(os.getenv("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.getenv("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.getenv("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default="True" if EMAIL_HOST else "False")
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = os.getenv("DEFAULT_FROM_EMAIL", "Clinical Wiki <editors@localhost>")
# Where replies to the wiki's mail go: a mailbox the editors read, so a submitter can answer any email.
EDITORS_REPLY_TO = os.getenv("EDITORS_REPLY_TO", DEFAULT_FROM_EMAIL)

# Suggested revisions
SUGGESTION_LINK_MAX_AGE_DAYS = int(os.getenv("SUGGESTION_LINK_MAX_AGE_DAYS", "60"))
SUGGESTION_RETENTION_DAYS = int(os.getenv("SUGGESTION_RETENTION_DAYS", "90"))
# Text held for PHI review is erased, and the suggestion closed, if no editor decides within this many days.
PHI_HOLD_RETENTION_DAYS = int(os.getenv("PHI_HOLD_RETENTION_DAYS", "30"))
# (submissions, seconds) per client address; every limit must hold.
SUGGESTION_RATE_LIMITS = [(10, 3600), (30, 24 * 3600)]  # suggestions stored
SUGGESTION_ATTEMPT_RATE_LIMITS = [(60, 3600)]  # any post of the form, refused ones included
# Each browser votes once (a cookie); these stop a script that drops the cookie from voting again and again.
UPVOTE_RATE_LIMITS = [(20, 3600), (60, 24 * 3600)]
# Drafted revisions: how long a submitter's approval link works, and how long to wait for an answer
# before the editor may decide alone.
DRAFT_APPROVAL_LINK_MAX_AGE_DAYS = int(os.getenv("DRAFT_APPROVAL_LINK_MAX_AGE_DAYS", "14"))
DRAFT_APPROVAL_WAIT_DAYS = int(os.getenv("DRAFT_APPROVAL_WAIT_DAYS", "14"))
