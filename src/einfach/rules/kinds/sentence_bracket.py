"""Kind ``sentence_bracket``: a wide Satzklammer in a main clause.

In a German main clause the finite verb stands second (or first), and the
part that completes it comes at the end: a separated particle ("reichen Sie
... ein"), a participle after haben/sein/werden ("haben ... geprüft"), an
infinitive after a modal verb or werden ("können ... einreichen"), or a
zu-infinitive after haben/sein ("sind ... vorzulegen").  Everything in
between must be held in memory.

How it is found without a parser (STTS tags, lemmas, commas only):

* main-clause chunks come from :func:`einfach.nlp.syntax.clause_structure`;
  words of subordinate clauses inserted between the two parts are counted
  (they lengthen the bracket) but never provide the closing part;
* a separated particle (PTKVZ) is joined to its verb by
  :func:`einfach.nlp.syntax.particle_verbs`;
* for auxiliaries and modals the closing part is the first participle or
  infinitive after the finite verb in the main clause; the search stops at
  another finite verb of the main clause (a new clause) and at a semicolon
  or colon;
* *sein* with an adjective or noun has no closing part and stays quiet.

Distances count words (tokens with a letter or digit) between the two parts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy is imported by the pipeline, not by rule validation
    from spacy.tokens import Doc, Span, Token

from ...nlp.syntax import CLAUSE_BREAKS, FINITE, clause_structure, has_finite, is_word, particle_verbs
from ...nlp.view import DocView, doc_view
from .base import Hit, quote

PARTICIPLES = {"VVPP", "VAPP", "VMPP"}
INFINITIVES = {"VVINF", "VAINF", "VMINF"}
ZU_INFINITIVES = {"VVIZU"}
STOPS = {";", ":"}
KIND_TEXT = {
    "particle": "dem abgetrennten Teil des Verbs",
    "participle": "dem Partizip",
    "infinitive": "dem Infinitiv",
}


class SentenceBracket:
    parameters = {"max_distance"}
    values = {"finite", "closing", "distance", "limit", "part"}

    def __init__(self, parameters: dict):
        self.max_distance = int(parameters.get("max_distance", 10))

    def find(self, doc: Doc):
        view = doc_view(doc)
        for sentence in view.sents:
            yield from self._find_in(view, sentence)

    def _find_in(self, view: DocView, sentence: Span):
        if not has_finite(sentence):
            return  # no finite verb, no bracket
        chunks = clause_structure(sentence)
        main: set[int] = {t.i for chunk in chunks if not chunk.subordinate for t in chunk.tokens}
        joined = particle_verbs(sentence)
        tokens = view.non_space(sentence)
        for position, token in enumerate(tokens):
            if token.i not in main or view.tag[token.i] not in FINITE:
                continue
            closing, part = _closing_part(token, _until_boundary(tokens[position + 1 :]), main, joined)
            if closing is None:
                continue
            distance = sum(1 for t in tokens[position + 1 :] if t.i < closing.i and is_word(t))
            if distance <= self.max_distance:
                continue
            yield Hit(
                start=token.i,
                end=closing.i + 1,
                values={
                    "finite": quote(token.text),
                    "closing": quote(closing.text),
                    "distance": distance,
                    "limit": self.max_distance,
                    "part": KIND_TEXT[part],
                },
            )


BOUNDARY_STARTS = {"PPER", "ART", "PDS", "PPOSAT", "PDAT", "KOUS", "PWAV", "PWS", "ADV", "PIS"}


def _until_boundary(tokens: list[Token]) -> list[Token]:
    """Cut at a likely missed sentence end: a number ending in "." before a capitalised
    pronoun, article or adverb ("in Raum 1.12. Wir bewahren ..."), so that two
    sentences are never taken as one bracket."""
    for position, token in enumerate(tokens[:-1]):
        following = tokens[position + 1]
        if (
            token.text.endswith(".")
            and any(ch.isdigit() for ch in token.text)
            and following.text[:1].isupper()
            and following.tag_ in BOUNDARY_STARTS
        ):
            return tokens[: position + 1]
    return tokens


def _closing_part(finite: Token, following: list[Token], main: set[int], joined: dict[int, str]):
    """The token that completes ``finite`` and what kind of part it is.

    A zu-infinitive completes haben/sein only in the same chunk ("sind ... bis
    Montag vorzulegen"); after a comma it starts an infinitive clause of its
    own ("Sie haben das Recht, Widerspruch einzulegen").
    """
    lemma = finite.lemma_.lower()
    if finite.tag_ in {"VVFIN", "VVIMP"}:
        if finite.i not in joined:
            return None, ""
        for token in following:
            if token.tag_ == "PTKVZ" and joined.get(token.i) == joined[finite.i]:
                return token, "particle"
            if token.i in main and token.tag_ in FINITE:
                return None, ""  # another clause's verb first: the particle is not this verb's
        return None, ""
    if finite.tag_ == "VMFIN" or lemma == "werden":
        wanted = INFINITIVES | PARTICIPLES
    elif lemma in {"haben", "sein"}:
        wanted = PARTICIPLES
    else:
        return None, ""
    same_chunk = True
    for position, token in enumerate(following):
        if token.text in STOPS:
            return None, ""
        if token.text in CLAUSE_BREAKS and token.tag_.startswith("$"):
            same_chunk = False
            continue
        if token.i not in main:
            continue
        if token.tag_ in FINITE:
            return None, ""
        zu_infinitive = token.tag_ in ZU_INFINITIVES or (
            token.tag_ == "VVINF" and position > 0 and following[position - 1].tag_ == "PTKZU"
        )
        if lemma in {"haben", "sein"} and finite.tag_ == "VAFIN" and zu_infinitive:
            return (token, "infinitive") if same_chunk else (None, "")
        if token.tag_ in wanted:
            return token, "participle" if token.tag_ in PARTICIPLES else "infinitive"
    return None, ""
