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
it (``w:t``, tabs, breaks) and compared with the checked text; a finding is
skipped (and counted) when its range cannot be mapped exactly:

* in headers, footers, footnotes and endnotes Word allows no comments;
* text boxes, field results (a comment there is lost when Word updates the
  field), a MERGEFIELD placeholder («Name») that has no text in the file,
  math, smart tags, and paragraphs whose text differs from the checked text.

Hyperlinks, content controls and tracked insertions are fine: a range may
start or end inside them.
"""

from __future__ import annotations

import copy
import io
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..atomic import OutputError, _resolved, check_target, refuse_inputs, write_atomic
from ..document import PARAGRAPH_SEPARATOR
from ..findings import FileResult, Finding
from ..wording import place
from ..readers.docx import (
    M_T,
    MC_ALTERNATE,
    W_BR,
    W_CR,
    W_FLD_CHAR,
    W_FLD_CHAR_TYPE,
    W_FLD_SIMPLE,
    W_INSTR_TEXT,
    W_NO_BREAK_HYPHEN,
    W_PTAB,
    W_T,
    W_TAB,
    W_TXBX_CONTENT,
    _INLINE_SKIP,
    _choose_branch,
    _w,
    iter_paragraphs,
)

AUTHOR = "einfach"
INITIALS = "E"
MAIN_PART = "word/document.xml"
W_R, W_RPR = _w("r"), _w("rPr")
#: Inline containers whose runs can carry a comment range like the paragraph's own
#: (Word and LibreOffice keep a range there).  Smart tags and custom XML are not among
#: them: LibreOffice drops range markers inside them (and Word no longer writes them).
_TRANSPARENT = frozenset(map(_w, ("hyperlink", "ins", "moveTo", "sdt", "sdtContent")))
_RUN_TEXT = {W_TAB: "\t", W_PTAB: "\t", W_BR: "\n", W_CR: "\n", W_NO_BREAK_HYPHEN: "-"}
_WHAT = "Kommentierte Kopie"


@dataclass
class AnnotationReport:
    """What ``annotate`` did: comments written and findings skipped, by reason."""

    target: str
    written: int = 0
    skipped_story: int = 0  # headers, footers, footnotes, endnotes: Word has no comments there
    skipped_unmapped: int = 0  # text boxes, fields, placeholders, changed text

    @property
    def skipped(self) -> int:
        return self.skipped_story + self.skipped_unmapped

    def summary(self) -> str:
        """One German line for the report's summary."""
        line = f"Word-Kommentare: {self.written} in {self.target} geschrieben"
        if self.skipped:
            line += f"; {self.skipped} Befund{'e' if self.skipped != 1 else ''} ohne Kommentar ({self.skip_reasons()})"
        return line

    def skip_reasons(self) -> str:
        reasons = []
        if self.skipped_story:
            reasons.append(f"{self.skipped_story} in Kopf-/Fußzeilen oder Fuß-/Endnoten, wo Word keine Kommentare erlaubt")
        if self.skipped_unmapped:
            reasons.append(
                f"{self.skipped_unmapped} nicht genau zuzuordnen (Textfeld, Feld, Platzhalter oder geänderter Text)"
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
    import docx
    from docx.opc.part import XmlPart
    from docx.text.run import Run

    source = result.path
    protected = [source, *inputs]
    refuse_inputs(target, protected, _WHAT)
    try:
        document = docx.Document(source)
    except Exception as exc:  # python-docx raises many kinds; the reader already accepted the file
        raise OutputError(f"{source}: kann für die Kommentare nicht geöffnet werden ({type(exc).__name__}: {exc})") from None
    roots = {
        str(part.partname).lstrip("/"): part.element
        for part in document.part.package.iter_parts()
        if isinstance(part, XmlPart)
    }
    walked = list(iter_paragraphs(source, roots))
    starts = []
    offset = 0
    for paragraph in walked:
        starts.append(offset)
        offset += len(paragraph.text) + len(PARAGRAPH_SEPARATOR)

    report = AnnotationReport(target=target)
    for finding in sorted(result.findings, key=lambda f: (f.start, f.end, f.rule)):
        number = finding.location.paragraph - 1
        if finding.location.part not in ("body", "table"):
            report.skipped_story += 1
            continue
        if not 0 <= number < len(walked):
            report.skipped_unmapped += 1
            continue
        paragraph, start = walked[number], starts[number]
        if (
            paragraph.part_name != MAIN_PART
            or paragraph.attributes.get("kind") == "textbox"
            or result.text[start : start + len(paragraph.text)] != paragraph.text
            or not start <= finding.start < finding.end <= start + len(paragraph.text)
        ):
            report.skipped_unmapped += 1
            continue
        runs = _anchor(paragraph.element, paragraph.text, finding.start - start, finding.end - start)
        if runs is None:
            report.skipped_unmapped += 1
            continue
        first, last = (Run(r, document.part) for r in runs)
        document.add_comment([first, last], text=comment_text(finding), author=AUTHOR, initials=INITIALS)
        report.written += 1

    buffer = io.BytesIO()
    document.save(buffer)
    write_atomic(target, buffer.getvalue(), inputs=protected, what=_WHAT)
    return report


def comment_text(finding: Finding) -> str:
    """The comment: message and suggestions; outside the body and its tables, where
    the text is ("Fußzeile, Absatz 1: …"): Word cannot anchor a comment there, so
    it stands elsewhere (a comment in a table cell sits on the cell's text)."""
    where = "" if finding.location.part == "table" else place(finding.location, paragraph=False)
    message = f"{where}: {finding.message}" if where else finding.message
    return "\n".join([message, *finding.suggestions])


# -- mapping text offsets to runs ------------------------------------------------


@dataclass
class _Piece:
    """One element's contribution to the paragraph text."""

    start: int
    end: int
    element: object  # w:t, w:tab, w:br, ...
    run: object | None  # the w:r the element is a direct child of
    anchorable: bool  # a comment range may start or end here


def _pieces(paragraph) -> list[_Piece]:
    """The paragraph's visible text, element by element, as the reader sees it."""
    pieces: list[_Piece] = []
    fields: list[bool] = []  # open complex fields: in their result part?
    position = 0

    def add(element, run, text: str, anchorable: bool) -> None:
        nonlocal position
        if text and all(fields):
            pieces.append(_Piece(position, position + len(text), element, run, anchorable and not fields))
            position += len(text)

    def fld_char(element) -> None:
        kind = element.get(W_FLD_CHAR_TYPE)
        if kind == "begin":
            fields.append(False)
        elif kind == "separate" and fields:
            fields[-1] = True
        elif kind == "end" and fields:
            fields.pop()

    def visit(element, anchorable: bool) -> None:
        for child in element:
            tag = child.tag
            if _skipped(tag):
                continue
            if tag == W_R:
                visit_run(child, anchorable)
            elif tag == W_FLD_CHAR:
                fld_char(child)
            elif tag == MC_ALTERNATE:
                branch = _choose_branch(child)
                if branch is not None:
                    visit(branch, False)
            elif tag == W_T or tag == M_T:  # text outside a w:r (math): no anchor
                add(child, None, child.text or "", False)
            elif tag in _RUN_TEXT:
                add(child, None, _RUN_TEXT[tag], False)
            else:
                visit(child, anchorable and tag in _TRANSPARENT and tag != W_FLD_SIMPLE)

    def visit_run(run, anchorable: bool) -> None:
        for child in run:
            tag = child.tag
            if _skipped(tag):
                continue
            if tag == W_T:
                add(child, run, child.text or "", anchorable)
            elif tag in _RUN_TEXT:
                add(child, run, _RUN_TEXT[tag], anchorable)
            elif tag == W_FLD_CHAR:
                fld_char(child)
            elif tag == MC_ALTERNATE:
                branch = _choose_branch(child)
                if branch is not None:
                    visit(branch, False)
            else:  # drawing, object, ruby, ...: text there has no run of its own to split
                visit(child, False)

    visit(paragraph, True)
    return pieces


def _skipped(tag) -> bool:
    """Elements whose text is not part of the paragraph's checked text: comments and processing
    instructions (no string tag), the reader's invisible subtrees, text boxes, field instructions."""
    return not isinstance(tag, str) or tag in _INLINE_SKIP or tag == W_TXBX_CONTENT or tag == W_INSTR_TEXT


def _anchor(paragraph, checked: str, start: int, end: int):
    """(first w:r, last w:r) covering exactly ``checked[start:end]``, or None.

    Splits runs where the range starts or ends inside one.
    """
    pieces = _pieces(paragraph)
    mapped = "".join(_text(piece) for piece in pieces)
    shift = _shift(checked, mapped, start, end)
    if shift is None:
        return None
    start, end = start + shift, end + shift
    if not (_can_anchor(pieces, start) and _can_anchor(pieces, end - 1)):
        return None
    for boundary in (start, end):
        _split_at(_pieces(paragraph), boundary)
    pieces = _pieces(paragraph)
    first = next((p for p in pieces if p.start == start), None)
    last = next((p for p in pieces if p.end == end), None)
    if first is None or last is None or not (first.anchorable and last.anchorable):
        return None
    if "".join(_text(p) for p in pieces)[start:end] != checked[start - shift : end - shift]:
        return None
    return first.run, last.run


def _text(piece: _Piece) -> str:
    tag = piece.element.tag
    return _RUN_TEXT[tag] if tag in _RUN_TEXT else piece.element.text or ""


def _shift(checked: str, mapped: str, start: int, end: int) -> int | None:
    """How far ``checked[start:end]`` lies from its place in ``mapped``.

    Equal texts: 0.  Otherwise the range must lie entirely in the common
    prefix (shift 0) or in the common suffix (shift = length difference);
    anything touching the differing middle cannot be mapped exactly.
    """
    if checked == mapped:
        return 0
    prefix = 0
    limit = min(len(checked), len(mapped))
    while prefix < limit and checked[prefix] == mapped[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and checked[-1 - suffix] == mapped[-1 - suffix]:
        suffix += 1
    if end <= prefix:
        return 0
    if start >= len(checked) - suffix:
        return len(mapped) - len(checked)
    return None


def _can_anchor(pieces: list[_Piece], position: int) -> bool:
    piece = next((p for p in pieces if p.start <= position < p.end), None)
    return piece is not None and piece.anchorable


def _split_at(pieces: list[_Piece], position: int) -> None:
    """Make ``position`` a run boundary (no-op if it already is one)."""
    for number, piece in enumerate(pieces):
        if piece.start < position < piece.end:  # inside a w:t
            _split_run(piece.run, piece.element, position - piece.start)
            return
        if piece.start == position:
            previous = pieces[number - 1] if number else None
            if previous is not None and previous.run is piece.run:
                _split_run(piece.run, piece.element, 0)
            return


def _split_run(run, element, offset: int) -> None:
    """Split ``run`` before ``element`` (or ``offset`` characters into a w:t).

    The second half is a deep copy of the run with the first half's content
    removed, so both keep ``w:rPr`` and the run's attributes.
    """
    children = list(run)
    index = children.index(element)
    twin = copy.deepcopy(run)
    twin_children = list(twin)
    if offset:
        text = element.text or ""
        element.text = text[:offset]
        twin_children[index].text = text[offset:]
        for t in (element, twin_children[index]):
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    for child in children[index + 1 if offset else index :]:
        run.remove(child)
    for child in twin_children[:index]:
        if child.tag != W_RPR:
            twin.remove(child)
    run.addnext(twin)


def default_target(path: str) -> str:
    """``brief.docx`` → ``brief.einfach.docx`` (for documentation and tests)."""
    stem, _ = os.path.splitext(path)
    return f"{stem}.einfach.docx"
