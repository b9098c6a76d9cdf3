"""The registry of rule kinds.

A kind is a class with ``__init__(parameters)`` and ``find(doc)`` yielding
:class:`einfach.rules.kinds.base.Hit` objects, and two class attributes:
``parameters`` (the parameter names a rule file may set) and ``values`` (the
placeholders its message and suggestion may use).  A kind that grades its
findings by a measured value (``Hit.level``) also has a static
``grading(parameters, level)`` that says the grading in words for ``einfach
rules``.  Kind modules import spaCy
only for type checking, so validating rule files stays cheap.

Adding a kind: write the module, add one line to ``KINDS``.
"""

from __future__ import annotations

from importlib import import_module

KINDS: dict[str, str] = {
    "sentence_length": "einfach.rules.kinds.sentence_length:SentenceLength",
    "passive": "einfach.rules.kinds.passive:Passive",
    "lexicon": "einfach.rules.kinds.lexicon:LexiconMatch",
    "light_verb": "einfach.rules.kinds.light_verb:LightVerbMatch",
    "legal_reference": "einfach.rules.kinds.legal_reference:LegalReference",
    "abbreviation": "einfach.rules.kinds.abbreviation:Abbreviation",
    "negation": "einfach.rules.kinds.negation:Negation",
    "impersonal": "einfach.rules.kinds.impersonal:Impersonal",
    "subjunctive": "einfach.rules.kinds.subjunctive:Subjunctive",
    "nominal_style": "einfach.rules.kinds.nominal_style:NominalStyle",
    "nesting": "einfach.rules.kinds.nesting:Nesting",
    "sentence_bracket": "einfach.rules.kinds.sentence_bracket:SentenceBracket",
    "genitive_chain": "einfach.rules.kinds.genitive_chain:GenitiveChain",
    "word_length": "einfach.rules.kinds.word_length:WordLength",
    "rare_word": "einfach.rules.kinds.rare_word:RareWord",
    "numbers": "einfach.rules.kinds.numbers:Numbers",
    "statements": "einfach.rules.kinds.statements:Statements",
    "preterite": "einfach.rules.kinds.preterite:Preterite",
    "indirect_speech": "einfach.rules.kinds.indirect_speech:IndirectSpeech",
    "cross_reference": "einfach.rules.kinds.cross_reference:CrossReference",
    "dash_range": "einfach.rules.kinds.dash_range:DashRange",
    "special_characters": "einfach.rules.kinds.special_characters:SpecialCharacters",
    "negated_antonym": "einfach.rules.kinds.negated_antonym:NegatedAntonym",
    "rhetorical_question": "einfach.rules.kinds.rhetorical_question:RhetoricalQuestion",
}


def kind_class(name: str):
    module, cls = KINDS[name].split(":")
    return getattr(import_module(module), cls)
