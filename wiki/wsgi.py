"""The WSGI application gunicorn serves (deploy/gunicorn.conf.py)."""

import logging
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wiki.settings")

application = get_wsgi_application()

from ops.checks import warn_if_mail_goes_to_console  # noqa: E402  needs the settings loaded above

warn_if_mail_goes_to_console(logging.getLogger("wiki"))
