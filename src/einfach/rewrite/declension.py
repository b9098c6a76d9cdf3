"""German determiner and adjective declension for the rewrites: one table for all callers.

Genders "m", "n", "f" and the plural "pl"; cases "nom", "acc", "dat", "gen".  Used by
``nouns.py`` (a feminine noun swapped for a masculine or neuter one, a genitive dissolved),
``phrases.py`` (a genitive phrase re-cased after a new preposition) and ``morph.py`` (the
masculine accusative, the forms without an ending).

Written by hand (``docs/rewrites.md``, "Inflection data"): the determiner and adjective
paradigms are closed tables of a few dozen forms; no package with offline data and a usable
licence covers them.
"""

from __future__ import annotations

GENDERS = ("m", "n", "f", "pl")
CASES = ("nom", "acc", "dat", "gen")


def _table(rows: dict[str, str]) -> dict[tuple[str, str], str]:
    """{"m": "der den dem des", ...} -> {("m", "nom"): "der", ...}; "-" stands for no ending."""
    return {(gender, case): ("" if form == "-" else form)
            for gender, forms in rows.items() for case, form in zip(CASES, forms.split(), strict=True)}


# stems declined like "ein" (no ending in the masculine nominative and the neuter nominative and
# accusative: "ein Antrag", "Ihr Schreiben") and like "dieser"
EIN_WORDS = {"ein", "kein", "mein", "dein", "sein", "ihr", "unser", "eur"}
DIES_WORDS = {"dies", "jen", "jed", "welch", "solch"}
# (gender, case) -> the definite article, the ending of an ein-word, the ending of a dies-word
ARTICLE = _table({"m": "der den dem des", "n": "das das dem des", "f": "die die der der", "pl": "die die den der"})
EIN_ENDING = _table({"m": "- en em es", "n": "- - em es", "f": "e e er er", "pl": "e e en er"})
DIES_ENDING = _table({"m": "er en em es", "n": "es es em es", "f": "e e er er", "pl": "e e en er"})
# adjective endings: without a determiner (strong), after the article or a dies-word (weak),
# after an ein-word (mixed)
STRONG_ADJECTIVE = _table({"m": "er en em en", "n": "es es em en", "f": "e e er er", "pl": "e e en er"})
WEAK_ADJECTIVE = _table({"m": "e en en en", "n": "e e en en", "f": "e e en en", "pl": "en en en en"})
MIXED_ADJECTIVE = _table({"m": "er en en en", "n": "es es en en", "f": "e e en en", "pl": "en en en en"})
ARTICLE_FORMS = {"der", "die", "das", "des", "dem", "den"}
# the ein-words without an ending ("ein", "Ihr", "euer"): masculine or neuter nominative, neuter accusative
BARE_FORMS = {"euer" if stem == "eur" else stem for stem in EIN_WORDS}


def stem(determiner: str) -> tuple[str, str] | None:
    """("ein", "ein-word") for "einer", ("dies", "dies-word") for "diese", ("d", "article") for
    "der"; None for a word the tables do not know."""
    lowered = determiner.lower()
    if lowered in ARTICLE_FORMS:
        return "d", "article"
    if lowered == "euer":
        return "eur", "ein-word"
    for ending in ("es", "er", "e", ""):
        base = lowered[:len(lowered) - len(ending)] if ending else lowered
        if lowered.endswith(ending) and base in EIN_WORDS:
            return base, "ein-word"
        if lowered.endswith(ending) and base in DIES_WORDS:
            return base, "dies-word"
    return None


def determiner(model: str, gender: str, case: str) -> str | None:
    """``model`` (any form of a determiner: "einer", "Ihres", "der") in ``gender`` and ``case``,
    capitalised like ``model`` ("Ihrer", "n", "dat" -> "Ihrem"); None for an unknown word."""
    found = stem(model)
    if found is None:
        return None
    base, kind = found
    if kind == "article":
        word = ARTICLE[(gender, case)]
    else:
        ending = (EIN_ENDING if kind == "ein-word" else DIES_ENDING)[(gender, case)]
        word = "euer" if base == "eur" and not ending else base + ending
    return word[:1].upper() + word[1:] if model[:1].isupper() else word


def adjective_ending(gender: str, case: str, after_ein_word: bool) -> str:
    """The ending of an attributive adjective after a determiner: mixed after an ein-word
    ("ein neuer Antrag"), weak after the article or a dies-word ("der neue Antrag")."""
    return (MIXED_ADJECTIVE if after_ein_word else WEAK_ADJECTIVE)[(gender, case)]


ADJECTIVE_ENDINGS = frozenset({"e", "en", "er", "em", "es"})


def ending_of(form: str, lemma: str) -> str | None:
    """The declension ending of an attributive adjective ("etwaigen", "etwaig" -> "en"); None
    where the form does not start with its lemma or ends otherwise ("höhere", "hoch")."""
    form, lemma = form.lower(), lemma.lower()
    if not lemma or not form.startswith(lemma):
        return None
    ending = form[len(lemma):]
    return ending if ending in ADJECTIVE_ENDINGS else None
