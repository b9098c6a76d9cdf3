"""rules/kinds/word_length.py (rule ``wortlaenge``): the limit, the exclusions (street names, legal terms,
law titles, names of institutions, abbreviations, gender forms, placeholders), the split it suggests and
its style; one named behaviour per test (docs/quality.md, "Mutation testing").

Each quiet case has a control that is reported, so the test shows which exclusion keeps it quiet."""

from __future__ import annotations

import pytest
from pinned_support import findings

from einfach.rules.kinds.word_length import WordLength, _weakest, main_joints


NACHWEIS = "Bitte bringen Sie Ihren Krankenversicherungsnachweis mit."


def wortlaenge(text: str, profile: str = "einfach", **parameters) -> list[tuple[str, str]]:
    """(marked word, split it suggests) per finding."""
    return [(f.text, f.suggestions[0].removeprefix("Schreiben Sie „").removesuffix("“ oder umschreiben Sie das Wort."))
            for f in findings("wortlaenge", text, profile, **parameters)]


def marked(text: str, profile: str = "einfach", **parameters) -> list[str]:
    return [word for word, _ in wortlaenge(text, profile, **parameters)]


# --- the limit ------------------------------------------------------------------------------------------

def test_message_names_the_word_its_letters_and_the_limit():
    assert [f.message for f in findings("wortlaenge", NACHWEIS)] == \
        ["Langes Wort: „Krankenversicherungsnachweis“ hat 28 Buchstaben (empfohlen: höchstens 20)"]


def test_word_one_letter_above_max_letters_is_reported():
    assert [f.message for f in findings("wortlaenge", NACHWEIS, max_letters=27)] == \
        ["Langes Wort: „Krankenversicherungsnachweis“ hat 28 Buchstaben (empfohlen: höchstens 27)"]


def test_word_at_max_letters_is_quiet():
    assert marked(NACHWEIS, max_letters=28) == []


def test_letters_of_a_hyphenated_word_leave_out_the_hyphen():
    (found,) = findings("wortlaenge", "Bitte bringen Sie den Arbeitslosenversicherungs-Nachweis mit.")
    assert found.message == \
        "Langes Wort: „Arbeitslosenversicherungs-Nachweis“ hat 33 Buchstaben (empfohlen: höchstens 20)"


# --- the split and its style ------------------------------------------------------------------------------

def test_split_with_hyphen_capitalises_the_second_part():
    assert wortlaenge(NACHWEIS) == [("Krankenversicherungsnachweis", "Krankenversicherungs-Nachweis")]


def test_three_parts_joined_with_hyphens():
    assert wortlaenge(NACHWEIS, max_letters=12) == \
        [("Krankenversicherungsnachweis", "Kranken-Versicherungs-Nachweis")]


def test_style_mediopunkt_is_read_from_the_parameters():
    assert wortlaenge(NACHWEIS, style="mediopunkt") == [("Krankenversicherungsnachweis", "Krankenversicherungs·nachweis")]


def test_leicht_splits_at_every_joint_with_mediopunkt():
    assert wortlaenge(NACHWEIS, "leicht") == [("Krankenversicherungsnachweis", "Kranken·versicherungs·nachweis")]


def test_hyphen_style_splits_at_the_main_joints_only():
    assert wortlaenge("Bitte schicken Sie uns die Lohnsteuerbescheinigungsunterlagen.") == \
        [("Lohnsteuerbescheinigungsunterlagen", "Lohnsteuer-Bescheinigungs-Unterlagen")]


def test_main_joint_leaves_the_more_frequent_rarest_piece():
    """"Rauchwarnmelder-Pflicht", not "Rauch-Warnmelderpflicht" (fifth blind review, S086)."""
    assert wortlaenge("Die Rauchwarnmelderpflicht gilt.") == [("Rauchwarnmelderpflicht", "Rauchwarnmelder-Pflicht")]


def test_main_joints_join_as_few_pieces_as_fit_the_limit():
    assert main_joints(["Kranken", "versicherungs", "nachweis"], 20) == ["Krankenversicherungs", "nachweis"]


def test_main_joints_keep_every_joint_when_no_piece_fits():
    assert main_joints(["Kranken", "versicherungs", "nachweis"], 5) == ["Kranken", "versicherungs", "nachweis"]


def test_min_part_zipf_is_read():
    """Both parts of a split must be at least ``min_part_zipf`` frequent: at 7.0 (only the most frequent
    words, "und", "die") no split is good enough, so the word stays quiet."""
    assert marked(NACHWEIS, min_part_zipf=7.0) == []


def test_bad_style_is_a_value_error_naming_the_styles():
    with pytest.raises(ValueError, match="^style muss eine von hyphen, mediopunkt sein$"):
        WordLength({"style": "punkt"})


# --- hyphenated words ----------------------------------------------------------------------------------------

def test_hyphenated_word_with_a_piece_at_the_limit_is_quiet():
    """"Krankenversicherungs" has exactly 20 letters (the limit): not over it, so not split."""
    assert marked("Bitte bringen Sie den Krankenversicherungs-Nachweis mit.") == []


def test_hyphenated_word_with_a_long_piece_is_split_part_by_part():
    assert wortlaenge("Bitte bringen Sie den Krankenversicherungs-Nachweis mit.", "leicht") == \
        [("Krankenversicherungs-Nachweis", "Kranken·versicherungs·nachweis")]


def test_hyphenated_word_keeps_the_writers_hyphen():
    assert wortlaenge("Bitte bringen Sie den Arbeitslosenversicherungs-Nachweis mit.") == \
        [("Arbeitslosenversicherungs-Nachweis", "Arbeitslosen-Versicherungs-Nachweis")]


def test_truncated_compound_with_a_hyphen_is_quiet():
    """"Arbeitslosenversicherungs- und Rentenbeiträge": the tagger reads the first word as TRUNC, no noun."""
    assert marked("Die Arbeitslosenversicherungs- und Rentenbeiträge steigen.") == []


# --- words that are not candidates ------------------------------------------------------------------------

def test_long_street_name_is_not_reported():
    """A street name is an address: "Krankenversicherungsstraße" (26 letters) stays quiet."""
    assert marked("Bitte kommen Sie in die Krankenversicherungsstraße 5 in Berlin.") == []


def test_same_compound_without_street_ending_is_reported():
    """The control for the street names: the same first part as an ordinary long compound is split."""
    assert marked("Bitte kommen Sie in die Krankenversicherungsstelle in Berlin.") == ["Krankenversicherungsstelle"]


def test_compound_ending_in_ring_is_a_street_name():
    assert marked("Bitte kommen Sie zum Krankenversicherungsring 5.") == []


def test_capital_inside_a_word_without_hyphen_is_an_abbreviation():
    assert marked("Bitte bringen Sie den KrankenversicherungsNachweis mit.") == []


def test_capital_inside_a_word_with_hyphen_is_no_abbreviation():
    assert marked("Bitte bringen Sie den Arbeitslosenversicherungs-Nachweis mit.") == \
        ["Arbeitslosenversicherungs-Nachweis"]


def test_template_placeholder_is_quiet():
    assert marked("Bitte bringen Sie den [Krankenversicherungsnachweis] mit.") == []


def test_quoted_word_keeps_its_spelling():
    assert marked("Bitte bringen Sie den „Krankenversicherungsnachweis“ mit.") == []


@pytest.mark.parametrize("mark", [":", "*", "_", "/"])
def test_gender_form_is_quiet(mark):
    assert marked(f"Wir grüßen alle Krankenversicherungsmitarbeiter{mark}innen herzlich.") == []


def test_legal_term_keeps_its_spelling():
    assert marked("Bitte schicken Sie die Grenzübertrittsbescheinigung.") == []


def test_legal_term_is_split_with_legal_terms_split():
    assert wortlaenge("Bitte schicken Sie die Grenzübertrittsbescheinigung.", legal_terms="split") == \
        [("Grenzübertrittsbescheinigung", "Grenzübertritts-Bescheinigung")]


def test_legal_lexicon_is_read_from_the_parameters():
    """With another lexicon the term is no legal term, so it is split."""
    assert marked("Bitte schicken Sie die Grenzübertrittsbescheinigung.", legal_lexicon="abkuerzungen") == \
        ["Grenzübertrittsbescheinigung"]


def test_law_title_keeps_its_spelling():
    assert marked("Das regelt die Aufenthaltsbeschäftigungsverordnung.", legal_lexicon="abkuerzungen") == []


def test_law_title_is_split_with_legal_terms_split():
    assert wortlaenge("Das regelt die Aufenthaltsbeschäftigungsverordnung.", legal_terms="split") == \
        [("Aufenthaltsbeschäftigungsverordnung", "Aufenthalts-Beschäftigungs-Verordnung")]


@pytest.mark.parametrize(("first", "why"), [
    ("Antragsteller:innen", "a gender form"),
    ("Aufenthaltserlaubnis", "a protected legal term"),
    ("Krankenversicherungs-Nachweis", "hyphenated, pieces short enough"),
    ("Arbeitslosenversicherungs-", "a truncated compound"),
    ("Krankenversicherungsstraße", "a street name"),
    ("Grenzübertrittsbescheinigung", "a legal term above the limit"),
    ("Bundesuntersuchungsanstalt", "the name of an institution"),
    ("Krankenversicherungsmitarbeiter:innen", "a long gender form"),
    ("Xylophonorchesterinstrumentierung", "a long word that does not split"),
])
def test_a_quiet_word_does_not_end_the_search(first, why):
    """Words after a word that is left alone are still checked."""
    text = f"Die {first} und der Staatsangehörigkeitsbehörde fehlen."
    assert marked(text) == ["Staatsangehörigkeitsbehörde"], why


# --- names of institutions -----------------------------------------------------------------------------------

def test_federal_institution_is_a_name():
    assert marked("Die Proben prüft die Landesuntersuchungsanstalt.") == []


def test_one_of_many_state_institutions_is_no_name():
    assert marked("Die Proben prüft eine Landesuntersuchungsanstalt.") == ["Landesuntersuchungsanstalt"]


def test_institution_head_in_the_genitive_is_a_name():
    assert marked("Das ist die Aufgabe des Bundesverwaltungsamtes.") == []


def test_institution_head_in_the_plural_is_no_name():
    assert marked("Das ist die Aufgabe der Landesuntersuchungsanstalten.") == ["Landesuntersuchungsanstalten"]


def test_institution_heads_are_read_from_the_parameters():
    assert marked("Die Proben prüft die Landesuntersuchungsanstalt.", institution_heads=["amt"]) == \
        ["Landesuntersuchungsanstalt"]


def test_unique_register_is_a_name():
    assert marked("Die Daten stehen im Gewerbezentralregister.", institution_heads=[]) == []


def test_unique_heads_are_read_from_the_parameters():
    assert marked("Die Daten stehen im Gewerbezentralregister.", institution_heads=[], unique_heads=["bundesamt"]) == \
        ["Gewerbezentralregister"]


def test_one_of_many_unique_registers_is_no_name():
    assert marked("Die Daten stehen in einem Gewerbezentralregister.", institution_heads=[]) == \
        ["Gewerbezentralregister"]


def test_institution_with_a_compass_part_is_a_name():
    assert marked("Fragen Sie das Giftinformationszentrum-Nord.") == []


def test_institution_with_another_last_part_is_no_name():
    assert marked("Fragen Sie das Giftinformationszentrum-Team.") == ["Giftinformationszentrum-Team"]


def test_institution_with_its_place_after_it_is_a_name():
    assert marked("Fragen Sie das Giftinformationszentrum der Länder Bremen und Hamburg.") == []


def test_institution_with_a_town_after_a_preposition_is_no_name():
    assert marked("Fragen Sie das Giftinformationszentrum in Bremen.") == ["Giftinformationszentrum"]


def test_place_nouns_are_read_from_the_parameters():
    assert marked("Fragen Sie das Giftinformationszentrum der Länder Bremen und Hamburg.", place_nouns=["stadt"]) == \
        ["Giftinformationszentrum"]


def test_capitalised_adjective_after_an_article_makes_a_name():
    assert marked("Er ist Mitglied im Gesamtverband der Deutschen Versicherungswirtschaft.") == []


def test_lowercase_adjective_after_an_article_makes_no_name():
    assert marked("Er spricht mit der deutschen Versicherungswirtschaft.") == ["Versicherungswirtschaft"]


def test_capitalised_adjective_after_als_makes_no_name():
    assert marked("Er ist als Deutscher Versicherungswirtschaftsexperte bekannt.") == \
        ["Versicherungswirtschaftsexperte"]


def test_noun_made_of_an_adjective_after_die_before_a_singular_is_no_name():
    assert marked("Während der Ausbildung können die Jugendlichen Berufsausbildungsbeihilfe bekommen.") == \
        ["Berufsausbildungsbeihilfe"]


def test_noun_after_the_word_in_a_line_without_verb_makes_a_name():
    assert marked("Freiwillige Selbstkontrolle der Unterhaltungssoftware Selbstkontrolle") == []


def test_noun_after_the_word_in_a_sentence_with_a_verb_is_an_object():
    assert marked("Er gab der Krankenversicherungsgesellschaft Auskunft.") == ["Krankenversicherungsgesellschaft"]


def test_institution_with_its_place_after_des_is_a_name():
    assert marked("Fragen Sie das Giftinformationszentrum des Landes Berlin.") == []


def test_institution_with_its_place_ending_the_text_is_a_name():
    assert marked("Fragen Sie das Giftinformationszentrum der Länder Bremen") == []


@pytest.mark.parametrize("text", ["Fragen Sie das Giftinformationszentrum", "Fragen Sie das Giftinformationszentrum der Länder"])
def test_institution_cut_off_by_the_end_of_the_text_is_no_name(text):
    assert marked(text) == ["Giftinformationszentrum"]


# --- the defaults in the code ---------------------------------------------------------------------------------

def test_defaults_in_the_code_are_the_rule_files_values():
    """A rule object built without parameters (another caller, a test) behaves as the rule file says."""
    from einfach.resources import rules_dir
    from einfach.rules.loader import read_yaml

    configured = WordLength(read_yaml(rules_dir() / "wortlaenge.yml")["parameters"])
    default = WordLength({})
    for name in ("max_letters", "style", "legal_terms", "min_part_zipf", "legal_lexicon"):
        assert getattr(default, name) == getattr(configured, name), name


def test_institution_heads_from_the_parameters_are_read_in_any_case():
    assert marked("Die Proben prüft die Landesuntersuchungsanstalt.", institution_heads=["Anstalt"]) == []


def test_place_nouns_from_the_parameters_are_read_in_any_case():
    assert marked("Fragen Sie das Giftinformationszentrum der Länder Bremen und Hamburg.", place_nouns=["Länder"]) == []


def test_institution_head_in_the_genitive_with_s_is_a_name():
    assert marked("Das ist die Aufgabe des Bundesverwaltungsamts.") == []


def test_capitalised_adjective_after_a_preposition_and_article_makes_a_name():
    """„mit der Deutschen Rentenversicherungsgesellschaft“: the adjective right after the article decides."""
    assert marked("Sprechen Sie mit der Deutschen Rentenversicherungsgesellschaft.") == []


@pytest.mark.parametrize("word", ["Rentenversicherungsanstalten", "Rentenversicherungsbüros"])
def test_capitalised_adjective_in_en_after_die_before_a_plural_makes_a_name(word):
    assert marked(f"Das prüfen die Deutschen {word}.") == []


# --- the weakest piece of a split ----------------------------------------------------------------------------

def test_weakest_piece_drops_a_linking_s():
    assert _weakest(["Bescheinigungs"]) == 3.3  # the frequency of "bescheinigung"


def test_weakest_piece_keeps_a_last_letter_that_is_no_linking_s():
    assert _weakest(["Seiten"]) == 5.14  # "seiten", not the more frequent "seite"


def test_weakest_piece_of_an_unknown_word_is_zero():
    assert _weakest(["Xyzqw"]) == 0.0


@pytest.mark.parametrize("text", ["Sie brauchen eine Bescheinigung der sozialversicherungspflichtigen Beschäftigung.",
                                  "Sozialversicherungspflichtige Beschäftigte zahlen Beiträge."])
def test_long_adjective_is_no_candidate(text):
    """Only nouns are split: "sozialversicherungspflichtig…" (ADJA, splits into two known words) stays quiet."""
    assert marked(text) == []


def test_long_noun_written_in_lowercase_is_no_candidate():
    assert marked("Bitte bringen Sie den krankenversicherungsnachweis mit.") == []
