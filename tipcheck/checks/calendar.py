"""Calendar checks: release weekdays and dates, report ordinals, officials in office."""

from __future__ import annotations

import datetime
import functools
import re

from tipcheck.checks.base import (
    CONSISTENT,
    CONTRADICTED,
    UNVERIFIABLE,
    Env,
    Outcome,
    YearResult,
    fact_related,
    over_years,
)
from tipcheck.dating_fit import bounded_terms, first_report_year, quoted_window, surely_overlaps
from tipcheck.extract.release import WEEKDAYS
from tipcheck.model import Claim, Related
from tipcheck.numbers import ORDINAL_PATTERN
from tipcheck.wording import restyle_ordinal

_ORDINAL_RE = re.compile(ORDINAL_PATTERN)


def weekday_calendar(claim: Claim, env: Env) -> Outcome | None:
    """A dated weekday ("Tuesday, June 19, 2012") must be that date's weekday (an invariant)."""
    if claim.kind != "weekday" or not claim.field("date"):
        return None
    day = datetime.date.fromisoformat(claim.field("date"))
    actual = WEEKDAYS[day.weekday()]
    claimed = claim.field("weekday")
    values = {"date": _long_date(day), "weekday": claimed, "actual": actual}
    steps = [f"\"{claim.text}\" ⇒ {values['date']} fell on a {claimed}",
             f"the calendar: {values['date']} was a {actual}"]
    if actual == claimed:
        return Outcome(claim, CONSISTENT, values, steps)
    return Outcome(claim, CONTRADICTED, values, steps, [],
                   claim.text.replace(claimed, actual, 1), True)


def release_weekday(claim: Claim, env: Env) -> Outcome | None:
    """ "Released on Friday": the weekday the report came out."""
    if claim.kind != "weekday" or claim.field("date") or not claim.field("weekday") \
            or claim.field("release_month"):
        return None
    claimed = claim.field("weekday")

    def test(year: int) -> YearResult:
        said = _release_said(env, year)
        if said is None:
            return YearResult(year, None, (f"the {year} release day is not known",))
        weekday, when, steps, related = said
        return YearResult(
            year, weekday == claimed, steps, related,
            {"weekday": claimed, "actual": weekday, "date": when, "report_year": year},
            claim.text.replace(claimed, weekday, 1))

    return over_years(claim, test, f"\"{claim.text}\" ⇒ the report came out on a {claimed}")


def _release_said(env: Env, year: int) -> tuple[str, str, tuple[str], tuple[Related]] | None:
    """The weekday and date a report came out, with the step and citation (None: day not known).

    Memoized per fact base: it depends on the year alone."""
    key = ("release weekday", year)
    if key in env.memo:
        return env.memo[key]
    report = env.facts.report(year)
    said = None
    if report is not None and report.weekday:
        when = _long_date(report.release_date) if report.release_date else str(year)
        said = (report.weekday, when,
                (f"facts: the {year} report was released on {report.weekday}, {when}",),
                (fact_related(f"{year} report released {report.weekday}, {when}", report.release),))
    env.memo[key] = said
    return said


@functools.lru_cache(maxsize=4096)
def _long_date(day: datetime.date) -> str:
    """ "June 19, 2012" (strftime is slow, and the same days come up again and again)."""
    return day.strftime("%B %-d, %Y")


def release_date(claim: Claim, env: Env) -> Outcome | None:
    """ "Released on June 4", "This month ..." (under a November dateline): when the report came out."""
    month, day = claim.field("release_month"), claim.field("release_day")
    if claim.kind != "weekday" or not month:
        return None
    year_said = claim.field("year") if claim.field("relative") else None
    weekday = claim.field("weekday") if day else None  # "Wednesday, June 20": both must hold
    claimed = datetime.date(2000, month, 1).strftime("%B") + (f" {day}" if day else "")
    if year_said:
        claimed += f", {year_said}"
    if weekday:
        claimed = f"{weekday}, {claimed}"

    def test(year: int) -> YearResult:
        report = env.facts.report(year)
        if report is None or report.release_date is None:
            return YearResult(year, None, (f"the {year} release day is not known",))
        actual = report.release_date
        when = _long_date(actual)
        said = (actual.month, actual.day) if day else (actual.month,)
        holds = said == ((month, day) if day else (month,))
        if year_said:
            holds = holds and actual.year == year_said
        if weekday:
            when = f"{WEEKDAYS[actual.weekday()]}, {when}"
            holds = holds and WEEKDAYS[actual.weekday()] == weekday
        steps = [f"facts: the {year} report was released on {when}"]
        if claim.field("published"):
            steps.insert(0, f"the document is dated {claim.field('published')}, so "
                            f"\"{claim.text}\" means {claimed}")
        return YearResult(
            year, holds, tuple(steps),
            (fact_related(f"{year} report released {when}", report.release),),
            {"claimed": claimed, "actual": when, "report_year": year})

    return over_years(claim, test, f"\"{claim.text}\" ⇒ a release {'on' if day else 'in'} {claimed}")


def report_ordinal(claim: Claim, env: Env) -> Outcome | None:
    """ "The second annual report": report N came out in (first year) + N − 1."""
    ordinal = claim.field("ordinal")
    first = env.facts.first_report.value if env.facts.first_report else None
    if claim.kind != "report_year" or not ordinal or first is None:
        return None

    def test(year: int) -> YearResult:
        actual = year - first + 1
        suggestion = None
        if actual != ordinal:  # only a failing result's suggestion is ever shown (over_years)
            match = _ORDINAL_RE.search(claim.text)
            suggestion = (claim.text[:match.start()] + restyle_ordinal(match.group(0), actual)
                          + claim.text[match.end():]) if match else None
        return YearResult(
            year, actual == ordinal,
            (f"facts: the first report came out in {first}, so the {year} report is number "
             f"{actual}",),
            (fact_related(f"first report: {first}", env.facts.first_report),),
            {"ordinal": ordinal, "actual": actual, "report_year": year}, suggestion)

    return over_years(claim, test, f"\"{claim.text}\" ⇒ report number {ordinal}")


def official_term(claim: Claim, env: Env) -> Outcome | None:
    """An official named in office must have held that office while the report was current."""
    if claim.kind != "official":
        return None
    if claim.field("vacant"):
        return _vacancy(claim, env)
    name, role = claim.field("name"), claim.field("role")
    roles = {o.role.lower().removeprefix("acting ") for o in env.facts.officials()}
    if role.lower() not in roles:
        return Outcome(claim, UNVERIFIABLE, {}, [f"the facts list no {role}"])
    terms = env.facts.find_official(name)
    if not terms:
        return Outcome(claim, UNVERIFIABLE, {}, [f"no official named {name} in the facts"])
    fitting = [t for t in terms if t.role.lower().removeprefix("acting ") == role.lower()]
    person = terms[0].name
    if not fitting:
        held = ", ".join(sorted({t.role for t in terms}))
        return Outcome(claim, CONTRADICTED,
                       {"name": person, "role": role, "actual": held, "report_year": "any"},
                       [f"\"{claim.text}\" ⇒ {person} was {role}", f"facts: {person} was {held}"],
                       [Related(f"{person}: {held}", source=terms[0].source.key,
                                url=terms[0].source.url)])

    published = claim.field("published")
    first = first_report_year(env.facts, name, role) if claim.field("first_report") else None
    since = claim.field("since")

    def test(year: int) -> YearResult:
        # The document's own date when it has one, else the weeks after the report's release.
        window = ((datetime.date.fromisoformat(published),) * 2 if published
                  else quoted_window(env.facts, year))
        values = {"name": person, "role": role, "report_year": year,
                  "actual": _holders(env, role, window)}
        if window is None:
            return YearResult(year, None, (f"the {year} release date is not known",), values=values)
        answers = [_overlaps(t, window) for t in fitting]
        holds = True if True in answers else (None if None in answers else False)
        term = fitting[0]
        when = (f"the document is dated {published}" if published else
                f"stories on the {year} report date from {window[0]} to {window[1]}")
        steps: tuple[str, ...] = (f"facts: {person} was {term.role} from {term.start or '?'} to "
                                  f"{term.end or 'present'}; {when}",)
        if first is not None:
            steps += (f"facts: the first report released in {person}'s term is the {first} report",)
        if holds and since is not None and all(t.start is not None and t.start.year > since for t in fitting):
            # "chief since 2005" for a term that began in 2009: not in office in the year named
            holds = False
            values = {**values, "report_year": since,
                      "actual": _holders(env, role, quoted_window(env.facts, since))}
            steps += (f"\"since {since}\" ⇒ in office in {since}; facts: the term began {term.start}",)
        return YearResult(year, holds, steps,
                          (Related(f"{person}, {term.role}", source=term.source.key,
                                   url=term.source.url),), values)

    return over_years(claim, test, f"\"{claim.text}\" ⇒ {person} in office as {role}")


def _vacancy(claim: Claim, env: Env) -> Outcome | None:
    """ "The post of ambassador-at-large has been vacant": no (non-acting) holder in office then."""
    role = claim.field("role")
    terms = bounded_terms(env.facts, role)
    if not terms:
        return None
    published = claim.field("published")

    def test(year: int) -> YearResult:
        window = ((datetime.date.fromisoformat(published),) * 2 if published
                  else quoted_window(env.facts, year))
        values = {"name": "the post", "role": "vacant", "report_year": year,
                  "actual": _holders(env, role, window)}
        if window is None:
            return YearResult(year, None, (f"the {year} release date is not known",), values=values)
        answers = {term.name: surely_overlaps(term, low, high, window) for term, low, high in terms}
        held = [n for n, a in answers.items() if a is True]
        holds = False if held else (None if None in answers.values() else True)
        when = (f"the document is dated {published}" if published else
                f"stories on the {year} report date from {window[0]} to {window[1]}")
        open_terms = [n for n, a in answers.items() if a is None]
        steps = (f"facts: {' / '.join(held)} held the post; {when}" if held else
                 f"facts: the terms of {' / '.join(open_terms)} leave it open ({when})" if open_terms else
                 f"facts: no {role} was in office then ({when})",)
        return YearResult(year, holds, steps, values=values)

    return over_years(claim, test, f"\"{claim.text}\" ⇒ no {role} in office")


def _overlaps(term: object, window: tuple[datetime.date, datetime.date]) -> bool | None:
    start, end = getattr(term, "start", None), getattr(term, "end", None)
    if start is None and end is None:
        return None
    if start is not None and start > window[1]:
        return False
    return not (end is not None and end < window[0])


def _holders(env: Env, role: str, window: tuple[datetime.date, datetime.date] | None) -> str:
    if window is None:
        return "unknown"
    names = [o.name for o in env.facts.officials()
             if o.role.lower().removeprefix("acting ") == role.lower() and _overlaps(o, window)]
    # (read into "... came out (X was)": an empty post in the facts is "no one in the fact base")
    return " / ".join(dict.fromkeys(names)) or "no one in the fact base"
