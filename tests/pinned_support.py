"""One rule's findings for a text, for the tests that pin rule logic (the ``test_pinned_*.py`` files;
docs/quality.md, "Mutation testing")."""

from __future__ import annotations

from functools import lru_cache

from einfach.checker import check_document, make_pipeline
from einfach.findings import Finding
from einfach.readers.text import document_from_text


@lru_cache(maxsize=64)
def _pipeline(rule: str, profile: str, parameters: tuple):
    settings: dict = {"select": [rule]}
    if parameters:
        settings["parameters"] = {rule: dict(parameters)}
    return make_pipeline(profile, settings=settings)


def findings(rule: str, text: str, profile: str = "einfach", **parameters) -> list[Finding]:
    """The findings of ``rule`` (selected alone, in ``profile``, with ``parameters`` set) in ``text``."""
    nlp = _pipeline(rule, profile, tuple(sorted(parameters.items(), key=lambda item: item[0])))
    return [f for f in check_document(document_from_text("<test>", text), nlp).findings if f.rule == rule]


def texts(rule: str, text: str, profile: str = "einfach", **parameters) -> list[str]:
    """The text each finding of ``rule`` marks."""
    return [f.text for f in findings(rule, text, profile, **parameters)]


def kind_on_words(kind: str, words: list[str], spaces: list[bool] | None = None, parameters: dict | None = None):
    """The hits of rule kind ``kind`` on a Doc of ``words`` as another spaCy pipeline (``--model``) would
    tokenize it: without einfach's token merger, so "[2]" stays three tokens and "und/oder" one.
    Returns (doc, hits)."""
    import spacy
    from spacy.tokens import Doc

    import einfach.nlp.tokens  # noqa: F401  (registers token._.einfach_placeholder)
    from einfach.rules.kinds import kind_class

    doc = Doc(spacy.blank("de").vocab, words=words, spaces=spaces)
    return doc, list(kind_class(kind)(parameters or {}).find(doc))
