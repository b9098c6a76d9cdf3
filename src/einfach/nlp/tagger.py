"""The default tagger: HanTa (Hannover Tagger) wrapped as a spaCy component.

HanTa ships its German model (``morphmodel_ger.pgz``) inside its PyPI
package, so einfach tags offline without downloading a spaCy pipeline.  It
is a hidden Markov model over morphological analyses; it gives STTS-like
tags and lemmas but no case, number or mood.  This module is the only place
that knows HanTa: it maps HanTa's tags through the table in ``stts.py`` and
sets ``tag_``, ``pos_``, ``lemma_`` and the morphology derivable from the tag.

Speed: HanTa analyses every word form from scratch on each call.  The
analyses of a word form are deterministic, so they are memoised per process
(``_tag_word`` and ``_analyze``); the Viterbi decoding per sentence stays
HanTa's own, so tags are identical to plain HanTa.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from .stts import from_hanta

CACHE_SIZE = 200_000
# Characters HanTa should not see inside a gender form ("Antragsteller:innen").
_GENDER_MARKS = str.maketrans("", "", ":*_/")


@lru_cache(maxsize=1)
def load_hanta():
    """Load HanTa's German model once per process and memoise its word analyses."""
    from HanTa import HanoverTagger

    tagger = HanoverTagger.HanoverTagger("morphmodel_ger.pgz")
    tagger._tag_word = lru_cache(maxsize=CACHE_SIZE)(tagger._tag_word)
    tagger._analyze = lru_cache(maxsize=CACHE_SIZE)(tagger._analyze)
    return tagger


@Language.factory(
    "einfach_tagger",
    assigns=["token.tag", "token.pos", "token.lemma", "token.morph"],
    requires=["token.is_sent_start"],
)
def make_tagger(nlp: Language, name: str) -> "HantaTagger":
    return HantaTagger()


class HantaTagger:
    """Tags each sentence of a Doc with HanTa."""

    def __init__(self) -> None:
        self._hanta = None

    @property
    def hanta(self):
        if self._hanta is None:
            self._hanta = load_hanta()
        return self._hanta

    def __call__(self, doc: Doc) -> Doc:
        has_sentences = doc.has_annotation("SENT_START")
        sentences = doc.sents if has_sentences else [doc[:]]
        for sentence in sentences:
            self._tag_sentence(sentence)
        return doc

    def _tag_sentence(self, sentence) -> None:
        words = []
        for token in sentence:
            if token.is_space:
                token.tag_ = "_SP"
                token.pos_ = "SPACE"
                token.lemma_ = token.text
            elif token._.einfach_placeholder:
                token.tag_ = "NE"
                token.pos_ = "PROPN"
                token.lemma_ = token.text
            else:
                words.append(token)
        if not words:
            return
        forms = [_hanta_form(token.text) for token in words]
        for token, (_, lemma, tag) in zip(words, self.hanta.tag_sent(forms, taglevel=1)):
            info = from_hanta(tag)
            token.tag_ = info.stts
            token.pos_ = info.upos
            token.lemma_ = lemma
            if info.morph:
                token.set_morph(info.morph)


def _hanta_form(text: str) -> str:
    """The form HanTa sees: gender forms without their gender mark."""
    if any(mark in text for mark in ":*_/") and not text.startswith(("http", "www")) and "@" not in text:
        stripped = text.translate(_GENDER_MARKS)
        if stripped:
            return stripped
    return text
