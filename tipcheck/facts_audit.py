"""`tipcheck facts check`: validate the whole fact base and measure its coverage against published counts.

The loader already rejects malformed files (bad YAML, unknown tiers, a country-year twice in one layer,
missing or unknown sources), each at file:line. This audit checks what needs the whole base at once:
every fact resolves to a source an editor can open, tiers exist in their year, officials' terms don't
overlap, and our counts against the counts the reports published (fewer = a coverage gap, a warning;
more, or a complete list that disagrees, = an error).
"""

from __future__ import annotations

import datetime
import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tipcheck.errors import RuleFileError
from tipcheck.facts import TIERS, Fact, FactBase, Official, load_fact_base, match_officials

ALL = (*TIERS, "special")


@dataclass(frozen=True)
class Issue:
    """One problem found in the fact base."""

    severity: str  # error | warning | note
    kind: str  # load | source | weak | tier | official | count-over | count-conflict | gap | ...
    where: str  # file:line (or file:line:col) of the fact, "" when it has no single place
    message: str

    def __str__(self) -> str:
        return f"{self.where + ': ' if self.where else ''}{self.severity}: {self.message} ({self.kind})"


@dataclass(frozen=True)
class CoverageRow:
    """One report year: what we know against what was published."""

    year: int
    counted: dict[str, int]  # tier -> placements we hold
    published: dict[str, int | None]  # tier -> published count (None: not found)
    complete: tuple[str, ...]  # tiers whose full list we hold
    ranked_published: int | None  # countries ranked on a tier, as published (or sum of counts)
    not_in_report: int
    covered: int | None = None  # countries the report covered (ranked + special cases), if sourced

    @property
    def known(self) -> int:
        """Country-years we hold for this report (ranked + special cases)."""
        return sum(self.counted.values())

    @property
    def ranked(self) -> int:
        """Country-years we hold on a ranked tier."""
        return sum(n for t, n in self.counted.items() if t != "special")


@dataclass
class Audit:
    """The result of `facts check`."""

    issues: list[Issue] = field(default_factory=list)
    coverage: list[CoverageRow] = field(default_factory=list)
    facts: FactBase | None = None

    def add(self, severity: str, kind: str, where: str, message: str) -> None:
        """Record one issue."""
        self.issues.append(Issue(severity, kind, where, message))

    def count(self, severity: str) -> int:
        """How many issues of one severity."""
        return sum(1 for i in self.issues if i.severity == severity)

    @property
    def ok(self) -> bool:
        """No errors."""
        return self.count("error") == 0


def audit(facts_dir: Path | None = None, overlays: Sequence[Path] = ()) -> Audit:
    """Load and validate the fact base (plus overlays); a file that fails to load is one error."""
    result = Audit()
    try:
        fb = load_fact_base(facts_dir, overlays)
    except RuleFileError as error:
        p = error.problem
        where = str(p).removesuffix(f": {p.message}")
        result.add("error", "load", where, p.message)
        return result
    result.facts = fb
    check_sources(fb, result)
    check_tiers(fb, result)
    check_officials(fb, result)
    check_counts(fb, result)
    check_layers(fb, result)
    result.coverage = coverage(fb)
    return result


def check_sources(fb: FactBase, result: Audit) -> None:
    """Every placement and absence cites a source with a url; seed-only facts are weak."""
    facts = [*fb.all_placements().items(), *fb.all_not_in_report().items()]
    for (country, year), fact in sorted(facts, key=lambda i: (i[0][1], i[0][0])):
        if fact.urls:
            continue
        if fact.sources and all(s.seed for s in fact.sources):
            where = ", ".join(s.where for s in fact.sources)
            result.add("warning", "weak", fact.origin,
                       f"{country} {year} rests only on a seed document ({where}), no url to check")
        else:
            keys = "+".join(s.key for s in fact.sources) or "none"
            result.add("error", "source", fact.origin,
                       f"{country} {year}: no source with a url (cites {keys})")
    for o in fb.officials():
        if not (o.source.url or "").startswith(("http://", "https://")):
            result.add("error", "source", o.origin, f"{o.role} {o.name}: source is not a url")
    texts = [y for y in fb.years if (r := fb.report(y)) and r.sources and not any(
        s.url for s in r.sources)]
    if texts:
        result.add("note", "source", "", f"report calendars and counts of {len(texts)} years cite "
                   "their sources by name, without urls (tip_reports.csv 'source' column)")


def check_tiers(fb: FactBase, result: Audit) -> None:
    """No placement on a tier its year's report did not have (no Watch List before 2004)."""
    for (country, year), fact in sorted(fb.all_placements().items()):
        if not fb.tier_exists(fact.value, year):
            result.add("error", "tier", fact.origin,
                       f"{country} {year}: tier {fact.value} did not exist in the {year} report")


def _bounds(day: datetime.date | None, precision: str | None) -> tuple[datetime.date, datetime.date]:
    """Earliest and latest day a start or end date may mean."""
    if day is None:
        return datetime.date.min, datetime.date.max
    if precision == "month":
        nxt = datetime.date(day.year + (day.month == 12), day.month % 12 + 1, 1)
        return day, nxt - datetime.timedelta(days=1)
    return day, day


def check_officials(fb: FactBase, result: Audit) -> None:
    """Terms of one office (acting holders included) don't surely overlap; handover days may touch."""
    by_office: dict[str, list[Official]] = {}
    for o in fb.officials():
        if o.start is not None:
            by_office.setdefault(o.role.removeprefix("Acting "), []).append(o)
    for office, terms in by_office.items():
        terms.sort(key=lambda o: o.start or datetime.date.min)
        for a, b in itertools.pairwise(terms):
            if a.end is None and not a.incumbent:
                continue  # end unknown: cannot tell
            a_end = _bounds(a.end, a.end_precision)[0] if a.end else datetime.date.max
            b_start = _bounds(b.start, b.start_precision)[1]
            if b_start < a_end:
                result.add("error", "official", b.origin,
                           f"{office}: {b.name}'s term (from {b.start}) overlaps {a.name}'s "
                           f"(until {a.end or 'now'}, {a.origin})")
    for year in fb.years:
        report = fb.report(year)
        if report is None or report.release_date is None or report.secretary is None:
            continue
        terms = [o for o in fb.officials() if o.role.removeprefix("Acting ") == "Secretary of State"
                 and o.covers(report.release_date)]
        if terms and not match_officials(terms, str(report.secretary.value)):
            held = ", ".join(o.name for o in terms)
            result.add("error", "official", report.secretary.origin,
                       f"{year} report: secretary '{report.secretary.value}' was not in office on "
                       f"{report.release_date} ({held} was)")


def _ranked_published(fb: FactBase, year: int) -> tuple[int | None, Fact | None]:
    """Countries ranked, as published, or the sum of all published ranked counts."""
    report = fb.report(year)
    if report and report.countries_ranked is not None:
        return int(report.countries_ranked.value), report.countries_ranked
    counts = [fb.published_count(year, t) for t in fb.tiers_in(year)]
    if counts and all(c is not None for c in counts):
        return sum(int(c.value) for c in counts if c), None
    return None, None


def check_counts(fb: FactBase, result: Audit) -> None:
    """Our counts against the published ones: fewer is a gap; more, or a disagreeing full list, an error."""
    for year in fb.years:
        for tier in (*fb.tiers_in(year), "special"):
            published = fb.published_count(year, tier)
            counted = fb.counted(year, tier)
            complete = fb.complete_lists().get((year, tier))
            if published is None:
                continue
            p = int(published.value)
            if counted > p:
                result.add("error", "count-over", published.origin,
                           f"{year} {tier}: we hold {counted} placements, the report published {p}")
            elif complete is not None and counted != p:
                result.add("error", "count-conflict", complete.origin,
                           f"{year} {tier}: list marked complete has {counted}, published {p}")
            elif counted < p:
                result.add("warning", "gap", published.origin,
                           f"{year} {tier}: coverage gap, we know {counted} of {p} (missing {p - counted})")
        report = fb.report(year)
        ranked = sum(fb.counted(year, t) for t in fb.tiers_in(year))
        counts = [fb.published_count(year, t) for t in fb.tiers_in(year)]
        if report and report.countries_ranked is not None:
            total = int(report.countries_ranked.value)
            if ranked > total:
                result.add("error", "count-over", report.countries_ranked.origin,
                           f"{year}: we hold {ranked} ranked countries, the report ranked {total}")
            elif ranked < total:
                result.add("warning", "gap", report.countries_ranked.origin,
                           f"{year}: coverage gap, we know {ranked} of {total} ranked countries "
                           f"(missing {total - ranked})")
            if counts and all(c is not None for c in counts):
                summed = sum(int(c.value) for c in counts if c)
                if summed != total:
                    result.add("warning", "count-sum", report.countries_ranked.origin,
                               f"{year}: published tier counts sum to {summed}, "
                               f"countries ranked is {total}")
        covered = report.countries_covered if report else None
        known = ranked + fb.counted(year, "special")
        if covered is not None and known > int(covered.value):
            result.add("error", "count-over", covered.origin,
                       f"{year}: we hold {known} countries, the report covered {covered.value}")
        elif covered is not None and known < int(covered.value) and not (
                report and report.countries_ranked is not None):  # else the ranked gap says it
            result.add("warning", "gap", covered.origin,
                       f"{year}: coverage gap, we know {known} of the {covered.value} countries "
                       f"the report covered (missing {int(covered.value) - known})")


def check_layers(fb: FactBase, result: Audit) -> None:
    """Say where a user's layer overrides the built-in base (it wins) and where hand facts correct it."""
    for label, old, new in fb.overrides:
        result.add("warning", "override", new.origin,
                   f"your facts say {label} = {new.value}; the built-in base says {old.value} "
                   f"({old.origin}); yours wins")
    for label, old, new in fb.corrected:
        was = f"{old.value} ({old.origin})" if old is not None else "nothing"
        result.add("note", "correction", new.origin, f"{label} = {new.value} corrects {was}")


def coverage(fb: FactBase) -> list[CoverageRow]:
    """Known country-years per report, beside the published counts."""
    rows = []
    absent: dict[int, int] = {}
    for _, year in fb.all_not_in_report():
        absent[year] = absent.get(year, 0) + 1
    for year in fb.years:
        rows.append(CoverageRow(
            year,
            {t: fb.counted(year, t) for t in ALL},
            {t: (int(f.value) if (f := fb.published_count(year, t)) else None) for t in ALL},
            tuple(t for t in ALL if fb.is_complete(year, t)),
            _ranked_published(fb, year)[0],
            absent.get(year, 0),
            int(r.countries_covered.value) if (r := fb.report(year)) and r.countries_covered else None,
        ))
    return rows
