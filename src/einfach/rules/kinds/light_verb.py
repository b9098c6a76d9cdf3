"""Kind ``light_verb``: Funktionsverbgefüge from a lexicon, with clause checks.

The matching is the lexicon kind's (``docs/lexicons.md``): the noun part in
order, the light verb anywhere in the sentence, separated particles joined
("setzen Sie uns ... in Kenntnis").  Light verbs such as *stellen*, *nehmen*,
*kommen* or *bringen* are among the most frequent German verbs, so a noun and
such a verb in one sentence are often unrelated.  Before a match counts, this
kind checks, on STTS tags and lemmas only:

* **one clause**: the noun and the verb stand in the same clause
  (:func:`einfach.nlp.syntax.clauses`), or the noun's clause has no verb of its
  own ("den Antrag, den Sie gestellt haben"; "setzen Sie uns, sobald ...,
  in Kenntnis").  So "Bitte stellen Sie sicher, dass Ihr Antrag vollständig
  ist" does not match *einen Antrag stellen*;
* **adjective particles**: a finite verb whose clause ends in an adjective
  that forms a verb with it ("stellen Sie sicher" = *sicherstellen*, "stellen
  ... klar") is a different verb; the tagger reads these adjectives as ADJD,
  not as separated particles;
* **coming and bringing in person**: with *kommen* and *bringen* a
  prepositional noun followed by an article or possessive is a purpose phrase,
  not a Funktionsverbgefüge ("Zur Durchführung der Anhörung kommen Sie ...");
  with *zu* + noun + *kommen* a person as subject (Sie, wir, ich) means a visit
  ("Zur Auszahlung kommen Sie bitte ...") — these Funktionsverbgefüge have a
  thing as subject ("die Regel kommt zur Anwendung");
* **genitive attributes**: a noun that follows another noun and a genitive
  determiner belongs to that noun ("Machen Sie eine Kopie der Mitteilung" is
  not *Mitteilung machen*).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy is imported by the pipeline, not by rule validation
    from spacy.tokens import Token

from ...nlp.syntax import clauses, lemma_of, particle_verbs
from ...nlp.view import doc_view
from .lexicon import PREPOSITIONS, LexiconMatch, Pattern

VERB_TAGS_WITH_OWN_CLAUSE = {"VVFIN", "VAFIN", "VMFIN", "VVINF", "VVIZU", "VVPP", "VAINF", "VMINF", "VVIMP"}
# Adjectives that form a verb with a light verb: "stellen Sie sicher" is "sicherstellen".
ADJECTIVE_PARTICLES = {"sicher", "klar", "richtig", "fest", "bereit", "fertig", "frei", "dar", "zufrieden", "gleich"}
PARTICLE_TAGS = {"ADJD", "ADV", "PTKVZ"}
ATTRIBUTE_STARTS = {"ART", "PPOSAT", "PDAT", "PIAT"}
PERSON_SUBJECTS = {"wir", "ich", "du", "ihr"}
GENITIVE_DETERMINERS = {
    "der", "des", "eines", "einer", "ihrer", "ihres", "seiner", "seines", "unserer", "unseres",
    "dieser", "dieses", "meiner", "meines", "jener", "jenes",
}


class LightVerbMatch(LexiconMatch):
    parameters = {"lexicon"}
    values = {"text", "term", "alternatives", "reason"}

    def _best(self, candidates, doc, words, verbless: bool = False):
        plausible = [(pattern, matched) for pattern, matched in candidates if _plausible(pattern, matched)]
        yield from super()._best(plausible, doc, words, verbless)


def _plausible(pattern: Pattern, matched: list[Token]) -> bool:
    if pattern.verb is None:
        return True
    sentence = doc_view(matched[0].doc).sentence_of(matched[0].i)
    joined = particle_verbs(sentence)
    verbs = [t for t in matched if t.tag_.startswith("V") and lemma_of(t, joined) == pattern.verb]
    nouns = [t for t in matched if t not in verbs and t.tag_ != "PTKVZ"]
    if not verbs or not nouns:
        return True
    verb = verbs[0]
    noun = nouns[-1]
    parts = clauses(sentence)
    verb_clause = _clause_of(parts, verb)
    noun_clause = _clause_of(parts, noun)
    if verb_clause is None or noun_clause is None:
        return True
    if verb_clause is not noun_clause:
        own_verbs = [t for t in noun_clause if t.tag_ in VERB_TAGS_WITH_OWN_CLAUSE and t.i != verb.i]
        if own_verbs:
            return False
    if verb.tag_ in {"VVFIN", "VVIMP"}:
        words = [t for t in verb_clause if not t.is_punct]
        last = words[-1] if words else None
        particle_like = last is not None and last.tag_ in PARTICLE_TAGS and last.lower_ in ADJECTIVE_PARTICLES
        if particle_like and last.i > verb.i:
            return False
    if pattern.verb in {"kommen", "bringen"} and pattern.fixed and pattern.fixed[0] in PREPOSITIONS:
        following = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
        if following is not None and following.tag_ in ATTRIBUTE_STARTS:
            return False
    dative_term = pattern.entry.term.split()[0].lower() in {"einer", "einem", "dem"}
    if pattern.fixed and pattern.fixed[0] not in PREPOSITIONS and not dative_term and _genitive_attribute(nouns[0]):
        return False
    if pattern.verb == "kommen" and pattern.fixed and pattern.fixed[0] == "zu":
        if any(t.lower_ in PERSON_SUBJECTS or t.text == "Sie" for t in verb_clause if t.tag_ in {"PPER", "PRF"}):
            return False
    return True


def _genitive_attribute(noun: Token) -> bool:
    """"eine Kopie der Mitteilung": the noun is a genitive attribute of another noun."""
    doc = noun.doc
    index = noun.i - 1
    while index >= 0 and doc[index].tag_ in {"ADJA", "CARD"}:
        index -= 1
    if index < 1 or doc[index].lower_ not in GENITIVE_DETERMINERS:
        return False
    return doc[index - 1].tag_ in {"NN", "NE"}


def _clause_of(parts: list[list[Token]], token: Token) -> list[Token] | None:
    for clause in parts:
        if any(t.i == token.i for t in clause):
            return clause
    return None
