"""A gunicorn worker loads what the first reader would otherwise wait for before it takes a request."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent

LOADED = """
import wiki.wsgi
from revisions.phi.detectors import tagger
from revisions.phi import lexicons
print(tagger.available(), "tagger" in tagger._state, lexicons.given_names.cache_info().currsize)
"""


def test_loading_the_application_loads_the_phi_screens_lexicons_and_tagger():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "wiki.settings"}
    run = subprocess.run([sys.executable, "-c", LOADED], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    available, loaded, cached = run.stdout.split()
    assert (available, loaded) == ("True", "True") and int(cached) == 1
