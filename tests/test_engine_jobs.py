"""Scanning with worker processes gives the same bytes as one process; the fact-base cache."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tipcheck import cache
from tipcheck.commands.common import load_base, load_checker
from tipcheck.engine import Checker
from tipcheck.report import parsable, to_json

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures" / "documents"


def _corpus(root: Path) -> Path:
    """The seeds, each copied under several names, plus the fixture documents: > 8 files, so workers."""
    for copy in range(4):
        for seed in sorted((REPO / "seeds").glob("*.txt")):
            target = root / f"c{copy}" / seed.name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(seed, target)
    for document in sorted(FIXTURES.glob("*.md")):
        shutil.copy(document, root / document.name)
    (root / "bad.txt").write_bytes(b"\0binary")
    return root


def test_same_output_for_any_jobs(tmp_path: Path, checker: Checker) -> None:
    root = _corpus(tmp_path)
    one = checker.scan_paths([root], jobs=1)
    two = checker.scan_paths([root], jobs=2)
    assert one.claims and one.findings
    assert parsable(one) == parsable(two)
    assert to_json(one, "v") == to_json(two, "v")
    assert [str(p) for p in one.problems] == [str(p) for p in two.problems]
    assert [(v.rule.code, v.claim.span.path, v.claim.span.start) for v in one.verdicts] == \
        [(v.rule.code, v.claim.span.path, v.claim.span.start) for v in two.verdicts]


def test_workers_leave_verdicts_out_when_nobody_reads_them(tmp_path: Path, checker: Checker,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    root = _corpus(tmp_path)
    kept = checker.scan_paths([root], jobs=2)
    monkeypatch.setattr(checker, "keep_verdicts", False)
    left_out = checker.scan_paths([root], jobs=2)
    assert kept.verdicts and parsable(left_out) == parsable(kept)
    # only the checks across documents, which run in this process, still leave verdicts
    assert {v.rule.kind.scope for v in left_out.verdicts} <= {"corpus"}


def test_a_scan_collects_less_often_and_puts_the_collector_back(tmp_path: Path, checker: Checker,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    import gc

    from tipcheck import engine

    seen: list[int] = []
    scan_file = engine.Checker.scan_file
    monkeypatch.setattr(engine.Checker, "scan_file",
                        lambda self, path: seen.append(gc.get_threshold()[0]) or scan_file(self, path))
    before = gc.get_threshold()
    checker.scan_paths([_corpus(tmp_path)], jobs=1)
    assert seen and set(seen) == {engine._SCAN_GC_THRESHOLD}
    assert gc.get_threshold() == before


def test_seeds_findings_do_not_depend_on_jobs(checker: Checker) -> None:
    seeds = [str(p) for p in sorted((REPO / "seeds").glob("*.txt"))]
    assert parsable(checker.scan_paths(seeds, jobs=1)) == parsable(checker.scan_paths(seeds, jobs=2))


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv(cache.ENV_OFF, raising=False)
    monkeypatch.setattr("sys.argv", ["tipcheck"])
    return tmp_path / "xdg" / "tipcheck"


def test_fact_base_cache_is_written_then_used(cache_home: Path) -> None:
    facts, _ = load_base(False)
    (written,) = cache_home.glob("factbase-*.pickle")
    again, _ = load_base(False)
    assert again.version == facts.version
    assert again.tier("North Korea", 2014) == facts.tier("North Korea", 2014)
    assert list(cache_home.glob("factbase-*.pickle")) == [written]


def test_corrupted_cache_is_rebuilt(cache_home: Path) -> None:
    load_base(False)
    (written,) = cache_home.glob("factbase-*.pickle")
    written.write_bytes(b"\x80\x05 not a pickle")
    facts, _ = load_base(False)
    assert facts.tier("North Korea", 2014) is not None
    assert written.read_bytes()[:1] == b"\x80" and len(written.read_bytes()) > 1000  # rewritten


def test_no_cache_writes_nothing(cache_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.argv", ["tipcheck", "scan", "--no-cache", "x"])
    load_checker(False, None)
    assert not cache_home.exists()


def test_unwritable_cache_folder_is_no_error(cache_home: Path) -> None:
    cache_home.parent.mkdir(parents=True)
    cache_home.write_text("a file where the folder should be")
    facts, _ = load_base(False)
    assert facts.tier("North Korea", 2014) is not None


def test_cache_key_follows_the_fact_files(tmp_path: Path) -> None:
    overlay = tmp_path / "mine.yaml"
    overlay.write_text("# one\n")
    keys = {cache.content_key(("base", False, [str(overlay)]), cache.files_under([overlay]))}
    overlay.write_text("# changed\n")
    keys.add(cache.content_key(("base", False, [str(overlay)]), cache.files_under([overlay])))
    assert len(keys) == 2
