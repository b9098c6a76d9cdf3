"""Kind ``statements``: more than one statement in a sentence (Leichte Sprache).

The number of statements is estimated from STTS tags (no parser), as the
number of predicates:

* every finite verb (VVFIN, VAFIN, VMFIN, VVIMP, VAIMP) heads a clause of
  its own: main clauses, coordinated clauses ("..., und wir prüfen ...") and
  subordinate clauses ("weil ...", "die ...") each count once; between two
  commas a second finite verb counts only after "und/oder/aber", a
  subordinating conjunction or a relative pronoun (else it is
  an infinitive the tagger read as finite: "möchten ... ablehnen"), and a
  capitalised "verb" inside the sentence is a noun ("nach dem Stand");
* a second verb group coordinated without its own finite verb counts too:
  "Sie müssen den Antrag ausfüllen und unterschreiben" (a participle or
  infinitive before "und/oder/aber", another one after it in the same
  chunk);
* a subordinate clause counts once even where the tagger read its
  verb-final finite verb as an infinitive ("..., die Sie schicken müssen");
* an infinitive clause with "zu" after a comma ("..., um ... zu prüfen",
  "Wir bitten Sie, ... zu schicken") is a statement of its own.

With ``count_coordinated_nouns: true`` two nouns joined by "und/oder"
("Pass und Foto") count as two statements, as in the StaGE annotation of
Hurraki sentences; the default leaves lists alone (Leichte Sprache allows a
list of things in one statement).  The calibration against that data is in
``eval/aussagen.py``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy is imported by the pipeline, not by rule validation
    from spacy.tokens import Doc, Span

from ...nlp.syntax import FINITE, clause_structure
from .base import Hit

NON_FINITE = {"VVINF", "VVPP", "VVIZU", "VAINF", "VAPP", "VMINF"}
COORDINATORS = {"und", "oder", "aber", "sowie", "sondern"}
NOUNS = {"NN", "NE"}
# words after which a new finite verb may start a clause even without a comma
SEGMENT_STARTS = {"KON", "KOUS", "PRELS", "PRELAT", "PWAV", "PWS"}


def count_statements(sentence: Span, coordinated_nouns: bool = False) -> int:
    """Estimated number of statements in ``sentence`` (see the module doc)."""
    chunks = clause_structure(sentence)
    count = 0
    for chunk in chunks:
        # one finite verb per stretch between conjunctions: a second "finite" verb without
        # "und/oder/aber" between is a tagging error ("möchten ... ablehnen" read as two)
        segment_has_finite = False
        for token in chunk.tokens:
            if token.tag_ in SEGMENT_STARTS or token.text == "–":
                segment_has_finite = False
            elif _finite(token) and not segment_has_finite:
                segment_has_finite = True
                count += 1
    # subordinate clauses whose verb-final finite verb was tagged as an infinitive
    # ("die Sie ... schicken müssen"), and um/ohne/statt + zu-infinitive clauses
    finite_clauses: dict[int, bool] = {}
    for chunk in chunks:
        if chunk.clause is not None:
            has = any(t.tag_ in FINITE for t in chunk.tokens)
            finite_clauses[chunk.clause] = finite_clauses.get(chunk.clause, False) or has
    count += sum(1 for has in finite_clauses.values() if not has)
    for number, chunk in enumerate(chunks):
        part = chunk.tokens
        has_finite = any(_finite(t) for t in part)
        zu = any(t.tag_ == "VVIZU" for t in part) or any(
            t.tag_ == "PTKZU" and i + 1 < len(part) and part[i + 1].tag_.startswith("V") for i, t in enumerate(part)
        )
        if number > 0 and zu and not has_finite and chunk.clause is None:
            count += 1  # "Wir bitten Sie, ... zu schicken"
        for position, token in enumerate(part):
            if token.tag_ != "KON" or token.lower_ not in COORDINATORS:
                continue
            before, after = part[:position], part[position + 1 :]
            if any(t.tag_ in FINITE for t in after):
                continue  # a clause with its own finite verb, already counted
            if any(t.tag_ in NON_FINITE for t in before) and any(t.tag_ in NON_FINITE for t in after):
                count += 1
            elif coordinated_nouns and before and after and before[-1].tag_ in NOUNS and any(
                t.tag_ in NOUNS for t in after[:3]
            ):
                count += 1
    return count


def _finite(token) -> bool:
    """A finite verb; a capitalised word inside the sentence is a noun ("nach dem Stand")."""
    if token.tag_ not in FINITE:
        return False
    return not (token.text[:1].isupper() and token.i != token.sent.start and token.lower_ != "sie")


class Statements:
    parameters = {"max_statements", "count_coordinated_nouns"}
    values = {"statements", "limit"}

    def __init__(self, parameters: dict):
        self.limit = int(parameters.get("max_statements", 1))
        self.coordinated_nouns = bool(parameters.get("count_coordinated_nouns", False))

    def find(self, doc: Doc):
        for sentence in doc.sents:
            count = count_statements(sentence, self.coordinated_nouns)
            if count <= self.limit:
                continue
            tokens = [t for t in sentence if not t.is_space]
            yield Hit(start=tokens[0].i, end=tokens[-1].i + 1, values={"statements": count, "limit": self.limit})
