from django.apps import AppConfig


class OpsConfig(AppConfig):
    """Running the site: error pages, health checks, security headers, request logs, fail-soft cache."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "ops"

    def ready(self):
        from . import checks  # noqa: F401  registers the system checks
