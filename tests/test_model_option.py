"""The ``--model`` path: an installed spaCy pipeline instead of HanTa.

The official German pipelines cannot be downloaded in the test environment,
so the tests build a small but real pipeline themselves: ``spacy.blank("de")``
with an ``attribute_ruler`` that sets STTS tags, UD POS, lemmas and morphology
for every word of a few letter sentences, and a ``sentencizer``.  It is saved
with ``nlp.to_disk`` and loaded by path, exactly as a user's pipeline would be.
"""

from __future__ import annotations

import json

import pytest
import spacy
from click.testing import CliRunner

from einfach.checker import check_document, make_pipeline
from einfach.cli import cli
from einfach.readers.text import document_from_text

# Each sentence with the rule ids the default (HanTa) pipeline finds in it;
# the expectations follow the examples in rules/passiv.yml and rules/amtsdeutsch.yml.
SENTENCES = {
    "Ihr Antrag wurde abgelehnt.": ["passiv"],
    "Die Unterlagen sind von Ihnen vorzulegen.": ["passiv"],
    "Wir werden Ihren Antrag prüfen.": [],
    "Bitte legen Sie gemäß unserem Schreiben ein Lichtbild vor.": ["amtsdeutsch", "amtsdeutsch"],
    "Sehen Sie bitte davon ab, persönlich vorzusprechen.": ["amtsdeutsch", "amtsdeutsch"],
}

# Word form -> (STTS tag, UD POS, lemma, morphology), as a German pipeline trained
# on TIGER would annotate them.
ANNOTATIONS = {
    "Ihr": ("PPOSAT", "DET", "Ihr", "Poss=Yes|PronType=Prs"),
    "Antrag": ("NN", "NOUN", "Antrag", "Case=Nom|Gender=Masc|Number=Sing"),
    "wurde": ("VAFIN", "AUX", "werden", "Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin"),
    "abgelehnt": ("VVPP", "VERB", "ablehnen", "VerbForm=Part"),
    ".": ("$.", "PUNCT", ".", "PunctType=Peri"),
    "Die": ("ART", "DET", "der", "Definite=Def|PronType=Art"),
    "Unterlagen": ("NN", "NOUN", "Unterlage", "Case=Nom|Gender=Fem|Number=Plur"),
    "sind": ("VAFIN", "AUX", "sein", "Mood=Ind|Number=Plur|Person=3|Tense=Pres|VerbForm=Fin"),
    "von": ("APPR", "ADP", "von", "AdpType=Prep"),
    "Ihnen": ("PPER", "PRON", "Sie", "Case=Dat|PronType=Prs"),
    "vorzulegen": ("VVIZU", "VERB", "vorlegen", "VerbForm=Inf"),
    "Wir": ("PPER", "PRON", "wir", "Case=Nom|Number=Plur|Person=1|PronType=Prs"),
    "werden": ("VAFIN", "AUX", "werden", "Mood=Ind|Number=Plur|Person=1|Tense=Pres|VerbForm=Fin"),
    "Ihren": ("PPOSAT", "DET", "Ihr", "Case=Acc|Poss=Yes|PronType=Prs"),
    "prüfen": ("VVINF", "VERB", "prüfen", "VerbForm=Inf"),
    "Bitte": ("ADV", "ADV", "bitte", ""),
    "bitte": ("ADV", "ADV", "bitte", ""),
    "legen": ("VVFIN", "VERB", "legen", "Mood=Ind|Tense=Pres|VerbForm=Fin"),
    "Sie": ("PPER", "PRON", "Sie", "Case=Nom|PronType=Prs"),
    "gemäß": ("APPR", "ADP", "gemäß", "AdpType=Prep"),
    "unserem": ("PPOSAT", "DET", "unser", "Case=Dat|Poss=Yes|PronType=Prs"),
    "Schreiben": ("NN", "NOUN", "Schreiben", "Case=Dat|Gender=Neut|Number=Sing"),
    "ein": ("ART", "DET", "ein", "Definite=Ind|PronType=Art"),
    "Lichtbild": ("NN", "NOUN", "Lichtbild", "Case=Acc|Gender=Neut|Number=Sing"),
    "vor": ("PTKVZ", "ADP", "vor", "PartType=Vbp"),
    "Sehen": ("VVFIN", "VERB", "sehen", "Mood=Ind|Tense=Pres|VerbForm=Fin"),
    "davon": ("PROAV", "ADV", "davon", ""),
    "ab": ("PTKVZ", "ADP", "ab", "PartType=Vbp"),
    ",": ("$,", "PUNCT", ",", "PunctType=Comm"),
    "persönlich": ("ADJD", "ADJ", "persönlich", "Degree=Pos"),
    "vorzusprechen": ("VVIZU", "VERB", "vorsprechen", "VerbForm=Inf"),
}


@pytest.fixture(scope="module")
def model_path(tmp_path_factory):
    """A saved German spaCy pipeline: attribute_ruler (tags, lemmas, morphology) + sentencizer."""
    nlp = spacy.blank("de")
    ruler = nlp.add_pipe("attribute_ruler")
    for form, (tag, pos, lemma, morph) in ANNOTATIONS.items():
        attrs = {"TAG": tag, "POS": pos, "LEMMA": lemma}
        if morph:
            attrs["MORPH"] = morph
        ruler.add(patterns=[[{"ORTH": form}]], attrs=attrs)
    nlp.add_pipe("sentencizer")
    # Every token of every test sentence is annotated (else the comparison would be unfair).
    for sentence in SENTENCES:
        for token in nlp(sentence):
            assert token.tag_ and token.pos_ and token.lemma_, f"unannotated token {token.text!r} in {sentence!r}"
    path = tmp_path_factory.mktemp("model") / "de_einfach_test"
    nlp.to_disk(path)
    return path


@pytest.fixture(scope="module")
def model_nlp(model_path):
    return make_pipeline("einfach", model=str(model_path))


def findings(nlp, text: str) -> list[tuple[str, str]]:
    result = check_document(document_from_text("<test>", text), nlp)
    return [(finding.rule, finding.text) for finding in result.findings]


def test_model_pipeline_loads_with_einfach_components(model_nlp):
    names = model_nlp.pipe_names
    assert {"einfach_tokens", "einfach_segmenter", "einfach_rules"} <= set(names)
    assert "einfach_tagger" not in names
    # the model's own components stay; einfach's wrap them
    assert {"attribute_ruler", "sentencizer"} <= set(names)
    assert names[0] == "einfach_tokens"
    assert names[-1] == "einfach_rules"
    assert names.index("einfach_segmenter") < names.index("sentencizer")


def test_model_annotations_are_used(model_nlp):
    doc = model_nlp("Ihr Antrag wurde abgelehnt.")
    assert [t.tag_ for t in doc] == ["PPOSAT", "NN", "VAFIN", "VVPP", "$."]
    assert doc[3].lemma_ == "ablehnen"
    assert doc[3].morph.get("VerbForm") == ["Part"]


@pytest.mark.parametrize("sentence", list(SENTENCES))
def test_model_finds_expected_rules(model_nlp, sentence):
    assert sorted(rule for rule, _ in findings(model_nlp, sentence)) == sorted(SENTENCES[sentence])


@pytest.mark.parametrize("sentence", list(SENTENCES))
def test_model_matches_default_pipeline(model_nlp, nlp, sentence):
    from_model = findings(model_nlp, sentence)
    from_default = findings(nlp, sentence)
    assert [rule for rule, _ in from_model] == [rule for rule, _ in from_default]
    assert from_model == from_default


def test_model_amtsdeutsch_terms(model_nlp):
    found = findings(model_nlp, "Bitte legen Sie gemäß unserem Schreiben ein Lichtbild vor.")
    assert ("amtsdeutsch", "gemäß") in found
    assert ("amtsdeutsch", "Lichtbild") in found
    found = findings(model_nlp, "Sehen Sie bitte davon ab, persönlich vorzusprechen.")
    texts = [text for rule, text in found if rule == "amtsdeutsch"]
    # the separated particle verb "sehen ... ab" (absehen), with "davon" for "von etwas"
    assert any(text.startswith("Sehen") and text.endswith("ab") for text in texts), texts
    assert "vorzusprechen" in texts


def test_model_finds_passive_of_both_kinds(model_nlp):
    assert findings(model_nlp, "Ihr Antrag wurde abgelehnt.") == [("passiv", "wurde abgelehnt")]
    assert findings(model_nlp, "Die Unterlagen sind von Ihnen vorzulegen.") == [
        ("passiv", "sind von Ihnen vorzulegen")
    ]


def test_cli_check_with_model(model_path, tmp_path):
    letter = tmp_path / "brief.txt"
    letter.write_text(
        "Ihr Antrag wurde abgelehnt.\n\nBitte legen Sie gemäß unserem Schreiben ein Lichtbild vor.\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["check", "--model", str(model_path), "--format", "json", str(letter)])
    assert result.exit_code == 1, result.output
    payload = json.loads(result.stdout)
    rules = [finding["rule"] for entry in payload["files"] for finding in entry["findings"]]
    assert "passiv" in rules
    assert rules.count("amtsdeutsch") == 2


def test_cli_missing_model_is_one_clear_line(tmp_path):
    letter = tmp_path / "brief.txt"
    letter.write_text("Ihr Antrag wurde abgelehnt.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--model", "no_such_model_xyz", str(letter)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert "no_such_model_xyz" in lines[0]
    assert result.stdout == ""


def test_cli_non_german_model_is_rejected(tmp_path):
    english = tmp_path / "en_model"
    spacy.blank("en").to_disk(english)
    letter = tmp_path / "brief.txt"
    letter.write_text("Ihr Antrag wurde abgelehnt.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--model", str(english), str(letter)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "nicht deutsch" in lines[0], result.stderr


def test_einfach_segmenter_wins_over_model_sentencizer(model_path, model_nlp):
    """The model's sentencizer does not overwrite einfach's letter segmentation."""
    text = "Sehr geehrte Frau Müller,\nIhr Antrag wurde abgelehnt."
    plain = spacy.load(model_path)
    assert len(list(plain(text).sents)) == 1  # the sentencizer alone sees one sentence
    result = check_document(document_from_text("<test>", text), model_nlp)
    assert [text[s.start:s.end] for s in result.segments] == ["Sehr geehrte Frau Müller,", "Ihr Antrag wurde abgelehnt."]
