"""The registry of rule kinds.

A kind is a class with ``__init__(parameters)`` and ``find(doc)`` yielding
:class:`einfach.rules.kinds.base.Hit` objects.  The registry names modules as
strings so that validating a rule file does not import spaCy.
"""

from __future__ import annotations

from importlib import import_module

# kind name -> (module, class, allowed parameters, values a message may use)
KINDS: dict[str, tuple[str, str, set[str], set[str]]] = {
    "sentence_length": (
        "einfach.rules.kinds.sentence_length",
        "SentenceLength",
        {"thresholds"},
        {"words", "limit", "split_points"},
    ),
    "passive": (
        "einfach.rules.kinds.passive",
        "Passive",
        {"sein_zu", "zu_blockers"},
        {"text", "form", "active", "agent", "problem"},
    ),
    "lexicon": (
        "einfach.rules.kinds.lexicon",
        "LexiconMatch",
        {"lexicon"},
        {"text", "term", "alternatives", "reason"},
    ),
}


def kind_class(name: str):
    module, cls, _, _ = KINDS[name]
    return getattr(import_module(module), cls)
