"""Kind ``sentence_length``: words per segment against level thresholds.

The suggestion names concrete split points: coordinating conjunctions that
join two clauses, subordinating conjunctions and relative pronouns after a
comma, and semicolons.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy is imported by the pipeline, not by rule validation
    from spacy.tokens import Doc, Span

from ...nlp.syntax import FINITE, is_word_text, word_count
from ...nlp.view import DocView, doc_view
from .base import LEVEL_LABELS, Hit, quote

LEVEL_ORDER = ("info", "warning", "error")
CLAUSE_CONJUNCTIONS = {"und", "aber", "denn", "oder", "sondern", "doch", "jedoch"}
MAX_SPLIT_POINTS = 3


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
        for sentence in view.sents:
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


def split_points(sentence: Span) -> list[tuple[int, str]]:
    """(word number, German description) of places where the sentence can be split."""
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
            left = indices[:position]
            right = []
            for following in indices[position + 1 :]:
                if text[following] in {",", ";"}:
                    break
                right.append(following)
            if after_comma or (_has_finite(view, left) and _has_finite(view, right)):
                points.append((word_number, f"vor {quote(text[index])}"))
        elif tag[index] in {"KOUS", "PWAV"} and after_comma:
            points.append((word_number, f"vor {quote(text[index])}"))
        elif tag[index] in {"PRELS", "PRELAT"} and (after_comma or (previous is not None and tag[previous] == "APPR")):
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
