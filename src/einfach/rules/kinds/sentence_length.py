"""Kind ``sentence_length``: words per segment against level thresholds.

The suggestion names concrete split points: coordinating conjunctions that
join two clauses, subordinating conjunctions and relative pronouns after a
comma, and semicolons.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy is imported by the pipeline, not by rule validation
    from spacy.tokens import Doc, Span

from ...nlp.list_sentences import running_sentences
from ...nlp.syntax import FINITE, is_word_text, word_count
from ...nlp.view import DocView, doc_view
from .base import LEVEL_LABELS, Hit, quote

LEVEL_ORDER = ("info", "warning", "error")
CLAUSE_CONJUNCTIONS = {"und", "aber", "denn", "oder", "sondern", "doch", "jedoch"}
MAX_SPLIT_POINTS = 3
PIECE_ENDS = {",", ";", "(", ")", "–", "—"}
TERMINAL_TEXT = re.compile(r"^[.!?…]+$")


class SentenceLength:
    parameters = {"thresholds"}
    values = {"words", "limit", "split_points", "grade"}

    def __init__(self, parameters: dict):
        self.thresholds = _thresholds(parameters)

    @staticmethod
    def grading(parameters: dict, level: str) -> str:
        """The graded levels in words, for ``einfach rules`` ("Hinweis ab 16, Warnung ab 21, ...")."""
        return ", ".join(f"{LEVEL_LABELS[name]} ab {limit + 1}" for limit, name in _thresholds(parameters)) + " Wörtern"

    def find(self, doc: Doc):
        view = doc_view(doc)
        limit_of = {name: limit for limit, name in self.thresholds}
        for sentence in running_sentences(doc):  # a sentence over list items counts as one
            count = word_count(sentence)
            level = None
            for limit, name in self.thresholds:
                if count > limit:
                    level = name
            if level is None:
                continue
            tokens = view.non_space(sentence)
            yield Hit(
                start=tokens[0].i,
                end=tokens[-1].i + 1,
                values={
                    "words": count,
                    "limit": self.thresholds[0][0],
                    "split_points": describe_split_points(sentence),
                },
                level=level,
                grade=f"; {LEVEL_LABELS[level]} ab {limit_of[level] + 1}",
            )


def _thresholds(parameters: dict) -> list[tuple[int, str]]:
    """(words, level) from the lowest limit up: a sentence with more words than a limit has its level."""
    thresholds = parameters.get("thresholds") or {"info": 15, "warning": 20, "error": 30}
    unknown = sorted(set(thresholds) - set(LEVEL_LABELS))
    if unknown:
        raise ValueError(f"thresholds: unbekannte Stufe {unknown[0]!r} (bekannt: {', '.join(LEVEL_LABELS)})")
    if not all(isinstance(limit, int) and not isinstance(limit, bool) for limit in thresholds.values()):
        raise ValueError("thresholds: die Grenzen müssen ganze Zahlen (Wörter) sein")
    return sorted(((limit, level) for level, limit in thresholds.items()), key=lambda item: item[0])


def _has_finite(view: DocView, indices: list[int]) -> bool:
    return any(view.tag[i] in FINITE for i in indices)


# Tags of words that a conjunction joins into one phrase when it stands between two of a
# kind: "Kosten und Gebühren", "gelesen und verstanden", "schnell und einfach".
PHRASE_TAGS = ({"NN", "NE"}, {"ADJA"}, {"ADJD"}, {"ADV"}, {"CARD"}, {"VVPP", "VAPP", "VMPP"},
               {"VVINF", "VAINF", "VMINF"}, {"VVIZU"})


def _clause_after(view: DocView, indices: list[int], position: int) -> list[int]:
    """The tokens after ``position`` up to the next comma or semicolon."""
    right = []
    for following in indices[position + 1 :]:
        if view.text[following] in {",", ";"}:
            break
        right.append(following)
    return right


def _coordinated_phrase(view: DocView, indices: list[int], position: int, right: list[int]) -> bool:
    """The conjunction joins two words of one phrase ("Vor- und Nachname"), not two clauses."""
    before = view.tag[indices[position - 1]]
    if before == "TRUNC":
        return True
    after = view.tag[right[0]] if right else None
    return any(before in tags and after in tags for tags in PHRASE_TAGS)


def _relative_clause(view: DocView, indices: list[int], position: int) -> bool:
    """A relative pronoun after a comma (", die …", ", mit deren …") that opens a clause with
    its verb last; "die" as an article (", die Unterlagen einzureichen") and "deren" as a
    possessive ("und mit deren Hilfe", ", deren Antrag liegt vor") open none.

    The clause may hold commas and brackets (", die binnen …, spätestens …, zu überweisen
    ist"): the first comma-separated piece that ends in a verb decides.
    """
    text, tag = view.text, view.tag
    previous = position - 1
    if previous >= 0 and tag[indices[previous]] == "APPR":
        previous -= 1
    if previous < 0 or text[indices[previous]] != ",":
        return False
    last_word = None
    for following in indices[position + 1 :]:
        if text[following] in PIECE_ENDS or TERMINAL_TEXT.match(text[following]):
            if last_word is not None and tag[last_word].startswith("V"):
                # the tagger often reads a clause-final finite verb as an infinitive ("die wir haben")
                return tag[last_word] in FINITE | {"VVINF", "VAINF", "VMINF"}
            if text[following] not in PIECE_ENDS:
                return False
            last_word = None
        elif is_word_text(text[following]):
            last_word = following
    return False


def split_points(sentence: Span) -> list[tuple[int, str]]:
    """(word number, German description) of places where the sentence can be split.

    Never inside a coordinated phrase (:func:`_coordinated_phrase`) nor before a word that
    only looks like a relative pronoun (:func:`_relative_clause`).
    """
    view = doc_view(sentence.doc)
    text, tag = view.text, view.tag
    indices = [t.i for t in view.non_space(sentence)]
    points: list[tuple[int, str]] = []
    word_number = 0
    for position, index in enumerate(indices):
        if is_word_text(text[index]):
            word_number += 1
        previous = indices[position - 1] if position else None
        after_comma = previous is not None and text[previous] == ","
        if text[index] == ";":
            points.append((word_number, "am Semikolon"))
        elif tag[index] == "KON" and view.lower[index] in CLAUSE_CONJUNCTIONS and position:
            right = _clause_after(view, indices, position)
            if _coordinated_phrase(view, indices, position, right):
                continue
            left = indices[:position]
            commas = [p for p in range(position) if text[indices[p]] in {",", ";"}]
            clause = left[commas[-1] + 1 :] if commas else left
            # the clause before closes with its verb (the tagger may read a final "werden" as VAINF)
            closed = _has_finite(view, clause) or tag[indices[position - 1]] in {"VAINF", "VMINF"}
            if after_comma or (closed and _has_finite(view, right)):
                points.append((word_number, f"vor {quote(text[index])}"))
        elif tag[index] in {"KOUS", "PWAV"} and after_comma:
            points.append((word_number, f"vor {quote(text[index])}"))
        elif tag[index] in {"PRELS", "PRELAT"} and _relative_clause(view, indices, position):
            points.append((word_number, f"vor dem Relativsatz mit {quote(text[index])}"))
    return points


def describe_split_points(sentence: Span) -> str:
    points = split_points(sentence)
    if not points:
        return "dort, wo ein neuer Gedanke beginnt: ein Gedanke pro Satz"
    described = [f"{text} (Wort {number})" for number, text in points[:MAX_SPLIT_POINTS]]
    if len(described) == 1:
        return described[0]
    return ", ".join(described[:-1]) + " und " + described[-1]
