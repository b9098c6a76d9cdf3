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

``match`` in an entry replaces the derived word list.  A match with a word
in a URL, a short quotation or a fixed name („Gesellschaft mit beschränkter
Haftung“, a quoted programme name: :mod:`einfach.nlp.protected`) is dropped:
a name is never swapped.
"""

from __future__ import annotations

from dataclasses import dataclass

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy is imported by the pipeline, not by rule validation
    from spacy.tokens import Doc, Span, Token

from ...nlp.syntax import has_finite, particle_verbs
from ..loader import LexiconEntry, load_lexicon
from ...nlp.view import DocView, doc_view
from .base import Hit, join_alternatives, spans_only
from .senses import fitting_alternatives, names_any
from .wordinfo import (is_known_adjective, is_known_verb, known_tag, participle_of, read_as_participle,
                       zu_participle_verb)
from ...rewrite.declension import ending_of

DROPPED = {
    "der", "die", "das", "dem", "den", "des", "ein", "eine", "einem", "einen", "einer", "eines",
    "etwas", "jemand", "jemandem", "jemanden", "jemandes", "sich",
}
CONTRACTIONS = {"zur": "zu", "zum": "zu", "im": "in", "am": "an", "vom": "von", "beim": "bei", "ins": "in", "ans": "an"}
PREPOSITIONS = {
    "an", "auf", "aus", "bei", "durch", "für", "gegen", "in", "mit", "nach", "über", "um", "unter", "von", "vor", "zu",
}
SKIPPABLE_TAGS = {"ART", "PPOSAT", "PIAT", "PDAT", "APPRART"}
# a demonstrative between a term's words makes the phrase point back to something named before
# („für diesen Fall“, „für solche Fälle“, „mit dieser Eintragung“): plain German, not the fixed
# phrase („für den Fall, dass …“); skipped only for a term whose sense names it (``if_inside``)
DEMONSTRATIVES = {"dieser", "jener", "solch", "solcher", "derselbe", "derjenige"}


@dataclass(frozen=True)
class Pattern:
    entry: LexiconEntry
    fixed: tuple[str, ...]
    verb: str | None
    fixed_optional: bool
    dative: bool = False  # the term's noun follows "einem"/"dem": require a determiner ending in -em
    demonstrative: bool = False  # a demonstrative may stand between the words (a sense names it)

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
    demonstrative = any(word.startswith(("dies", "jen", "solch")) for sense in entry.senses for word in sense.if_inside)
    return Pattern(entry=entry, fixed=tuple(words), verb=verb, fixed_optional=fixed_optional, dative=dative,
                   demonstrative=demonstrative)


class LexiconMatch:
    # more_lexicons: further shipped files of the same lexicon (amtsdeutsch-wendungen.yml);
    # extra_lexicons: an authority's own files (set from the configuration, see component.py)
    # meanings: the alternatives say what an idiom means, not words to put in its place (redewendung)
    parameters = {"lexicon", "more_lexicons", "extra_lexicons", "meanings"}
    values = {"text", "term", "alternatives", "reason"}

    def __init__(self, parameters: dict):
        self.lexicon = load_lexicon(parameters["lexicon"])
        self.meanings = bool(parameters.get("meanings", False))
        entries = list(self.lexicon.entries)
        for name in parameters.get("more_lexicons") or []:
            entries += load_lexicon(name).entries
        for path in parameters.get("extra_lexicons") or []:
            entries += load_lexicon(path).entries  # an authority's own words, same format
        self.patterns = [compile_entry(entry) for entry in entries]
        # id() of every entry of the patterns (they keep the entries alive): which entries are
        # this rule's, for the rewrites (einfach.rewrite.swaps), without a walk over the patterns
        self.entry_ids = frozenset(id(pattern.entry) for pattern in self.patterns)
        self.by_first: dict[str, list[Pattern]] = {}
        self.by_verb: dict[str, list[Pattern]] = {}
        # the same terms by their last fixed word (mostly a noun: rarer than a first "zu" or "in"),
        # with their place in the file order, for _viable
        self.by_last: dict[str, list[tuple[int, Pattern]]] = {}
        for number, pattern in enumerate(self.patterns):
            if pattern.fixed and not pattern.fixed_optional:
                self.by_first.setdefault(pattern.fixed[0], []).append(pattern)
                self.by_last.setdefault(pattern.fixed[-1], []).append((number, pattern))
            elif pattern.verb:
                self.by_verb.setdefault(pattern.verb, []).append(pattern)

    def find(self, doc: Doc):
        view = doc_view(doc)
        for sentence in view.sents:
            yield from self._find_in(view, sentence)

    def _find_in(self, view: DocView, sentence: Span):
        words: Words = view.cached("lexicon_words", sentence, Words)
        viable = self._viable(words)
        by_verb = self.by_verb
        if not viable and not any(verb in by_verb for verb in words.verbs):  # (isdisjoint(dict) walks the dict)
            return  # no term's words all stand in the sentence and no verb is a term's verb (most sentences)
        tokens, lemmas, tags, joined = words.tokens, words.lemmas, words.tags, words.joined
        candidates: list[tuple[Pattern, list[Token]]] = []
        for position, lemma in enumerate(lemmas):
            # the terms that may start here, in the order of a plain walk over by_first[lemma],
            # by_first[surface] and by_first[singular] (the order decides between equal matches)
            surface = words.lower[position]
            patterns = viable.get(lemma, ())
            if surface != lemma and surface in viable:
                patterns = [*patterns, *viable[surface]]
            for singular in words.singular[position]:
                if singular in viable:
                    patterns = [*patterns, *viable[singular]]
            for pattern in patterns:
                if pattern.size == 1 and tags[position] == "TRUNC":
                    continue  # "Erwerbs- und Verlustgründe": the first part of a compound, not the word
                matched = self._match_fixed(pattern.fixed, words, position, pattern.demonstrative)
                if matched is None or not _context_fits(pattern, words, position):
                    continue
                if pattern.size == 1 and pattern.entry.tags and (
                        tags[position] not in pattern.entry.tags or position in words.nominal):
                    continue  # (a capitalised "verb" inside a sentence has no tag to trust: Words.nominal)
                if pattern.entry.not_before and _next_is(words, matched[-1], pattern.entry.not_before):
                    continue  # "laut Umfrage" is everyday German, not "laut Gesetz" (docs/lexicons.md)
                if pattern.entry.only_before and not _next_is(words, matched[-1], pattern.entry.only_before):
                    continue  # "einen Antrag stellen" without what is applied for: "beantragen" needs an object
                if pattern.entry.only_with and not _in_sentence(words, pattern.entry.only_with):
                    continue  # „die Ausstellung der Bilder“ is an exhibition: only with a document in the sentence
                if pattern.size == 1 and tags[position] != "PTKVZ":
                    matched = matched + _particle(view, tokens[position], joined)
                if pattern.verb:
                    verb = self._find_verb(view, pattern.verb, words)
                    if verb is None:
                        continue
                    matched = matched + verb
                candidates.append((pattern, matched))
            for pattern in self.by_verb.get(lemma, ()):
                if not tags[position].startswith("V"):
                    continue
                if pattern.entry.only_with and not _in_sentence(words, pattern.entry.only_with):
                    continue
                matched = [tokens[position]] + _particle(view, tokens[position], joined)
                pronominal = _pronominal_forms(pattern.fixed[0]) if pattern.fixed else set()
                for fixed_start, fixed_lemma in enumerate(lemmas):
                    if pattern.fixed and fixed_lemma in pronominal:
                        matched.append(tokens[fixed_start])
                        break
                    fixed = self._match_fixed(pattern.fixed, words, fixed_start, pattern.demonstrative) \
                        if pattern.fixed else None
                    if fixed:
                        matched += fixed
                        break
                candidates.append((pattern, matched))
        yield from self._best(candidates, sentence.doc, words, verbless=bool(candidates) and not has_finite(sentence))

    def _viable(self, words: Words) -> dict[str, list[Pattern]]:
        """by_first, reduced to the terms whose words (and verb) all stand in the sentence: the
        others cannot match anywhere in it. Found through their last word, tested once per
        sentence instead of at every position of their first word; each list keeps the order
        of by_first (the file order), which decides between equal matches."""
        vocabulary, verbs, by_last = words.vocabulary, words.verbs, self.by_last
        found = [
            (number, pattern)
            for last in vocabulary if last in by_last  # the sentence's few words, not the lexicon's many
            for number, pattern in by_last[last]
            if vocabulary.issuperset(pattern.fixed) and (not pattern.verb or pattern.verb in verbs)
        ]
        viable: dict[str, list[Pattern]] = {}
        for _, pattern in sorted(found, key=lambda item: item[0]):
            viable.setdefault(pattern.fixed[0], []).append(pattern)
        return viable

    @staticmethod
    def _match_fixed(fixed, words: Words, position, demonstrative: bool = False) -> list[Token] | None:
        matched = []
        index = position
        size = len(words.tokens)
        for word in fixed:
            while index < size and matched and not words.is_(index, word) and words.tags[index] in SKIPPABLE_TAGS:
                if not demonstrative and words.lemmas[index] in DEMONSTRATIVES:
                    return None  # „für diesen Fall“ points back: not the fixed phrase (DEMONSTRATIVES)
                index += 1
            if index >= size or not words.is_(index, word):
                return None
            matched.append(words.tokens[index])
            index += 1
        return matched

    @staticmethod
    def _find_verb(view: DocView, verb, words: Words) -> list[Token] | None:
        for token, lemma, tag in zip(words.tokens, words.lemmas, words.tags):
            if lemma == verb and tag.startswith("V"):
                return [token] + _particle(view, token, words.joined)
        return None

    def _best(self, candidates, doc: Doc, words: Words, verbless: bool = False):
        """Keep the longest match where matches overlap; one hit per token set."""
        if not candidates:
            return  # most sentences; and the protected words (a walk over the whole Doc) are not needed
        taken: set[int] = set()
        protected = doc_view(doc).protected
        texts = not spans_only(doc)
        for pattern, matched in sorted(candidates, key=lambda c: (-c[0].size, c[1][0].i)):
            indices = {t.i for t in matched}
            if indices & taken or not protected.isdisjoint(indices):
                continue  # overlaps a longer term, or lies in a quoted or fixed name: never swapped
            taken |= indices
            start = min(indices)
            end = max(indices) + 1
            if explains_noun_before(doc, start, end):
                continue  # „Bauwerke (bauliche Anlagen)“: the bracket explains a plain word; nothing to replace
            entry = pattern.entry
            # the alternatives fill only the message and the suggestion (base.spans_only: the safety check)
            alternatives = in_form(fitting_alternatives(entry, words, matched), matched) if texts else ()
            if verbless and pattern.size == 1 and alternatives and _action_noun(entry):
                alternatives = ()  # „Betreff: Ausstellung einer Bescheinigung“: a subject line or heading is nominal
            if alternatives and not self.meanings and not _infinitive_slot(matched):
                alternatives = tuple(a for a in alternatives if not base_form_phrase(a))
            yield Hit(
                start=start,
                end=end,
                values={
                    "text": _text_of(doc, sorted(matched, key=lambda t: t.i)),
                    "term": entry.term,
                    "alternatives": join_alternatives(alternatives),
                    "reason": entry.reason,
                    # for the rewrites (einfach.rewrite.swaps); not plain values, so not in the JSON
                    "entry": entry,
                    "tokens": tuple(sorted(indices)),
                },
                suggest=bool(alternatives),
            )


def explains_noun_before(doc: Doc, start: int, end: int) -> bool:
    """The term fills a bracket right after a noun: „Anforderungen an Bauwerke (bauliche Anlagen)“.
    The plain word stands first and the bracket names its legal term for the reader who meets it
    in the law: an explanation, not jargon to replace (a swap would give „Bauwerke (Bauwerk)“;
    issue 17, tenth blind review, S149). An article may open the bracket; other words in it (a
    sentence of its own, a list) keep the finding."""
    opening = start - 1
    if opening >= 0 and doc[opening].tag_ == "ART":
        opening -= 1
    return (opening >= 1 and end < len(doc) and doc[opening].text == "(" and doc[end].text == ")"
            and doc[opening - 1].tag_ in {"NN", "NE"})


def in_form(alternatives: tuple[str, ...], matched: list[Token]) -> tuple[str, ...]:
    """One-word alternatives in the form of the matched word, where that form is certain
    (issue 17: "weiterhin gestattet" -> „erlaubt“, not „erlauben“; "etwaige Änderungen" ->
    „mögliche“): a past participle where the term's one verb stands as one ("geltend gemacht" ->
    „verlangt“), as HanTa's corpus attests it (:func:`.wordinfo.participle_of`) and reads it
    (:func:`.wordinfo.read_as_participle`: not „verbietet“ for „verboten“); the ending of an
    attributive adjective for an adjective HanTa knows, with the inflected form known as an
    attributive adjective too ("unser" is no adjective: „bei der unseren Behörde“ is never
    offered).  Where one alternative cannot be put in the form, all stay in their base form (the
    entry's order and choice are kept)."""
    if not alternatives or any(" " in a or not a[:1].islower() for a in alternatives):
        return alternatives
    verbs = [t for t in matched if t.tag_.startswith("V")]
    if len(verbs) == 1 and verbs[0].tag_ == "VVPP":  # "gestattet", "geltend gemacht": the term is a participle
        forms = [_participle(a) for a in alternatives]
    elif len(matched) != 1:
        return alternatives
    elif matched[0].tag_ == "ADJA":
        token = matched[0]
        ending = ending_of(token.lower_, token.lemma_ or "")
        forms = [a + ending if ending and is_known_adjective(a) and known_tag(a + ending) == "ADJ(A)" else None
                 for a in alternatives]
    else:
        return alternatives
    return tuple(forms) if all(forms) else alternatives  # type: ignore[arg-type]


# words that open a frame the writer fills in („wenn Sie … zeigen“, „um … zu prüfen“): a template, kept
FRAME_OPENERS = {"wenn", "falls", "um", "damit", "indem", "bevor", "bis", "ohne", "wie", "nachdem", "weil", "dass", "ob",
                 "wer"}
# a phrase already in a finite form („muss zahlen“, „darf einen Antrag stellen“) is no base form
FINITE_WORDS = {"muss", "darf", "kann", "soll", "will", "hat", "ist", "bekommt", "gibt"}
INFINITIVE_TAGS = {"VVINF", "VAINF", "VMINF"}
PERSONS = {"Sie", "wir", "Wir", "ich"}


def base_form_phrase(alternative: str) -> bool:
    """A verb phrase of several words in its base form („es gibt“, „da sein“, „möglich sein“, „dafür
    sorgen“, „in Auftrag geben“, „gelten für“): put in for a finite verb („liegt nicht vor“ →
    „liegt nicht es gibt“), a participle or a noun it cannot stand as it is, and it cannot be put in
    the sentence's form without rebuilding the clause. Every such alternative of the ninth and tenth
    blind reviews was judged generic (14 of 14, issue 17). A frame with „…“ or a conjunction, and a
    phrase without a verb („wenn nötig“, „in diesem Fall“), are not this."""
    words = alternative.split()
    if len(words) < 2 or "…" in alternative or "{" in alternative or words[0].lower() in FRAME_OPENERS \
            or not PERSONS.isdisjoint(words):
        return False  # a frame, or a clause with its person („nennen Sie“, „Wir zahlen … aus“)
    if words[:2] == ["es", "gibt"]:
        return True
    if words[-2] == "zu" or not FINITE_WORDS.isdisjoint(words):
        return False  # a zu-infinitive („nicht zu vermeiden“ for „unumgänglich“) or a finite phrase fits as it is
    return any(word == "sein" or (word[:1].islower() and word.endswith("n") and is_known_verb(word))
               for word in words)


def _infinitive_slot(matched: list[Token]) -> bool:
    """The term's verb is an infinitive (after a modal, „Sie können Auskunft erteilen“) and no finite
    verb is matched: a phrase in its base form takes the term's place there („Auskunft geben“)."""
    tags = {t.tag_ for t in matched}
    return bool(tags & INFINITIVE_TAGS) and not any(tag.endswith(("FIN", "PP", "IZU", "IMP")) for tag in tags)


def _action_noun(entry: LexiconEntry) -> bool:
    """A noun of action whose plain words are verbs („Ausstellung“ → „ausstellen“): the advice is to
    say the verb, which a line without a finite verb (a subject line, a heading, a list item) has no
    place for; nominal style is normal there, as ``nominalstil`` holds. The finding stays, without a
    verb to put in (issue 17, ninth review, S051)."""
    return (entry.term[:1].isupper() and " " not in entry.term and bool(entry.alternatives)
            and all(" " not in a and a[:1].islower() and is_known_verb(a) for a in entry.alternatives))


def _participle(verb: str) -> str | None:
    form = participle_of(verb) if is_known_verb(verb) else None
    return form if form and read_as_participle(form) else None


class Words:
    """The words of a sentence that lexicon terms are matched against, read once per sentence.

    Spaces, punctuation and placeholders are left out; ``lemmas`` are
    lowercased, with separated particles joined to their verb
    (:func:`einfach.nlp.syntax.particle_verbs`, kept as ``joined``), and a
    zu-participle read as its verb ("beizubringenden" -> "beibringen").
    ``singular`` holds, for a noun the tagger could not lemmatise (lemma =
    form, "Vorsprachen"), the form without a plural ending ("vorsprache");
    it is only compared with lexicon terms, never shown.  All lexicon rules
    of a run share one ``Words`` per sentence.
    """

    __slots__ = ("tokens", "lemmas", "lower", "tags", "joined", "vocabulary", "verbs", "singular", "nominal")

    def __init__(self, sentence: Span):
        view = doc_view(sentence.doc)
        self.joined = joined = particle_verbs(sentence)
        # the view's lists taken once (each ``view.x`` is an attribute look-up): this runs for every
        # sentence of the letter and of every rewrite the safety check analyses
        tokens, space, placeholder = view.tokens, view.space, view.placeholder
        indices = [i for i in range(sentence.start, sentence.end)
                   if not space[i] and not tokens[i].is_punct and i not in placeholder]
        self.tokens = [tokens[i] for i in indices]
        # :func:`einfach.nlp.syntax.lemma_of`, with the lowercased lemmas the view has read already
        keys, lowers, tags = view.key, view.lower, view.tag
        self.lemmas = lemmas = [joined.get(i) or keys[i] for i in indices]
        self.lower = lower = [lowers[i] for i in indices]
        self.tags = [tags[i] for i in indices]
        nominal = set()
        for position, tag in enumerate(self.tags):
            if tag.startswith("V") and view.text[indices[position]][:1].isupper() \
                    and not view.at_sentence_start(indices[position]):
                # a capitalised word inside a sentence is a noun whatever the tagger guessed
                # ("die Unterlagn" is no form of "unterliegen"; "das Vorliegen" is no form of the
                # verb: a term restricted to verb tags does not match it)
                lemmas[position] = lower[position]
                nominal.add(position)
            if tag in {"ADJA", "ADJD"}:
                verb = zu_participle_verb(lower[position])
                if verb:
                    lemmas[position] = verb
        self.nominal = frozenset(nominal)
        self.singular = [
            _singular(lemma, lower) if tag == "NN" else ()
            for lemma, lower, tag in zip(self.lemmas, self.lower, self.tags)
        ]
        # what a term's words and verb must be among to match anywhere in the sentence
        self.vocabulary = set(self.lemmas) | set(self.lower) | {form for forms in self.singular for form in forms}
        self.verbs = {lemma for lemma, tag in zip(self.lemmas, self.tags) if tag.startswith("V")}

    def is_(self, position: int, word: str) -> bool:
        """The word at ``position`` matches a lexicon word by its lemma, or by its own form.

        The form counts too because the tagger may lemmatise a word it does not
        know oddly (HanTa: "Wartemarke" -> "Wartemark"); an authority's own
        lexicon is full of such words.
        """
        return self.lemmas[position] == word or self.lower[position] == word or word in self.singular[position]


def _singular(lemma: str, lower: str) -> tuple[str, ...]:
    """"vorsprachen" -> ("vorsprache", "vorsprach") for a noun (NN) whose lemma is its own form, else ().

    HanTa leaves nouns it does not know as they are; German plurals of
    feminine nouns in -e add -n ("Vorsprache|n"), many others -en. The
    shortened form only matters if a lexicon term has it.
    """
    if lemma != lower:
        return ()
    # not -s: "Praxis" is no plural of "Praxi"; the Amtsdeutsch nouns with -s plurals are few.
    # Written out for the endings "n" and "en" (a word ending in "en" ends in "n"): most singular
    # nouns get here (lemma = form), and a generator per noun cost a good part of ``Words``
    if not lower.endswith("n") or len(lower) <= 4:
        return ()
    if lower.endswith("en") and len(lower) > 5:
        return lower[:-1], lower[:-2]
    return (lower[:-1],)


def _next_is(words: Words, last: Token, forms: tuple[str, ...]) -> bool:
    """Whether the word just after ``last`` (by its form or lemma) is one of ``forms``; a form
    written with a leading hyphen is an ending („-ung“: „dient der Verbesserung“, not „dient dem Wohl“)."""
    following = next((p for p, token in enumerate(words.tokens) if token.i == last.i + 1), None)
    # the lemma by itself only: an ending is read on the form („-ung“ does not name „Verbesserungen“)
    return following is not None and (words.lemmas[following] in forms or names_any((words.lower[following],), forms))


def _in_sentence(words: Words, forms: tuple[str, ...]) -> bool:
    """Whether one of ``forms`` (a lemma or form; with a leading hyphen an ending: „-bescheinigung“
    for „Meldebescheinigung“) stands in the sentence."""
    return names_any(words.vocabulary, forms)


def _context_fits(pattern: Pattern, words: Words, position: int) -> bool:
    """What stands before the match must fit the term.

    A noun + verb term without a preposition ("Verwendung finden") does not
    match inside a prepositional phrase ("zur Verwendung ... finden"), and a
    term written with a dative article ("einem Antrag entsprechen") needs a
    determiner ending in -em ("Ihrem Antrag"), since HanTa gives no case.
    """
    if pattern.verb is None:
        return True
    tags = words.tags
    before = position - 1
    while before >= 0 and tags[before] in {"ADJA", "ART", "PPOSAT", "PIAT", "PDAT", "CARD"}:
        before -= 1
    if pattern.fixed[0] not in PREPOSITIONS and before >= 0 and tags[before] in {"APPR", "APPRART"}:
        return False
    if pattern.dative:
        return position > 0 and words.lower[position - 1].endswith("em")  # the determiner before the noun
    return True


def _particle(view: DocView, verb: Token, joined: dict[int, str]) -> list[Token]:
    """The separated particle that belongs to ``verb``, if any."""
    if verb.i not in joined:
        return []
    sentence = view.sentence_of(verb.i)
    return [
        view.tokens[i] for i in range(sentence.start, sentence.end)
        if i != verb.i and view.tag[i] == "PTKVZ" and joined.get(i) == joined[verb.i]
    ][:1]


def _pronominal_forms(preposition: str) -> set[str]:
    """"von" -> {"davon", "hiervon", "wovon"}; "auf" -> {"darauf", ...}."""
    joint = "r" if preposition[:1] in "aeiouäöü" else ""
    return {f"da{joint}{preposition}", f"hier{preposition}", f"wo{joint}{preposition}"}


def _text_of(doc: Doc, tokens: list[Token]) -> str:
    if tokens[-1].i - tokens[0].i + 1 == len(tokens):
        return doc_view(doc).span_text(tokens[0].i, tokens[-1].i + 1)
    return " … ".join(t.text for t in tokens)
