"""Commands that live in modules of their own, registered on the main app by `register`."""

from __future__ import annotations

import typer

from tipcheck.commands.check import check
from tipcheck.commands.eval import eval_command
from tipcheck.commands.facts import register as register_facts


def register(app: typer.Typer) -> None:
    """Add each command module's command to APP (one line per command, no import magic)."""
    # Commands added by later issues register here, e.g.:
    # from tipcheck.commands.facts import facts_app; app.add_typer(facts_app, name="facts")
    app.command("eval")(eval_command)
    register_facts(app)
    app.command("check")(check)
