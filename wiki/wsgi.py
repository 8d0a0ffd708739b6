"""The WSGI application gunicorn serves (deploy/gunicorn.conf.py)."""

import gc
import logging
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wiki.settings")

application = get_wsgi_application()

from articles.shared_pages import SharedPageCache  # noqa: E402  needs the settings loaded above
from ops.checks import warn_if_mail_goes_to_console  # noqa: E402

# The article page readers with nothing personal on it share, served from the cache ahead of Django's
# middleware with the headers Django gave it (articles/shared_pages.py).
application = SharedPageCache(application)

warn_if_mail_goes_to_console(logging.getLogger("wiki"))


def _load_the_phi_screen():
    """The PHI screen reads its lexicons and its learned tagger's model on first use, about a second: load them with
    the application, so the first reader to suggest a change does not wait for them (and they are frozen below)."""
    from revisions.phi import screen

    try:
        screen({"note": "A synthetic note from Example Street to load the screen."})
    except Exception:  # a screen that cannot load now fails on its first use, where the form says so
        logging.getLogger("wiki").exception("The PHI screen could not be loaded ahead of use")


_load_the_phi_screen()

# What is loaded by now lives as long as the process. Freezing it spares the collector walking it again in
# every full collection: a third of the time to publish a change to a long article went there.
gc.freeze()
