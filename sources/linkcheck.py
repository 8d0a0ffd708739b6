"""Whether a source's address still answers: one HTTP request (HEAD, then GET where HEAD is refused), with a
timeout. No database: `articles/management/commands/check_source_links.py` records what it finds."""

import http.client
import socket
import time
import urllib.error
import urllib.request
from dataclasses import dataclass

USER_AGENT = "ClinicalWikiLinkChecker/1.0 (checks that cited sources are still online)"
# Answers that show the page is there even though the server will not serve it to a checker.
REACHABLE_REFUSALS = {401: "needs a login", 403: "refuses automated checks", 429: "asks checkers to slow down"}
RETRY_PAUSE_SECONDS = 1.0


@dataclass(frozen=True)
class LinkCheck:
    ok: bool  # the address answered
    result: str  # what was found, for admins: "HTTP 200", "HTTP 404", "timed out after 10 s"


def link_check(url, *, timeout=10.0, retries=1):
    """Check one address; a server error or a failed connection is tried again `retries` times."""
    check = _check_once(url, timeout)
    for _ in range(retries):
        if check.ok or check.result.startswith("HTTP 4"):
            break
        time.sleep(RETRY_PAUSE_SECONDS)
        check = _check_once(url, timeout)
    return check


def _check_once(url, timeout):
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return LinkCheck(True, f"HTTP {response.status}")
        except urllib.error.HTTPError as error:
            if method == "HEAD" and error.code in (400, 403, 405, 501):
                continue  # some servers answer HEAD alone with these; GET decides
            if error.code in REACHABLE_REFUSALS:
                return LinkCheck(True, f"HTTP {error.code}: the site {REACHABLE_REFUSALS[error.code]}")
            if 300 <= error.code < 400:
                return LinkCheck(False, f"HTTP {error.code}: redirects without end")
            return LinkCheck(False, f"HTTP {error.code}")
        except (TimeoutError, socket.timeout):
            return LinkCheck(False, f"timed out after {timeout:g} s")
        except urllib.error.URLError as error:
            if isinstance(error.reason, (TimeoutError, socket.timeout)):
                return LinkCheck(False, f"timed out after {timeout:g} s")
            return LinkCheck(False, f"could not connect: {error.reason}"[:200])
        except (http.client.HTTPException, ConnectionError, ValueError) as error:
            return LinkCheck(False, f"bad answer: {error.__class__.__name__}: {error}"[:200])
    return LinkCheck(False, "no answer")
