"""Everything tipcheck reads and finds in a set of folders, written down to compare after a speed-up.

    python benchmarks/snapshot.py write SNAPSHOT FOLDER...
    python benchmarks/snapshot.py compare SNAPSHOT FOLDER...

A change meant only to make tipcheck faster must not change what it reads: every claim (file, offsets,
kind, fields, reading, negation, attribution, years), every finding (file, line, column, rule, message,
suggestion) and every unread sentence. `compare` prints the first differences per file and exits 1 when
there are any. Point it at the seeds, the test fixtures, the eval sets and a generated corpus
(benchmarks/corpus.py) to cover both the phrasing of real articles and volume.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def snapshot(folders: list[str]) -> dict[str, list[str]]:
    """Per file: one line for each claim, finding and unread sentence, in scan order."""
    from tipcheck.commands.common import load_checker

    checker = load_checker(False, None)
    result = checker.scan_paths(folders, jobs=1)
    lines: dict[str, list[str]] = defaultdict(list)
    for claim in result.claims:
        lines[claim.span.path].append(json.dumps(
            ["claim", claim.span.start, claim.span.end, claim.kind, claim.reading,
             sorted((k, repr(v)) for k, v in claim.fields.items()), claim.negated, claim.attributed,
             list(claim.years), claim.year_explicit]))
    for finding in sorted(result.findings, key=lambda f: (f.path, f.line, f.column, f.rule, f.message)):
        lines[finding.path].append(json.dumps(
            ["finding", finding.line, finding.column, finding.rule, finding.message,
             list(finding.derivation), [r.message for r in finding.related], finding.suggestion,
             finding.severity], default=str))
    for path, line, text in result.unread:
        lines[path].append(json.dumps(["unread", line, text]))
    return dict(lines)


def main(argv: list[str]) -> int:
    """Write or compare a snapshot; exit 1 when a comparison finds a difference."""
    if len(argv) < 3 or argv[0] not in ("write", "compare"):
        print(__doc__.strip().splitlines()[2:4], file=sys.stderr)
        return 2
    command, target, folders = argv[0], Path(argv[1]), argv[2:]
    now = snapshot(folders)
    if command == "write":
        target.write_text(json.dumps(now, indent=0, sort_keys=True), encoding="utf-8")
        print(f"{sum(map(len, now.values()))} lines from {len(now)} files -> {target}")
        return 0
    before: dict[str, list[str]] = json.loads(target.read_text(encoding="utf-8"))
    differing = 0
    for path in sorted(set(before) | set(now)):
        old, new = before.get(path, []), now.get(path, [])
        if old == new:
            continue
        differing += 1
        if differing <= 20:
            print(f"{path}:")
            gone = [f"  - {x}" for x in old if x not in new][:5]
            came = [f"  + {x}" for x in new if x not in old][:5]
            print("\n".join(gone + came))
    lines = sum(map(len, now.values()))
    print(f"{lines} lines from {len(now)} files; {differing} files differ")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
