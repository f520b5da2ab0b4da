"""A real OpenID Connect provider, run by the tests as its own process.

oidc-provider-mock (PyPI; Flask and Authlib) lives in its own virtual environment,
`var/oidc-provider-venv`, which `make oidc-provider` (part of `make test`) creates. It
speaks the protocol: discovery, dynamic client registration, the authorization code flow
with its own log-in form, the token endpoint with client authentication, ID tokens signed
with RS256 and the userinfo endpoint. Started with `--require-registration`, it knows only
the clients registered with it and checks their secret and redirect address. Who signs in
is typed on its form; their claims are set through its /users API beforehand.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote, urljoin

import pytest
import requests
from django.conf import settings

VENV = Path(os.environ.get("OIDC_PROVIDER_VENV", settings.BASE_DIR / "var" / "oidc-provider-venv"))
START_DEADLINE = 60.0  # seconds; it starts in about 1 on this machine
TIMEOUT = 10


def is_installed() -> bool:
    return (VENV / "bin" / "oidc-provider-mock").exists()


def require_installed() -> None:
    if not is_installed():
        message = (
            f"The OpenID Connect provider is not installed in {VENV}: run `make oidc-provider`."
        )
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Provider:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        log = (self.folder / "oidc-provider.log").open("ab")
        self.process = subprocess.Popen(
            [VENV / "bin" / "oidc-provider-mock", "--host", "127.0.0.1", "--port", str(self.port),
             "--require-registration", "true", "--require-nonce", "false"],
            cwd=self.folder, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        deadline = time.monotonic() + START_DEADLINE
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"The provider stopped: {self.log()}")
            try:
                if requests.get(f"{self.url}/.well-known/openid-configuration", timeout=1).ok:
                    return
            except requests.ConnectionError:
                time.sleep(0.05)  # polling a starting server, bounded by the deadline
        self.stop()
        raise RuntimeError(f"The provider did not answer within {START_DEADLINE} s")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=30)
            self.process = None

    def log(self) -> str:
        return (self.folder / "oidc-provider.log").read_text(errors="replace")

    def register_client(self, redirect_uri: str) -> tuple[str, str]:
        """A client as an organisation's IT department registers the platform: its id and
        secret, for this redirect address only."""
        response = requests.post(
            f"{self.url}/oauth2/clients",
            json={
                "redirect_uris": [redirect_uri],
                "token_endpoint_auth_method": "client_secret_post",
            },
            timeout=TIMEOUT,
        )
        response.raise_for_status()
        client = response.json()
        return client["client_id"], client["client_secret"]

    def add_person(self, sub: str, **claims: Any) -> None:
        response = requests.put(f"{self.url}/users/{quote(sub)}", json=claims, timeout=TIMEOUT)
        response.raise_for_status()

    def log_in(self, authorization_url: str, sub: str) -> str:
        """The person logs in on the provider's own form (a real browser session: its page,
        then its form sent back); returns where the provider sends them next."""
        with requests.Session() as browser:
            page = browser.get(authorization_url, timeout=TIMEOUT)
            page.raise_for_status()
            assert re.search(r'<input[^>]+name="sub"', page.text), "the provider's log-in form"
            answer = browser.post(
                page.url, data={"sub": sub}, allow_redirects=False, timeout=TIMEOUT
            )
        assert answer.status_code == 302, self.log()
        return urljoin(page.url, answer.headers["Location"])
