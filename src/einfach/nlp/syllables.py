"""A German syllable counter for readability figures.

Why not Pyphen (or textstat, which uses it)?  Pyphen is a *hyphenation*
dictionary: it never separates a single letter ("Abend", "Ehe", "Idee",
"Oase" have no hyphenation point after the first vowel), so counting
hyphenation points undercounts exactly the one-letter syllables that German
has many of (A-bend, E-he, I-dee, O-a-se, Ra-di-o, Bü-ro, Ja-nu-ar).  Flesch
and the Wiener Sachtextformel need spoken syllables, so einfach counts them
itself:

* every group of vowels (a e i o u ä ö ü y) is a syllable nucleus, read
  greedily from the left;
* the diphthongs and long vowels *ei, ai, ey, ay, au, äu, eu, ie, aa, ee, oo*
  and French *ou* are one nucleus; every other pair of adjacent vowels is two
  ("Ra-di-o", "the-a-ter", "Po-e-sie", "Ja-nu-ar");
* *u* after *q* and *y* at the start of a word or between vowels are
  consonants ("Qua-li-tät", "Yo-ga", "Bay-ern");
* *ie* before *n* and a consonant or the word end is two syllables when a vowel
  comes before it ("Fe-ri-en", "Fa-mi-li-en-stand", "Pa-ti-ent"), but one in
  "Dienst", "verdient", "erschien" (a short list);
* a small exception list (``einfach/data/syllable_exceptions.tsv``) corrects
  prefixes before a vowel ("ge-ehrt", "be-ur-tei-len"), hiatus in foreign words
  ("Ko-or-di-na-ti-on", "Mu-se-um", "I-de-en") and English loan words with a
  silent *e* ("Ser-vice", "on-line").

Words are split at hyphens and other non-letters ("E-Mail" = E + Mail) and the
parts summed.  Numbers and abbreviations are not words for this purpose:
:func:`syllable_word` says which tokens count (see docs/index.md).
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

VOWELS = frozenset("aeiouyäöü")
NUCLEI = frozenset({"ei", "ai", "ey", "ay", "au", "äu", "eu", "ie", "aa", "ee", "oo", "ou"})
_PARTS = re.compile(r"[^\W\d_]+")
_HIATUS_IEN = re.compile(r"(?<=[^aeiouyäöü])ien(?![aeiouyäöü])")


@lru_cache(maxsize=1)
def _exceptions() -> tuple[tuple[tuple[re.Pattern, int], ...], tuple[re.Pattern, ...]]:
    text = resources.files("einfach.data").joinpath("syllable_exceptions.tsv").read_text("utf-8")
    adjust: list[tuple[re.Pattern, int]] = []
    single: list[re.Pattern] = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("kind\t"):
            continue
        kind, pattern, delta, *_ = line.split("\t")
        if kind == "adjust":
            adjust.append((re.compile(pattern), int(delta)))
        elif kind == "ie_single":
            single.append(re.compile(pattern))
        else:  # pragma: no cover - data error
            raise ValueError(f"syllable_exceptions.tsv: unknown kind {kind!r}")
    return tuple(adjust), tuple(single)


def _normalise(part: str) -> str:
    part = part.replace("qu", "qv")
    chars = list(part)
    for position, char in enumerate(chars):
        if char != "y":
            continue
        following = chars[position + 1] if position + 1 < len(chars) else ""
        preceding = chars[position - 1] if position else ""
        if following in VOWELS and (position == 0 or preceding in VOWELS):
            chars[position] = "j"
    return "".join(chars)


def _count_part(part: str) -> int:
    """Syllables of one run of letters (lowercase)."""
    word = _normalise(part)
    count = 0
    position = 0
    while position < len(word):
        if word[position] in VOWELS:
            count += 1
            position += 2 if word[position : position + 2] in NUCLEI else 1
        else:
            position += 1
    if count == 0:
        return 0
    adjust, single = _exceptions()
    for match in _HIATUS_IEN.finditer(word):
        before = word[: match.start()]
        if not any(ch in VOWELS for ch in before) or before.endswith("sch"):
            continue
        if any(pattern.search(word) for pattern in single):
            continue
        count += 1
    for pattern, delta in adjust:
        count += delta * len(pattern.findall(word))
    return max(count, 1)


@lru_cache(maxsize=65536)
def count_syllables(word: str) -> int:
    """Spoken syllables of a German word; 0 if it has no vowel (e.g. "Kfz")."""
    return sum(_count_part(part) for part in _PARTS.findall(word.lower()))


def syllable_word(text: str) -> bool:
    """Whether a word token counts for syllable-based figures.

    Not counted: tokens with a digit ("82", "1.", "2024"), abbreviations (a
    period inside or at the end: "Abs.", "z.", "gem."; capitals after the first
    letter: "BAMF", "AufenthG", "GmbH" – except the gender form "...Innen"),
    single letters, and tokens without a vowel ("Kfz").
    """
    if any(ch.isdigit() for ch in text) or "." in text or "@" in text or "/" in text:
        return False
    letters = [ch for ch in text if ch.isalpha()]
    if len(letters) < 2:
        return False
    for part in re.split(r"[-‐‑]", text):
        core = re.sub(r"[:*_]?Innen$", "", part)
        if len(core) > 1 and any(ch.isupper() for ch in core[1:]):
            return False
    return count_syllables(text) > 0
