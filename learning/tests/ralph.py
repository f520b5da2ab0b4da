"""Ralph, a real learning record store, run by the tests as its own process.

Ralph (ralph-malph on PyPI) lives in its own virtual environment, `var/ralph-venv`, which
`make ralph` (part of `make test`) creates: its FastAPI, pydantic and uvicorn pins are
not ours to carry in the project's lock. It serves the xAPI Statements resource with its
file-system backend (one JSON-lines file) and HTTP basic authentication from an auth file
that Ralph's own `ralph auth` writes.
"""

from __future__ import annotations

import os
import socket
import subprocess
import time
from pathlib import Path
from typing import Any

import requests
from django.conf import settings

VENV = Path(os.environ.get("RALPH_VENV", settings.BASE_DIR / "var" / "ralph-venv"))
USERNAME = "leeromgeving"
PASSWORD = "een-wachtwoord-voor-de-lrs"
START_DEADLINE = 60.0  # seconds; Ralph starts in about 2 on this machine
# Ralph 5.1's file backend writes each request's statements with the operation "create",
# which refuses a file that exists, so every statement after the first fails with a 500.
# Appending is what an LRS on one file needs; this module, run in Ralph's environment,
# switches it before the app loads.
APP_MODULE = """
from ralph.backends.data.base import BaseOperationType
from ralph.backends.lrs.fs import FSLRSBackend

FSLRSBackend.default_operation_type = BaseOperationType.APPEND

from ralph.api import app  # noqa: E402
"""


def is_installed() -> bool:
    return (VENV / "bin" / "ralph").exists()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def make_auth_file(folder: Path) -> Path:
    """Ralph's credentials file, written by Ralph's own command (bcrypt takes seconds: the
    tests make it once)."""
    path = folder / "auth.json"
    subprocess.run(
        [VENV / "bin" / "ralph", "auth", "--username", USERNAME, "--password", PASSWORD,
         "--scope", "all", "--write-to-disk", "--agent-ifi-mbox", "mailto:lrs@example.org"],
        env={**os.environ, "RALPH_RUNSERVER_BACKEND": "fs", "RALPH_AUTH_FILE": str(path)},
        cwd=folder, check=True, capture_output=True,
    )  # fmt: skip
    return path


class Ralph:
    def __init__(self, folder: Path, *, auth_file: Path) -> None:
        self.folder = folder
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen[bytes] | None = None
        self.env = {
            **os.environ,
            "RALPH_RUNSERVER_BACKEND": "fs",
            "RALPH_AUTH_FILE": str(auth_file),
            "RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH": str(folder),
        }

    @property
    def endpoint(self) -> str:
        return f"{self.url}/xAPI/"

    def start(self) -> None:
        log = (self.folder / "ralph.log").open("ab")
        (self.folder / "ralph_app.py").write_text(APP_MODULE)
        self.process = subprocess.Popen(
            [VENV / "bin" / "python", "-m", "uvicorn", "ralph_app:app", "--app-dir", self.folder,
             "--host", "127.0.0.1", "--port", str(self.port)],
            env=self.env, cwd=self.folder, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        deadline = time.monotonic() + START_DEADLINE
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"Ralph stopped: {(self.folder / 'ralph.log').read_text()}")
            try:
                if requests.get(f"{self.url}/__heartbeat__", timeout=1).ok:
                    return
            except requests.ConnectionError:
                time.sleep(0.05)  # polling a starting server, bounded by the deadline
        self.stop()
        raise RuntimeError(f"Ralph did not answer within {START_DEADLINE} s")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=30)
            self.process = None

    def statements(self) -> list[dict[str, Any]]:
        """Every statement Ralph holds, following its "more" links."""
        found: list[dict[str, Any]] = []
        url: str | None = f"{self.endpoint}statements?limit=100"
        while url:
            response = requests.get(
                url,
                auth=(USERNAME, PASSWORD),
                headers={"X-Experience-API-Version": "1.0.3"},
                timeout=10,
            )
            response.raise_for_status()
            page = response.json()
            found.extend(page["statements"])
            url = f"{self.url}{page['more']}" if page.get("more") else None
        return found
