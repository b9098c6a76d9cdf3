"""The default tagger: HanTa (Hannover Tagger) wrapped as a spaCy component.

HanTa ships its German model (``morphmodel_ger.pgz``) inside its PyPI
package, so einfach tags offline without downloading a spaCy pipeline.  It
is a hidden Markov model over morphological analyses; it gives STTS-like
tags and lemmas but no case, number or mood.  This module (with
``hanta_fast.py``, which it uses) is the place that knows HanTa: it maps
HanTa's tags through the table in ``stts.py`` and sets ``tag_``, ``pos_``,
``lemma_`` and the morphology derivable from the tag.

Speed (issue 7, figures in ``docs/performance.md``): the component runs
HanTa's model through :class:`einfach.nlp.hanta_fast.FastHanta`, which
computes the same tags and lemmas as ``HanoverTagger.tag_sent(words,
taglevel=1)`` with a faster decoder and memoised word analyses
(``tests/test_tagger_identity.py`` checks the identity), and writes all
annotations of a Doc with one ``Doc.from_array`` call.
"""

from __future__ import annotations

from functools import lru_cache

import numpy
from spacy.attrs import IS_SPACE, LEMMA, MORPH, POS, SENT_START, TAG
from spacy.language import Language
from spacy.parts_of_speech import IDS as UPOS_IDS
from spacy.tokens import Doc

from ..document import INVISIBLE_CHARACTERS
from ..gc_pause import paused
from .stts import from_hanta
from .tokens import placeholder_indices

# Characters HanTa should not see inside a gender form ("Antragsteller:innen").
_GENDER_MARKS = str.maketrans("", "", ":*_/")
_INVISIBLE = str.maketrans("", "", INVISIBLE_CHARACTERS)
_COLUMNS = [TAG, POS, LEMMA, MORPH]


MODEL = "morphmodel_ger.pgz"  # HanTa's German model, shipped inside its package
CACHE_SIZE = 200_000
# Tokens longer than this are tagged by a shortened stand-in and keep their text as lemma (see
# _shortened); the longest German legal compounds have about 65 letters.
MAX_FORM_CHARS = 100
KEPT_CHARS = 40


@lru_cache(maxsize=1)
def load_fast_hanta():
    """HanTa's German model, once per process, with einfach's fast path (:class:`FastHanta`)."""
    from .hanta_fast import FastHanta, HanTaModel

    with paused():  # the model's pickle holds about 70,000 containers (see gc_pause)
        tagger = HanTaModel(MODEL)  # HanTa's HanoverTagger, set up faster
        fast = FastHanta(tagger, cache_size=CACHE_SIZE)
    fast.known_lemmas = _known_lemmas(fast)
    # For callers of HanTa's own API (tag_word, analyze): memoised word analyses, as before.
    tagger._tag_word = lru_cache(maxsize=CACHE_SIZE)(tagger._tag_word)
    tagger._analyze = lru_cache(maxsize=CACHE_SIZE)(tagger._analyze)
    return fast


def _known_lemmas(fast):
    """The lemmas of every form HanTa's model knows, as a memory-mapped table in einfach's cache
    folder (built once per HanTa model, about 3 s; derived from the model only, never from a
    checked text).  None when caching is off or the folder cannot be written: building it per
    process would cost more than it saves."""
    import os
    from importlib.metadata import PackageNotFoundError, version

    import HanTa

    from ..lookup_cache import file_identity, fingerprint, optional_bytes_trie
    from . import hanta_fast  # its analyze_viterbi computes the lemmas: a change to it rebuilds the table

    try:
        hanta_version = version("HanTa")
    except PackageNotFoundError:
        hanta_version = "?"
    model_file = os.path.join(os.path.dirname(HanTa.__file__), MODEL)
    model = file_identity(model_file) if os.path.isfile(model_file) else MODEL
    code = [file_identity(hanta_fast.__file__)]
    if fast._fill is not hanta_fast.fill_lattice:  # the compiled loops (_lattice.c) compute them
        from . import _lattice

        code.append(file_identity(_lattice.__file__))
    source = fingerprint("HanTa lemmas", hanta_version, model, *code)
    return optional_bytes_trie("hanta-lemmas", source, fast.known_lemmas_items)


def load_hanta():
    """The process's ``HanoverTagger`` (HanTa's German model, loaded once).

    Its results are plain HanTa's; ``analyze_forward`` and ``analyze_viterbi``
    are the memoised fast versions of :mod:`einfach.nlp.hanta_fast`, and
    ``_tag_word`` and ``_analyze`` are memoised.
    """
    return load_fast_hanta().tagger


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
        self._fast = None
        self._vocab = None  # the vocab the cached (TAG, POS, MORPH) values were added to
        self._values: dict[str, tuple[int, int, int]] = {}

    @property
    def fast(self):
        if self._fast is None:
            self._fast = load_fast_hanta()
        return self._fast

    @property
    def hanta(self):
        """The underlying ``HanoverTagger``."""
        return self.fast.tagger

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if n == 0:
            return doc
        texts = [token.text for token in doc]
        spaces = set(doc.to_array(IS_SPACE).nonzero()[0].tolist())
        placeholders = placeholder_indices(doc)
        has_sentences = doc.has_annotation("SENT_START")
        if has_sentences and "sents" in doc.user_hooks:
            bounds = [(span.start, span.end) for span in doc.sents]
        else:
            starts = [0]
            if has_sentences:
                # Doc.sents starts a sentence at each token (but the first) with sent_start == 1
                sent_start = doc.to_array(SENT_START).view(numpy.int64)
                starts += [i + 1 for i in (sent_start[1:] == 1).nonzero()[0].tolist()]
            bounds = list(zip(starts, starts[1:] + [n]))

        vocab = doc.vocab
        strings = vocab.strings
        if vocab is not self._vocab:
            self._vocab, self._values = vocab, {}
        values = self._values
        fast = self.fast
        tag_of = fast.tagger.int2tag
        lemma_of = fast.lemma
        morphs = doc.to_array(MORPH).tolist()
        # the four columns of Doc.from_array as flat lists (one numpy conversion of four lists is
        # cheaper than one of a tuple per token)
        tags, poses, lemmas = [0] * n, [0] * n, [0] * n
        space_row = _values(vocab, "_SP", "SPACE", "")
        placeholder_row = _values(vocab, "NE", "PROPN", "")
        add = strings.add
        for start, end in bounds:
            indices = []
            for i in range(start, end):
                if i in spaces:
                    tags[i], poses[i], lemmas[i] = space_row[0], space_row[1], add(texts[i])
                elif i in placeholders:
                    tags[i], poses[i], lemmas[i] = placeholder_row[0], placeholder_row[1], add(texts[i])
                else:
                    indices.append(i)
            if not indices:
                continue
            forms = [_hanta_form(texts[i]) for i in indices]
            for i, form, tag in zip(indices, forms, fast.tag_ids(forms)):
                name = tag_of[tag]
                row = values.get(name)
                if row is None:
                    info = from_hanta(name)
                    row = values[name] = _values(vocab, info.stts, info.upos, info.morph)
                lemma = lemma_of(form, tag) if len(texts[i]) <= MAX_FORM_CHARS else texts[i]
                tags[i], poses[i], lemmas[i] = row[0], row[1], add(lemma)
                if row[2]:
                    morphs[i] = row[2]
        # (4, n) in C order: its transpose is the (n, 4) array from_array reads, without a copy
        doc.from_array(_COLUMNS, numpy.array([tags, poses, lemmas, morphs], dtype=numpy.uint64).T)
        return doc


def _values(vocab, stts: str, upos: str, morph: str) -> tuple[int, int, int]:
    """(TAG, POS, MORPH) values for ``Doc.from_array``; adds the strings to ``vocab``."""
    return (vocab.strings.add(stts), UPOS_IDS[upos], vocab.morphology.add(morph) if morph else 0)


def _hanta_form(text: str) -> str:
    """The form HanTa sees: gender forms without their gender mark; soft hyphens, zero-width
    spaces and word joiners left out; very long tokens shortened."""
    if not text.isascii():
        text = text.translate(_INVISIBLE) or text
    if len(text) > MAX_FORM_CHARS:
        return _shortened(text)
    has_mark = "/" in text or ":" in text or "*" in text or "_" in text  # cheaper than any() per token
    if has_mark and not text.startswith(("http", "www")) and "@" not in text:
        stripped = text.translate(_GENDER_MARKS)
        if stripped:
            return stripped
    return text


def _shortened(text: str) -> str:
    """A stand-in of ``KEPT_CHARS`` for a token longer than ``MAX_FORM_CHARS``: its first
    character (for the capital letter) and its end (German compounds take their part of
    speech from the last part).  HanTa's letter lattice grows much faster than the length
    of a word (1,000 letters: 5 s, 3,000: 60 s), so a pasted hash, a Base64 block or a
    table flattened into one token would otherwise stall the check."""
    return text[0] + text[-(KEPT_CHARS - 1):]
