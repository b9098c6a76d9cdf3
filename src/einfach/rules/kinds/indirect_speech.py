"""Kind ``indirect_speech``: Konjunktiv I, the form of indirect speech ("Er sagte, er habe ...").

A finite verb (``VVFIN``, ``VAFIN``, ``VMFIN``) is reported when its form is
a Konjunktiv I form of its lemma that no indicative present form shares
("sei", "seien", "habe" with "er", "könne", "müsse", "gebe").  The forms
come from the conjugator ablaut (:mod:`.verbforms`).  A form that is also the
first person of the present ("habe", "werde", "gebe") counts only when no
"ich" stands in its clause; "sei"/"seien" only when a subject may precede it,
so the imperative ("Seien Sie vorsichtig", "Sei leise") stays quiet, and so
do the fixed phrases "es sei denn", "sei es", "Gott sei Dank" and "wie dem
auch sei".  A full verb counts only when HanTa knows its lemma as a verb
(the tagger guesses "drinne" as one).  The suggestion is the indicative of the same person ("habe" ->
"hat", "seien" -> "sind") or direct speech.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy is imported by the pipeline, not by rule validation
    from spacy.tokens import Doc, Token

from ...nlp.syntax import clauses, lemma_of, particle_verbs
from .base import Hit, quote
from .verbforms import FIRST_SINGULAR, THIRD_PLURAL, THIRD_SINGULAR, verb_forms
from .wordinfo import is_known_verb

FINITE = {"VVFIN", "VAFIN", "VMFIN"}
# Konjunktiv I forms that are never indirect speech in these phrases
FIXED_AFTER = {("sei", "denn"), ("sei", "es"), ("sei", "dank")}
FIXED_BEFORE = {("gott", "sei"), ("auch", "sei")}


class IndirectSpeech:
    parameters: set[str] = set()
    values = {"text", "indicative"}

    def __init__(self, parameters: dict):
        pass

    def find(self, doc: Doc):
        for sentence in doc.sents:
            if not any(t.tag_ in FINITE for t in sentence):
                continue
            joined = particle_verbs(sentence)
            for clause in clauses(sentence):
                first_person = any(t.lower_ == "ich" for t in clause)
                for position, token in enumerate(clause):
                    if token.tag_ in FINITE and not fixed_phrase(clause, position):
                        hit = self._check(token, joined, first_person, position)
                        if hit is not None:
                            yield hit
                            break  # one finding per clause

    @staticmethod
    def _check(token: Token, joined: dict[int, str], first_person: bool, position: int) -> Hit | None:
        indicative = konjunktiv1(token, joined, first_person, position)
        if indicative is None:
            return None
        return Hit(
            start=token.i,
            end=token.i + 1,
            values={"text": quote(token.text), "indicative": f"{quote(indicative)} statt {quote(token.text)}"},
        )


def konjunktiv1(token: Token, joined: dict[int, str], first_person: bool, position: int) -> str | None:
    """The indicative of the same person when ``token`` is a Konjunktiv I form no indicative shares, else None.

    ``position`` is the token's index in its clause, ``first_person`` whether an "ich" stands in the clause.
    Shared with the kind ``subjunctive`` (reported speech in the default profile).
    """
    lemma = lemma_of(token, joined).lower()
    if token.tag_ == "VVFIN" and not is_known_verb(lemma):
        return None  # "mit Luft drinne": the tagger guessed a verb HanTa does not know
    forms = verb_forms(lemma)
    form = token.lower_
    if forms is None or form not in forms.konjunktiv1:
        return None
    persons = [i for i, f in enumerate(forms.konjunktiv1) if f == form]
    shared = {i for i in persons if forms.present[i] == form}
    if shared - {FIRST_SINGULAR}:
        return None  # "haben", "kommen": the same form in the indicative plural
    if FIRST_SINGULAR in shared and (first_person or position == 0):
        return None  # "ich habe" is indicative; "Habe keine Angst!" an imperative
    person = next((i for i in (THIRD_SINGULAR, THIRD_PLURAL) if i in persons), persons[0])
    return forms.present[person]


def fixed_phrase(clause: list[Token], position: int) -> bool:
    """"es sei denn", "Gott sei Dank", "Seien Sie ...": a Konjunktiv I form that reports nothing."""
    form = clause[position].lower_
    after = clause[position + 1].lower_ if position + 1 < len(clause) else ""
    before = clause[position - 1].lower_ if position else ""
    if (form, after) in FIXED_AFTER or (before, form) in FIXED_BEFORE:
        return True
    # imperative: "Seien Sie ...", "Sei leise!" (the verb opens its clause)
    return form in {"sei", "seien", "seid"} and position == 0 and after in {"sie", "leise", "still", ""}
