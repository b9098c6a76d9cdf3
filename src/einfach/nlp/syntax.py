"""Small syntactic helpers the rule kinds share: clauses and particle verbs.

They use only STTS tags and lemmas, which both the HanTa path and installed
spaCy pipelines provide.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from .view import doc_view

if TYPE_CHECKING:  # spaCy is imported by the pipeline, not by rule validation
    from spacy.tokens import Span, Token

    from .view import DocView

CLAUSE_BREAKS = {",", ";", ":", "–", "—", "--", "(", ")", "-"}
FINITE_FULL = {"VVFIN", "VVIMP"}
FINITE = {"VVFIN", "VVIMP", "VAFIN", "VAIMP", "VMFIN"}


def is_word(token: Token) -> bool:
    """A word contains a letter or a digit ("§" and punctuation are not words)."""
    return is_word_text(token.text)


@lru_cache(maxsize=100_000)
def is_word_text(text: str) -> bool:
    """:func:`is_word` for a token text (memoised: every kind asks, and word forms repeat)."""
    return any(ch.isalnum() for ch in text)


def word_count(sentence: Span) -> int:
    """The number of words (see :func:`is_word`) in the sentence, computed once per sentence."""
    return _cached("word_count", sentence, _word_count)


def _word_count(sentence: Span) -> int:
    return sum(1 for text in doc_view(sentence.doc).text[sentence.start : sentence.end] if is_word_text(text))


def has_finite(sentence: Span) -> bool:
    """The sentence has a finite verb (STTS tag in :data:`FINITE`); computed once per sentence."""
    return _cached("has_finite", sentence, _has_finite)


def _has_finite(sentence: Span) -> bool:
    return any(tag in FINITE for tag in doc_view(sentence.doc).tag[sentence.start : sentence.end])


def _cached(name: str, sentence: Span, compute):
    """Per-sentence results shared by all rule kinds (they ask for the same clauses).

    Kept in the Doc's view (:mod:`einfach.nlp.view`); callers must not change what they get.
    """
    return doc_view(sentence.doc).cached(name, sentence, compute)


def clauses(sentence: Span) -> list[list[Token]]:
    """See :func:`_clauses`; computed once per sentence."""
    return _cached("clauses", sentence, _clauses)


def _clauses(sentence: Span) -> list[list[Token]]:
    """Split a sentence at commas, semicolons, colons, dashes and brackets.

    A coarse approximation of clauses that needs no parser: German marks
    subordinate and relative clauses with commas.
    """
    view = doc_view(sentence.doc)
    result: list[list[Token]] = [[]]
    for token in view.non_space(sentence):
        if _clause_break(view, token.i):
            if result[-1]:
                result.append([])
            continue
        result[-1].append(token)
    return [clause for clause in result if clause]


def _clause_break(view: DocView, index: int) -> bool:
    """A comma, semicolon, colon, dash or bracket tagged as punctuation ends a clause chunk."""
    return view.text[index] in CLAUSE_BREAKS and view.tag[index].startswith("$")


def _verb_final(view: DocView, index: int) -> bool:
    """A finite verb at the end of its clause stands in a subordinate clause."""
    following = index + 1
    return following >= len(view.tokens) or view.text[following] in CLAUSE_BREAKS or view.tag[following] == "$."


def _capitalised_inside(view: DocView, index: int) -> bool:
    """A capitalised word inside a sentence is a noun, whatever the tagger says."""
    return view.text[index][:1].isupper() and not view.at_sentence_start(index)


def particle_verbs(sentence: Span) -> dict[int, str]:
    """See :func:`_particle_verbs`; computed once per sentence."""
    return _cached("particle_verbs", sentence, _particle_verbs)


def _particle_verbs(sentence: Span) -> dict[int, str]:
    """Token index -> lemma with its separated particle ("sehen ... ab" -> "absehen").

    Every separable particle (PTKVZ) joins the nearest finite full verb before
    it that is not verb-final; both the verb and the particle map to the joined
    lemma.
    """
    view = doc_view(sentence.doc)
    tag = view.tag
    joined: dict[int, str] = {}
    for index in range(sentence.start, sentence.end):
        if tag[index] != "PTKVZ":
            continue
        for candidate in range(index - 1, sentence.start - 1, -1):
            if tag[candidate] in FINITE_FULL and not _verb_final(view, candidate) \
                    and not _capitalised_inside(view, candidate):
                lemma = view.lower[index] + view.lemma[candidate].lower()
                joined[candidate] = lemma
                joined[index] = lemma
                break
    return joined


def lemma_of(token: Token, joined: dict[int, str]) -> str:
    """The lowercased lemma, with separated particles joined to their verb."""
    return joined.get(token.i) or (token.lemma_ or token.text).lower()


# --- Clause structure (used by the kinds nesting, sentence_bracket, statements) ----------------

SUBORDINATE_LEADERS = {"ADV", "KON", "KOKOM", "PTKA", "APPR", "PTKNEG"}  # "so dass", "und weil", "ohne dass"
RELATIVE_TAGS = {"PRELS", "PRELAT"}
INTERROGATIVE_TAGS = {"PWAV", "PWS", "PWAT"}
ELLIPSIS_BLOCKERS = {"NN", "NE", "PPER", "PDS", "PIS", "PRF", "PPOSS"}


class Chunk:
    """A stretch of a sentence between clause breaks, with the clause it belongs to.

    ``opener`` is the word that starts a subordinate clause (KOUS, KOUI, a
    relative or interrogative pronoun), ``clause`` numbers the subordinate
    clause the chunk belongs to (``None`` for the main clause) and ``depth``
    is that clause's depth: 1 for a subordinate clause of the main clause,
    2 for one that starts while another is still open, and so on.
    """

    __slots__ = ("tokens", "opener", "clause", "depth", "break_before")

    def __init__(self, tokens, break_before: str):
        self.tokens = tokens
        self.break_before = break_before
        self.opener = None
        self.clause: int | None = None
        self.depth = 0

    @property
    def subordinate(self) -> bool:
        return self.clause is not None


def _chunks(sentence: Span) -> list[Chunk]:
    view = doc_view(sentence.doc)
    result: list[Chunk] = []
    current: list[Token] = []
    last_break = ""
    for token in view.non_space(sentence):
        if _clause_break(view, token.i):
            if current:
                result.append(Chunk(current, last_break))
                current = []
            last_break = token.text
            continue
        current.append(token)
    if current:
        result.append(Chunk(current, last_break))
    return result


def _subordinate_opener(chunk: Chunk) -> Token | None:
    """The word that makes ``chunk`` start a subordinate clause, if any.

    * KOUS ("dass", "weil", "wenn", "ob") at the start, or after up to two
      leading particles ("so dass", "und weil", "auch wenn", "ohne dass");
    * KOUI ("um", "ohne", "statt") with a zu-infinitive in the chunk;
    * a relative pronoun after a comma, or after a preposition after a comma
      ("..., in dem ...");
    * an interrogative ("wie", "wo", "was") after a comma.
    A chunk with at most three words and neither a verb nor a noun or pronoun
    is elliptical ("wenn möglich", "falls nötig") and opens nothing; "dass
    die Unterlagen" waits for its verb after an inserted clause.
    """
    tokens = chunk.tokens
    opener = None
    for position, token in enumerate(tokens[:3]):
        if token.tag_ == "KOUS" and all(t.tag_ in SUBORDINATE_LEADERS for t in tokens[:position]):
            opener = token
            break
        if token.tag_ == "KOUI" and position == 0:
            if any(t.tag_ in {"PTKZU", "VVIZU"} for t in tokens[1:]):
                opener = token
            break
        if token.tag_ not in SUBORDINATE_LEADERS:
            break
    if opener is None and chunk.break_before == ",":
        first = tokens[0]
        if first.tag_ in RELATIVE_TAGS or first.tag_ in INTERROGATIVE_TAGS:
            opener = first
        elif first.tag_ == "APPR" and len(tokens) > 1 and tokens[1].tag_ in RELATIVE_TAGS:
            opener = tokens[1]
        if opener is not None and opener.tag_ in INTERROGATIVE_TAGS and not _closes(tokens):
            opener = None  # "..., wie folgt" / an interrogative without its verb
    if opener is not None and not any(t.tag_.startswith("V") or t.tag_ in ELLIPSIS_BLOCKERS for t in tokens):
        if sum(1 for t in tokens if is_word(t)) <= 3:
            return None
    return opener


def _closes(tokens: list[Token]) -> bool:
    """A subordinate clause ends with its verb: a finite verb, or a verb as the chunk's last word.

    A verb-final plural form that the tagger read as an infinitive
    ("die wir brauchen") closes the clause as well.
    """
    if any(t.tag_ in FINITE for t in tokens):
        return True
    last = [t for t in tokens if is_word(t)]
    return bool(last) and last[-1].tag_.startswith("V")


def clause_structure(sentence: Span) -> list[Chunk]:
    """See :func:`_clause_structure`; computed once per sentence (callers must not change the chunks)."""
    return _cached("clause_structure", sentence, _clause_structure)


def _clause_structure(sentence: Span) -> list[Chunk]:
    """Chunks of a sentence, each assigned to the main clause or a subordinate clause.

    German marks the start of a subordinate clause with a comma and a
    conjunction or relative pronoun, and its end with the verb in final
    position followed by a comma or the sentence end.  The heuristic keeps a
    stack of open subordinate clauses: a chunk with an opener starts a new
    clause, one level deeper than the innermost clause still open; a chunk
    without an opener continues the innermost open clause (or the main
    clause if none is open).  A clause closes in the chunk where its verb
    comes (see :func:`_closes`).  So in "..., dass die Unterlagen, die Sie
    geschickt haben, nicht vollständig sind" the relative clause has depth 2:
    it starts while the dass-clause is still waiting for its verb.
    """
    chunks = _chunks(sentence)
    open_clauses: list[tuple[int, int]] = []  # (clause number, depth)
    number = 0
    for chunk in chunks:
        opener = _subordinate_opener(chunk)
        if opener is not None:
            number += 1
            depth = open_clauses[-1][1] + 1 if open_clauses else 1
            chunk.opener, chunk.clause, chunk.depth = opener, number, depth
            if not _closes(chunk.tokens[chunk.tokens.index(opener) + 1 :]):
                open_clauses.append((number, depth))
        elif open_clauses:
            chunk.clause, chunk.depth = open_clauses[-1]
            if _closes(chunk.tokens):
                open_clauses.pop()
    return chunks
