"""Throughput, memory and stage times of `tipcheck scan` beside the naive baseline, on the same files.

    python benchmarks/bench.py [--sizes 1000 10000] [--jobs 1 2] [--work DIR] [--hostile]

For each corpus size (benchmarks/corpus.py, seed 7) it prints one table row per run: the naive
baseline (benchmarks/naive.py) in one process and in as many processes as each --jobs, and
`tipcheck scan --format parsable --jobs N` as a fresh process (fact-base cache warm), with MB/s, the
ratio to the one-process naive scan and to the naive scan on as many processes, documents/s, wall
and CPU seconds, and peak resident memory of the process tree. Then the stage times of one
in-process scan (read, candidates, extract, check, report: CPU seconds summed over documents) and
whether --jobs 1 and 2 print the same bytes.
--hostile adds the linear-time curves: one long line (1.25, 2.5, 5 MB) and a large file (12.5,
25, 50 MB), under a raised --max-file-size.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus
import naive


def _tree_rss(pid: int) -> int:
    """Proportional resident kB (PSS: pages shared after fork counted once) of a process tree."""
    total, stack, seen = 0, [pid], set()
    while stack:
        current = stack.pop()
        if current in seen:
            continue
        seen.add(current)
        try:
            with open(f"/proc/{current}/smaps_rollup") as status:
                for line in status:
                    if line.startswith("Pss:"):
                        total += int(line.split()[1])
            with open(f"/proc/{current}/task/{current}/children") as children:
                stack += [int(c) for c in children.read().split()]
        except (OSError, ValueError):
            continue
    return total


# Fresh processes start as an installed tool does: from compiled bytecode. `pip install .` compiles
# it at install time; an editable install under PYTHONDONTWRITEBYTECODE=1 would compile every module
# from source at every start (0.15 s here), so the runs keep bytecode in the benchmark's own folder.
_ENV: dict[str, str] = {}


def _child_env(work: Path) -> None:
    """Let the timed processes write and reuse bytecode under WORK (never in the source tree)."""
    _ENV.update({k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"})
    _ENV.setdefault("PYTHONPYCACHEPREFIX", str(work / "pycache"))


def run_cli(args: list[str], watch_memory: bool = True) -> tuple[float, float, int, bytes, int]:
    """(wall s, CPU s of the tree, peak kB of the tree, stdout, exit code) of `tipcheck ARGS`.

    Watching memory polls /proc every 20 ms, which costs CPU and rounds the wall time up to the
    poll: a cold start is timed without it (peak 0)."""
    before = os.times()
    clock = time.perf_counter()
    with tempfile.TemporaryFile() as out:
        process = subprocess.Popen([sys.executable, "-c", "from tipcheck.entry import main; main()", *args],
                                   stdout=out,
                                   stderr=subprocess.DEVNULL,
                                   env=_ENV or None)
        peak = 0
        if not watch_memory:
            process.wait()
        while process.poll() is None:
            peak = max(peak, _tree_rss(process.pid))
            time.sleep(0.02)
        wall = time.perf_counter() - clock
        out.seek(0)
        printed = out.read()
    after = os.times()
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    return wall, cpu, peak, printed, process.returncode


def stages(folder: Path) -> dict[str, float]:
    """CPU seconds per stage of one in-process scan with --jobs 1."""
    from tipcheck.commands.common import load_checker
    from tipcheck.report import parsable

    checker = load_checker(False, None)
    result = checker.scan_paths([str(folder)], jobs=1)
    clock = time.perf_counter()
    parsable(result)
    return {**result.stages, "report": time.perf_counter() - clock}


def row(name: str, docs: int, megabytes: float, wall: float, cpu: float, peak_kb: int | None,
        naive_wall: float, naive_same_cores: float) -> str:
    """One Markdown table row: the ratios are to the one-process naive scan and to the naive scan on
    as many processes."""
    peak = f"{peak_kb / 1024:.0f} MB" if peak_kb else "-"
    return (f"| {docs:,} | {name} | {megabytes / wall:.1f} | {naive_wall / wall:.1f}× | "
            f"{naive_same_cores / wall:.1f}× | {docs / wall:,.0f} | {wall:.2f} | {cpu:.2f} | {peak} |")


def corpus_rows(work: Path, docs: int, jobs: list[int]) -> None:
    """Baseline and tipcheck rows for one corpus size, then its stage times."""
    folder = work / f"corpus-{docs}"
    if not folder.is_dir():
        corpus.generate(folder, docs, seed=7)
    megabytes = sum(p.stat().st_size for p in folder.iterdir()) / 1e6
    naive_walls: dict[int, float] = {}
    for n in sorted({1, *jobs}):
        before = os.times()
        _, _, _, naive_walls[n] = naive.scan(folder, n)
        after = os.times()
        cpu = sum(getattr(after, k) - getattr(before, k)
                  for k in ("user", "system", "children_user", "children_system"))
        processes = "1 process" if n == 1 else f"{n} processes"
        print(row(f"naive baseline (20 regexes, {processes})", docs, megabytes, naive_walls[n], cpu, None,
                  naive_walls[1], naive_walls[n]))
    outputs = {}
    run_cli(["scan", str(folder), "--format", "parsable", "--jobs", "1"])  # warm the cache
    for n in jobs:
        wall, cpu, peak, printed, code = run_cli(["scan", str(folder), "--format", "parsable",
                                                  "--jobs", str(n)])
        outputs[n] = printed
        print(row(f"tipcheck scan --jobs {n} (exit {code})", docs, megabytes, wall, cpu, peak, naive_walls[1],
                  naive_walls[n]))
    same = len(set(outputs.values())) == 1
    times = stages(folder)
    print("|  | stages, CPU s (jobs 1): " + ", ".join(f"{k} {v:.2f}" for k, v in times.items())
          + f"; output identical for --jobs {', '.join(map(str, jobs))}: {same} |  |  |  |  |  |  |  |")


def hostile_curves(work: Path) -> None:
    """Linear time: one long line and one large file, each at three sizes."""
    print("\n| input | MB | seconds | MB/s |\n| --- | ---: | ---: | ---: |")
    sentence = ("North Korea stayed on Tier 3 for the 12th consecutive year, the trafficking report said, "
                "and officials in Riverton said the budget was discussed again on Tuesday. ")
    for label, joiner, sizes in (("one line", " ", (1.25, 2.5, 5)), ("large file", "\n", (12.5, 25, 50))):
        for megabytes in sizes:
            path = work / f"hostile-{label.replace(' ', '-')}-{megabytes}.txt"
            count = int(megabytes * 1e6 / len(sentence))
            path.write_text(joiner.join([sentence.strip()] * count), encoding="utf-8")
            wall, _, _, _, code = run_cli(["scan", str(path), "--format", "parsable",
                                           "--max-file-size", "100MB", "--jobs", "1"])
            print(f"| {label} (exit {code}) | {megabytes} | {wall:.2f} | {megabytes / wall:.2f} |")
            path.unlink()


def main() -> None:
    """Command line: see the module docstring."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "tipcheck-bench")
    parser.add_argument("--hostile", action="store_true")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    print(f"cores: {len(os.sched_getaffinity(0))}, load average: {os.getloadavg()[0]:.2f}, "
          f"python {sys.version.split()[0]}\n")
    _child_env(args.work)
    print("| documents | run | MB/s | vs naive (1 process) | vs naive (same processes) | documents/s "
          "| wall s | CPU s | peak memory (PSS) |")
    print("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for docs in args.sizes:
        corpus_rows(args.work, docs, args.jobs)
    if args.hostile:
        hostile_curves(args.work)
    draft = args.work / "draft.md"
    draft.write_text("North Korea stayed on Tier 3 for the 12th consecutive year in the 2014 report.\n")
    print()
    for command in ("check", "scan"):
        run_cli([command, str(draft), "--format", "parsable"])  # bytecode and caches written
        walls = sorted(run_cli([command, str(draft), "--format", "parsable"], False)[0] for _ in range(5))
        nocache = run_cli([command, str(draft), "--format", "parsable", "--no-cache"], False)[0]
        print(f"cold start, `tipcheck {command}` of one short draft (fresh process, median of 5): "
              f"{walls[2]:.2f} s (--no-cache: {nocache:.2f} s)")


if __name__ == "__main__":
    main()
