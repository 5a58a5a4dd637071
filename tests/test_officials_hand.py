"""Hand corrections to officials' terms (rules/facts/manual/officials.yaml)."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from tipcheck.facts import load_fact_base

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "facts"

_GENERATED = """officials:
  - role: TIP Office Director
    name: Jane Example
    start: null
    end: "2020-05"
    source: "https://example.org/jane"
  - role: TIP Office Director
    name: Joe Sample
    start: "2010-03-01"
    end: "2012-01-01"
    source: "https://example.org/joe"
"""


def _base(tmp_path: Path, manual: str | None) -> Path:
    base = tmp_path / "facts"
    shutil.copytree(FIXTURES / "base", base)
    (base / "generated" / "officials.yaml").write_text(_GENERATED, encoding="utf-8")
    if manual is not None:
        (base / "manual" / "officials.yaml").write_text(manual, encoding="utf-8")
    return base


def test_hand_term_fills_a_blank_start(tmp_path: Path) -> None:
    manual = ("officials:\n  - role: TIP Office Director\n    name: Jane Example\n    start: '2018-11'\n"
              "    end: '2020-05'\n    source: 'https://example.org/jane-bio'\n"
              "    note: confirmed Nov 2018\n")
    fb = load_fact_base(_base(tmp_path, manual))
    jane = fb.find_official("Jane Example")
    assert len(jane) == 1 and jane[0].start == date(2018, 11, 1)
    assert jane[0].source.url == "https://example.org/jane-bio"
    assert fb.was_in_office("Jane Example", date(2018, 7, 1)) is False
    assert fb.was_in_office("Jane Example", date(2019, 7, 1)) is True


def test_without_a_hand_term_a_blank_start_stays_blank(tmp_path: Path) -> None:
    fb = load_fact_base(_base(tmp_path, None))
    assert fb.find_official("Jane Example")[0].start is None


def test_hand_term_with_another_start_is_a_second_term(tmp_path: Path) -> None:
    # a known start is not overwritten by a term that starts elsewhere: that is a second term
    manual = ("officials:\n  - role: TIP Office Director\n    name: Joe Sample\n    start: '2014-02-01'\n"
              "    end: '2015-01-01'\n    source: 'https://example.org/joe-again'\n")
    fb = load_fact_base(_base(tmp_path, manual))
    assert sorted(o.start for o in fb.find_official("Joe Sample")) == [date(2010, 3, 1), date(2014, 2, 1)]


def test_builtin_dyer_term_starts_december_2022() -> None:
    # officials.csv leaves the start blank; its own note dates the confirmation to December 2022
    dyer = load_fact_base().find_official("Cindy Dyer")
    assert [o.start for o in dyer] == [date(2022, 12, 1)]
