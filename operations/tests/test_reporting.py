"""Errors reach a Sentry-compatible service, and nothing personal goes with them: a real
local HTTP receiver takes the envelopes sentry-sdk posts to the DSN's host."""

import gzip
import threading
import zlib
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import sentry_sdk
from django.contrib.auth import get_user_model
from django.http import HttpRequest, HttpResponse
from django.test import Client, override_settings
from django.urls import path

from accounts.tests.factories import UserFactory
from operations.reporting import init_error_reporting

EMAIL = "joke.meijerink@example.org"
NAME = "Joke Meijerink"
CASE_TEXT = "schuld bij de woningcorporatie van elfduizend euro"


def broken_view(request: HttpRequest) -> HttpResponse:
    person = get_user_model().objects.get(pk=request.user.pk or 0)
    full_name = person.get_full_name()  # a local variable with a name in it
    raise ValueError(f"Kon het bericht aan {person.email} ({full_name}) niet maken")


urlpatterns = [path("kapot/", broken_view)]


class Receiver(BaseHTTPRequestHandler):
    received: list[bytes] = []

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        encoding = self.headers.get("Content-Encoding", "")
        if encoding == "gzip":
            body = gzip.decompress(body)
        elif encoding == "deflate":
            body = zlib.decompress(body)
        elif encoding == "br":
            import brotli  # type: ignore[import-not-found]

            body = brotli.decompress(body)
        Receiver.received.append(body)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def receiver() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    Receiver.received = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://0123456789abcdef@127.0.0.1:{server.server_address[1]}/1"
    finally:
        sentry_sdk.get_client().close()
        sentry_sdk.init()  # off again for the other tests
        server.shutdown()
        server.server_close()


@pytest.mark.django_db
@override_settings(ROOT_URLCONF=__name__)
def test_an_error_arrives_without_personal_data(receiver, groningen):
    init_error_reporting(dsn=receiver, environment="test")
    person = UserFactory.create(email=EMAIL, first_name="Joke", last_name="Meijerink")
    client = Client(raise_request_exception=False)
    client.force_login(person)
    response = client.post(
        f"/kapot/?email={EMAIL}",
        {"situation": CASE_TEXT, "name": NAME},
        HTTP_HOST="groningen.localhost",
        HTTP_X_REQUEST_ID="5f0c4e7a9b2d4c1e8a3f6b7d9e0a1c2b",
        HTTP_REFERER=f"http://groningen.localhost/?email={EMAIL}",
    )
    assert response.status_code == 500
    sentry_sdk.flush(timeout=10)

    assert Receiver.received, "the error reached the receiver"
    sent = b"".join(Receiver.received).decode()
    assert "ValueError" in sent and "broken_view" in sent
    assert "5f0c4e7a9b2d4c1e8a3f6b7d9e0a1c2b" in sent, "the request id, to find the log lines"
    for secret in (EMAIL, NAME, "Meijerink", CASE_TEXT, "sessionid", "csrftoken"):
        assert secret.lower() not in sent.lower(), secret
