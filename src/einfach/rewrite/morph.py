"""Morphology the rewrites need: noun phrases in a clause, their case, and verb forms.

HanTa gives no case, number or gender.  A noun phrase's case is read from its
determiner and its noun's gender (:func:`einfach.rules.kinds.wordinfo.gender`,
``rules/data/genus.yml``); where that leaves the case open, the functions
return None and the rewrite is not offered.

Written by hand (see ``docs/rewrites.md``): the German determiner paradigms
(``declension.py``) and the auxiliary ones are closed classes of a few dozen
forms; no package with offline data and a usable licence covers them better.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

from ..rules.kinds.wordinfo import accusative_like_nominative, gender
from . import declension
from .declension import BARE_FORMS

DETERMINER_TAGS = {"ART", "PPOSAT", "PDAT", "PIAT"}
PREPOSITION_TAGS = {"APPR", "APPRART"}
NOUN_TAGS = {"NN", "NE"}
# masculine nominative singular -> accusative ("der" -> "den", "ein" -> "einen", "dieser" -> "diesen")
MASCULINE_ACCUSATIVE = {form: declension.determiner(form, "m", "acc") for form in (
    "der", "ein", "kein", "dieser", "jeder", "jener", "mein", "dein", "sein", "ihr", "unser", "euer")}
# forms that are nominative = accusative for feminine, neuter or plural nouns
SAME_FORMS = {"die", "das", "eine", "keine", "diese", "dieses", "jede", "jedes", "alle", "meine", "deine",
              "seine", "ihre", "unsere", "eure", "einige", "mehrere", "beide", "sämtliche", "welche"}
GENITIVE_STARTS = {"des", "der", "eines", "einer", "meines", "meiner", "ihres", "ihrer", "seines", "seiner",
                   "unseres", "unserer", "dieses", "dieser"}
# determiners that after a preposition or a conjunction can only open a genitive ("der", "einer" may be a
# dative or a nominative; the dative is "dem", "einem"): "binnen eines Monats", "der Gründe sowie des Zeitpunkts"
GENITIVE_ONLY = {"des", "eines"}
# a legal reference, or a bank account given as an apposition ("…, IBAN DE00 1234 …,"): no noun phrase of the clause
REFERENCE_STARTS = {"§", "§§", "Art.", "Artikel", "IBAN"}
REFERENCE_TAGS = {"CARD", "NN", "NE", "XY", "FM", "ADJA", "KON", "$("}
REFERENCE_WORDS = {"Satz", "Absatz", "Nummer", "Buchstabe", "Halbsatz", "Alternative", "Anlage", "Ziffer", "Teil",
                   "Artikel", "Kapitel", "Abschnitt"}
DATIVE_PRONOUNS = {"ihnen", "uns", "ihm", "mir", "dir", "euch"}
# the polite forms: capitalised anywhere in the sentence
POLITE = {"Sie", "Ihnen", "Ihr", "Ihre", "Ihren", "Ihrem", "Ihrer", "Ihres"}


@dataclass
class Phrase:
    """A stretch of a clause: a noun phrase (``kind`` "np"), a pronoun ("pron"),
    a prepositional phrase ("pp") or any other word ("other"); ``tokens`` in order."""

    kind: str
    tokens: list["Token"]


def phrases(clause: list["Token"]) -> list[Phrase]:
    """Chunk a clause: determiner + adjectives + nouns (with a genitive attribute), pronouns,
    prepositional phrases (the preposition with its noun phrase), everything else alone."""
    result: list[Phrase] = []
    position = 0
    while position < len(clause):
        token = clause[position]
        if token.text in REFERENCE_STARTS or (token.tag_ in PREPOSITION_TAGS and position + 1 < len(clause)
                                              and clause[position + 1].text in REFERENCE_STARTS):
            # a legal reference ("gemäß § 28 Abs. 1 VwVfG") is no noun phrase of the clause
            end = position + (1 if token.text in REFERENCE_STARTS else 2)
            while end < len(clause) and clause[end].tag_ in REFERENCE_TAGS and not _plain_noun(clause[end]):
                end += 1
            result.append(Phrase("pp", clause[position:end]))
            position = end
            continue
        if token.tag_ in PREPOSITION_TAGS:
            end = _np_end(clause, position + 1)
            if end == position + 1 and end < len(clause) and clause[end].tag_ in {"PPER", "PRF", "PDS", "PIS", "CARD"}:
                end += 1
            result.append(Phrase("pp", clause[position:end]))
            position = end
            continue
        if token.tag_ in {"PPER", "PRF", "PDS", "PIS"}:
            result.append(Phrase("pron", [token]))
            position += 1
            continue
        end = _np_end(clause, position)
        if end > position:
            result.append(Phrase("np", clause[position:end]))
            position = end
            continue
        result.append(Phrase("other", [token]))
        position += 1
    return result


def _plain_noun(token: "Token") -> bool:
    """A noun that ends a legal reference ("gemäß §§ 45 und 47 AufenthV Gebühren"): capitalised, the
    rest lowercase, no dot; not a law's abbreviation ("AufenthG", "SGB") nor a part of a reference."""
    text = token.text
    return token.tag_ in NOUN_TAGS and len(text) > 2 and text[:1].isupper() and text[1:].islower() and \
        text.isalpha() and text not in REFERENCE_WORDS


def _np_end(clause: list["Token"], start: int) -> int:
    """End of a noun phrase starting at ``start`` (``start`` itself when there is none)."""
    position = start
    if position < len(clause) and clause[position].tag_ in DETERMINER_TAGS:
        position += 1
    while position < len(clause) and clause[position].tag_ in {"ADJA", "CARD", "ADV"} and \
            position + 1 < len(clause) and clause[position + 1].tag_ in {"ADJA", "NN", "NE", "CARD"}:
        position += 1
    if position < len(clause) and clause[position].tag_ in NOUN_TAGS:
        while position < len(clause) and clause[position].tag_ in NOUN_TAGS:
            position += 1
        # a genitive attribute: "der Antrag Ihres Sohnes"
        if position < len(clause) and clause[position].lower_ in GENITIVE_STARTS:
            attribute_end = _np_end(clause, position)
            if attribute_end > position + 1:
                position = attribute_end
        return position
    return start


def head_noun(phrase: Phrase) -> "Token | None":
    """The first run of nouns ends in the head ("Ihr Antrag" -> Antrag)."""
    head = None
    for token in phrase.tokens:
        if token.tag_ in NOUN_TAGS:
            head = token
        elif head is not None:
            break
    return head


def nominative_to_accusative(phrase: Phrase, plural: bool) -> list[str] | None:
    """The words of a nominative noun phrase in the accusative, or None if that is not sure.

    Plural, feminine and neuter phrases keep their form; a masculine singular
    phrase changes its determiner and adjective endings ("Ihr neuer Antrag" ->
    "Ihren neuen Antrag").  Unknown gender, a weak masculine noun ("der
    Kunde") or a determiner that is not nominative give None.
    """
    head = head_noun(phrase)
    if head is None:
        return None
    before = [t for t in phrase.tokens if t.i < head.i]
    after = [t.text for t in phrase.tokens if t.i > head.i]
    determiner = before[0] if before and before[0].tag_ in DETERMINER_TAGS else None
    adjectives = [t for t in before if t is not determiner]
    lemma = head.lemma_ or head.text
    if head.text.endswith("ss") and lemma == head.text[:-1]:
        lemma = head.text  # HanTa cuts "Nationalpass" to "Nationalpas": the nominative is the word itself
    form = determiner.lower_ if determiner is not None else ""
    if plural:
        if determiner is not None and form not in SAME_FORMS:
            return None
        return [t.text for t in phrase.tokens]
    keeps = accusative_like_nominative(lemma)
    noun_gender = gender(lemma)
    if noun_gender is None or keeps is None:
        return None
    if noun_gender == "f":
        if determiner is not None and form not in SAME_FORMS:
            return None
        return [t.text for t in phrase.tokens]
    if noun_gender == "n":
        if determiner is not None and form not in SAME_FORMS and form not in BARE_FORMS:
            return None
        return [t.text for t in phrase.tokens]
    # masculine
    if not keeps or head.text != lemma:
        return None
    words = []
    if determiner is not None:
        accusative = MASCULINE_ACCUSATIVE.get(form)
        if accusative is None:
            return None
        words.append(_same_case(determiner.text, accusative))
    for adjective in adjectives:
        if adjective.tag_ != "ADJA":
            words.append(adjective.text)
            continue
        text = adjective.text
        if text.endswith("er"):
            words.append(text[:-2] + "en")
        elif text.endswith("e"):
            words.append(text + "n")
        else:
            return None
    return words + [head.text] + after


def _same_case(model: str, word: str) -> str:
    return word[:1].upper() + word[1:] if model[:1].isupper() else word


def lower_first(word: "Token") -> str:
    """A sentence-initial word moved inside: lowercase unless noun, name or polite form."""
    if word.tag_ in NOUN_TAGS or word.text in POLITE:
        return word.text
    return word.text[:1].lower() + word.text[1:]


def capitalise(word: str) -> str:
    return word[:1].upper() + word[1:]


# --- verbs -------------------------------------------------------------------------------------

SEPARABLE_PREFIXES = (
    "zurück", "zusammen", "vorbei", "weiter", "heraus", "herein", "hinzu", "entgegen", "bekannt",
    "bereit", "fest", "fort", "frei", "statt", "teil", "nach", "auf", "aus", "bei", "dar", "ein",
    "her", "hin", "mit", "vor", "weg", "los", "ab", "an", "zu",
)
MODALS = {
    # lemma: (present plural / Sie, present singular, preterite singular)
    "können": ("können", "kann", "konnte"),
    "müssen": ("müssen", "muss", "musste"),
    "dürfen": ("dürfen", "darf", "durfte"),
    "sollen": ("sollen", "soll", "sollte"),
    "wollen": ("wollen", "will", "wollte"),
}
HABEN = {"wir": "haben", "Sie": "haben", "ich": "habe", "3sg": "hat"}
HATTEN = {"wir": "hatten", "Sie": "hatten", "ich": "hatte", "3sg": "hatte"}
WERDEN_FUTURE = {"wir": "werden", "Sie": "werden", "ich": "werde", "3sg": "wird"}
# Konjunktiv II with "würde": "Ihr Antrag würde abgelehnt" -> "wir würden Ihren Antrag ablehnen"
WERDEN_SUBJUNCTIVE = {"wir": "würden", "Sie": "würden", "ich": "würde", "3sg": "würde"}


def modal_form(lemma: str, person: str, preterite: bool) -> str | None:
    forms = MODALS.get(lemma)
    if forms is None:
        return None
    plural, singular, past = forms
    if preterite:
        return past + "n" if person in {"wir", "Sie"} else past
    return plural if person in {"wir", "Sie"} else singular


def split_separable(lemma: str, participle: str | None = None) -> tuple[str, str]:
    """("vor", "legen") for "vorlegen" when the participle ("vorgelegt") or zu-infinitive
    ("vorzulegen") shows the particle is separable; ("", lemma) otherwise."""
    for prefix in SEPARABLE_PREFIXES:
        rest = lemma[len(prefix):]
        if not lemma.startswith(prefix) or len(rest) < 3:
            continue
        if participle is None:
            return prefix, rest
        lowered = participle.lower()
        if lowered.startswith(prefix + "ge") or lowered.startswith(prefix + "zu"):
            return prefix, rest
    return "", lemma


def present_plural(lemma: str) -> str | None:
    """The wir/Sie present form: the infinitive, except for "sein"."""
    if lemma == "sein":
        return "sind"
    return lemma if lemma.endswith("n") else None
