"""Readers for which report a document speaks of and when it came out."""

from __future__ import annotations

import re

from tipcheck.extract.context import SentenceContext, fields
from tipcheck.extract.draft import Draft
from tipcheck.numbers import ORDINAL_PATTERN, parse_ordinal

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
          r"December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)")
_WEEKDAY = "(?:" + "|".join(WEEKDAYS) + ")"
_REPORT = (r"(?:(?:annual\s+)?(?:U\.S\.\s+)?(?:State\s+Department(?:'s)?\s+)?"
           r"(?:Trafficking\s+in\s+Persons|TIP|[Hh]uman\s+[Tt]rafficking|[Tt]rafficking)\s+"
           r"\(?(?:TIP\)\s+)?[Rr]eport|[Rr]eport\s+on\s+(?:human\s+)?trafficking)")
_REPORT_YEAR_RE = re.compile(
    rf"\b(?P<y1>20[0-4]\d)\s+{_REPORT}"
    rf"|\b(?:Trafficking\s+in\s+Persons|TIP)\s+[Rr]eport\s*(?:\(|,\s*)?(?P<y2>20[0-4]\d)\b"
    rf"|\b(?P<ord>{ORDINAL_PATTERN})\s+annual\s+(?:\w+\s+){{0,4}}?(?:[Rr]eport)\b"
)
_DATE_RE = re.compile(
    rf"(?:(?P<wd>{_WEEKDAY}),?\s+)?(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b"
    rf"(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?"
)
_RELEASE_CUE_RE = re.compile(
    r"\b(?:releas\w*|issu\w*|publish\w*|unveil\w*|launch\w*|came\s+out|come\s+out|made\s+public|"
    r"present\w*|rolled\s+out)\b", re.IGNORECASE)
_WEEKDAY_RE = re.compile(rf"\b(?P<wd>{_WEEKDAY})(?:'s)?\b")


def read_release(ctx: SentenceContext) -> list[Draft]:
    """Report-year, release-weekday and release-date claims of one sentence."""
    drafts = _report_years(ctx)
    dated = _dates(ctx)
    drafts += dated
    if not any(d.fields.get("weekday") for d in dated):
        drafts += _weekdays(ctx)
    return drafts


def _report_years(ctx: SentenceContext) -> list[Draft]:
    drafts = []
    for match in _REPORT_YEAR_RE.finditer(ctx.text):
        year_text = match.group("y1") or match.group("y2")
        if year_text:
            year, ordinal = int(year_text), None
        else:
            ordinal = parse_ordinal(match.group("ord"))
            if not ordinal or ordinal > 60:
                continue
            year = None
        lead = ctx.text[max(0, match.start() - 25):match.start()].lower()
        previous = bool(re.search(r"\b(?:last|previous|prior)\b", lead))
        drafts.append(Draft(
            kind="report_year",
            fields=fields(year=year, ordinal=ordinal, previous=previous or None),
            start=match.start(), end=match.end(),
            reading="report_year:ordinal" if ordinal else "report_year:named",
            year_explicit=year is not None,
        ))
    return drafts


def month_number(text: str) -> int:
    """1–12 for a month name or abbreviation."""
    return MONTHS[text[:3].lower()]


def _dates(ctx: SentenceContext) -> list[Draft]:
    drafts = []
    released = _RELEASE_CUE_RE.search(ctx.text)
    for match in _DATE_RE.finditer(ctx.text):
        month, day = month_number(match.group("month")), int(match.group("day"))
        if not 1 <= day <= 31:
            continue
        year = int(match.group("year")) if match.group("year") else None
        weekday = match.group("wd")
        if weekday and year:
            drafts.append(Draft(
                kind="weekday",
                fields=fields(weekday=weekday, date=f"{year:04d}-{month:02d}-{day:02d}"),
                start=match.start(), end=match.end(), reading="weekday:dated",
            ))
        elif released and abs(released.start() - match.start()) < 80:
            drafts.append(Draft(
                kind="weekday",
                fields=fields(release_month=month, release_day=day, year=year, weekday=weekday),
                start=match.start(), end=match.end(), reading="weekday:release-date",
                year_explicit=year is not None,
            ))
    return drafts


def _weekdays(ctx: SentenceContext) -> list[Draft]:
    drafts = []
    release = _RELEASE_CUE_RE.search(ctx.text)
    if not release:
        return drafts
    for match in _WEEKDAY_RE.finditer(ctx.text):
        if abs(match.start() - release.start()) > 60:
            continue
        drafts.append(Draft(
            kind="weekday", fields={"weekday": match.group("wd")},
            start=match.start(), end=match.end(), reading="weekday:released-on",
            attributed=False,
        ))
    return drafts
