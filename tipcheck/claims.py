"""Placing drafts in their document: spans, years, and the finished Claim records."""

from __future__ import annotations

import datetime
from typing import Any

from tipcheck.dating import DocumentDate
from tipcheck.extract import ReadDocument
from tipcheck.model import Claim, frozen_fields


def finish_claims(read: ReadDocument, date: DocumentDate) -> list[Claim]:
    """Claims of one document, each with the report years it speaks of."""
    claims = []
    published = date.published
    shifted: dict[int, tuple[int, ...]] = {0: tuple(date.years)}  # the document's years, by offset
    for item in read.claims:
        draft = item.draft
        kind = draft.kind
        values = draft.fields  # copied by frozen_fields; copied here first only to add to it
        if values.get("relative") or (kind == "official" and published is not None):
            values = dict(values)
            if values.get("relative"):
                values.update(_resolve_relative(values["relative"], published))
            if kind == "official" and published is not None:
                values["published"] = published.isoformat()  # named in office on that day
        offset = draft.year_offset
        if draft.year_explicit and values.get("year"):
            years: tuple[int, ...] = (int(values["year"]),)
        elif kind == "report_year":
            years = date.years
        else:
            years = shifted.get(offset) or shifted.setdefault(offset, tuple(y + offset for y in date.years))
        claims.append(Claim(
            kind=kind,
            fields=frozen_fields(values),
            text=item.text,
            span=item.span,
            sentence=item.sentence.text,
            reading=draft.reading,
            years=years,
            year_explicit=draft.year_explicit or (date.explicit and offset == 0),
            negated=draft.negated,
            attributed=draft.attributed,
        ))
    return claims


def _resolve_relative(relative: str, published: datetime.date | None) -> dict[str, Any]:
    """ "yesterday", "this month", "last week" against the document's publication date."""
    if published is None:
        return {}
    if relative in ("today", "yesterday"):
        day = published - datetime.timedelta(days=1 if relative == "yesterday" else 0)
        return {"release_month": day.month, "release_day": day.day, "year": day.year,
                "published": published.isoformat()}
    if relative == "this month":
        return {"release_month": published.month, "year": published.year,
                "published": published.isoformat()}
    if relative == "last month":
        last = published.replace(day=1) - datetime.timedelta(days=1)
        return {"release_month": last.month, "year": last.year, "published": published.isoformat()}
    return {}
