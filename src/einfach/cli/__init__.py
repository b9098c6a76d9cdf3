"""The ``einfach`` command: a small click group; each command in its own module.

Nothing here imports spaCy: ``einfach --help``, ``rules`` and ``explain``
answer at once; ``check`` imports the pipeline when it runs.
"""

from __future__ import annotations

import click

from .. import __version__
from ..gc_pause import own_process
from .check import check
from .fix import fix
from .german import GermanGroup
from .history import history
from .report import report
from .rules import explain, rules
from .serve import serve
from .text import text


@click.group(cls=GermanGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="einfach", message="%(prog)s, Version %(version)s",
                      help="Die Version zeigen und beenden.")
def cli() -> None:
    """einfach prüft Behördenbriefe auf Einfache Sprache."""


cli.add_command(check)
cli.add_command(fix)
cli.add_command(text)
cli.add_command(rules)
cli.add_command(explain)
cli.add_command(report)
cli.add_command(history)
cli.add_command(serve)


def main() -> None:
    own_process()
    cli()
