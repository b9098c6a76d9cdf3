"""The default, human-readable output.

Findings are grouped by sentence: one line per finding
(``brief.docx:12:5: passiv  <message> [Warnung]``), then the sentence once with
the flagged words highlighted, then the suggestions.  Colour is used only on a
terminal; on a console that cannot print Unicode the text falls back to ASCII.
For .docx files the position is paragraph:column (Absatz), for text files
line:column.  The summary line of each file shows its Einfach-Index and band;
``sentences`` lists the hardest complete sentences (``einfach check --sentences``).
The command line writes the findings chunk by chunk while the check runs
(:class:`HumanWriter`); the summary lines come at the end.
"""

from __future__ import annotations

import bisect
import heapq
import math
from collections import Counter

from ..document import is_word_processor
from ..findings import CheckResult, Chunk, FileStart, FileSummary, Finding, InputFailure, Segment
from ..wording import count, excluded_text, fix_label, place
from . import stream

SEVERITY_LABEL = {"info": "Hinweis", "warning": "Warnung", "error": "Fehler"}
SEVERITY_PLURAL = {"info": "Hinweise", "warning": "Warnungen", "error": "Fehler"}
SEVERITY_COLOUR = {"info": "cyan", "warning": "yellow", "error": "red"}
SENTENCE_WIDTH = 100  # characters of a sentence shown by --sentences
ASCII_FALLBACK = str.maketrans({
    "„": '"', "“": '"', "”": '"', "‚": "'", "‘": "'", "’": "'", "…": "...", "→": "->", "↳": "->",
    "–": "-", "—": "-", "Ø": "avg", "«": "<<", "»": ">>", "·": ".", "§": "S.", "✎": "*",
})


class HumanWriter(stream.Writer):
    """Writes each chunk's findings as they come; the summary lines at the end.

    A file's notes come first; the note on a file without text is only known
    at its end, so findings before the file's first sentence wait for it.
    Without a UTF encoding, :func:`safe_text` may have to change the whole
    text, so the command line streams this format only to UTF-8 (see
    :func:`streams_to`).
    """

    def __init__(self, out, colour: bool = False, show_summary: bool = True, sentences: int = 0,
                 min_index: float | None = None, show_errors: bool = True, skipped: list | None = None) -> None:
        super().__init__(out)
        self.skipped = skipped or []  # (file, why) of files in the named folders that einfach does not read
        self.colour = colour
        self.show_errors = show_errors  # False: the command line writes unreadable inputs to stderr
        self.show_summary = show_summary
        self.sentences = sentences
        self.min_index = min_index
        self.summaries: list[FileSummary] = []
        self.written = False

    def start_file(self, start: FileStart) -> None:
        self.file = start
        self.waiting: list[str] | None = []  # lines held back until the first sentence
        self.hardest: list[Segment] = []
        self._lines(f"{start.path}: Hinweis: {note}" for note in start.notes)

    def chunk(self, chunk: Chunk) -> None:
        lines = _chunk_lines(self.file.path, self.file.text, chunk, self.colour)
        if self.waiting is not None:
            if not chunk.segments:
                self.waiting.extend(lines)
                return
            lines, self.waiting = self.waiting + lines, None
        self._lines(lines)
        if self.sentences:
            from ..metrics import predict_rating

            rated = self.hardest + [s for s in chunk.segments if s.index is not None]
            # the index is clipped at 0: among sentences at 0 the higher predicted rating is the harder one
            self.hardest = heapq.nsmallest(self.sentences, rated,
                                           key=lambda s: (s.index, -predict_rating(s.counts) if s.counts else 0, s.start))

    def end_file(self, summary: FileSummary) -> None:
        late = summary.notes[len(self.file.notes):]
        self._lines([f"{summary.path}: Hinweis: {note}" for note in late] + (self.waiting or []))
        if self.sentences:
            self._lines(_hardest_sentences(self.file.path, self.file.text, self.hardest))
        self.summaries.append(summary)
        self.file = self.waiting = None
        self.hardest = []

    def abort_file(self, failure: InputFailure) -> None:
        self.file = self.waiting = None  # what was written stays; the failure follows at the end

    def close(self) -> None:
        if self.show_errors:
            self._lines(error_line(failure, self.colour) for failure in self.errors)
        if self.show_summary:
            self._lines([_summary(self.summaries, len(self.errors), self.min_index, self.skipped)])
        if not self.written:
            self.out.write("\n")  # as "\n".join([]) + "\n"

    def _lines(self, lines) -> None:
        text = "".join(line + "\n" for line in lines)
        if text:
            self.out.write(text)
            self.written = True


WRITER = HumanWriter


def error_line(failure: InputFailure, colour: bool = False) -> str:
    """"brief.txt: Fehler: Datei nicht gefunden" for an input that could not be read."""
    return _style(f"{failure.path}: Fehler: {failure.message}", "red", colour)


def streams_to(encoding: str | None) -> bool:
    """True when :func:`safe_text` never changes text for ``encoding`` (a UTF encoding)."""
    import codecs

    try:
        return codecs.lookup(encoding or "utf-8").name.startswith("utf")
    except LookupError:
        return False


def render(result: CheckResult, colour: bool = False, encoding: str = "utf-8", show_summary: bool = True,
           sentences: int = 0, min_index: float | None = None, show_errors: bool = True,
           skipped: list | None = None) -> str:
    """``sentences``: list that many of each file's hardest sentences; ``min_index``: mark files below it;
    ``show_errors``: False leaves out the lines on unreadable inputs (the command line writes them to stderr)."""
    text = stream.render(HumanWriter, result, colour=colour, show_summary=show_summary, sentences=sentences,
                         min_index=min_index, show_errors=show_errors, skipped=skipped)
    return safe_text(text, encoding)


def safe_text(text: str, encoding: str) -> str:
    """Replace characters the console cannot show."""
    try:
        text.encode(encoding or "utf-8")
        return text
    except (UnicodeEncodeError, LookupError):
        fallback = text.translate(ASCII_FALLBACK)
        return fallback.encode(encoding or "ascii", errors="replace").decode(encoding or "ascii")


def _style(text: str, colour_name: str | None, colour: bool, bold: bool = False) -> str:
    if not colour:
        return text
    import click

    return click.style(text, fg=colour_name, bold=bold)


def _chunk_lines(path: str, text: str, chunk: Chunk, colour: bool) -> list[str]:
    """The findings of a chunk grouped by sentence: finding lines, the sentence, suggestions, a blank line."""
    docx = is_word_processor(path)
    lines: list[str] = []
    for segment, findings in _group_by_segment(chunk):
        for finding in findings:
            label = SEVERITY_LABEL[finding.severity]
            where = (f"{finding.location.paragraph}:{finding.location.column}" if docx
                     else f"{finding.location.line}:{finding.location.column}")
            head = f"{path}:{where}: {finding.rule}"
            inside = place(finding.location, paragraph=False)  # "Fußzeile, Absatz 1": findable in Word
            lines.append(
                f"{_style(head, None, colour, bold=True)}  {finding.message}{f' ({inside})' if inside else ''} "
                f"{_style('[' + label + ']', SEVERITY_COLOUR[finding.severity], colour)}"
            )
        lines.append("    " + _highlight(text, segment, findings, colour))
        for finding in findings:
            for suggestion in finding.suggestions:
                lines.append(f"    → {finding.rule}: {suggestion}")
        lines += _fix_lines(text, segment, findings, colour)
        lines.append("")
    return lines


def _fix_lines(text: str, segment: tuple[int, int], findings: list[Finding], colour: bool) -> list[str]:
    """Each rewrite of the sentence (issue 14) once, its new words marked (colour, else [[...]])."""
    lines, seen = [], set()
    for finding in findings:
        fix = finding.fix
        if not fix or fix["sentence"] in seen:
            continue
        seen.add(fix["sentence"])
        pieces, position = [], segment[0]
        for edit in sorted(fix["edits"], key=lambda e: e["start"]):
            pieces.append(text[position:edit["start"]])
            if edit["text"].strip():
                new = edit["text"]
                pieces.append(_style(new, "green", True, bold=True) if colour else f"[[{new}]]")
            position = edit["end"]
        pieces.append(text[position:segment[1]])
        rules = ", ".join(sorted({f.rule for f in findings if f.fix == fix}))
        lines.append(f"    ✎ Neu ({fix_label(fix)}, {rules}): "
                     + "".join(pieces).replace("\n", " "))
    return lines


def _group_by_segment(chunk: Chunk):
    """(segment (start, end), findings) in text order; findings outside any segment stand alone."""
    starts = [s.start for s in chunk.segments]
    groups: dict[tuple[int, int], list[Finding]] = {}
    for finding in chunk.findings:
        position = bisect.bisect_right(starts, finding.start) - 1  # segments are disjoint and in text order
        segment = chunk.segments[position] if position >= 0 else None
        if segment is not None and segment.start <= finding.start < segment.end:
            key = (segment.start, segment.end)
        else:
            key = (finding.start, finding.end)
        groups.setdefault(key, []).append(finding)
    return sorted(groups.items())


def _highlight(text: str, segment: tuple[int, int], findings: list[Finding], colour: bool) -> str:
    start, end = segment
    marks = sorted(
        (max(f.start, start), min(f.end, end)) for f in findings if not (f.start <= start and f.end >= end)
    )
    merged: list[list[int]] = []
    for mark_start, mark_end in marks:
        if merged and mark_start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], mark_end)
        else:
            merged.append([mark_start, mark_end])
    pieces = []
    position = start
    for mark_start, mark_end in merged:
        pieces.append(text[position:mark_start])
        flagged = text[mark_start:mark_end]
        pieces.append(_style(flagged, "red", True, bold=True) if colour else f"**{flagged}**")
        position = mark_end
    pieces.append(text[position:end])
    return "".join(pieces).replace("\n", " ")


def _index_text(metrics: dict, min_index: float | None) -> str:
    """"Einfach-Index 54 (mittel)", with a note when it is below ``--min-index``."""
    index = metrics.get("index") or {}
    if index.get("value") is None:
        return "Einfach-Index – (kein vollständiger Satz)"
    text = f"Einfach-Index {math.floor(index['value'])} ({index['band']})"  # floor: 69.6 is not "70"
    if min_index is not None and index["value"] < min_index:
        text += f", unter dem Mindestwert {min_index:g}"
    return text


def _shorten(text: str, width: int = SENTENCE_WIDTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _hardest_sentences(path: str, text: str, rated: list[Segment]) -> list[str]:
    """The rated sentences (the file's lowest Einfach-Index first) as lines."""
    from ..metrics import band

    if not rated:
        return [f"{path}: keine vollständigen Sätze für den Einfach-Index", ""]
    hardest = "der schwerste Satz" if len(rated) == 1 else f"die {len(rated)} schwersten Sätze"
    lines = [f"{path}: {hardest} (Einfach-Index, 0 = sehr schwer, 100 = sehr verständlich):"]
    docx = is_word_processor(path)
    for segment in rated:
        line = text.count("\n", 0, segment.start) + 1
        column = segment.start - (text.rfind("\n", 0, segment.start) + 1) + 1
        where = f"{segment.paragraph if docx and segment.paragraph else line}:{column}"
        value = round(segment.index, 1)  # as in the JSON
        lines.append(f"  {math.floor(value):>3} {band(value):<17} {where:>7}  {_shorten(text[segment.start:segment.end])}")
    lines.append("")
    return lines


def _suppression_text(file: FileSummary) -> str:
    parts = []
    if file.suppressed:
        parts.append(f"{file.suppressed} unterdrückt")
    excluded = excluded_text(file.excluded)
    if excluded:
        parts.append(excluded)
    return f" ({', '.join(parts)})" if parts else ""


class StatisticsWriter(stream.Writer):
    """``--statistics``: findings per rule over all files, most frequent first (written at the end)."""

    def __init__(self, out) -> None:
        super().__init__(out)
        self.counts: Counter[str] = Counter()
        self.files = 0

    def end_file(self, summary: FileSummary) -> None:
        self.counts.update(summary.rules)
        self.files += 1

    def close(self) -> None:
        from ..rules.loader import load_rules

        rules = load_rules()
        counts = self.counts
        lines = [f"{count:>6}  {rule:<22} {rules[rule].title if rule in rules else ''}" for rule, count in counts.most_common()]
        total = sum(counts.values())
        lines.append(f"{total:>6}  {'Befund' if total == 1 else 'Befunde'} in {count(self.files, 'Datei', 'Dateien')}")
        self.out.write("\n".join(lines) + "\n")


def render_statistics(result: CheckResult) -> str:
    """``--statistics``: findings per rule over all files, most frequent first."""
    return stream.render(StatisticsWriter, result)


SKIPPED_NAMED = 10  # skipped files named in the summary; the rest are counted


def skipped_text(skipped: list[tuple[str, str]]) -> str:
    """"scan.pdf (.pdf wird nicht unterstützt), …" for the skipped files of a run."""
    named = [f"{path} ({why})" for path, why in skipped[:SKIPPED_NAMED]]
    more = len(skipped) - SKIPPED_NAMED
    return ", ".join(named) + (f" und {more} weitere" if more > 0 else "")


def _summary(files: list[FileSummary], errors: int, min_index: float | None = None,
             skipped: list[tuple[str, str]] | None = None) -> str:
    from ..bands import sentence_for_profile

    lines = []
    per_rule: Counter[str] = Counter()
    per_severity: Counter[str] = Counter()
    for file in files:
        metrics = file.metrics
        per_rule.update(file.rules)
        per_severity.update(file.severities)
        average = f"{metrics['avg_sentence_words']:.1f}".replace(".", ",")
        lines.append(
            f"{file.path}: {count(metrics['words'], 'Wort', 'Wörter')}, {count(metrics['sentences'], 'Satz', 'Sätze')}, "
            f"Ø {average} Wörter pro Satz; {_index_text(metrics, min_index if min_index is not None else file.min_index)}; "
            f"{count(file.finding_count, 'Befund', 'Befunde')}" + _suppression_text(file)
        )
        meaning = sentence_for_profile((metrics.get("index") or {}).get("band"), file.profile)
        if meaning:
            lines.append("  " + meaning)
    if per_rule:
        lines.append("Befunde je Regel: " + ", ".join(f"{rule} {count}" for rule, count in sorted(per_rule.items())))
    totals = ", ".join(
        f"{per_severity[s]} {(SEVERITY_LABEL if per_severity[s] == 1 else SEVERITY_PLURAL)[s]}"
        for s in ("error", "warning", "info")
        if per_severity[s]
    )
    summary = f"{count(len(files), 'Datei', 'Dateien')} geprüft"
    if totals:
        summary += f": {totals}"
    if errors:
        summary += f"; {count(errors, 'Datei', 'Dateien')} nicht lesbar"
    if skipped and not files and not errors:
        summary += f": {skipped_text(skipped)}"  # "0 Dateien geprüft: scan.pdf (.pdf wird nicht unterstützt)"
    elif skipped:
        summary += f"; {count(len(skipped), 'Datei', 'Dateien')} übersprungen: {skipped_text(skipped)}"
    lines.append(summary)
    return "\n".join(lines)
