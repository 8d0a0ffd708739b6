from pathlib import Path

import pytest

from articles.importing import article_import
from articles.text_format import parse_article

ROOT = Path(__file__).resolve().parent.parent
SEED_FIXTURE = ROOT / "fixtures" / "articles" / "self-compassion.md"
SEED_TEXT = ROOT.parent / "shared" / "seed" / "self-compassion.txt"


@pytest.fixture(autouse=True)
def _static_files_without_collectstatic(settings):
    """Tests read static files where they are, so no collectstatic run is needed first."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.WHITENOISE_USE_FINDERS = True  # serve them from where they are, as in development


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate-limit counters and other cached state never leak from one test into the next."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def seed_data():
    data, warnings = parse_article(SEED_FIXTURE.read_text(encoding="utf-8"), SEED_FIXTURE.name)
    assert warnings == []
    return data


@pytest.fixture
def seed_article(db, seed_data):
    article, _ = article_import(data=seed_data)
    return article


@pytest.fixture
def seed_text():
    """The text capture of the product's reference article, kept beside the repository (../shared)."""
    if not SEED_TEXT.exists():
        pytest.skip(f"the seed capture {SEED_TEXT} is not beside this clone; CI lays it there")
    return SEED_TEXT.read_text(encoding="utf-8")


def pytest_collection_modifyitems(config, items):
    """PostgreSQL-only checks must never pass vacuously on another database."""
    from django.db import connection

    if connection.vendor != "postgresql":
        for item in items:
            if item.get_closest_marker("postgresql") and "not postgresql" not in (config.option.markexpr or ""):
                raise pytest.UsageError(
                    f"{item.nodeid} needs PostgreSQL: set DATABASE_URL, or deselect with -m 'not postgresql'"
                )


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """After the run, end connections the live server's request threads left behind, so the test
    database can be dropped cleanly on PostgreSQL."""
    yield
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    with django_db_blocker.unblock(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )


class SmtpInbox:
    """What a real SMTP server on loopback received: (recipients, parsed message) pairs."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        import email
        import email.policy

        self.messages.append(
            (envelope.rcpt_tos, email.message_from_bytes(envelope.content, policy=email.policy.default))
        )
        return "250 Message accepted"

    def to(self, address):
        return [message for recipients, message in self.messages if address in recipients]


@pytest.fixture
def smtp_inbox(settings):
    """Mail goes through Django's SMTP backend to an aiosmtpd server on a free loopback port."""
    import socket

    from aiosmtpd.controller import Controller

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = 5
    inbox = SmtpInbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    yield inbox
    controller.stop()


@pytest.fixture(autouse=True)
def _mail_server_rested():
    """A slow mail failure in one test never leaves the next one's mail to the retry command."""
    from revisions.emails import mail_server_rest_end

    mail_server_rest_end()
    yield
    mail_server_rest_end()
