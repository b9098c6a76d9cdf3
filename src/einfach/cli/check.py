"""``einfach check``: check letters and print the findings."""

from __future__ import annotations

import sys

import click

from ..errors import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, EinfachError
from ..output import FORMATS, renderer
from .options import fail, profile_option, split_ids


@click.command()
@click.argument("paths", nargs=-1, required=True)
@profile_option
@click.option("--model", default=None, help="Installierte spaCy-Pipeline (Name oder Pfad) statt HanTa.")
@click.option("--format", "output_format", type=click.Choice(list(FORMATS)), default="human", show_default=True)
@click.option("--select", multiple=True, help="Nur diese Regeln (kommagetrennt).")
@click.option("--ignore", multiple=True, help="Diese Regeln auslassen (kommagetrennt).")
@click.option("--color/--no-color", default=None, help="Farbe erzwingen oder abschalten (Standard: nur im Terminal).")
def check(paths, profile, model, output_format, select, ignore, color) -> None:
    """Prüft .docx-, .txt- und .md-Dateien oder Ordner (- liest die Standardeingabe)."""
    from ..checker import check_paths
    from ..rules.loader import load_rules

    try:
        known = load_rules()
        settings = {"select": split_ids(select), "ignore": split_ids(ignore)}
        for rule_id in settings["select"] + settings["ignore"]:
            if rule_id not in known:
                raise click.BadParameter(f"unbekannte Regel '{rule_id}' (bekannt: {', '.join(known)})")
        result = check_paths(paths, profile=profile, model=model, settings=settings)
    except EinfachError as error:
        raise fail(error) from None
    render = renderer(output_format)
    if output_format == "human":
        use_colour = color if color is not None else sys.stdout.isatty()
        encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
        click.echo(render(result, colour=use_colour, encoding=encoding), nl=False, color=use_colour)
    else:
        click.echo(render(result), nl=False)
    if result.errors:
        sys.exit(EXIT_ERROR)
    worst = result.worst_severity()
    sys.exit(EXIT_FINDINGS if worst in ("warning", "error") else EXIT_OK)
