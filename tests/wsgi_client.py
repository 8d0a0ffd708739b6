"""GET through wiki.wsgi.application, as gunicorn calls it: what Django's test client skips."""

import io
from dataclasses import dataclass


@dataclass
class WsgiResponse:
    status: str
    headers: dict
    body: str


def wsgi_get(path, query="", **headers):
    """headers are given as keyword arguments without the HTTP_ prefix, e.g. If_None_Match="…"."""
    from wiki.wsgi import application

    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "HTTP_HOST": "testserver",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.url_scheme": "http",
        **{f"HTTP_{name.upper()}": value for name, value in headers.items()},
    }
    answer = {}

    def start_response(status, response_headers, exc_info=None):
        answer["status"], answer["headers"] = status, dict(response_headers)

    body = b"".join(application(environ, start_response))
    return WsgiResponse(answer["status"], answer["headers"], body.decode())
