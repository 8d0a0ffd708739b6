from django.apps import AppConfig


class RevisionsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "revisions"

    def ready(self):
        from . import receivers  # noqa: F401  (connects the queue to the library's signals)
