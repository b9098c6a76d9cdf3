"""Amtsdeutsch phrases: a prepositional phrase re-cased after a plainer preposition, sums,
conditions (issue 14, fourth step).

Called by :func:`einfach.rewrite.swaps.rewrite_lexicon` for three ``rewrite_as`` modes of a
lexicon entry (``docs/lexicons.md``):

* ``preposition``: a preposition (or a prepositional phrase that works as one) with a genitive
  becomes ``rewrite``, a preposition with the dative or the accusative, and the noun phrase
  after it takes the new case: "seitens der Behörde" -> "von der Behörde", "zwecks Nachweises
  des Lebensunterhalts" -> "zum Nachweis des Lebensunterhalts", "unter Angabe des
  Aktenzeichens" -> "mit dem Aktenzeichen", "im Wege der Verwaltungsvollstreckung" -> "durch
  die Verwaltungsvollstreckung".  The case is read from the determiner and the noun
  (``genus.yml`` for the gender); a weak masculine noun, a noun phrase coordinated with
  another genitive ("der Gründe sowie des Zeitpunkts"), an adjective without a determiner or
  a gender the new case needs but ``genus.yml`` does not know stop the swap.
* ``amount``: "in Höhe von 13,00 EUR" -> "von 13,00 EUR": the term goes when ``rewrite`` and
  a number follow it, and only after a noun naming a sum (``rewrite_if_after``): "eine Gebühr
  in Höhe von 13,00 EUR", not "die Erteilung der Aufenthaltserlaubnis in Höhe von 100 EUR".
* ``conjunction``: "Für den Fall, dass Sie ..." -> "Falls Sie ...": the term, its comma and
  "dass" become ``rewrite``; without ", dass" after it ("für den Fall der Abschiebung") no swap.

Written by hand: the German determiner declension is a closed table of a few dozen forms
(see ``morph.py``); the only open-ended part, a noun's gender, comes from ``genus.yml``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

from ..nlp.view import doc_view
from .edits import REVIEW, SURE, Proposal
from .morph import DETERMINER_TAGS, capitalise

# the case a preposition governs, for the prepositions a rewrite may put in
PREPOSITION_CASE = {"mit": "dat", "zu": "dat", "von": "dat", "bei": "dat", "nach": "dat", "aus": "dat",
                    "seit": "dat", "durch": "acc", "für": "acc", "ohne": "acc", "um": "acc", "gegen": "acc"}
# preposition + "dem" -> the contraction ("zu dem Abgleich" -> "zum Abgleich")
CONTRACTIONS = {("zu", "dem"): "zum", ("von", "dem"): "vom", ("bei", "dem"): "beim"}
# stems of the determiners declined like "ein" (no ending in the neuter accusative: "Ihr Schreiben")
EIN_WORDS = {"ein", "kein", "mein", "dein", "sein", "ihr", "unser", "eur"}
DER_WORDS = {"dies", "jen", "jed", "welch", "solch"}
COORDINATORS = {"sowie", "bzw", "bzw.", "/", "und", "oder"}
GENITIVE_DETERMINERS = {"des", "der", "eines", "einer", "dieses", "dieser", "ihres", "ihrer", "seines", "seiner",
                        "unseres", "unserer", "meines", "meiner", "jedes", "jeder", "keines", "keiner"}


def fit_start(doc, index: int, words: list[str]) -> list[str]:
    """Capitalise the first word at a sentence start, unless the original word there was written
    in lower case (a sentence going on after the salutation: "bezüglich Ihres Antrags ...")."""
    if words and doc_view(doc).at_sentence_start(index) and doc[index].text[:1].isupper():
        return [capitalise(words[0]), *words[1:]]
    return words


def _applicability(entry) -> str:
    return SURE if entry.rewrite_sure else REVIEW


def swap_preposition(doc: "Doc", entry, tokens: list[int], replaced: set[str]) -> Proposal | None:
    """``rewrite_as: preposition``: the term becomes the new preposition, the genitive noun phrase
    after it takes the case the new preposition governs."""
    preposition = entry.rewrite.split()[-1].lower()
    case = PREPOSITION_CASE.get(preposition)
    if case is None:
        return None
    end = doc_view(doc).sentence_of(tokens[0]).end
    recased = recase_genitive(doc, tokens[-1] + 1, end, case)
    if recased is None:
        return None
    phrase_words, last = recased
    head = entry.rewrite.split()
    if phrase_words and (preposition, phrase_words[0].lower()) in CONTRACTIONS:
        head = [*head[:-1], CONTRACTIONS[(preposition, phrase_words[0].lower())]]
        phrase_words = phrase_words[1:]
    elif preposition == "zu" and not _has_determiner(doc, tokens[-1] + 1):
        gender_letter = _bare_gender(doc, last)
        if gender_letter is None:
            return None
        head = [*head[:-1], "zur" if gender_letter == "f" else "zum"]  # "zwecks Abgleichs" -> "zum Abgleich"
    words = fit_start(doc, tokens[0], head + phrase_words)
    return Proposal(tokens[0], last + 1, words, _applicability(entry), replaced=replaced)


def _has_determiner(doc, position: int) -> bool:
    return position < len(doc) and doc[position].tag_ in DETERMINER_TAGS


def _bare_gender(doc, noun_index: int) -> str | None:
    from ..rules.kinds.wordinfo import gender

    noun = doc[noun_index]
    return gender(noun.lemma_ or noun.text)


def recase_genitive(doc, position: int, end: int, case: str) -> tuple[list[str], int] | None:
    """The genitive noun phrase starting at ``position`` in ``case`` ("dat" or "acc"): (its new
    words, the index of its noun), or None where its form cannot be worked out safely."""
    from ..rules.kinds.wordinfo import accusative_like_nominative, gender

    determiner = doc[position] if _has_determiner(doc, position) else None
    if determiner is not None and determiner.lower_ not in GENITIVE_DETERMINERS:
        return None
    index = position + (determiner is not None)
    middle = []  # adjectives, "oben", "o. g." between determiner and noun
    while index < end and (doc[index].tag_ in {"ADJA", "ADV"} or _abbreviation(doc[index])):
        middle.append(doc[index])
        index += 1
    if index >= end or not _noun(doc[index], determiner is not None):
        return None
    noun = doc[index]
    lemma = (noun.lemma_ or noun.text) if noun.tag_ == "NN" else noun.text
    if _coordinated_after(doc, index, end):
        return None  # "der Gründe sowie des Zeitpunkts": the second phrase would stay a genitive
    adjectives = [t for t in middle if t.tag_ == "ADJA"]
    if any(not t.lower_.endswith("en") for t in adjectives):
        return None
    if determiner is None and adjectives:
        return None  # "zwecks schneller Bearbeitung": a strong adjective ending would change
    form = _number_gender(determiner, noun, lemma)
    if form is None:
        return None
    if form in {"m", "n"}:
        new_noun = noun.text[:len(lemma)]
        if noun.text not in {new_noun + "s", new_noun + "es"} or new_noun.lower() != lemma.lower():
            return None  # not a strong genitive singular ("des Kunden", a lemma HanTa got wrong)
        known = gender(lemma)
        if known == "f" or (case == "acc" and known != form):
            return None  # the accusative of the masculine and neuter differ: the gender must be known
        if known == "m" and accusative_like_nominative(lemma) is False:
            return None  # a weak masculine noun
    elif form == "f":
        new_noun = noun.text
    else:  # plural
        new_noun = noun.text + ("n" if case == "dat" and not noun.text.endswith(("n", "s")) else "")
    words = []
    if determiner is not None:
        new_determiner = _determiner(determiner.lower_, form, case)
        if new_determiner is None:
            return None
        words.append(capitalise(new_determiner) if determiner.text[:1].isupper() else new_determiner)
    ein_word = determiner is not None and determiner.lower_[:-2] in EIN_WORDS
    for token in middle:
        if token.tag_ == "ADJA":
            words.append(token.text[:-2] + _adjective_ending(form, case, ein_word))
        else:
            words.append(token.text)
    words.append(new_noun)
    return words, index


def _noun(token, after_determiner: bool) -> bool:
    """A noun, or after a determiner a capitalised word the tagger read as a verb ("der Vorsprache")."""
    if token.tag_ == "NN":
        return True
    return after_determiner and token.tag_.startswith("V") and token.text[:1].isupper() and token.is_alpha


def _abbreviation(token) -> bool:
    """"o." and "g." of "o. g." (oben genannt): a one-letter abbreviation with its period."""
    return len(token.text) == 2 and token.text.endswith(".") and token.text[0].isalpha()


def _coordinated_after(doc, index: int, end: int) -> bool:
    following = doc[index + 1] if index + 1 < end else None
    if following is None:
        return False
    after = doc[index + 2] if index + 2 < end else None
    if after is None or not (following.lower_ in COORDINATORS or following.tag_ == "KON" or following.text == ","):
        return False
    # a second noun phrase after it ("sowie des Zeitpunkts", "und Kosten"), not "oder über das Portal"
    return after.lower_ in GENITIVE_DETERMINERS or after.tag_ in {"NN", "ADJA"} and following.text != ","


def _number_gender(determiner, noun, lemma: str) -> str | None:
    """"m" or "n" (a masculine or neuter singular: the determiner ends in -es), "f" (feminine
    singular), "pl" or None, from the genitive determiner and the noun."""
    from ..rules.kinds.wordinfo import gender

    if determiner is None:
        if noun.text == lemma:
            return "f" if gender(lemma) == "f" else None
        known = gender(lemma)
        return known if known in {"m", "n"} else None
    if determiner.lower_.endswith("es"):
        return gender(lemma) if gender(lemma) in {"m", "n"} else "m"  # m and n share the dative
    if noun.text == lemma:
        return "f" if gender(lemma) == "f" else None
    return "pl"


def _determiner(word: str, form: str, case: str) -> str | None:
    if word in {"des", "der"}:
        return {("m", "dat"): "dem", ("n", "dat"): "dem", ("f", "dat"): "der", ("pl", "dat"): "den",
                ("m", "acc"): "den", ("n", "acc"): "das", ("f", "acc"): "die", ("pl", "acc"): "die"}[(form, case)]
    stem = word[:-2]
    if stem not in EIN_WORDS | DER_WORDS:
        return None
    if stem == "eur":
        stem = "euer" if (form, case) == ("n", "acc") else "eur"
    ending = {("m", "dat"): "em", ("n", "dat"): "em", ("f", "dat"): "er", ("pl", "dat"): "en",
              ("m", "acc"): "en", ("n", "acc"): "" if stem in EIN_WORDS | {"euer"} else "es", ("f", "acc"): "e",
              ("pl", "acc"): "e"}[(form, case)]
    return stem + ending


def _adjective_ending(form: str, case: str, ein_word: bool) -> str:
    if case == "dat" or form in {"m", "pl"}:
        return "en"
    if form == "n":
        return "es" if ein_word else "e"
    return "e"  # feminine accusative


def swap_amount(doc: "Doc", entry, tokens: list[int], replaced: set[str]) -> Proposal | None:
    """``rewrite_as: amount``: "eine Gebühr in Höhe von 13,00 EUR" -> "eine Gebühr von 13,00 EUR"."""
    after = tokens[-1] + 1
    if after + 1 >= len(doc) or doc[after].lower_ != entry.rewrite.lower() or not doc[after + 1].like_num:
        return None
    return Proposal(tokens[0], after + 1, [doc[after].text], _applicability(entry), replaced=replaced)


def after_listed(doc, index: int, entry) -> bool:
    """The word before the term ends in one of ``rewrite_if_after`` (none listed: always)."""
    endings = tuple(w.lower() for w in entry.rewrite_if_after)
    if not endings:
        return True
    return index > 0 and doc[index - 1].tag_ == "NN" and doc[index - 1].lower_.endswith(endings)


def swap_conjunction(doc: "Doc", entry, tokens: list[int], replaced: set[str]) -> Proposal | None:
    """``rewrite_as: conjunction``: "Für den Fall, dass Sie ..." -> "Falls Sie ..."."""
    comma, that = tokens[-1] + 1, tokens[-1] + 2
    if that >= len(doc) or doc[comma].text != "," or doc[that].lower_ != "dass":
        return None
    words = fit_start(doc, tokens[0], entry.rewrite.split())
    return Proposal(tokens[0], that + 1, words, _applicability(entry), replaced=replaced)
