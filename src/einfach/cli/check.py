"""``einfach check``: check letters and print the findings."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..errors import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, EinfachError
from ..output import FORMATS, renderer
from .german import GermanCommand
from .options import fail, profile_option, split_ids

HARDEST_SENTENCES = 10  # sentences shown by --sentences


@click.command(cls=GermanCommand)
@click.argument("paths", nargs=-1, required=True, metavar="PFAD...")
@profile_option
@click.option("--model", default=None, metavar="NAME", help="Installierte spaCy-Pipeline (Name oder Pfad) statt HanTa.")
@click.option("--format", "output_format", type=click.Choice(list(FORMATS)), default="human", show_default=True)
@click.option("--select", multiple=True, metavar="REGELN", help="Nur diese Regeln (kommagetrennt).")
@click.option("--ignore", multiple=True, metavar="REGELN", help="Diese Regeln auslassen (kommagetrennt).")
@click.option("--level", "levels", multiple=True, metavar="REGEL=STUFE",
              help="Stufe für alle Befunde einer Regel, ersetzt gestufte Stufen (z. B. satzlaenge=info).")
@click.option("--color/--no-color", default=None, help="Farbe erzwingen oder abschalten (Standard: nur im Terminal).")
@click.option("--output", "-o", "output_path", default=None, metavar="DATEI",
              help="Bericht in diese Datei schreiben statt auf die Standardausgabe (nie auf eine Eingabedatei).")
@click.option("--annotate", "annotate_path", default=None, metavar="KOPIE.docx",
              help="Kopie des Briefs mit einem Word-Kommentar je Befund schreiben (nur mit genau einer .docx-Datei).")
@click.option("--sentences", "show_sentences", is_flag=True, default=False,
              help=f"Die {HARDEST_SENTENCES} schwersten Sätze je Datei mit ihrem Einfach-Index zeigen.")
@click.option("--min-index", "min_index", type=click.FloatRange(0, 100), default=None, metavar="N",
              help="Exit-Code 1, wenn der Einfach-Index einer Datei unter N liegt (0–100, höher = leichter).")
@click.option("--config", "config_file", default=None, metavar="DATEI",
              help="Diese Konfigurationsdatei statt einfach.toml/pyproject.toml über der Datei.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default=None,
              help="Ab dieser Stufe endet die Prüfung mit Exit-Code 1 (Standard: warning).")
@click.option("--exit-zero", is_flag=True, help="Immer Exit-Code 0, außer bei nicht lesbaren Dateien.")
@click.option("--statistics", is_flag=True, help="Nur die Anzahl der Befunde je Regel zeigen.")
@click.option("--report-unused-suppressions", is_flag=True,
              help="Unterdrückungen melden, die nichts unterdrückt haben.")
@click.option("--write-baseline", "write_baseline", default=None, metavar="DATEI",
              help="Die heutigen Befunde als Baseline speichern (nur Prüfsummen, kein Brieftext).")
@click.option("--baseline", "baseline_path", default=None, metavar="DATEI",
              help="Nur Befunde zeigen, die nicht in dieser Baseline stehen.")
@click.option("--prune-baseline", is_flag=True, help="Behobene Einträge aus der --baseline entfernen.")
@click.option("--convert", is_flag=True, default=False,
              help="Alte Word-Dateien (.doc) mit LibreOffice in eine temporäre .docx-Kopie umwandeln und "
                   "diese prüfen (ohne Netzzugang; die Datei selbst bleibt unverändert).")
def check(paths, profile, model, output_format, select, ignore, color, levels=(), output_path=None, annotate_path=None,
          show_sentences=False, min_index=None, config_file=None, fail_on=None, exit_zero=False,
          statistics=False, report_unused_suppressions=False, write_baseline=None, baseline_path=None,
          prune_baseline=False, convert=False) -> None:
    """Prüft .docx-, .odt-, .txt- und .md-Dateien oder Ordner (- liest die Standardeingabe)."""
    from ..checker import check_paths
    from ..rules.loader import load_rules

    if prune_baseline and not baseline_path:
        raise click.UsageError("--prune-baseline braucht --baseline DATEI")
    human = output_format == "human"
    use_colour = human and (color if color is not None else (output_path is None and sys.stdout.isatty()))
    encoding = "utf-8" if output_path else (getattr(sys.stdout, "encoding", None) or "utf-8")
    sentences = HARDEST_SENTENCES if show_sentences else 0
    writer_class, options = _stream_writer(output_format, statistics, encoding, use_colour, sentences, min_index)
    from ..readers.paths import skipped_files

    skipped = skipped_files(paths, convert)  # files in the named folders einfach does not read: named, never silent
    if writer_class is not None and "show_errors" in options:
        options["skipped"] = skipped
    if annotate_path or baseline_path or write_baseline:
        writer_class = None  # these need every finding of the run: collect
    try:
        known = load_rules()
        flags = {
            "profile": profile,
            "select": split_ids(select),
            "ignore": split_ids(ignore),
            "fail_on": fail_on,
            "min_index": min_index,
            "levels": _levels(levels, known),
            "rewrite": False if _hides_rewrites(output_format, statistics) and not annotate_path else None,
        }
        for rule_id in flags["select"] + flags["ignore"]:
            if rule_id not in known:
                raise click.BadParameter(f"unbekannte Regel '{rule_id}' (bekannt: {', '.join(known)})")
        if profile is not None:
            from ..rules.loader import load_profile

            load_profile(profile)
        _check_output_options(paths, output_path, annotate_path)
        _check_baseline_options(paths, write_baseline, baseline_path, prune_baseline)
        with _conversion(convert):
            checked = _with_legacy_files(paths) if convert else paths
            if writer_class is not None:
                summaries, failures = _stream(writer_class, options, checked, model, flags, config_file,
                                              output_path, paths, use_colour)
            else:
                result = check_paths(checked, model=model, flags=flags, config_file=config_file)
        if writer_class is None:
            baseline_note = _apply_baseline(result, baseline_path, prune_baseline, paths)
    except EinfachError as error:
        raise fail(error) from None
    if writer_class is not None:
        _report_unused(summaries, report_unused_suppressions)
        _nothing_checked(summaries, failures, skipped, paths, human_summary="skipped" in options)
        if failures:
            sys.exit(EXIT_ERROR)
        sys.exit(EXIT_OK if exit_zero or not any(s.failing() for s in summaries) else EXIT_FINDINGS)
    annotation, annotation_failed = _annotate(result, annotate_path, paths) if annotate_path else (None, False)
    render = renderer(output_format)
    if statistics and human:
        from ..output.human import render_statistics

        render = lambda result, **options: render_statistics(result)  # noqa: E731
    if human:
        report = render(result, colour=use_colour, encoding=encoding, sentences=sentences, min_index=min_index,
                        show_errors=False, skipped=skipped)
        _echo_errors(result.errors, use_colour)
        if annotation is not None:
            report += annotation.summary().encode(encoding, "replace").decode(encoding) + "\n"
        if baseline_note:
            report += baseline_note + "\n"
    else:
        report = render(result)
        if annotation is not None:
            click.echo(annotation.summary(), err=True)
        if baseline_note:
            click.echo(baseline_note, err=True)
    if output_path is None:
        click.echo(report, nl=False, color=use_colour)
    else:
        from ..atomic import write_atomic

        try:
            write_atomic(output_path, report, inputs=paths, what="Ausgabedatei")
        except EinfachError as error:
            raise fail(error) from None
    _report_unused(result.files, report_unused_suppressions)
    _nothing_checked(result.files, result.errors, skipped, paths, human_summary=human and not statistics)
    if write_baseline:
        from ..baseline import Baseline
        from ..atomic import write_atomic

        baseline = Baseline.from_results(Path(write_baseline), result.files)
        try:
            write_atomic(write_baseline, baseline.to_json(), inputs=paths, what="Baseline")
        except EinfachError as error:
            raise fail(error) from None
        count = sum(sum(c.values()) for c in baseline.entries.values())
        click.echo(f"Baseline mit {count} Befund{'en' if count != 1 else ''} nach {write_baseline} geschrieben.",
                   err=True)
    if result.errors or annotation_failed:
        sys.exit(EXIT_ERROR)
    if exit_zero or write_baseline:
        sys.exit(EXIT_OK)
    sys.exit(EXIT_FINDINGS if result.failing() else EXIT_OK)


def _hides_rewrites(output_format: str, statistics: bool) -> bool:
    """Formats that never show a finding's rewrite (``finding.fix``): the check computes none
    for them (unless ``--annotate`` asks for the comments, which show them), since the rewrites
    cost more CPU than the check itself (docs/rewrites.md)."""
    return output_format in ("github", "junit") or (statistics and output_format == "human")


def _stream_writer(output_format, statistics, encoding, colour, sentences, min_index):
    """(writer class, its options) that streams this call's report, or (None, {}) to collect.

    ``junit`` and ``html`` have no writer; the human format streams only to a
    UTF encoding, where its ASCII fallback never changes the text."""
    from ..output import writer

    if output_format != "human":
        return writer(output_format), {}
    from ..output import human

    if not human.streams_to(encoding):
        return None, {}
    if statistics:
        return human.StatisticsWriter, {}
    return human.HumanWriter, {"colour": colour, "sentences": sentences, "min_index": min_index, "show_errors": False}


def _nothing_checked(files, failures, skipped, paths, human_summary: bool) -> None:
    """A gate cannot pass by checking nothing: no file read and none failing is exit code 2.

    The human summary names the skipped files already; other formats get the
    line on standard error.  With files checked, other formats name the
    skipped files on standard error too."""
    from ..output.human import skipped_text

    if files or failures:
        if skipped and not human_summary:
            click.echo(f"Übersprungen: {skipped_text(skipped)}", err=True)
        return
    if not human_summary:
        reason = skipped_text(skipped) if skipped else f"keine Datei in {', '.join(paths)}"
        click.echo(f"0 Dateien geprüft: {reason}", err=True)
    elif not skipped:
        click.echo(f"Keine Datei in {', '.join(paths)}.", err=True)
    sys.exit(EXIT_ERROR)


def _echo_errors(failures, colour: bool) -> None:
    """Inputs that could not be read, on standard error (the findings go to standard output)."""
    from ..output.human import error_line

    for failure in failures:
        click.echo(error_line(failure, colour), err=True, color=colour)


def _levels(values: tuple[str, ...], known) -> dict[str, str]:
    """``--level satzlaenge=info --level passiv=error`` -> {rule: level}, checked like the configuration's."""
    from ..config import LEVELS

    levels = {}
    for value in values:
        rule_id, _, level = (part.strip() for part in value.partition("="))
        if rule_id not in known:
            raise click.BadParameter(f"unbekannte Regel '{rule_id}' (bekannt: {', '.join(known)})", param_hint="--level")
        if level not in LEVELS:
            raise click.BadParameter(f"'{value}': Stufe muss eine von {', '.join(LEVELS)} sein", param_hint="--level")
        levels[rule_id] = level
    return levels


def _stream(writer_class, options, checked, model, flags, config_file, output_path, paths, colour):
    """Check and write the report as the check runs; (file summaries, failed inputs)."""
    from ..checker import stream_paths
    from ..findings import FileStart, FileSummary, InputFailure
    from ..output.stream import write

    summaries: list = []
    failures: list = []
    human_errors = options.get("show_errors") is False  # the human writer leaves them to stderr

    progress = _Progress.for_paths(checked)

    def recorded(items):
        for item in items:
            if isinstance(item, FileStart):
                progress.file(item.path)
            if isinstance(item, FileSummary):
                summaries.append(item)
            elif isinstance(item, InputFailure):
                failures.append(item)
                if human_errors:
                    _echo_errors([item], colour)
            yield item

    items = recorded(stream_paths(checked, model=model, flags=flags, config_file=config_file))
    try:
        if output_path is None:
            out = _Echo(colour, before=progress.clear)
            write(writer_class(out, **options), items)
            out.flush()
        else:
            from ..atomic import open_atomic

            with open_atomic(output_path, inputs=paths, what="Ausgabedatei") as out:
                write(writer_class(out, **options), items)
    finally:
        progress.clear()
    return summaries, failures


class _Progress:
    """"Prüfe 3 von 120: brief.docx" on one line of standard error, only on a terminal.

    The line is cleared before the report is written to the same terminal
    (see :class:`_Echo`) and at the end; piped or redirected, nothing is written."""

    MIN_FILES = 2

    def __init__(self, total: int, stream) -> None:
        self.total, self.stream, self.done, self.shown = total, stream, 0, False

    @classmethod
    def for_paths(cls, paths) -> "_Progress":
        from ..readers.paths import expand_paths

        stream = sys.stderr
        if not stream.isatty():
            return cls(0, None)
        total = sum(1 for _ in expand_paths(paths))
        return cls(total, stream if total >= cls.MIN_FILES else None)

    def file(self, path: str) -> None:
        self.done += 1
        if self.stream is None:
            return
        import shutil

        width = shutil.get_terminal_size((80, 24)).columns - 1
        text = f"Prüfe {self.done} von {self.total}: {path}"
        self.stream.write("\r" + text[:width] + "\x1b[K")
        self.stream.flush()
        self.shown = True

    def clear(self) -> None:
        if self.stream is not None and self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.shown = False


class _Echo:
    """A text stream onto ``click.echo`` (standard output), passed on in pieces of about 64 KB.

    Nothing is written before the first 64 KB or the end, so an error in the
    first file still leaves standard output empty."""

    SIZE = 64 * 1024

    def __init__(self, colour: bool, before=None) -> None:
        self.colour = colour
        self.before = before  # called before each write to the terminal (clears the progress line)
        self.pieces: list[str] = []
        self.size = 0

    def write(self, text: str) -> int:
        self.pieces.append(text)
        self.size += len(text)
        if self.size >= self.SIZE:
            self.flush()
        return len(text)

    def flush(self) -> None:
        if self.pieces:
            if self.before is not None:
                self.before()
            click.echo("".join(self.pieces), nl=False, color=self.colour)
        self.pieces, self.size = [], 0


def _report_unused(files, report: bool) -> None:
    """--report-unused-suppressions: one stderr line per suppression without effect."""
    if not report:
        return
    for file in files:
        for source in file.unused_suppressions:
            click.echo(f"{file.path}: Unterdrückung ohne Wirkung ({source})", err=True)


def _conversion(convert: bool):
    from contextlib import nullcontext

    if not convert:
        return nullcontext()
    from ..readers.convert import conversion

    return conversion()


def _with_legacy_files(paths) -> list[str]:
    """For --convert: folders expanded to their supported files plus their .doc files."""
    from ..readers.paths import expand_paths

    expanded: list[str] = []
    for path in paths:
        folder = Path(path)
        if path == "-" or not folder.is_dir():
            expanded.append(path)
            continue
        legacy = [p for p in folder.rglob("*.[dD][oO][cC]") if p.is_file() and not p.name.startswith(("~$", "."))]
        found = {Path(p) for p in expand_paths([path])} | set(legacy)
        expanded.extend(str(p) for p in sorted(found))
    return expanded


def _check_baseline_options(paths, write_baseline, baseline_path, prune_baseline) -> None:
    from ..atomic import check_target

    if write_baseline:
        check_target(write_baseline, paths, "Baseline")
    if baseline_path and prune_baseline:
        check_target(baseline_path, paths, "Baseline")


def _apply_baseline(result, baseline_path, prune_baseline, paths) -> str:
    """Hide baselined findings; with --prune-baseline rewrite the baseline without fixed entries."""
    if not baseline_path:
        return ""
    from ..baseline import Baseline

    baseline = Baseline.load(Path(baseline_path))
    hidden, fixed, pruned = baseline.filter(result.files)
    note = f"Baseline: {hidden} bekannte Befund{'e' if hidden != 1 else ''} ausgeblendet"
    if fixed:
        note += f"; {fixed} Einträge sind behoben" if fixed != 1 else "; 1 Eintrag ist behoben"
        if prune_baseline:
            from ..atomic import write_atomic

            write_atomic(baseline_path, pruned.to_json(), inputs=paths, what="Baseline")
            note += " und wurde aus der Baseline entfernt" if fixed == 1 else " und wurden aus der Baseline entfernt"
        else:
            note += " (--prune-baseline entfernt ihn)" if fixed == 1 else " (--prune-baseline entfernt sie)"
    return note + "."


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
