"""The German syllable counter (src/einfach/nlp/syllables.py).

Each word is written with its syllables separated by hyphens (spoken
syllables, one-letter syllables included: "A-bend", "O-a-se"); the counter
must give the number of parts.  A "|" separates the hyphenated form from the
word as written when the word itself contains a hyphen.
"""

from __future__ import annotations

import pytest

from einfach.nlp.syllables import count_syllables, syllable_word

SYLLABIFIED = """
A-bend E-he I-dee O-a-se Ra-di-o Ge-bühr Aus-län-der-be-hör-de Auf-ent-halts-er-laub-nis
Fik-ti-ons-be-schei-ni-gung Bü-ro Ja-nu-ar Fa-mi-lie Li-nie Ko-or-di-na-ti-on be-ein-träch-ti-gen
Mu-se-um the-a-ter Po-e-sie U-fer E-sel O-fen A-del Ü-bel Ö-fen I-gel E-ner-gie
Ei-mer au-ßer Eu-ro Häu-ser Frei-heit Mai Kai-ser Mei-er Bay-ern Bau-er Feu-er teu-er
Staat See Boot Tee Kaf-fee Al-lee Sie-be Brief vier-tel viel-leicht Pa-pier
Fe-ri-en Fa-mi-li-en Fa-mi-li-en-stand Li-ni-en Me-di-en Stu-di-um Pa-ti-ent Dienst ver-dient Be-die-nung
Na-ti-on Re-gi-on Si-tu-a-ti-on Qua-li-tät Quel-le ak-tu-ell e-ven-tu-ell Vi-de-o The-o-rie O-ze-an
Ju-bi-lä-um I-de-en ge-ehr-te be-en-den be-ur-tei-len Ko-o-pe-ra-ti-on
Typ Sys-tem Han-dy Yo-ga Ni-veau Ser-vice on-line
Be-scheid Be-schei-ni-gung Ge-büh-ren-be-scheid Auf-ent-halts-ti-tel Un-ter-la-gen Aus-wei-se
Sach-be-ar-bei-te-rin Mit-wir-kung Ein-bür-ge-rung Ver-pflich-tungs-er-klä-rung Ab-schie-bung
An-hö-rung Wohn-sitz-auf-la-ge Frist Stra-ße Schrift-stück Ter-min Ein-la-dung Er-in-ne-rung
un-ver-züg-lich ord-nungs-ge-mäß frist-ge-recht ent-spre-chend Vo-raus-set-zun-gen Zu-stän-dig-keit
Kran-ken-ver-si-che-rung Ar-beit-ge-ber An-trag-stel-ler Lohn-steu-er Er-laub-nis
"""
WITH_HYPHENS = {
    "E-Mail": 2,
    "Kfz-Steuer": 2,
    "Antragsteller:innen": 6,
    "Antragsteller*innen": 6,
    "AntragstellerInnen": 6,
}
CASES = [(item.replace("-", ""), item.count("-") + 1) for item in SYLLABIFIED.split()]


def test_list_is_long_enough():
    assert len(CASES) >= 80


@pytest.mark.parametrize("word,expected", CASES + list(WITH_HYPHENS.items()))
def test_syllables(word, expected):
    assert count_syllables(word) == expected


def test_accuracy_on_whole_list():
    wrong = [(word, expected, count_syllables(word)) for word, expected in CASES if count_syllables(word) != expected]
    assert not wrong


def test_case_does_not_matter():
    assert count_syllables("ABEND") == count_syllables("abend") == 2


@pytest.mark.parametrize("token", ["82", "1.", "2024", "Abs.", "z.", "gem.", "BAMF", "AufenthG", "GmbH", "Kfz", "§", "a", "info@amt.de"])
def test_numbers_and_abbreviations_are_not_syllable_words(token):
    assert not syllable_word(token)


@pytest.mark.parametrize("token", ["Abend", "E-Mail", "AntragstellerInnen", "Antragsteller:innen", "Oase", "Ihr"])
def test_words_are_syllable_words(token):
    assert syllable_word(token)
