"""Timeline data (tipcheck.facts_view): runs, moves and Watch List counts never bridge an unknown year."""

from __future__ import annotations

from pathlib import Path

import pytest

from tipcheck.facts import load_fact_base
from tipcheck.facts_view import timeline, year_view

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "facts"


def test_unknown_years_break_runs_and_hide_moves() -> None:
    fb = load_fact_base(FIXTURES / "base")  # North Korea: not in 2002 report, Tier 3 in 2003 and 2014
    tl = timeline(fb, "prk")
    assert tl.country == "North Korea" and tl.iso3 == "PRK"
    assert [(c.year, c.status) for c in tl.cells if c.status != "unknown"] == [
        (2003, "placed"), (2014, "placed")]
    assert tl.counts() == {"placed": 2, "not_in_report": 0, "unknown": 10}
    assert [(s.start, s.end) for s in tl.streaks] == [(2003, 2003), (2014, 2014)]
    assert tl.cell(2014).move is None and tl.current().length == 1
    assert {s.url for s in tl.sources()} >= {"https://example.org/nk"}  # per-fact evidence url


def test_watch_list_counts_restart_after_a_break() -> None:
    fb = load_fact_base()
    china = timeline(fb, "China")
    assert [china.cell(y).watch_years for y in (2012, 2013, 2014, 2015, 2016)] == [8, 0, 1, 2, 3]
    assert [china.cell(y).watch_counted for y in (2008, 2009, 2014)] == [0, 1, 1]
    assert china.watch_rule is not None and china.watch_rule.urls


def test_special_case_is_not_a_move() -> None:
    fb = load_fact_base()
    somalia = timeline(fb, "Somalia")
    specials = [c for c in somalia.cells if c.tier == "special"]
    assert specials and all(c.move in ("special", "first", None) for c in specials)
    assert not any(c.move in ("upgrade", "downgrade") and (c.tier == "special" or c.previous == "special")
                   for c in somalia.cells)


def test_year_view_rows_and_states() -> None:
    fb = load_fact_base()
    view = year_view(fb, 2017)
    assert view.row("3").state == "match" and view.row("1").state == "gap"
    assert view.tiers_in_use == ("1", "2", "2WL", "3")
    early = year_view(fb, 2003)
    assert early.row("2WL") is None  # no Watch List before the 2004 report
    with pytest.raises(KeyError):
        year_view(fb, 1999)
