"""The registry of rule kinds.

A kind is a class with ``__init__(parameters)`` and ``find(doc)`` yielding
:class:`einfach.rules.kinds.base.Hit` objects, and two class attributes:
``parameters`` (the parameter names a rule file may set) and ``values`` (the
placeholders its message and suggestion may use).  Kind modules import spaCy
only for type checking, so validating rule files stays cheap.

Adding a kind: write the module, add one line to ``KINDS``.
"""

from __future__ import annotations

from importlib import import_module

KINDS: dict[str, str] = {
    "sentence_length": "einfach.rules.kinds.sentence_length:SentenceLength",
    "passive": "einfach.rules.kinds.passive:Passive",
    "lexicon": "einfach.rules.kinds.lexicon:LexiconMatch",
}


def kind_class(name: str):
    module, cls = KINDS[name].split(":")
    return getattr(import_module(module), cls)
