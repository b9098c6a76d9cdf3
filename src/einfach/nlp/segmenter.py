"""Sentence segmentation fit for letters.

Rule-based, because letters follow conventions that statistical sentence
splitters trained on news do not know: a salutation ends with a comma, a
subject line and list items stand on lines of their own, and the text is full
of abbreviations ("z. B.", "Abs.", "i. V. m."), § references, dates,
ordinals, times and room numbers.  Tokens already keep dates, decimals, times,
URLs and e-mail addresses together (see :mod:`einfach.nlp.tokens`), so the
rules here only decide which punctuation and which line breaks end a segment.

Paragraph breaks are always boundaries because einfach feeds every paragraph
as a Doc of its own.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Token

from .tokens import abbreviations

TERMINAL = re.compile(r"^(?:[.!?…]+|\.\.\.)$")
EMOTICON = re.compile(r"^[:;]-?[()DPp]$")
CLOSING = {"''", '"', "“", "”", "»", "«", "'", "’", "‘", ")", "]", "}"}
LIST_MARKER = re.compile(r"^(?:[-–—•*·▪►]|\d{1,2}[.)]|[a-zA-Z][)])$")
# "Raum 2.14." or "01.10.2024." at the end of a sentence: the tokenizer keeps the final
# period on the number, so a dotted number ending in a period before a capitalised word
# ends the sentence (a plain ordinal such as "1." stays ambiguous and does not).
DOTTED_NUMBER_END = re.compile(r"^\d+(?:\.\d+)+\.$")
MONTHS = {
    "januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober",
    "november", "dezember", "jan.", "feb.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "okt.", "nov.", "dez.",
}
SALUTATION_START = {"sehr", "liebe", "lieber", "liebes", "hallo", "guten", "moin", "servus", "grüß"}
SALUTATION_MAX_WORDS = 8


@Language.factory("einfach_segmenter", assigns=["token.is_sent_start"])
def make_segmenter(nlp: Language, name: str) -> "LetterSegmenter":
    return LetterSegmenter()


class LetterSegmenter:
    """Sets ``token.is_sent_start`` on every token of the Doc."""

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        for token, start in zip(doc, sentence_starts(doc)):
            token.is_sent_start = start
        return doc


def _is_salutation_comma(tokens: list[Token], sentence_begin: int, index: int) -> bool:
    words = [t for t in tokens[sentence_begin:index] if not t.is_space]
    if not words or words[0].lower_ not in SALUTATION_START:
        return False
    if words[0].lower_ == "guten" and (len(words) < 2 or words[1].lower_ not in {"tag", "morgen", "abend"}):
        return False
    if any(t.text == "," for t in words):
        return False  # only the first comma of the segment
    return len(words) <= SALUTATION_MAX_WORDS


def _starts_lower(token: Token) -> bool:
    return bool(token.text) and token.text[0].islower()


def sentence_starts(doc: Doc) -> list[bool]:
    """Compute a sentence-start flag for every token of ``doc``."""
    known, may_end = abbreviations()
    tokens = list(doc)
    n = len(tokens)
    starts = [False] * n
    starts[0] = True
    sentence_begin = 0

    def next_word(i: int) -> int | None:
        for j in range(i, n):
            if not tokens[j].is_space:
                return j
        return None

    i = 0
    while i < n:
        token = tokens[i]
        boundary_after: int | None = None  # index of the last token of the segment
        if token.is_space:
            if "\n" in token.text and i > sentence_begin:
                following = next_word(i + 1)
                if following is not None and _newline_ends_segment(tokens, sentence_begin, i, following):
                    boundary_after = i
        elif TERMINAL.match(token.text):
            last = i
            # "!!!", "?!" and closing quotes or brackets attached to the mark stay with the sentence
            while last + 1 < n and (
                TERMINAL.match(tokens[last + 1].text)
                or (tokens[last + 1].text in CLOSING and not tokens[last].whitespace_)
                or EMOTICON.match(tokens[last + 1].text)
            ):
                last += 1
            following = next_word(last + 1)
            if following is not None and not _starts_lower(tokens[following]):
                boundary_after = last
        elif DOTTED_NUMBER_END.match(token.text):
            following = next_word(i + 1)
            if (
                following is not None
                and tokens[following].text[:1].isupper()
                and tokens[following].lower_ not in MONTHS
            ):
                boundary_after = i
        elif token.text in may_end:
            following = next_word(i + 1)
            if following is not None and tokens[following].text[:1].isupper():
                boundary_after = i
        elif token.text == "," and _is_salutation_comma(tokens, sentence_begin, i):
            boundary_after = i
        if boundary_after is not None:
            following = next_word(boundary_after + 1)
            if following is None:
                break
            starts[following] = True
            sentence_begin = following
            i = following
            continue
        i += 1
    return starts


def _newline_ends_segment(tokens: list[Token], sentence_begin: int, space: int, following: int) -> bool:
    """A line break ends a segment unless the sentence clearly runs on."""
    previous = next((t for t in reversed(tokens[sentence_begin:space]) if not t.is_space), None)
    if previous is None:
        return False
    if LIST_MARKER.match(tokens[following].text):
        return True
    if previous.text == "," and _is_salutation_comma(tokens, sentence_begin, previous.i):
        return True
    last_char = previous.text[-1]
    runs_on = last_char.islower() or last_char in ",-;(" or previous.text in abbreviations()[0]
    return not runs_on
