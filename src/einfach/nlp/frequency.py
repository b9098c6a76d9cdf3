"""German word frequencies, loaded on first use.

``zipf(word)`` is the Zipf frequency of a word in German (log10 of its
frequency per billion words: 6 is very common, 3 is about once per million
words, 0 is unknown) from the ``wordfreq`` package.  wordfreq reads its data
files on the first lookup, which takes about a second, so it is imported
only inside :func:`zipf`: ``einfach --help``, ``einfach rules`` and a check
without a frequency-based rule never load it.

Licence: the wordfreq code is Apache-2.0; its word-frequency data is
CC BY-SA 4.0 (built from Wikipedia, subtitles, news, books, web text and
other sources, see the wordfreq documentation).  einfach only queries the
data at run time and ships none of it.
"""

from __future__ import annotations

from functools import lru_cache

LANGUAGE = "de"


@lru_cache(maxsize=1)
def _zipf_function():
    from wordfreq import zipf_frequency

    return zipf_frequency


@lru_cache(maxsize=200_000)
def zipf(word: str) -> float:
    """Zipf frequency of ``word`` in German (case-insensitive); 0.0 if unknown."""
    if not word:
        return 0.0
    return float(_zipf_function()(word, LANGUAGE))
