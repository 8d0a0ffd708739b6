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

# What is loaded by now lives as long as the process. Freezing it spares the collector walking it again in
# every full collection: a third of the time to publish a change to a long article went there.
gc.freeze()
