"""The five bands of the Einfach-Index and what they mean for a reader.

The cut points between the bands are data of the fitted model
(``einfach/data/index_model.json``, computed by ``eval/fit_index.py``); the
names, their order and the sentence that explains them to a caseworker live
here, so that profile validation (``target_band``) and the outputs share
them without loading the model.  No spaCy, no model: cheap to import.
"""

from __future__ import annotations

#: Hardest first, as the issue (19) names them.
BAND_NAMES = ("sehr schwer", "schwer", "mittel", "verständlich", "sehr verständlich")

#: What a band means for the reader of a document (the classes the bands were cut from, docs/index.md).
MEANINGS = {
    "sehr schwer": "der Text ist so schwer wie ein Gesetzestext, die meisten Leserinnen und Leser brauchen Hilfe",
    "schwer": "der Text ist so schwer wie ein dichter Behördenbrief, viele Leserinnen und Leser verstehen ihn "
              "nur mit Mühe",
    "mittel": "der Text ist so schwer wie ein gewöhnlicher Sachtext, geübte Leserinnen und Leser verstehen ihn, "
              "andere nur teilweise",
    "verständlich": "der Text ist so leicht wie Einfache Sprache, die meisten Leserinnen und Leser verstehen ihn "
                    "beim ersten Lesen",
    "sehr verständlich": "der Text ist so leicht wie Leichte Sprache, auch Menschen, die nicht gut lesen, "
                         "verstehen ihn",
}


def rank(name: str | None) -> int | None:
    """0 = "sehr schwer" ... 4 = "sehr verständlich"; None for another name (e.g. a band of an older model)."""
    return BAND_NAMES.index(name) if name in BAND_NAMES else None


def reached(band: str | None, target: str | None) -> bool | None:
    """Whether ``band`` is ``target`` or easier; None when either is unknown."""
    have, want = rank(band), rank(target)
    if have is None or want is None:
        return None
    return have >= want


def reader_sentence(band: str | None, profile: str | None = None, target: str | None = None) -> str | None:
    """One German sentence: what the band means for a reader, and whether the profile's target is reached.

    None without a (known) band: there is nothing to explain.
    """
    if rank(band) is None:
        return None
    sentence = f"Stufe „{band}“: {MEANINGS[band]}"
    verdict = reached(band, target)
    if verdict is None:
        return sentence + "."
    state = "erreicht" if verdict else "nicht erreicht"
    return f"{sentence}; das Ziel des Profils „{profile}“ („{target}“ oder leichter) ist {state}."


def profile_target(profile: str | None) -> str | None:
    """The ``target_band`` of a profile (rules/profiles/NAME.yml); None when unknown or unreadable."""
    if not profile:
        return None
    from .errors import EinfachError
    from .rules.loader import load_profile

    try:
        return load_profile(profile).target_band
    except EinfachError:
        return None


def sentence_for_profile(band: str | None, profile: str | None) -> str | None:
    """:func:`reader_sentence` with the target of ``profile``."""
    return reader_sentence(band, profile, profile_target(profile))
