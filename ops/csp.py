"""django-csp's middleware, building the policy once instead of for every response.

The policy comes from settings alone unless a view asked for a nonce or changed the policy for its
response; only those responses are built anew. Nothing in the wiki does either today, but the library's
means stay available.
"""

from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.middleware import CSPMiddleware
from csp.utils import build_policy
from django.conf import settings

_PER_RESPONSE = ("_csp_config", "_csp_update", "_csp_replace", "_csp_config_ro", "_csp_update_ro", "_csp_replace_ro")


class SettingsCSPMiddleware(CSPMiddleware):
    _built = (None, None, None)  # (the settings they were built from, policy, report-only policy)

    def process_response(self, request, response):
        per_response = getattr(request, "_csp_nonce", None) is not None or any(
            hasattr(response, a) for a in _PER_RESPONSE
        )
        excluding = any(
            (getattr(settings, name, None) or {}).get("EXCLUDE_URL_PREFIXES")
            for name in ("CONTENT_SECURITY_POLICY", "CONTENT_SECURITY_POLICY_REPORT_ONLY")
        )
        if per_response or excluding or (settings.DEBUG and response.status_code in (404, 500)):
            return super().process_response(request, response)
        policy, report_only = self._from_settings()
        for header, value, exempt in (
            (HEADER, policy, "_csp_exempt"),
            (HEADER_REPORT_ONLY, report_only, "_csp_exempt_ro"),
        ):
            if value and header not in response and not getattr(response, exempt, False):
                response[header] = value
        return response

    def _from_settings(self):
        source = (
            repr(getattr(settings, "CONTENT_SECURITY_POLICY", None)),
            repr(getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None)),
        )
        built_from, policy, report_only = SettingsCSPMiddleware._built
        if built_from != source:
            policy, report_only = build_policy(), build_policy(report_only=True)
            SettingsCSPMiddleware._built = (source, policy, report_only)
        return policy, report_only
