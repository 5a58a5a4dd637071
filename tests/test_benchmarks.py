"""The benchmark's own tools: the corpus is the same for the same seed, and the naive baseline finds
the same matches in one process as in two (so the two rows of the table measure the same work)."""

from __future__ import annotations

import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

import corpus  # noqa: E402
import naive  # noqa: E402


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_the_corpus_is_the_same_for_the_same_seed_and_differs_for_another(tmp_path: Path) -> None:
    corpus.generate(tmp_path / "a", 40, seed=3)
    corpus.generate(tmp_path / "b", 40, seed=3)
    corpus.generate(tmp_path / "c", 40, seed=4)
    assert _files(tmp_path / "a") == _files(tmp_path / "b")
    assert _files(tmp_path / "a") != _files(tmp_path / "c")
    assert len(_files(tmp_path / "a")) == 40


def test_the_naive_baseline_does_the_same_work_on_two_processes(tmp_path: Path) -> None:
    corpus.generate(tmp_path, 60, seed=5)
    files, size, found, _ = naive.scan(tmp_path)
    assert (files, size) == (60, sum(p.stat().st_size for p in tmp_path.iterdir()))
    assert found > 0
    assert naive.scan(tmp_path, 2)[:3] == (files, size, found)
