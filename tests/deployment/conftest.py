"""The platform as it runs on several machines, started by the tests: two app servers
(gunicorn, one worker each, on their own ports) with two task workers, behind Debian's nginx
with the configuration of docs/nginx/, sharing the test database (PostgreSQL, or SQLite in a
file), the shared cache (Redis when REDIS_URL is set) and an S3-compatible server (moto's
ThreadedMotoServer). Both portals are served under /lerenoverarmoede/, as on the alliance's
own sites. The demo is loaded once for the package through the same settings."""

import io
import json
import logging
import os
import queue
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import boto3
import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection
from moto.server import ThreadedMotoServer
from pytest_django import DjangoDbBlocker

ROOT = Path(__file__).resolve().parents[2]
# The tests of this package: in the run of real concurrent processes, on PostgreSQL (CI's
# second pass, with Redis). The test process only reads, in a transaction that is rolled back.
DEPLOYMENT = [
    pytest.mark.concurrency,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="runs on PostgreSQL: DATABASE_URL=postgres://… (CI's second pass)",
    ),
    pytest.mark.django_db,
]
PREFIX = "/lerenoverarmoede"
BUCKET = "leren-over-armoede-media"  # as in docs/nginx/lerenoverarmoede.conf
HOSTS = ("groningen.localhost", "drenthe.localhost")
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
START_SECONDS = 120
READ_POLICY = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": "*",
            "Action": "s3:GetObject",
            "Resource": f"arn:aws:s3:::{BUCKET}/*",
        }
    ],
}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for_port(port: int, process: subprocess.Popen[str] | None = None) -> None:
    """Polls until something listens on the port, with a deadline."""
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"{process.args!r} stopped with {process.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.05)
    raise TimeoutError(f"nothing listens on port {port}")


def database_url() -> str:
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    password = f":{quote(db['PASSWORD'])}" if db["PASSWORD"] else ""
    return f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"


class Output:
    """The lines a process writes, read in a thread, so a test can wait for one."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        stream = process.stdout
        assert stream is not None
        threading.Thread(target=self._read, args=(stream,), daemon=True).start()

    def _read(self, stream: io.TextIOBase) -> None:
        for line in stream:
            self.lines.put(line)

    def wait_for(self, text: str, seconds: float = 60) -> str:
        deadline = time.monotonic() + seconds
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError(f"no line with {text!r}; saw {self.seen[-20:]}")
            try:
                line = self.lines.get(timeout=remaining)
            except queue.Empty:
                continue
            self.seen.append(line)
            if text in line:
                return line


@dataclass
class Cluster:
    port: int  # nginx, balancing over both app servers
    server_ports: list[int]  # nginx, each to one app server only
    environment: dict[str, str]
    mail_dir: Path
    temp: Path
    processes: list[subprocess.Popen[str]] = field(default_factory=list)

    def url(self, path: str = "/", *, server: int | None = None) -> str:
        port = self.port if server is None else self.server_ports[server]
        return f"http://127.0.0.1:{port}{PREFIX}{path}"

    def host(self, name: str, *, server: int | None = None) -> str:
        port = self.port if server is None else self.server_ports[server]
        return f"{name}:{port}"

    def manage(self, *arguments: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "manage.py", *arguments],
            cwd=ROOT,
            env=self.environment,
            check=True,
            capture_output=True,
            text=True,
        )

    def start(self, *arguments: str, piped: bool = False) -> subprocess.Popen[str]:
        """A process of the installation; its output goes to a log file in the temporary
        folder, or, piped, to a pipe the test reads (with `Output`)."""
        log = (self.temp / f"process-{len(self.processes)}.log").open("w")
        process = subprocess.Popen(
            list(arguments),
            cwd=ROOT,
            env=self.environment,
            stdout=subprocess.PIPE if piped else log,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.processes.append(process)
        return process


def nginx_configuration(
    temp: Path, port: int, server_ports: list[int], app_ports: list[int], s3_port: int
) -> str:
    """docs/nginx/lerenoverarmoede.conf under plain HTTP: one server balancing over both
    app servers, and one per app server, so a test knows which one answers."""
    snippet = (ROOT / "docs" / "nginx" / "lerenoverarmoede.conf").read_text()
    servers = []
    for index, (listen, upstream) in enumerate(
        [(port, "leeromgeving"), *((p, f"app{i}") for i, p in enumerate(server_ports))]
    ):
        own = temp / f"locations{index}.conf"
        own.write_text(snippet.replace("http://leeromgeving/", f"http://{upstream}/"))
        servers.append(
            f"server {{ listen 127.0.0.1:{listen}; server_name {' '.join(HOSTS)}; include {own}; }}"
        )
    upstreams = "\n".join(
        f"upstream app{i} {{ server 127.0.0.1:{p}; }}" for i, p in enumerate(app_ports)
    )
    both = " ".join(f"server 127.0.0.1:{p};" for p in app_ports)
    # Started as root (CI), nginx's workers would become nobody, who cannot write request
    # bodies into pytest's private temporary folder.
    user = "user root;" if os.geteuid() == 0 else ""
    return f"""
daemon off;
{user}
worker_processes 1;
pid {temp}/nginx.pid;
error_log {temp}/error.log warn;
events {{ worker_connections 512; }}
http {{
    access_log {temp}/access.log;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
    upstream leeromgeving {{ {both} keepalive 4; }}
    {upstreams}
    upstream leeromgeving_media {{ server 127.0.0.1:{s3_port}; }}
    {chr(10).join(servers)}
}}
"""


@pytest.fixture(scope="package")
def cluster(
    django_db_setup: None,
    django_db_blocker: DjangoDbBlocker,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Cluster]:
    if not Path(NGINX).exists():
        pytest.skip("nginx is missing: run `sudo make test-deps` (installs Debian's nginx-light)")
    temp = tmp_path_factory.mktemp("cluster")
    s3_port = free_port()
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # a line per S3 request
    s3 = ThreadedMotoServer(ip_address="127.0.0.1", port=s3_port, verbose=False)
    s3.start()
    credentials = {"AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test"}
    bucket = boto3.client(
        "s3",
        endpoint_url=f"http://127.0.0.1:{s3_port}",
        region_name="us-east-1",
        aws_access_key_id="test",
        aws_secret_access_key="test",
    )
    bucket.create_bucket(Bucket=BUCKET)
    # nginx reads without keys (docs/deploy.md: in production only from the proxy's address).
    bucket.put_bucket_policy(Bucket=BUCKET, Policy=json.dumps(READ_POLICY))

    port, app_ports = free_port(), [free_port(), free_port()]
    server_ports = [free_port(), free_port()]
    mail_dir = temp / "mail"
    mail_dir.mkdir()
    environment = {
        **os.environ,
        **credentials,
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DEBUG": "false",
        "DATABASE_URL": database_url(),
        "PORTAL_BASE_URL": f"http://{{hostname}}:{port}{PREFIX}",
        "AWS_STORAGE_BUCKET_NAME": BUCKET,
        "AWS_S3_ENDPOINT_URL": f"http://127.0.0.1:{s3_port}",
        "AWS_S3_REGION_NAME": "us-east-1",
        # django-environ drops the path's first slash: "filemail:////tmp/…" is /tmp/….
        "EMAIL_URL": f"filemail:///{mail_dir}",
        # Editors log in with a password only here; the second factor has tests of its own.
        "ADMIN_REQUIRES_TOTP": "false",
        "PYTHONUNBUFFERED": "1",
    }
    cluster = Cluster(port, server_ports, environment, mail_dir, temp)
    with django_db_blocker.unblock():
        # What the migrations made, for the tests that run after these (the flush below).
        if not hasattr(connection, "_test_serialized_contents"):
            connection._test_serialized_contents = connection.creation.serialize_db_to_string()  # type: ignore[attr-defined]
        connection.close()
    try:
        # The shared cache empty: no log-in limit or cached page of an earlier run.
        cluster.manage("shell", "-c", "from django.core.cache import cache; cache.clear()")
        cluster.manage("load_demo")
        cluster.manage("collectstatic", "--no-input", "-v0")
        gunicorn = str(Path(sys.executable).parent / "gunicorn")
        for app_port in app_ports:
            process = cluster.start(
                gunicorn, "config.wsgi", "--bind", f"127.0.0.1:{app_port}", "--workers", "1"
            )
            wait_for_port(app_port, process)
        for _ in range(2):  # two hosts, a task worker on each
            cluster.start(
                sys.executable, "manage.py", "db_worker", "--interval", "0.2", "--no-startup-delay"
            )
        (temp / "nginx.conf").write_text(
            nginx_configuration(temp, port, server_ports, app_ports, s3_port)
        )
        nginx = cluster.start(
            NGINX, "-c", str(temp / "nginx.conf"), "-p", str(temp), "-e", str(temp / "error.log")
        )
        for listening in (port, *server_ports):
            wait_for_port(listening, nginx)
        yield cluster
    finally:
        for process in reversed(cluster.processes):
            process.terminate()
        for process in cluster.processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
        s3.stop()
        with django_db_blocker.unblock():
            # As Django's serialized rollback: empty, then what the migrations made.
            call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)
            connection.creation.deserialize_db_from_string(connection._test_serialized_contents)  # type: ignore[attr-defined]
            # flush restarted PostgreSQL's sequences at 1 and the rows above came back with
            # their ids: the next test's first page would take id 1 again.
            with connection.cursor() as cursor:
                for sql in connection.ops.sequence_reset_sql(no_style(), apps.get_models()):
                    cursor.execute(sql)
