"""The declension tables of the rewrites (``einfach.rewrite.declension``): a few cells per gender
and case for each determiner kind and adjective declension, and the forms derived from them."""

import pytest

from einfach.rewrite.declension import (
    ARTICLE,
    BARE_FORMS,
    CASES,
    DIES_ENDING,
    EIN_ENDING,
    GENDERS,
    MIXED_ADJECTIVE,
    STRONG_ADJECTIVE,
    WEAK_ADJECTIVE,
    adjective_ending,
    determiner,
    stem,
)


def test_every_table_has_a_cell_for_each_gender_and_case():
    cells = {(gender, case) for gender in GENDERS for case in CASES}
    for table in (ARTICLE, EIN_ENDING, DIES_ENDING, STRONG_ADJECTIVE, WEAK_ADJECTIVE, MIXED_ADJECTIVE):
        assert set(table) == cells


@pytest.mark.parametrize("model, gender, forms", [
    ("der", "m", ["der", "den", "dem", "des"]),
    ("die", "n", ["das", "das", "dem", "des"]),
    ("das", "f", ["die", "die", "der", "der"]),
    ("des", "pl", ["die", "die", "den", "der"]),
    ("einer", "m", ["ein", "einen", "einem", "eines"]),
    ("Ihrer", "n", ["Ihr", "Ihr", "Ihrem", "Ihres"]),
    ("keines", "f", ["keine", "keine", "keiner", "keiner"]),
    ("unseres", "pl", ["unsere", "unsere", "unseren", "unserer"]),
    ("diese", "m", ["dieser", "diesen", "diesem", "dieses"]),
    ("jeder", "n", ["jedes", "jedes", "jedem", "jedes"]),
    ("Solche", "pl", ["Solche", "Solche", "Solchen", "Solcher"]),
    ("eures", "n", ["euer", "euer", "eurem", "eures"]),
])
def test_determiners_by_gender_and_case(model, gender, forms):
    assert [determiner(model, gender, case) for case in CASES] == forms


def test_determiner_kinds_and_unknown_words():
    assert stem("Dem") == ("d", "article")
    assert stem("unserer") == ("unser", "ein-word")
    assert stem("euer") == ("eur", "ein-word")
    assert stem("welches") == ("welch", "dies-word")
    assert stem("jeglicher") is None
    assert determiner("jeglicher", "m", "dat") is None  # not a determiner the tables know


@pytest.mark.parametrize("gender, case, weak, mixed, strong", [
    ("m", "nom", "e", "er", "er"),  # der neue / ein neuer / neuer Antrag
    ("m", "acc", "en", "en", "en"),
    ("m", "gen", "en", "en", "en"),
    ("n", "nom", "e", "es", "es"),  # das neue / ein neues / neues Schreiben
    ("n", "acc", "e", "es", "es"),
    ("n", "dat", "en", "en", "em"),
    ("f", "acc", "e", "e", "e"),
    ("f", "dat", "en", "en", "er"),
    ("pl", "nom", "en", "en", "e"),  # die neuen / keine neuen / neue Anträge
    ("pl", "gen", "en", "en", "er"),
])
def test_adjective_endings(gender, case, weak, mixed, strong):
    assert WEAK_ADJECTIVE[(gender, case)] == adjective_ending(gender, case, after_ein_word=False) == weak
    assert MIXED_ADJECTIVE[(gender, case)] == adjective_ending(gender, case, after_ein_word=True) == mixed
    assert STRONG_ADJECTIVE[(gender, case)] == strong


def test_forms_morph_takes_from_the_tables():
    from einfach.rewrite.morph import MASCULINE_ACCUSATIVE

    assert MASCULINE_ACCUSATIVE == {
        "der": "den", "ein": "einen", "kein": "keinen", "dieser": "diesen", "jeder": "jeden", "jener": "jenen",
        "mein": "meinen", "dein": "deinen", "sein": "seinen", "ihr": "ihren", "unser": "unseren", "euer": "euren",
    }
    assert BARE_FORMS == {"ein", "kein", "mein", "dein", "sein", "ihr", "unser", "euer"}
