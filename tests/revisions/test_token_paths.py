"""Every private-link path answers 404 for any token it cannot use: tampered, expired, revoked, or
signed over an unexpected payload."""

import pytest
from django.core import signing

from revisions.tokens import APPROVAL_SALT, STATUS_SALT
from tests.factories import make_article, make_suggestion

pytestmark = pytest.mark.django_db

UNEXPECTED_PAYLOADS = [
    "ab",  # a two-character string unpacks into two values
    [1],
    [1, 2, 3],
    {"pk": 1, "key": "x"},
    ["1", "key"],
    [True, "key"],
    [1.5, "key"],
    [0, "key"],
    [-4, "key"],
    [2**64, "key"],
    [1, None],
    [1, ""],
    [1, ["key"]],
    None,
    12,
]


@pytest.mark.parametrize("payload", UNEXPECTED_PAYLOADS)
@pytest.mark.parametrize(("prefix", "salt"), [("/suggestions/", STATUS_SALT), ("/drafts/review/", APPROVAL_SALT)])
def test_a_signed_token_over_an_unexpected_payload_is_a_404(client, payload, prefix, salt):
    make_suggestion(make_article())
    token = signing.dumps(payload, salt=salt, compress=True)
    assert client.get(f"{prefix}{token}/").status_code == 404
    assert client.post(f"{prefix}{token}/", {"action": "withdraw", "decision": "approve"}).status_code == 404


@pytest.mark.parametrize("prefix", ["/suggestions/", "/drafts/review/"])
@pytest.mark.parametrize("token", ["x", "a" * 5000, "%00", "..", "e30:1xX:zz", ".eJzT0yMAAGTvBe8:1xX:zz"])
def test_garbage_tokens_are_a_404(client, prefix, token):
    assert client.get(f"{prefix}{token}/").status_code == 404
