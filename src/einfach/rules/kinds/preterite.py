"""Kind ``preterite``: the Präteritum of a full verb, where Leichte Sprache uses the Perfekt.

A finite full verb (STTS ``VVFIN``) is reported when its form is a
Präteritum form of its lemma and no present form of it ("kaufte", "ging",
"rief ... an"; the lemma of a separable verb is joined with its particle by
:func:`einfach.nlp.syntax.particle_verbs`).  The forms and the Perfekt come
from the conjugator ablaut (:mod:`.verbforms`), so the suggestion names the
right auxiliary and participle ("ging" -> "ist gegangen", "rief an" -> "hat
angerufen"), in the first person when "ich" is the clause's subject, and with
"du" in the second person singular even for a form ablaut gives only for "ihr"
("Du hießt" -> "hast … geheißen").

Tagger slips stay quiet: a capitalised "verb" inside a sentence ("einen
Bissen"), a second-person form without "du"/"ihr" ("Das hießt": a typo for
"heißt"), and a clause-final form in -en after a modal or auxiliary ("können ...
benutzten": a misspelt infinitive).  A form that is also the participle ("entstanden", "verstanden") in a clause
with a form of "sein" or "haben" is the Perfekt and stays quiet.

Auxiliaries and modal verbs are tagged ``VAFIN``/``VMFIN`` and never reported;
the lemmas in ``allowed`` (default: "sein", "haben", "werden" and the modal
verbs) stay quiet even when the tagger reads them as full verbs, because the
rules of Leichte Sprache allow "war", "hatte" and "konnte".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy is imported by the pipeline, not by rule validation
    from spacy.tokens import Doc

from ...nlp.syntax import clauses, lemma_of, particle_verbs
from .base import Hit, quote
from .verbforms import FIRST_SINGULAR, SECOND_PLURAL, SECOND_SINGULAR, THIRD_PLURAL, THIRD_SINGULAR, verb_forms

DEFAULT_ALLOWED = ("sein", "haben", "werden", "können", "müssen", "dürfen", "sollen", "wollen", "mögen")


class Preterite:
    parameters = {"allowed"}
    values = {"text", "lemma", "perfect"}

    def __init__(self, parameters: dict):
        self.allowed = {str(w).lower() for w in parameters.get("allowed", DEFAULT_ALLOWED) or ()}

    def find(self, doc: Doc):
        for sentence in doc.sents:
            if not any(t.tag_ == "VVFIN" for t in sentence):
                continue
            joined = particle_verbs(sentence)
            for clause in clauses(sentence):
                lower = {t.lower_ for t in clause}
                first_person = "ich" in lower
                second_person = lower & {"du", "ihr"}
                perfect = any(t.tag_ == "VAFIN" and t.lemma_ in {"sein", "haben"} for t in clause)
                modal = any(t.tag_ in {"VMFIN", "VAFIN"} for t in clause)
                words = [t for t in clause if not t.is_punct]
                for token in clause:
                    if token.tag_ != "VVFIN" or not _lowercase_or_first(token, sentence):
                        continue
                    if modal and token is words[-1] and token.lower_.endswith("en") and token.i != sentence.start:
                        continue  # "können ... benutzten": a misspelt infinitive after a modal verb
                    hit = self._check(token, joined, first_person, second_person, perfect)
                    if hit is not None:
                        yield hit

    def _check(self, token, joined: dict[int, str], first_person: bool, second_person: set[str], perfect: bool) -> Hit | None:
        lemma = lemma_of(token, joined).lower()
        if lemma in self.allowed:
            return None
        forms = verb_forms(lemma)
        form = token.lower_
        if forms is None or form not in forms.preterite or form in forms.present:
            return None
        if perfect and form == forms.participle.lower():
            return None  # "ist ... entstanden": a participle the tagger read as a finite verb
        persons = [i for i, f in enumerate(forms.preterite) if f == form]
        if not second_person and not set(persons) - {SECOND_SINGULAR, SECOND_PLURAL}:
            return None  # "Das hießt ...": a second-person form without "du"/"ihr" is a typo for "heißt"
        if THIRD_SINGULAR in persons:
            person = FIRST_SINGULAR if first_person else THIRD_SINGULAR
        elif THIRD_PLURAL in persons:
            person = THIRD_PLURAL
        elif second_person == {"du"}:
            person = SECOND_SINGULAR  # "Du hießt": ablaut has "hießest" for "du", "hießt" only for "ihr"
        else:
            person = persons[0]
        auxiliary, _, participle = forms.perfect[person].partition(" ")
        return Hit(
            start=token.i,
            end=token.i + 1,
            values={"text": quote(token.text), "lemma": quote(lemma), "perfect": quote(f"{auxiliary} … {participle}")},
        )


def _lowercase_or_first(token, sentence) -> bool:
    """A verb is written in lowercase unless it opens the sentence ("einen Bissen", "Two and a Half Men")."""
    return token.text[:1].islower() or token.i == sentence.start
