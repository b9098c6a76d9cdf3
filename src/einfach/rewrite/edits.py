"""Text edits: what a rewrite changes, as ranges of the extracted text.

A rewriter describes its result as the new words of a stretch of tokens
(:class:`Proposal`); :func:`minimal_edits` turns that into the smallest
word-level edits ``(start, end, text)``, so that two rewrites of one sentence
that touch different words can both be applied and a Word tracked change
shows only the words that changed.  :class:`einfach.edits.Edit` and
:func:`einfach.edits.apply_edits` are shared with the writers of ``einfach fix``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from ..edits import Edit

if TYPE_CHECKING:
    from spacy.tokens import Doc

SURE = "sure"
REVIEW = "review"
# the key under which attach_fixes hands the whole document's text to a rewriter (its parameters)
DOCUMENT_TEXT = "document_text"
NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "“", "\""}


@dataclass
class Proposal:
    """Tokens ``start``..``end`` (exclusive, Doc indices) become ``words``.

    ``replaced`` are the lowercased lemmas the rewrite drops on purpose (the
    safety check lets them go); ``applicability`` is :data:`SURE` when the
    meaning is certainly kept, else :data:`REVIEW`.  ``edits``: character
    edits into ``doc.text`` that the rewriter gives itself, used instead of the
    token difference of :func:`minimal_edits` (a split changes one character
    of a token: ";" -> "." and "dies" -> "Dies" are two one-letter edits, not
    one edit over both tokens); ``added_sentences``: how many sentences the
    rewrite adds (the safety check expects them).
    """

    start: int
    end: int
    words: list[str]
    applicability: str
    replaced: set[str] = field(default_factory=set)
    edits: list[Edit] | None = None
    added_sentences: int = 0


def join_words(words: list[str]) -> str:
    """Words with single spaces, none before punctuation."""
    text = ""
    for word in words:
        if text and word not in NO_SPACE_BEFORE and not text.endswith("„"):
            text += " "
        text += word
    return text


def minimal_edits(doc: "Doc", proposal: Proposal) -> list[Edit]:
    """Character edits in ``doc.text`` that turn the proposal's tokens into its words
    (the proposal's own ``edits`` where it gives them)."""
    if proposal.edits is not None:
        return list(proposal.edits)
    tokens = [t for t in doc[proposal.start : proposal.end] if not t.is_space]
    old = [t.text for t in tokens]
    new = proposal.words
    edits: list[Edit] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        inserted = join_words(new[j1:j2])
        if tag == "replace":
            start = tokens[i1].idx
            if new[j1] in NO_SPACE_BEFORE and i1 > 0:  # ", nachdem ...": no space before the comma
                start = tokens[i1 - 1].idx + len(tokens[i1 - 1].text)
            end = tokens[i2 - 1].idx + len(tokens[i2 - 1].text)
            edits.append(Edit(start, end, inserted))
        elif tag == "delete":
            start = tokens[i1].idx
            end = tokens[i2 - 1].idx + len(tokens[i2 - 1].text)
            following = tokens[i2] if i2 < len(tokens) else None
            if following is not None and following.text not in NO_SPACE_BEFORE:
                end = following.idx  # the space after the deleted words goes with them
            elif i1 > 0:
                start = tokens[i1 - 1].idx + len(tokens[i1 - 1].text)  # the space before them
            edits.append(Edit(start, end, ""))
        else:  # insert
            if i1 < len(tokens) and (tokens[i1].text not in NO_SPACE_BEFORE or i1 == 0):
                edits.append(Edit(tokens[i1].idx, tokens[i1].idx, inserted + " "))
            else:
                at = tokens[i1 - 1].idx + len(tokens[i1 - 1].text)
                space = "" if new[j1] in NO_SPACE_BEFORE else " "
                edits.append(Edit(at, at, space + inserted))
    return edits


def overlaps(first: list[Edit], second: list[Edit]) -> bool:
    """Whether two edit lists touch the same characters (or insert at the same place)."""
    for a in first:
        for b in second:
            if a.start < b.end and b.start < a.end:
                return True
            if a.start == b.start or (a.start == a.end and b.start <= a.start <= b.end) or \
                    (b.start == b.end and a.start <= b.start <= a.end):
                return True
    return False
