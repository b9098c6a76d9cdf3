"""CharSplit compound splitting over a memory-mapped n-gram table.

CharSplit (Don Tuggener, 2016; MIT licence; packaged on PyPI as
``split-words``) ranks every split point of a German compound by three
n-gram probabilities learnt from a large word list: how likely the first part
ends with its last letters, how likely the second part starts with its first
letters, and how unlikely the letters around the split occur inside a word.

``split_words`` keeps its table as a 40 MB JSON file that it reads in full at
the first split (about 2 s and 360 MB in every process).  This module uses
the same table, converted once into a memory-mapped trie by
:mod:`einfach.lookup_cache`, and re-implements the 60 lines of the scoring
loop so that they read from the trie.  It computes the same scores in the
same order as ``split_words.Splitter.split_compound`` (a test compares both on
a word list); the one change is that look-ups of identical n-grams are made
once per split point instead of repeatedly (the minimum is the same).
"""

from __future__ import annotations

import json
import re
from functools import lru_cache

from ..lookup_cache import file_identity, fingerprint, record_trie

_TABLES = (("s", "suffix"), ("p", "prefix"), ("i", "infix"))
_FUGEN_S = ("ts", "gs", "ks", "hls", "ns")  # CharSplit cuts a linking -s after these endings


def _source_path() -> str:
    import split_words.splitter

    return str(split_words.splitter.NGRAM_PATH)


def _items():
    with open(_source_path(), encoding="utf-8") as handle:
        table = json.load(handle)
    for tag, name in _TABLES:
        for ngram, probability in table[name].items():
            yield tag + ngram, (float(probability),)


@lru_cache(maxsize=1)
def _ngrams():
    """The trie of ``s``/``p``/``i`` + n-gram → probability (suffix, prefix, infix)."""
    import split_words

    source = _source_path()
    return record_trie("charsplit", fingerprint("split_words", split_words.__version__, file_identity(source)), _items, "<d")


def _probability(trie, key: str, default: float) -> float:
    record = trie.get(key)
    return record[0][0] if record else default


def _cut_fugen_s(part: str) -> str:
    if part.endswith(_FUGEN_S) and len(part) - 1 > 2:
        return part[:-1]
    return part


def split_scores(word: str) -> list[tuple[float, str, str]]:
    """All splits of ``word`` as (score, first part, second part), best first (title case, as CharSplit)."""
    word = word.lower()
    if "-" in word:  # CharSplit: the part after the last hyphen is the head
        titled = word.title()
        return [(1.0, re.search("(.*)-", titled).group(1), re.sub(".*-", "", titled))]
    trie = _ngrams()
    scores = []
    for n in range(3, len(word) - 2):
        first = _cut_fugen_s(word[:n])
        rest = word[n:]
        # CharSplit takes, of all n-grams, only the longest one that fits: the whole first part's
        # ending, and the whole rest as the start of the second part.
        end_probability = _probability(trie, "s" + first, -1)
        start_probability = _probability(trie, "p" + _cut_fugen_s(rest), -1)
        # Every n-gram of length >= 3 starting at the split point; unknown ones count 1.  The
        # trie lists the known ones in one call (the prefixes of "i" + rest) instead of one
        # look-up per length.
        known = [trie[key][0][0] for key in trie.prefixes("i" + rest) if len(key) > 3]
        if len(known) < len(rest) - 2:  # some of the len(rest) - 2 n-grams are unknown
            known.append(1)
        inside = min(known)
        scores.append((start_probability - inside + end_probability, word[:n].title(), rest.title()))
    if not scores:
        return [(0, word.title(), word.title())]
    return sorted(scores, reverse=True)
