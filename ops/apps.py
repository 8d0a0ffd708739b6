from django.apps import AppConfig


class OpsConfig(AppConfig):
    """Running the site: error pages, health checks, security headers, request logs, fail-soft cache."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "ops"

    def ready(self):
        from django.core.signals import request_finished, request_started

        from . import checks  # noqa: F401  registers the system checks
        from .logging import begin_request, end_request

        request_started.connect(begin_request, dispatch_uid="ops.request_id")
        request_finished.connect(end_request, dispatch_uid="ops.request_id")
