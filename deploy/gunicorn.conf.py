"""gunicorn settings for the wiki: `gunicorn -c deploy/gunicorn.conf.py`, from the project folder.

Command-line options override these (`make run` passes --bind and --workers).
"""

import os

wsgi_app = "wiki.wsgi"
bind = os.getenv("BIND", "127.0.0.1:8000")
workers = int(os.getenv("WORKERS", "4"))
# A request that takes longer than this is stuck: the worker is replaced.
timeout = 30
graceful_timeout = 20
# Workers are replaced now and then, so a slow leak never grows without bound.
max_requests = 5000
max_requests_jitter = 500

# Django logs one JSON access line per request (ops.middleware). gunicorn's own access log is off unless
# ACCESS_LOG names a file ("-" for stderr); when on, private link tokens are masked in it too.
accesslog = os.getenv("ACCESS_LOG") or None
access_log_format = '%(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s" %({x-request-id}o)s %(D)s'
logger_class = "ops.gunicorn.MaskedLogger"
errorlog = "-"

# Trust X-Forwarded-* only from the reverse proxy on this machine.
forwarded_allow_ips = os.getenv("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
