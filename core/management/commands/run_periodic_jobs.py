import os
import signal
import socket
import time
from types import FrameType
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from core.periodic import hold_clock_lease, release_clock_lease, run_due_jobs

ROUND_SECONDS = 60
# A clock that stops without a word (a host that dies) is replaced after this many rounds.
LEASE_ROUNDS = 3


class Command(BaseCommand):
    help = (
        "Run the periodic jobs that are due; with --loop, check again every minute. Started "
        "on several hosts, one of them runs the jobs and the others stand by."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--loop", action="store_true", help="Keep running, once a minute.")
        parser.add_argument(
            "--round-seconds",
            type=float,
            default=ROUND_SECONDS,
            help="Seconds between rounds (tests use less).",
        )

    def handle(self, *args: Any, loop: bool, round_seconds: float, **options: Any) -> None:
        holder = f"{socket.gethostname()}:{os.getpid()}"
        lease = max(int(round_seconds * LEASE_ROUNDS), 1)
        if loop:
            # SIGTERM (systemd, a container stop) ends the loop cleanly: the lease goes.
            signal.signal(signal.SIGTERM, _stop)
        holding: bool | None = None  # said nothing yet
        try:
            while True:
                now_holding = hold_clock_lease(holder=holder, seconds=lease)
                if now_holding != holding:
                    self.stdout.write(
                        f"Clock {holder} runs the periodic jobs."
                        if now_holding
                        else f"Clock {holder} stands by: another clock runs the jobs."
                    )
                holding = now_holding
                if holding:
                    for name in run_due_jobs():
                        self.stdout.write(f"Ran {name}.")
                self.stdout.flush()
                if not loop:
                    return
                time.sleep(round_seconds)
        except KeyboardInterrupt:
            pass
        finally:
            release_clock_lease(holder=holder)


def _stop(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt
