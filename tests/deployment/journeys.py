"""A visitor of one portal through the proxy, and the check that every address on what it
gets stays under the path prefix."""

import re
import time
from collections.abc import Iterable
from email import message_from_string
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import lxml.html
import requests

from .conftest import HOSTS, PREFIX, Cluster

# Attributes that hold an address the browser asks for (htmx's included).
ADDRESS_ATTRIBUTES = {"href", "src", "action", "poster", "hx-get", "hx-post", "formaction"}


class Visitor(requests.Session):
    """Sends the portal's host name through the proxy, as a browser on that host would."""

    def __init__(self, cluster: Cluster, hostname: str, *, server: int | None = None) -> None:
        super().__init__()
        self.cluster, self.hostname, self.server = cluster, hostname, server
        self.headers["Host"] = cluster.host(hostname, server=server)

    def open(self, path: str, **options) -> requests.Response:  # type: ignore[no-untyped-def]
        """A path of the platform ('/aanbod/') or an address it wrote ('/lerenoverarmoede/…'
        or 'http://groningen.localhost:…/lerenoverarmoede/…')."""
        return self.request(options.pop("method", "GET"), self.address(path), **options)

    def address(self, path: str) -> str:
        parts = urlsplit(path)
        if parts.scheme:
            assert parts.hostname == self.hostname, path
            path = parts.path + (f"?{parts.query}" if parts.query else "")
        if path.startswith(PREFIX + "/"):
            path = path[len(PREFIX) :]
        return self.cluster.url(path, server=self.server)

    def form(self, path: str, xpath: str) -> tuple[str, dict[str, str]]:
        """The action and the filled-in fields (the CSRF token among them) of a form."""
        response = self.open(path)
        assert response.status_code == 200, (path, response.status_code)
        form = lxml.html.fromstring(response.text).xpath(xpath)[0]
        fields = dict(form.form_values())
        here = urlsplit(response.url)
        action = form.get("action") or here.path + (f"?{here.query}" if here.query else "")
        return urljoin(here.path, action), fields

    def log_in(self, email: str, password: str) -> requests.Response:
        action, fields = self.form("/account/login/", "//form[.//input[@name='password']]")
        return self.open(
            action,
            method="POST",
            data={**fields, "login": email, "password": password},
            allow_redirects=False,
        )


def addresses(html: str) -> list[str]:
    document = lxml.html.fromstring(html)
    found = []
    for element in document.iter():
        for name, value in element.attrib.items():
            if name in ADDRESS_ATTRIBUTES:
                found.append(value.strip())
            elif name == "srcset":
                found += [part.strip().split(" ")[0] for part in value.split(",") if part.strip()]
    return found


def outside_the_prefix(found: Iterable[str]) -> list[str]:
    """The addresses on this platform's hosts that lie outside the prefix; addresses of
    other sites and relative ones ('?pagina=2', '#inhoud') are fine."""
    wrong = []
    for address in found:
        parts = urlsplit(address)
        if parts.scheme in ("mailto", "tel", "data", "javascript", "webcal"):
            continue
        if parts.scheme:
            if parts.hostname not in (*HOSTS, "127.0.0.1"):
                continue
        elif not address.startswith("/"):
            continue
        if not (parts.path + "/").startswith(PREFIX + "/"):
            wrong.append(address)
    return wrong


def wait_for_mail(cluster: Cluster, to: str, seconds: float = 60) -> str:
    """The text of the first e-mail to this address that a task worker sent (Django's file
    backend: one file per connection, messages separated by a line of dashes)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for path in sorted(Path(cluster.mail_dir).glob("*.log")):
            for raw in path.read_text().split("-" * 79):
                if raw.strip() and to in raw:
                    message = message_from_string(raw.strip())
                    parts = message.walk() if message.is_multipart() else [message]
                    return "\n".join(
                        bytes(part.get_payload(decode=True)).decode()  # type: ignore[arg-type]
                        for part in parts
                        if part.get_content_type() in ("text/plain", "text/html")
                    )
        time.sleep(0.1)
    raise TimeoutError(f"no e-mail to {to} in {cluster.mail_dir}")


def links_in_text(text: str) -> list[str]:
    return re.findall(r"https?://[^\s\"'<>]+", text)
