"""A bare Django project with one view returning fixed bytes: the ceiling `bench.py --baseline` compares to."""

import os
from pathlib import Path

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.urls import path

BODY = Path(os.environ["BARE_BODY_FILE"]).read_bytes()


def page(request):
    return HttpResponse(BODY)


settings.configure(DEBUG=False, ALLOWED_HOSTS=["*"], ROOT_URLCONF=__name__, SECRET_KEY="bare-benchmark-only")
urlpatterns = [path("", page)]
application = get_wsgi_application()
