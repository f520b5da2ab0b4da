"""Two app servers behind nginx, as on two machines, sharing the database, the cache and
the object store (conftest.py): what happens through one holds through the other at once;
one clock runs however many are started; two task workers take each job once."""

import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from allauth.account.adapter import DefaultAccountAdapter
from django.utils import translation
from django.utils.html import escape

from .conftest import DEPLOYMENT, PREFIX, Output
from .journeys import Visitor

pytestmark = DEPLOYMENT

EDITOR = ("redacteur@example.org", "leren-over-armoede")
JOBS = 60


def test_a_publish_through_one_server_shows_through_the_other_at_once(cluster):
    from catalogue.models import ArticlePage

    article = ArticlePage.objects.get(slug="wat-is-overerfbare-armoede")
    path = "/aanbod/wat-is-overerfbare-armoede/"
    reader = Visitor(cluster, "groningen.localhost", server=1)
    reader.open(path)
    assert reader.open(path).headers["X-Page-Cache"] == "hit", "the other server keeps it"
    # A draft of a new title, saved as an editor's edit is (in a process of the
    # installation: this test's own transaction is never committed).
    cluster.manage(
        "shell",
        "-c",
        "from catalogue.models import ArticlePage\n"
        f"page = ArticlePage.objects.get(pk={article.pk})\n"
        "page.title = 'Wat is overerfbare armoede? (bijgewerkt)'\n"
        "page.save_revision()\n",
    )
    assert "(bijgewerkt)" not in reader.open(path).text

    # Published in /beheer/ through the first server (the admin's publish action).
    editor = Visitor(cluster, "groningen.localhost", server=0)
    assert editor.log_in(*EDITOR).status_code == 302
    action, fields = editor.form(
        f"/beheer/bulk/wagtailcore/page/publish/?id={article.pk}",
        "//main//form[.//input[@name='csrfmiddlewaretoken']]",
    )
    response = editor.open(action, method="POST", data=fields, allow_redirects=False)
    assert response.status_code == 302, response.text[:3000]

    assert "(bijgewerkt)" in reader.open(path).text


def test_a_session_started_on_one_server_holds_on_the_other(cluster):
    first = Visitor(cluster, "drenthe.localhost", server=0)
    assert first.log_in("mirjam.leergang@example.org", "leren-over-armoede").status_code == 302
    second = Visitor(cluster, "drenthe.localhost", server=1)
    second.cookies.update(first.cookies)
    response = second.open("/mijn/", allow_redirects=False)
    assert response.status_code == 200
    assert "Mirjam" in response.text


def test_a_document_uploaded_through_one_server_is_served_through_the_other_in_ranges(
    cluster, tmp_path
):
    content = bytes(range(256)) * 400  # 100 kB
    uploader = Visitor(cluster, "groningen.localhost", server=0)
    assert uploader.log_in(*EDITOR).status_code == 302
    action, fields = uploader.form("/beheer/documents/add/", "//form[.//input[@name='title']]")
    response = uploader.open(
        action,
        method="POST",
        data={**fields, "title": "Werkblad gesprek"},
        files={"file": ("werkblad-gesprek.txt", content, "text/plain")},
        allow_redirects=False,
    )
    assert response.status_code == 302, response.text[:2000]

    from wagtail.documents.models import Document

    document = Document.objects.get(title="Werkblad gesprek")
    reader = Visitor(cluster, "groningen.localhost", server=1)
    served = reader.open(document.url, allow_redirects=False)
    assert served.status_code == 302
    media = served.headers["Location"]
    assert media.startswith(f"{PREFIX}/media/documents/")
    part = reader.open(media, headers={"Range": "bytes=1000-1999"})
    assert part.status_code == 206
    assert part.headers["Content-Range"] == f"bytes 1000-1999/{len(content)}"
    assert part.content == content[1000:2000]
    assert reader.open(media, headers={"Range": "bytes=-10"}).content == content[-10:]


def test_one_clock_runs_however_many_hosts_start_one(cluster):
    command = [sys.executable, "manage.py", "run_periodic_jobs", "--loop", "--round-seconds", "0.2"]
    first = cluster.start(*command, piped=True)
    first_output = Output(first)
    first_output.wait_for("runs the periodic jobs")
    second = cluster.start(*command, piped=True)
    second_output = Output(second)
    second_output.wait_for("stands by")
    # The lease in the shared cache names the first (host name and process id).
    lease = cluster.manage(
        "shell",
        "-c",
        "from django.core.cache import cache; print(cache.get('periodic-clock-lease'))",
    ).stdout.strip()
    assert lease.endswith(f":{first.pid}")
    first.terminate()
    first.wait(timeout=30)
    # … and takes over as soon as the first stops.
    second_output.wait_for("runs the periodic jobs")
    assert not any("runs the periodic jobs" in line for line in second_output.seen[:-1])
    second.terminate()
    second.wait(timeout=30)


def test_two_task_workers_take_each_job_once(cluster, tmp_path):
    log = tmp_path / "deliveries.txt"
    log.touch()
    script = (
        "from tests.deployment.tasks import note_delivery\n"
        f"for number in range({JOBS}):\n"
        f"    note_delivery.enqueue(number=number, log={str(log)!r})\n"
    )
    cluster.manage("shell", "-c", script)
    deadline = time.monotonic() + 120
    while len(log.read_text().splitlines()) < JOBS and time.monotonic() < deadline:
        time.sleep(0.1)
    deliveries = [line.split() for line in log.read_text().splitlines()]
    numbers = sorted(int(number) for number, _pid in deliveries)
    assert numbers == list(range(JOBS)), "each job once, none twice, none lost"
    assert len({pid for _number, pid in deliveries}) == 2, "both workers took jobs"
    Path(log).unlink()


# Last: its wrong passwords also count towards allauth's limit of log-ins per minute from
# one client address (the proxy's), which the tests above spend too.
def test_the_log_in_limit_counts_the_wrong_passwords_on_both_servers(cluster):
    def log_in(attempt: int) -> str:
        visitor = Visitor(cluster, "groningen.localhost", server=attempt % 2)
        response = visitor.log_in("mirjam.leergang@example.org", "fout")
        return response.text if response.status_code == 200 else str(response.status_code)

    with ThreadPoolExecutor(max_workers=4) as pool:
        answers = list(pool.map(log_in, range(16)))
    with translation.override("nl"):
        tried = str(escape(DefaultAccountAdapter.error_messages["email_password_mismatch"]))
    # ACCOUNT_RATE_LIMITS: 5 wrong passwords per 15 minutes per address, on all servers.
    assert sum(tried in answer for answer in answers) == 5
