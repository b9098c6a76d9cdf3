"""One rule's findings for a text, for the tests that pin rule logic (the ``test_pinned_*.py`` files;
docs/quality.md, "Mutation testing")."""

from __future__ import annotations

from einfach.checker import check_document, make_pipeline
from einfach.findings import Finding
from einfach.readers.text import document_from_text


_PIPELINES: dict[tuple[str, str, str], object] = {}


def findings(rule: str, text: str, profile: str = "einfach", **parameters) -> list[Finding]:
    """The findings of ``rule`` (selected alone, in ``profile``, with ``parameters`` set) in ``text``."""
    key = (rule, profile, repr(sorted(parameters.items())))
    if key not in _PIPELINES:
        settings: dict = {"select": [rule]}
        if parameters:
            settings["parameters"] = {rule: parameters}
        _PIPELINES[key] = make_pipeline(profile, settings=settings)
    return [f for f in check_document(document_from_text("<test>", text), _PIPELINES[key]).findings if f.rule == rule]


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


def annotated_doc(words: list[tuple[str, str, str]]):
    """A one-sentence Doc of (text, STTS tag, lemma) triples, as a tagger would annotate it."""
    import spacy
    from spacy.tokens import Doc

    import einfach.nlp.tokens  # noqa: F401  (registers token._.einfach_placeholder)

    doc = Doc(spacy.blank("de").vocab, words=[w[0] for w in words])
    for token, (_, tag, lemma) in zip(doc, words):
        token.tag_, token.lemma_, token.is_sent_start = tag, lemma, token.i == 0
    return doc


def kind_hits(kind: str, doc, parameters: dict | None = None) -> list[tuple[str, dict]]:
    """(marked text, values) of each hit of rule kind ``kind`` (with ``parameters``) on ``doc``."""
    from einfach.rules.kinds import kind_class

    return [(doc[h.start : h.end].text, h.values) for h in kind_class(kind)(parameters or {}).find(doc)]


def tagged_doc(tagged: str):
    """``annotated_doc`` from "word/TAG" or "word/TAG/lemma" items ("Wir/PPER prüfen/VVFIN ./$."); the lemma
    defaults to the word in lowercase."""
    words = []
    for item in tagged.split():
        word, tag, *lemma = item.split("/")
        words.append((word, tag, lemma[0] if lemma else word.lower()))
    return annotated_doc(words)
