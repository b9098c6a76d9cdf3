"""Rewrites in a .docx copy as Word tracked changes (``einfach fix brief.docx -o kopie.docx``).

:func:`write_tracked_changes` takes replacements ``(start, end, text)`` over the
letter's extracted text (the offsets of findings, see :mod:`einfach.edits`) and
writes a copy in which each one is a Word *tracked change*: the caseworker sees
it in Word or LibreOffice and accepts or rejects it, one by one or all at once.
Accepting all gives the rewritten text; rejecting all gives the original.

What is written (as Word itself writes a revision):

* Each edit becomes the **minimal word-level difference** between old and new
  text: both are split into words, spaces and punctuation marks and compared with
  :class:`difflib.SequenceMatcher`; only the differing stretches become changes,
  unchanged words stay as they are ("Ihr Antrag wurde abgelehnt." → "Wir haben
  Ihren Antrag abgelehnt." deletes "Ihr" and "wurde ", inserts "Wir haben
  Ihren").  Two changes separated only by a space are joined into one, so a run
  of replaced words reads as one deletion followed by one insertion.
* A deletion wraps the affected runs in ``w:del`` (their ``w:t`` become
  ``w:delText``), so deleted text keeps its formatting; runs are split where a
  change starts or ends inside one (both halves keep ``w:rPr``).
* An insertion is ``w:ins`` around one new ``w:r`` whose ``w:rPr`` is copied from
  the first run it replaces, or for a pure insertion from the run before it (the
  run after it at the start of a paragraph): inserted words are bold where the
  replaced words were bold.  It follows the deletion it replaces.
* Every ``w:ins``/``w:del`` carries ``w:id`` (unique, above every id in the
  file), ``w:author`` ("einfach" unless told otherwise) and ``w:date``
  (ISO 8601 in UTC, as Word writes it); ``xml:space="preserve"`` where text
  starts or ends with a space.  Revision tracking is not switched on for the
  caseworker's own later edits (``w:trackRevisions`` is left as it was).

Where: body paragraphs, table cells, headers and footers.  Finding the place is
the walk of :mod:`einfach.output.docx_anchor` over the reader's paragraphs.  An
edit is **skipped** (and counted with a German reason in
:class:`TrackedReport`) when its paragraph already holds tracked changes or a
comment range, or is a text box paragraph; when it touches a field (its result,
a MERGEFIELD placeholder such as «Datum» that has no text in the file, or the
place right after a field result), while an edit in the same paragraph clear of
the field is written; when it lies in a footnote or endnote (python-docx keeps
no tree of those parts to change); when it crosses a paragraph boundary; and
when the anchor walk cannot map it exactly (math, smart tags, a drawing in a run
that would be deleted, a content control locked against editing, a paragraph
whose text differs from the checked text).
Every change is verified before it is kept: the paragraph with all changes
accepted must read as the edited text and with all rejected as the original,
or the edit is skipped and the paragraph stays as it was.

The input file is never written; the copy is written atomically and never onto
an input file.
"""

from __future__ import annotations

import bisect
import copy
import difflib
import io
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from ..atomic import OutputError, refuse_inputs, write_atomic
from ..edits import Edit, checked_edits
from ..readers.docx import (
    W_BR,
    W_COMMENT_END,
    W_COMMENT_START,
    W_CR,
    W_DEL,
    W_FLD_CHAR,
    W_FLD_SIMPLE,
    W_ID,
    W_INS,
    W_INSTR_TEXT,
    W_MOVE_FROM,
    W_MOVE_TO,
    W_NO_BREAK_HYPHEN,
    W_PTAB,
    W_T,
    W_TAB,
    W_TXBX_CONTENT,
    W_VAL,
    XML_SPACE,
    _w,
)
from .docx_anchor import W_R, W_RPR, _pieces, _shift, _split_at, _text, open_walked

AUTHOR = "einfach"
_WHAT = "Kopie mit Änderungen"
W_DEL_TEXT, W_AUTHOR, W_DATE = _w("delText"), _w("author"), _w("date")
W_SDT, W_SDT_PR, W_LOCK = _w("sdt"), _w("sdtPr"), _w("lock")
#: Revisions already in a paragraph: a new change there could nest in or cross them.
_TRACKED = frozenset(
    {W_INS, W_DEL, W_MOVE_FROM, W_MOVE_TO}
    | set(map(_w, ("moveFromRangeStart", "moveToRangeStart", "rPrChange", "pPrChange")))
)
_FIELDS = frozenset({W_FLD_CHAR, W_FLD_SIMPLE, W_INSTR_TEXT})
_COMMENTS = frozenset({W_COMMENT_START, W_COMMENT_END, _w("commentReference")})
#: What a run deleted whole may hold: its properties and text, nothing that would vanish unseen.
_PLAIN_RUN = frozenset(
    {W_RPR, W_T, W_TAB, W_PTAB, W_BR, W_CR, W_NO_BREAK_HYPHEN}
    | set(map(_w, ("softHyphen", "lastRenderedPageBreak")))
)
_NOTES = ("footnote", "endnote")
#: Words, runs of white space and single other characters: the units of the difference.
_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")


@dataclass
class TrackedReport:
    """What :func:`write_tracked_changes` did: edits written, revisions, edits skipped by reason."""

    target: str
    written: int = 0  # edits applied as tracked changes
    revisions: int = 0  # w:ins and w:del elements written
    skipped_tracked: int = 0  # the paragraph already holds tracked changes
    skipped_field: int = 0  # touching a field or MERGEFIELD placeholder
    skipped_comment: int = 0  # comment ranges
    skipped_textbox: int = 0  # text box paragraphs
    skipped_note: int = 0  # footnotes and endnotes
    skipped_unmapped: int = 0  # across paragraphs, math, smart tags, drawings, changed text

    @property
    def skipped(self) -> int:
        return (
            self.skipped_tracked + self.skipped_field + self.skipped_comment
            + self.skipped_textbox + self.skipped_note + self.skipped_unmapped
        )

    def skip(self, reason: str, count: int = 1) -> None:
        """Count ``count`` edits skipped for ``reason`` (a ``skipped_*`` field's suffix)."""
        name = f"skipped_{reason}"
        setattr(self, name, getattr(self, name) + count)

    def summary(self) -> str:
        """One German line for the report's summary."""
        line = f"Nachverfolgte Änderungen: {self.written} in {self.target} geschrieben"
        if self.skipped:
            plural = "en" if self.skipped != 1 else ""
            line += f"; {self.skipped} Änderung{plural} nicht übernommen ({self.skip_reasons()})"
        return line

    def skip_reasons(self) -> str:
        reasons = [
            (self.skipped_tracked, "im Absatz stehen schon nachverfolgte Änderungen"),
            (self.skipped_field, "an einem Feld, z. B. einem Seriendruckfeld oder einem Datum"),
            (self.skipped_comment, "im Absatz steht ein Kommentar"),
            (self.skipped_textbox, "in einem Textfeld"),
            (self.skipped_note, "in Fuß- oder Endnoten"),
            (self.skipped_unmapped, "nicht genau zuzuordnen (über Absatzgrenzen, Formel, Grafik oder geänderter Text)"),
        ]
        return "; ".join(f"{count} {reason}" for count, reason in reasons if count)


def write_tracked_changes(
    source: str | os.PathLike,
    edits: Iterable[Any],
    target: str | os.PathLike,
    *,
    author: str = AUTHOR,
    date: datetime | str | None = None,
    inputs: Iterable[str | os.PathLike] = (),
) -> TrackedReport:
    """Write a copy of ``source`` to ``target`` with each edit as Word tracked changes.

    ``edits`` are replacements over ``read_document(source).text`` (see
    :mod:`einfach.edits`; ValueError when two overlap or one lies outside the
    text).  ``date`` defaults to now (UTC).  Raises :class:`OutputError` for a
    target that is an input (``source`` or one of ``inputs``) or that cannot be
    written, :class:`~einfach.errors.InputError` for an unreadable source.
    """
    from ..readers.docx import read_docx

    source, target = os.fspath(source), os.fspath(target)
    protected = [source, *map(os.fspath, inputs)]
    refuse_inputs(target, protected, _WHAT)
    if Path(target).suffix.lower() != ".docx":
        raise OutputError(f"{target}: die {_WHAT} braucht die Endung .docx.")
    text = read_docx(source).text
    edits = checked_edits(edits, len(text))
    document, roots, walked, starts = open_walked(source, "die Änderungen")

    report = TrackedReport(target=target)
    stamp = _Stamp(author, _iso_date(date), _first_free_id(roots.values()))
    groups: dict[int, list[Edit]] = {}
    for edit in edits:
        number = bisect.bisect_right(starts, edit.start) - 1
        if number < 0 or edit.end > starts[number] + len(walked[number].text):
            report.skip("unmapped")  # in a paragraph separator or across paragraphs
            continue
        groups.setdefault(number, []).append(edit)

    for number, group in groups.items():
        paragraph, start = walked[number], starts[number]
        reason = _refusal(paragraph, text[start : start + len(paragraph.text)], roots)
        if reason:
            report.skip(reason, len(group))
            continue
        # with a field, the paragraph's mapped text lacks MERGEFIELD placeholders: edits are made
        # in mapped offsets, and only where they stay clear of the field
        failed = "field" if _tags(paragraph.element) & _FIELDS else "unmapped"
        element, checked = paragraph.element, paragraph.text
        view = (paragraph.formatting, paragraph.style_id)  # hidden runs and unshown spaces, as the reader
        original = mapped = _visible(element, *view)
        for edit in reversed(group):  # from the paragraph's end: earlier offsets stay valid
            local = Edit(edit.start - start, edit.end - start, edit.text)
            shift = _shift(checked, mapped, local.start, local.end)
            done = None
            if shift is not None:
                moved = Edit(local.start + shift, local.end + shift, local.text)
                done = _tracked(element, mapped, original, moved, stamp, view)
            if done is None:
                report.skip(failed)
                continue
            element, revisions = done
            checked = checked[: local.start] + local.text + checked[local.end :]
            mapped = mapped[: moved.start] + moved.text + mapped[moved.end :]
            report.written += 1
            report.revisions += revisions
        _number_in_order(element)

    buffer = io.BytesIO()
    document.save(buffer)
    write_atomic(target, buffer.getvalue(), inputs=protected, what=_WHAT)
    return report


def word_changes(old: str, new: str) -> list[Edit]:
    """The minimal word-level difference of ``old`` → ``new`` as edits over ``old``.

    Words, white space and punctuation are compared as units (difflib); changes
    that only white space separates are joined.
    """
    before, after = _TOKEN.findall(old), _TOKEN.findall(new)
    old_at, new_at = _offsets(before), _offsets(after)
    changes: list[Edit] = []
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        change = Edit(old_at[i1], old_at[i2], new[new_at[j1] : new_at[j2]])
        gap = old[changes[-1].end : change.start] if changes else ""
        if gap.isspace():  # "A B" -> "X Y": one deletion and one insertion, not two pairs
            previous = changes.pop()
            change = Edit(previous.start, change.end, previous.text + gap + change.text)
        changes.append(change)
    return changes


def _offsets(tokens: list[str]) -> list[int]:
    offsets = [0]
    for token in tokens:
        offsets.append(offsets[-1] + len(token))
    return offsets


# -- one paragraph ---------------------------------------------------------------


@dataclass
class _Stamp:
    """Author, date and the next free ``w:id`` of the revisions written."""

    author: str
    date: str
    next_id: int

    def revision(self, tag: str, like) -> object:
        element = like.makeelement(tag, {W_ID: str(self.next_id), W_AUTHOR: self.author, W_DATE: self.date})
        self.next_id += 1
        return element


class _Unmappable(Exception):
    """A change cannot be placed exactly; the edit is skipped."""


def _refusal(paragraph, checked: str, roots: dict) -> str | None:
    """Why no edit may touch this paragraph (a TrackedReport counter's suffix), or None.

    Fields do not refuse the whole paragraph: an edit clear of the field is fine.
    """
    if paragraph.attributes.get("part") in _NOTES:
        return "note"
    if paragraph.part_name not in roots or paragraph.text != checked:
        return "unmapped"
    if "textbox" in (paragraph.attributes.get("kind"), paragraph.attributes.get("part")):
        return "textbox"
    tags = _tags(paragraph.element)
    if tags & _TRACKED:
        return "tracked"
    if tags & _COMMENTS:
        return "comment"
    if not tags & _FIELDS and _visible(paragraph.element, paragraph.formatting, paragraph.style_id) != checked:
        return "unmapped"
    return None


def _below(element):
    """Elements below ``element`` in document order, not descending into text boxes (paragraphs of their own)."""
    for child in element:
        if isinstance(child.tag, str) and child.tag != W_TXBX_CONTENT:
            yield child
            yield from _below(child)


def _tags(element) -> set[str]:
    return {child.tag for child in _below(element)}


def _visible(paragraph, formatting=None, style_id: str | None = None) -> str:
    """The paragraph's text as the reader sees it: every change accepted; ``formatting`` and
    ``style_id`` (the reader's, see :func:`~einfach.output.docx_anchor._pieces`) leave out
    hidden runs and the outer spaces Word does not show."""
    return "".join(_text(piece) for piece in _pieces(paragraph, formatting, style_id))


def _rejected(paragraph, formatting=None, style_id: str | None = None) -> str:
    """The paragraph's text with every change rejected."""
    twin = copy.deepcopy(paragraph)
    for inserted in list(twin.iter(W_INS)):
        inserted.getparent().remove(inserted)
    for deleted in list(twin.iter(W_DEL)):
        for deleted_text in deleted.iter(W_DEL_TEXT):
            deleted_text.tag = W_T
        _unwrap(deleted)
    return _visible(twin, formatting, style_id)


def _unwrap(element) -> None:
    for child in list(element):
        element.addprevious(child)
    element.getparent().remove(element)


def _tracked(paragraph, current: str, original: str, edit: Edit, stamp: _Stamp, view: tuple = (None, None)):
    """Apply ``edit`` (offsets into ``current``, the paragraph's text with the changes so far
    accepted) as tracked changes to a copy of the paragraph; ``original`` is its text with
    every change rejected; ``view``: the reader's (formatting, style id) of the paragraph.

    Returns (the copy, now in the tree in place of ``paragraph``, number of
    revisions), or None when the edit cannot be placed exactly; then the tree is
    unchanged.
    """
    work = copy.deepcopy(paragraph)
    revisions = 0
    try:
        for change in reversed(word_changes(current[edit.start : edit.end], edit.text)):
            # an insertion at the start of a replaced range is formatted like that range, not like the text before
            leading = change.start == 0 and edit.start < edit.end
            start, end = edit.start + change.start, edit.start + change.end
            revisions += _change(work, start, end, change.text, stamp, leading, view)
    except _Unmappable:
        return None
    expected = current[: edit.start] + edit.text + current[edit.end :]
    if _visible(work, *view) != expected or _rejected(work, *view) != original:
        return None
    paragraph.getparent().replace(paragraph, work)
    return work, revisions


def _change(paragraph, start: int, end: int, text: str, stamp: _Stamp, leading: bool = False,
            view: tuple = (None, None)) -> int:
    """Delete ``start:end`` and insert ``text`` there as tracked changes; the number of revisions.

    A pure insertion takes the formatting of the run before it, or of the run
    after it at a paragraph's start or when ``leading``.
    """
    pieces = _pieces(paragraph, *view)
    for position in (start, end):  # a boundary inside a piece must be splittable
        inside = next((p for p in pieces if p.start < position < p.end), None)
        if inside is not None and not (inside.anchorable and inside.run is not None):
            raise _Unmappable
    if start < end:
        covered = [p for p in pieces if p.start < end and p.end > start]
        if not covered or not all(p.anchorable and p.run is not None for p in covered):
            raise _Unmappable
    for position in (start, end):
        _split_at(_pieces(paragraph, *view), position)
    pieces = _pieces(paragraph, *view)
    revisions = 0
    if start < end:
        covered = [p for p in pieces if p.start < end and p.end > start]
        runs = list(dict.fromkeys(p.run for p in covered))
        if covered[0].start != start or covered[-1].end != end or any(
            p.run in runs and p not in covered for p in pieces
        ):
            raise _Unmappable
        if any(child.tag not in _PLAIN_RUN for run in runs for child in run):
            raise _Unmappable  # a drawing, a footnote reference, ...: it would vanish with the run
        if any(map(_locked, runs)):
            raise _Unmappable
        like = runs[0]
        place = None
        for group in _sibling_groups(runs):
            deletion = stamp.revision(W_DEL, paragraph)
            group[0].addprevious(deletion)
            for run in group:
                deletion.append(run)
                for element in run.iterchildren(W_T):
                    element.tag = W_DEL_TEXT
                    _preserve(element)
            place = deletion
            revisions += 1
        if text:
            place.addnext(_insertion(text, like, stamp, paragraph))
    else:
        before = next((p for p in pieces if p.end == start), None)
        after = next((p for p in pieces if p.start == start), None)
        if any(_locked(p.run) for p in (before, after) if p is not None and p.run is not None):
            raise _Unmappable
        if leading and after is not None and after.anchorable and after.run is not None:
            after.run.addprevious(_insertion(text, after.run, stamp, paragraph))
        elif before is not None:
            if not (before.anchorable and before.run is not None):
                raise _Unmappable
            before.run.addnext(_insertion(text, before.run, stamp, paragraph))
        elif after is not None and after.anchorable and after.run is not None:
            after.run.addprevious(_insertion(text, after.run, stamp, paragraph))
        else:
            raise _Unmappable
    return revisions + bool(text)


def _number_in_order(paragraph) -> None:
    """Give the paragraph's revisions (all written here) their ids in document order, as Word does."""
    revisions = [element for element in _below(paragraph) if element.tag in (W_INS, W_DEL)]
    for element, number in zip(revisions, sorted(int(e.get(W_ID)) for e in revisions)):
        element.set(W_ID, str(number))


def _locked(run) -> bool:
    """Is ``run`` inside a content control whose content Word does not let the user change?"""
    for ancestor in run.iterancestors(W_SDT):
        lock = ancestor.find(f"{W_SDT_PR}/{W_LOCK}")
        if lock is not None and lock.get(W_VAL) in ("contentLocked", "sdtContentLocked"):
            return True
    return False


def _sibling_groups(runs: list) -> list[list]:
    """Runs split into stretches of direct siblings (each becomes one ``w:del``)."""
    groups: list[list] = []
    for run in runs:
        if groups and run.getprevious() is groups[-1][-1]:
            groups[-1].append(run)
        else:
            groups.append([run])
    return groups


def _insertion(text: str, like, stamp: _Stamp, paragraph):
    """``w:ins`` with one ``w:r`` holding ``text``, formatted like the run ``like``."""
    insertion = stamp.revision(W_INS, paragraph)
    run = insertion.makeelement(W_R, {})
    insertion.append(run)
    properties = like.find(W_RPR)
    if properties is not None:
        run.append(copy.deepcopy(properties))
    for part in re.split(r"([\t\n])", text):
        if part == "\t":
            run.append(run.makeelement(W_TAB, {}))
        elif part == "\n":
            run.append(run.makeelement(W_BR, {}))
        elif part:
            element = run.makeelement(W_T, {})
            element.text = part
            _preserve(element)
            run.append(element)
    return insertion


def _preserve(element) -> None:
    text = element.text or ""
    if text != text.strip():
        element.set(XML_SPACE, "preserve")


def _first_free_id(roots: Iterable) -> int:
    """One more than the largest numeric ``w:id`` in the package (revisions, comments, bookmarks)."""
    largest = 0
    for root in roots:
        for element in root.iter():
            value = element.get(W_ID) if isinstance(element.tag, str) else None
            if value is not None and value.lstrip("-").isdigit():
                largest = max(largest, int(value))
    return largest + 1


def _iso_date(date: datetime | str | None) -> str:
    """``w:date`` as Word writes it: ``2024-03-01T09:30:00Z``."""
    if isinstance(date, str):
        return date
    moment = date or datetime.now(timezone.utc)
    if moment.tzinfo is not None:
        moment = moment.astimezone(timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
