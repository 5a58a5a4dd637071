"""Placing drafts in their document: spans, years, and the finished Claim records."""

from __future__ import annotations

from tipcheck.dating import DocumentDate
from tipcheck.extract import ReadDocument
from tipcheck.model import Claim, frozen_fields


def finish_claims(read: ReadDocument, date: DocumentDate) -> list[Claim]:
    """Claims of one document, each with the report years it speaks of."""
    claims = []
    for item in read.claims:
        draft = item.draft
        if draft.year_explicit and draft.fields.get("year"):
            years: tuple[int, ...] = (int(draft.fields["year"]),)
        elif draft.kind == "report_year":
            years = date.years
        else:
            years = tuple(y + draft.year_offset for y in date.years)
        claims.append(Claim(
            kind=draft.kind,
            fields=frozen_fields(draft.fields),
            text=item.text,
            span=item.span,
            sentence=item.sentence.text,
            reading=draft.reading,
            years=years,
            year_explicit=draft.year_explicit or (date.explicit and draft.year_offset == 0),
            negated=draft.negated,
            attributed=draft.attributed,
        ))
    return claims
