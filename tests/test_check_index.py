"""The per-kind index of the one-claim checks (checks.CLAIM_KINDS) hands a check every claim it could
judge: given a claim of any other kind, each check returns nothing."""

from __future__ import annotations

from dataclasses import replace

import pytest
from test_triggers import DOCUMENTS

from tipcheck.checks import CHECKS, CLAIM_KINDS, Env
from tipcheck.engine import Checker


@pytest.fixture(scope="module")
def claims(checker: Checker) -> list:
    found = checker.scan_paths([str(p) for p in DOCUMENTS], jobs=1).claims
    assert len({c.kind for c in found}) >= 8  # enough kinds to test every check against
    return found


def test_every_claim_check_is_indexed() -> None:
    assert set(CLAIM_KINDS) == {name for name, kind in CHECKS.items() if kind.scope == "claim"}


@pytest.mark.parametrize("name", sorted(CLAIM_KINDS))
def test_a_check_judges_only_its_kinds(name: str, claims: list, checker: Checker) -> None:
    env = Env(checker.facts)
    function = CHECKS[name].function
    others = sorted({c.kind for c in claims} - CLAIM_KINDS[name])
    for claim in claims:
        for kind in others:  # the same fields under another kind: the check must pass it by
            assert function(replace(claim, kind=kind), env) is None, (name, kind, claim.text)


def test_the_index_keeps_every_verdict(checker: Checker, monkeypatch: pytest.MonkeyPatch) -> None:
    def verdicts() -> list[tuple]:
        result = checker.scan_paths([str(p) for p in DOCUMENTS], jobs=1)
        return [(v.rule.code, v.claim.span.path, v.claim.span.start, v.outcome.verdict)
                for v in result.verdicts]

    indexed = verdicts()
    monkeypatch.setattr("tipcheck.engine.claim_kinds", lambda check: None)
    assert indexed and verdicts() == indexed
