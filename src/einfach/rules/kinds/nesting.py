"""Kind ``nesting``: sentences with many or nested subordinate clauses (Schachtelsätze).

The clause structure comes from :func:`einfach.nlp.syntax.clause_structure`,
which needs only STTS tags and commas, no parser:

* a subordinate clause starts with a subordinating conjunction (KOUS:
  "dass", "weil", "wenn"), with "um/ohne/statt" (KOUI) before a
  zu-infinitive, or after a comma with a relative pronoun (PRELS, PRELAT,
  also after a preposition: "..., in dem ...") or an interrogative ("..., wie
  ...", "..., was ...");
* it ends where its verb stands: German puts the finite verb of a
  subordinate clause last, right before the next comma or the sentence end;
* a clause that starts while another subordinate clause still waits for its
  verb is inserted into it (depth 2): "..., dass die Unterlagen, die Sie
  geschickt haben, nicht vollständig sind".

The kind counts the subordinate clauses of a sentence and their greatest
depth, and reports the sentence when either is above the profile's limit.
Plain zu-infinitives without "um/ohne/statt" ("Wir bitten Sie, ... zu
schicken") are not counted: they rarely burden the reader as much.

The suggestion names a clause to make a sentence of its own, with the two sentences that
result, where both stand as sentences (the split points of the kind ``sentence_length``:
"…, mit welcher die Ausübung … nicht erlaubt werden darf" -> "Mit dieser darf die Ausübung
…"); a sentence without such a place gets no suggestion (issue 17: the stock advice to make
main clauses of the subordinate clauses was judged generic in every blind review).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy is imported by the pipeline, not by rule validation
    from spacy.tokens import Doc

from ...nlp.list_sentences import running_sentences
from ...nlp.syntax import clause_structure
from ...nlp.view import doc_view
from .base import Hit, spans_only
from .sentence_length import describe_splits, nested_splits

NUMBERS = {1: "einem", 2: "zwei", 3: "drei", 4: "vier", 5: "fünf", 6: "sechs"}
NOMINATIVE = {1: "einer", 2: "zwei", 3: "drei", 4: "vier", 5: "fünf", 6: "sechs"}


class Nesting:
    parameters = {"max_clauses", "max_depth"}
    values = {"clauses", "depth", "structure", "openers", "limit", "split_points"}

    def __init__(self, parameters: dict):
        self.max_clauses = int(parameters.get("max_clauses", 2))
        self.max_depth = int(parameters.get("max_depth", 1))

    def find(self, doc: Doc):
        view = doc_view(doc)
        for sentence in running_sentences(doc):  # a sentence over list items counts as one
            chunks = clause_structure(sentence)
            openers = [chunk for chunk in chunks if chunk.opener is not None]
            count = len(openers)
            depth = max((chunk.depth for chunk in openers), default=0)
            if count <= self.max_clauses and depth <= self.max_depth:
                continue
            inserted = sum(1 for chunk in openers if chunk.depth > 1)
            tokens = view.non_space(sentence)
            split_points = "" if spans_only(doc) else describe_splits(sentence, nested_splits)
            yield Hit(
                start=tokens[0].i,
                end=tokens[-1].i + 1,
                values={
                    "clauses": count,
                    "depth": depth,
                    "structure": describe(count, inserted, depth),
                    "openers": ", ".join(_opener_text(chunk) for chunk in openers),
                    "limit": self.max_clauses,
                    "split_points": split_points,
                },
                suggest=bool(split_points),
            )


def describe(count: int, inserted: int, depth: int) -> str:
    """"Satz mit 3 Nebensätzen, davon einer in einen anderen eingeschoben"."""
    text = "Satz mit einem Nebensatz" if count == 1 else f"Satz mit {NUMBERS.get(count, count)} Nebensätzen"
    if inserted == 1:
        text += ", davon einer in einen anderen eingeschoben"
    elif inserted > 1:
        text += f", davon {NOMINATIVE.get(inserted, inserted)} in andere eingeschoben"
    if depth > 2:
        text += f" (bis zu {depth} Ebenen tief)"
    return text


def _opener_text(chunk) -> str:
    """"dass …", "in dem …": the words from the chunk start up to the opener."""
    words = []
    for token in chunk.tokens:
        words.append(token.text)
        if token.i == chunk.opener.i:
            break
    return " ".join(words[-2:]) + " …"
