"""The HanTa -> STTS table."""

from __future__ import annotations

import pytest

from einfach.nlp.stts import from_hanta, hanta_table


@pytest.mark.parametrize(
    ("hanta", "stts", "upos"),
    [
        ("VV(PP)", "VVPP", "VERB"),
        ("VV(FIN)", "VVFIN", "VERB"),
        ("VV(IZU)", "VVIZU", "VERB"),
        ("VV(INF)", "VVINF", "VERB"),
        ("VV(IMP)", "VVIMP", "VERB"),
        ("VA(FIN)", "VAFIN", "AUX"),
        ("VA(PP)", "VAPP", "AUX"),
        ("VM(FIN)", "VMFIN", "AUX"),
        ("ADJ(A)", "ADJA", "ADJ"),
        ("ADJ(D)", "ADJD", "ADJ"),
        ("NNA", "NN", "NOUN"),
        ("NNI", "NN", "NOUN"),
        ("PTKVZ", "PTKVZ", "ADP"),
        ("$.", "$.", "PUNCT"),
        ("UNKNOWN", "XY", "X"),
    ],
)
def test_mapping(hanta, stts, upos):
    info = from_hanta(hanta)
    assert (info.stts, info.upos) == (stts, upos)


def test_unknown_tag_is_xy():
    assert from_hanta("NO_SUCH_TAG").stts == "XY"


def test_every_word_tag_of_hanta_is_mapped():
    from einfach.nlp.tagger import load_hanta

    hanta = load_hanta()
    word_tags = {tag[len("END_"):] for tag in hanta.tag2int if tag.startswith("END_")}
    missing = sorted(word_tags - set(hanta_table()))
    assert not missing


def test_derived_morphology(nlp):
    doc = nlp("Ihr Antrag wurde abgelehnt.")
    by_text = {t.text: t for t in doc}
    assert by_text["abgelehnt"].tag_ == "VVPP"
    assert str(by_text["abgelehnt"].morph) == "Aspect=Perf|VerbForm=Part"
    assert by_text["wurde"].morph.get("VerbForm") == ["Fin"]
    assert by_text["abgelehnt"].lemma_ == "ablehnen"
