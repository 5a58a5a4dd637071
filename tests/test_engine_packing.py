"""Verdicts sent back packed by worker processes unpack to what one process finds, in the same order."""

from __future__ import annotations

import shutil
from pathlib import Path

from tipcheck.engine import Checker

REPO = Path(__file__).resolve().parents[1]


def _verdicts(result) -> list[tuple]:
    return [(v.rule.code, v.claim.span.path, v.claim.span.start, v.claim is v.outcome.claim,
             v.outcome.verdict, sorted(map(str, v.outcome.values.items())), v.outcome.derivation,
             v.outcome.related, v.outcome.holds_for, v.outcome.severity, v.outcome.suggestion)
            for v in result.verdicts]


def test_packed_verdicts_unpack_alike(tmp_path: Path, checker: Checker) -> None:
    for copy in range(3):  # more than eight files: worker processes
        for seed in sorted((REPO / "seeds").glob("*.txt")):
            (tmp_path / f"{copy}-{seed.name}").write_bytes(seed.read_bytes())
    shutil.copy(REPO / "tests" / "fixtures" / "documents" / sorted(
        p.name for p in (REPO / "tests" / "fixtures" / "documents").glob("*.md"))[0], tmp_path)
    one = checker.scan_paths([tmp_path], jobs=1)
    two = checker.scan_paths([tmp_path], jobs=2)
    assert two._packed  # the workers' verdicts are still packed ...
    claims = {id(c) for c in two.claims}
    assert _verdicts(two) == _verdicts(one) and len(one.verdicts) > 20  # ... and unpack alike
    assert all(id(v.claim) in claims for v in two.verdicts)  # on the result's own claims
    two.verdicts = two.verdicts[:3]  # and can be replaced, as `check` does for one draft
    assert len(two.verdicts) == 3 and not two._packed


def test_the_pool_minder_waits_on_the_pool_alone() -> None:
    """Not on the result pipe, which kept it spinning while the parent read results."""
    import multiprocessing

    from tipcheck.engine import _pool_class

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    with _pool_class()(1, context=multiprocessing.get_context(method)) as pool:
        assert pool._get_sentinels() == [pool._change_notifier._reader]
        assert pool.apply(len, ("abc",)) == 3
