"""gunicorn's access log with private link tokens masked in every field (request line, path, Referer)."""

from gunicorn.glogging import Logger

from .logging import mask_tokens


class MaskedLogger(Logger):
    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        return {key: mask_tokens(value) if isinstance(value, str) else value for key, value in atoms.items()}
