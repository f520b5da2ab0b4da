"""Speed of the personal-data check of the learning circles on long texts.

Builds texts of 2,000 and 20,000 characters from the sentences of the test corpus
(`circles/tests/personal_data_corpus.py`): one from the sentences without personal data
(what a member usually saves) and one from all sentences (a text full of findings), and a
few repetitive texts that would make a badly written pattern backtrack. For each it prints
the number of findings and the median and 95th percentile in ms of `find_personal_data`,
in CPU time of this process, so other work on a shared machine does not count.

    .venv/bin/python benchmarks/personal_data.py [--repeat 20]
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

import django

django.setup()

from circles.personal_data import find_personal_data  # noqa: E402
from circles.tests.personal_data_corpus import NOT_PERSONAL, PERSONAL, TODAY  # noqa: E402


def text_of(sentences: list[str], length: int) -> str:
    text = " ".join(sentences)
    return (text * (length // len(text) + 1))[:length]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=20)
    repeat = parser.parse_args().repeat
    everything = NOT_PERSONAL + [text for _, text in PERSONAL]
    texts = {
        "clean, 2,000 characters": text_of(NOT_PERSONAL, 2_000),
        "clean, 20,000 characters": text_of(NOT_PERSONAL, 20_000),
        "full of findings, 20,000 characters": text_of(everything, 20_000),
        "digits and spaces, 20,000": "1 " * 10_000,
        "dots and letters then @, 20,001": "a." * 10_000 + "@",
        "initials, 21,000": "A. " * 7_000,
    }
    print(f"{'text':40} {'findings':>8} {'median ms':>10} {'p95 ms':>8}")
    for name, text in texts.items():
        timings = []
        for _ in range(repeat):
            start = time.process_time()
            findings = find_personal_data(text, today=TODAY)
            timings.append((time.process_time() - start) * 1000)
        timings.sort()
        p95 = timings[min(len(timings) - 1, round(0.95 * len(timings)))]
        print(f"{name:40} {len(findings):>8} {statistics.median(timings):>10.1f} {p95:>8.1f}")


if __name__ == "__main__":
    main()
