"""Advice that fits the sentence: the ``senses`` of a lexicon entry (docs/lexicons.md).

A word whose plain alternative depends on its meaning ("in Anspruch nehmen":
*dauern* for time, *nutzen* for a service) lists senses; the first sense
whose conditions hold in the sentence gives the alternatives, else the
entry's own ``alternatives`` are used.  Conditions: ``if_words`` (one of
these lemmas or forms stands in the sentence), ``if_before`` (the word
just before the term is one of these) and ``if_inside`` (one of these words
stands within the matched words: "dem Antrag nicht zu entsprechen"), ``if_next``
(the word just after the matched words is one of these: "in Höhe von", not
"in Höhe des Bedarfs"),
``if_parallel`` (pairs matched up, "respectively": :func:`_parallel`),
``if_bracket`` (the term opens a bracket: what follows names the same more exactly,
"Rechtsanwälte (beziehungsweise Mitglieder der Rechtsanwaltskammern)"),
``if_verb`` (the verb that ``{verb}`` names is one of these: who does it is
clear from the verb, "Anmeldung" -> "Sie melden … an"), ``if_letter`` (the
document is a letter, so "wir" is its writer), ``if_reflexive`` (a reflexive pronoun stands in
the term's clause: "hat sich ein Wandel vollzogen" happened, nobody carried it out) and
``if_noun`` (the first noun after the term is one of these, or ends in one written with a
leading hyphen: "aufgrund Ihrer Angaben" is a basis, "aufgrund Ihrer Krankheit" a cause).  A
sense with no alternatives (``alternatives: []``) means that no word fits
there: the finding keeps its message and gets no suggestion.  An alternative may name two
placeholders, filled from the sentence; a sense whose placeholder finds
nothing is skipped:

* ``{verb}``: the verb of an -ung noun of the term's clause in the form for
  "wir"/"Sie", with a separable particle at the end and "nicht" when the
  clause is negated ("Die Auszahlung erfolgt nicht" -> "zahlen … nicht
  aus"); the verb comes from the conjugator ablaut and must be known to HanTa;
  nothing when the clause names an agent ("von allen Gesellschaftern");
* ``{noun}``: the first noun after the term as written ("die oben genannten
  Unterlagen" -> "Unterlagen");
* ``{dies}``: "dies-" with the ending of the article before the term ("den
  oben genannten Antrag" -> "diesen").
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from .wordinfo import has_no_verb, is_known_verb

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..loader import LexiconEntry
    from .lexicon import Words

# the demonstrative "dies-" takes the ending of the definite article it replaces
DIES_ENDINGS = {"der": "er", "die": "e", "das": "es", "den": "en", "dem": "em", "des": "es"}


def fitting_alternatives(entry: LexiconEntry, words: Words, matched: list[Token]) -> tuple[str, ...]:
    """The alternatives of the first sense that fits the sentence, else the entry's own."""
    if not entry.senses:
        return entry.alternatives
    first = min(t.i for t in matched)
    last = max(t.i for t in matched)
    positions = [p for p, t in enumerate(words.tokens) if first <= t.i <= last]
    before = words.lower[positions[0] - 1] if positions and positions[0] > 0 else ""
    for sense in entry.senses:
        if sense.if_words and words.vocabulary.isdisjoint(sense.if_words):
            continue
        if sense.if_before and before not in sense.if_before:
            continue
        inside = set(words.lower[positions[0] : positions[-1] + 1]) if positions else set()
        if sense.if_inside and inside.isdisjoint(sense.if_inside):
            continue
        after = words.lower[positions[-1] + 1] if positions and positions[-1] + 1 < len(words.lower) else ""
        if sense.if_next and after not in sense.if_next:
            continue
        if sense.if_parallel and not _parallel(words, positions, matched):
            continue
        if sense.if_bracket and not _opens_bracket(matched):
            continue
        if sense.if_verb and (_noun_verb(words, positions) or ("", ""))[0] not in sense.if_verb:
            continue
        if sense.if_letter and not in_letter(matched[0].doc):
            continue
        if sense.if_reflexive and not _reflexive(words, positions):
            continue
        if sense.if_noun and not _noun_is(matched, sense.if_noun):
            continue
        filled = [_fill(text, words, positions) for text in sense.alternatives]
        if all(text is not None for text in filled):
            return tuple(filled)  # type: ignore[arg-type]
    return entry.alternatives


def _parallel(words: Words, positions: list[int], matched: list[Token]) -> bool:
    """Pairs matched up ("respectively"): the term's word stands twice in the sentence ("14 bzw. 18
    Jahre für Kinder bzw. Jugendliche"), or a bracket closes right before the term and another
    opens soon after it ("Monatsberichten (Bau) beziehungsweise Quartalsberichten (Ausbau)")."""
    if positions and sum(1 for lemma in words.lemmas if lemma == words.lemmas[positions[0]]) > 1:
        return True
    doc = matched[0].doc
    first = min(t.i for t in matched)
    last = max(t.i for t in matched)
    before = next((doc[i] for i in range(first - 1, -1, -1) if not doc[i].is_space), None)
    after = [doc[i].text for i in range(last + 1, min(len(doc), last + 8))]
    return before is not None and before.text == ")" and "(" in after


def _reflexive(words: Words, positions: list[int]) -> bool:
    """A reflexive pronoun (STTS ``PRF``) stands in the clause of the term: "wenn sich Mitglieder
    für Arbeiten zur Verfügung stellen" (= volunteer), "hat sich … ein Wandel vollzogen" (= happened)."""
    return bool(positions) and any(words.tags[p] == "PRF" for p in _clause_positions(words, positions[0]))


def _noun_is(matched: list[Token], nouns: frozenset[str]) -> bool:
    """The first noun after the term, in the same sentence, is one of ``nouns`` (its lemma or form;
    a leading hyphen names an ending: "-angabe" for "Einkommensangaben"); "§" counts as a noun."""
    last = max(t.i for t in matched)
    sentence = matched[0].sent
    noun = next((t for t in sentence if t.i > last and (t.tag_ in {"NN", "NE"} or t.text in {"§", "§§"})), None)
    if noun is None:
        return False
    return names_any({(noun.lemma_ or noun.text).lower(), noun.lower_}, nouns)


def names_any(seen, wanted) -> bool:
    """One of the words ``seen`` (lowercase lemmas or forms) is one of ``wanted``, the lexicon's word
    lists (``only_before``, ``only_with``, ``if_noun``), where a word written with a leading hyphen is
    an ending: "-bescheinigung" names "meldebescheinigung" (docs/lexicons.md)."""
    if not set(seen).isdisjoint(wanted):
        return True
    endings = tuple(word[1:] for word in wanted if word[:1] == "-" and len(word) > 1)
    return bool(endings) and any(word.endswith(endings) for word in seen)


def _opens_bracket(matched: list[Token]) -> bool:
    """An opening bracket stands right before the term: "Rechtsanwälte (beziehungsweise Mitglieder …)"."""
    doc = matched[0].doc
    first = min(t.i for t in matched)
    before = next((doc[i] for i in range(first - 1, -1, -1) if not doc[i].is_space), None)
    return before is not None and before.text in {"(", "["}


def _fill(text: str, words: Words, positions: list[int]) -> str | None:
    if "{verb}" in text:
        verb = _verb_of_noun(words, positions)
        if verb is None:
            return None
        text = text.replace("{verb}", verb)
    if "{dies}" in text:
        article = words.lower[positions[0] - 1] if positions and positions[0] > 0 else ""
        if article not in DIES_ENDINGS:
            return None
        text = text.replace("{dies}", "dies" + DIES_ENDINGS[article])
    if "{noun}" in text:
        end = positions[-1] if positions else -1
        noun = next((words.tokens[p].text for p in range(end + 1, len(words.tokens)) if words.tags[p] == "NN"), None)
        if noun is None:
            return None
        text = text.replace("{noun}", noun)
    return text


def in_letter(doc) -> bool:
    """The document of ``doc`` is a letter: it holds one of the ``passiv`` rule's ``letter_markers``
    (:func:`einfach.rules.kinds.passive.is_letter`); there "wir" is the writer."""
    from .base import document_text  # noqa: PLC0415 (spaCy-free, but only needed here)
    from .passive import is_letter  # noqa: PLC0415

    decide = lambda: is_letter(document_text(doc), _letter_markers())  # noqa: E731
    state = doc._.einfach_document  # decided once per document, as Passive._letter does
    return state.of(in_letter, decide) if state is not None else decide()


@lru_cache(maxsize=1)
def _letter_markers() -> tuple[str, ...]:
    from ..loader import load_rules  # noqa: PLC0415

    return tuple(load_rules()["passiv"].parameters.get("letter_markers") or ())


def _verb_of_noun(words: Words, positions: list[int]) -> str | None:
    """"zahlen …" for a sentence with "Zahlung": the nearest -ung noun outside the term that has a verb."""
    found = _noun_verb(words, positions)
    return found[1] if found else None


CLAUSE_BREAKS = {",", ";", ":"}


def _noun_verb(words: Words, positions: list[int]) -> tuple[str, str] | None:
    """(infinitive, "wir" form with "…", "nicht" and particle) of the -ung noun of the term's clause
    nearest to it, one before the term first ("Die Prüfung … kann nicht erfolgen, da eine Entscheidung
    …": the subject "Prüfung", not "Entscheidung" of the next clause)."""
    taken = set(positions)
    centre = positions[0] if positions else 0
    clause = _clause_positions(words, centre)
    if _agent(words, clause):
        return None  # "Die Anmeldung muss von allen Gesellschaftern erfolgen": the clause names who acts
    nouns = sorted(
        (p for p in clause if words.tags[p] == "NN" and p not in taken and words.lower[p].endswith("ung")),
        key=lambda p: (p > centre, abs(p - centre)),
    )
    # "Es erfolgt keine Erstattung" -> "Wir erstatten … nicht"
    negated = any(words.lower[p] == "nicht" or words.lower[p].startswith("kein") for p in clause)
    for position in nouns:
        form = _we_form(words.lower[position])
        if form is not None:
            verb, particle, infinitive = form
            return infinitive, " ".join(w for w in (verb, "…", "nicht" if negated else "", particle) if w)
    return None


AGENT_PREPOSITIONS = {"von", "durch", "seitens"}
BEFORE_NOUN = {"ART", "PIAT", "PIDAT", "PPOSAT", "PDAT", "ADJA"}


def _agent(words: Words, clause: list[int]) -> bool:
    """The clause names an agent: "von"/"durch"/"seitens" + a noun phrase ("von allen Gesellschaftern",
    "durch die Mitglieder des Vorstandes"); "von 8 bis 12 Uhr" is none."""
    for position in clause:
        if words.lower[position] not in AGENT_PREPOSITIONS:
            continue
        following = position + 1
        while following in clause and words.tags[following] in BEFORE_NOUN:
            following += 1
        if following in clause and words.tags[following] in {"NN", "NE", "PIS"} and following > position + 1:
            return True
    return False


def _clause_positions(words: Words, centre: int) -> list[int]:
    """The positions of ``words`` in the clause of the word at ``centre``: up to a comma, semicolon
    or colon on either side (``words`` leave out punctuation; the Doc still has it)."""
    if not words.tokens:
        return []
    doc, first, last = words.tokens[0].doc, words.tokens[0].i, words.tokens[-1].i
    middle = words.tokens[centre].i
    # the nearest break on either side of the centre word (one walk each way, not one per word)
    low = next((i for i in range(middle - 1, first, -1) if doc[i].text in CLAUSE_BREAKS), -1)
    high = next((i for i in range(middle + 1, last) if doc[i].text in CLAUSE_BREAKS), len(doc))
    return [p for p, token in enumerate(words.tokens) if low < token.i < high]


@lru_cache(maxsize=2048)
def _we_form(noun: str) -> tuple[str, str, str] | None:
    """("zahlen", "aus", "auszahlen") for "auszahlung": the verb of an -ung noun in the "wir" form, its
    particle and its infinitive."""
    if has_no_verb(noun):
        return None  # „Bevölkerung“ is no „bevölkern“ (rules/data/ohne-verb.yml)
    stem = noun[: -len("ung")]
    for infinitive in (stem + "en", stem + "n"):
        if len(infinitive) > 4 and is_known_verb(infinitive):
            import ablaut  # noqa: PLC0415 (first use only)

            try:
                present = ablaut.conjugate(infinitive).present[3].split()
            except ValueError:
                return None
            return present[0], " ".join(present[1:]), infinitive
    return None
