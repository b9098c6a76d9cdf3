"""Small syntactic helpers the rule kinds share: clauses and particle verbs.

They use only STTS tags and lemmas, which both the HanTa path and installed
spaCy pipelines provide.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy is imported by the pipeline, not by rule validation
    from spacy.tokens import Span, Token

CLAUSE_BREAKS = {",", ";", ":", "–", "—", "--", "(", ")", "-"}
FINITE_FULL = {"VVFIN", "VVIMP"}
FINITE = {"VVFIN", "VVIMP", "VAFIN", "VAIMP", "VMFIN"}


def is_word(token: Token) -> bool:
    """A word contains a letter or a digit ("§" and punctuation are not words)."""
    return any(ch.isalnum() for ch in token.text)


def words(span: Span) -> list[Token]:
    return [token for token in span if is_word(token)]


def clauses(sentence: Span) -> list[list[Token]]:
    """Split a sentence at commas, semicolons, colons, dashes and brackets.

    A coarse approximation of clauses that needs no parser: German marks
    subordinate and relative clauses with commas.
    """
    result: list[list[Token]] = [[]]
    for token in sentence:
        if token.is_space:
            continue
        if token.text in CLAUSE_BREAKS and token.tag_.startswith("$"):
            if result[-1]:
                result.append([])
            continue
        result[-1].append(token)
    return [clause for clause in result if clause]


def _verb_final(token: Token) -> bool:
    """A finite verb at the end of its clause stands in a subordinate clause."""
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return following is None or following.text in CLAUSE_BREAKS or following.tag_ == "$."


def _capitalised_inside(token: Token) -> bool:
    """A capitalised word inside a sentence is a noun, whatever the tagger says."""
    return token.text[:1].isupper() and token.i != token.sent.start


def particle_verbs(sentence: Span) -> dict[int, str]:
    """Token index -> lemma with its separated particle ("sehen ... ab" -> "absehen").

    Every separable particle (PTKVZ) joins the nearest finite full verb before
    it that is not verb-final; both the verb and the particle map to the joined
    lemma.
    """
    joined: dict[int, str] = {}
    for token in sentence:
        if token.tag_ != "PTKVZ":
            continue
        for candidate in reversed(sentence[: token.i - sentence.start]):
            if candidate.tag_ in FINITE_FULL and not _verb_final(candidate) and not _capitalised_inside(candidate):
                lemma = token.lower_ + candidate.lemma_.lower()
                joined[candidate.i] = lemma
                joined[token.i] = lemma
                break
    return joined


def lemma_of(token: Token, joined: dict[int, str]) -> str:
    """The lowercased lemma, with separated particles joined to their verb."""
    return joined.get(token.i) or (token.lemma_ or token.text).lower()
