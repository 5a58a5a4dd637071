"""Annotated documents under fixtures/annotated/<case>/: each case folder is scanned as one corpus."""

from __future__ import annotations

from pathlib import Path

import pytest
from annotated import blank_annotations, compare, materialize

from tipcheck.rules import find_rule

CASES = Path(__file__).parent / "fixtures" / "annotated"
CASE_DIRS = sorted(p for p in CASES.iterdir() if p.is_dir())


@pytest.mark.parametrize("case", CASE_DIRS, ids=[p.name for p in CASE_DIRS])
def test_findings_are_exactly_the_annotated_ones(case: Path, tmp_path: Path, checker, checker_no_facts):
    paths, expectations = materialize(case, tmp_path)
    chosen = checker_no_facts if (case / "NO_FACTS").exists() else checker
    result = chosen.scan_paths(paths)
    assert not result.problems
    assert compare(result, expectations) == []


@pytest.mark.parametrize("case", CASE_DIRS, ids=[p.name for p in CASE_DIRS])
def test_every_annotation_names_a_real_rule(case: Path, rules):
    for document in case.iterdir():
        if document.suffix not in (".txt", ".md"):
            continue
        _, expectations = blank_annotations(document.read_text(encoding="utf-8"), str(document))
        assert expectations, f"{document.name} has no annotation"
        for e in expectations:
            if e.rule:
                assert find_rule(rules, e.rule), f"{document.name}:{e.annotation_line}: no rule {e.rule}"


def test_every_error_rule_has_an_annotated_document(rules):
    named = set()
    for case in CASE_DIRS:
        for document in case.iterdir():
            if document.suffix in (".txt", ".md"):
                _, found = blank_annotations(document.read_text(encoding="utf-8"), str(document))
                named |= {find_rule(rules, e.rule).code for e in found if e.rule}
    missing = [r.label for r in rules if r.severity != "note" and r.code not in named]
    assert not missing, f"rules with no annotated document: {missing}"
