"""Rendering `tipcheck facts`: a country's timeline, one report, the fact-base audit (rich and json)."""

from __future__ import annotations

import json
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from tipcheck.facts import Fact, Source
from tipcheck.facts_audit import ALL, Audit
from tipcheck.facts_types import WATCH_LIST_FIRST
from tipcheck.facts_view import (
    WATCH_LIST_COUNT_FROM,
    WATCH_LIST_LIMIT,
    Timeline,
    YearCell,
    YearView,
    release_text,
)
from tipcheck.wording import ordinal_digits, tier_name

# one cell of the strip per report year: label and style
CELL = {"1": (" 1 ", "black on green"), "2": (" 2 ", "black on yellow"),
        "2WL": ("WL ", "black on dark_orange"), "3": (" 3 ", "white on red"),
        "special": (" S ", "white on blue"), "not_in_report": (" – ", "grey62"),
        "unknown": (" ? ", "black on grey50")}
ARROW = {"upgrade": "↑ upgrade", "downgrade": "↓ downgrade"}
SHORT = {"1": "T1", "2": "T2", "2WL": "2WL", "3": "T3", "special": "special"}


def keys(fact: Fact | None) -> str:
    """A fact's source keys, joined."""
    return "+".join(dict.fromkeys(s.key for s in fact.sources)) if fact else ""


def source_line(s: Source) -> str:
    """'key: url' (or where it can be read when there is no url)."""
    return f"{s.key}: {s.url or s.where or 'no url'}"


def short_origin(fact: Fact) -> str:
    """'reports/2014.yaml:21' from 'rules/facts/generated/reports/2014.yaml:21'."""
    return fact.origin.removeprefix("rules/facts/").removeprefix("generated/")


# ---------------------------------------------------------------------------- country timeline


def strip(tl: Timeline) -> tuple[Text, Text]:
    """Two lines: the two-digit years, and one coloured cell per year."""
    years, cells = Text(), Text()
    for c in tl.cells:
        years.append(f"{c.year % 100:02d} ")
        label, style = CELL[c.tier if c.status == "placed" and c.tier else c.status]
        cells.append(label, style=style)
    return years, cells


def cell_note(tl: Timeline, c: YearCell) -> str:
    """Run position, Watch List counting, conflicts, layer, what an unknown year can't be."""
    notes = []
    run = next((s for s in tl.streaks if s.start <= c.year <= s.end and s.tier == c.tier), None)
    if c.watch_years:
        text = f"{ordinal_digits(c.watch_years)} Watch List year"
        if c.year >= WATCH_LIST_COUNT_FROM and c.watch_counted != c.watch_years:
            text += f", {ordinal_digits(c.watch_counted)} counted from {WATCH_LIST_COUNT_FROM}"
        if c.watch_counted > WATCH_LIST_LIMIT:
            text += f" (over {WATCH_LIST_LIMIT}: waiver)"
        notes.append(text)
    elif run and c.year > run.start:
        notes.append(f"{ordinal_digits(c.year - run.start + 1)} in a row")
    if c.status == "unknown":
        notes.append("no fact held" + (f"; not on the complete {'/'.join(SHORT[t] for t in c.excluded)}"
                                       " list" if c.excluded else ""))
    if c.weak:
        notes.append("weak: seed document only")
    if c.layer in ("manual", "overlay"):
        notes.append("hand-written fact" if c.layer == "manual" else "your facts")
    if c.conflicts:
        notes.append("sources disagree: " + ", ".join(x.origin for x in c.conflicts))
    return "; ".join(notes)


def placement_text(c: YearCell) -> Text:
    """The year's status in words, coloured like its strip cell."""
    if c.status == "placed":
        return Text(tier_name(c.tier), style=CELL[c.tier or "unknown"][1].split(" on ")[-1])
    if c.status == "not_in_report":
        return Text("not in that year's report", style="grey62")
    return Text("unknown to us", style="dim")


def move_text(c: YearCell) -> str:
    """'↓ downgrade from Tier 1', 'first ranked', or '' (no move, or can't tell)."""
    if c.move in ARROW:
        return f"{ARROW[c.move]} from {tier_name(c.previous)}"
    if c.move == "first":
        return "first ranked"
    if c.move == "back":
        return "back in the report"
    if c.status == "placed" and c.move is None and c.year > 2001:
        return "? (year before unknown)"
    return ""


def render_timeline(tl: Timeline, console: Console, only: int | None = None) -> None:
    """The strip, the headline streak and moves, a row per year (or only one), and the sources."""
    n = tl.counts()
    first, last = tl.cells[0].year, tl.cells[-1].year
    console.print(Text(f"{tl.country} ({tl.iso3})", style="bold"), Text(
        f"  {len(tl.cells)} reports {first}–{last}: {n['placed']} placed, "
        f"{n['not_in_report']} not in the report, {n['unknown']} unknown to us"))
    years, cells = strip(tl)
    console.print(years)
    console.print(cells)
    legend = Text("key: ")
    for code, words in (("1", "Tier 1"), ("2", "Tier 2"), ("2WL", "Watch List"), ("3", "Tier 3"),
                        ("special", "special case"), ("not_in_report", "not in that year's report"),
                        ("unknown", "unknown to us")):
        legend.append(CELL[code][0], style=CELL[code][1])
        legend.append(f" {words}  ")
    console.print(legend)
    current = tl.current()
    if current:
        console.print(Text(f"now: {tier_name(current.tier)} since {current.start}: "
                           f"{current.length} reports ({current.start}–{current.end})", style="bold"))
    moves = tl.moves()
    if moves:
        console.print("moves: " + "; ".join(
            f"{c.year} {ARROW[c.move or '']} {tier_name(c.previous)} → {tier_name(c.tier)}"
            for c in moves), highlight=False)
    long_runs = [s for s in tl.streaks if s.length > 1 and not s.current]
    if long_runs:
        console.print("earlier runs: " + "; ".join(
            f"{tier_name(s.tier)} {s.start}–{s.end} ({s.length} reports)" for s in long_runs),
            highlight=False)
    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
    for name in ("year", "placement", "move", "note", "sources"):
        table.add_column(name, overflow="fold")
    shown = [c for c in tl.cells if only in (None, c.year)]
    used = [s for s in tl.sources()
            if any(s in (c.fact.sources if c.fact else ()) for c in shown)]
    number = {(s.key, s.url): i for i, s in enumerate(used, 1)}
    for c in shown:
        refs = ",".join(str(number[(s.key, s.url)]) for s in (c.fact.sources if c.fact else ()))
        table.add_row(str(c.year), placement_text(c), move_text(c), cell_note(tl, c),
                      f"[{refs}]" if refs else "")
    console.print(table)
    if any(c.watch_years for c in shown) and tl.watch_rule:
        rule = tl.watch_rule
        console.print(Text(f"Watch List limit: {rule.value} ({keys(rule)}: {' '.join(rule.urls)})",
                           style="dim"))
    console.print("[bold]sources[/bold]")
    for i, s in enumerate(used, 1):
        console.print(f"  [{i}] {source_line(s)}", highlight=False, soft_wrap=True, markup=False)


def timeline_json(tl: Timeline) -> dict[str, Any]:
    """The timeline as plain data."""
    cur = tl.current()
    return {
        "country": tl.country, "iso3": tl.iso3,
        "years": [{"year": c.year, "status": c.status, "tier": c.tier, "move": c.move,
                   "previous": c.previous, "watch_list_years": c.watch_years,
                   "watch_list_counted": c.watch_counted, "excluded": list(c.excluded),
                   "weak": c.weak, "layer": c.layer, "fact": fact_json(c.fact),
                   "conflicts": [x.origin for x in c.conflicts]} for c in tl.cells],
        "streaks": [{"tier": s.tier, "start": s.start, "end": s.end, "length": s.length,
                     "current": s.current} for s in tl.streaks],
        "current": None if cur is None else {"tier": cur.tier, "since": cur.start,
                                             "reports": cur.length},
    }


def fact_json(fact: Fact | None) -> dict[str, Any] | None:
    """A fact with its origin and sources."""
    if fact is None:
        return None
    return {"value": fact.value, "origin": fact.origin, "note": fact.note,
            "sources": [{"key": s.key, "url": s.url, "what": s.what, **({"where": s.where}
                                                                        if s.where else {})}
                        for s in fact.sources]}


# ---------------------------------------------------------------------------- one report


def render_year(view: YearView, console: Console, tier: str | None) -> None:
    """Release, officials, counts (published beside ours) and the placements."""
    r = view.report
    title = f"The {view.year} Trafficking in Persons Report"
    if r.ordinal:
        title += f" ({ordinal_digits(r.ordinal)} report)"
    console.print(Text(title, style="bold"))
    release = release_text(r)
    line = Text(f"released: {release}")
    if r.release:
        urls = " ".join(r.release.urls)
        line.append(f"  [{r.release.origin}; {keys(r.release)}{' ' + urls if urls else ''}]", style="dim")
    console.print(line)
    if r.release and not r.release.urls and r.sources:
        console.print(Text(f"  record cites: {r.sources[0].what}", style="dim"))
    for h in view.holders:
        named = str(h.named.value) if h.named else "not recorded"
        held = Text(f"{h.role}: {named}")
        if h.terms:
            held.append("  (in office that day: " + ", ".join(
                f"{o.role} {o.name}, {o.source.url}" for o in h.terms) + ")", style="dim")
        elif r.release_date:
            held.append("  (officials data can't confirm who held office that day)", style="dim")
        console.print(held)
    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
    for name in ("tier", "published", "our facts", ""):
        table.add_column(name)
    for row in view.rows:
        state = {"match": "[green]equal[/green]", "gap": "[yellow]coverage gap[/yellow]",
                 "over": "[red]more than published[/red]", "unpublished": "[dim]no published count[/dim]"
                 }[row.state]
        ours = f"{row.counted}" + (" (complete list)" if row.complete else "")
        table.add_row(tier_name(row.tier), str(row.published.value) if row.published else "?",
                      ours, state)
    console.print(table)
    for row in view.rows:
        if tier is None and not row.countries:
            continue
        head = Text(f"{tier_name(row.tier)}: {row.counted} "
                    f"{'country' if row.counted == 1 else 'countries'} in our facts", style="bold")
        if row.published:
            head.append(f", published {row.published.value}", style="bold")
            head.append(f"  [{row.published.origin}]", style="dim")
        console.print(head)
        if tier is not None:
            listing = Table(box=None, show_header=False, pad_edge=False)
            for _ in range(3):
                listing.add_column(overflow="fold")
            for country, fact in row.countries:
                listing.add_row(f"  {country}", keys(fact), Text(short_origin(fact), style="dim"))
            console.print(listing)
        else:
            console.print("  " + ", ".join(c for c, _ in row.countries), highlight=False)
    if view.not_in_report and tier is None:
        console.print("[bold]not in this report[/bold] (sourced): " + ", ".join(
            c for c, _ in view.not_in_report), highlight=False)


def year_json(view: YearView) -> dict[str, Any]:
    """One report as plain data."""
    r = view.report
    return {
        "year": view.year, "ordinal": r.ordinal,
        "release_date": r.release_date.isoformat() if r.release_date else None,
        "release_month": (f"{r.release_month[0]:04d}-{r.release_month[1]:02d}"
                          if r.release_month else None),
        "weekday": r.weekday, "release": fact_json(r.release),
        "officials": [{"role": h.role, "named": fact_json(h.named),
                       "in_office": [{"name": o.name, "role": o.role, "url": o.source.url}
                                     for o in h.terms]} for h in view.holders],
        "tiers": [{"tier": row.tier, "published": fact_json(row.published), "counted": row.counted,
                   "complete": row.complete is not None, "state": row.state,
                   "countries": [{"country": c, **(fact_json(f) or {})} for c, f in row.countries]}
                  for row in view.rows],
        "not_in_report": [c for c, _ in view.not_in_report],
    }


# ---------------------------------------------------------------------------- audit

_SEV = {"error": "bold red", "warning": "yellow", "note": "cyan"}


def render_audit(result: Audit, console: Console, verbose: bool = False) -> None:
    """Issues by severity (notes only when verbose), then the coverage table and a summary."""
    for issue in result.issues:
        if issue.severity == "note" and not verbose:
            continue
        where = f"{issue.where}: " if issue.where else ""
        line = Text(where)
        line.append(issue.severity, style=_SEV[issue.severity])
        line.append(f": {issue.message} ")
        line.append(f"({issue.kind})", style="dim")
        console.print(line, soft_wrap=True)
    if result.coverage:
        console.print(coverage_table(result))
    fb = result.facts
    summary = (f"facts check: {result.count('error')} errors, {result.count('warning')} warnings, "
               f"{result.count('note')} notes")
    if fb is not None:
        summary += (f"; {len(fb.all_placements())} placements, {len(fb.all_not_in_report())} "
                    f"not-in-report facts, {len(fb.files)} files, version {fb.version}")
    console.print(summary, highlight=False)


def coverage_table(result: Audit) -> Table:
    """Known country-years per report year: ours/published per tier, complete lists marked."""
    table = Table(title="coverage: country-years we hold / published (* = complete list)",
                  header_style="bold", box=None, pad_edge=False)
    table.add_column("year")
    table.add_column("known", justify="right")
    for t in ALL:
        table.add_column(SHORT[t], justify="right")
    table.add_column("ranked", justify="right")
    table.add_column("not in report", justify="right")
    for row in result.coverage:
        cells = []
        for t in ALL:
            p = row.published[t]
            if t == "2WL" and not row.counted[t] and row.year < WATCH_LIST_FIRST:
                cells.append(Text("–", style="dim"))  # no Watch List before the 2004 report
                continue
            text = f"{row.counted[t]}" + (f"/{p}" if p is not None else "")
            text += "*" if t in row.complete else ""
            style = ("red" if p is not None and row.counted[t] > p else
                     "yellow" if p is not None and row.counted[t] < p else "")
            cells.append(Text(text, style=style))
        ranked = f"{row.ranked}" + (f"/{row.ranked_published}" if row.ranked_published else "")
        table.add_row(str(row.year), str(row.known), *cells, ranked, str(row.not_in_report or ""))
    return table


def audit_json(result: Audit) -> dict[str, Any]:
    """The audit as plain data."""
    return {
        "ok": result.ok,
        "issues": [{"severity": i.severity, "kind": i.kind, "where": i.where, "message": i.message}
                   for i in result.issues],
        "coverage": [{"year": r.year, "known": r.known, "ranked": r.ranked,
                      "ranked_published": r.ranked_published, "covered": r.covered,
                      "counted": r.counted, "published": r.published, "complete": list(r.complete),
                      "not_in_report": r.not_in_report} for r in result.coverage],
        "version": result.facts.version if result.facts else None,
    }


def dumps(data: dict[str, Any]) -> str:
    """JSON text."""
    return json.dumps(data, indent=2, ensure_ascii=False)
