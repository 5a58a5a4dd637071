"""Rules: every rule's own examples behave as documented; rule files are validated on load."""

from __future__ import annotations

from pathlib import Path

import pytest

from tipcheck.engine import Checker
from tipcheck.errors import RuleFileError
from tipcheck.rules import find_rule, load_rules

REPO = Path(__file__).resolve().parents[1]
SEPARATOR = "\n===\n"  # a multi-document example: documents checked against each other


def _examples(kind: str) -> list[tuple[str, str]]:
    return [(rule.code, text) for rule in load_rules()
            for text in (rule.fails if kind == "fail" else rule.passes)]


def _scan(checker: Checker, text: str):
    documents = text.split(SEPARATOR)
    if len(documents) == 1:
        return checker.scan_text(text)
    from tipcheck.document import document_from_text
    return checker.scan_documents([document_from_text(d, f"<example {i}>")
                                   for i, d in enumerate(documents)])


def _fired(result, code: str) -> bool:
    return any(f.rule.split()[0] == code for f in result.findings)


@pytest.mark.parametrize(("code", "text"), _examples("fail"))
def test_fail_example_fires_its_rule(code: str, text: str, checker, checker_no_facts):
    rule = find_rule(load_rules(), code)
    chosen = checker_no_facts if rule.check.endswith("agreement") else checker
    result = _scan(chosen, text)
    assert _fired(result, code), [f"{f.rule}: {f.message}" for f in result.findings]


@pytest.mark.parametrize(("code", "text"), _examples("pass"))
def test_pass_example_does_not_fire_its_rule(code: str, text: str, checker, checker_no_facts):
    rule = find_rule(load_rules(), code)
    chosen = checker_no_facts if rule.check.endswith("agreement") else checker
    result = _scan(chosen, text)
    assert result.claims, "the pass example must be read, not skipped"
    assert not _fired(result, code), [f"{f.rule}: {f.message}" for f in result.findings]


def test_every_rule_has_examples_both_ways():
    for rule in load_rules():
        assert rule.fails and rule.passes, rule.label


def test_rules_are_found_by_code_or_name():
    rules = load_rules()
    assert find_rule(rules, "TIP101") is find_rule(rules, "streak-arithmetic")
    assert find_rule(rules, "tip101") is not None
    assert find_rule(rules, "no-such-rule") is None


BAD_RULES = {
    "unknown key": ("""rules:
  - code: TIP901
    name: bad-rule
    check: streak_arithmetic
    severity: error
    mesage: "x"
""", "bad.yaml:6:5", "did you mean 'message'"),
    "unknown check": ("""rules:
  - code: TIP901
    name: bad-rule
    check: no_such_check
    severity: error
    message: "x"
    description: "d"
    examples: {fail: ["a"], pass: ["b"]}
""", "bad.yaml:4:12", "no_such_check"),
    "broken yaml": ("rules:\n  - code: [TIP901\n", "bad.yaml:", ""),
    "alias": ("a: &x [1]\nrules: *x\n", "bad.yaml:1", "alias"),
    "bad placeholder": ("""rules:
  - code: TIP901
    name: bad-rule
    check: streak_arithmetic
    severity: error
    message: "{nonsense} is wrong"
    description: "d"
    examples: {fail: ["a"], pass: ["b"]}
""", "bad.yaml:6", "nonsense"),
    "bad severity": ("""rules:
  - code: TIP901
    name: bad-rule
    check: streak_arithmetic
    severity: fatal
    message: "x"
    description: "d"
    examples: {fail: ["a"], pass: ["b"]}
""", "bad.yaml:5:15", "fatal"),
}


@pytest.mark.parametrize("case", sorted(BAD_RULES))
def test_bad_rule_file_names_file_line_and_problem(case: str, tmp_path: Path):
    text, where, words = BAD_RULES[case]
    (tmp_path / "bad.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(RuleFileError) as caught:
        load_rules([tmp_path])
    message = str(caught.value.problem)
    assert where in message and words in message
    assert "\n" not in message
