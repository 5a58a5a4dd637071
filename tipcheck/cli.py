"""The command line: `tipcheck scan`, `tipcheck explain`, `tipcheck rules`; more in commands/."""

from __future__ import annotations

import os
from pathlib import Path

import typer
from rich.console import Console

from tipcheck.commands import register
from tipcheck.commands.common import choose_format, emit, exit_code, fail, load_checker
from tipcheck.errors import ExitCode, TipcheckError
from tipcheck.rules import find_rule, load_rules
from tipcheck.wording import year_label

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Fact-check claims about the U.S. Trafficking in Persons (TIP) Report.")


@app.command()
def scan(
    paths: list[Path] = typer.Argument(..., help="Files and folders (.txt, .md) to check."),
    fmt: str = typer.Option(None, "--format", help="rich | parsable | json"),
    year: int = typer.Option(None, "--year", help="The report year the documents speak of."),
    no_facts: bool = typer.Option(False, "--no-facts",
                                  help="Check documents only against each other and invariants."),
    show_verified: bool = typer.Option(False, "--show-verified",
                                       help="Also list the claims that were checked and hold."),
) -> None:
    """Every contradiction within and across the documents of PATHS."""
    chosen = choose_format(fmt)
    checker = load_checker(no_facts, year)
    result = checker.scan_paths([str(p) for p in paths])
    emit(result, chosen, checker, show_verified)
    raise typer.Exit(exit_code(result))


@app.command()
def explain(
    claim: str = typer.Argument(..., help="The sentence to read and check."),
    year: int = typer.Option(None, "--year", help="The report year the claim speaks of."),
    no_facts: bool = typer.Option(False, "--no-facts"),
) -> None:
    """How one claim is read, what it implies, and which rules and facts it meets."""
    checker = load_checker(no_facts, year)
    result = checker.scan_text(claim)
    console = Console(no_color=bool(os.environ.get("NO_COLOR")), highlight=False)
    date = result.dates.get("<claim>")
    if date:
        console.print(f"report year: {date.label()} ({'; '.join(date.evidence)})")
    if not result.claims:
        console.print("no claim read: tipcheck found nothing it can check in this sentence")
    for c in result.claims:
        console.print(f"claim: {c.kind} {dict(c.fields)} \u201c{c.text}\u201d (reader {c.reading})")
    contradicted = False
    for v in result.verdicts:
        console.print(f"  {v.rule.label}: [bold]{v.outcome.verdict}[/bold]")
        for step in v.outcome.derivation:
            console.print(f"    \u21d2 {step}")
        holds = v.outcome.holds_for
        if v.outcome.verdict == "consistent" and holds and set(v.claim.years) - set(holds):
            console.print(f"    holds only if the claim speaks of the {year_label(holds)} report")
        for rel in v.outcome.related:
            console.print(f"    see: {rel.message}" + (f" [{rel.source}]" if rel.source else "")
                          + (f" {rel.url}" if rel.url else ""))
        contradicted |= v.outcome.verdict == "contradicted" and v.rule.severity != "note"
    if result.claims and not result.verdicts:
        console.print("verdict: unverifiable (no rule applies)")
    verdict = ("contradicted" if contradicted
               else "consistent" if result.verdicts else "unverifiable")
    console.print(f"verdict: {verdict}")
    raise typer.Exit(ExitCode.FINDINGS if contradicted else ExitCode.CLEAN)


@app.command()
def rules(name: str = typer.Argument(None, help="A rule code or name to show in full.")) -> None:
    """List the rules, or show one."""
    try:
        loaded = load_rules()
    except TipcheckError as error:
        raise fail(str(error.problem), ExitCode.INCOMPLETE) from None
    if name:
        rule = find_rule(loaded, name)
        if rule is None:
            raise fail(f"no rule '{name}'", ExitCode.USAGE)
        typer.echo(f"{rule.label} ({rule.severity}, check: {rule.check})\n\n{rule.description}\n")
        typer.echo(f"message: {rule.message}")
        for text in rule.fails:
            typer.echo(f"fails: {text}")
        for text in rule.passes:
            typer.echo(f"passes: {text}")
        return
    for rule in loaded:
        typer.echo(f"{rule.code}  {rule.name:<24} {rule.severity:<8} {rule.description[:70]}")


register(app)


def main() -> None:
    """Entry point: typer exits with its usage code 2 on a bad command line."""
    app()
