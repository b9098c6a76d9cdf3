"""Every rule gives the same findings with an installed spaCy pipeline as with HanTa.

The rules rely only on STTS tags, lemmas, morphology and sentence boundaries.
To prove that for every rule, this test builds a real spaCy pipeline
(``spacy.blank("de")`` + ``attribute_ruler``) that annotates each rule example
exactly as the default pipeline does, saves it, loads it through ``--model``
and compares the findings on all bad and good examples of all rules.
"""

from __future__ import annotations

import pytest
import spacy

from einfach.checker import check_document, make_pipeline
from einfach.readers.text import document_from_text
from einfach.rules.loader import load_rules

RULES = load_rules()
EXAMPLES = sorted({example for rule in RULES.values() for kind in ("bad", "good") for example in rule.examples[kind]})
SETTINGS = {"select": sorted(RULES)}


def _findings(nlp, text):
    result = check_document(document_from_text("<example>", text), nlp)
    return [(f.rule, f.start, f.end, f.severity) for f in result.findings]


@pytest.fixture(scope="module")
def pipelines(tmp_path_factory):
    default = make_pipeline("einfach", settings=SETTINGS)
    patterns = []
    for text in EXAMPLES:
        doc = default(text)
        words = [token for token in doc if not token.is_space or "\n" in token.text]  # line breaks: list examples
        orths = [{"ORTH": token.text} for token in words]
        for index, token in enumerate(words):
            if token.is_space:
                continue
            attrs = {"TAG": token.tag_, "POS": token.pos_, "LEMMA": token.lemma_}
            if str(token.morph):
                attrs["MORPH"] = str(token.morph)
            patterns.append({"patterns": [orths], "attrs": attrs, "index": index})
    model = spacy.blank("de")
    model.add_pipe("attribute_ruler").add_patterns(patterns)
    path = tmp_path_factory.mktemp("model") / "de_test_all_rules"
    model.to_disk(path)
    return default, make_pipeline("einfach", model=str(path), settings=SETTINGS)


@pytest.mark.parametrize("text", EXAMPLES)  # ASCII ids: tests/conftest.py
def test_same_findings_with_installed_pipeline(pipelines, text):
    default, installed = pipelines
    assert "einfach_tagger" not in installed.pipe_names
    assert _findings(installed, text) == _findings(default, text)
