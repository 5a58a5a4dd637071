"""The project's own annotated sets (eval/extra/<set>/orig and planted) stay above a floor.

The floors sit a little under what each set scores today, so a change that buys one set at the cost
of another fails here (see eval/extra/README.md).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

EXTRA = Path(__file__).resolve().parents[1] / "eval" / "extra"
FOLDERS = sorted(p for p in EXTRA.glob("*/*") if p.is_dir() and p.name in ("orig", "planted"))
FLOOR = {"recall": 0.80, "precision": 0.90, "coverage": 0.75}
# Sets e and f were first measured untuned (e: precision 0.75, f: 0.58), then their false positives
# were fixed as general rules (session 3); each keeps a floor of its own just under where it stands.
OWN_FLOOR = {"e": {"recall": 0.70, "precision": 0.95, "coverage": 0.78},
             "f": {"recall": 0.85, "precision": 0.95, "coverage": 0.90},
             # g: written at the end of session 3, first measured 0.82 / 0.45 / 0.94 (one misdated op-ed)
             "g": {"recall": 0.85, "precision": 0.88, "coverage": 0.90},
             # h: written in session 4 before any fix, first measured 0.79 / 0.80 / 0.91
             "h": {"recall": 0.80, "precision": 0.90, "coverage": 0.90},
             # i: written in session 4 after the fixes for h, first measured 0.83 / 0.48 / 0.94
             "i": {"recall": 0.88, "precision": 0.95, "coverage": 0.90},
             # j: written at the end of session 4, measured untuned 0.68 / 0.67 / 0.89 (planted 0.77 / 0.77);
             # after the session 5 rules 0.89 / 1.00 / 0.97 (planted 0.94 / 1.00)
             "j": {"recall": 0.85, "precision": 0.95, "coverage": 0.93},
             # k: written at the start of session 5, measured untuned 0.86 / 0.71 / 0.91 (planted 0.91 / 0.85)
             # (after the session 5 and 6 rules: 0.95 / 1.00 / 0.92)
             "k": {"recall": 0.90, "precision": 0.95, "coverage": 0.88},
             # l: written in session 5 after the fixes for j and k, measured untuned 0.75 / 0.65 / 0.89
             # (planted 0.81 / 0.79)
             # (after the session 5 and 6 rules: 1.00 / 1.00 / 0.95)
             "l": {"recall": 0.90, "precision": 0.95, "coverage": 0.90},
             # m: written in session 6 (after the first fixes for j, k, l), measured untuned 0.80 / 0.40 /
             # 0.76 (planted 0.81 / 0.53)
             # (after the session 6 rules: 0.95 / 1.00 / 0.89, planted 0.90 / 1.00)
             "m": {"recall": 0.90, "precision": 0.95, "coverage": 0.85},
             # n: written in session 6 after the rules for m, measured untuned 0.58 / 0.47 / 0.62 (planted
             # 0.61 / 0.59)
             # (after its rules: 0.68 / 1.00 / 0.78; its misses are group claims and a thread's abbreviations)
             "n": {"recall": 0.65, "precision": 0.95, "coverage": 0.75},
             # o: eight real-news-style articles written in session 6 after the rules for m and n, measured
             # untuned 0.76 / 0.77 / 0.89 (planted 0.82 / 0.82, 11 of 12 planted found)
             # (after its rules: 0.81 / 1.00 / 0.92, planted 0.85 / 0.97)
             "o": {"recall": 0.78, "precision": 0.95, "coverage": 0.88},
             # p: eight real-news-style articles written at the end of session 6 after the rules for o,
             # measured untuned 0.86 / 0.80 / 0.82 (planted 0.86 / 0.87, 13 of 15 planted found)
             # (after its first rules: 0.86 / 0.95 / 0.82)
             "p": {"recall": 0.80, "precision": 0.90, "coverage": 0.78}}


@pytest.mark.parametrize("folder", FOLDERS, ids=[f"{p.parent.name}-{p.name}" for p in FOLDERS])
def test_each_extra_set_stays_above_its_floor(folder: Path):
    done = subprocess.run([sys.executable, "-m", "tipcheck", "eval", str(folder), "--format", "json"],
                          capture_output=True, text=True, timeout=300,
                          env={**os.environ, "NO_COLOR": "1"})
    assert done.returncode == 0, done.stderr
    for group in json.loads(done.stdout)["groups"]:
        for metric, floor in OWN_FLOOR.get(folder.parent.name, FLOOR).items():
            value = group["overall"][metric]
            assert value is not None and value >= floor, f"{group['name']}: {metric} {value} < {floor}"


def test_there_are_extra_sets():
    assert len(FOLDERS) >= 2
