"""Commands that live in modules of their own, registered on the main app by `register`.

Nothing is imported here at load time: `tipcheck check FILE` reaches commands/check_run.py through
this package without loading typer (tipcheck/entry.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import typer


def register(app: typer.Typer) -> None:
    """Add each command module's command to APP (one line per command, no import magic)."""
    from tipcheck.commands.check import check
    from tipcheck.commands.eval import eval_command
    from tipcheck.commands.facts import register as register_facts

    app.command("eval")(eval_command)
    register_facts(app)
    app.command("check")(check)
