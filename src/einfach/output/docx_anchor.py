"""Mapping a paragraph's checked text back to the XML elements that produce it.

The .docx writers (Word comments in :mod:`einfach.output.docx_comments`, tracked
changes in :mod:`einfach.output.docx_tracked`) both need to find, inside one
``w:p``, the elements (``w:t``, tabs, breaks) behind a range of the paragraph's
checked text, as the reader (:mod:`einfach.readers.docx`) extracted it, and to
make the range's ends run boundaries.  This module is that walk:

* :func:`_pieces` lists the paragraph's visible text element by element, the way
  the reader sees it (field instructions, text boxes and the reader's invisible
  subtrees left out; only a field's result counts; hidden runs, soft hyphens and
  outer spaces Word does not show left out through the reader's run-formatting
  resolver and :func:`~einfach.readers.docx.rendered_text`), marking where a range may
  start or end (``anchorable``: a run of the paragraph itself or of a transparent
  container such as a hyperlink, content control or tracked insertion; not a
  field result, math, a drawing's text or a smart tag);
* :func:`_shift` lines the checked text up with the mapped text where the two
  differ (a range in the common prefix or suffix still maps; one touching the
  differing middle does not);
* :func:`_anchor` splits runs at a range's ends (:func:`_split_at`,
  :func:`_split_run`: both halves keep ``w:rPr``; a split counts characters as
  shown and keeps soft hyphens in the file) and returns its first and last run,
  or None when the range cannot be mapped exactly;
* :func:`open_walked` opens a .docx with python-docx (to change and save it) and
  walks its paragraphs over python-docx's own trees, with their offsets in the
  extracted text.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from ..atomic import OutputError
from ..document import INVISIBLE_CHARACTERS, PARAGRAPH_SEPARATOR
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
    W_OBJECT,
    W_PTAB,
    W_T,
    W_TAB,
    W_TXBX_CONTENT,
    XML_SPACE,
    _INLINE_SKIP,
    _XML_WHITESPACE,
    _choose_branch,
    _w,
    iter_paragraphs,
    rendered_text,
)
from ..readers.formatting import PLAIN, Formatting

W_R, W_RPR = _w("r"), _w("rPr")
#: Inline containers whose runs can carry a comment range like the paragraph's own
#: (Word and LibreOffice keep a range there).  Smart tags and custom XML are not among
#: them: LibreOffice drops range markers inside them (and Word no longer writes them).
_TRANSPARENT = frozenset(map(_w, ("hyperlink", "ins", "moveTo", "sdt", "sdtContent")))
_RUN_TEXT = {W_TAB: "\t", W_PTAB: "\t", W_BR: "\n", W_CR: "\n", W_NO_BREAK_HYPHEN: "-"}


@dataclass
class _Piece:
    """One element's contribution to the paragraph text."""

    start: int
    end: int
    element: object  # w:t, w:tab, w:br, ...
    run: object | None  # the w:r the element is a direct child of
    anchorable: bool  # a comment range may start or end here


def _pieces(paragraph, formatting: Formatting | None = None, style_id: str | None = None) -> list[_Piece]:
    """The paragraph's visible text, element by element, as the reader sees it.

    ``formatting`` and ``style_id`` (from the reader's
    :class:`~einfach.readers.docx.DocxParagraph`) resolve which runs are hidden
    text; hidden runs add nothing, as in the reader.
    """
    pieces: list[_Piece] = []
    fields: list[bool] = []  # open complex fields: in their result part?
    position = 0
    outside_runs = formatting.paragraph_default(style_id) if formatting is not None else PLAIN

    def add(element, run, text: str, anchorable: bool, owner=None) -> None:
        """``owner``: the run whose formatting applies to text below it that has no run of its own."""
        nonlocal position
        source = run if run is not None else owner
        hidden = (formatting.run(style_id, source) if formatting is not None and source is not None
                  else outside_runs).hidden
        if text and all(fields) and not hidden:
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

    def visit(element, anchorable: bool, owner=None) -> None:
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
                    visit(branch, False, owner)
            elif tag == W_T or tag == M_T:  # text outside a w:r (math): no anchor
                add(child, None, rendered_text(child), False, owner)
            elif tag in _RUN_TEXT:
                add(child, None, _RUN_TEXT[tag], False, owner)
            else:
                visit(child, anchorable and tag in _TRANSPARENT and tag != W_FLD_SIMPLE, owner)

    def visit_run(run, anchorable: bool) -> None:
        for child in run:
            tag = child.tag
            if _skipped(tag):
                continue
            if tag == W_T:
                add(child, run, rendered_text(child), anchorable)
            elif tag in _RUN_TEXT:
                add(child, run, _RUN_TEXT[tag], anchorable)
            elif tag == W_FLD_CHAR:
                fld_char(child)
            elif tag == MC_ALTERNATE:
                branch = _choose_branch(child)
                if branch is not None:
                    visit(branch, False, run)
            else:  # drawing, ruby, ...: text there has no run of its own to split
                visit(child, False, run)

    visit(paragraph, True)
    return pieces


def _skipped(tag) -> bool:
    """Elements whose text is not part of the paragraph's checked text: comments and processing
    instructions (no string tag), the reader's invisible subtrees, text boxes, field instructions,
    embedded objects."""
    return (not isinstance(tag, str) or tag in _INLINE_SKIP or tag == W_TXBX_CONTENT or tag == W_INSTR_TEXT
            or tag == W_OBJECT)


def _anchor(paragraph, checked: str, start: int, end: int, formatting: Formatting | None = None,
            style_id: str | None = None):
    """(first w:r, last w:r) covering exactly ``checked[start:end]``, or None.

    Splits runs where the range starts or ends inside one.  ``formatting`` and
    ``style_id`` say which runs are hidden (see :func:`_pieces`).
    """
    pieces = _pieces(paragraph, formatting, style_id)
    mapped = "".join(_text(piece) for piece in pieces)
    shift = _shift(checked, mapped, start, end)
    if shift is None:
        return None
    start, end = start + shift, end + shift
    if not (_can_anchor(pieces, start) and _can_anchor(pieces, end - 1)):
        return None
    for boundary in (start, end):
        _split_at(_pieces(paragraph, formatting, style_id), boundary)
    pieces = _pieces(paragraph, formatting, style_id)
    first = next((p for p in pieces if p.start == start), None)
    last = next((p for p in pieces if p.end == end), None)
    if first is None or last is None or not (first.anchorable and last.anchorable):
        return None
    if "".join(_text(p) for p in pieces)[start:end] != checked[start - shift : end - shift]:
        return None
    return first.run, last.run


def _text(piece: _Piece) -> str:
    tag = piece.element.tag
    return _RUN_TEXT[tag] if tag in _RUN_TEXT else rendered_text(piece.element)


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
        text, offset = _raw_split(element, offset)
        element.text = text[:offset]
        twin_children[index].text = text[offset:]
        for t in (element, twin_children[index]):
            t.set(XML_SPACE, "preserve")
    for child in children[index + 1 if offset else index :]:
        run.remove(child)
    for child in twin_children[:index]:
        if child.tag != W_RPR:
            twin.remove(child)
    run.addnext(twin)


def _raw_split(t, offset: int) -> tuple[str, int]:
    """The text of the ``w:t`` ``t`` to split, and where, for a split ``offset`` characters
    into its rendered text (:func:`~einfach.readers.docx.rendered_text`).

    Outer whitespace that Word does not show (no ``xml:space="preserve"``) is removed, so
    both halves can be preserved without showing it; invisible characters (soft hyphens)
    are kept and skipped while counting.
    """
    text = t.text or ""
    if t.get(XML_SPACE) != "preserve":
        text = text.strip(_XML_WHITESPACE)
    shown = 0
    for index, char in enumerate(text):
        if shown == offset:
            return text, index
        if char not in INVISIBLE_CHARACTERS:
            shown += 1
    return text, len(text)


def open_walked(source: str, purpose: str):
    """(python-docx Document, zip part name -> its root element, the reader's paragraphs over
    those trees, each paragraph's start offset in the extracted text) for ``source``.

    ``purpose`` completes the German error ("kann für {purpose} nicht geöffnet werden").
    """
    import docx
    from docx.opc.part import XmlPart

    try:
        document = docx.Document(source)
    except Exception as exc:  # python-docx raises many kinds; the reader already accepted the file
        raise OutputError(f"{source}: kann für {purpose} nicht geöffnet werden ({type(exc).__name__}: {exc})") from None
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
    return document, roots, walked, starts
