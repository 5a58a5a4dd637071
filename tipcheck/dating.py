"""Dating a document: which report year(s) it can be speaking of, and why."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from tipcheck.extract import ReadDocument
from tipcheck.extract.release import month_number
from tipcheck.facts import FactBase

_MONTH_YEAR_RE = re.compile(
    r"\b(?:in|since|during|by|on|of|from|until|last)\s+(?:(?:early|late|mid-?)\s*)?"
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|"
    r"December)?\s*(?:(?P<day>\d{1,2}),?\s+)?(?P<year>(?:19|20)\d\d)\b")


@dataclass(frozen=True)
class DocumentDate:
    """The report years a document may speak of, with the evidence for them."""

    years: tuple[int, ...]
    evidence: tuple[str, ...]
    explicit: bool  # an explicit report year (or --year), not an inferred range
    basis: str = "inferred"  # "stated" (--year) | "named" | "inferred" | "none"

    def label(self) -> str:
        """ "2014", "2007–2008" or "2001–2025"."""
        if not self.years:
            return "unknown"
        if len(self.years) == 1:
            return str(self.years[0])
        return f"{self.years[0]}–{self.years[-1]}"


def date_document(read: ReadDocument, facts: FactBase, stated: int | None = None) -> DocumentDate:
    """The document's report-year range: --year, else explicit report years, else inferred."""
    all_years = tuple(facts.years)
    if stated is not None:
        return DocumentDate((stated,), (f"report year {stated} stated with --year",), True, "stated")
    named = sorted({c.draft.fields["year"] for c in read.claims
                    if c.draft.kind == "report_year" and c.draft.fields.get("year")
                    and not c.draft.fields.get("previous")})
    if named:
        year = named[-1]
        where = next(c for c in read.claims if c.draft.kind == "report_year"
                     and c.draft.fields.get("year") == year)
        step = f"line {where.span.line} names the {year} report (\"{where.text}\")"
        if len(named) > 1:
            step += f"; it also names {', '.join(map(str, named[:-1]))}, taken as earlier reports"
        return DocumentDate((year,), (step,), True, "named")
    low, high, evidence = _window(read, facts)
    if low is None and high is None:
        return DocumentDate(all_years, (f"no date evidence: any report from {all_years[0]} to "
                                        f"{all_years[-1]}",), False, "none")
    years = tuple(y for y in all_years if _current_during(facts, y, low, high))
    span = f"{low or '…'} to {high or '…'}"
    evidence.append(f"so it was written between {span}, while the "
                    + (f"{years[0]}–{years[-1]}" if len(years) > 1 else str(years[0] if years else "?"))
                    + " report was current")
    return DocumentDate(years or all_years, tuple(evidence), False)


def _window(read: ReadDocument, facts: FactBase) -> tuple[datetime.date | None, datetime.date | None,
                                                          list[str]]:
    low: datetime.date | None = None
    high: datetime.date | None = None
    evidence: list[str] = []
    for claim in read.claims:
        if claim.draft.kind != "official":
            continue
        terms = [o for o in facts.find_official(claim.draft.fields["name"])
                 if _same_role(o.role, claim.draft.fields["role"])]
        if len(terms) != 1:
            continue
        term = terms[0]
        if term.start and (low is None or term.start > low):
            low = term.start
        if term.end and (high is None or term.end < high):
            high = term.end
        evidence.append(f"line {claim.span.line} names {term.name} in office as {term.role} "
                        f"({term.start or '?'} to {term.end or 'present'})")
    text = read.document.text
    for match in _MONTH_YEAR_RE.finditer(text):
        year = int(match.group("year"))
        if year > datetime.date.today().year or year < 1990:
            continue
        month = month_number(match.group("month")) if match.group("month") else 1
        day = int(match.group("day")) if match.group("day") and match.group("month") else 1
        try:
            mentioned = datetime.date(year, month, min(day, 28))
        except ValueError:
            continue
        if low is None or mentioned > low:
            if high is not None and mentioned > high:
                continue
            low = mentioned
            line = read.document.position(match.start())[0]
            evidence.append(f"line {line} mentions {match.group(0).split(' ', 1)[1]} as past")
    return low, high, evidence


def _same_role(fact_role: str, claimed: str) -> bool:
    return fact_role.lower().removeprefix("acting ") == claimed.lower()


def _current_during(facts: FactBase, year: int, low: datetime.date | None,
                    high: datetime.date | None) -> bool:
    """Whether report `year` was the latest one out at some day in [low, high]."""
    report = facts.report(year)
    bounds = report.release_bounds() if report else None
    if bounds is None:
        return False
    starts = bounds[0]
    following = facts.report(year + 1)
    next_bounds = following.release_bounds() if following else None
    ends = next_bounds[1] if next_bounds else datetime.date.max
    return (high is None or starts <= high) and (low is None or low < ends)
