"""`tipcheck facts`: see a country's timeline or one report, and check the whole fact base."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from tipcheck.commands.common import fail
from tipcheck.errors import ExitCode, TipcheckError

if TYPE_CHECKING:  # imported when the command runs: other commands start without them
    from rich.console import Console

    from tipcheck.facts import FactBase

HELP = """Show the facts a verdict rests on, and check the fact base.

\b
tipcheck facts COUNTRY
    tier in every report year 2001-2025 as a strip and a row per year:
    moves, streaks, Watch List years, the source (url) of each fact
tipcheck facts --year Y [--tier T]
    one report: release day, officials, counts published vs ours, placements
tipcheck facts check
    validate every fact file, list coverage gaps and print the coverage
    table; exit 1 on an error (run it in CI)

--facts PATH layers your own fact files (a folder or a file named like the built-in ones: \
2014.yaml, corrections.yaml, ...) over the built-in base; where they disagree, yours wins and \
the output says so. Exit codes: 0 ok, 1 check found errors, 2 usage, 3 a fact file is broken.
"""


def _console() -> Console:
    from rich.console import Console

    return Console(no_color=bool(os.environ.get("NO_COLOR")), highlight=False)


def _load(overlays: list[Path]) -> FactBase:
    from tipcheck.facts import load_fact_base

    try:
        return load_fact_base(overlays=overlays)
    except TipcheckError as error:
        raise fail(str(error.problem), ExitCode.INCOMPLETE) from None


def _country(fb: FactBase, name: str) -> str:
    """The canonical name of a user's country argument, or a usage error with suggestions."""
    from tipcheck.countries import CountryIndex

    index = CountryIndex.load()
    found = index.resolve(name) or fb.resolve_country(name)
    if found and fb.resolve_country(found):
        return fb.resolve_country(found) or found
    hints = index.suggest(name)
    extra = f" (did you mean {', '.join(repr(h) for h in hints)}?)" if hints else ""
    raise fail(f"unknown country '{name}'{extra}", ExitCode.USAGE)


def facts(
    target: list[str] = typer.Argument(None, metavar="[COUNTRY | check]",
                                       help="A country (any common name or ISO3), or 'check'."),
    year: int = typer.Option(None, "--year", help="Show one report year."),
    tier: str = typer.Option(None, "--tier", help="With --year: only this tier (1, 2, 2WL, 3, special)."),
    overlays: list[Path] = typer.Option(None, "--facts", help="Your own fact files, layered on top."),
    fmt: str = typer.Option("rich", "--format", help="rich | json"),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="check: also list notes."),
) -> None:
    """Show the facts a verdict rests on, and check the fact base (full help: HELP)."""
    from tipcheck.facts import ALL_TIERS, normalize_tier
    from tipcheck.facts_audit import audit
    from tipcheck.facts_view import timeline, year_view
    from tipcheck.report_facts import (
        audit_json,
        dumps,
        render_audit,
        render_timeline,
        render_year,
        timeline_json,
        year_json,
    )

    if fmt not in ("rich", "json"):
        raise fail(f"unknown format '{fmt}' (valid: rich, json)", ExitCode.USAGE)
    words = " ".join(target or []).strip()
    layers = list(overlays or [])
    if words.casefold() == "check":
        result = audit(overlays=layers)
        if fmt == "json":
            typer.echo(dumps(audit_json(result)))
        else:
            render_audit(result, _console(), verbose)
        raise typer.Exit(ExitCode.CLEAN if result.ok else ExitCode.FINDINGS)
    if not words and year is None:
        raise fail("give a COUNTRY, --year Y, or 'check' (see tipcheck facts --help)", ExitCode.USAGE)
    fb = _load(layers)
    if words:
        tl = timeline(fb, _country(fb, words))
        if fmt == "json":
            typer.echo(dumps(timeline_json(tl)))
        else:
            render_timeline(tl, _console(), year)
        return
    if fb.report(year) is None:
        raise fail(f"no {year} report in the fact base (reports: {fb.years.start}-{fb.years.stop - 1})",
                   ExitCode.USAGE)
    code = None
    if tier is not None:
        code = normalize_tier(tier)
        if code is None:
            raise fail(f"unknown tier '{tier}' (valid: {', '.join(ALL_TIERS)})", ExitCode.USAGE)
        if code != "special" and not fb.tier_exists(code, year):
            raise fail(f"the {year} report had no {tier} (it used: {', '.join(fb.tiers_in(year))})",
                       ExitCode.USAGE)
    view = year_view(fb, year, code)
    if fmt == "json":
        typer.echo(dumps(year_json(view)))
    else:
        render_year(view, _console(), code)


def register(app: typer.Typer) -> None:
    """Add `facts` to the app."""
    app.command("facts", help=HELP, no_args_is_help=True)(facts)
