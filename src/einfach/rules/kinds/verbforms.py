"""Verb forms from the conjugator ablaut (MIT OR Apache-2.0, PyPI ``ablaut``).

HanTa tags and lemmatises but does not generate forms.  ablaut conjugates any
German infinitive (strong verbs from its exception tables, new verbs by rule),
so the Präteritum and Konjunktiv I checks can tell a past or subjunctive form
from the present and suggest the Perfekt ("kaufte" -> "hat gekauft") or the
indicative ("habe" -> "hat").  The few auxiliaries ablaut gets wrong
("bekommen" with "sein") are corrected from ``rules/data/hilfsverben.yml``.

ablaut is imported on first use, so validating rule files stays cheap.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ...resources import rules_dir
from ..loader import read_yaml

# the order of ablaut's person lists
FIRST_SINGULAR, SECOND_SINGULAR, THIRD_SINGULAR, SECOND_PLURAL, THIRD_PLURAL = 0, 1, 2, 4, 5


@dataclass(frozen=True)
class Forms:
    """The forms of one verb that the checks compare with, lowercased; separable particles cut off."""

    present: tuple[str, ...]
    preterite: tuple[str, ...]
    konjunktiv1: tuple[str, ...]
    perfect: tuple[str, ...]
    participle: str


def _finite(form: str) -> str:
    """"stand auf" -> "stand": the finite verb without its separated particle."""
    return form.split()[0].lower() if form else ""


@lru_cache(maxsize=1)
def _auxiliaries() -> dict[str, str]:
    data = read_yaml(rules_dir() / "data" / "hilfsverben.yml")
    return {str(verb): auxiliary for auxiliary in ("haben", "sein") for verb in data.get(auxiliary) or []}


@lru_cache(maxsize=4096)
def verb_forms(lemma: str) -> Forms | None:
    """The forms of the verb ``lemma`` (an infinitive), or None when ablaut cannot conjugate it."""
    if not lemma or not lemma.isalpha() or not lemma.islower() or not lemma.endswith("n"):
        return None
    import ablaut  # noqa: PLC0415 (first use only)

    try:
        table = ablaut.conjugate(lemma)
    except ValueError:  # "not a German infinitive"
        return None
    perfect = tuple(table.perfect)
    auxiliary = _auxiliaries().get(lemma)
    if auxiliary is not None and auxiliary != table.auxiliary:
        own = ablaut.conjugate(auxiliary).present
        perfect = tuple(f"{own[i]} {table.past_participle}" for i in range(len(own)))
    return Forms(
        present=tuple(_finite(f) for f in table.present),
        preterite=tuple(_finite(f) for f in table.preterite),
        konjunktiv1=tuple(_finite(f) for f in table.konjunktiv1),
        perfect=perfect,
        participle=table.past_participle,
    )
