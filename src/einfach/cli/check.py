"""``einfach check``: check letters and print the findings."""

from __future__ import annotations

import sys

import click

from ..errors import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, EinfachError
from ..output import FORMATS, renderer
from .options import fail, profile_option, split_ids

HARDEST_SENTENCES = 10  # sentences shown by --sentences


@click.command()
@click.argument("paths", nargs=-1, required=True)
@profile_option
@click.option("--model", default=None, help="Installierte spaCy-Pipeline (Name oder Pfad) statt HanTa.")
@click.option("--format", "output_format", type=click.Choice(list(FORMATS)), default="human", show_default=True)
@click.option("--select", multiple=True, help="Nur diese Regeln (kommagetrennt).")
@click.option("--ignore", multiple=True, help="Diese Regeln auslassen (kommagetrennt).")
@click.option("--color/--no-color", default=None, help="Farbe erzwingen oder abschalten (Standard: nur im Terminal).")
@click.option("--output", "-o", "output_path", default=None, metavar="DATEI",
              help="Bericht in diese Datei schreiben statt auf die Standardausgabe (nie auf eine Eingabedatei).")
@click.option("--annotate", "annotate_path", default=None, metavar="KOPIE.docx",
              help="Kopie des Briefs mit einem Word-Kommentar je Befund schreiben (nur mit genau einer .docx-Datei).")
@click.option("--sentences", "show_sentences", is_flag=True, default=False,
              help=f"Die {HARDEST_SENTENCES} schwersten Sätze je Datei mit ihrem Einfach-Index zeigen.")
@click.option("--min-index", "min_index", type=click.FloatRange(0, 100), default=None, metavar="N",
              help="Exit-Code 1, wenn der Einfach-Index einer Datei unter N liegt (0–100, höher = leichter).")
def check(paths, profile, model, output_format, select, ignore, color, output_path=None, annotate_path=None,
          show_sentences=False, min_index=None) -> None:
    """Prüft .docx-, .txt- und .md-Dateien oder Ordner (- liest die Standardeingabe)."""
    from ..checker import check_paths
    from ..rules.loader import load_rules

    try:
        known = load_rules()
        settings = {"select": split_ids(select), "ignore": split_ids(ignore)}
        for rule_id in settings["select"] + settings["ignore"]:
            if rule_id not in known:
                raise click.BadParameter(f"unbekannte Regel '{rule_id}' (bekannt: {', '.join(known)})")
        _check_output_options(paths, output_path, annotate_path)
        result = check_paths(paths, profile=profile, model=model, settings=settings)
    except EinfachError as error:
        raise fail(error) from None
    annotation, annotation_failed = _annotate(result, annotate_path, paths) if annotate_path else (None, False)
    render = renderer(output_format)
    if output_format == "human":
        use_colour = color if color is not None else (output_path is None and sys.stdout.isatty())
        encoding = "utf-8" if output_path else (getattr(sys.stdout, "encoding", None) or "utf-8")
        report = render(result, colour=use_colour, encoding=encoding,
                        sentences=HARDEST_SENTENCES if show_sentences else 0, min_index=min_index)
        if annotation is not None:
            report += annotation.summary().encode(encoding, "replace").decode(encoding) + "\n"
    else:
        use_colour = False
        report = render(result)
        if annotation is not None:
            click.echo(annotation.summary(), err=True)
    if output_path is None:
        click.echo(report, nl=False, color=use_colour)
    else:
        from ..atomic import write_atomic

        try:
            write_atomic(output_path, report, inputs=paths, what="Ausgabedatei")
        except EinfachError as error:
            raise fail(error) from None
    if result.errors or annotation_failed:
        sys.exit(EXIT_ERROR)
    worst = result.worst_severity()
    below = bool(result.below_index(min_index)) if min_index is not None else False
    sys.exit(EXIT_FINDINGS if worst in ("warning", "error") or below else EXIT_OK)


def _check_output_options(paths, output_path, annotate_path) -> None:
    """Refuse --output/--annotate targets that are inputs, and --annotate without one .docx."""
    from ..atomic import check_target

    if output_path is not None:
        check_target(output_path, paths, "Ausgabedatei")
    if annotate_path is not None:
        from ..output.docx_comments import check_call

        check_call(paths, annotate_path, output_path)


def _annotate(result, annotate_path, paths):
    """Write the commented copy; (report or None, failed?).  Problems go to stderr."""
    from ..output.docx_comments import annotate

    if not result.files:  # the letter could not be read; its error is reported
        click.echo(f"{annotate_path}: keine kommentierte Kopie, weil der Brief nicht lesbar ist.", err=True)
        return None, True
    try:
        report = annotate(result.files[0], annotate_path, inputs=paths)
    except EinfachError as error:
        click.echo(f"Fehler: {error}", err=True)
        return None, True
    if report.skipped:
        click.echo(
            f"Hinweis: {report.skipped} Befund{'e' if report.skipped != 1 else ''} ohne Word-Kommentar: "
            f"{report.skip_reasons()}.",
            err=True,
        )
    return report, False
