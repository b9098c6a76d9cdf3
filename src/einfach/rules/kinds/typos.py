"""Likely typos: a word unknown to the frequency list one edit away from a frequent word.

Used by the kind ``rare_word``: "Unterlagn" and "Bescheinigunng" are no rare
words but typing errors, and the tagger guesses odd tags for them ("Unterlagn"
as a form of *unterliegen*, "Bescheinigunng" as a name), so they are looked
at before the tag filters.  The candidates are every word at edit distance 1
(a letter deleted, inserted, replaced, or two neighbours swapped), as in
Peter Norvig's spelling corrector; the frequencies come from wordfreq, which
the rule already uses.  This is a few lines by hand rather than a
spell-checking library because such libraries bring their own word lists and
frequencies, and the decision here must agree with the rule's own Zipf values.
"""

from __future__ import annotations

from functools import lru_cache

LETTERS = "abcdefghijklmnopqrstuvwxyzäöüß"
MIN_LETTERS = 5
MAX_LETTERS = 30  # the candidates grow with the length: a 10,000-letter token would take minutes


def _edits(word: str) -> set[str]:
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = {a + b[1:] for a, b in splits if b}
    swaps = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    replaces = {a + c + b[1:] for a, b in splits if b for c in LETTERS}
    inserts = {a + c + b for a, b in splits for c in LETTERS}
    return (deletes | swaps | replaces | inserts) - {word}


@lru_cache(maxsize=4096)
def likely_typo(word: str, max_zipf: float, min_candidate_zipf: float, noun: bool) -> str | None:
    """The frequent word ``word`` was probably meant to be, written in its case, or None.

    ``word`` must be unknown or nearly so (Zipf below ``max_zipf``), unknown to
    HanTa and no compound of known words, and have one candidate with a Zipf of
    at least ``min_candidate_zipf`` that HanTa knows (so English words of the
    frequency list are no candidates); a capitalised word inside a sentence
    (``noun``) only matches a noun.  A candidate that differs only at the end
    ("berührtes" / "berührte", "Asylrechte" / "Asylrecht") is an inflected
    form, not a typo; so is a candidate with another first letter.  A missing
    space comes first ("wurdein" is "wurde in", not "wurden": :func:`_missing_space`).
    """
    from ...nlp.frequency import zipf
    from .wordinfo import NOUN_TAGS, known_tag, split_compound

    lower = word.lower()
    if not MIN_LETTERS <= len(lower) <= MAX_LETTERS or not lower.isalpha() or zipf(lower) >= max_zipf:
        return None
    if known_tag(word) is not None or split_compound(word[:1].upper() + word[1:]) is not None:
        return None
    joined = _missing_space(word)
    if joined is not None:
        return joined
    ranked = sorted(((zipf(c), c) for c in _edits(lower)), reverse=True)
    for value, candidate in ranked:
        if value < min_candidate_zipf:
            return None
        if candidate.startswith(lower) or lower.startswith(candidate):
            continue  # an ending added or dropped: an inflected form
        if candidate[0] != lower[0]:
            continue  # typos rarely hit the first letter; "denture" is no "venture"
        written = candidate[:1].upper() + candidate[1:] if word[:1].isupper() else candidate
        tag = known_tag(written) or known_tag(candidate)
        if tag is None or (noun and tag not in NOUN_TAGS):
            continue
        return written
    return None


# a word glued to the next one by a missing space: the second word is one of the most frequent (Zipf of at
# least this: "in", "auf", "der", "und"), the first a frequent word of its own
GLUED_MIN_ZIPF = 5.5


def _missing_space(word: str) -> str | None:
    """"wurde in" for "wurdein" (fourth blind review: the one-edit "wurden" was offered, which does not fit
    "Dieser wurdein Sachsen … geschlossen"): two words HanTa knows, the second one of the most frequent."""
    from ...nlp.frequency import zipf
    from .wordinfo import known_tag

    lower = word.lower()
    best: tuple[float, str] | None = None
    for cut in range(3, len(lower) - 1):
        first, second = word[:cut], lower[cut:]
        if zipf(second) < GLUED_MIN_ZIPF or zipf(first.lower()) < GLUED_MIN_ZIPF - 1.5:
            continue
        if known_tag(first) is None or known_tag(second) is None:
            continue
        score = min(zipf(first.lower()), zipf(second))
        if best is None or score > best[0]:
            best = (score, f"{first} {second}")
    return best[1] if best else None
