"""The documented production environment (deploy/env.example) passes Django's deployment checks with no
warning, and leaving out the mail server is flagged."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _production_env(**overrides):
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL", "EMAIL_HOST")}
    for line in (ROOT / "deploy" / "env.example").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, value = line.partition("=")
            env[name] = value
    env["SECRET_KEY"] = secrets.token_urlsafe(50)  # the file leaves it for the operator to fill in
    env.update(overrides)
    return {k: v for k, v in env.items() if v is not None}


def _check_deploy(env):
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_documented_production_environment_passes_check_deploy():
    result = _check_deploy(_production_env())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_without_a_mail_server_is_flagged():
    result = _check_deploy(_production_env(EMAIL_HOST=None))
    assert result.returncode != 0 and "ops.W001" in result.stdout + result.stderr


def test_the_development_defaults_do_not_pass_as_production():
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SECURE_", "DEBUG", "SECRET_KEY"))}
    result = _check_deploy(env)
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "security.W004" in output and "security.W008" in output


def test_a_server_started_without_a_mail_server_says_so():
    env = _production_env(EMAIL_HOST=None, DATABASE_URL=None)
    result = subprocess.run(
        [sys.executable, "-c", "import wiki.wsgi"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert "EMAIL_HOST is not set" in result.stderr and '"level": "WARNING"' in result.stderr
