"""Adversarial text for every reader finishes: the readers' patterns do not backtrack without end.

The bound here is a generous safety net (a catastrophic pattern takes hours, not seconds); the
linear curve is measured in benchmarks/bench.py --hostile.
"""

from __future__ import annotations

import signal
import sys
from collections.abc import Iterator

import pytest

from tipcheck.engine import Checker
from tipcheck.extract import READERS

ADVERSARIAL = {
    "digits": "In the 2014 trafficking report " + "9" * 200_000 + " countries were on Tier 3.",
    "tier tier": "Tier " * 40_000 + "3 trafficking.",
    "commas": "North Korea, Tier 3," + "," * 100_000 + " the trafficking report said.",
    "long sentence": ("Cuba stayed on Tier 2 Watch List in the trafficking report and " * 16_000)[:1_000_000],
    "numbers words": "twenty " * 30_000 + "countries on Tier 3 in the trafficking report.",
    "watch list": "watch list " * 30_000 + "trafficking.",
    "ordinals": "for the twelfth " * 20_000 + "consecutive year on Tier 3 of the trafficking report.",
    "quotes": '"Tier 3' * 30_000 + " trafficking.",
    "dates": "Friday, June 3 " * 20_000 + "2005 trafficking report released.",
}


@pytest.fixture
def deadline() -> Iterator[None]:
    """Fail (rather than hang) past 120 s of one input, where the platform has SIGALRM."""
    if sys.platform == "win32":
        yield
        return

    def stop(*_: object) -> None:
        raise TimeoutError("catastrophic backtracking: an input took more than 120 s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(120)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_adversarial_text_finishes(name: str, checker: Checker, deadline: None) -> None:
    result = checker.scan_text(ADVERSARIAL[name], "adversarial.txt")
    assert result.summary.documents == 1


def test_every_reader_is_exercised() -> None:
    assert len(READERS) >= 5  # the inputs above aim at tiers, streaks, counts, moves, releases, estimates
