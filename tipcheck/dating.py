"""Dating a document: which report year(s) it can be speaking of, and why."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from tipcheck.dating_fit import best_years, first_report_year, year_list
from tipcheck.extract import ReadDocument
from tipcheck.extract.release import month_number
from tipcheck.facts import FactBase

_MONTHS = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
           r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?")
# A dateline: a short line (or a line's lead) that is only a date, e.g. "Nov 24, 2008",
# "The Washington Times - Thursday, June 6, 2002", "WASHINGTON, June 12, 2007 (AFP) –".
_DATELINE_RE = re.compile(
    rf"^(?:[A-Z][\w.'’&]*(?:\s+[A-Z][\w.'’&]*)*\s*(?:[-–—|,]\s*))?"
    rf"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    rf"(?:(?P<month>{_MONTHS})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+"
    rf"(?P<month2>{_MONTHS})),?\s+(?P<year>(?:19|20)\d\d)\s*(?:$|\(|[-–—])",
    re.MULTILINE)

_MONTH_YEAR_RE = re.compile(
    r"\b(?:in|since|during|by|on|of|from|until|last)\s+(?:(?:early|late|mid-?)\s*)?"
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|"
    r"December)?\s*(?:(?P<day>\d{1,2}),?\s+)?(?P<year>(?:19|20)\d\d)\b")


_RECENT_DAYS = 30
# "only weeks ago", "newly appointed": within about three months of the start of the term
_NEW_IN_OFFICE_DAYS = 100


@dataclass(frozen=True)
class DocumentDate:
    """The report years a document may speak of, with the evidence for them."""

    years: tuple[int, ...]
    evidence: tuple[str, ...]
    explicit: bool  # an explicit report year (or --year), not an inferred range
    basis: str = "inferred"  # "stated" (--year) | "named" | "inferred" | "none"
    published: datetime.date | None = None  # the dateline's date, when the document has one

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
    resolve_anaphors(read)
    published = publication_date(read.document.text)
    if stated is not None:
        return DocumentDate((stated,), (f"report year {stated} stated with --year",), True, "stated",
                            published)
    named = sorted({c.draft.fields["year"] for c in read.claims
                    if c.draft.kind == "report_year" and c.draft.fields.get("year")
                    and not c.draft.fields.get("previous") and not c.draft.fields.get("coming")})
    numbered = _numbered_years(read, facts)
    if named and set(numbered) - set(named):
        return _named_or_numbered(read, facts, named, numbered, published)
    if named:
        year = named[-1]
        where = next(c for c in read.claims if c.draft.kind == "report_year"
                     and c.draft.fields.get("year") == year)
        step = f"line {where.span.line} names the {year} report (\"{where.text}\")"
        if len(named) > 1:
            step += f"; it also names {', '.join(map(str, named[:-1]))}, taken as earlier reports"
        return DocumentDate((year,), (step,), True, "named", published)
    low, high, evidence = _window(read, facts, published)
    if low is None and high is None:
        years: tuple[int, ...] = all_years
        evidence = [f"no date evidence: any report from {all_years[0]} to {all_years[-1]}"]
    else:
        years = tuple(y for y in all_years if _current_during(facts, y, low, high)) or all_years
        evidence.append(f"so it was written between {low or '…'} and {high or '…'}, while the "
                        f"{_label(years)} report was current")
    firsts = _first_reports(read, facts)
    if len({year for year, _ in firsts}) == 1 and firsts[0][0] in years:
        # "Clinton, presenting her first report": stronger than any vote of the other claims
        return DocumentDate((firsts[0][0],), (*evidence, firsts[0][1]), False, "inferred", published)
    fitted, why = best_years(read.claims, facts, years)
    if fitted != years:
        evidence += [*why, f"so it speaks of the {_label(fitted)} report"]
    basis = "none" if low is None and high is None and fitted == years else "inferred"
    return DocumentDate(fitted, tuple(evidence), False, basis, published)


def _numbered_years(read: ReadDocument, facts: FactBase) -> dict[int, str]:
    """ "The report, now in its sixth year": the year each report number stands for, with where.

    An ordinal in a sentence that names a report year ("The 2014 report, the 15th edition") is a
    claim about that report, to be checked against it, not a second report the document names.
    """
    if facts.first_report is None:
        return {}
    first = int(facts.first_report.value)
    named_sentences = {id(c.sentence) for c in read.claims if c.draft.kind == "report_year"
                       and c.draft.fields.get("year")}
    found: dict[int, str] = {}
    for item in read.claims:
        fields = item.draft.fields
        if item.draft.kind != "report_year" or not fields.get("ordinal") or fields.get("year") \
                or fields.get("previous") or fields.get("coming") or item.draft.negated \
                or id(item.sentence) in named_sentences:
            continue
        year = first + fields["ordinal"] - 1
        if year in facts.years:
            found.setdefault(year, f"line {item.span.line} numbers the report (\"{item.text}\"): "
                                   f"report {fields['ordinal']} is the {year} report")
    return found


def _named_or_numbered(read: ReadDocument, facts: FactBase, named: list[int], numbered: dict[int, str],
                       published: datetime.date | None) -> DocumentDate:
    """A report named by its year and another by its number: the document's other claims choose.

    "placed on Tier 3 in the 2003 report ... The report, now in its sixth year": the year named is
    often an earlier report's, the number this one's. But a wrong number must not date the document
    (and so vouch for itself): the numbers do not vote, the other claims choose among the years
    (best_years), and when they do not, the latest named year is taken, as without a number.
    """
    candidates = tuple(sorted(set(named) | set(numbered)))
    voters = [c for c in read.claims if not (c.draft.kind == "report_year" and c.draft.fields.get("ordinal"))]
    fitted, why = best_years(voters, facts, candidates)
    steps = [f"it names the {year_list(tuple(named))} report{'s' if len(named) > 1 else ''}",
             *numbered.values()]
    if len(fitted) < len(candidates):
        year = fitted[-1]
        steps += [*why, f"so it speaks of the {year} report"]
    else:
        year = named[-1]
        steps.append(f"the other claims do not choose among {year_list(candidates)}: the latest named "
                     f"report, {year}, is taken")
    return DocumentDate((year,), tuple(steps), True, "named", published)


def _first_reports(read: ReadDocument, facts: FactBase) -> list[tuple[int, str]]:
    """ "Secretary X, presenting her first report": the first report of X's term, with why."""
    found = []
    for item in read.claims:
        fields = item.draft.fields
        if item.draft.kind != "official" or not fields.get("first_report") or item.draft.negated:
            continue
        year = first_report_year(facts, fields["name"], fields["role"])
        if year is not None:
            found.append((year, f"line {item.span.line}: \"{item.text}\": the first report of "
                                f"{fields['name']}'s term as {fields['role']} is the {year} report"))
    return found


def resolve_anaphors(read: ReadDocument) -> None:
    """ "In 2010 the figure stood at 13": a count without a tier counts the tier counted before it."""
    last_tier = None
    for item in read.claims:
        fields = item.draft.fields
        if item.draft.kind != "tier_count":
            continue
        if fields.get("tier") is None and fields.get("anaphor") and last_tier:
            fields["tier"] = last_tier
        last_tier = fields.get("tier") or last_tier


def _label(years: tuple[int, ...]) -> str:
    return year_list(years) if years else "?"


def publication_date(text: str) -> datetime.date | None:
    """The date on the document's dateline (among its first lines), if it has one."""
    head = "\n".join(_first_lines(text, 8))
    for match in _DATELINE_RE.finditer(head):
        month = match.group("month") or match.group("month2")
        day = match.group("day") or match.group("day2")
        try:
            return datetime.date(int(match.group("year")), month_number(month), int(day))
        except (ValueError, KeyError):
            continue
    return None


def _first_lines(text: str, count: int) -> list[str]:
    """text.splitlines()[:count], without splitting a whole long document for its first lines."""
    lines = text[:4096].splitlines()
    if len(lines) > count:  # a line began after the last one kept: those are whole
        return lines[:count]
    return text.splitlines()[:count]


def _window(read: ReadDocument, facts: FactBase, published: datetime.date | None
            ) -> tuple[datetime.date | None, datetime.date | None, list[str]]:
    """Hard bounds on when the document was written: its dateline and dates it mentions as past."""
    low: datetime.date | None = None
    high: datetime.date | None = None
    evidence: list[str] = []
    if published is not None:
        # Written on `published`: it speaks of the report out then (or, a few weeks after a
        # release, possibly still of the one before it).
        low, high = published - datetime.timedelta(days=_RECENT_DAYS), published
        evidence.append(f"its dateline reads {published:%B %-d, %Y}")
    for item in read.claims:  # "NAME, who took over the office only weeks ago": soon after the start
        fields = item.draft.fields
        if item.draft.kind != "official" or not fields.get("recent") or published is not None:
            continue
        starts = [t.start for t in facts.find_official(fields["name"])
                  if t.start and t.role.lower().removeprefix("acting ") == str(fields.get("role")).lower()]
        if len(starts) == 1:
            start = starts[0]
            low, high = max(low or start, start), start + datetime.timedelta(days=_NEW_IN_OFFICE_DAYS)
            evidence.append(f"line {item.span.line}: {fields['name']} only recently took office "
                            f"({start:%B %-d, %Y})")
    text = read.document.text
    this_year = datetime.date.today().year
    for match in _MONTH_YEAR_RE.finditer(text):
        year = int(match.group("year"))
        if year > this_year or year < 1990:
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
