"""Kind ``rare_word``: words that are rare in German, and legal terms to explain.

Frequency is the Zipf value from ``wordfreq`` (see
:mod:`einfach.nlp.frequency`: a memory-mapped table opened on the first
lookup, so a check without this rule never opens it).  A word counts as rare if both its form and its
lemma are below ``min_zipf``.  Checked are content words (STTS NN, ADJA,
ADJD, ADV and full verbs; verbs by their lemma with a separated particle
joined); never names (NE), numbers, placeholders, words with digits, hyphens
or gender marks, abbreviations (capitals after the first letter), street
names, and words in short fragments without a verb (address lines, dates).

Not reported:

* terms of the lexicons ``skip_lexicon`` (Amtsdeutsch, a name or a list):
  the rule ``amtsdeutsch`` already reports them with an alternative; the
  rule runner also drops every finding of this rule inside an ``amtsdeutsch``
  or ``funktionsverbgefuege`` finding (``yields_to``);
* zu-participles of frequent verbs ("die einzureichenden Nachweise"): the
  frequency of the verb counts (:func:`wordinfo.zu_participle_verb`);
* compounds whose parts are all frequent (``Versicherungs|verlauf``,
  ``original|verpackt``): the reader knows the parts; ``wortlaenge`` deals
  with their length;
* words of a sentence in another language (a third of its words, at least
  three, tagged FM: "After the amout of ..." has no typo "about");
* words in a URL, a short quotation (a term the text introduces, a title) or
  a fixed name ("Buß- und Bettag"): :mod:`einfach.nlp.protected`;
* feminine forms of frequent words ("Arbeitgeberin");
* names of laws ("Asylbewerberleistungsgesetz"): a title cannot be replaced.

A protected legal term (``rules/lexikon/fachbegriffe.yml``) that is rare
gets "Erklären Sie diesen Begriff beim ersten Vorkommen: <explanation>"
instead, once per document (the checker marks the paragraph Docs of one
document with ``doc._.einfach_document``; a Doc without that mark counts as a
document of its own), and not at all if the paragraph of its first use
explains it ("Eine Fiktionsbescheinigung ist ...", "... bedeutet ...", "Das
nennt man ...", or an explanation in brackets right after it).  Every other
rare word is reported once per document as well.

Likely typos (``typos``: on by default): a word the frequency list does not
know ("Unterlagn", "Bescheinigunng") one edit away from a frequent word is
reported as a probable typo with that word (:mod:`.typos`), whatever tag the
tagger guessed; never a word after "Herr", "Frau" or a title (a surname), a
word with a capital inside, digits or a hyphen.

The suggestion is concrete or absent (issue 17): a typo's intended word, a
legal term's explanation, a synonym, or the plain word for an Amtsdeutsch
part; a rare word without any of these gets no suggestion (the message says
it is rare), not a template that could stand under every finding.

Synonyms: ``rules/data/synonyme.yml`` (rare words of letters with everyday
alternatives), and for a compound whose last part is an Amtsdeutsch word,
that word's alternative ("Passablichtung": "Ablichtung" -> "Kopie").
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy is imported by the pipeline, not by rule validation
    from spacy.tokens import Doc, Token

from ...nlp.syntax import FINITE, has_finite, particle_verbs, word_count
from ...resources import rules_dir
from ..loader import load_lexicon, read_yaml
from ...nlp.view import DocView, doc_view
from .base import Hit, foreign_sentence, join_alternatives, quote
from .typos import likely_typo
from .wordinfo import (
    is_law_title, is_street_name, legal_explanation, split_adjective, split_compound, zu_participle_verb,
)

CONTENT_TAGS = {"NN", "ADJA", "ADJD", "ADV", "VVFIN", "VVINF", "VVPP", "VVIZU", "VVIMP"}
ADJECTIVE_TAGS = {"ADJA", "ADJD", "VVPP"}
DEFINING_LEMMAS = {"sein", "bedeuten", "heißen", "meinen"}
MIN_LETTERS = 4
TYPO_TAGS = CONTENT_TAGS | {"NE", "FM", "XY"}
# the word after these is a name, not a typo ("Frau Bergr" may be "Bergner")
NAME_OPENERS = {"herr", "herrn", "frau", "dr", "prof", "familie"}
# a typo: unknown (Zipf below TYPO_MAX_ZIPF) and one edit from a word at least TYPO_MIN_CANDIDATE
TYPO_MAX_ZIPF = 1.0
TYPO_MIN_CANDIDATE = 3.0


def _lexicon_words(names: str | list[str] | tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """One-word terms of one or more lexicons (lowercased lemma) -> alternatives."""
    return _lexicon_words_of((names,) if isinstance(names, str) else tuple(names))


@lru_cache(maxsize=4)
def _lexicon_words_of(names: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    words: dict[str, tuple[str, ...]] = {}
    for entry in (entry for name in names for entry in load_lexicon(name).entries):
        parts = list(entry.match) if entry.match else entry.term.split()
        if len(parts) == 1:
            words[parts[0].lower()] = entry.alternatives
    return words


@lru_cache(maxsize=4)
def _synonyms(name: str) -> dict[str, tuple[str, ...]]:
    path = rules_dir() / "data" / f"{name}.yml"
    data = read_yaml(path)
    return {str(word).lower(): tuple(alternatives) for word, alternatives in (data.get("synonyms") or {}).items()}


def _format_zipf(value: float) -> str:
    """One decimal, rounded down (2.49 is shown as 2,4, below a limit of 2,5)."""
    return f"{math.floor(value * 10) / 10:.1f}".replace(".", ",")


def _feminine_of_frequent(token: Token, key: str, min_zipf: float) -> bool:
    """"Arbeitgeberin", "Antragstellerinnen": the feminine form of a frequent word."""
    from ...nlp.frequency import zipf

    if token.tag_ != "NN":
        return False
    for ending in ("innen", "in"):
        if key.endswith(ending) and len(key) > len(ending) + 3:
            return zipf(key[: -len(ending)]) >= min_zipf
    return False


class RareWord:
    parameters = {"min_zipf", "legal_lexicon", "skip_lexicon", "synonyms", "typos"}
    values = {"text", "zipf", "limit", "problem", "advice"}
    # a word inside a finding of these rules is already reported with an alternative
    yields_to = ("amtsdeutsch", "funktionsverbgefuege")

    def __init__(self, parameters: dict):
        self.min_zipf = float(parameters.get("min_zipf", 2.5))
        self.legal_lexicon = parameters.get("legal_lexicon", "fachbegriffe")
        self.skip_lexicon = parameters.get("skip_lexicon", "amtsdeutsch")
        self.synonym_file = parameters.get("synonyms", "synonyme")
        self.typos = bool(parameters.get("typos", True))

    def find(self, doc: Doc):
        from ...nlp.frequency import zipf

        view = doc_view(doc)
        seen = self._seen_for(doc)
        skip = _lexicon_words(self.skip_lexicon) if self.skip_lexicon else {}
        for sentence in view.sents:
            if not has_finite(sentence) and word_count(sentence) < 4:
                continue  # address lines, dates, signatures
            if foreign_sentence(view, sentence):
                continue  # an English sentence: its words are no rare German words, "amout" no typo of "about"
            joined = particle_verbs(sentence)
            for index in range(sentence.start, sentence.end):
                if self.typos and view.tag[index] in TYPO_TAGS:
                    typo = self._typo(view, index, seen)
                    if typo is not None:
                        yield typo
                        continue
                # the tag test first: it rules out most words without a call
                if view.tag[index] not in CONTENT_TAGS or not self._candidate(view, index):
                    continue
                token = view.tokens[index]
                word = view.word[index]  # without soft hyphens: what the reader of the letter sees
                lemma = joined.get(token.i) or token.lemma_ or word
                if _noun_read_as_verb(view, index):
                    lemma = word  # "zur Vorsprache": HanTa reads a verb form, the capital says noun
                key = lemma.lower()
                lower = word.lower()
                if key in seen or key in skip or lower in skip:
                    continue
                value = max(zipf(lower), zipf(key))
                verb = zu_participle_verb(word) if token.tag_ in {"ADJA", "ADJD"} else None
                if verb is not None:
                    value = max(value, zipf(verb))  # "einzureichenden": as frequent as "einreichen"
                if value >= self.min_zipf or is_law_title(token):
                    continue
                if _feminine_of_frequent(token, key, self.min_zipf):
                    continue
                explanation = legal_explanation(token, self.legal_lexicon)
                if explanation is not None:
                    seen.add(key)
                    if _explained(view, token):
                        continue
                    yield self._hit(token, value, "Fachbegriff, den viele nicht kennen",
                                    f"Erklären Sie diesen Begriff beim ersten Vorkommen: {explanation}")
                    continue
                if token.tag_ == "NN" and (
                    split_compound(word, self.min_zipf) is not None
                    or split_compound(token.lemma_ or word, self.min_zipf) is not None
                ):
                    continue
                if token.tag_ in ADJECTIVE_TAGS and split_adjective(word, self.min_zipf) is not None:
                    continue  # "originalverpackt": a frequent noun and a frequent participle
                seen.add(key)
                yield self._hit(token, value, "Seltenes Wort", self._advice(token, key, skip))

    def _typo(self, view: DocView, index: int, seen: set[str]) -> Hit | None:
        """A likely typo at ``index`` (once per document), or None."""
        text = view.word[index]
        if index in view.placeholder or index in view.protected or not text.isalpha() or _capital_inside(text) \
                or text.lower() in seen:
            return None
        if index > 0 and view.lower[index - 1].rstrip(".") in NAME_OPENERS:
            return None
        noun = text[:1].isupper() and not view.at_sentence_start(index)
        meant = likely_typo(text, TYPO_MAX_ZIPF, TYPO_MIN_CANDIDATE, noun)
        if meant is None:
            return None
        from ...nlp.frequency import zipf

        seen.add(text.lower())
        return self._hit(view.tokens[index], zipf(text.lower()), "Vermutlich ein Tippfehler",
                         f"Meinen Sie {quote(meant)}? Prüfen Sie die Schreibweise.")

    def _seen_for(self, doc: Doc) -> set[str]:
        """Words already reported (or explained) in this document: each is reported once.

        The checker marks all paragraph Docs of one document with the same
        :class:`DocumentState` (``doc._.einfach_document``); a Doc without a mark
        is a document of its own.  The set lives there, not on this object, which
        cached pipelines share between documents checked side by side.
        """
        state = doc._.einfach_document
        return set() if state is None else state.of(self, set)

    def _hit(self, token: Token, value: float, problem: str, advice: str) -> Hit:
        return Hit(
            start=token.i,
            end=token.i + 1,
            values={
                "text": quote(token.text),
                "zipf": _format_zipf(value),
                "limit": _format_zipf(self.min_zipf),
                "problem": problem,
                "advice": advice,
            },
        )

    def _advice(self, token: Token, key: str, skip: dict[str, tuple[str, ...]]) -> str:
        synonyms = _synonyms(self.synonym_file) if self.synonym_file else {}
        if key in synonyms:
            return f"Schreiben Sie stattdessen {join_alternatives(list(synonyms[key]))}."
        for term, alternatives in skip.items():
            if len(term) >= 5 and key.endswith(term) and key != term and alternatives:
                return (
                    f"Im Wort steckt {quote(term[:1].upper() + term[1:] if token.tag_ == 'NN' else term)}; "
                    f"einfacher ist {join_alternatives(list(alternatives))}. Oder erklären Sie das Wort."
                )
        return ""  # nothing concrete to offer: the message alone ("Seltenes Wort: …"), no template advice

    @staticmethod
    def _candidate(view: DocView, index: int) -> bool:
        tag = view.tag[index]
        if tag not in CONTENT_TAGS or index in view.placeholder or index in view.protected:
            return False  # a URL, a quoted term or a fixed name: the writer cannot change it
        text = view.word[index]
        if len(text) < MIN_LETTERS or not text.isalpha():
            return False
        if _capital_inside(text):
            return False
        if text[:1].isupper() and tag != "NN" and not view.at_sentence_start(index) \
                and not _noun_read_as_verb(view, index):
            return False  # a capitalised word that is not a noun: probably a name
        if is_street_name(text.lower()):
            return False
        return True


@lru_cache(maxsize=50_000)
def _capital_inside(text: str) -> bool:
    """A capital after the first letter ("AufenthG", "eAT"); memoised, as word forms repeat."""
    return any(ch.isupper() for ch in text[1:])


def _noun_read_as_verb(view: DocView, index: int) -> bool:
    """A capitalised word inside a sentence that the tagger read as a verb is a noun."""
    return view.tag[index].startswith("V") and view.text[index][:1].isupper() and not view.at_sentence_start(index)


def _explained(view: DocView, term: Token) -> bool:
    """The paragraph explains the term: "X ist ein/eine ...", "X bedeutet ...", "X (...)"."""
    key = view.key[term.i]
    for index, word in enumerate(view.key):
        if word != key:
            continue
        before = [lemma.lower() for lemma in view.lemma[max(0, index - 3) : index]]
        if "nennen" in before or "heißen" in before:
            return True  # "Das nennt man Wohnsitzauflage."
        following = [t for t in view.tokens[index + 1 : index + 4] if not t.is_space]
        if following and following[0].text == "(":
            return True
        for position, other in enumerate(following[:2]):
            if other.lemma_.lower() in DEFINING_LEMMAS and other.tag_ in FINITE:
                after = following[position + 1 : position + 2]
                if other.lemma_.lower() != "sein" or (after and after[0].tag_ in {"ART", "PIAT", "ADJD", "ADJA"}):
                    return True
    return False
