"""A deterministic corpus of news articles, most not about the TIP report, for the benchmarks.

`python benchmarks/corpus.py OUT --docs 10000 --seed 7` writes OUT/00000.md, OUT/00001.txt, …
Each document is 2–6 KB of ordinary news prose (Markdown or plain text, a third hard-wrapped at
72 columns so that sentences, claims among them, span lines). About one document in ten is a TIP
story with claim sentences (placements, streaks, moves, tier counts, report years, release days)
about many countries and years; about a quarter of those claims are wrong on purpose. The true
values come from tipcheck's own fact base, so the wrong ones are wrong against it.
"""

from __future__ import annotations

import argparse
import random
import textwrap
from dataclasses import dataclass
from pathlib import Path

TIP_SHARE = 0.10  # documents about the report
WRONG_SHARE = 0.25  # claims in them that contradict the facts
WRAP_SHARE = 1 / 3  # documents hard-wrapped at 72 columns
MARKDOWN_SHARE = 0.5

_FIRST = ("Maria", "James", "Aisha", "Kenji", "Olga", "Pedro", "Fatima", "Liam", "Chen", "Amara",
          "Tomás", "Ingrid", "Rahul", "Zeynep", "Samuel", "Léa", "Dmitri", "Nadia", "Kwame", "Hana")
_LAST = ("Okafor", "Lindqvist", "García", "Tanaka", "Novak", "Haddad", "Brennan", "Silva", "Kowalski",
         "Nguyen", "Mensah", "Dubois", "Petrov", "Ahmed", "Larsen", "Moreau", "Costa", "Schmidt")
_PLACES = ("Springfield", "Riverton", "the county", "the capital", "Lakeside", "the northern district",
           "Port Ellis", "the harbour town", "Millbrook", "the old quarter", "Westfield", "the valley")
_ORGS = ("the city council", "the regional water board", "the chamber of commerce", "the teachers' union",
         "the transit authority", "the health ministry", "the football club", "the central bank",
         "the port authority", "the university", "the hospital trust", "the farmers' cooperative")
_TOPICS = ("budget", "bridge repairs", "school calendar", "bus routes", "harvest", "housing plan",
           "flood defences", "stadium lease", "pension reform", "museum opening", "fishing quotas",
           "power grid", "tax rebate", "hospital wing", "rail link", "library hours")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# Ordinary prose. Several carry words that a broad claim prefilter must let through ("report",
# "year", "since", "ranked", "level", "countries", "director"): the prefilter's cost is real.
_FILLER = (
    "{person}, a spokesperson for {org}, said the {topic} would be discussed again on {weekday}.",
    "Officials in {place} expect the {topic} to cost about {money} million over {n} years.",
    "The vote on the {topic} was postponed after {n} members of {org} asked for more time.",
    "Residents of {place} packed the hall, and many said they had waited since {year} for an answer.",
    "{person} has led {org} since {year} and is expected to seek another term in {month}.",
    "According to a report released by {org} last {month}, traffic rose {n} percent in {place}.",
    "Rain is forecast for most of {place} through {weekday}, with temperatures near {n} degrees.",
    "The club's coach, {person}, said the team had ranked third in the league for the second year.",
    "Prices at the market in {place} fell for the {ordinal} month in a row, traders said.",
    "{org} released its annual figures on {weekday}, showing {n} new members and a small surplus.",
    "Critics say the {topic} favours {place}, while supporters point to {n} new jobs.",
    "The director of {org}, {person}, told reporters that the level of interest had surprised her.",
    "Visitors from {n} countries attended the festival in {place}, the organisers estimated.",
    "A public consultation on the {topic} runs until {month} {day}, and comments can be sent online.",
    "{person} said the decision was \"a first step\" and that {org} would report back in {month}.",
    "Police closed the road near {place} for several hours on {weekday} after a minor accident.",
    "The {topic} was first proposed in {year}, but work only began this {month}.",
    "Enrolment at the university has risen every year since {year}, reaching {money},000 students.",
    "Shares in the company rose {n} percent after it reported strong results for the quarter.",
    "The ambassador of {country} visited {place} on {weekday} to open a trade exhibition.",
    "Farmers in {country} expect a good harvest after steady rain in {month}, officials said.",
    "Talks between {country} and its neighbours on fishing rights resumed in {month} {year}.",
    "The secretary of {org} said the accounts for {year} would be published in {month}.",
    "More than {money},000 people signed the petition against the {topic}, organisers said.",
    "In a statement, {org} said it was reviewing the {topic} and would not comment further.",
)

# TIP story framing: prose about the report that is not itself a checkable claim.
_TIP_FRAME = (
    "The U.S. State Department's annual Trafficking in Persons report rates governments on their "
    "efforts to meet the minimum standards of the Trafficking Victims Protection Act.",
    "Advocates in {place} welcomed the findings but said enforcement remained weak.",
    "{person}, who works with survivors in {place}, said shelters were short of funding.",
    "The report describes forced labour in agriculture, fishing and domestic work.",
    "Officials in {country} said they had opened new cases against labour recruiters this year.",
    "Rights groups urged the government to protect victims rather than prosecute them.",
)


@dataclass(frozen=True)
class Truth:
    """What the fact base says, to write right and wrong claims from."""

    placements: dict[int, dict[str, str]]  # year -> country -> tier
    counts: dict[int, dict[str, int]]  # year -> tier -> count (from placements)
    releases: dict[int, str]  # year -> weekday


_TIER_TEXT = {"1": "Tier 1", "2": "Tier 2", "2WL": "the Tier 2 Watch List", "3": "Tier 3"}
_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
             "tenth", "eleventh", "twelfth")


def load_truth() -> Truth:
    """Placements, counts and release weekdays from tipcheck's fact base."""
    from tipcheck.facts import load_fact_base

    facts = load_fact_base(include_placements=True)
    placements: dict[int, dict[str, str]] = {}
    counts: dict[int, dict[str, int]] = {}
    releases: dict[int, str] = {}
    for year in range(2001, 2031):
        found = {country: fact.value for country, fact in facts.placements(year).items()
                 if str(fact.value) in _TIER_TEXT}
        if found:
            placements[year] = {c: str(t) for c, t in sorted(found.items())}
            counts[year] = {t: sum(1 for v in placements[year].values() if v == t) for t in _TIER_TEXT}
        info = facts.report(year)
        if info is not None and getattr(info, "weekday", None):
            releases[year] = info.weekday
    return Truth(placements, counts, releases)


class Writer:
    """One seeded random stream writing documents."""

    def __init__(self, seed: int, truth: Truth) -> None:
        self.rng = random.Random(seed)
        self.truth = truth
        self.years = sorted(truth.placements)
        self.countries = sorted({c for p in truth.placements.values() for c in p})

    def _fill(self, template: str, country: str | None = None) -> str:
        r = self.rng
        return template.format(
            person=f"{r.choice(_FIRST)} {r.choice(_LAST)}", org=r.choice(_ORGS), place=r.choice(_PLACES),
            topic=r.choice(_TOPICS), weekday=r.choice(_WEEKDAYS), month=r.choice(_MONTHS),
            day=r.randint(1, 28), year=r.randint(1990, 2025), n=r.randint(2, 40),
            money=r.randint(2, 900), ordinal=r.choice(_ORDINALS[:6]),
            country=country or r.choice(self.countries),
        )

    def _wrong(self) -> bool:
        return self.rng.random() < WRONG_SHARE

    def claim(self) -> str:
        """One TIP claim sentence; wrong about a quarter of the time."""
        r = self.rng
        year = r.choice(self.years)
        placed = self.truth.placements[year]
        country = r.choice(sorted(placed))
        tier = placed[country]
        kind = r.randrange(6)
        if kind == 0:
            shown = r.choice([t for t in _TIER_TEXT if t != tier]) if self._wrong() else tier
            return f"In the {year} report, {country} was placed on {_TIER_TEXT[shown]}."
        if kind == 1:
            streak = 1
            while placed is not None and self.truth.placements.get(year - streak, {}).get(country) == tier:
                streak += 1
            shown = streak + r.randint(1, 3) if self._wrong() else streak
            if shown < 2:
                return f"The {year} report kept {country} off {_TIER_TEXT['3']}, which it had avoided."
            return (f"{country} remained on {_TIER_TEXT[tier]} in the {year} report, "
                    f"its {_ORDINALS[min(shown, 12) - 1]} consecutive year there.")
        if kind == 2:
            before = self.truth.placements.get(year - 1, {}).get(country)
            if before is None or before == tier:
                return f"{country} stayed on {_TIER_TEXT[tier]} in the State Department's {year} report."
            old, new = (tier, before) if self._wrong() else (before, tier)
            return f"{country} was moved from {_TIER_TEXT[old]} to {_TIER_TEXT[new]} in the {year} report."
        if kind == 3:
            t = r.choice(("1", "3"))
            count = self.truth.counts[year].get(t, 0)
            if count == 0:
                return f"The {year} report covered governments on every continent."
            shown = count + r.choice((-3, -2, 2, 4)) if self._wrong() else count
            return f"The {year} report placed {max(shown, 1)} countries on {_TIER_TEXT[t]}."
        if kind == 4 and year in self.truth.releases:
            day = self.truth.releases[year]
            shown = r.choice([d for d in _WEEKDAYS if d != day]) if self._wrong() else day
            return f"The {year} Trafficking in Persons report was released on a {shown}."
        return (f"{country} is on {_TIER_TEXT[tier]} of the State Department's {year} "
                f"Trafficking in Persons report.")

    def paragraph(self, tip: bool) -> str:
        """Three to six sentences; a TIP story's paragraphs mix claims into framing prose."""
        r = self.rng
        sentences = []
        for _ in range(r.randint(3, 6)):
            if tip and r.random() < 0.35:
                sentences.append(self.claim())
            elif tip and r.random() < 0.3:
                sentences.append(self._fill(r.choice(_TIP_FRAME)))
            else:
                sentences.append(self._fill(r.choice(_FILLER)))
        return " ".join(sentences)

    def document(self) -> tuple[str, str]:
        """(suffix, text) of one document of 2–6 KB."""
        r = self.rng
        tip = r.random() < TIP_SHARE
        markdown = r.random() < MARKDOWN_SHARE
        wrap = r.random() < WRAP_SHARE
        target = r.randint(2048, 6144)
        title = (f"Trafficking report: {r.choice(self.countries)} under scrutiny" if tip
                 else f"{r.choice(_PLACES).capitalize()} weighs {r.choice(_TOPICS)}")
        parts = [f"# {title}" if markdown else title, ""]
        if markdown:
            byline = f"{r.choice(_FIRST)} {r.choice(_LAST)}, {r.choice(_MONTHS)} {r.randint(1, 28)}"
            parts += [f"*By {byline}*", ""]
        size = sum(len(p) + 1 for p in parts)
        while size < target:
            text = self.paragraph(tip)
            if markdown and r.random() < 0.15:
                text = "\n".join(f"- {self._fill(r.choice(_FILLER))}" for _ in range(3))
            elif markdown and r.random() < 0.1:
                text = f"## {r.choice(_TOPICS).capitalize()}"
            elif wrap:
                text = textwrap.fill(text, 72, break_long_words=False, break_on_hyphens=False)
            parts += [text, ""]
            size += len(text) + 2
        return (".md" if markdown else ".txt"), "\n".join(parts)


def generate(out: Path, docs: int, seed: int = 7) -> list[Path]:
    """Write `docs` documents under `out` (created); the same seed gives the same bytes."""
    out.mkdir(parents=True, exist_ok=True)
    writer = Writer(seed, load_truth())
    written = []
    for i in range(docs):
        suffix, text = writer.document()
        path = out / f"{i:05d}{suffix}"
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def main() -> None:
    """Command line: OUT --docs N --seed S."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    paths = generate(args.out, args.docs, args.seed)
    total = sum(p.stat().st_size for p in paths)
    print(f"{len(paths)} documents, {total / 1e6:.1f} MB in {args.out}")


if __name__ == "__main__":
    main()
