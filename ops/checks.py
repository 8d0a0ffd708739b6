from django.conf import settings
from django.core.checks import Tags, Warning, register

CONSOLE_EMAIL = "django.core.mail.backends.console.EmailBackend"


@register(Tags.security, deploy=True)
def check_production_mail(app_configs, **kwargs):
    """Without EMAIL_HOST, mail to submitters (with their names and addresses) goes to stdout."""
    if settings.EMAIL_BACKEND == CONSOLE_EMAIL:
        return [
            Warning(
                "Email to submitters is printed to the console, with their names and addresses.",
                hint="Set EMAIL_HOST (and EMAIL_HOST_USER, EMAIL_HOST_PASSWORD) to send it through SMTP.",
                id="ops.W001",
            )
        ]
    return []


def warn_if_mail_goes_to_console(logger):
    """Say so at start-up when a production server would print mail instead of sending it."""
    if not settings.DEBUG and settings.EMAIL_BACKEND == CONSOLE_EMAIL:
        logger.warning(
            "EMAIL_HOST is not set: mail to submitters, with their contact details, is printed to stdout "
            "instead of sent"
        )
