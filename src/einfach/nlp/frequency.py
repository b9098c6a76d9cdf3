"""German word frequencies (wordfreq), answered from a memory-mapped table.

``zipf(word)`` is the Zipf frequency of a word in German (log10 of its
frequency per billion words: 6 is very common, 3 is about once per million
words, 0 is unknown), exactly as ``wordfreq.zipf_frequency(word, "de")``
returns it.

wordfreq reads its whole German list (about 1 M words) on the first look-up:
0.15 s to import, 0.35 s and 80 MB to load, in every process.  einfach
converts the list once into a trie of word → frequency band
(:mod:`einfach.lookup_cache`) and answers the usual words from it: letters
(Latin script) and digit groups, joined by hyphens ("E-Mail", "Abs.",
"2024", "Covid-19", "Aufnahme-").  For these, wordfreq's tokenizer gives exactly those parts,
and the arithmetic below is wordfreq's (combining parts, rounding, digit
estimates).  Anything else (apostrophes, other scripts, mixed letters and
digits) is passed to wordfreq itself.  A test compares both on many words.

Licence: the wordfreq code is Apache-2.0; its word-frequency data is
CC BY-SA 4.0 (built from Wikipedia, subtitles, news, books, web text and
other sources, see the wordfreq documentation).  einfach ships none of the
data: the table is derived on the user's machine from the installed package.
"""

from __future__ import annotations

import math
import os
import re
import unicodedata
from functools import lru_cache

from ..lookup_cache import file_identity, fingerprint, record_trie

LANGUAGE = "de"

_LATIN_LETTERS = "a-zß-öø-ÿĀ-ɏ"  # after casefolding: ASCII, Latin-1 and Latin Extended-A/B letters
_LETTERS = rf"[{_LATIN_LETTERS}]+\.?"  # "antrag", "abs." (wordfreq keeps "z.b." as one token)
# hyphens between them, and one before or after ("Aufnahme- und ...", "...-Methoden")
_PARTS = re.compile(rf"-?(?:{_LETTERS}|[0-9]+)(?:-(?:{_LETTERS}|[0-9]+))*-?")
_SEPARATORS = re.compile(r"[-.]")

# wordfreq.numbers (Apache-2.0): estimated frequencies of digit sequences
_DIGIT_FREQS = [0.009, 0.300, 0.175, 0.124, 0.096, 0.078, 0.066, 0.057, 0.050, 0.045]
_YEAR_LOG_PEAK = -1.9185
_NOT_YEAR_PROB = 0.1
_REFERENCE_YEAR = 2019
_PLATEAU_WIDTH = 20
_MINIMUM = 10**0.0 / 1e9  # wordfreq's zipf_to_freq(0.0): the frequency of an unknown word


def _source() -> str:
    """wordfreq's German list, found without importing wordfreq (the import alone takes 0.15 s)."""
    from importlib.util import find_spec

    spec = find_spec("wordfreq")
    for folder in spec.submodule_search_locations if spec and spec.submodule_search_locations else ():
        for size in ("large", "small"):  # wordfreq's "best" list
            path = os.path.join(folder, "data", f"{size}_{LANGUAGE}.msgpack.gz")
            if os.path.isfile(path):
                return path
    from wordfreq import available_languages

    return available_languages("best")[LANGUAGE]


def _items():
    from wordfreq import get_frequency_list

    for band, words in enumerate(get_frequency_list(LANGUAGE)):
        for word in words:
            yield word, (band,)


@lru_cache(maxsize=1)
def _bands():
    """The trie of word → frequency band (wordfreq's centibels below 1, as a positive number)."""
    source = _source()
    return record_trie("wordfreq-de", fingerprint("wordfreq", file_identity(source)), _items, "<H")


@lru_cache(maxsize=1)
def _wordfreq_zipf():
    from wordfreq import zipf_frequency

    return zipf_frequency


@lru_cache(maxsize=200_000)
def zipf(word: str) -> float:
    """Zipf frequency of ``word`` in German (case-insensitive); 0.0 if unknown."""
    if not word:
        return 0.0
    key = unicodedata.normalize("NFC", word).casefold()
    if not _PARTS.fullmatch(key):
        return float(_wordfreq_zipf()(word, LANGUAGE))
    return _zipf_of_parts([part for part in _SEPARATORS.split(key) if part])


def _zipf_of_parts(parts: list[str]) -> float:
    """wordfreq's ``_word_frequency`` and ``zipf_frequency`` for tokens without special cases."""
    bands = _bands()
    one_over_result = 0.0
    for token in parts:
        smashed = "0" * len(token) if len(token) > 1 and token.isdigit() else token
        record = bands.get(smashed)
        if not record:
            return _to_zipf(_MINIMUM)
        freq = 10 ** (-record[0][0] / 100)
        if smashed != token:
            freq *= _digit_freq(token)
        one_over_result += 1.0 / freq
    unrounded = max(1.0 / one_over_result, _MINIMUM)
    leading_zeroes = math.floor(-math.log(unrounded, 10))
    return _to_zipf(round(unrounded, leading_zeroes + 3))


def _to_zipf(freq: float) -> float:
    return round(math.log(freq, 10) + 9, 2)


def _digit_freq(digits: str) -> float:
    """wordfreq.numbers.digit_freq for one group of ASCII digits (a year if it has four)."""
    if len(digits) != 4:
        return _benford_freq(digits)
    year = int(digits)
    if year <= _REFERENCE_YEAR:
        year_log_freq = _YEAR_LOG_PEAK - 0.0083 * (_REFERENCE_YEAR - year)
    elif year <= _REFERENCE_YEAR + _PLATEAU_WIDTH:
        year_log_freq = _YEAR_LOG_PEAK
    else:
        year_log_freq = _YEAR_LOG_PEAK - 0.2 * (year - (_REFERENCE_YEAR + _PLATEAU_WIDTH))
    return 10.0**year_log_freq + _NOT_YEAR_PROB * _benford_freq(digits)


def _benford_freq(digits: str) -> float:
    return _DIGIT_FREQS[int(digits[0])] / 10 ** (len(digits) - 1)
