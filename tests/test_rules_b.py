"""Edge cases of the rules of issue 3, part B: nominalstil, schachtelsatz, satzklammer,
genitivkette, wortlaenge, seltenes-wort, zahlen, aussagen."""

from __future__ import annotations

import subprocess
import sys

import pytest

from einfach.checker import check_document, make_pipeline
from einfach.readers.text import document_from_text
from einfach.rules.loader import load_rules

MINE = ["nominalstil", "schachtelsatz", "satzklammer", "genitivkette", "wortlaenge", "seltenes-wort", "zahlen", "aussagen"]


@pytest.fixture(scope="module")
def pipelines():
    cache = {}

    def get(profile: str, rules: tuple[str, ...]):
        key = (profile, rules)
        if key not in cache:
            cache[key] = make_pipeline(profile, settings={"select": list(rules)})
        return cache[key]

    return get


@pytest.fixture(scope="module")
def find(pipelines):
    def run(rule: str, text: str, profile: str = "einfach"):
        result = check_document(document_from_text("<test>", text), pipelines(profile, (rule,)))
        return [f for f in result.findings if f.rule == rule]

    return run


# --- every rule: offsets, placeholders, other rules' good examples ----------------------------

def test_offsets_point_at_text(find):
    text = (
        "Nach Prüfung Ihres Antrags auf Verlängerung teilen wir Ihnen unsere Entscheidung mit. "
        "Bitte reichen Sie die Kopie Ihres Passes und die Bescheinigung Ihres Arbeitgebers über das "
        "Einkommen der letzten drei Monate bis zum 1. Oktober ein. Die Prüfung des Antrags des Ehegatten "
        "der Antragstellerin dauert. Bitte legen Sie einen Krankenversicherungsnachweis vor. "
        "Sie erhalten eine Fiktionsbescheinigung. Bitte kommen Sie am 01.10.2024 in Kapitel IV. "
        "Wir teilen Ihnen mit, dass die Unterlagen, die Sie uns geschickt haben, nicht vollständig sind. "
        "Wir haben Ihren Antrag geprüft, aber es fehlen noch Unterlagen."
    )
    for rule in MINE:
        for profile in ("einfach", "leicht"):
            found = find(rule, text, profile)
            assert found, (rule, profile)  # every rule is tested, under both profiles
            for finding in found:
                assert text[finding.start : finding.end] == finding.text, (rule, finding)


@pytest.mark.parametrize("rule", MINE)
def test_placeholders_never_flagged(find, rule):
    text = (
        "Sehr geehrte «Anrede» «Nachname», bitte reichen Sie «Unterlagenbezeichnungsverzeichnis» "
        "und {{krankenversicherungsnachweisnummer}} am [Datum] bei [Dienststellenbezeichnung] ein."
    )
    for profile in ("einfach", "leicht"):
        for finding in find(rule, text, profile):
            # sentence-level findings may span a placeholder; no finding is a placeholder itself
            assert finding.text not in {"«Unterlagenbezeichnungsverzeichnis»", "{{krankenversicherungsnachweisnummer}}", "[Datum]", "[Dienststellenbezeichnung]"}


def test_no_rule_of_mine_fires_on_any_good_example(find):
    rules = load_rules()
    for rule in MINE:
        for other_id, other in rules.items():
            for good in other.examples["good"]:
                assert not find(rule, good), f"{rule} fires on a good example of {other_id}: {good!r}"


# --- nominalstil ---------------------------------------------------------------------------

def test_nominal_style_suggests_verbs_and_clause(find):
    found = find("nominalstil", "Nach Prüfung Ihres Antrags auf Verlängerung teilen wir Ihnen unsere Entscheidung mit.")
    assert len(found) == 1
    assert "3 Hauptwörter" in found[0].message
    suggestion = found[0].suggestions[0]
    assert "„Prüfung“ → „prüfen“" in suggestion and "„Verlängerung“ → „verlängern“" in suggestion
    assert "nachdem wir Ihren Antrag geprüft haben" in suggestion


def test_nominal_style_profiles_change_threshold(find):
    text = "Die Prüfung Ihres Antrags dauert wegen der Ablehnung noch."
    assert not find("nominalstil", text, "einfach")
    assert find("nominalstil", text, "leicht")


def test_nominal_style_ignores_legal_and_everyday_nouns(find):
    assert not find("nominalstil", "Ihre Einbürgerung, Ihre Duldung und Ihre Wohnung sind in Ordnung.")


def test_nominal_style_counts_substantivised_infinitive(find):
    found = find("nominalstil", "Das Einreichen der Unterlagen nach Ablauf der Frist führt zur Ablehnung der Verlängerung.")
    assert found and "„Einreichen“" in found[0].message


# --- schachtelsatz -------------------------------------------------------------------------

def test_nesting_reports_inserted_clause(find):
    found = find("schachtelsatz", "Wir teilen Ihnen mit, dass die Unterlagen, die Sie uns geschickt haben, nicht vollständig sind.")
    assert len(found) == 1
    assert "eingeschoben" in found[0].message and "dass …" in found[0].message and "die …" in found[0].message


def test_nesting_profiles(find):
    text = "Wenn Sie kommen, bringen Sie den Pass mit, den wir brauchen."
    assert not find("schachtelsatz", text, "einfach")
    assert find("schachtelsatz", text, "leicht")


# --- satzklammer ---------------------------------------------------------------------------

def test_bracket_names_both_parts_and_distance(find):
    text = ("Bitte reichen Sie die Kopie Ihres Passes und die Bescheinigung Ihres Arbeitgebers über das "
            "Einkommen der letzten drei Monate bis zum 1. Oktober ein.")
    found = find("satzklammer", text)
    assert len(found) == 1
    assert "Zwischen „reichen“ und „ein“ stehen 21 Wörter" in found[0].message


def test_bracket_ignores_infinitive_clause_after_comma(find):
    assert not find("satzklammer", "Sie haben das Recht, gegen diesen Bescheid innerhalb von einem Monat Widerspruch bei uns einzulegen.")


def test_bracket_profiles(find):
    text = "Bitte bringen Sie zu Ihrem Termin am Montag Ihren gültigen Pass mit."
    assert not find("satzklammer", text, "einfach")
    assert find("satzklammer", text, "leicht")


# --- genitivkette --------------------------------------------------------------------------

def test_genitive_chain_and_von_rewrite(find):
    found = find("genitivkette", "Die Prüfung des Antrags des Ehegatten der Antragstellerin dauert noch an.")
    assert len(found) == 1 and "3 Genitiven" in found[0].message
    assert "von der Antragstellerin" in found[0].suggestions[0]


@pytest.mark.parametrize("text", [
    "Morgen gebe ich der Frau das Buch.",
    "Am Montag ist der Bescheid bei uns angekommen.",
    "Dass der Verlust des Passes der Behörde unverzüglich anzuzeigen ist, wissen Sie.",
])
def test_genitive_chain_quiet_on_dative_and_nominative(find, text):
    assert not find("genitivkette", text, "einfach")


def test_single_genitive_only_in_leicht(find):
    text = "Wir sprechen mit der Behörde der Stadt."
    assert not find("genitivkette", text, "einfach")
    found = find("genitivkette", text, "leicht")
    assert found and found[0].text == "Behörde der Stadt"


# --- wortlaenge ----------------------------------------------------------------------------

def test_word_length_hyphen_suggestion(find):
    found = find("wortlaenge", "Bitte legen Sie einen Krankenversicherungsnachweis vor.")
    assert len(found) == 1 and found[0].text == "Krankenversicherungsnachweis"
    assert "„Krankenversicherungs-Nachweis“" in found[0].suggestions[0]
    assert "28 Buchstaben" in found[0].message


def test_legal_terms_quiet_in_einfach_mediopunkt_in_leicht(find):
    text = "Ihre Aufenthaltserlaubnis und Ihre Verpflichtungserklärung liegen bereit."
    assert not find("wortlaenge", text, "einfach")
    assert not find("wortlaenge", text, "buergernah")
    suggestions = [f.suggestions[0] for f in find("wortlaenge", text, "leicht")]
    assert any("„Aufenthalts·erlaubnis“" in s for s in suggestions)
    assert any("„Verpflichtungs·erklärung“" in s for s in suggestions)


def test_word_length_never_flags_urls_numbers_abbreviations(find):
    text = ("Schreiben Sie an verwaltungsabteilung@musterstadt.example oder https://www.musterstadt.example/"
            "aufenthaltserlaubnisverlaengerung, Aktenzeichen 32.2-NE-2024/1187, nach dem AsylbLG.")
    assert not find("wortlaenge", text, "leicht")


def test_word_length_no_split_no_finding(find):
    # long, but CharSplit's best splits are not real words: better to say nothing
    assert not find("wortlaenge", "Die Antragstellerin ist da.", "leicht")


# --- seltenes-wort -------------------------------------------------------------------------

def test_rare_word_legal_term_explained_once_per_paragraph(find):
    text = "Sie erhalten eine Fiktionsbescheinigung. Die Fiktionsbescheinigung gilt drei Monate."
    found = find("seltenes-wort", text)
    assert len(found) == 1
    assert found[0].suggestions[0].startswith("Erklären Sie diesen Begriff beim ersten Vorkommen: Papier")


def test_rare_word_quiet_when_explained(find):
    text = "Sie erhalten eine Fiktionsbescheinigung. Eine Fiktionsbescheinigung ist ein Papier für die Zeit bis zur Entscheidung."
    assert not find("seltenes-wort", text)


def test_rare_word_synonym_and_amtsdeutsch_skipped(find):
    found = find("seltenes-wort", "Bitte schicken Sie uns die Passablichtung bis Montag.")
    assert found and "„Ablichtung“" in found[0].suggestions[0] and "„Kopie“" in found[0].suggestions[0]
    # "Vorsprache" was reported by both rules before issue #17; now only by amtsdeutsch
    assert not find("seltenes-wort", "Bitte bringen Sie die Originale zur Vorsprache mit.")
    assert find("amtsdeutsch", "Bitte bringen Sie die Originale zur Vorsprache mit.")
    # "Obliegenheit" is rare, but the amtsdeutsch rule reports it
    assert not find("seltenes-wort", "Das ist Ihre Obliegenheit.")


def test_rare_word_profiles(find):
    text = "Bitte schicken Sie uns den Nachweis über Ihren Wohnraum und die Abrechnung."
    assert not find("seltenes-wort", text, "einfach")


def test_rare_word_skips_names_and_addresses(find):
    assert not find("seltenes-wort", "Frau Yılmaz wohnt in der Kastanienallee 21 in Musterstadt.")


def test_frequency_module_is_lazy():
    code = (
        "import sys\n"
        "from einfach.rules.loader import load_rules\n"
        "import einfach.nlp.frequency, einfach.rules.kinds.rare_word, einfach.rules.kinds.word_length\n"
        "load_rules()\n"
        "print('LOADED', [m for m in ('wordfreq', 'split_words', 'HanTa') if m in sys.modules])\n"
    )
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "LOADED []" in output


def test_rules_without_frequency_rules_do_not_load_wordfreq():
    """The rule component alone (metrics are computed elsewhere) loads wordfreq only for its rules."""
    code = (
        "import sys\n"
        "from einfach.checker import make_pipeline\n"
        "nlp = make_pipeline('einfach', settings={'ignore': ['seltenes-wort', 'wortlaenge']})\n"
        "nlp('Nach Prüfung Ihres Antrags auf Verlängerung teilen wir Ihnen die Entscheidung mit.')\n"
        "print('LOADED', 'wordfreq' in sys.modules)\n"
    )
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "LOADED False" in output


# --- zahlen --------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "replacement"), [
    ("Sie haben drei Wochen Zeit.", "„3 Wochen“"),
    ("Die Frist beträgt fünfundzwanzig Tage.", "„25 Tage“"),
    ("Sie müssen 11904,00 EUR bezahlen.", "„11.904 Euro“"),
    ("Bitte kommen Sie am 01.10.2024.", "„1. Oktober 2024“"),
    ("Lesen Sie Kapitel IV.", "„4“"),
    ("Der Zuschlag beträgt 5 v. H. der Summe.", "„5 Prozent“"),
])
def test_numbers_in_leicht(find, text, replacement):
    found = find("zahlen", text, "leicht")
    assert found and found[0].suggestions[0] == f"Schreiben Sie {replacement}."


@pytest.mark.parametrize("text", [
    "Kommen Sie in Raum 1.05.",
    "Ihre Adresse: Kastanienallee 21, 12347 Musterstadt.",
    "Telefon: 0123 4567-0",
    "Ich habe I Euro.",
    "Frau XX hat angerufen.",
])
def test_numbers_quiet(find, text):
    assert not find("zahlen", text, "leicht")


def test_number_words_off_outside_leicht(find):
    assert not find("zahlen", "Sie haben drei Wochen Zeit.", "einfach")


# --- aussagen ------------------------------------------------------------------------------

def test_statements_in_leicht(find):
    assert find("aussagen", "Wir haben Ihren Antrag geprüft, aber es fehlen noch Unterlagen.", "leicht")
    assert not find("aussagen", "Wir haben Ihren Antrag geprüft.", "leicht")
    assert not find("aussagen", "Bitte bringen Sie Ihren Pass und ein Foto mit.", "leicht")


def test_profiles_list_the_rules():
    from einfach.rules.loader import load_profile

    einfach = load_profile("einfach").rules
    leicht = load_profile("leicht").rules
    for rule in MINE[:6]:
        assert rule in einfach and rule in leicht
    assert "zahlen" in leicht and "aussagen" in leicht
    assert "zahlen" not in einfach and "aussagen" not in einfach
    assert leicht["wortlaenge"]["parameters"]["style"] == "mediopunkt"
