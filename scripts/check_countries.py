"""Check rules/facts/manual/countries.yaml against the tier data, and show how texts are read.

    python scripts/check_countries.py               # names, codes vs ../shared/data/tip_tiers.csv
    python scripts/check_countries.py --close       # forms of two countries 1-2 edits apart
    python scripts/check_countries.py FILE.txt ...  # every mention found, and how

Exit status 1 when a canonical name or code disagrees with the CSV.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from pathlib import Path

from rapidfuzz.distance import OSA

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tipcheck.countries import CountryIndex  # noqa: E402

CSV = ROOT.parent / "shared" / "data" / "tip_tiers.csv"


def check_csv(index: CountryIndex) -> int:
    """Compare canonical names and ISO codes with the CSV; the number of disagreements."""
    if not CSV.exists():
        print(f"skipped: {CSV} not found")
        return 0
    with CSV.open(encoding="utf-8") as handle:
        rows = {r["country"]: r["iso3"] for r in csv.DictReader(handle)}
    problems = [f"missing from countries.yaml: {n}" for n in sorted(set(rows) - set(index.names))]
    problems += [f"not in the CSV: {n}" for n in index.names if n not in rows]
    problems += [
        f"{n}: iso3 {index.iso3(n)} in countries.yaml, {rows[n]} in the CSV"
        for n in index.names
        if n in rows and index.iso3(n) != rows[n]
    ]
    problems += [f"{n} does not resolve to itself" for n in rows if index.resolve(n) != n]
    for problem in problems:
        print(problem)
    print(f"{len(rows)} countries in the CSV, {len(index.names)} in countries.yaml")
    return len(problems)


def close_pairs(index: CountryIndex) -> None:
    """Forms of different countries within two edits: what fuzzy matching must never cross."""
    owners = [(key, owner) for key, (owner, _) in index._fz_meta.items() if owner]
    for i, (key, owner) in enumerate(owners):
        for other, other_owner in owners[i + 1 :]:
            if other_owner != owner and abs(len(key) - len(other)) <= 2:
                distance = OSA.distance(key, other, score_cutoff=2)
                if distance <= 2:
                    print(f"{distance}  {key!r} ({owner})  ~  {other!r} ({other_owner})")


def show(index: CountryIndex, path: Path) -> None:
    """Every mention in one text file."""
    text = path.read_text(encoding="utf-8", errors="replace")
    started = time.perf_counter()
    mentions = index.find(text)
    took = (time.perf_counter() - started) * 1000
    print(f"== {path} ({len(text)} chars, {len(mentions)} mentions, {took:.2f} ms)")
    for m in mentions:
        line = text.count("\n", 0, m.start) + 1
        extra = f" candidates={list(m.candidates)}" if m.candidates else ""
        print(f"{line:5}  {m.how:9} {m.surface!r:40} -> {m.country}{extra}")


def main() -> int:
    """Run the checks asked for on the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--close", action="store_true", help="list confusable forms")
    args = parser.parse_args()
    index = CountryIndex.load()
    bad = check_csv(index)
    if args.close:
        close_pairs(index)
    for path in args.files:
        show(index, path)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
