"""rules/kinds/passive.py (rule ``passiv``): the active skeleton each passive gets (the actor named in the
sentence, the actor of the verb lists in a letter, none outside one), the message's problem text, and the
verb lists read from the parameters; one named behaviour per test (docs/quality.md, "Mutation testing").
The detection itself is :mod:`einfach.nlp.passive`'s (tests/test_passive.py)."""

from __future__ import annotations

import pytest
from pinned_support import findings

ADVICE = "Schreiben Sie aktiv und nennen Sie, wer handelt: "
LETTER = "Sehr geehrte Frau Muster,\n\n{}\n\nMit freundlichen Grüßen\nIhre Stadtverwaltung"


def advice(text: str, **parameters) -> list[tuple[str, str]]:
    """(marked text, suggestion without the fixed opening, or "") per finding."""
    return [(f.text, f.suggestions[0].removeprefix(ADVICE) if f.suggestions else "")
            for f in findings("passiv", text, **parameters)]


def test_agent_ich_gets_the_first_person_of_the_verb():
    assert advice("Ihr Antrag wird von mir geprüft.") == [("wird von mir geprüft", "„Ich prüfe …“")]


def test_agent_ich_with_a_separable_verb_gets_its_particle_at_the_end():
    assert advice("Der Antrag wird von mir vorgelegt.") == [("wird von mir vorgelegt", "„Ich lege … vor.“")]


def test_recipient_passive_of_a_verb_without_particle_ends_in_the_ellipsis():
    # „Wir schicken Ihnen …“, not „Wir schicken Ihnen ….“
    assert advice(LETTER.format("Sie bekommen den Bescheid geschickt.")) == [
        ("bekommen den Bescheid geschickt", "„Wir schicken Ihnen …“")]


# --- the actor named in the sentence -----------------------------------------------------------------------

@pytest.mark.parametrize(("text", "active"), [
    ("Ihr Antrag wird vom Jobcenter geprüft.", "„Das Jobcenter prüft …“"),  # a singular for sure: present
    ("Ihr Antrag wird von der Krankenkasse geprüft.", "„Die Krankenkasse wird … prüfen.“"),  # may be plural
    ("Ihr Antrag wird von Ihrer Mutter geprüft.", "„Ihre Mutter wird … prüfen.“"),
    ("Der Antrag wird von ihm geprüft.", "„Er prüft …“"),
    ("Der Antrag wird vom Jobcenter vorgelegt.", "„Das Jobcenter legt … vor.“"),
    ("Ihr Antrag wurde vom Jobcenter geprüft.", "„Das Jobcenter hat … geprüft.“"),
    ("Der Antrag wurde von mir geprüft.", "„Ich habe … geprüft.“"),
    ("Ihr Antrag muss vom Jobcenter geprüft werden.", "„Das Jobcenter muss … prüfen.“"),
    ("Der Antrag muss von mir geprüft werden.", "„Ich muss … prüfen.“"),
    ("Der Antrag muss von Ihnen unterschrieben werden.", "„Sie müssen … unterschreiben.“"),
    ("Ihr Antrag wird von Ihnen unterschrieben.", "„Sie unterschreiben …“"),
    ("Der Antrag wird von uns vorgelegt.", "„Wir legen … vor.“"),
])
def test_named_agent_is_the_subject_of_the_active(text, active):
    ((_, suggestion),) = advice(text)
    assert suggestion == active


@pytest.mark.parametrize(("text", "problem"), [
    ("Ihr Antrag wird vom Jobcenter geprüft.", "die Handelnden (das Jobcenter) stehen versteckt in der Mitte des Satzes"),
    ("Ihr Antrag wird geprüft.", "es bleibt unklar, wer handelt"),
    ("Ihr Antrag wird seitens der Bank geprüft.",
     "die Handelnden („seitens der Bank“) stehen versteckt in der Mitte des Satzes"),
    ("Ihr Antrag wird seitens der hiesigen Behörde geprüft.",
     "die Handelnden („seitens der hiesigen Behörde“, also wir) stehen versteckt in der Mitte des Satzes"),
])
def test_message_names_the_problem(text, problem):
    (finding,) = findings("passiv", text)
    assert finding.message.endswith(f" – {problem}")


# --- "seitens …" ------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "phrase"), [
    ("Ihr Antrag wird seitens der Bank geprüft.", "seitens der Bank"),
    ("Ihr Antrag wurde seitens der Bank geprüft.", "seitens der Bank"),
    ("Ihr Antrag wird seitens der Mitarbeiter der Bank geprüft.", "seitens der Mitarbeiter der Bank"),
])
def test_third_party_after_seitens_is_the_only_actor(text, phrase):
    ((_, suggestion),) = advice(LETTER.format(text))
    assert suggestion == f"die Handelnden aus „{phrase}“ als Subjekt des Satzes"


@pytest.mark.parametrize(("text", "active"), [
    ("Ihr Antrag wird seitens der hiesigen Behörde geprüft.", "„Wir prüfen …“"),
    ("Ihr Antrag muss seitens der hiesigen Behörde geprüft werden.", "„Wir müssen … prüfen.“"),
])
def test_own_office_after_seitens_is_wir_also_outside_a_letter(text, active):
    ((_, suggestion),) = advice(text)
    assert suggestion == active


# --- without a named actor: the verb lists, in a letter only ------------------------------------------------

@pytest.mark.parametrize(("text", "active"), [
    ("Ihr Antrag wird geprüft.", "„Wir prüfen …“"),  # authority_verbs
    ("Ihr Antrag wurde geprüft.", "„Wir haben … geprüft.“"),
    ("Ihr Antrag ist geprüft worden.", "„Wir haben … geprüft.“"),
    ("Ihr Antrag muss geprüft werden.", "„Wir müssen … prüfen.“"),
    ("Ihr Antrag kann geprüft werden.", "„Wir können … prüfen.“"),
    ("Die Gebühr wird erhoben.", "„Wir erheben …“"),
    ("Der Antrag wird vorgelegt.", "„Sie legen … vor.“"),  # reader_verbs
    ("Die Unterlagen werden Ihnen zugeschickt.", "„Wir schicken … zu.“"),  # the reader acted upon
    ("Sie werden zum Termin eingeladen.", "„Wir laden … ein.“"),
    ("Sie werden angehört.", "„Wir hören … an.“"),  # passive_lemmas: HanTa's „angehören“ is „anhören“
])
def test_letter_names_the_actor_of_the_verb_lists(text, active):
    ((_, suggestion),) = advice(LETTER.format(text))
    assert suggestion == active


@pytest.mark.parametrize("text", [
    "Ihr Antrag wird geprüft.",
    "Ihnen wird der Bescheid zugeschickt.",
    "Der Antrag wird von einem Arzt geprüft.",  # "von einem Arzt": no agent the detection reads
    "Sie bekommen den Bescheid zugeschickt.",
    "Die Unterlagen sind bis Montag zu prüfen.",  # an authority's duty only in a letter
])
def test_outside_a_letter_no_actor_is_inferred(text):
    ((_, suggestion),) = advice(text)
    assert suggestion == ""


@pytest.mark.parametrize(("text", "active"), [
    ("Sie werden gebeten, die Unterlagen vorzulegen.", "„Bitte …“"),  # a request to the reader
    ("Sie wurden gebeten, die Unterlagen vorzulegen.", "„Wir haben … gebeten.“"),  # a past request is reported
    ("Ihnen wird mitgeteilt, dass die Frist endet.", "„Wir teilen … mit.“"),  # speech_act_verbs
])
def test_what_the_text_does_to_its_reader_names_the_writer_also_outside_a_letter(text, active):
    ((_, suggestion),) = advice(text)
    assert suggestion == active


def test_done_to_the_reader_by_a_third_party_has_no_actor():
    text = LETTER.format("Das Heim, in das Sie zugewiesen worden sind, ist schön.")
    assert advice(text) == [("zugewiesen worden", "")]


def test_unclear_modal_has_no_suggestion():
    text = LETTER.format("Der Antrag kann geprüft und muss bezahlt werden.")
    assert [s for _, s in advice(text)] == ["„Sie müssen … bezahlen.“"]


# --- sein + zu ------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "active"), [
    ("Die Unterlagen sind von Ihnen vorzulegen.", "„Bitte legen Sie … vor.“ oder „Sie müssen … vorlegen.“"),
    ("Die Unterlagen sind bis Montag vorzulegen.", "„Bitte legen Sie … vor.“ oder „Sie müssen … vorlegen.“"),
    ("Die Unterlagen sind anzuzeigen.", "„Bitte zeigen Sie … an.“ oder „Sie müssen … anzeigen.“"),  # reader_duties
    ("Die Unterlagen sind von Ihrem Arbeitgeber vorzulegen.", "„Ihr Arbeitgeber muss … vorlegen.“"),
    ("Die Unterlagen waren von Ihnen vorzulegen.", "„Sie mussten … vorlegen.“"),  # a past duty: no "Bitte"
    ("Die Unterlagen waren bis Montag vorzulegen.", "„Sie mussten … vorlegen.“"),
    ("Die Unterlagen waren von Ihrem Arbeitgeber vorzulegen.", "„Ihr Arbeitgeber musste … vorlegen.“"),
    ("Der Antrag war bis Montag vorzulegen.", "„Sie mussten … vorlegen.“"),  # each past form of "sein"
    ("Der Antrag wäre bis Montag vorzulegen.", "„Sie mussten … vorlegen.“"),
    ("Die Anträge wären bis Montag vorzulegen.", "„Sie mussten … vorlegen.“"),
    ("Die Unterlagen waren von uns vorzulegen.", "„Wir mussten … vorlegen.“"),
    ("Die Unterlagen sind von uns vorzulegen.", "„Wir müssen … vorlegen.“"),
    ("Die Gebühr ist bis Montag zu zahlen.", "„Bitte zahlen Sie …“ oder „Sie müssen … zahlen.“"),  # no particle
])
def test_sein_zu_states_a_duty(text, active):
    ((_, suggestion),) = advice(text)
    assert suggestion == active


@pytest.mark.parametrize(("text", "active"), [
    ("Die Unterlagen sind bis Montag zu prüfen.", "„Wir müssen … prüfen.“"),
    ("Die Unterlagen waren bis Montag zu prüfen.", "„Wir mussten … prüfen.“"),
])
def test_sein_zu_of_an_authority_verb_is_our_duty_in_a_letter(text, active):
    ((_, suggestion),) = advice(LETTER.format(text))
    assert suggestion == active


def test_sein_zu_in_a_question_sets_no_duty():
    assert advice("Wie sind die Gebühren zu begleichen?") == [("sind die Gebühren zu begleichen", "")]


# --- Rezipientenpassiv --------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "active"), [
    ("Sie bekommen den Bescheid vom Jobcenter zugeschickt.", "„Das Jobcenter wird Ihnen … zuschicken.“"),
    ("Ihre Mutter bekommt den Bescheid vom Jobcenter zugeschickt.", "„Das Jobcenter wird … … zuschicken.“"),
])
def test_recipient_passive_with_an_agent_turns_the_receiver_into_the_dative(text, active):
    ((_, suggestion),) = advice(text)
    assert suggestion == active


@pytest.mark.parametrize(("text", "active"), [
    ("Sie bekommen den Bescheid zugeschickt.", "„Wir schicken Ihnen … zu.“"),
    ("Ihre Mutter bekommt den Bescheid zugeschickt.", "„Wir schicken … … zu.“"),
])
def test_recipient_passive_in_a_letter_is_sent_by_us(text, active):
    ((_, suggestion),) = advice(LETTER.format(text))
    assert suggestion == active


# --- the parameters ----------------------------------------------------------------------------------------

def test_sein_zu_is_read_from_the_parameters():
    assert advice("Die Unterlagen sind bis Montag vorzulegen.", sein_zu=False) == []


def test_letter_markers_are_read_from_the_parameters():
    text = "Hallo Frau Muster,\n\nIhr Antrag wird geprüft."
    assert advice(text, letter_markers=["Hallo"]) == [("wird geprüft", "„Wir prüfen …“")]


def test_verb_lists_are_read_from_the_parameters():
    from einfach.rules.kinds.passive import PassiveVerbs

    verbs = PassiveVerbs.of({
        "authority_verbs": ["Prüfen"], "reader_verbs": ["Zahlen"], "reader_duties": ["Anzeigen"],
        "passive_lemmas": {"Angehören": "Anhören"}, "own_office_adjectives": ["Hiesig"],
        "possibility_verbs": ["Erreichen"], "duty_swaps": {"Anzeigen": "Melden"},
        "duty_requires": {"Absehen": ["Von"]}, "speech_act_verbs": ["Mitteilen"],
    })
    assert verbs == PassiveVerbs(
        authority=frozenset({"prüfen"}), reader=frozenset({"zahlen"}), reader_duties=frozenset({"anzeigen"}),
        lemmas=(("angehören", "anhören"),), own_office=frozenset({"hiesig"}), possibility=frozenset({"erreichen"}),
        duty_swaps=(("anzeigen", "melden"),), duty_requires=(("absehen", frozenset({"von"})),),
        speech_acts=frozenset({"mitteilen"}))


# --- the parameters, read by a rule object of the test's own on a Doc of the pipeline (docs/quality.md:
# a pipeline built in mutmut's fork server never runs a mutated __init__) --------------------------------

def own_rule(text: str, parameters: dict) -> list[tuple[str, str]]:
    """(marked text, active skeleton) per hit of a new ``passive`` rule object on the pipeline's Doc of ``text``."""
    from pinned_support import _PIPELINES

    from einfach.rules.kinds import kind_class

    findings("passiv", "Ihr Antrag wird geprüft.")  # the pipeline of this rule
    doc = _PIPELINES[("passiv", "einfach", "[]")](text)
    return [(doc[h.start : h.end].text, h.values["active"]) for h in kind_class("passive")(parameters).find(doc)]


def test_sein_zu_is_on_by_default_and_off_by_its_parameter():
    text = "Die Unterlagen sind bis Montag vorzulegen."
    assert own_rule(text, {}) == [("sind bis Montag vorzulegen", "")]
    assert own_rule(text, {"sein_zu": False}) == []


def test_zu_blockers_are_none_by_default_and_compared_in_lowercase():
    text = "Sie sind bereit zu zahlen."
    assert own_rule(text, {}) == [("sind bereit zu zahlen", "")]
    assert own_rule(text, {"zu_blockers": ["Bereit"]}) == []


def test_letter_markers_are_none_by_default():
    text = "Sehr geehrte Frau Muster, Ihr Antrag wird geprüft."
    assert own_rule(text, {"authority_verbs": ["prüfen"]}) == [("wird geprüft", "")]
    assert own_rule(text, {"authority_verbs": ["prüfen"], "letter_markers": ["Sehr geehrte"]}) == [
        ("wird geprüft", "„Wir prüfen …“")]


def test_agent_ihr_gets_the_second_person_plural_of_the_modal():
    assert advice("Die Unterlagen sind von euch vorzulegen.") == [("sind von euch vorzulegen", "„Ihr müsst … vorlegen.“")]
