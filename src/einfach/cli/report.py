"""``einfach report``: check a corpus, record the run in the history, write the report."""

from __future__ import annotations

import os
import sys

import click

from ..errors import EXIT_ERROR, EXIT_OK, EinfachError
from .german import GermanCommand
from .options import fail, profile_option, split_ids

EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report Ctrl-C
INTERRUPTED = "Abgebrochen: Der Lauf wurde nicht gespeichert; die Historie ist unverändert."


@click.command(cls=GermanCommand)
@click.argument("paths", nargs=-1, metavar="[PFAD]...")
@click.option("--label", default=None, metavar="NAME", help="Name des Laufs, z. B. 2026-Q1 oder ein Commit.")
@click.option("--out", "out_dir", default=None, metavar="ORDNER",
              help="Bericht hierhin schreiben: report.html, report.md, report.json, documents.csv.")
@click.option("--csv", "csv_path", default=None, metavar="DATEI", help="Die Tabelle je Dokument als CSV schreiben.")
@click.option("--history", "history_path", default=None, metavar="DATEI",
              help="Historie (SQLite); Standard: .einfach/history.sqlite im geprüften Ordner (eine je Ordner; "
                   "dieselbe DATEI für mehrere Ordner teilt sie absichtlich).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, metavar="N",
              help="Parallele Prüfprozesse (Standard: Anzahl der Prozessorkerne).")
@profile_option
@click.option("--model", default=None, metavar="NAME", help="Installierte spaCy-Pipeline (Name oder Pfad) statt HanTa.")
@click.option("--select", multiple=True, metavar="REGELN", help="Nur diese Regeln (kommagetrennt).")
@click.option("--ignore", multiple=True, metavar="REGELN", help="Diese Regeln auslassen (kommagetrennt).")
@click.option("--config", "config_file", default=None, metavar="DATEI",
              help="Diese Konfigurationsdatei statt einfach.toml/pyproject.toml über den Dateien.")
@click.option("--group-by", "group_by", default=None, metavar="top|REGEX",
              help="Kennzahlen je Gruppe: top (oberster Ordner) oder ein regulärer Ausdruck mit einer Gruppe.")
@click.option("--pseudonymise-paths", "pseudonymise", is_flag=True,
              help="Statt der Pfade einen geheimen Schlüssel-Hash speichern und zeigen.")
@click.option("--store-snippets", is_flag=True,
              help="Die markierten Textstellen speichern (sonst speichert die Historie keinen Brieftext).")
@click.option("--recheck", is_flag=True,
              help="Auch unveränderte Dokumente neu prüfen (sonst übernimmt einfach ihr gespeichertes Ergebnis).")
@click.option("--compare", nargs=2, default=None, metavar="LAUF_A LAUF_B",
              help="Nichts prüfen: zwei gespeicherte Läufe (Nummer oder Bezeichnung) vergleichen, A vorher, B nachher.")
def report(paths, label, out_dir, csv_path, history_path, jobs, profile, model, select, ignore, config_file,
           group_by, pseudonymise, store_snippets, compare, recheck=False) -> None:
    """Prüft alle Briefe unter PFAD, speichert den Lauf in der Historie und zeigt die Entwicklung."""
    if compare:
        _compare(paths, compare, out_dir, csv_path, history_path, group_by,
                 given=[name for name, value in (("--label", label), ("--store-snippets", store_snippets),
                                                 ("--pseudonymise-paths", pseudonymise), ("--jobs", jobs),
                                                 ("--recheck", recheck),
                                                 ("--profile", profile), ("--model", model), ("--config", config_file),
                                                 ("--select", select), ("--ignore", ignore)) if value])
        return
    if not paths:
        raise click.UsageError("Bitte mindestens einen PFAD angeben (oder --compare LAUF_A LAUF_B).")
    from ..report import write_outputs
    from ..report.history import History, default_history
    from ..report.render import build_report
    from ..report.run import RunOptions, record_run

    try:
        flags = _flags(profile, select, ignore)
        history = _history_target(history_path or default_history(paths[0], list(paths)), paths)
        _check_outputs(out_dir, csv_path, paths)
        options = RunOptions(
            paths=list(paths), history=history, label=label, jobs=jobs or os.cpu_count() or 1, flags=flags,
            model=model, config_file=config_file, store_snippets=store_snippets, pseudonymise=pseudonymise,
            group_by=group_by, exclude=[out_dir] if out_dir else [], progress=sys.stderr.isatty(), recheck=recheck,
        )
        try:
            outcome = record_run(options)
        except KeyboardInterrupt:
            click.echo(INTERRUPTED, err=True)
            sys.exit(EXIT_INTERRUPTED)
        try:
            with History(history) as opened:
                data = build_report(opened, opened.run(outcome.run_id), shared=history_path is not None)
            written = write_outputs(data, out_dir, csv_path)
        except KeyboardInterrupt:
            click.echo(f"Abgebrochen: Lauf {outcome.run_id} ist gespeichert, der Bericht aber nicht geschrieben "
                       f"(einfach report --compare {outcome.run_id - 1 or 1} {outcome.run_id} --history {history} "
                       "--out ORDNER holt ihn nach).", err=True)
            sys.exit(EXIT_INTERRUPTED)
    except EinfachError as error:
        raise fail(error) from None
    _summary(data, history, written, saved=True, reused=outcome.reused)
    sys.exit(EXIT_ERROR if data["failures"] else EXIT_OK)


def _flags(profile, select, ignore) -> dict:
    from ..rules.loader import load_rules

    known = load_rules()
    flags = {"profile": profile, "select": split_ids(select), "ignore": split_ids(ignore)}
    for rule_id in flags["select"] + flags["ignore"]:
        if rule_id not in known:
            raise click.BadParameter(f"unbekannte Regel '{rule_id}' (bekannt: {', '.join(known)})")
    if profile is not None:
        from ..rules.loader import load_profile

        load_profile(profile)
    return {key: value for key, value in flags.items() if value not in (None, [], ())}


def _history_target(path, paths):
    from pathlib import Path

    _refuse_input(path, paths, [], "Historie")
    return Path(path)


def _refuse_input(target, paths, exclude, what) -> None:
    from ..atomic import OutputError
    from ..report.scan import is_scanned

    if paths and is_scanned(target, list(paths), exclude):
        raise OutputError(
            f"{target}: {what} ist zugleich eine Eingabedatei; einfach überschreibt keine geprüfte Datei. "
            "Bitte einen anderen Namen wählen."
        )


def _check_outputs(out_dir, csv_path, paths) -> None:
    from pathlib import Path

    from ..atomic import OutputError, check_target
    from ..report import OUTPUT_FILES

    if out_dir:
        folder = Path(out_dir)
        if folder.exists() and not folder.is_dir():
            raise OutputError(f"{out_dir}: --out muss ein Ordner sein")
        for name in OUTPUT_FILES:
            _refuse_input(folder / name, paths, [folder], "Berichtsdatei")
    if csv_path:
        _refuse_input(csv_path, paths, [out_dir] if out_dir else [], "CSV-Datei")
        if not (out_dir and Path(csv_path).parent.resolve() == Path(out_dir).resolve()):  # --out is created later
            check_target(csv_path, (), "CSV-Datei")


def _compare(paths, refs, out_dir, csv_path, history_path, group_by, given) -> None:
    from ..report import write_outputs
    from ..report.history import History, locate_history
    from ..report.render import build_report
    from ..report.scan import grouper

    if given:
        raise click.UsageError(f"--compare prüft nichts; {', '.join(given)} passt nicht dazu.")
    if len(paths) > 1:
        raise click.UsageError("--compare braucht höchstens einen PFAD (den Korpus oder die Historie).")
    try:
        target = history_path or locate_history(paths[0] if paths else None)
        _check_outputs(out_dir, csv_path, [])
        with History(target, create=False) as history:
            before, current = history.run(refs[0]), history.run(refs[1])
            group_of = grouper(group_by)
            if group_of and (before["pseudonymised"] or current["pseudonymised"]):
                raise click.UsageError("--group-by geht bei --compare nur mit Läufen ohne --pseudonymise-paths; "
                                       "sonst gelten die gespeicherten Gruppen.")
            data = build_report(history, current, before, compare=True, group_of=group_of)
        written = write_outputs(data, out_dir, csv_path)
    except EinfachError as error:
        raise fail(error) from None
    _summary(data, target, written, saved=False)


def _shown(path) -> str:
    """A path as short as it is clear: relative below the current folder, else absolute."""
    relative = os.path.relpath(os.path.abspath(path))
    return str(path) if relative.startswith("..") else relative


def _summary(data: dict, history, written: list[str], saved: bool, reused: int = 0) -> None:
    from ..report.render import de, skipped_names, verdict

    history = _shown(history)

    current, before, head = data["current"], data["before"], data["headline"]
    if saved:
        click.echo(
            f"{current['name']} gespeichert in {history}: {de(current['documents'])} "
            f"{'Dokument' if current['documents'] == 1 else 'Dokumente'} geprüft, "
            f"{de(current['failed'])} nicht lesbar, {de(current['skipped'])} übersprungen{skipped_names(current)}."
            + (f" {de(reused)} davon unverändert seit einem früheren Lauf: Ergebnis übernommen (--recheck prüft neu)."
               if reused else "")
        )
    else:
        click.echo(f"Vergleich {before['name']} → {current['name']} (Historie {history}).")
    line = f"{head['title']}: {de(head['now'])}"
    extras = []
    if before:
        extras.append(f"{before['name']}: {de(head['before'])}, {de(head['change_before'], sign=True)} "
                      f"{verdict(head['change_before'], head['higher_is_better'])}".rstrip())
    first = data["first"]
    if first and first["id"] not in (current["id"], before["id"] if before else None):
        extras.append(f"erster Lauf: {de(head['first'])}")
    click.echo(line + (f" ({'; '.join(extras)})" if extras else "") + ".")
    if head["meaning"]:
        click.echo(head["meaning"])
    if head["kind"] == "index":
        click.echo(f"Befunde je 1.000 Wörter: {de(current['findings_per_1000'])}"
                   + (f" (vorher {de(before['findings_per_1000'])})" if before else "") + ".")
    else:
        click.echo("Kein Einfach-Index vorhanden; Hauptkennzahl sind die Befunde je 1.000 Wörter.")
    for warning in data["warnings"]:
        click.echo(f"Hinweis: {warning}")
    for failure in data["failures"]:
        click.echo(f"{failure['display']}: {failure['message']}", err=True)
    if written:
        click.echo("Bericht: " + ", ".join(written))
