"""``einfach fix``: write a plainer copy of a letter with the rewrites applied (issue 14)."""

from __future__ import annotations

import difflib
from pathlib import Path

import click

from ..errors import EinfachError
from .german import GermanCommand
from .options import CommandError, fail, profile_option, split_ids

WRITABLE = (".txt", ".md", ".docx")


@click.command(cls=GermanCommand)
@click.argument("path", metavar="PFAD")
@click.option("--output", "-o", "output_path", default=None, metavar="DATEI",
              help="Die umgeschriebene Kopie hierhin schreiben (nie auf die Eingabedatei).")
@click.option("--diff", "show_diff", is_flag=True, default=False,
              help="Nichts schreiben, nur die Änderungen als Unified Diff zeigen (bei .docx des geprüften Texts).")
@click.option("--all", "include_review", is_flag=True, default=False,
              help="Auch Umformulierungen übernehmen, die jemand prüfen sollte (sonst nur die sicheren).")
@profile_option
@click.option("--select", multiple=True, metavar="REGELN", help="Nur diese Regeln (kommagetrennt).")
@click.option("--ignore", multiple=True, metavar="REGELN", help="Diese Regeln auslassen (kommagetrennt).")
@click.option("--config", "config_file", default=None, metavar="DATEI",
              help="Diese Konfigurationsdatei statt einfach.toml/pyproject.toml über der Datei.")
@click.option("--model", default=None, metavar="NAME", help="Installierte spaCy-Pipeline (Name oder Pfad) statt HanTa.")
def fix(path, output_path, show_diff, include_review, profile, select, ignore, config_file, model) -> None:
    """Schreibt eine einfachere Kopie einer .docx-, .txt- oder .md-Datei.

    Übernimmt die sicheren Umformulierungen (mit --all auch die zu prüfenden).
    In .docx-Dateien wird jede Änderung eine nachverfolgte Änderung in Word.
    """
    from ..atomic import check_target
    from ..rewrite import compose
    from ..rules.loader import load_rules

    if not show_diff and not output_path:
        raise click.UsageError("-o DATEI fehlt: wohin soll die umgeschriebene Kopie? (oder --diff)")
    suffix = Path(path).suffix.lower()
    if suffix not in WRITABLE:
        raise CommandError(f"{path}: einfach fix schreibt nur .docx-, .txt- und .md-Dateien.")
    if output_path and Path(output_path).suffix.lower() != suffix:
        raise click.BadParameter(f"die Kopie braucht dieselbe Endung wie die Eingabe ({suffix})",
                                 param_hint="--output")
    known = load_rules()
    flags = {"profile": profile, "select": split_ids(select), "ignore": split_ids(ignore)}
    for rule_id in flags["select"] + flags["ignore"]:
        if rule_id not in known:
            raise click.BadParameter(f"unbekannte Regel '{rule_id}' (bekannt: {', '.join(known)})")
    try:
        if output_path:
            check_target(output_path, [path], "Kopie")
        result = _check(path, model, flags, config_file)
        edits, count = compose(result.findings, include_review, result.text)
        if show_diff:
            _print_diff(path, result.text, edits)
            return
        message = _write(path, result.text, edits, count, output_path)
    except EinfachError as error:
        raise fail(error) from None
    click.echo(message)


def _check(path: str, model, flags: dict, config_file):
    from ..checker import check_paths

    result = check_paths([path], model, flags, config_file)
    if result.errors:
        raise CommandError(f"{result.errors[0].path}: {result.errors[0].message}")
    if len(result.files) != 1:
        raise CommandError(f"{path}: einfach fix braucht genau eine Datei (keinen Ordner).")
    return result.files[0]


def _print_diff(path: str, text: str, edits) -> None:
    from ..edits import apply_edits

    new = apply_edits(text, edits)
    diff = difflib.unified_diff(text.splitlines(keepends=True), new.splitlines(keepends=True),
                                fromfile=path, tofile=f"{path} (einfach fix)")
    for line in diff:
        click.echo(line, nl=not line.endswith("\n"))


def _write(path: str, text: str, edits, count: int, output_path: str) -> str:
    from ..atomic import write_atomic
    from ..edits import apply_edits

    if Path(path).suffix.lower() == ".docx":
        from ..output.docx_tracked import write_tracked_changes

        report = write_tracked_changes(path, edits, output_path, inputs=[path])
        return report.summary()
    write_atomic(output_path, apply_edits(text, edits).encode("utf-8"), inputs=[path], what="Kopie")
    return f"{output_path}: {count} Umformulierung{'en' if count != 1 else ''} geschrieben."

