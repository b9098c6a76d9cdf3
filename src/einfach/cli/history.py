"""``einfach history``: list the runs stored in a history database."""

from __future__ import annotations

import json

import click

from ..errors import EinfachError
from .german import GermanCommand
from .options import fail


@click.command(cls=GermanCommand)
@click.argument("path", required=False, metavar="[PFAD]")
@click.option("--history", "history_path", default=None, metavar="DATEI", help="Die Historie (SQLite-Datei).")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
def history(path, history_path, output_format) -> None:
    """Listet die gespeicherten Läufe von „einfach report“.

    PFAD: die Historie selbst, ein Ordner mit .einfach/ oder ein Korpus-Pfad
    wie bei „einfach report“; ohne PFAD: .einfach/history.sqlite hier.
    """
    from ..report.history import History, locate_history
    from ..report.render import de

    try:
        target = history_path or locate_history(path)
        with History(target, create=False) as opened:
            runs = opened.runs()
    except EinfachError as error:
        raise fail(error) from None
    if output_format == "json":
        keys = ("id", "started_at", "finished_at", "label", "einfach_version", "profile", "settings_hash",
                "index_version", "documents", "failed", "skipped", "words", "sentences", "findings",
                "corpus_index", "findings_per_1000", "pseudonymised", "group_by")
        click.echo(json.dumps({"history": str(target), "runs": [{k: run[k] for k in keys} for run in runs]},
                              ensure_ascii=False, indent=2))
        return
    if not runs:
        click.echo(f"{target}: noch keine Läufe.")
        return
    header = ("Lauf", "Zeit (UTC)", "Bezeichnung", "Dokumente", "Einfach-Index", "Befunde/1.000 Wörter")
    rows = [
        (str(run["id"]), run["finished_at"].replace("T", " ").rstrip("Z"), run["label"] or "–",
         de(run["documents"]) + (f" (+{run['failed']} nicht lesbar)" if run["failed"] else ""),
         de(run["corpus_index"]), de(run["findings_per_1000"]))
        for run in runs
    ]
    widths = [max(len(row[i]) for row in rows + [header]) for i in range(len(header))]
    right = {0, 3, 4, 5}

    def line(cells):
        return "  ".join(cell.rjust(widths[i]) if i in right else cell.ljust(widths[i])
                         for i, cell in enumerate(cells)).rstrip()

    click.echo(f"Historie: {target}")
    click.echo(line(header))
    for row in rows:
        click.echo(line(row))
