"""A task for the test that two task workers take each job once: it notes who ran it."""

import os

from django_tasks import task


@task()
def note_delivery(*, number: int, log: str) -> None:
    # One write() of one short line in append mode: lines of processes never mix.
    with open(log, "a") as file:
        file.write(f"{number} {os.getpid()}\n")
