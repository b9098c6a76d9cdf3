"""Advice that fits (issue 17): the kinds of wrong suggestion the sixth blind review found
(`eval/review/suggestions-6-verdicts.jsonl`), each pinned by the behaviour it names. A suggestion
is concrete and fitting for its sentence, or absent; a false alarm is removed at its cause."""

from __future__ import annotations

import pytest

LETTER = "Sehr geehrte Frau Muster,\n\n"


def _of(check_text, rule: str, text: str):
    return [f for f in check_text(text).findings if f.rule == rule]


# -- satzlaenge: a defining relative clause is no split point -----------------------------------

@pytest.mark.parametrize("text", [
    # the clause says which contract, which matters, which office: "Dieser …" would say it of all
    "Damit ist es möglich, einen Gesellschaftsvertrag zu schließen, der weitgehend den Vorstellungen aller "
    "Beteiligten Rechnung trägt.",
    "Sie sind verpflichtet, ihr Amt unparteiisch auszuüben und Verschwiegenheit zu allen Angelegenheiten zu "
    "wahren, von denen sie bei ihrer amtlichen Tätigkeit erfahren.",
    "Waren Sie im Wahlgebiet nie gemeldet, ist die Stadt- oder Gemeindeverwaltung zuständig, mit der Sie am "
    "engsten verbunden sind.",
    "Die Kündigung ist nur wirksam, wenn derjenige unterschreibt, der den Vertrag mit der Stadt geschlossen hat.",
    # an indefinite noun after a modal verb is not yet a known one
    "Wir können Ihnen auf Wunsch eine Bescheinigung ausstellen, die Ihren Aufenthalt in Deutschland bis zur "
    "Entscheidung belegt.",
])
def test_defining_relative_clause_is_not_split_off(check_text, text):
    for found in _of(check_text, "satzlaenge", text):
        assert not any("Neuer Satz: „Dies" in s or "Neuer Satz: „Von dies" in s or "Neuer Satz: „Mit dies" in s
                       for s in found.suggestions), found.suggestions


def test_describing_relative_clause_after_a_known_noun_is_split_off(check_text):
    text = ("Bitte bringen Sie zu Ihrem Termin im Bürgerbüro Ihren alten Pass mit, den Sie von der Botschaft "
            "Ihres Landes bekommen haben.")
    (found,) = _of(check_text, "satzlaenge", text)
    assert "Neuer Satz: „Diesen haben Sie von der Botschaft Ihres Landes bekommen.“" in found.suggestions[0]


def test_a_question_is_not_split_into_a_statement(check_text):
    text = ("Haben Sie den Antrag auf Verlängerung schon bei uns gestellt oder wollen Sie ihn erst im "
            "nächsten Monat stellen?")
    (found,) = _of(check_text, "satzlaenge", text)
    assert found.suggestions == []


# -- unpersoenlich: „die Betroffenen“ are the reader only in a letter ---------------------------

@pytest.mark.parametrize("text", [
    "Wenn Freunde oft Drogen nehmen, leidet die Freundschaft. Die Betroffenen verhalten sich anders. "
    "Sprechen Sie offen über Ihre Sorgen.",
    "Essstörungen entstehen oft über Jahre; die Betroffenen brauchen ebenso viel Zeit, um zu einem "
    "normalen Essverhalten zurückzukehren. Suchen Sie im Zweifel einen Arzt auf.",
])
def test_affected_people_on_an_information_page_are_not_the_reader(check_text, text):
    assert _of(check_text, "unpersoenlich", text) == []


def test_the_affected_person_in_a_letter_is_the_reader(check_text):
    found = _of(check_text, "unpersoenlich", LETTER + "Die Betroffene hat die Unterlagen bis Freitag vorzulegen.")
    assert [f.text for f in found] == ["Die Betroffene"]


# -- verneinung: only a „nicht“ on the un-word itself; no swap that changes the meaning ----------

def test_nicht_that_negates_the_clause_is_no_double_negation(check_text):
    text = ("Damit nicht ungewollt hohe Kosten durch die mobile Internetnutzung entstehen, schalten Sie die "
            "Datenverbindung aus.")
    assert _of(check_text, "verneinung", text) == []


@pytest.mark.parametrize("text", [
    "Wir müssen eine nicht unerheblich hohe Gebühr verlangen.",
    "Es entstehen nicht unerheblich hohe Kosten.",
])
def test_litote_of_a_degree_word_inside_a_noun_phrase_is_still_found(check_text, text):
    (found,) = _of(check_text, "verneinung", text)
    assert found.text == "nicht unerheblich"


def test_no_swap_to_a_stem_that_means_something_else(check_text):
    (found,) = _of(check_text, "verneinung",
                   "Voraussetzung ist, dass der Eigentümer nicht unverhältnismäßig beeinträchtigt wird.")
    assert found.text == "nicht unverhältnismäßig"
    assert not any("„verhältnismäßig“ statt" in s for s in found.suggestions)
    assert "„verhältnismäßig“ allein heißt etwas anderes" in found.suggestions[0]


# -- amtsdeutsch: „geltend machen“ by its object ----------------------------------------------

def test_circumstances_made_known_are_not_demanded(check_text):
    text = ("Sie sind verpflichtet, Ihre Belange und für Sie günstige Umstände unverzüglich geltend zu machen "
            "sowie die erforderlichen Nachweise beizubringen.")
    found = [f for f in _of(check_text, "amtsdeutsch", text) if "geltend" in f.text]
    assert found and not any("verlangen" in s or "fordern" in s for s in found[0].suggestions)
    # with the rewrite (rwamts4) the suggestion names the fitted form (advice4a): "mitzuteilen"
    assert any("mitteilen" in s or "mitzuteilen" in s for s in found[0].suggestions)


def test_costs_are_still_demanded(check_text):
    text = "Die Kosten der Abschiebung werden wir gesondert gegenüber Ihnen geltend machen."
    found = [f for f in _of(check_text, "amtsdeutsch", text) if "geltend" in f.text]
    assert found and any("verlangen" in s for s in found[0].suggestions)


# -- amtsdeutsch: „zusätzlich zur Überprüfung“ is no purpose ------------------------------------

def test_besides_the_check_is_no_purpose(check_text):
    text = "Zusätzlich zur Überprüfung des Handgepäcks findet auch eine Personenkontrolle mit Metalldetektor statt."
    found = [f for f in _of(check_text, "amtsdeutsch", text) if "Überprüfung" in f.text]
    assert found and found[0].suggestions == ["Schreiben Sie stattdessen „zur Prüfung“."]


def test_check_as_a_purpose_names_we_only_in_a_letter(check_text):
    text = "Die Unterlagen werden zur Überprüfung Ihrer Angaben an das Bundesamt geschickt."
    (page,) = [f for f in _of(check_text, "amtsdeutsch", text) if "Überprüfung" in f.text]
    (letter,) = [f for f in _of(check_text, "amtsdeutsch", LETTER + text) if "Überprüfung" in f.text]
    assert not any("wir" in s for s in page.suggestions)
    assert any("damit wir" in s for s in letter.suggestions)


# -- passiv: "von … aus" names a place, not who acts ------------------------------------------

def test_starting_point_is_not_the_actor(check_text):
    text = ("Unter dieser Voraussetzung dürfen auch notwendige Wartungsarbeiten vom Grundstück des Eigentümers "
            "des höheren Gebäudes aus durchgeführt werden.")
    (found,) = _of(check_text, "passiv", text)
    assert "Handelnden" not in found.message
    assert not any("Grundstück darf" in s for s in found.suggestions)


def test_agent_after_vom_is_neuter_by_its_ending(check_text):
    (found,) = _of(check_text, "passiv", "Die Unterlagen werden vom Jobcenter geprüft.")
    assert "das Jobcenter" in found.message
