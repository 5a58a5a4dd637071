"""The naive baseline: one process reads every file and runs 20 compiled regular expressions.

No prefilter, no sentences, no checks: tiers, streaks, counts, moves and report years, each pattern
over each whole file. `python benchmarks/naive.py FOLDER [JOBS]` prints files, MB, seconds and MB/s.
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

_NUM = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty)"
_ORD = r"(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)"
PATTERNS = [re.compile(p, re.IGNORECASE) for p in (
    # tiers
    r"\bTier[- ]?(?:1|2|3|one|two|three|I{1,3})\b",
    r"\bTier\s+2\s+Watch\s*List\b",
    r"\bwatch[- ]?list\b",
    r"\bworst\s+offenders?\b",
    r"\bblack-?list(?:ed)?\b",
    r"\b(?:lowest|highest|top|bottom)\s+(?:tier|ranking|rating|category)\b",
    # streaks
    rf"\b{_ORD}\s+(?:consecutive|straight|successive)\s+(?:year|report)s?\b",
    rf"\b{_NUM}\s+(?:consecutive|straight|successive)\s+years\b",
    rf"\b{_NUM}\s+years\s+in\s+a\s+row\b",
    r"\b(?:since|from)\s+(?:19|20)\d\d\b",
    # counts
    rf"\b{_NUM}\s+(?:other\s+)?(?:countries|nations|governments)\b",
    rf"\bnumber\s+of\s+(?:countries|nations)\s+(?:\w+\s+){{0,2}}(?:fell|rose|was)\s+(?:to\s+)?{_NUM}",
    rf"\b(?:examin|cover|assess|rank)\w*\s+{_NUM}\s+(?:countries|nations)\b",
    # moves
    r"\b(?:upgrad|downgrad|promot|demot|relegat)\w*\b",
    r"\bmoved?\s+(?:up|down)\s+(?:to|from)\b",
    r"\bfrom\s+Tier\s+\w+\s+to\s+Tier\s+\w+\b",
    # report years and release
    r"\b(?:19|20)\d\d\s+(?:Trafficking\s+in\s+Persons|TIP)\s+[Rr]eport\b",
    r"\b(?:Trafficking\s+in\s+Persons|TIP)\s+[Rr]eport\s*\(?(?:19|20)\d\d\b",
    r"\breleas\w*\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b",
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s+\d{1,2},?\s+(?:19|20)\d\d\b",
)]
assert len(PATTERNS) == 20


def scan(folder: Path, jobs: int = 1) -> tuple[int, int, int, float]:
    """(files, bytes, matches, seconds) for every file under FOLDER, sorted; JOBS processes, each
    scanning an equal share of the files (the issue's "naive baseline on two cores")."""
    clock = time.perf_counter()
    paths = sorted(p for p in folder.rglob("*") if p.is_file())
    if jobs <= 1:
        files, size, found = _scan_files(paths)
    else:
        import multiprocessing

        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            shares = pool.map(_scan_files, [paths[k::jobs] for k in range(jobs)])
        files, size, found = (sum(share[i] for share in shares) for i in range(3))
    return files, size, found, time.perf_counter() - clock


def _scan_files(paths: list[Path]) -> tuple[int, int, int]:
    files = size = found = 0
    for path in paths:
        data = path.read_bytes()
        text = data.decode("utf-8", errors="replace")
        files += 1
        size += len(data)
        for pattern in PATTERNS:
            found += sum(1 for _ in pattern.finditer(text))
    return files, size, found


def main() -> None:
    """Command line: FOLDER [JOBS]."""
    files, size, found, seconds = scan(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 1)
    print(f"{files} files, {size / 1e6:.1f} MB, {found} matches, {seconds:.2f} s, "
          f"{size / 1e6 / seconds:.1f} MB/s")


if __name__ == "__main__":
    main()
