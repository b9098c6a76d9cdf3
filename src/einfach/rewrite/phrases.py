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
(``declension.py``); the only open-ended part, a noun's gender, comes from ``genus.yml``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

from ..nlp.view import doc_view
from . import declension
from .edits import REVIEW, SURE, Proposal
from .morph import DETERMINER_TAGS, GENITIVE_ONLY, capitalise

# the case a preposition governs, for the prepositions a rewrite may put in
PREPOSITION_CASE = {"mit": "dat", "zu": "dat", "von": "dat", "bei": "dat", "nach": "dat", "aus": "dat",
                    "seit": "dat", "vor": "dat", "durch": "acc", "für": "acc", "ohne": "acc", "um": "acc", "gegen": "acc"}
# preposition + "dem" -> the contraction ("zu dem Abgleich" -> "zum Abgleich")
CONTRACTIONS = {("zu", "dem"): "zum", ("von", "dem"): "vom", ("bei", "dem"): "beim"}
COORDINATORS = {"sowie", "bzw", "bzw.", "/", "und", "oder"}
GENITIVE_DETERMINERS = {"des", "der", "eines", "einer", "dieses", "dieser", "ihres", "ihrer", "seines", "seiner",
                        "unseres", "unserer", "meines", "meiner", "jedes", "jeder", "keines", "keiner"}


# what may stand before a list item or heading that opens with a capital
ITEM_MARKS = {"-", "–", "—", "*", "•", ":"}


def fit_start(doc, index: int, words: list[str]) -> list[str]:
    """Capitalise the first new word where the replaced word opened the sentence: at the start of
    a sentence or of a list item ("- Für den Fall, dass ..." -> "- Falls ..."), read from its
    capital (not for a noun); a sentence going on in lower case after the salutation
    ("bezüglich Ihres Antrags ...") stays in lower case."""
    old = doc[index]
    previous = next((t for t in reversed(doc[:index]) if not t.is_space), None)
    item = previous is not None and previous.text in ITEM_MARKS and old.tag_ not in {"NN", "NE"}
    opens = old.text[:1].isupper() and (doc_view(doc).at_sentence_start(index) or item)
    if words and opens:
        return [capitalise(words[0]), *words[1:]]
    return words


def applicability(entry) -> str:
    """``sure`` for an entry marked ``rewrite_sure``, else ``review``."""
    return SURE if entry.rewrite_sure else REVIEW


def swap_preposition(doc: "Doc", entry, tokens: list[int], replaced: set[str]) -> Proposal | None:
    """``rewrite_as: preposition``: the term becomes the new preposition, the genitive noun phrase
    after it takes the case the new preposition governs."""
    preposition = entry.rewrite.split()[-1].lower()
    case = PREPOSITION_CASE.get(preposition)
    if case is None:
        return None
    end = doc_view(doc).sentence_of(tokens[0]).end
    after = tokens[-1] + 1
    if after < end and doc[after].lower_ == "von" and case == "dat" and len(tokens) > 1:
        # "im Rahmen von Veranstaltungen" -> "bei Veranstaltungen": "von" already took the dative
        noun = next((t for t in doc[after + 1:min(end, after + 5)] if t.tag_ in {"NN", "NE"}), None)
        if noun is None or not noun_allowed(entry, noun):
            return None
        words = fit_start(doc, tokens[0], entry.rewrite.split())
        return Proposal(tokens[0], after + 1, words, applicability(entry), replaced=replaced)
    # "unter Angabe der Gründe sowie des Zeitpunkts": both phrases take the new case; not where the
    # entry's sense depends on the noun (rewrite_if_noun would have to hold for both)
    recased = recase_genitive(doc, after, end, case, coordination=not entry.rewrite_if_noun)
    if recased is None:
        return None
    phrase_words, last, form = recased
    if not noun_allowed(entry, doc[last]):
        return None
    head = entry.rewrite.split()
    if phrase_words and (preposition, phrase_words[0].lower()) in CONTRACTIONS:
        head = [*head[:-1], CONTRACTIONS[(preposition, phrase_words[0].lower())]]
        phrase_words = phrase_words[1:]
    elif preposition == "zu" and not _has_determiner(doc, after):
        head = [*head[:-1], "zur" if form == "f" else "zum"]  # "zwecks Abgleichs" -> "zum Abgleich"
    words = fit_start(doc, tokens[0], head + phrase_words)
    return Proposal(tokens[0], last + 1, words, applicability(entry), replaced=replaced)


def noun_allowed(entry, noun) -> bool:
    """The noun of the phrase fits the entry's sense: its form or lemma ends in one of
    ``rewrite_if_noun`` (none listed: any noun). "im Rahmen der Prüfung" is "bei der Prüfung";
    "im Rahmen ihrer Leistungsfähigkeit" is a limit, not an occasion, and keeps its advice."""
    if not entry.rewrite_if_noun:
        return True
    endings = tuple(w.lower() for w in entry.rewrite_if_noun)
    return noun.text.lower().endswith(endings) or (noun.lemma_ or "").lower().endswith(endings)


def _has_determiner(doc, position: int) -> bool:
    return position < len(doc) and doc[position].tag_ in DETERMINER_TAGS


def recase_genitive(doc, position: int, end: int, case: str,
                    coordination: bool = False) -> tuple[list[str], int, str] | None:
    """The genitive noun phrase starting at ``position`` in ``case`` ("dat", "acc" or "nom"): (its
    new words, the index of its (last) noun, "m"/"n"/"f"/"pl" of its first noun), or None where its
    form cannot be worked out safely.  With ``coordination``, a second genitive phrase joined by a
    conjunction and opened by a determiner that can only be a genitive ("der Gründe sowie des
    voraussichtlichen Zeitpunkts") takes the case too; without it, or for any other list, None."""
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
    second = None
    if _coordinated_after(doc, index, end):
        # "der Gründe sowie des Zeitpunkts": the second phrase must change too, or it would stay a genitive
        second = index + 2 if coordination and _second_genitive(doc, index, end) else None
        if second is None:
            return None
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
        if known == "f" or (case != "dat" and known != form):
            return None  # only the dative of the masculine and neuter is the same: else the gender must be known
        if known == "m" and accusative_like_nominative(lemma) is False:
            return None  # a weak masculine noun
    elif form == "f":
        new_noun = noun.text
    else:  # plural
        new_noun = noun.text + ("n" if case == "dat" and not noun.text.endswith(("n", "s")) else "")
    words = []
    if determiner is not None:
        new_determiner = declension.determiner(determiner.text, form, case)  # capitalised like the old one
        if new_determiner is None:
            return None
        words.append(new_determiner)
    ein_word = determiner is not None and determiner.lower_[:-2] in declension.EIN_WORDS
    for token in middle:
        if token.tag_ == "ADJA":
            words.append(token.text[:-2] + declension.adjective_ending(form, case, ein_word))
        else:
            words.append(token.text)
    words.append(new_noun)
    if second is not None:
        rest = recase_genitive(doc, second, end, case)
        if rest is None:
            return None
        return [*words, doc[index + 1].text, *rest[0]], rest[1], form
    return words, index, form


def _second_genitive(doc, index: int, end: int) -> bool:
    """The noun at ``index`` is followed by "sowie", "und" or "oder" and a determiner of ``GENITIVE_ONLY``."""
    return index + 2 < end and doc[index + 1].lower_ in {"sowie", "und", "oder"} and \
        doc[index + 2].lower_ in GENITIVE_ONLY


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
    second = after.lower_ in GENITIVE_DETERMINERS or after.tag_ in {"NN", "ADJA"} | DETERMINER_TAGS
    if not second:
        return False  # "oder über das Portal": no second noun phrase
    if following.text != ",":
        return True  # "sowie des Zeitpunkts", "und Kosten"
    # after a comma: a list if a conjunction comes before the next verb, preposition or other
    # punctuation ("einer Untersuchung, Prüfung oder einer Messung"), not an apposition
    # ("Ihrer Mutter, Frau Anna Muster, für ...")
    for token in doc[index + 2:end]:
        if token.lower_ in COORDINATORS or token.tag_ == "KON":
            return True
        if token.tag_.startswith("V") or token.tag_ in {"APPR", "APPRART", "KOUS"} or \
                (token.is_punct and token.text != ","):
            return False
    return False


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
    if determiner.lower_ == "einer" or "-" in noun.text or gender(lemma) is None:
        return None  # "einer" is singular; a hyphenated compound or an unknown noun: HanTa's lemma is no proof
    return "pl"


CURRENCIES = {"EUR", "Euro", "€"}


def swap_amount(doc: "Doc", entry, tokens: list[int], replaced: set[str]) -> Proposal | None:
    """``rewrite_as: amount``: "eine Gebühr in Höhe von 13,00 EUR" -> "eine Gebühr von 13,00 EUR"."""
    after = tokens[-1] + 1
    number = after + 1
    if number < len(doc) and doc[number].text in CURRENCIES:
        number += 1  # "in Höhe von EUR 2,50"
    if number >= len(doc) or doc[after].lower_ != entry.rewrite.lower() or not doc[number].like_num:
        return None
    return Proposal(tokens[0], after + 1, [doc[after].text], applicability(entry), replaced=replaced)


def after_listed(doc, index: int, entry) -> bool:
    """The word before the term is a noun ending in one of ``rewrite_if_after`` (none listed:
    always; ``*``: any noun, "Pass nebst Aufenthaltstitel")."""
    endings = tuple(w.lower() for w in entry.rewrite_if_after)
    if not endings:
        return True
    if index == 0 or doc[index - 1].tag_ != "NN":
        return False
    return "*" in endings or doc[index - 1].lower_.endswith(endings)


def swap_conjunction(doc: "Doc", entry, tokens: list[int], replaced: set[str]) -> Proposal | None:
    """``rewrite_as: conjunction``: "Für den Fall, dass Sie ..." -> "Falls Sie ..."."""
    comma, that = tokens[-1] + 1, tokens[-1] + 2
    if that >= len(doc) or doc[comma].text != "," or doc[that].lower_ != "dass":
        return None
    words = fit_start(doc, tokens[0], entry.rewrite.split())
    return Proposal(tokens[0], that + 1, words, applicability(entry), replaced=replaced)


def swap_duration(doc: "Doc", entry, tokens: list[int], replaced: set[str]) -> Proposal | None:
    """``rewrite_as: duration``: "für einen Zeitraum von fünf Jahren" -> "für fünf Jahre": a number
    and a plural noun follow; the noun's dative plural becomes the accusative plural ("Jahren"
    -> "Jahre", "Wochen" stays); any other form ("von einem Jahr", "Semestern") stops it."""
    number, position = tokens[-1] + 1, tokens[-1] + 2
    if position >= len(doc) or not (doc[number].like_num or doc[number].tag_ == "CARD"):
        return None
    noun = doc[position]
    lemma = noun.lemma_ or ""
    if noun.tag_ != "NN" or not lemma:
        return None
    if noun.text == lemma + "en":
        plural = noun.text[:-1]  # "Jahren" -> "Jahre", "Monaten" -> "Monate"
    elif noun.text == lemma + "n" and lemma.endswith("e"):
        plural = noun.text  # "Wochen"
    else:
        return None
    words = fit_start(doc, tokens[0], [*entry.rewrite.split(), doc[number].text, plural])
    return Proposal(tokens[0], position + 1, words, applicability(entry), replaced=replaced)


# the placeholders of ``rewrite_as: clause``: the noun phrase as subject or as object
CLAUSE_PLACEHOLDERS = {"{np}": "nom", "{np_acc}": "acc"}
# a clause's verb with a plural subject
PLURAL_VERBS = {"ist": "sind", "hat": "haben", "wird": "werden", "kommt": "kommen", "liegt": "liegen"}


def swap_clause(doc: "Doc", entry, tokens: list[int], replaced: set[str]) -> Proposal | None:
    """``rewrite_as: clause``: the term and the genitive noun phrase after it become a clause,
    ``rewrite`` with the noun phrase in the nominative for ``{np}`` (in the accusative for
    ``{np_acc}``: "nach Erhalt des Bescheides," -> ", nachdem Sie den Bescheid bekommen haben,"):
    "binnen drei Wochen nach
    Zugang dieses Schreibens, spätestens ..." -> "binnen drei Wochen, nachdem dieses Schreiben
    bei Ihnen angekommen ist, spätestens ...".  Only inside a sentence, where a comma closes
    the noun phrase (the new clause is closed by it too) or one can be put in before a verb, "zu" +
    infinitive or a preposition that cannot belong to the noun phrase (:func:`_clause_may_close`),
    and, with ``rewrite_if_noun``, for the listed nouns only ("nach Bekanntgabe dieses Bescheides")."""
    first = tokens[0]
    sentence = doc_view(doc).sentence_of(first)
    placeholder = next((p for p in CLAUSE_PLACEHOLDERS if p in entry.rewrite.split()), None)
    if first == sentence.start or doc[first - 1].is_punct or placeholder is None:
        return None
    recased = recase_genitive(doc, tokens[-1] + 1, sentence.end, CLAUSE_PLACEHOLDERS[placeholder])
    if recased is None:
        return None
    phrase_words, last, form = recased
    if last + 1 >= sentence.end or not noun_allowed(entry, doc[last]):
        return None
    closing = doc[last + 1].text == ","
    if not closing and not _clause_may_close(doc, last + 1, sentence.end):
        return None
    words = []
    for word in entry.rewrite.split():
        if form == "pl" and CLAUSE_PLACEHOLDERS[placeholder] == "nom":
            word = PLURAL_VERBS.get(word, word)  # "nachdem Ihre Unterlagen ... angekommen sind"
        words.extend(phrase_words if word == placeholder else [word])
    if not closing:
        words.append(",")  # "binnen 30 Tagen, nachdem Sie diesen Bescheid bekommen haben, zu verlassen"
    # the word before goes into the proposal, so the comma joins it ("Wochen, nachdem")
    return Proposal(first - 1, last + 1, [doc[first - 1].text, ",", *words], applicability(entry), replaced=replaced)


# after these prepositions a comma may close the new clause: they cannot belong to its noun phrase
# ("nach Bekanntgabe dieses Bescheides in Raum 1.05 vorzulegen", "... zwecks Verwahrung"); "vom",
# "über", "an" or a genitive may ("des Bescheides vom 12.05.2024", "des Schreibens an Ihre Mutter")
CLAUSE_CLOSING_PREPOSITIONS = {"in", "im", "zwecks", "bei", "beim"}
CLAUSE_CLOSING_VERBS = ("VVINF", "VVIZU", "VVPP", "VAINF", "VAFIN", "VMFIN", "VVFIN")


def _clause_may_close(doc, index: int, end: int) -> bool:
    """A comma may be put in before token ``index`` to close a new clause: a verb (the end of the
    clause around it), "zu" + infinitive, or a preposition of ``CLAUSE_CLOSING_PREPOSITIONS``."""
    token = doc[index]
    if token.tag_.startswith(CLAUSE_CLOSING_VERBS):
        return True
    if token.tag_ == "PTKZU":
        return index + 1 < end and doc[index + 1].tag_ in {"VVINF", "VAINF"}
    return token.tag_ in {"APPR", "APPRART"} and token.lower_ in CLAUSE_CLOSING_PREPOSITIONS


# the dative ending of a strong (article-less) adjective -> the gender it shows (declension.STRONG_ADJECTIVE)
DATIVE_STRONG = {"em": "m", "er": "f", "en": "pl"}


def swap_article(doc: "Doc", entry, tokens: list[int], replaced: set[str]) -> Proposal | None:
    """``rewrite_as: article``: a preposition with the dative and an empty participle without an
    article ("nach erfolgter Ausreise") become ``rewrite`` and the definite article the participle's
    strong ending shows: "nach der Ausreise", "nach dem Umzug", "nach den Zahlungen".  Only before
    a noun (an adjective between would need its ending changed)."""
    preposition = entry.rewrite.split()[-1].lower()
    adjective = doc[tokens[-1]]
    after = tokens[-1] + 1
    if PREPOSITION_CASE.get(preposition) != "dat" or adjective.tag_ != "ADJA" or after >= len(doc) \
            or doc[after].tag_ != "NN":
        return None
    # HanTa gives an adjective's form as its lemma: the ending is read from the form
    form = next((gender for ending, gender in DATIVE_STRONG.items() if adjective.lower_.endswith(ending)), None)
    if form is None:
        return None
    head = entry.rewrite.split()
    article = declension.ARTICLE[(form, "dat")]
    if (preposition, article) in CONTRACTIONS:
        words = [*head[:-1], CONTRACTIONS[(preposition, article)]]
    else:
        words = [*head, article]
    return Proposal(tokens[0], after, fit_start(doc, tokens[0], words), applicability(entry), replaced=replaced)


# rewrite_as modes of lexicon entries handled here (called by einfach.rewrite.swaps.rewrite_lexicon)
PHRASE_MODES = {"preposition": swap_preposition, "amount": swap_amount, "conjunction": swap_conjunction,
                "duration": swap_duration, "clause": swap_clause, "article": swap_article}
