"""``einfach check brief.docx --annotate brief.einfach.docx``: Word comments on a copy.

The copy gets one Word comment per finding (author "einfach", initials "E",
text: the message, then the suggestions, one paragraph each), anchored on
exactly the words the finding concerns.  Where a finding starts or ends
inside a run, the run is split in two; both halves keep the run's
properties (``w:rPr``), so formatting is unchanged.  Everything else (tables,
headers, footers, styles, images) is copied as python-docx round-trips it.
The original file is never written; the copy is written atomically and never
onto an input file.

Finding the place: the paragraph comes from the reader's own walk
(:func:`einfach.readers.docx.iter_paragraphs`, run over python-docx's trees),
so paragraph numbers and texts are those of the check by construction.
Within the paragraph, the text is mapped back to the elements that produce
it (``w:t``, tabs, breaks; the walk is :mod:`einfach.output.docx_anchor`, shared
with the tracked-changes writer) and compared with the checked text; a finding is
skipped (and counted) when its range cannot be mapped exactly:

* in headers and footers Word allows no comments; in footnotes and endnotes
  Word allows them, but LibreOffice (7.4) cannot open a .docx with a comment
  reference in a footnote ("source file could not be loaded"), so einfach
  writes none there;
* field results (a comment there is lost when Word updates the field), a
  MERGEFIELD placeholder («Name») that has no text in the file, math, smart
  tags, pieces Word imports (altChunk) and paragraphs whose text differs from
  the checked text.

Hyperlinks, content controls, tracked insertions and text boxes of the main
document are fine: a range may start or end inside them.  Hidden text, soft
hyphens and outer spaces Word does not show are skipped as the reader skips
them (the walk uses the reader's run-formatting resolver).  When findings are
skipped, the copy's first comment (on the first words of the body) lists them,
each with its place and words, so a caseworker can find them with Word's search.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..atomic import OutputError, _resolved, check_target, refuse_inputs, write_atomic
from ..findings import FileResult, Finding
from ..readers.docx import W_COMMENT_START, W_ID
from ..wording import fix_label, place
from .docx_anchor import _anchor, _pieces, open_walked

AUTHOR = "einfach"
INITIALS = "E"
_WHAT = "Kommentierte Kopie"
#: Parts where the copy gets comments: the main document's text, tables and text boxes.
_COMMENTABLE = frozenset({"body", "table", "textbox"})


@dataclass
class AnnotationReport:
    """What ``annotate`` did: comments written and findings skipped, by reason."""

    target: str
    written: int = 0
    skipped_story: int = 0  # headers, footers, footnotes, endnotes: Word has no comments there
    skipped_unmapped: int = 0  # fields, placeholders, changed text
    listed: bool = False  # the skipped findings are listed in the copy's first comment

    @property
    def skipped(self) -> int:
        return self.skipped_story + self.skipped_unmapped

    def summary(self) -> str:
        """One German line for the report's summary."""
        line = f"Word-Kommentare: {self.written} in {self.target} geschrieben"
        if self.skipped:
            line += f"; {self.skipped} Befund{'e' if self.skipped != 1 else ''} ohne Kommentar ({self.skip_reasons()})"
            if self.listed:
                line += ", aufgelistet im ersten Kommentar"
        return line

    def skip_reasons(self) -> str:
        reasons = []
        if self.skipped_story:
            reasons.append(f"{self.skipped_story} in Kopf-/Fußzeilen (Word erlaubt dort keine Kommentare) "
                           "oder Fuß-/Endnoten")
        if self.skipped_unmapped:
            reasons.append(
                f"{self.skipped_unmapped} nicht genau zuzuordnen (Feld, Platzhalter oder geänderter Text)"
            )
        return "; ".join(reasons)


def check_call(paths: Iterable[str], target: str, output: str | None = None) -> None:
    """Refuse a wrong ``--annotate`` call before anything is checked (OutputError, exit 2)."""
    paths = list(paths)
    single = paths[0] if len(paths) == 1 else None
    if single is None or single == "-" or Path(single).suffix.lower() != ".docx" or Path(single).is_dir():
        raise OutputError("--annotate geht nur mit genau einer .docx-Datei als Eingabe.")
    if Path(target).suffix.lower() != ".docx":
        raise OutputError(f"{target}: die kommentierte Kopie braucht die Endung .docx.")
    check_target(target, paths, _WHAT)
    if output is not None and _resolved(output) == _resolved(target):
        raise OutputError(f"{target}: --output und --annotate nennen dieselbe Datei.")


def annotate(result: FileResult, target: str, inputs: Iterable[str] = ()) -> AnnotationReport:
    """Write a copy of ``result.path`` with one Word comment per finding to ``target``."""
    from docx.text.run import Run

    source = result.path
    protected = [source, *inputs]
    refuse_inputs(target, protected, _WHAT)
    document, _, walked, starts = open_walked(source, "die Kommentare")

    report = AnnotationReport(target=target)
    unanchored: list[Finding] = []
    for finding in sorted(result.findings, key=lambda f: (f.start, f.end, f.rule)):
        number = finding.location.paragraph - 1
        if finding.location.part not in _COMMENTABLE:
            report.skipped_story += 1
            unanchored.append(finding)
            continue
        runs = _runs_of(result.text, walked, starts, number, finding.start, finding.end)
        if runs is None:
            report.skipped_unmapped += 1
            unanchored.append(finding)
            continue
        first, last = (Run(r, document.part) for r in runs)
        document.add_comment([first, last], text=comment_text(finding), author=AUTHOR, initials=INITIALS)
        report.written += 1
    if unanchored:
        report.listed = _list_unanchored(document, walked, unanchored)

    buffer = io.BytesIO()
    document.save(buffer)
    write_atomic(target, buffer.getvalue(), inputs=protected, what=_WHAT)
    return report


def _runs_of(text: str, walked, starts, number: int, start: int, end: int):
    """The first and last run of ``text[start:end]``, which starts in paragraph ``number`` and may
    end in a later one (a sentence over list paragraphs, issue 17); None when it cannot be mapped."""
    last = number
    while last + 1 < len(walked) and starts[last + 1] < end:
        last += 1
    if not 0 <= number <= last < len(walked):
        return None
    ends = []
    for position in dict.fromkeys((number, last)):
        paragraph, offset = walked[position], starts[position]
        if not paragraph.main or text[offset : offset + len(paragraph.text)] != paragraph.text:
            return None
        begin = start - offset if position == number else 0
        stop = end - offset if position == last else len(paragraph.text)
        if not 0 <= begin < stop <= len(paragraph.text):
            return None
        ends.append(_anchor(paragraph.element, paragraph.text, begin, stop, paragraph.formatting, paragraph.style_id))
    if None in ends:
        return None
    return ends[0][0], ends[-1][1]


def comment_text(finding: Finding) -> str:
    """The comment: message and suggestions (and the rewritten sentence); for text outside the parts
    where a comment sits on the text itself (body, tables, text boxes), where the text is ("Fußzeile, Absatz 1: …")."""
    where = "" if finding.location.part in _COMMENTABLE else place(finding.location, paragraph=False)
    lines = [f"{where}: {finding.message}" if where else finding.message, *finding.suggestions]
    if finding.fix:  # the rewritten sentence (docs/rewrites.md)
        lines.append(f"Neu ({fix_label(finding.fix)}): „{finding.fix['sentence']}“")
    return "\n".join(lines)


def unanchored_text(findings: list[Finding]) -> str:
    """The first comment's text: the findings that have no comment of their own, each with
    where it is and its words (to find them with Word's search)."""
    count = len(findings)
    lines = [f"einfach: {count} Befund{'e' if count != 1 else ''} ohne eigenen Kommentar "
             "(Word erlaubt dort keine Kommentare, oder die Stelle ist nicht genau zuzuordnen):"]
    for finding in findings:
        words = finding.text if len(finding.text) <= 60 else finding.text[:59] + "…"
        lines.append(f"• {place(finding.location)}: „{words}“ – {finding.message}")  # "Fußzeile, Absatz 1"
    return "\n".join(lines)


def _list_unanchored(document, walked, findings: list[Finding]) -> bool:
    """Add the comment that lists ``findings`` on the first visible run of the body, before
    every other comment there (so it is the copy's first comment).  False when the body has
    no run to anchor it on."""
    from docx.text.run import Run

    for paragraph in walked:
        if not paragraph.main or paragraph.attributes.get("part") != "body":
            continue
        pieces = [p for p in _pieces(paragraph.element, paragraph.formatting, paragraph.style_id) if p.anchorable]
        if not pieces:
            continue
        run = Run(pieces[0].run, document.part)
        comment = document.add_comment(run, text=unanchored_text(findings), author=AUTHOR, initials=INITIALS)
        start = next(e for e in pieces[0].run.itersiblings(preceding=True)
                     if e.tag == W_COMMENT_START and e.get(W_ID) == str(comment.comment_id))
        earliest = start
        for sibling in start.itersiblings(preceding=True):
            if sibling.tag != W_COMMENT_START:
                break
            earliest = sibling
        if earliest is not start:
            earliest.addprevious(start)
        return True
    return False


def default_target(path: str) -> str:
    """``brief.docx`` → ``brief.einfach.docx`` (for documentation and tests)."""
    stem, _ = os.path.splitext(path)
    return f"{stem}.einfach.docx"
