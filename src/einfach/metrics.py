"""Readability figures and the Einfach-Index, computed on einfach's own analysis.

Everything here works on the spaCy Doc the pipeline produced: its sentences
(einfach's segmenter), its words (a token with a letter or digit, see
docs/definitions.md) and syllables counted by :mod:`einfach.nlp.syllables`.
textstat is deliberately not used: it splits "z. B." into sentences and loses
one-letter syllables.

Three layers:

* :func:`sentence_counts` turns one sentence into raw counts (words,
  syllables, long words, rare words, nominal style, passive, subordinating
  words, commas, long compounds, ...).  The checker stores them on each
  :class:`~einfach.findings.Segment`.
* :func:`readability` turns counts (of a sentence, or summed over the
  complete sentences of a document) into the published figures.
* The Einfach-Index (``einfach/data/index_model.json``, fitted by
  ``eval/fit_index.py``): :func:`predict_rating` is the sentence model
  (TextComplexityDE ratings), :func:`sentence_index` puts that rating on the
  0..100 scale; :func:`document_index` is the document model over the
  summed counts and the mean sentence rating (:func:`document_features`),
  fitted on documents of known level.  :func:`band` names the band with the
  model's cut points (names and their meaning: :mod:`einfach.bands`).

Neither the figures nor the index depend on the profile or on rule
selection: the passive share uses the passive finder (:mod:`einfach.nlp.passive`)
directly with the parameters of ``rules/passiv.yml``.  docs/index.md explains the index.

Word frequencies come from :func:`einfach.nlp.frequency.zipf`, which gives
exactly wordfreq's ``zipf_frequency`` (tested), so the index does not move
under the same ``index_version``; the model is read once per process.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from .nlp.syllables import count_syllables, syllable_word

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span

# Version of the feature definitions below (features(), document_features(),
# sentence_counts(), the constants).  Raise it whenever one of them changes and refit with
# eval/fit_index.py: index_model() refuses a model fitted for another version.
FEATURE_VERSION = 2
RARE_ZIPF = 3.0  # a word is rare below this Zipf frequency (about once per million words)
COMMON_ZIPF = 6.0  # word load: how far each word lies below the most common German words
LONG_WORD_LETTERS = 6  # LIX and Wiener: a long word has more than six letters
NOMINAL_SUFFIXES = ("ung", "heit", "keit", "ion", "nis", "tät", "ierung")
NOMINAL_PLURAL_SUFFIXES = ("ungen", "heiten", "keiten", "ionen", "nisse", "nissen", "täten")
COMPOUND_LETTERS = 13  # a long compound: a noun of 13 letters or more
SUBORDINATORS = frozenset({"KOUS", "KOUI", "PRELS", "PRELAT", "PWAV"})
COUNT_KEYS = (
    "words", "lexical_words", "syllables", "monosyllables", "polysyllables", "long_words",
    "frequency_words", "rare_words", "word_load", "nominal", "passive",
    "subordinators", "commas", "compounds",
)


# -- words -------------------------------------------------------------------
def is_word(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


@lru_cache(maxsize=131072)
def zipf(word: str) -> float:
    """wordfreq's Zipf frequency of a German word (lowercase; gender forms joined)."""
    from .nlp.frequency import zipf as frequency_zipf

    key = word.lower()
    for mark in (":", "*", "_"):
        key = key.replace(mark, "")
    return frequency_zipf(key)


def is_nominal(token) -> bool:
    """A noun in nominal style: -ung, -heit, -keit, -ion, -nis, -tät (-ierung) or a nominalised infinitive."""
    if token.tag_ != "NN":
        return False
    if "Inf" in token.morph.get("NounType"):
        return True
    lemma = (token.lemma_ or token.text).lower()
    text = token.text.lower()
    return lemma.endswith(NOMINAL_SUFFIXES) or text.endswith(NOMINAL_SUFFIXES + NOMINAL_PLURAL_SUFFIXES)


# -- counts ------------------------------------------------------------------
@lru_cache(maxsize=1)
def passive_parameters() -> tuple[bool, frozenset[str]]:
    """(sein_zu, zu_blockers) of rules/passiv.yml, whatever the profile."""
    from .rules.loader import load_rules

    parameters = load_rules()["passiv"].parameters
    return bool(parameters.get("sein_zu", True)), frozenset(w.lower() for w in parameters.get("zu_blockers", []))


def passive_sentences(doc: "Doc") -> set[int]:
    """Start token indices of the sentences of ``doc`` that contain a passive."""
    from .nlp.passive import find_passives

    return {doc[match.start].sent.start for match in find_passives(doc, *passive_parameters())}


@lru_cache(maxsize=131072)
def _profile(text: str) -> tuple[bool, int, bool, bool] | None:
    """(has syllables, syllables, long word, has a digit) of a token's text; None if not a word."""
    if not is_word(text):
        return None
    has_digit = any(ch.isdigit() for ch in text)
    if not syllable_word(text):
        return (False, 0, False, has_digit)
    return (True, count_syllables(text), sum(ch.isalpha() for ch in text) > LONG_WORD_LETTERS, has_digit)


def sentence_counts(sentence: "Span", passive: bool) -> dict[str, Any]:
    """Raw counts of one sentence (or any span); see COUNT_KEYS.

    Three sets of words: all words (sentence length, nominal density);
    words with syllables, which leaves out numbers, abbreviations and
    placeholders (syllable-based shares); and words with a frequency, which
    leaves out numbers, placeholders and names (NE) but keeps abbreviations
    ("Abs.", "AufenthG" are hard to read; "Yılmaz" is rare but not hard).
    """
    from .rules.view import doc_view

    return counts_in(doc_view(sentence.doc), sentence.start, sentence.end, passive)


def counts_in(view, start: int, end: int, passive: bool) -> dict[str, Any]:
    """:func:`sentence_counts` of the tokens ``start:end`` of a Doc, read from its
    :class:`~einfach.rules.view.DocView` (the checker's Docs still hold the rules' view)."""
    words = lexical = syllables = mono = poly = long = frequency_words = rare = nominal = 0
    subordinators = compounds = commas = 0
    load = 0.0
    texts, tags, tokens = view.word, view.tag, view.tokens  # words without soft hyphens
    placeholders = view.placeholder
    for i in range(start, end):
        text = texts[i]
        tag = tags[i]
        if tag == "$,":
            commas += 1
        profile = _profile(text)
        if profile is None:
            continue
        words += 1
        if tag in SUBORDINATORS:
            subordinators += 1
        elif tag == "NN":
            if is_nominal(tokens[i]):
                nominal += 1
            compounds += len(text) >= COMPOUND_LETTERS and text.isalpha()
        counted, count, is_long, has_digit = profile
        if has_digit:
            continue
        if not text.isalpha() and (tokens[i].like_url or tokens[i].like_email or i in placeholders):
            continue
        if counted:
            lexical += 1
            syllables += count
            mono += count == 1
            poly += count >= 3
            long += is_long
        if tag == "NE":
            continue
        frequency = zipf(text)
        frequency_words += 1
        rare += frequency < RARE_ZIPF
        load += max(0.0, COMMON_ZIPF - frequency)
    return {
        "words": words, "lexical_words": lexical, "syllables": syllables, "monosyllables": mono,
        "polysyllables": poly, "long_words": long, "frequency_words": frequency_words, "rare_words": rare,
        "word_load": load, "nominal": nominal, "passive": int(bool(passive)), "sentences": 1,
        "subordinators": subordinators, "commas": commas, "compounds": compounds,
    }


def add_counts(items: Iterable[dict[str, Any]]) -> dict[str, Any]:
    total: dict[str, Any] = dict.fromkeys((*COUNT_KEYS, "sentences"), 0)
    for counts in items:
        for key in total:
            total[key] += counts.get(key, 0)
    return total


# -- formulas ----------------------------------------------------------------
def flesch_amstad(words_per_sentence: float, syllables_per_word: float) -> float:
    """Flesch reading ease for German (Amstad 1978): 180 − ASL − 58.5 × ASW."""
    return 180.0 - words_per_sentence - 58.5 * syllables_per_word


def wiener_sachtextformel(ms: float, sl: float, iw: float, es: float) -> float:
    """First Wiener Sachtextformel (Bamberger & Vanecek 1984).

    ``ms``: % of words with three or more syllables, ``sl``: words per
    sentence, ``iw``: % of words with more than six letters, ``es``: % of
    one-syllable words.  About 4 = very easy, 15 = very hard (school grades).
    """
    return 0.1935 * ms + 0.1672 * sl + 0.1297 * iw - 0.0327 * es - 0.875


def lix(words_per_sentence: float, long_word_percent: float) -> float:
    """LIX (Björnsson 1968): words per sentence + % of words with more than six letters."""
    return words_per_sentence + long_word_percent


def readability(counts: dict[str, Any]) -> dict[str, Any] | None:
    """The published figures of summed counts (None without a complete sentence).

    Sentence length uses all words; the per-word shares (syllables, long,
    one- and three-syllable words) use words with syllables (not numbers or
    abbreviations); the rare-word share leaves out names (NE).
    """
    sentences = counts.get("sentences", 0)
    words = counts.get("words", 0)
    if not sentences or not words:
        return None
    lexical = counts["lexical_words"]
    asl = words / sentences
    asw = counts["syllables"] / lexical if lexical else 0.0

    def percent(key: str) -> float:
        return 100.0 * counts[key] / lexical if lexical else 0.0

    return {
        "syllables_per_word": round(asw, 2),
        "flesch_amstad": round(flesch_amstad(asl, asw), 1),
        "wiener_sachtextformel": round(
            wiener_sachtextformel(percent("polysyllables"), asl, percent("long_words"), percent("monosyllables")), 1
        ),
        "lix": round(lix(asl, percent("long_words")), 1),
        "passive_share": round(counts["passive"] / sentences, 3),
        "nominal_density": round(100.0 * counts["nominal"] / words, 1),
        "rare_word_share": round(counts["rare_words"] / counts["frequency_words"], 3) if counts["frequency_words"] else 0.0,
    }


def findings_per_100_words(rules: Iterable[str], words: int) -> dict[str, float]:
    """Findings of each rule per 100 words."""
    if not words:
        return {}
    return {rule: round(100.0 * count / words, 2) for rule, count in sorted(Counter(rules).items())}


# -- the Einfach-Index ---------------------------------------------------------
def features(counts: dict[str, Any]) -> dict[str, float]:
    """The measures of one sentence (or of one rated item) the sentence model may use."""
    words = max(counts["words"], 1)
    lexical = counts["lexical_words"]
    return {
        "log_words": math.log(words),
        "word_load": math.log1p(counts["word_load"]),
        "nominal": float(counts["nominal"]),
        "syllables_per_word": counts["syllables"] / lexical if lexical else 0.0,
        "long_word_share": counts["long_words"] / lexical if lexical else 0.0,
        "rare_word_share": counts["rare_words"] / counts["frequency_words"] if counts["frequency_words"] else 0.0,
        "passive": float(counts["passive"]),
        "subordinators": math.log1p(counts["subordinators"]),
        "commas": float(counts["commas"]),
        "compounds": float(counts["compounds"]),
    }


def document_features(counts: dict[str, Any], rating: float) -> dict[str, float]:
    """The measures of a document the document model may use.

    ``counts`` are summed over the document's complete sentences (``sentences``
    = their number), ``rating`` is the word-weighted mean of their predicted
    ratings.  Sums and one mean, so a file checked piece by piece gets the
    same figures (:class:`MetricsAccumulator`).
    """
    sentences = max(counts["sentences"], 1)
    words = max(counts["words"], 1)
    frequency_words = counts["frequency_words"]
    return {
        "rating": rating,
        "log_sentence_words": math.log(words / sentences),
        "passive_share": counts["passive"] / sentences,
        "commas_per_sentence": counts["commas"] / sentences,
        "subordinators_per_sentence": counts["subordinators"] / sentences,
        "compound_share": counts["compounds"] / words,
        "nominal_share": counts["nominal"] / words,
        "load_per_word": counts["word_load"] / frequency_words if frequency_words else 0.0,
    }


@lru_cache(maxsize=1)
def index_model() -> dict[str, Any]:
    """The fitted model (einfach/data/index_model.json), read once."""
    text = resources.files("einfach.data").joinpath("index_model.json").read_text("utf-8")
    model = json.loads(text)
    if model.get("feature_version") != FEATURE_VERSION:
        raise RuntimeError(
            f"index_model.json was fitted for feature version {model.get('feature_version')}, "
            f"the code computes version {FEATURE_VERSION}: run eval/fit_index.py"
        )
    return model


def linear(part: dict[str, Any], values: dict[str, float]) -> float:
    """intercept + sum of coefficient * (value - mean) / scale, over the part's features."""
    score = part["intercept"]
    for name, mean, scale, coefficient in zip(part["features"], part["means"], part["scales"], part["coefficients"]):
        score += coefficient * (values[name] - mean) / scale
    return score


def predict_rating(counts: dict[str, Any], model: dict[str, Any] | None = None) -> float:
    """The complexity rating of a sentence (1–7 scale of TextComplexityDE) the sentence model predicts."""
    return linear((model or index_model())["sentence"], features(counts))


def rating_to_index(rating: float, model: dict[str, Any] | None = None) -> float:
    """Sentence index: intercept + slope * rating, clipped to 0..100 (higher = easier).

    The line is fitted by ``eval/fit_index.py`` on the documents of known
    level (their document index against their mean sentence rating), so a
    sentence reads on the same scale and with the same bands as a document
    made of sentences like it.  It is monotone: the order of sentences is
    the order of their predicted ratings.
    """
    mapping = (model or index_model())["sentence"]["mapping"]
    return min(100.0, max(0.0, mapping["intercept"] + mapping["slope"] * rating))


def sentence_index(counts: dict[str, Any]) -> float:
    return rating_to_index(predict_rating(counts))


def document_index(counts: dict[str, Any], rating: float, model: dict[str, Any] | None = None) -> float:
    """Document index from summed counts and the mean sentence rating (see :func:`document_features`).

    The document model predicts a level on the scale of the fitting classes
    (1 = Leichte Sprache ... 5 = laws), mapped linearly to 100 ... 0 and clipped.
    """
    return min(100.0, max(0.0, document_scale_value(counts, rating, model)))


def document_scale_value(counts: dict[str, Any], rating: float, model: dict[str, Any] | None = None) -> float:
    """The document index before clipping to 0..100: evaluations use it to see a change below the floor."""
    part = (model or index_model())["document"]
    level = linear(part, document_features(counts, rating))
    easiest, hardest = part["mapping"]["easiest"], part["mapping"]["hardest"]
    return 100.0 * (hardest - level) / (hardest - easiest)


def bands(model: dict[str, Any] | None = None) -> list[tuple[float, str]]:
    """(lower bound, name) of the five bands, easiest first (from the model file; names: einfach.bands)."""
    return [(lower, name) for lower, name in (model or index_model())["bands"]]


def band(value: float | None) -> str | None:
    """"sehr verständlich", "verständlich", "mittel", "schwer" or "sehr schwer" (cut points from the model)."""
    if value is None:
        return None
    ordered = bands()
    for lower, name in ordered:
        if value >= lower:
            return name
    return ordered[-1][1]


def index_object(value: float | None) -> dict[str, Any]:
    """The JSON form: value (one decimal), band, index_version."""
    value = None if value is None else round(value, 1)
    return {
        "value": value,
        "band": band(value),  # of the rounded value, so that value and band always agree
        "index_version": index_model()["index_version"],
    }


# -- per file ------------------------------------------------------------------
READABILITY_KEYS = (
    "syllables_per_word", "flesch_amstad", "wiener_sachtextformel", "lix",
    "passive_share", "nominal_density", "rare_word_share",
)


def annotate_segments(segments: list, findings: list) -> None:
    """Fill ``index`` and ``metrics`` of every complete sentence (fragments keep None)."""
    from bisect import bisect_right

    starts = [segment.start for segment in segments]
    rules_of: dict[int, list[str]] = {}
    ordered = all(a <= b for a, b in zip(starts, starts[1:]))
    for finding in findings:
        if ordered:
            position = bisect_right(starts, finding.start) - 1
            candidates = [position] if position >= 0 else []
        else:  # pragma: no cover - segments always come in text order
            candidates = range(len(segments))
        for position in candidates:
            segment = segments[position]
            if segment.start <= finding.start < segment.end:
                rules_of.setdefault(position, []).append(finding.rule)
                break
    for position, segment in enumerate(segments):
        if segment.fragment or segment.counts is None:
            segment.index = None
            segment.metrics = None
            continue
        segment.index = sentence_index(segment.counts)
        figures = readability(segment.counts) or {}
        figures["passive"] = bool(segment.counts["passive"])
        figures.pop("passive_share", None)
        figures["findings_per_100_words"] = findings_per_100_words(rules_of.get(position, []), segment.words)
        segment.metrics = figures


def document_metrics(segments: list, findings: list) -> dict[str, Any]:
    """The ``metrics`` object of a file (docs/json-schema.md)."""
    accumulator = MetricsAccumulator()
    accumulator.add(segments, findings)
    return accumulator.result()


class MetricsAccumulator:
    """:func:`document_metrics` from running sums, for a file checked piece by piece.

    ``add`` the annotated segments and the findings of each piece in text
    order; ``result()`` is then exactly ``document_metrics`` of all of them
    (the sums are taken in the same order, so even the floats are equal).
    """

    def __init__(self) -> None:
        self.words = self.sentence_words = self.sentences = self.segments = self.counted = 0
        self.counts: dict[str, Any] = dict.fromkeys((*COUNT_KEYS, "sentences"), 0)
        self.rules: Counter[str] = Counter()
        self.index_words = self.rating_weighted = 0.0

    def add(self, segments: Iterable, findings: Iterable) -> None:
        for segment in segments:
            self.segments += 1
            self.words += segment.words
            if segment.fragment:
                continue
            self.sentences += 1
            self.sentence_words += segment.words
            if segment.counts is not None:
                self.counted += 1
                for key in self.counts:
                    self.counts[key] += segment.counts.get(key, 0)
            if segment.index is not None and segment.counts is not None:
                self.index_words += segment.words
                self.rating_weighted += segment.words * predict_rating(segment.counts)
        self.rules.update(finding.rule for finding in findings)

    def unclipped_index(self) -> float | None:
        """The document index before clipping (:func:`document_scale_value`); None without indexed words."""
        if not self.index_words:
            return None
        return document_scale_value(self.counts, self.rating_weighted / self.index_words)

    def result(self) -> dict[str, Any]:
        sentences = self.sentences
        result: dict[str, Any] = {
            "words": self.words,
            "sentences": sentences,
            "segments": self.segments,
            "avg_sentence_words": round(self.sentence_words / sentences, 1) if sentences else 0.0,
        }
        figures = readability(self.counts) if self.counted and self.counted == sentences else None
        result.update(figures or dict.fromkeys(READABILITY_KEYS))
        result["findings_per_100_words"] = findings_per_100_words(self.rules.elements(), self.words)
        value = None
        if self.index_words:
            value = document_index(self.counts, self.rating_weighted / self.index_words)
        result["index"] = index_object(value)
        return result
