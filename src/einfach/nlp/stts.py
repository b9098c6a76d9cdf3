"""Mapping of HanTa's tags to STTS, Universal POS and morphology features.

The table lives in ``data/hanta_stts.tsv`` so it can be read and reviewed
without reading code; this module only loads it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class TagInfo:
    stts: str
    upos: str
    morph: str


@lru_cache(maxsize=1)
def hanta_table() -> dict[str, TagInfo]:
    """HanTa tag -> TagInfo, read once from the packaged TSV file."""
    text = resources.files("einfach.nlp").joinpath("data/hanta_stts.tsv").read_text("utf-8")
    table: dict[str, TagInfo] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("hanta\t"):
            continue
        hanta, stts, upos, *rest = line.split("\t")
        table[hanta] = TagInfo(stts=stts, upos=upos, morph=rest[0] if rest else "")
    return table


def from_hanta(tag: str) -> TagInfo:
    """Translate one HanTa tag; an unknown tag becomes STTS ``XY``."""
    info = hanta_table().get(tag)
    if info is None:
        return TagInfo(stts="XY", upos="X", morph="")
    return info
