"""Kind ``lexicon``: words and phrases from a lexicon file, matched on lemmas.

How a lexicon term becomes a pattern (documented for lexicon authors in
``docs/lexicons.md``):

* articles and placeholder words ("etwas", "jemandem", "sich", ...) are
  dropped, contractions are expanded ("zur" -> "zu");
* if the term has two or more words and ends in a lowercase infinitive, that
  verb may stand anywhere in the sentence, in any form, with a separated
  particle joined back ("sehen Sie ... ab" -> "absehen");
* the other words must appear in order; articles and possessives may stand
  between them;
* a remaining part that consists of prepositions only ("von etwas absehen")
  is optional, because German often replaces it with a pronominal adverb
  ("davon absehen").

``match`` in an entry replaces the derived word list.
"""

from __future__ import annotations

from dataclasses import dataclass

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy is imported by the pipeline, not by rule validation
    from spacy.tokens import Doc, Span, Token

from ...nlp.syntax import lemma_of, particle_verbs
from ..loader import LexiconEntry, load_lexicon
from .base import Hit, join_alternatives

DROPPED = {
    "der", "die", "das", "dem", "den", "des", "ein", "eine", "einem", "einen", "einer", "eines",
    "etwas", "jemand", "jemandem", "jemanden", "jemandes", "sich",
}
CONTRACTIONS = {"zur": "zu", "zum": "zu", "im": "in", "am": "an", "vom": "von", "beim": "bei", "ins": "in", "ans": "an"}
PREPOSITIONS = {
    "an", "auf", "aus", "bei", "durch", "für", "gegen", "in", "mit", "nach", "über", "um", "unter", "von", "vor", "zu",
}
SKIPPABLE_TAGS = {"ART", "PPOSAT", "PIAT", "PDAT", "APPRART"}


@dataclass(frozen=True)
class Pattern:
    entry: LexiconEntry
    fixed: tuple[str, ...]
    verb: str | None
    fixed_optional: bool
    dative: bool = False  # the term's noun follows "einem"/"dem": require a determiner ending in -em

    @property
    def size(self) -> int:
        return len(self.fixed) + (1 if self.verb else 0)


def compile_entry(entry: LexiconEntry) -> Pattern:
    """Turn a lexicon entry into the lemma pattern described in the module doc."""
    dative = False
    if entry.match:
        words = [w.lower() for w in entry.match]
    else:
        words = []
        for word in entry.term.split():
            lowered = word.lower()
            if lowered in DROPPED:
                dative = dative or (not words and lowered in {"einem", "dem", "jemandem"})
                continue
            words.append(CONTRACTIONS.get(lowered, lowered))
    verb = None
    last = (entry.match[-1] if entry.match else entry.term.split()[-1]) if words else ""
    if len(words) >= 2 and last[:1].islower() and last.endswith(("en", "ern", "eln")):
        verb = words.pop()
    fixed_optional = verb is not None and bool(words) and all(w in PREPOSITIONS for w in words)
    return Pattern(entry=entry, fixed=tuple(words), verb=verb, fixed_optional=fixed_optional, dative=dative)


class LexiconMatch:
    parameters = {"lexicon", "extra_lexicons"}
    values = {"text", "term", "alternatives", "reason"}

    def __init__(self, parameters: dict):
        self.lexicon = load_lexicon(parameters["lexicon"])
        entries = list(self.lexicon.entries)
        for path in parameters.get("extra_lexicons") or []:
            entries += load_lexicon(path).entries  # an authority's own words, same format
        self.patterns = [compile_entry(entry) for entry in entries]
        self.by_first: dict[str, list[Pattern]] = {}
        self.by_verb: dict[str, list[Pattern]] = {}
        for pattern in self.patterns:
            if pattern.fixed and not pattern.fixed_optional:
                self.by_first.setdefault(pattern.fixed[0], []).append(pattern)
            elif pattern.verb:
                self.by_verb.setdefault(pattern.verb, []).append(pattern)

    def find(self, doc: Doc):
        for sentence in doc.sents:
            yield from self._find_in(sentence)

    def _find_in(self, sentence: Span):
        joined = particle_verbs(sentence)
        tokens = [t for t in sentence if not t.is_space and not t.is_punct and not t._.einfach_placeholder]
        lemmas = [lemma_of(t, joined) for t in tokens]
        candidates: list[tuple[Pattern, list[Token]]] = []
        for position, lemma in enumerate(lemmas):
            surface = tokens[position].lower_
            patterns = self.by_first.get(lemma, [])
            if surface != lemma and surface in self.by_first:
                patterns = [*patterns, *self.by_first[surface]]
            for pattern in patterns:
                matched = self._match_fixed(pattern.fixed, tokens, lemmas, position)
                if matched is None or not _context_fits(pattern, tokens, position):
                    continue
                if pattern.size == 1 and pattern.entry.tags and tokens[position].tag_ not in pattern.entry.tags:
                    continue
                if pattern.size == 1 and tokens[position].tag_ != "PTKVZ":
                    matched = matched + _particle(tokens[position], joined)
                if pattern.verb:
                    verb = self._find_verb(pattern.verb, tokens, lemmas, joined)
                    if verb is None:
                        continue
                    matched = matched + verb
                candidates.append((pattern, matched))
            for pattern in self.by_verb.get(lemma, ()):
                if not tokens[position].tag_.startswith("V"):
                    continue
                matched = [tokens[position]] + _particle(tokens[position], joined)
                for fixed_start, fixed_lemma in enumerate(lemmas):
                    if pattern.fixed and fixed_lemma in _pronominal_forms(pattern.fixed[0]):
                        matched.append(tokens[fixed_start])
                        break
                    if pattern.fixed and self._match_fixed(pattern.fixed, tokens, lemmas, fixed_start):
                        matched += self._match_fixed(pattern.fixed, tokens, lemmas, fixed_start)
                        break
                candidates.append((pattern, matched))
        yield from self._best(candidates, sentence.doc)

    @staticmethod
    def _match_fixed(fixed, tokens, lemmas, position) -> list[Token] | None:
        matched = []
        index = position
        for word in fixed:
            while index < len(tokens) and matched and not _is(tokens[index], lemmas[index], word) \
                    and tokens[index].tag_ in SKIPPABLE_TAGS:
                index += 1
            if index >= len(tokens) or not _is(tokens[index], lemmas[index], word):
                return None
            matched.append(tokens[index])
            index += 1
        return matched

    @staticmethod
    def _find_verb(verb, tokens, lemmas, joined) -> list[Token] | None:
        for token, lemma in zip(tokens, lemmas):
            if lemma == verb and token.tag_.startswith("V"):
                return [token] + _particle(token, joined)
        return None

    def _best(self, candidates, doc: Doc):
        """Keep the longest match where matches overlap; one hit per token set."""
        taken: set[int] = set()
        for pattern, matched in sorted(candidates, key=lambda c: (-c[0].size, c[1][0].i)):
            indices = {t.i for t in matched}
            if indices & taken:
                continue
            taken |= indices
            start = min(indices)
            end = max(indices) + 1
            entry = pattern.entry
            yield Hit(
                start=start,
                end=end,
                values={
                    "text": _text_of(doc, sorted(matched, key=lambda t: t.i)),
                    "term": entry.term,
                    "alternatives": join_alternatives(entry.alternatives),
                    "reason": entry.reason,
                },
            )


def _is(token: Token, lemma: str, word: str) -> bool:
    """A text word matches a lexicon word by its lemma, or by its own form.

    The form counts too because the tagger may lemmatise a word it does not
    know oddly (HanTa: "Wartemarke" -> "Wartemark"); an authority's own
    lexicon is full of such words.
    """
    return lemma == word or token.lower_ == word


def _context_fits(pattern: Pattern, tokens: list[Token], position: int) -> bool:
    """What stands before the match must fit the term.

    A noun + verb term without a preposition ("Verwendung finden") does not
    match inside a prepositional phrase ("zur Verwendung ... finden"), and a
    term written with a dative article ("einem Antrag entsprechen") needs a
    determiner ending in -em ("Ihrem Antrag"), since HanTa gives no case.
    """
    if pattern.verb is None:
        return True
    before = position - 1
    while before >= 0 and tokens[before].tag_ in {"ADJA", "ART", "PPOSAT", "PIAT", "PDAT", "CARD"}:
        before -= 1
    if pattern.fixed[0] not in PREPOSITIONS and before >= 0 and tokens[before].tag_ in {"APPR", "APPRART"}:
        return False
    if pattern.dative:
        determiner = tokens[position - 1] if position else None
        return determiner is not None and determiner.lower_.endswith("em")
    return True


def _particle(verb: Token, joined: dict[int, str]) -> list[Token]:
    """The separated particle that belongs to ``verb``, if any."""
    if verb.i not in joined:
        return []
    sentence = verb.sent
    return [t for t in sentence if t.i != verb.i and t.tag_ == "PTKVZ" and joined.get(t.i) == joined[verb.i]][:1]


def _pronominal_forms(preposition: str) -> set[str]:
    """"von" -> {"davon", "hiervon", "wovon"}; "auf" -> {"darauf", ...}."""
    joint = "r" if preposition[:1] in "aeiouäöü" else ""
    return {f"da{joint}{preposition}", f"hier{preposition}", f"wo{joint}{preposition}"}


def _text_of(doc: Doc, tokens: list[Token]) -> str:
    if tokens[-1].i - tokens[0].i + 1 == len(tokens):
        return doc[tokens[0].i : tokens[-1].i + 1].text
    return " … ".join(t.text for t in tokens)
