"""Sentences that run over list items (issue 17).

The letter segmenter ends a segment before every list-marker line, so each list
item is a segment of its own in ``sentences[]``, the metrics and the index.  A
sentence such as

    Wir können Ihren Antrag nur bearbeiten, wenn Sie
    - Ihren Pass vorlegen,
    - die Gebühr bezahlen.

is still one sentence for the reader: the lead-in ends without final
punctuation and the items carry it on to the period of the last one.  The kinds
that judge a whole sentence (``sentence_length``, ``nesting``) ask
:func:`running_sentences` for these joined spans; everything else keeps the
segments.

The joining rule:

* the lead-in ends without final punctuation (".", "!", "?", "…") and is
  followed by a segment that starts with a list marker at the start of a line;
* a list item is no lead-in: items without punctuation stay apart from each other;
* list items are joined up to and including the first one that ends with final
  punctuation; a list whose items never end the sentence (links under a heading,
  "Öffnungszeiten\n- Montag 8 bis 12 Uhr") is not joined (precision first);
* a lead-in that ends with a colon announces a list, which is what plain-language
  guides recommend: it is joined only when its items (two or more) are punctuated
  as parts of one sentence (every item but the last ends with a comma, a semicolon,
  "und", "oder" or "sowie", and the last with final punctuation).  A checklist after a
  colon ("Bitte bringen Sie mit:\\n- Ihren Pass\\n- ein Foto") stays apart
  (precision first).

A heading-like line above a list is not a heading (the segmenter's rule,
:func:`einfach.nlp.segmenter._heading_line`): it runs into the list like any
other lead-in.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .view import doc_view

if TYPE_CHECKING:  # spaCy is imported by the pipeline, not by rule validation
    from spacy.tokens import Doc, Span, Token

# what an item ends with when it is one part of a sentence over several items
RUN_ON_ENDS = {",", ";", "und", "oder", "sowie", "bzw."}


def running_sentences(doc: Doc) -> list[Span]:
    """The Doc's sentences, with a lead-in and the list items it runs into joined into one span."""
    view = doc_view(doc)
    return view.memo(("running_sentences",), lambda: _join(doc))


def _join(doc: Doc) -> list[Span]:
    view = doc_view(doc)
    sentences = view.sents
    result = []
    position = 0
    while position < len(sentences):
        first = sentences[position]
        last = position
        lead = view.non_space(first)
        if lead and not _ends_sentence(lead) and not _is_item(doc, first):  # items are no lead-ins
            items = []
            while last + 1 < len(sentences) and _is_item(doc, sentences[last + 1]):
                last += 1
                items.append(view.non_space(sentences[last]))
                if _ends_sentence(items[-1]):
                    break
            if not items or not _ends_sentence(items[-1]) or (
                lead[-1].text == ":" and not _punctuated_as_sentence(items)
            ):
                last = position
        result.append(doc[first.start : sentences[last].end] if last > position else first)
        position = last + 1
    return result


def _ends_sentence(tokens: list[Token]) -> bool:
    from .segmenter import CLOSING, TERMINAL

    end = len(tokens) - 1
    while end > 0 and tokens[end].text in CLOSING:
        end -= 1
    return bool(TERMINAL.match(tokens[end].text))


def _is_item(doc: Doc, sentence: Span) -> bool:
    from .segmenter import LIST_MARKER

    tokens = doc_view(doc).non_space(sentence)
    if not tokens or not LIST_MARKER.match(tokens[0].text):
        return False
    before = tokens[0].i - 1  # the marker starts the Doc or a line (a line break token stands before it)
    return before < 0 or (doc[before].is_space and "\n" in doc[before].text)


def _punctuated_as_sentence(items: list[list[Token]]) -> bool:
    """Two or more items, each but the last ending as a part of a sentence; a single item after
    a colon ("folgende Anordnung:\n- Sie werden verpflichtet, … zu beantragen.") stands alone."""
    if len(items) < 2 or not _ends_sentence(items[-1]):
        return False
    return all(item[-1].lower_ in RUN_ON_ENDS for item in items[:-1])


# -- Sentences over list items in paragraphs of their own ------------------------------------
# A .txt/.md with blank lines between the items, or the list paragraphs of a .docx/.odt, gives
# each item a paragraph (and a Doc) of its own.  The checker joins such paragraphs for the kinds
# that judge a whole sentence (:func:`paragraph_runs`, :func:`joined_text`): the same joining
# rule as above, run on the lead-in and its items written one per line.

ITEM_LINE = re.compile(r"^\s*(?:[-–—•*·▪►]|\d{1,2}[.)]|[a-zA-Z][)])\s")
FINAL = re.compile(r"[.!?…][\"'“”’»«)]*$")


def _item_paragraph(paragraph) -> bool:
    return paragraph.kind == "list" or bool(ITEM_LINE.match(paragraph.text))


def paragraph_runs(paragraphs: Sequence) -> list[tuple[int, int]]:
    """(first, last) positions of paragraphs that may hold one sentence over list items.

    The first is a lead-in: no list item, heading or table cell, its text ends without final
    punctuation; the list-item paragraphs after it (kind "list", or a list marker at the start)
    run up to the first one that ends with final punctuation.  Items that never end a sentence
    (links under a heading) make no run (precision first).  Whether the run is one sentence
    is decided on the joined text (:func:`running_sentences`: after a colon only when the items
    are punctuated as one sentence).
    """
    runs = []
    position = 0
    while position < len(paragraphs):
        lead = paragraphs[position]
        text = lead.text.rstrip()
        if (lead.kind is None and not _item_paragraph(lead) and text and not FINAL.search(text)
                and lead.part in ("body", "footnote", "endnote", "textbox")):
            last, closed = position, False
            while not closed and last + 1 < len(paragraphs) and _item_paragraph(paragraphs[last + 1]) \
                    and paragraphs[last + 1].part == lead.part:
                last += 1
                closed = bool(FINAL.search(paragraphs[last].text.rstrip()))
            if closed:
                runs.append((position, last))
                position = last + 1
                continue
        position += 1
    return runs


def joined_text(paragraphs: Sequence) -> tuple[str, list[tuple[int, int, int]]]:
    """The paragraphs one per line (a "- " marker before an item whose marker is numbering,
    not text), and (start in the joined text, start in the document, length) per paragraph."""
    parts, pieces = [], []
    offset = 0
    for number, paragraph in enumerate(paragraphs):
        marker = "- " if number and not ITEM_LINE.match(paragraph.text) else ""
        pieces.append((offset + len(marker), paragraph.start, len(paragraph.text)))
        parts.append(marker + paragraph.text)
        offset += len(parts[-1]) + 1
    return "\n".join(parts), pieces
