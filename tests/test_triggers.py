"""The cheap prefilter reads every fixture and seed exactly as reading every sentence would."""

from __future__ import annotations

from pathlib import Path

import pytest

import tipcheck.extract as extract
from tipcheck.engine import Checker
from tipcheck.extract.triggers import about_the_report, add_triggers, is_candidate

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures" / "documents"
DOCUMENTS = sorted((REPO / "seeds").glob("*.txt")) + sorted(FIXTURES.glob("*"))
SHARED_DEV = REPO.parent / "shared" / "eval" / "dev"  # beside the repository in CI, when present
DOCUMENTS += sorted(SHARED_DEV.glob("*.txt")) if SHARED_DEV.is_dir() else []


def _claims(checker: Checker) -> list[tuple]:
    result = checker.scan_paths([str(p) for p in DOCUMENTS], jobs=1)
    return [(c.span.path, c.span.start, c.kind, sorted(c.fields.items())) for c in result.claims]


def test_prefilter_loses_no_claim(checker: Checker, monkeypatch: pytest.MonkeyPatch) -> None:
    filtered = _claims(checker)
    monkeypatch.setattr(extract, "is_candidate", lambda sentence: True)
    assert filtered and _claims(checker) == filtered


def test_every_document_here_is_about_the_report() -> None:
    for path in DOCUMENTS:
        assert about_the_report(path.read_text(encoding="utf-8", errors="replace")), path


def test_subject_and_triggers() -> None:
    assert not about_the_report("The council met on Friday to discuss the 2014 budget report.")
    assert about_the_report("the TIP report") and about_the_report("Trafficked workers")
    assert not about_the_report("a tip for gardeners")
    assert is_candidate("Cuba was Downgraded.") and is_candidate("Aid was cut.")
    assert not is_candidate("He said so.")  # " aid" matches at a word start only


def test_add_triggers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("tipcheck.extract.triggers.TRIGGERS", ["tier"])
    monkeypatch.setattr("tipcheck.extract.triggers._matcher", None)
    assert not is_candidate("Officials pledged more shelters.")
    add_triggers("pledg")
    assert is_candidate("Officials pledged more shelters.")
    with pytest.raises(ValueError):
        add_triggers("Pledge")
