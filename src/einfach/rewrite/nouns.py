"""Lexicon swaps that re-inflect a noun phrase (issue 14, fourth step).

Called by :func:`einfach.rewrite.swaps.rewrite_lexicon` for the entry's ``rewrite_as``:

* ``noun``: a feminine noun becomes a masculine or neuter one, its determiner and adjectives
  re-inflected from ``genus.yml`` in the case the phrase shows ("zur persönlichen Vorsprache" ->
  "zum persönlichen Besuch", "am Tag der Vorsprache" -> "am Tag des Besuchs");
* ``dissolve``: a feminine noun of action goes and its genitive attribute takes its place and
  case ("Antrag auf Erteilung einer Aufenthaltserlaubnis" -> "Antrag auf eine
  Aufenthaltserlaubnis", "für die Erteilung des Visums" -> "für das Visum");
* ``name``: a noun with its article becomes a name without one ("in das Bundesgebiet" ->
  "nach Deutschland", "aus dem Bundesgebiet" -> "aus Deutschland");
* ``drop``: a formula word goes inside the clause ("werden Sie hiermit erinnert" -> "werden Sie
  erinnert") and is replaced by ``rewrite`` where it opens the sentence ("Hiermit wird …" ->
  "Mit diesem Brief wird …"), so the finite verb stays second.

HanTa gives no case: it is read from the determiner (a feminine "die" is nominative or
accusative, "der" dative or genitive), the preposition before it (dative or genitive
prepositions; any preposition before "die" governs the accusative) or a noun before it (a
genitive attribute).  Where that leaves the case open in a way the new form would show
(nominative or accusative of a masculine noun), no rewrite is offered.  The determiner and
adjective endings are the closed German paradigms of ``declension.py`` (``docs/rewrites.md``
says why no inflection package is used); a masculine or neuter genitive adds "-s" and is
refused for nouns ending in a sibilant, whose ending could be "-es".
"""

from __future__ import annotations

from .edits import REVIEW, Proposal
from . import declension
from .morph import DETERMINER_TAGS, capitalise

GENITIVE_PREPOSITIONS = {"wegen", "während", "trotz", "innerhalb", "außerhalb", "aufgrund", "anlässlich",
                         "bezüglich", "hinsichtlich", "mittels", "seitens", "zwecks", "statt", "anstatt",
                         "infolge", "binnen", "zugunsten", "oberhalb", "unterhalb", "angesichts"}
# determiners of a feminine singular noun: nominative/accusative and dative/genitive forms
FEMININE_NOM_ACC = {"die", "eine", "keine", "diese", "jene", "jede", "meine", "deine", "seine", "ihre",
                    "unsere", "welche"}
FEMININE_DAT_GEN = {"der", "einer", "keiner", "dieser", "jener", "jeder", "meiner", "deiner", "seiner",
                    "ihrer", "unserer"}
# genitive determiners of a masculine or neuter singular noun
MASCULINE_NEUTER_GENITIVE = {"des", "eines", "keines", "dieses", "jenes", "jedes", "meines", "deines", "seines",
                             "ihres", "unseres"}
# contractions of a preposition with the feminine dative article, and with the masculine/neuter one
CONTRACTED = {"zur": "zum"}
# preposition + dative article -> the usual contraction ("zu dem Bescheid" -> "zum Bescheid")
DATIVE_CONTRACTIONS = {"zu": "zum", "von": "vom", "bei": "beim", "in": "im", "an": "am"}
# a preposition before a bare noun of action that `noun` may give the contracted article (_bare_after_preposition)
BARE_CONTRACTIONS = {"bei": "beim"}
COUNTRY_CONTRACTIONS = {"im": "in", "ins": "nach", "vom": "von", "zum": "zu", "beim": "bei"}


def _adjective(token, old_ending: str, new_ending: str) -> str | None:
    if token.tag_ != "ADJA" or not token.lower_.endswith(old_ending):
        return None
    return token.text[:len(token.text) - len(old_ending)] + new_ending


def _feminine_case(doc, determiner) -> str | None:
    """The case of a feminine singular phrase from its determiner and what stands before it:
    "nom/acc" when it stays open, else "acc", "dat" or "gen"; None if unclear."""
    before = doc[determiner.i - 1] if determiner.i > 0 else None
    preposition = before is not None and before.tag_ == "APPR"
    if determiner.lower_ in FEMININE_NOM_ACC:
        return "acc" if preposition else "nom/acc"
    if determiner.lower_ in FEMININE_DAT_GEN:
        if preposition:
            return "gen" if before.lower_ in GENITIVE_PREPOSITIONS else "dat"
        if before is not None and before.tag_ in {"NN", "NE"}:
            return "gen"  # a genitive attribute: "am Tag der Vorsprache"
    return None


def _genitive_phrase(doc, position: int, end: int, between_tags: set[str]):
    """(determiner, the words between, head noun) of the noun phrase at ``position``: a
    determiner, words of ``between_tags`` (adjectives must end in -en, as in the genitive), one
    noun not followed by another; None otherwise."""
    if position >= end or doc[position].tag_ not in DETERMINER_TAGS:
        return None
    article = doc[position]
    position += 1
    between = []
    while position < end and doc[position].tag_ in between_tags:
        if doc[position].tag_ == "ADJA" and not doc[position].lower_.endswith("en"):
            return None
        between.append(doc[position])
        position += 1
    if position >= end or doc[position].tag_ != "NN" or (position + 1 < end and doc[position + 1].tag_ == "NN"):
        return None
    return article, between, doc[position]


def _refers_back(doc, noun) -> bool:
    """A relative or personal pronoun later in the sentence may point back to the noun with its
    old gender ("eine Vorsprache, die …"): the swap would break the agreement."""
    from ..nlp.view import doc_view

    end = doc_view(doc).sentence_of(noun.i).end
    following = [t for t in doc[noun.i + 1:end] if not t.is_space]
    if len(following) >= 2 and following[0].text == "," and following[1].tag_ in {"PRELS", "PRELAT"}:
        return True
    return any(t.tag_ == "PPER" and t.text == "sie" for t in following)


def swap_noun(doc, entry, tokens: list[int], replaced) -> Proposal | None:
    """A feminine noun -> a masculine or neuter one, determiner and adjectives re-inflected."""
    from ..rules.kinds.wordinfo import gender

    noun = doc[tokens[0]]
    new_gender = gender(entry.rewrite)
    if len(tokens) != 1 or noun.text != entry.term or gender(entry.term) != "f" or new_gender not in {"m", "n"}:
        return None
    if _refers_back(doc, noun):
        return None
    position = noun.i - 1
    while position >= 0 and doc[position].tag_ == "ADJA":
        position -= 1
    if position < 0:
        return None
    determiner = doc[position]
    adjectives = list(doc[position + 1:noun.i])
    if determiner.tag_ in {"APPRART", "ADV"} and determiner.lower_ in CONTRACTED:  # "Zur" opening a sentence: ADV
        case, new_determiner, kind = "dat", CONTRACTED[determiner.lower_], "article"
        if determiner.text[:1].isupper():
            new_determiner = capitalise(new_determiner)
    elif determiner.tag_ in DETERMINER_TAGS or determiner.tag_ == "PIS" and determiner.lower_ in {"eine", "einer"}:
        # "von einer Vorsprache": HanTa reads "einer" before a noun it takes for a verb as a pronoun
        case = _feminine_case(doc, determiner)
        if case == "nom/acc":
            case = "acc" if new_gender == "n" else None  # neuter: nominative = accusative
        found = declension.stem(determiner.text)
        if case is None or found is None:
            return None
        kind = found[1]
        new_determiner = declension.determiner(determiner.text, new_gender, case)
    elif position == noun.i - 1 and determiner.tag_ == "APPR" and determiner.lower_ in BARE_CONTRACTIONS:
        return _bare_after_preposition(doc, entry, noun, determiner, replaced)
    else:
        return None  # no article after another word: one would have to be added
    old_ending = "en" if case in {"dat", "gen"} else "e"
    words = [new_determiner]
    for adjective in adjectives:
        word = _adjective(adjective, old_ending, declension.adjective_ending(new_gender, case, kind == "ein-word"))
        if word is None:
            return None
        words.append(word)
    start = determiner.i
    preposition = doc[start - 1] if start > 0 else None
    coordinated = noun.i + 1 < len(doc) and doc[noun.i + 1].tag_ == "KON"  # "bei dem Antrag und der Abrechnung"
    if words[0] == "dem" and preposition is not None and preposition.tag_ == "APPR" and \
            preposition.lower_ in DATIVE_CONTRACTIONS and not coordinated:
        start = preposition.i  # "bei der Antragstellung" -> "beim Antrag", not "bei dem Antrag"
        contracted = DATIVE_CONTRACTIONS[preposition.lower_]
        words[0] = capitalise(contracted) if preposition.text[:1].isupper() else contracted
    new_noun = entry.rewrite
    if case == "gen":
        if new_noun.endswith(("s", "ß", "x", "z")):
            return None  # "-es" or "-" : not sure
        new_noun += "s"
    words.append(new_noun)
    return Proposal(start, noun.i + 1, words, REVIEW, replaced=replaced([noun.i]))


def _bare_after_preposition(doc, entry, noun, preposition, replaced) -> Proposal | None:
    """"bei Antragstellung" -> "beim Antrag": a bare feminine noun of action right after "bei" means
    the one event the sentence speaks of, as "bei der Antragstellung" does; the masculine or neuter
    noun takes the contraction.  Not where another noun is coordinated with it ("bei Antragstellung
    und Zahlung": the second would lack its article)."""
    following = doc[noun.i + 1] if noun.i + 1 < len(doc) else None
    if following is not None and (following.tag_ == "KON" or following.lower_ in {"sowie", "bzw", "bzw."}):
        return None
    contracted = BARE_CONTRACTIONS[preposition.lower_]
    words = [capitalise(contracted) if preposition.text[:1].isupper() else contracted, entry.rewrite]
    return Proposal(preposition.i, noun.i + 1, words, REVIEW, replaced=replaced([noun.i]))


def dissolve(doc, entry, tokens: list[int], replaced) -> Proposal | None:
    """"(die) Erteilung + genitive" -> the genitive phrase in the place and case of the noun
    (nominative or accusative only: "die"/"eine" before the noun, or none after "auf"/"für")."""
    from ..rules.kinds.wordinfo import accusative_like_nominative, gender

    from .swaps import preceded_as_listed

    noun = doc[tokens[0]]
    if len(tokens) != 1 or noun.text != entry.term or noun.i == 0:
        return None
    before = doc[noun.i - 1]
    listed = preceded_as_listed(doc, noun.i, entry)
    if not listed and not (before.tag_ in DETERMINER_TAGS and before.lower_ == "die"):
        return None  # the object of a verb of rewrite_object_of: "die Ausstellung eines Passes beantragen"
    if before.tag_ in DETERMINER_TAGS and before.lower_ in {"die", "eine"}:
        start = before.i
        preposition = start > 0 and doc[start - 1].tag_ == "APPR"
        case = "acc" if preposition else "nom/acc"
    elif before.tag_ == "APPR" and before.lower_ in {"auf", "für"}:
        start, case = noun.i, "acc"  # "Antrag auf Erteilung einer …"
    else:
        return None
    from ..nlp.view import doc_view

    end = doc_view(doc).sentence_of(noun.i).end
    phrase = _genitive_phrase(doc, noun.i + 1, end, {"ADJA"})
    if phrase is None:
        return None
    article, adjectives, head = phrase
    if not listed:
        if not _object_of(doc, head.i + 1, end, entry.rewrite_object_of):
            return None
        case = "acc"  # the object of an infinitive: "die Ausstellung eines Reisepasses zu beantragen"
    lemma = head.lemma_ or head.text
    head_gender = gender(lemma)
    form = article.lower_
    found = declension.stem(article.text)
    if head_gender is None or found is None:
        return None
    kind = found[1]
    if form in FEMININE_DAT_GEN and (head_gender != "f" or head.text != lemma):
        # a plural genitive ("der Unterlagen"): "die Unterlagen", adjectives keep "-en"
        if kind == "ein-word" and found[0] == "ein":
            return None
        new_article = article.text[:-1] if kind != "article" else ("Die" if article.text[0].isupper() else "die")
        words = [new_article, *(a.text for a in adjectives), head.text]
    elif form in FEMININE_DAT_GEN:
        new_article = article.text[:-1] if kind != "article" else ("Die" if article.text[0].isupper() else "die")
        words = [new_article, *(a.text[:-1] for a in adjectives), head.text]
    elif form in MASCULINE_NEUTER_GENITIVE and head_gender in {"m", "n"}:
        if head.text not in {lemma + "s", lemma + "es"}:
            return None
        if head_gender == "m" and (case != "acc" or not accusative_like_nominative(lemma)):
            return None  # nominative or accusative of a masculine noun: open; weak nouns: not sure
        new_case = "acc"
        new_article = declension.determiner(article.text, head_gender, new_case)
        ending = declension.adjective_ending(head_gender, new_case, kind == "ein-word")
        words = [new_article, *(a.text[:-2] + ending for a in adjectives), lemma]
    else:
        return None
    if start == noun.i - 1 and doc[start].text[:1].isupper():
        words[0] = capitalise(words[0])
    return Proposal(start, head.i + 1, words, REVIEW, replaced=replaced([noun.i]))


# the forms of "sein" after which "zu" + infinitive is a passive duty whose noun phrase is the subject
SEIN_FORMS = {"ist", "sind", "war", "waren", "wäre", "wären", "sei", "seien"}


def _object_of(doc, position: int, end: int, verbs) -> bool:
    """An infinitive of one of ``verbs`` follows at ``position`` ("beantragen", "zu beantragen",
    "anzumelden"): the noun phrase before it is its accusative object (an infinitive has no subject).
    Not where "werden" or "sein" follows ("beantragen werden" may be the future of a subject;
    "zu beantragen ist" is a duty of which the phrase is the subject)."""
    wanted = {w.lower() for w in verbs}
    index = position + (position < end and doc[position].tag_ == "PTKZU")
    if index >= end or doc[index].tag_ not in {"VVINF", "VVIZU"} or (doc[index].lemma_ or "").lower() not in wanted:
        return False
    following = doc[index + 1] if index + 1 < end else None
    return following is None or not (following.tag_.startswith("VA") or following.lower_ in SEIN_FORMS)


def swap_name(doc, entry, tokens: list[int], replaced) -> Proposal | None:
    """"das Bundesgebiet" -> "Deutschland": the article goes, "in das"/"ins" becomes "nach"."""
    noun = doc[tokens[0]]
    if len(tokens) != 1 or noun.text != entry.term or noun.i == 0:
        return None
    before = doc[noun.i - 1]
    name = entry.rewrite
    if before.tag_ == "APPRART" and before.lower_ in COUNTRY_CONTRACTIONS:
        preposition = COUNTRY_CONTRACTIONS[before.lower_]
        words = [capitalise(preposition) if before.text[:1].isupper() else preposition, name]
        return Proposal(before.i, noun.i + 1, words, REVIEW, replaced=replaced([noun.i]))
    if before.tag_ != "ART" or before.lower_ not in {"das", "dem", "des"}:
        return None  # "im gesamten Bundesgebiet": the adjective would need its noun
    if before.lower_ == "des":
        return Proposal(before.i, noun.i + 1, [name + "s"], REVIEW, replaced=replaced([noun.i]))
    preposition = doc[before.i - 1] if before.i > 0 else None
    if preposition is not None and preposition.tag_ == "APPR" and preposition.lower_ == "in" and before.lower_ == "das":
        word = "Nach" if preposition.text[:1].isupper() else "nach"
        return Proposal(preposition.i, noun.i + 1, [word, name], REVIEW, replaced=replaced([noun.i]))
    return Proposal(before.i, noun.i + 1, [name], REVIEW, replaced=replaced([noun.i]))


def drop(doc, entry, tokens: list[int], replaced, at_start) -> Proposal | None:
    """"hiermit" goes inside the clause; where it opens the sentence (or follows a comma or
    colon) it becomes ``rewrite`` ("Mit diesem Brief"), keeping the verb in second place.  A term
    of several words goes only inside the clause ("Ihres oben genannten Antrags" -> "Ihres Antrags")."""
    word = doc[tokens[0]]
    if tokens != list(range(tokens[0], tokens[-1] + 1)):
        return None
    previous = doc[word.i - 1] if word.i > 0 else None
    if at_start(word.i) or previous is None or previous.is_punct or previous.is_space:
        if len(tokens) != 1:
            return None
        words = entry.rewrite.split()
        if word.text[:1].isupper():
            words[0] = capitalise(words[0])
        return Proposal(word.i, word.i + 1, words, REVIEW, replaced=replaced([word.i]))
    return Proposal(previous.i, tokens[-1] + 1, [previous.text], REVIEW, replaced=replaced(tokens))


def genitive_to_dative(doc, entry, tokens: list[int], replaced) -> Proposal | None:
    """A genitive preposition before a masculine or neuter singular noun -> ``rewrite`` (a dative
    preposition) with the phrase in the dative ("bezüglich Ihres Antrags" -> "zu Ihrem Antrag",
    "bezüglich dieses Bescheides" -> "zu diesem Bescheid"): the determiner's ending -es becomes
    -em, adjectives keep -en, the noun loses its genitive -s/-es (its lemma, when HanTa's lemma
    plus the ending gives the word).  Gender from ``genus.yml``; weak nouns and unknown ones stay."""
    from ..nlp.view import doc_view
    from ..rules.kinds.wordinfo import accusative_like_nominative, gender

    end = doc_view(doc).sentence_of(tokens[0]).end
    bare = tokens[-1] + 1
    if bare + 1 < end and doc[bare].tag_ in {"NN", "NE"} and doc[bare + 1].tag_ in {"KON", "$.", "$,", "APPR"} \
            and entry.rewrite in {"mit", "durch"}:
        # a bare noun shows no case ("mittels Girocard oder Kreditkarte" -> "mit Girocard ...")
        words = [capitalise(entry.rewrite) if doc[tokens[0]].text[:1].isupper() else entry.rewrite]
        return Proposal(tokens[0], tokens[-1] + 1, words, REVIEW, replaced=replaced(tokens))
    phrase = _genitive_phrase(doc, tokens[-1] + 1, end, {"ADJA", "ADV", "ADJD"})  # "Ihres oben genannten"
    if phrase is None or phrase[0].lower_ not in MASCULINE_NEUTER_GENITIVE:
        return None
    article, between, head = phrase
    middle = [t.text for t in between]
    lemma = head.lemma_ or head.text
    noun_gender = gender(lemma)
    if noun_gender not in {"m", "n"} or head.text not in {lemma + "s", lemma + "es"} or \
            not accusative_like_nominative(lemma) or (between and between[-1].tag_ != "ADJA"):
        return None
    determiner = declension.determiner(article.text, noun_gender, "dat")
    words = entry.rewrite.split()
    if article.lower_ == "des" and words[-1] in DATIVE_CONTRACTIONS:
        words[-1:] = [DATIVE_CONTRACTIONS[words[-1]]]
    else:
        words.append(determiner)
    if doc[tokens[0]].text[:1].isupper():
        words[0] = capitalise(words[0])
    return Proposal(tokens[0], head.i + 1, [*words, *middle, lemma], REVIEW, replaced=replaced(tokens))
