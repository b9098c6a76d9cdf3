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

A second component, ``einfach_clause_segmenter``, runs after the tagger and
adds the boundaries that need POS tags (a colon between two main clauses, a
sentence that starts without punctuation); see :func:`tagged_starts` and
``docs/pipeline.md``.
"""

from __future__ import annotations

import re

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Token

from .syntax import FINITE
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
# A line of at most this many words without final punctuation is a heading and ends
# its segment (issues 16 and 17: "Rechtsbehelfsbelehrung" above its text).
HEADING_MAX_WORDS = 6
HEADING_NOT_AFTER = set(".!?…:;,-(/&")
# capitalised words that do not end a heading: the polite pronouns ("Bitte senden Sie uns Ihre\nUnterlagen")
HEADING_NOT_LAST = {"sie", "ihr", "ihre", "ihren", "ihrem", "ihrer", "ihres", "ihnen"}


@Language.factory("einfach_segmenter", assigns=["token.is_sent_start"])
def make_segmenter(nlp: Language, name: str) -> "LetterSegmenter":
    return LetterSegmenter()


class LetterSegmenter:
    """Sets ``token.is_sent_start`` on every token of the Doc."""

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        _write_starts(doc, [1 if start else -1 for start in sentence_starts(doc)])
        return doc


def _write_starts(doc: Doc, starts) -> None:
    """Set every token's sentence start at once (1 start, -1 not, 0 unknown).

    One ``from_array`` instead of a ``token.is_sent_start`` assignment per token:
    each of those makes spaCy check the whole Doc for a parse, which is quadratic
    in the Doc's length (a 20,000-character chunk: half the check's time).
    """
    doc.from_array([SENT_START], numpy.asarray(starts, dtype=numpy.int64).astype(numpy.uint64).reshape(-1, 1))


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
        text = token.text  # read once: each token.text builds a new str
        if text.isalpha() and text not in may_end:
            # most tokens: a word of letters is no space, mark, dotted number or emoticon (below)
            i += 1
            continue
        boundary_after: int | None = None  # index of the last token of the segment
        if token.is_space:
            if "\n" in text and i > sentence_begin:
                following = next_word(i + 1)
                if following is not None and _newline_ends_segment(tokens, sentence_begin, i, following):
                    boundary_after = i
        elif TERMINAL.match(text):
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
        elif DOTTED_NUMBER_END.match(text):
            following = next_word(i + 1)
            if (
                following is not None
                and tokens[following].text[:1].isupper()
                and tokens[following].lower_ not in MONTHS
            ):
                boundary_after = i
        elif text in may_end:
            following = next_word(i + 1)
            if following is not None and tokens[following].text[:1].isupper():
                boundary_after = i
        elif text == "," and _is_salutation_comma(tokens, sentence_begin, i):
            boundary_after = i
        elif EMOTICON.match(text) and i > 0 and tokens[i - 1].whitespace_:
            # ":-)" closes a sentence like a period when a capitalised word follows
            following = next_word(i + 1)
            if following is not None and tokens[following].text[:1].isupper():
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
    if _heading_line(tokens, sentence_begin, space):
        return True
    last_char = previous.text[-1]
    runs_on = last_char.islower() or last_char in ",-;(" or previous.text in abbreviations()[0]
    return not runs_on


def _heading_line(tokens: list[Token], sentence_begin: int, space: int) -> bool:
    """The segment so far is one whole line that reads as a heading.

    A heading-like line ("Rechtsbehelfsbelehrung", "Ihr Antrag vom 1. März") has
    at most :data:`HEADING_MAX_WORDS` words, no final punctuation and its last
    word does not start in lower case (a wrapped line usually ends in a verb,
    article or preposition: "Der Widerspruch ist schriftlich oder").  The line
    must start the segment at the start of a line.  A line followed by a list
    item is not a heading; the caller has already ended the segment there.
    """
    if sentence_begin > 0 and "\n" not in tokens[sentence_begin - 1].text:
        return False
    words = [t for t in tokens[sentence_begin:space] if not t.is_space]
    if any(t.is_space and "\n" in t.text for t in tokens[sentence_begin:space]):
        return False
    if not 0 < len(words) <= HEADING_MAX_WORDS:
        return False
    last = words[-1].text
    return not (TERMINAL.match(last) or last[-1] in HEADING_NOT_AFTER or _starts_lower(words[-1])
                or words[-1].lower_ in HEADING_NOT_LAST)


# -- Boundaries that need POS tags ----------------------------------------------------------
# The letter segmenter above runs before the tagger and sees only characters and line
# breaks.  Two kinds of boundary need the STTS tags (``ClauseSegmenter``, after the tagger):
# a colon between two complete main clauses, and a sentence that starts without any
# punctuation after a verbless heading or after a complete main clause ("Rekord in Wall
# Street Henkel äußerte ..."): German main clauses put the finite verb in second place, so a
# capitalised article, pronoun or preposition that opens one constituent followed by a
# finite verb starts a new sentence when nothing before it can take it in.
# Tags that open a clause whose finite verb comes last: such a clause is never the end of
# a heading or of a main clause.
SUBORDINATE_STARTS = {"KOUS", "KOUI", "PRELS", "PRELAT", "PWS", "PWAV", "PWAT"}
# First word of the new sentence, by the kind of constituent it opens.
PRONOUN_STARTS = {"PPER", "PDS", "PIS"}  # the finite verb follows at once: "Sie erhalten"
ADVERB_STARTS = {"ADV", "PROAV"}  # "Inzwischen habe ..."
NOUN_PHRASE_STARTS = {"ART", "PDAT", "PPOSAT", "PIAT"}  # "Die Bundespolizei erhielt ..."
PREPOSITION_STARTS = {"APPR", "APPRART"}  # "Im Gegenzug verlangt ..."
NOUN_PHRASE_INSIDE = {"ADJA", "ADV", "CARD", "NN", "NE", "TRUNC"}
# After its noun, a noun phrase may go on with a genitive or a prepositional attribute:
# "Der Professor für Raumplanung verwies ...", "Die Nationen des Wirtschaftsforums ...".
ATTRIBUTE_INSIDE = {"ART", "PPOSAT", "APPR", "APPRART"}
PHRASE_MAX_TOKENS = 8
# Possessives in the genitive, dative or accusative: "den Antrag Ihrer Tochter" continues a
# noun phrase even when a verb follows (precision first: "Ihren Antrag haben wir ..." after
# a heading is missed).
ATTACHED_POSSESSIVES = {"ihrer", "ihres", "ihrem", "ihren", "deren", "dessen"}
# Last word before the new sentence: a noun, number, participle, separated particle,
# predicative adjective, foreign word or closing quote ends a heading or a main clause;
# articles, prepositions, conjunctions, pronouns and adverbs do not.
HEADING_ENDS = {"NN", "NE", "CARD", "FM", "XY", "ADJD", "VVPP", "PTKVZ", "VVINF", "VAINF", "VMINF"}
NON_FINITE = {"VVINF", "VVPP", "VVIZU", "VAINF", "VAPP", "VMINF", "VMPP"}
CLOSING_QUOTES = {"''", '"', "“", "”", "»", "«", "'", "’", "‘"}
_VERB_TAGS = FINITE | NON_FINITE


@Language.factory("einfach_clause_segmenter", assigns=["token.is_sent_start"], requires=["token.tag"])
def make_clause_segmenter(nlp: Language, name: str) -> "ClauseSegmenter":
    return ClauseSegmenter()


class ClauseSegmenter:
    """Adds the sentence starts that need POS tags (see :func:`tagged_starts`)."""

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0 or not doc.has_annotation("TAG"):
            return doc
        added = tagged_starts(doc)
        if added:
            starts = doc.to_array(SENT_START).view(numpy.int64)
            starts[added] = 1
            _write_starts(doc, starts)
        return doc


def tagged_starts(doc: Doc) -> list[int]:
    """Indices of tokens that start a sentence the character rules could not see.

    * After a period that follows a verb, before a lowercase word
      (:func:`_period_after_verb`).
    * After a colon, when the clause before it holds a finite verb and the first clause
      after it holds one too and starts with a capital ("Mickey Kantor äußerte sich
      zufrieden: Die USA haben ..."); a list after the colon ("Bitte bringen Sie mit: Ihren
      Pass, den Sie ...") has no finite verb in its first clause and stays.  A label before
      the colon ("Wichtig: Sie müssen ...") has no finite verb and stays with its sentence.
    * Without punctuation, before a capitalised word that opens a main clause in verb-second
      order (:func:`_main_clause_verb`), when the text before it is a heading (no finite
      verb) or ends a main clause, and ends in a word that closes a phrase (``HEADING_ENDS``).
    """
    result = []
    for sentence in doc.sents:
        tokens = [t for t in sentence if not t.is_space]
        texts = [t.text for t in tokens]  # read once: each token.text looks the string up again
        begin = 0  # position in ``tokens`` of the current segment's first token
        for position in range(1, len(tokens)):
            if not texts[position][:1].isupper():
                # (_period_after_verb needs a period before the word: asked only then)
                if texts[position - 1] == "." and _period_after_verb(tokens, position):
                    result.append(tokens[position].i)
                    begin = position
                continue
            token = tokens[position]
            segment = tokens[begin:position]
            if texts[position - 1] == ":":
                split = _colon_ends_sentence(segment[:-1], tokens[position:])
            else:
                split = _starts_without_punctuation(segment, tokens, position)
            if split:
                result.append(token.i)
                begin = position
    return result


def _period_after_verb(tokens: list[Token], position: int) -> bool:
    """"... verwundert hat. das sind ...": a period right after a verb ends a sentence.

    The character rules keep a period before a lowercase word inside the sentence, because
    it may close an abbreviation the list does not know ("Anl. beigefügt"); a verb is no
    abbreviation.
    """
    if position < 2 or not tokens[position].text[:1].isalpha():
        return False
    period, word = tokens[position - 1], tokens[position - 2]
    return period.text == "." and not word.whitespace_ and word.tag_ in _VERB_TAGS


def _last_clause(segment: list[Token]) -> list[Token]:
    """The words after the last comma, colon, dash, bracket or quotation mark."""
    for position in range(len(segment) - 1, -1, -1):
        token = segment[position]
        if token.text in {",", ";", ":", "–", "—", "--"} or (token.tag_ == "$(" and position < len(segment) - 1):
            return segment[position + 1 :]
    return segment


def _colon_ends_sentence(before: list[Token], after: list[Token]) -> bool:
    if not any(t.tag_ in FINITE for t in _last_clause(before)) or not after[0].is_alpha:
        return False  # not before a quotation, a number or a code ("Die IBAN ist: DE00 ...")
    first_clause = []
    for token in after:
        if token.text in {",", ";", ":", "(", "–", "—", "--"} or TERMINAL.match(token.text):
            break
        first_clause.append(token)
        if token.text.endswith("."):
            break  # "4711 00." or an abbreviation may end the sentence
    # a capitalised "finite verb" after the first word is a noun the tagger misread
    # ('Faltblatt "Bauen in der Gemeinschaft"')
    return any(t.tag_ in FINITE and (t is after[0] or not t.text[:1].isupper()) for t in first_clause)


def _starts_without_punctuation(segment: list[Token], tokens: list[Token], position: int) -> bool:
    previous = segment[-1]
    if not previous.whitespace_:
        return False
    if previous.text not in CLOSING_QUOTES and (previous.tag_ not in HEADING_ENDS or not previous.text[-1].isalnum()):
        return False  # not after "*", "**" or "(8)": list markers and numbers open a segment
    clause = _last_clause(segment)
    if not clause or clause[0].tag_ == "KON" or any(t.tag_ in SUBORDINATE_STARTS for t in clause):
        return False  # a subordinate clause (perhaps without its comma) ends with its verb
    verb = _main_clause_verb(tokens, position)
    if verb is None:
        return False
    if not any(t.tag_ in FINITE for t in segment):
        return True  # a heading or dateline
    # After a complete main clause: it has its finite verb, and an auxiliary or modal verb
    # there has its infinitive or participle, unless the new verb cannot be one ("Wir werden
    # morgen Ihre Unterlagen prüfen" stays one sentence even if "prüfen" is tagged finite).
    finite = [t for t in clause if t.tag_ in FINITE]
    if not finite:
        return False
    if finite[0].tag_ in {"VAFIN", "VMFIN"} and not any(t.tag_ in NON_FINITE for t in clause):
        return finite[0].lemma_ == "sein" or not verb.lower_.endswith("n")
    return True


def _main_clause_verb(tokens: list[Token], position: int) -> Token | None:
    """The finite verb if ``tokens[position]`` opens one constituent followed by it (verb second)."""
    first = tokens[position]
    if first.lower_ in ATTACHED_POSSESSIVES or (len(first.text) > 1 and first.text.isupper()):
        return None  # "Ihrer Tochter" continues a noun phrase; "STELLT DIE VERANSTALTER" is a shout
    if first.tag_ in PRONOUN_STARTS or first.tag_ in ADVERB_STARTS:
        phrase_end = position + 1
    elif first.tag_ in NOUN_PHRASE_STARTS or first.tag_ in PREPOSITION_STARTS:
        phrase_end = position + 1
        allowed = NOUN_PHRASE_INSIDE | (NOUN_PHRASE_STARTS if first.tag_ in PREPOSITION_STARTS else set())
        seen_noun = False
        while phrase_end < len(tokens) and (
            tokens[phrase_end].tag_ in allowed or (seen_noun and tokens[phrase_end].tag_ in ATTRIBUTE_INSIDE)
        ):
            seen_noun = seen_noun or tokens[phrase_end].tag_ in {"NN", "NE"}
            phrase_end += 1
        if phrase_end - position > PHRASE_MAX_TOKENS or tokens[phrase_end - 1].tag_ not in {"NN", "NE", "CARD"}:
            return None
    else:
        return None
    verb = tokens[phrase_end] if phrase_end < len(tokens) else None
    if verb is not None and verb.tag_ in {"VVFIN", "VAFIN", "VMFIN"} and not verb.text[:1].isupper():
        return verb
    return None
