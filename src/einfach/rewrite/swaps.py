"""Word swaps: abbreviations, Amtsdeutsch, Funktionsverbgefüge, "Sollten Sie", litotes.

A lexicon entry is swapped only when it names its replacement (``rewrite``,
see ``docs/lexicons.md``); ``rewrite_as`` says how the replacement is fitted
into the sentence:

* ``word`` (default): put in as written ("z. B." -> "zum Beispiel",
  "gemäß" -> "nach"); capitalised at the start of a sentence;
* ``adjective``: an attributive adjective takes the old one's ending
  ("etwaige Änderungen" -> "mögliche Änderungen");
* ``possessive``: article + adjective become the possessive determiner in the
  case and number the article shows ("der hiesigen Behörde" -> "unserer
  Behörde");
* ``verb`` (Funktionsverbgefüge): the noun part with its article goes, the
  light verb becomes the plain verb in the same form and place, with a
  separable particle at the end of the clause ("setzen wir Sie in Kenntnis"
  -> "informieren wir Sie"; "nehmen eine Prüfung vor" -> "prüfen").  Only
  forms whose ending need not be worked out: the plural present (= the
  infinitive), the infinitive, zu + infinitive, the participle of a regular
  verb.

``rewrite_tags`` restricts the swap to words with these STTS tags (``laut``
only as a preposition), ``rewrite_not_before`` to words not followed by one
of the listed words ("binnen eines Monats" is a genitive),
``rewrite_before`` to words followed by a word ending in one of the listed
endings ("hiesige Behörde" -> "unsere Behörde", not "hiesiger Arbeitsmarkt"), and
``rewrite_after`` lists prepositions that may follow the noun of a
Funktionsverbgefüge ("eine Entscheidung über ... treffen").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

from ..nlp.syntax import clauses
from ..nlp.view import doc_view
from .declension import ARTICLE, DIES_ENDING, DIES_WORDS, ending_of
from .edits import REVIEW, SURE, Proposal
from .morph import GENITIVE_ONLY, GENITIVE_STARTS, capitalise, present_plural, split_separable
from .phrases import PHRASE_MODES, after_listed, applicability, fit_start

# article form + adjective ending (of the swapped adjective) -> possessive determiner ending
POSSESSIVE_ENDINGS = {
    ("der", "en"): "er", ("der", "e"): "", ("die", "e"): "e", ("die", "en"): "e", ("das", "e"): "",
    ("den", "en"): "en", ("dem", "en"): "em", ("des", "en"): "es",
}

# a dies-word ("dies" -> "dieser") takes the ending the definite article shows
# (each article form shows one dies-word ending in every case and gender it stands for)
DIES_ENDINGS = {ARTICLE[key]: DIES_ENDING[key] for key in ARTICLE}


def _at_start(doc: "Doc", index: int) -> bool:
    return doc_view(doc).at_sentence_start(index)


def _next_word(doc, index: int) -> str:
    return doc[index].lower_ if index < len(doc) else ""


def rewrite_abbreviation(doc: "Doc", start: int, end: int, kind, parameters: dict) -> Proposal | None:
    """"z. B." -> "zum Beispiel": the entry's ``rewrite``, as written (sure)."""
    entry = _dotted_entry(kind, doc, start, end)
    if entry is None or not entry.rewrite or not entry.swap:
        return None
    if entry.rewrite.startswith("wenn ") and end < len(doc) and doc[end].tag_ == "ADJA":
        return None  # "ggf. anfallende Kosten": "wenn nötig" cannot stand before an adjective
    words = fit_start(doc, start, entry.rewrite.split())
    sentence = doc_view(doc).sentence_of(start)
    if end == sentence.end or all(t.is_space for t in doc[end:sentence.end]):
        words = words + ["."]  # "usw." closed the sentence: its period was the sentence's
    return Proposal(start, end, words, SURE, replaced=_lemmas(doc, range(start, end)))


def _dotted_entry(kind, doc, start: int, end: int):
    dotted = getattr(kind, "dotted", None)
    if not dotted:
        return None
    compact = "".join(t.text for t in doc[start:end])
    return dotted.get(compact)


def _lexicon_hit(doc, start: int, end: int, kind):
    """(entry, matched token indices) of the lexicon hit at ``start``..``end``."""
    data = doc._.einfach_data or {}
    for (s, e, _rule), item in data.items():
        if s == start and e == end and "entry" in item["values"] and getattr(kind, "lexicon", None) is not None:
            entry = item["values"]["entry"]
            if id(entry) in kind.entry_ids:  # one of this rule's entries
                return entry, sorted(item["values"]["tokens"])
    return None, None


def rewrite_lexicon(doc: "Doc", start: int, end: int, kind, parameters: dict) -> Proposal | None:
    entry, tokens = _lexicon_hit(doc, start, end, kind)
    if entry is None or not entry.rewrite or not entry.swap:
        return None
    tokens = _with_articles(doc, tokens)
    first = doc[tokens[0]]
    contiguous = tokens == list(range(tokens[0], tokens[-1] + 1))
    verb_term = _verb_term(doc, entry, tokens) if (entry.rewrite_as or "word") == "verb" else None
    if not contiguous and verb_term is None:
        return None  # a term in pieces is no simple swap, except a verb with its separated particle or its "zu"
    if entry.rewrite_tags and first.tag_ not in entry.rewrite_tags:
        return None
    following = _next_word(doc, tokens[-1] + 1)
    if entry.rewrite_genitive and following in GENITIVE_ONLY and (entry.rewrite_as or "word") == "word":
        # "binnen eines Monats" -> "innerhalb eines Monats": the new preposition takes the same genitive
        words = fit_start(doc, tokens[0], entry.rewrite_genitive.split())
        return Proposal(tokens[0], tokens[-1] + 1, words, applicability(entry), replaced=_lemmas(doc, tokens))
    if following in entry.rewrite_not_before:
        return None
    if entry.rewrite_before and not following.endswith(tuple(w.lower() for w in entry.rewrite_before)):
        return None  # "der hiesigen Behörde" is ours, "der hiesige Arbeitsmarkt" is not
    if not after_listed(doc, tokens[0], entry):
        return None  # "eine Gebühr in Höhe von", not "die Aufenthaltserlaubnis in Höhe von"
    if entry.rewrite_if_words and not _sentence_has(doc, tokens[0], entry.rewrite_if_words):
        return None  # "Gebühren erheben" -> "fordern", but "Widerspruch erheben" stays
    if entry.rewrite_not_near and _near(doc, tokens, entry.rewrite_not_near):
        return None  # "A und B sowie C" -> "A und B und C" loses the grouping
    if not preceded_as_listed(doc, tokens[0], entry) and not entry.rewrite_object_of:
        return None  # "Antrag auf Erteilung einer Erlaubnis", but not "die Erteilung dauert"
    mode = entry.rewrite_as or "word"
    if mode in NOUN_MODES:
        return _noun_mode(doc, entry, tokens, mode)
    if mode == "preposition":  # a bare noun shows no case: "mittels Girocard oder Kreditkarte" (nouns.py)
        return PHRASE_MODES[mode](doc, entry, tokens, _lemmas(doc, tokens)) or _bare_dative(doc, entry, tokens)
    if mode in PHRASE_MODES:
        return PHRASE_MODES[mode](doc, entry, tokens, _lemmas(doc, tokens))
    if mode == "word":
        noun = first.tag_ in {"NN", "NE"} or (entry.term[:1].isupper() and len(tokens) == 1)  # or read as a verb
        if noun and not _noun_swap_fits(doc, first, entry):
            return None
        if entry.rewrite.startswith("wenn ") and tokens[-1] + 1 < len(doc) and doc[tokens[-1] + 1].tag_ == "ADJA":
            return None  # "gegebenenfalls anfallende Kosten": "wenn nötig" cannot stand before an adjective
        words = fit_start(doc, tokens[0], entry.rewrite.split())
        return Proposal(tokens[0], tokens[-1] + 1, words, applicability(entry), replaced=_lemmas(doc, tokens))
    if mode == "verb" and verb_term is not None:
        verb, kept = verb_term
        sentence = doc_view(doc).sentence_of(verb.i)
        clause = next((c for c in clauses(sentence) if verb in c), None)
        if clause is None:
            return None
        return _swap_verb(doc, entry, verb, clause, set(tokens) - {verb.i} - kept, [verb])
    if mode == "adjective" and len(tokens) == 1 and first.tag_ in {"ADJD", "ADV"}:
        return Proposal(tokens[0], tokens[0] + 1, fit_start(doc, tokens[0], [entry.rewrite]), REVIEW,
                        replaced=_lemmas(doc, tokens))
    if mode == "adjective" and (first.tag_ == "PIAT" or entry.rewrite == "all") and _next_word(doc, tokens[-1] + 1) \
            and doc[tokens[-1] + 1].tag_ == "ADJA" and not doc[tokens[-1] + 1].lower_.endswith("en"):
        return None  # "sämtlicher verwandtschaftlicher Beziehungen": after "aller" it would be "-en"
    if mode == "adjective" and len(tokens) == 1 and first.tag_ in {"ADJA", "PIAT"}:  # "sämtliche" -> "alle"
        ending = ending_of(first.lower_, first.lemma_ or "")
        if ending is None:
            return None
        words = fit_start(doc, tokens[0], [entry.rewrite + ending])
        return Proposal(tokens[0], tokens[0] + 1, words, REVIEW, replaced=_lemmas(doc, tokens))
    adjective = doc[tokens[-1]]
    if mode == "possessive" and adjective.tag_ == "ADJA" and tokens[0] > 0 and \
            all(doc[i].tag_ == "ADV" for i in tokens[:-1]):  # "der hiesigen", "den hier vorliegenden"
        article = doc[tokens[0] - 1]
        lemma = (adjective.lemma_ or "").lower()
        if article.tag_ != "ART" or not adjective.lower_.startswith(lemma):
            return None
        if entry.rewrite in DIES_WORDS:
            # a dies-word declines like the article: its ending is the article's ("der vorstehenden
            # Anordnungen" -> "dieser Anordnungen", "das vorstehende Schreiben" -> "dieses Schreiben")
            ending = DIES_ENDINGS.get(article.lower_)
        else:
            ending = POSSESSIVE_ENDINGS.get((article.lower_, adjective.lower_[len(lemma):]))
        if ending is None:
            return None
        words = fit_start(doc, article.i, [entry.rewrite + ending])
        return Proposal(article.i, tokens[-1] + 1, words, REVIEW, replaced=_lemmas(doc, tokens))
    return None


def _verb_term(doc, entry, tokens: list[int]):
    """(the one full verb of a verb term, the token indices that stay) or None.  The verb is the
    term's first word ("übersenden", "sehen ... ab"), or its last where the words before it are no
    verb ("geltend machen", "geltend zu machen": "geltend" goes, "machen" takes the new verb's form;
    between them only "zu" may stand).  A term of a noun and a verb ("Termin wahrnehmen") keeps its
    noun, the verb's object, where it stands ("nehmen Sie den Termin wahr" -> "halten Sie den
    Termin ein")."""
    words = entry.term.split()
    noun_first = len(words) == 2 and words[0][:1].isupper() and words[1][:1].islower()
    kept = {i for i in tokens if doc[i].tag_ == "NN"} if noun_first else set()
    rest = [i for i in tokens if i not in kept]
    if not rest or len(kept) > 1:
        return None
    first, last = doc[rest[0]], doc[rest[-1]]
    if first.tag_.startswith("VV"):
        return first, kept
    if not last.tag_.startswith("VV") or any(doc[i].tag_.startswith("V") for i in rest[:-1]):
        return None
    gaps = [i for i in range(rest[0], rest[-1] + 1) if i not in rest]
    if all(doc[i].tag_ == "PTKZU" for i in gaps):
        return last, kept
    return None


def _with_articles(doc, tokens: list[int]) -> list[int]:
    """The matched tokens with the articles the matcher skips between them ("für [den] Fall")."""
    gaps = [i for i in range(tokens[0], tokens[-1] + 1) if i not in tokens]
    if gaps and all(doc[i].tag_ == "ART" for i in gaps):
        return list(range(tokens[0], tokens[-1] + 1))
    return tokens


NOUN_MODES = {"noun", "dissolve", "name", "drop"}


def _noun_mode(doc, entry, tokens: list[int], mode: str) -> Proposal | None:
    """The swaps that re-inflect a noun phrase (``einfach.rewrite.nouns``)."""
    from . import nouns

    def replaced(indices):
        return _lemmas(doc, indices)

    if mode == "drop":
        return nouns.drop(doc, entry, tokens, replaced, lambda i: _at_start(doc, i))
    function = {"noun": nouns.swap_noun, "dissolve": nouns.dissolve, "name": nouns.swap_name,
                "dative": nouns.genitive_to_dative}[mode]
    proposal = function(doc, entry, tokens, replaced)
    if proposal is not None and _at_start(doc, proposal.start) and doc[proposal.start].text[:1].isupper():
        proposal.words = [capitalise(proposal.words[0]), *proposal.words[1:]]
    return proposal


NEAR = 6  # words either side that rewrite_not_near looks at


def _near(doc, tokens: list[int], words) -> bool:
    """One of ``words`` stands within NEAR words of the term, in its sentence."""
    sentence = doc_view(doc).sentence_of(tokens[0])
    wanted = {w.lower() for w in words}
    start, end = max(sentence.start, tokens[0] - NEAR), min(sentence.end, tokens[-1] + 1 + NEAR)
    return any(doc[i].lower_ in wanted and not doc[i - 1].text.endswith("-")  # "Rechts- und Gesellschaftsordnung"
               for i in range(start, end) if i not in tokens)


def preceded_as_listed(doc, index: int, entry) -> bool:
    """The word before the term (an article skipped) is one of ``rewrite_preceded_by`` (none listed: always)."""
    return not entry.rewrite_preceded_by or _word_before(doc, index) in {w.lower() for w in entry.rewrite_preceded_by}


def _word_before(doc, index: int) -> str:
    """The word before token ``index``, skipping an article ("für die Erteilung" -> "für")."""
    position = index - 1
    if position >= 0 and doc[position].tag_ == "ART":
        position -= 1
    return doc[position].lower_ if position >= 0 else ""


def _sentence_has(doc, index: int, words) -> bool:
    """One of ``words`` (lemmas or forms, lowercase) stands in the sentence of token ``index``."""
    wanted = {w.lower() for w in words}
    return any(t.lower_ in wanted or (t.lemma_ or "").lower() in wanted for t in doc_view(doc).sentence_of(index))


def _bare_dative(doc, entry, tokens: list[int]) -> Proposal | None:
    """A genitive preposition before a bare noun (no determiner) -> ``rewrite`` (nouns.py)."""
    after = tokens[-1] + 1
    if after < len(doc) and doc[after].tag_ in {"NN", "NE"}:
        return _noun_mode(doc, entry, tokens, "dative")
    return None


def _noun_swap_fits(doc, noun, entry) -> bool:
    """A noun is swapped in its base form only, and with a determiner or adjective before it only
    when both nouns have the same gender ("das Lichtbild" -> "das Foto")."""
    from ..rules.kinds.wordinfo import gender

    if noun.text != entry.term:
        return False
    previous = doc[noun.i - 1] if noun.i > 0 else None
    if previous is None or previous.tag_ not in {"ART", "PPOSAT", "PDAT", "PIAT", "ADJA", "APPRART"}:
        return True
    old, new = gender(entry.term), gender(entry.rewrite)
    return old is not None and old == new


def _lemmas(doc, indices) -> set[str]:
    """The lemmas of replaced tokens (a separated verb's joined lemma too): the safety check lets them go."""
    from ..nlp.syntax import lemma_of, particle_verbs

    result = set()
    for i in indices:
        joined = particle_verbs(doc_view(doc).sentence_of(i))
        result |= {(doc[i].lemma_ or doc[i].text).lower(), lemma_of(doc[i], joined)}
    return result


def rewrite_light_verb(doc: "Doc", start: int, end: int, kind, parameters: dict) -> Proposal | None:
    """Funktionsverbgefüge -> the plain verb in the light verb's place and form."""
    entry, tokens = _lexicon_hit(doc, start, end, kind)
    if entry is None or not entry.rewrite or not entry.swap or (entry.rewrite_as or "verb") != "verb":
        return None
    matched = [doc[i] for i in tokens]
    verbs = [t for t in matched if t.tag_.startswith("VV")]
    if len(verbs) != 1:
        return None
    verb = verbs[0]
    nouns = [t for t in matched if t.tag_ in {"NN", "NE"}]
    if len(nouns) != 1:
        return None
    noun = nouns[0]
    sentence = doc_view(doc).sentence_of(verb.i)
    clause = next((c for c in clauses(sentence) if verb in c), None)
    if clause is None or noun not in clause:
        return None
    following = doc[noun.i + 1] if noun.i + 1 < len(doc) else None
    if following is not None and (following.lower_ in GENITIVE_STARTS or
                                  (following.tag_ in {"APPR", "APPRART"} and following.lower_ not in entry.rewrite_after)):
        return None
    # the noun part: the matched words before the verb-independent noun, with its article
    removed = {t.i for t in matched if t.i != verb.i}
    before = noun.i - 1
    if before >= 0 and doc[before].tag_ == "ART" and before not in removed:
        removed.add(before)
    elif before >= 0 and doc[before].tag_ in {"ADJA", "PPOSAT", "PDAT", "PIAT"}:
        return None  # "eine schnelle Entscheidung": the adjective would lose its noun
    if _coordinated(doc, min(removed), noun):
        return None  # "Widerspruch oder Klage erheben": the other noun would lose its verb
    return _swap_verb(doc, entry, verb, clause, removed, matched)


def _coordinated(doc, first: int, noun) -> bool:
    """The noun part (from token ``first`` to ``noun``) is coordinated with another phrase that
    depends on the same verb: a conjunction ("und", "oder", "bzw.", "sowie") or a list comma
    right before or after it."""
    neighbours = [doc[i] for i in (first - 1, noun.i + 1) if 0 <= i < len(doc)]
    return any(t.tag_ == "KON" or t.lower_ in {"bzw", "bzw.", "sowie", "/"} for t in neighbours)


def _swap_verb(doc, entry, verb, clause, removed: set[int], matched) -> Proposal | None:
    """``verb`` becomes ``entry.rewrite`` in the same form; the ``removed`` tokens go."""
    new_prefix, new_stem = split_separable(entry.rewrite)
    light = (verb.lemma_ or "").lower()
    form = verb.lower_
    particle = ""
    if verb.tag_ in {"VVFIN", "VVIMP"} and form == light and _plural_subject(clause, verb):
        if _verb_last(clause, verb):
            word = entry.rewrite  # verb last: the particle stays joined
        else:
            word, particle = new_stem, new_prefix
    elif verb.tag_ == "VVINF" and form == light:
        word = entry.rewrite
        if new_prefix and verb.i > 0 and doc[verb.i - 1].tag_ == "PTKZU":
            removed = removed | {verb.i - 1}  # "zu erstatten" -> "zurückzuzahlen": the zu moves inside
            word = f"{new_prefix}zu{new_stem}"
    elif verb.tag_ == "VVIZU":
        word = f"{new_prefix}zu{new_stem}" if new_prefix else f"zu {entry.rewrite}"
    elif verb.tag_ == "VVPP":
        from ..rules.kinds.wordinfo import participle_of

        word = participle_of(entry.rewrite)
        if word is None and new_prefix and (participle_of(new_stem) or "").startswith("ge"):
            # a separable verb the model has not seen as a participle: particle + the base verb's
            # attested participle ("eintreiben" -> "ein" + "getrieben")
            word = new_prefix + participle_of(new_stem)
        if word is None or _finite_participle(doc, clause):
            return None
    else:
        return None
    closing = [t for t in clause if not t.is_punct][-1]
    first = min(removed | {verb.i})
    last = max(removed | {verb.i} | ({closing.i} if particle else set()))
    words = []
    for token in doc[first:last + 1]:
        if token.is_space:
            continue
        if token.i == verb.i:
            words.append(word)
        elif token.i not in removed:
            words.append(token.text)
        if particle and token.i == closing.i:
            words.append(particle)
    if first == verb.i:
        words = fit_start(doc, first, words)
    elif _at_start(doc, first):
        return None  # the noun part opened the sentence ("In Kenntnis setzen wir ..."): leave it
    replaced = _lemmas(doc, [t.i for t in matched] + sorted(removed))
    return Proposal(first, last + 1, words, REVIEW, replaced=replaced)


def _finite_participle(doc, clause) -> bool:
    """A word tagged as a participle in a whole clause (one opened by a conjunction or the sentence)
    without an auxiliary is its finite verb: "wenn die Frist verstreicht" ("verstreicht" is no
    "verstrichen").  A stretch between commas ("..., Raum 2.14, festgesetzt") has its auxiliary
    before them ("Der Termin wurde ... festgesetzt")."""
    if any(t.tag_.startswith(("VA", "VM")) for t in clause):
        return False
    opening = next((t for t in clause if not t.is_punct), None)
    return opening is not None and (opening.tag_ == "KOUS" or doc_view(doc).at_sentence_start(opening.i))


def _plural_subject(clause, verb) -> bool:
    """The finite verb's subject is wir/Sie (or a bare imperative with Sie): near the verb, or right
    after the conjunction of a clause whose last word the verb is ("Sofern Sie eine Unterstützung in
    Anspruch zu nehmen beabsichtigen")."""
    if any(t.text in {"Sie", "wir", "Wir"} for t in clause if abs(t.i - verb.i) <= 3):
        return True
    words = [t for t in clause if not t.is_punct]
    return len(words) > 2 and words[0].tag_ == "KOUS" and words[1].text in {"Sie", "wir"} and words[-1].i == verb.i


def _verb_last(clause, verb) -> bool:
    words = [t for t in clause if not t.is_punct]
    return bool(words) and words[-1].i == verb.i


def rewrite_subjunctive(doc: "Doc", start: int, end: int, kind, parameters: dict) -> Proposal | None:
    """"Sollten Sie Fragen haben, ..." -> "Wenn Sie Fragen haben, ..."; "falls Sie ... haben sollten" -> "falls Sie ... haben"."""
    token = doc[start]
    sentence = doc_view(doc).sentence_of(start)
    if sentence[-1].text == "?" or (len(sentence) > 1 and sentence[-2].text == "?"):
        return None
    clause = next((c for c in clauses(sentence) if token in c), None)
    if clause is None:
        return None
    words_only = [t for t in clause if not t.is_punct]
    verbs = [t for t in words_only if t.tag_.startswith("V")]
    if token.lower_ in {"sollte", "sollten"} and words_only[0].i == token.i:
        if token.lower_ != "sollten" or len(words_only) < 3 or words_only[1].text not in {"Sie", "wir"}:
            return None
        if not _at_start(doc, token.i) or not _main_clause_follows(sentence, words_only[-1]):
            return None  # "..., sollten Sie ... prüfen": a recommendation, no condition
        last = words_only[-1]
        infinitive = last.tag_ in {"VAINF", "VVINF", "VMINF"} or (
            last.tag_ == "VAFIN" and last.lower_ == (last.lemma_ or "").lower())  # "haben" read as finite
        if not infinitive or len([v for v in verbs if v.tag_.endswith("FIN") and v.i != last.i]) != 1:
            return None
        present = present_plural((last.lemma_ or last.text).lower() if last.tag_ != "VVINF" else last.lower_)
        if present is None:
            return None
        conjunction = "Wenn" if token.text[:1].isupper() else "wenn"
        words = [conjunction] + [t.text for t in words_only[1:-1]] + [present]
        return Proposal(token.i, last.i + 1, words, SURE)
    if token.lower_ in {"sollte", "sollten"} and words_only[-1].i == token.i and len(words_only) >= 3:
        opener = words_only[0]
        previous = words_only[-2]
        if opener.lower_ not in {"wenn", "falls", "sofern", "soweit"} or words_only[1].text not in {"Sie", "wir"}:
            return None
        if token.lower_ != "sollten" or previous.tag_ not in {"VAINF", "VVINF"}:
            return None
        present = present_plural((previous.lemma_ or previous.text).lower() if previous.tag_ == "VAINF"
                                 else previous.lower_)
        if present is None:
            return None
        return Proposal(previous.i, token.i + 1, [present], SURE)
    return None


def _main_clause_follows(sentence, last) -> bool:
    """A comma after ``last`` and then the main clause's finite verb or imperative
    ("Sollten Sie Fragen haben, rufen Sie uns an."), perhaps after a zu-infinitive clause of the
    condition ("Sollten Sie beabsichtigen, den Antrag zurückzunehmen, teilen Sie uns das mit.")."""
    following = [t for t in sentence if t.i > last.i and not t.is_space]
    while len(following) >= 2 and following[0].text == ",":
        if following[1].tag_ in {"VVFIN", "VAFIN", "VMFIN", "VVIMP", "VAIMP"}:
            return True
        rest = following[1:]
        comma = next((n for n, t in enumerate(rest) if t.text == ","), None)
        part = rest if comma is None else rest[:comma]
        if comma is None or not any(t.tag_ in {"VVIZU", "PTKZU"} for t in part) or \
                any(t.tag_.endswith("FIN") for t in part):
            return False
        following = rest[comma:]
    return False


def rewrite_negation(doc: "Doc", start: int, end: int, kind, parameters: dict) -> Proposal | None:
    """"nicht unerheblich" -> "erheblich", "kein unerheblicher" -> "ein erheblicher" (review), only for
    the adjectives of the rule's ``rewrite_adjectives``."""
    tokens = [t for t in doc[start:end] if not t.is_space]
    if len(tokens) != 2:
        return None
    negation, adjective = tokens
    if adjective.tag_ not in {"ADJD", "ADJA"} or not adjective.lower_.startswith("un"):
        return None
    safe = {w.lower() for w in parameters.get("rewrite_adjectives") or []}
    if (adjective.lemma_ or "").lower() not in safe and not any(adjective.lower_.startswith(w) for w in safe):
        return None  # "nicht unwesentlich" is less than "wesentlich": only the listed pairs
    positive = adjective.text[2:]
    if negation.lower_ == "nicht":
        words = [positive]
    elif negation.lower_ in {"kein", "keine", "keinen", "keinem", "keines", "keiner"}:
        if negation.lower_ == "keiner":
            return None
        words = [("E" if negation.text[:1].isupper() else "e") + negation.lower_[2:], positive]
    else:
        return None
    if len(positive) < 4:
        return None
    return Proposal(negation.i, adjective.i + 1, fit_start(doc, negation.i, words), REVIEW,
                    replaced=_lemmas(doc, [adjective.i]))
