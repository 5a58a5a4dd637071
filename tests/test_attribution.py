"""Quotation marks: a short phrase quoted in the writer's own sentence is still the writer's claim;
speech reported from someone else turns an error into a warning (they may be quoted accurately)."""

from __future__ import annotations

import pytest

from tipcheck.engine import Checker

CASES = [
    ('In the 2008 Trafficking in Persons Report, North Korea was kept on Tier 3 '
     '"for the fifth consecutive year".', "error"),
    ('"North Korea has been on Tier 3 for the fifth consecutive year in the 2008 report, and nothing '
     'has changed," an activist said.', "warning"),
    ("Critics argued that the 2008 Trafficking in Persons Report kept North Korea on Tier 3 for the "
     "fifth consecutive year.", "warning"),
    ("The 2008 Trafficking in Persons Report kept North Korea on Tier 3 for the fifth consecutive year.",
     "error"),
]


@pytest.mark.parametrize(("text", "severity"), CASES)
def test_severity_follows_who_makes_the_claim(text: str, severity: str, checker: Checker):
    findings = [f for f in checker.scan_text(text).findings if f.rule.startswith("TIP102")]
    assert [f.severity for f in findings] == [severity]
