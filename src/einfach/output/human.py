"""The default, human-readable output.

Findings are grouped by sentence: one line per finding
(``brief.docx:12:5: passiv  <message> [Warnung]``), then the sentence once with
the flagged words highlighted, then the suggestions.  Colour is used only on a
terminal; on a console that cannot print Unicode the text falls back to ASCII.
For .docx files the position is paragraph:column (Absatz), for text files
line:column.  The summary line of each file shows its Einfach-Index and band;
``sentences`` lists the hardest complete sentences (``einfach check --sentences``).
"""

from __future__ import annotations

import math
from collections import Counter

from ..findings import CheckResult, FileResult, Finding
from ..document import is_word_processor

SEVERITY_LABEL = {"info": "Hinweis", "warning": "Warnung", "error": "Fehler"}
SEVERITY_PLURAL = {"info": "Hinweise", "warning": "Warnungen", "error": "Fehler"}
SEVERITY_COLOUR = {"info": "cyan", "warning": "yellow", "error": "red"}
SENTENCE_WIDTH = 100  # characters of a sentence shown by --sentences
ASCII_FALLBACK = str.maketrans({
    "„": '"', "“": '"', "”": '"', "‚": "'", "‘": "'", "’": "'", "…": "...", "→": "->", "↳": "->",
    "–": "-", "—": "-", "Ø": "avg", "«": "<<", "»": ">>", "·": ".", "§": "S.",
})


def render(result: CheckResult, colour: bool = False, encoding: str = "utf-8", show_summary: bool = True,
           sentences: int = 0, min_index: float | None = None) -> str:
    """``sentences``: list that many of each file's hardest sentences; ``min_index``: mark files below it."""
    blocks: list[str] = []
    for file in result.files:
        blocks.extend(_file_block(file, colour))
        if sentences:
            blocks.extend(_hardest_sentences(file, sentences))
    for failure in result.errors:
        blocks.append(_style(f"{failure.path}: Fehler: {failure.message}", "red", colour))
    if show_summary:
        blocks.append(_summary(result, min_index))
    text = "\n".join(blocks) + "\n"
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


def _position(file: FileResult, finding: Finding) -> str:
    if is_word_processor(file.path):
        return f"{finding.location.paragraph}:{finding.location.column}"
    return f"{finding.location.line}:{finding.location.column}"


def _file_block(file: FileResult, colour: bool) -> list[str]:
    lines: list[str] = []
    for note in file.notes:
        lines.append(f"{file.path}: Hinweis: {note}")
    for segment, findings in _group_by_segment(file):
        for finding in findings:
            label = SEVERITY_LABEL[finding.severity]
            head = f"{file.path}:{_position(file, finding)}: {finding.rule}"
            lines.append(
                f"{_style(head, None, colour, bold=True)}  {finding.message} "
                f"{_style('[' + label + ']', SEVERITY_COLOUR[finding.severity], colour)}"
            )
        lines.append("    " + _highlight(file.text, segment, findings, colour))
        for finding in findings:
            for suggestion in finding.suggestions:
                lines.append(f"    → {finding.rule}: {suggestion}")
        lines.append("")
    return lines


def _group_by_segment(file: FileResult):
    """(segment (start, end), findings) in text order; findings outside any segment stand alone."""
    groups: dict[tuple[int, int], list[Finding]] = {}
    for finding in file.findings:
        segment = next(
            ((s.start, s.end) for s in file.segments if s.start <= finding.start < s.end),
            (finding.start, finding.end),
        )
        groups.setdefault(segment, []).append(finding)
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
    text = f"Einfach-Index {math.floor(index['value'])} ({index['band']})"  # floor: 79.6 is "leicht", not "80"
    if min_index is not None and index["value"] < min_index:
        text += f", unter dem Mindestwert {min_index:g}"
    return text


def _shorten(text: str, width: int = SENTENCE_WIDTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _hardest_sentences(file: FileResult, count: int) -> list[str]:
    """The ``count`` complete sentences with the lowest Einfach-Index, hardest first."""
    from ..metrics import band

    rated = sorted((s for s in file.segments if s.index is not None), key=lambda s: (s.index, s.start))[:count]
    if not rated:
        return [f"{file.path}: keine vollständigen Sätze für den Einfach-Index", ""]
    lines = [f"{file.path}: die {len(rated)} schwersten Sätze (Einfach-Index, 0 = sehr schwer, 100 = sehr leicht):"]
    docx = is_word_processor(file.path)
    for segment in rated:
        line = file.text.count("\n", 0, segment.start) + 1
        column = segment.start - (file.text.rfind("\n", 0, segment.start) + 1) + 1
        where = f"{segment.paragraph if docx and segment.paragraph else line}:{column}"
        value = round(segment.index, 1)  # as in the JSON
        lines.append(f"  {math.floor(value):>3} {band(value):<11} {where:>7}  {_shorten(file.text[segment.start:segment.end])}")
    lines.append("")
    return lines


def _suppression_text(file: FileResult) -> str:
    parts = []
    if file.suppressed:
        parts.append(f"{file.suppressed} unterdrückt")
    if file.excluded:
        parts.append(f"{len(file.excluded)} Bereich{'e' if len(file.excluded) != 1 else ''} ausgenommen")
    return f" ({', '.join(parts)})" if parts else ""


def render_statistics(result: CheckResult) -> str:
    """``--statistics``: findings per rule over all files, most frequent first."""
    from ..rules.loader import load_rules

    rules = load_rules()
    counts = Counter(f.rule for file in result.files for f in file.findings)
    lines = [f"{count:>6}  {rule:<22} {rules[rule].title if rule in rules else ''}" for rule, count in counts.most_common()]
    lines.append(f"{sum(counts.values()):>6}  Befunde in {len(result.files)} Datei{'en' if len(result.files) != 1 else ''}")
    return "\n".join(lines) + "\n"


def _summary(result: CheckResult, min_index: float | None = None) -> str:
    lines = []
    per_rule: Counter[str] = Counter()
    per_severity: Counter[str] = Counter()
    for file in result.files:
        metrics = file.metrics
        counts = Counter(f.severity for f in file.findings)
        per_rule.update(f.rule for f in file.findings)
        per_severity.update(counts)
        average = f"{metrics['avg_sentence_words']:.1f}".replace(".", ",")
        lines.append(
            f"{file.path}: {metrics['words']} Wörter, {metrics['sentences']} Sätze, "
            f"Ø {average} Wörter pro Satz; {_index_text(metrics, min_index if min_index is not None else file.min_index)}; "
            f"{len(file.findings)} Befunde" + _suppression_text(file)
        )
    if per_rule:
        lines.append("Befunde je Regel: " + ", ".join(f"{rule} {count}" for rule, count in sorted(per_rule.items())))
    totals = ", ".join(
        f"{per_severity[s]} {(SEVERITY_LABEL if per_severity[s] == 1 else SEVERITY_PLURAL)[s]}"
        for s in ("error", "warning", "info")
        if per_severity[s]
    )
    files = len(result.files)
    summary = f"{files} Datei{'en' if files != 1 else ''} geprüft"
    if totals:
        summary += f": {totals}"
    if result.errors:
        summary += f"; {len(result.errors)} Datei{'en' if len(result.errors) != 1 else ''} nicht lesbar"
    lines.append(summary)
    return "\n".join(lines)
