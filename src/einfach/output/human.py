"""The default, human-readable output.

Findings are grouped by sentence: one line per finding
(``brief.docx:12:5: passiv  <message> [Warnung]``), then the sentence once with
the flagged words highlighted, then the suggestions.  Colour is used only on a
terminal; on a console that cannot print Unicode the text falls back to ASCII.
For .docx files the position is paragraph:column (Absatz), for text files
line:column.
"""

from __future__ import annotations

from collections import Counter

from ..findings import CheckResult, FileResult, Finding

SEVERITY_LABEL = {"info": "Hinweis", "warning": "Warnung", "error": "Fehler"}
SEVERITY_PLURAL = {"info": "Hinweise", "warning": "Warnungen", "error": "Fehler"}
SEVERITY_COLOUR = {"info": "cyan", "warning": "yellow", "error": "red"}
ASCII_FALLBACK = str.maketrans({
    "„": '"', "“": '"', "”": '"', "‚": "'", "‘": "'", "’": "'", "…": "...", "→": "->", "↳": "->",
    "–": "-", "—": "-", "Ø": "avg", "«": "<<", "»": ">>", "·": ".", "§": "S.",
})


def render(result: CheckResult, colour: bool = False, encoding: str = "utf-8", show_summary: bool = True) -> str:
    blocks: list[str] = []
    for file in result.files:
        blocks.extend(_file_block(file, colour))
    for failure in result.errors:
        blocks.append(_style(f"{failure.path}: Fehler: {failure.message}", "red", colour))
    if show_summary:
        blocks.append(_summary(result))
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
    if file.path.lower().endswith(".docx"):
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


def _summary(result: CheckResult) -> str:
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
            f"Ø {average} Wörter pro Satz; {len(file.findings)} Befunde"
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
