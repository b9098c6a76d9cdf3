"""rules/kinds/subjunctive.py (rule ``konjunktiv``): which Konjunktiv II forms blur a letter, which stay
quiet (conditions, contrasts, subordinate clauses), reported speech, and the indicative each finding
suggests; one named behaviour per test (docs/quality.md, "Mutation testing")."""

from __future__ import annotations

import pytest
from pinned_support import findings, kind_hits, tagged_doc

DIRECT = "Schreiben Sie direkt und in der Wirklichkeitsform: "


def marked(text: str, profile: str = "einfach") -> list[tuple[str, str]]:
    """(marked text, suggestion) per finding."""
    return [(f.text, f.suggestions[0] if f.suggestions else "") for f in findings("konjunktiv", text, profile)]


@pytest.mark.parametrize(("text", "span", "positive"), [
    ("Sollten Sie Fragen haben, rufen Sie uns bitte an.", "Sollten Sie", "„Wenn Sie …“ statt „Sollten Sie …“"),
    ("Sollten Fragen bestehen, rufen Sie uns bitte an.", "Sollten", "„Wenn Sie …“ statt „Sollten Sie …“"),
    ("Rufen Sie uns an, falls Sie Fragen haben sollten.", "sollten",
     "die Bedingung ohne „sollte“, zum Beispiel „falls Sie Fragen haben“ statt „falls Sie Fragen haben sollten“"),
    ("Könnten Sie uns eine Kopie schicken?", "Könnten Sie", "„Bitte …“ – zum Beispiel „Bitte schicken Sie uns …“"),
    ("Würden Sie uns bitte eine Kopie schicken.", "Würden Sie", "„Bitte …“ – zum Beispiel „Bitte schicken Sie uns …“"),
    ("Wären Sie so freundlich, uns eine Kopie zu schicken.", "Wären Sie",
     "„Bitte …“ – zum Beispiel „Bitte schicken Sie uns …“"),
    ("Wir würden Sie bitten, den Pass mitzubringen.", "würden Sie bitten", "„Bitte …“ statt „Wir würden Sie bitten …“"),
    ("Wir würden uns das gern ansehen.", "würden uns das gern ansehen", "„Wir möchten …“ statt „Wir würden gern …“"),
    ("Wir würden den Antrag ablehnen.", "würden den Antrag ablehnen", "„Wir lehnen … ab“ statt „Wir würden … ablehnen“"),
    ("Wir würden uns den Antrag ansehen.", "würden uns den Antrag ansehen",
     "„Wir sehen uns … an“ statt „Wir würden … ansehen“"),
    ("Sie würden den Antrag ablehnen.", "würden den Antrag ablehnen", "„Sie lehnen … ab“ statt „Sie würden … ablehnen“"),
    ("Er würde den Antrag ablehnen.", "würde den Antrag ablehnen",
     "die Wirklichkeitsform von „ablehnen“ statt „würde … ablehnen“"),
    ("Es wäre zu beachten, dass die Frist am Freitag endet.", "wäre zu beachten",
     "„Bitte beachten Sie …“ oder „Sie müssen …“"),
    ("Sie hätten den Pass vorzulegen.", "hätten den Pass vorzulegen", "„Bitte beachten Sie …“ oder „Sie müssen …“"),
    ("Wir wären Ihnen dankbar, wenn Sie den Pass schicken.", "wären Ihnen dankbar",
     "„Bitte …“ statt „Wir wären Ihnen dankbar, wenn Sie …“"),
    ("Wir wären Ihnen sehr verbunden.", "wären Ihnen sehr verbunden",
     "„Bitte …“ statt „Wir wären Ihnen dankbar, wenn Sie …“"),
    ("Sie müssten noch den Pass vorlegen.", "müssten", "„müssen“ statt „müssten“, wenn es gilt"),
    ("Ich müsste noch den Pass prüfen.", "müsste", "„muss“ statt „müsste“, wenn es gilt"),
    ("Das dürfte bekannt sein.", "dürfte", "eine klare Aussage statt „dürfte“: „ist“, „wird“ oder „ist wahrscheinlich“"),
])
def test_hedging_form_and_its_indicative(text, span, positive):
    assert marked(text) == [(span, f"{DIRECT}{positive}.")]


@pytest.mark.parametrize(("text", "span", "positive"), [
    ("Sie gaben an, Sie seien arbeitslos.", "seien", "„Sie haben uns gesagt: …“ oder „sind“ statt „seien“"),
    ("Ihr Arbeitgeber teilte mit, Sie hätten gekündigt.", "hätten",
     "„Ihr Arbeitgeber hat uns gesagt: …“ oder „haben“ statt „hätten“"),
    ("Die Arbeitgeber teilten mit, Sie hätten gekündigt.", "hätten",
     "„Die Arbeitgeber haben uns gesagt: …“ oder „haben“ statt „hätten“"),
    ("Sie sagten, es gebe keine Arbeit.", "gebe", "„Sie haben uns gesagt: …“ oder „gibt“ statt „gebe“"),
])
def test_reported_speech_gets_direct_speech_or_the_indicative(text, span, positive):
    assert marked(text) == [(span, f"{DIRECT}{positive}.")]


def test_message_names_the_form_and_the_problem():
    (found,) = findings("konjunktiv", "Das dürfte bekannt sein.")
    assert found.message == ("Konjunktiv: „dürfte“ – der Konjunktiv macht unklar, ob etwas gilt oder nur "
                             "vielleicht gilt.")


@pytest.mark.parametrize("text", [
    "Wenn Sie gründen wollen, sollten Sie vorher überlegen, was Sie brauchen.",  # after a subordinate clause
    "Rufen Sie uns an, falls Sie Fragen haben.",  # no "sollte"
    "Könnten Sie uns eine Kopie schicken, wäre das gut.",  # a condition, no request
    "Der Antrag würde angedroht werden.",  # a passive
    "Das ist eine Lösung, die mit Kosten verbunden wäre.",  # "verbunden" before the verb
    "Wir würden gern helfen, aber es geht nicht.",  # a contrast
    "Wir müssten sonst den Antrag ablehnen.",  # a condition word
])
def test_quiet(text):
    assert marked(text) == []


# --- every form of the word lists ---------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "span"), [
    ("Wären Sie so freundlich.", "Wären Sie"),
    ("Hätten Sie bitte einen Stift für mich.", "Hätten Sie"),
    ("Dürften Sie bitte den Pass zeigen.", "Dürften Sie"),
    ("Wären Sie so nett, uns anzurufen.", "Wären Sie"),
    ("Wären Sie froh darüber.", "Wären Sie"),
    ("Wären Sie freundlich zu uns?", "Wären Sie"),
])
def test_every_polite_opener_with_sie_and_bitte_a_question_or_a_hedge(text, span):
    assert marked(text) == [(span, f"{DIRECT}„Bitte …“ – zum Beispiel „Bitte schicken Sie uns …“.")]


@pytest.mark.parametrize("text", [
    "Wären Sie freundlich.",  # "freundlich" without "so", no question, no "bitte"
    "Könnten sie uns helfen?",  # "sie", not the polite "Sie"
    "Könnten?",  # no word after the opener
    "Sollten?",  # "Sollten" in a question
])
def test_polite_opener_without_its_conditions_is_quiet(text):
    assert marked(text) == []


def test_sollten_alone_is_reported_without_a_following_word():
    assert marked("Sollten") == [("Sollten", f"{DIRECT}„Wenn Sie …“ statt „Sollten Sie …“.")]


def test_sollten_sie_after_a_main_clause_is_a_condition():
    assert marked("Sie kommen, sollten Sie Zeit haben.") == [("sollten Sie", f"{DIRECT}„Wenn Sie …“ statt „Sollten Sie …“.")]


@pytest.mark.parametrize("text", [
    "Damit alle Interessen gewahrt bleiben, sollten Sie außerdem die Verfügung aktualisieren.",  # all verbs at the end
    "Um das zu prüfen, sollten Sie den Pass mitbringen.",  # a zu-infinitive
    "Bevor Sie unterschreiben, sollten Sie alles lesen.",  # a subordinate conjunction
])
def test_sollten_sie_after_a_subordinate_clause_is_a_recommendation(text):
    assert marked(text) == []


@pytest.mark.parametrize("conjunction", ["Wenn", "Falls", "Sofern", "Soweit"])
def test_sollten_ending_a_clause_of_every_conditional_conjunction(conjunction):
    assert [span for span, _ in marked(f"{conjunction} Sie Fragen haben sollten, rufen Sie an.")] == ["sollten"]


@pytest.mark.parametrize(("text", "span", "positive"), [
    ("Wären sie so freundlich.", "Wären sie so freundlich", "„Bitte …“ statt „Wir wären Ihnen dankbar, wenn Sie …“"),
    ("Wir wären Ihnen so dankbar.", "wären Ihnen so dankbar", "„Bitte …“ statt „Wir wären Ihnen dankbar, wenn Sie …“"),
    ("Wir wären froh, wenn Sie kommen.", "wären froh", "„Bitte …“ statt „Wir wären Ihnen dankbar, wenn Sie …“"),
    ("Wir hätten den Pass vorzulegen.", "hätten den Pass vorzulegen", "„Bitte beachten Sie …“ oder „Sie müssen …“"),
    ("Es wäre noch zu prüfen, ob das stimmt.", "wäre noch zu prüfen", "„Bitte beachten Sie …“ oder „Sie müssen …“"),
])
def test_waere_with_a_hedge_or_a_zu_infinitive(text, span, positive):
    assert marked(text) == [(span, f"{DIRECT}{positive}.")]


def test_hedge_before_waere_is_quiet():
    assert marked("Ihr seid dankbar, wenn das wäre.") == []


# --- "würde" + infinitive: the indicative it suggests -------------------------------------------------------

@pytest.mark.parametrize(("text", "span", "positive"), [
    ("Sie würden gern helfen.", "würden gern helfen", "„Sie möchten …“ statt „Sie würden gern …“"),
    ("Wir würden gerne helfen.", "würden gerne helfen", "„Wir möchten …“ statt „Wir würden gern …“"),
    ("Ich würde das gern prüfen.", "würde das gern prüfen", "die Wirklichkeitsform von „prüfen“ statt „würde … prüfen“"),
    ("Wir würden uns freuen.", "würden uns freuen", "„Wir freuen uns …“ statt „Wir würden … freuen“"),
    ("Sie würden sich den Antrag ansehen.", "würden sich den Antrag ansehen",
     "„Sie sehen sich … an“ statt „Sie würden … ansehen“"),
    ("Sie würden uns den Pass zeigen.", "würden uns den Pass zeigen", "„Sie zeigen …“ statt „Sie würden … zeigen“"),
    ("Wir würden den Antrag zurückweisen.", "würden den Antrag zurückweisen",
     "„Wir weisen … zurück“ statt „Wir würden … zurückweisen“"),
    ("Wir würden den Antrag annehmen.", "würden den Antrag annehmen", "„Wir nehmen … an“ statt „Wir würden … annehmen“"),
    ("Wir würden den Antrag vorlegen.", "würden den Antrag vorlegen", "„Wir legen … vor“ statt „Wir würden … vorlegen“"),
    ("Wir würden versuchen, zu helfen.", "würden versuchen", "„Wir versuchen …“ statt „Wir würden … versuchen“"),
    ("Es würde uns freuen.", "würde uns freuen", "die Wirklichkeitsform von „freuen“ statt „würde … freuen“"),
    # without full stop the infinitive is the text's last word
    ("Wir würden den Antrag ablehnen", "würden den Antrag ablehnen", "„Wir lehnen … ab“ statt „Wir würden … ablehnen“"),
])
def test_wuerde_with_infinitive_and_its_indicative(text, span, positive):
    assert marked(text) == [(span, f"{DIRECT}{positive}.")]


@pytest.mark.parametrize("text", [
    "Wir wissen, dass wir den Antrag ablehnen würden.",  # a subordinate clause
    "Wir wissen, dass Sie das wissen müssten.",
    "Das ist ein Antrag, den wir ablehnen müssten.",  # a relative clause
    "Wir würden das prüfen, wenn Sie es wollen.",  # a condition
    "Wir müssten den Antrag ablehnen, falls das stimmt.",
    "Könnten Sie das prüfen, wäre das gut.",
])
def test_subordinate_or_conditional_clauses_are_quiet(text):
    assert marked(text) == []


@pytest.mark.parametrize("word", ["sonst", "andernfalls", "ansonsten"])
def test_every_condition_word_makes_muesste_quiet(word):
    assert marked(f"Sie müssten das wissen, {word} gibt es Ärger.") == []


@pytest.mark.parametrize("text", [
    "Sie müssten das wissen, doch es ist nicht so.",
    "Sie müssten das wissen, jedoch ist es nicht so.",
    "Leider müssten Sie das wissen.",
    "Allerdings müssten Sie das wissen.",
])
def test_every_contrast_word_makes_muesste_quiet(text):
    assert marked(text) == []


@pytest.mark.parametrize(("text", "span", "positive"), [
    ("Wir müssten den Antrag ablehnen.", "müssten", "„müssen“ statt „müssten“, wenn es gilt"),
    ("Ich müsste das prüfen.", "müsste", "„muss“ statt „müsste“, wenn es gilt"),
    ("Sie müssten den Pass noch vorlegen.", "müssten", "„müssen“ statt „müssten“, wenn es gilt"),
    ("Sie dürften das wissen.", "dürften", "eine klare Aussage statt „dürften“: „ist“, „wird“ oder „ist wahrscheinlich“"),
    ("Wir dürften das nicht.", "dürften", "eine klare Aussage statt „dürften“: „ist“, „wird“ oder „ist wahrscheinlich“"),
])
def test_muesste_and_duerfte_get_the_indicative_of_their_subject(text, span, positive):
    assert marked(text) == [(span, f"{DIRECT}{positive}.")]


# --- strict (the profile leicht) ----------------------------------------------------------------------------

STRICT = f"{DIRECT}die Wirklichkeitsform, zum Beispiel „ist“ statt „wäre“, „kann“ statt „könnte“."


@pytest.mark.parametrize(("text", "span"), [
    ("Das könnte teuer werden.", "könnte"),
    ("Das wäre gut.", "wäre"),
    ("Sie hätten das gewusst.", "hätten"),
])
def test_strict_reports_every_konjunktiv_two_form(text, span):
    assert marked(text, "leicht") == [(span, STRICT)]


def test_strict_message_names_leichte_sprache():
    (found,) = findings("konjunktiv", "Das wäre gut.", "leicht")
    assert found.message == "Konjunktiv: „wäre“ – in Leichter Sprache steht kein Konjunktiv."


@pytest.mark.parametrize("text", ["Das möchte ich nicht.", "Er sollte kommen."])
def test_strict_leaves_moechte_and_sollte(text):
    assert marked(text, "leicht") == []


def test_without_strict_a_statement_with_koennte_is_quiet():
    assert marked("Das könnte teuer werden.") == []


def test_strict_keeps_the_specific_advice_of_a_pattern():
    assert marked("Sie müssten das wissen.", "leicht") == [
        ("müssten", f"{DIRECT}„müssen“ statt „müssten“, wenn es gilt.")]


def test_leicht_leaves_reported_speech_to_indirekte_rede():
    assert marked("Sie gaben an, Sie seien arbeitslos.", "leicht") == []


# --- reported speech ----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "span", "speaker", "indicative"), [
    ("Die Behörde sagte, man könne nichts tun.", "könne", "Die Behörde hat", "kann"),
    ("Herr Müller sagte, er sei krank.", "sei", "Herr Müller hat", "ist"),  # a name as speaker
    ("Die Ärzte sagten, Sie seien krank.", "seien", "Die Ärzte haben", "sind"),
    ("Ihre Mutter erklärte uns, Sie hätten gekündigt.", "hätten", "Ihre Mutter hat", "haben"),
    ("Die Frau aus dem Amt in der Stadt sagte, sie sei krank.", "sei", "Sie haben", "ist"),  # speaker too long
    ("Sagte er, er sei krank?", "sei", "Sie haben", "ist"),  # nothing before the verb of saying
    ("Er sagte, er würde kommen.", "würde", "Sie haben", "wird"),  # a pronoun as speaker
    ("Sie haben angegeben, Sie seien arbeitslos.", "seien", "Sie haben", "sind"),  # the participle
    ("Sie sagten, Sie könnten nicht kommen.", "könnten", "Sie haben", "können"),
    ("Sie sagten, Sie müssten arbeiten.", "müssten", "Sie haben", "müssen"),
    ("Sie sagten, Sie dürften nicht arbeiten.", "dürften", "Sie haben", "dürfen"),
    ("Sie sagten, Sie wären krank.", "wären", "Sie haben", "sind"),
    ("Sie sagten, es würde regnen.", "würde", "Sie haben", "wird"),
    ("Sie erklärten, es gehe Ihnen gut.", "gehe", "Sie haben", "geht"),
    ("Sie sagten, dass Sie krank seien.", "seien", "Sie haben", "sind"),
    ("Sie teilten mit, die Sache, die Sie meinten, sei erledigt.", "sei", "Sie haben", "ist"),
])
def test_reported_speech_names_the_speaker_and_the_indicative(text, span, speaker, indicative):
    assert marked(text) == [(span, f"{DIRECT}„{speaker} uns gesagt: …“ oder „{indicative}“ statt „{span}“.")]


def test_reported_speech_only_in_the_clause_right_after_the_verb_of_saying():
    assert [span for span, _ in marked("Sie sagten, das sei so, es gebe keine Arbeit.")] == ["sei"]


def test_reported_speech_message():
    (found,) = findings("konjunktiv", "Sie sagten, das sei so.")
    assert found.message == ("Konjunktiv: „sei“ – indirekte Rede im Konjunktiv ist schwer zu lesen und klingt, als "
                             "zweifle das Amt an der Aussage.")


@pytest.mark.parametrize("text", [
    "Sie sagten, Sie kämen morgen.",  # a Konjunktiv II of a full verb
    "Sie sagten, Gott sei Dank sei alles gut.",  # a fixed phrase
    "Er erklärte Gründe, die dafür sprächen.",  # a relative clause
    "Sie nannten Gründe, die dafür sprächen.",  # no verb of saying
    "Sie haben mitgeteilt, Sie haben gekündigt.",  # the indicative
])
def test_reported_speech_quiet(text):
    assert marked(text) == []


# --- rule objects of their own (parameters) ----------------------------------------------------------------

def test_parameters_strict_and_reported_speech_are_read():
    from einfach.rules.kinds.subjunctive import Subjunctive

    rule = Subjunctive({"strict": 1, "reported_speech": "yes", "speech_verbs": ["Sagen"]})
    assert (rule.strict, rule.reported_speech, rule.speech_verbs) == (True, True, {"sagen"})


def test_parameters_default_to_off_and_no_speech_verbs():
    from einfach.rules.kinds.subjunctive import Subjunctive

    rule = Subjunctive({"speech_verbs": None})
    assert (rule.strict, rule.reported_speech, rule.speech_verbs) == (False, False, set())


def test_own_speech_verbs_replace_the_default():
    assert findings("konjunktiv", "Sie sagten, das sei so.", speech_verbs=["behaupten"]) == []
    assert [f.text for f in findings("konjunktiv", "Sie behaupteten, das sei so.", speech_verbs=["Behaupten"])] == ["sei"]


# --- after the first mutation run (docs/mutation/subjunctive.py.survivors.md) -------------------------------

REPORTED = {"reported_speech": True, "speech_verbs": ["sagen"]}


def hits(tagged: str, parameters: dict | None = None) -> list[tuple[str, str]]:
    """(marked text, positive) per hit of the kind on a tagged one-sentence Doc."""
    return [(text, values["positive"]) for text, values in kind_hits("subjunctive", tagged_doc(tagged), parameters)]


def test_a_sentence_without_konjunktiv_does_not_end_the_search():
    assert marked("Das ist gut. Wir würden den Antrag ablehnen.") == [
        ("würden den Antrag ablehnen", f"{DIRECT}„Wir lehnen … ab“ statt „Wir würden … ablehnen“.")]


def test_polite_question_of_two_words():
    assert marked("Könnten Sie?") == [("Könnten Sie", f"{DIRECT}„Bitte …“ – zum Beispiel „Bitte schicken Sie uns …“.")]


def test_sollten_ending_a_clause_of_another_conjunction_is_quiet():
    assert marked("Weil Sie kommen sollten, rufen wir an.") == []


def test_conditional_clause_without_a_verb_is_quiet():
    assert marked("Falls nötig, würden wir den Antrag prüfen.") == []


def test_message_of_wuerde():
    (found,) = findings("konjunktiv", "Wir würden den Antrag ablehnen.")
    assert found.message == ("Konjunktiv: „würden den Antrag ablehnen“ – „würde“ macht die Aussage unsicher und den "
                             "Satz länger.")


@pytest.mark.parametrize("text", [
    "Sie hätten dankbar sein können.",  # "dankbar" after "hätte" is no hedge: only "wäre … dankbar" is
    "Sie hätten kommen können.",  # an infinitive without "zu"
    "Wir wären so weit.",  # "so" before another word than "freundlich" or "nett"
])
def test_haette_and_waere_without_their_patterns_are_quiet(text):
    assert marked(text) == []


@pytest.mark.parametrize(("text", "speaker"), [
    ("Müller sagte, er sei krank.", "Müller hat"),  # one word
    ("Die Mutter der Frau sagte, sie sei krank.", "Die Mutter der Frau hat"),  # four words
    ("Die Mutter der neuen Frau sagte, sie sei krank.", "Sie haben"),  # five words: too long
    ("Sie sagte, das sei so.", "Sie hat"),  # "Sie" with a verb in the singular
])
def test_speaker_up_to_four_words(text, speaker):
    assert [positive for _, positive in marked(text)] == [f"{DIRECT}„{speaker} uns gesagt: …“ oder „ist“ statt „sei“."]


def test_speaker_tagged_as_a_name():
    assert hits("Meyer/NE sagte/VVFIN/sagen ,/$, er/PPER sei/VAFIN/sein krank/ADJD ./$.", REPORTED) == [
        ("sei", "„Meyer hat uns gesagt: …“ oder „ist“ statt „sei“")]


def test_first_person_habe_is_indicative():
    assert marked("Sie sagten, ich habe keine Zeit.") == []


def test_habe_opening_the_reported_clause_is_an_imperative():
    assert hits("Er/PPER sagte/VVFIN/sagen ,/$, habe/VAFIN/haben keine/PIAT Angst/NN ./$.", REPORTED) == []


@pytest.mark.parametrize(("word", "tag"), [("das", "PRELS"), ("dessen", "PRELAT"), ("was", "PWS"), ("wie", "PWAV")])
def test_relative_or_interrogative_clause_after_a_verb_of_saying_is_not_reported(word, tag):
    tagged = f"Sie/PPER sagten/VVFIN/sagen etwas/PIS ,/$, {word}/{tag} sei/VAFIN/sein gut/ADJD ./$."
    assert hits(tagged, REPORTED) == []


def test_a_clause_after_another_verb_is_not_reported():
    assert hits("Sie/PPER kamen/VVFIN/kommen ,/$, das/PDS sei/VAFIN/sein gut/ADJD ./$.", REPORTED) == []


def test_konjunktiv_two_of_a_full_verb_is_not_reported():
    assert hits("Sie/PPER sagten/VVFIN/sagen ,/$, Sie/PPER hätten/VVFIN/haben Zeit/NN ./$.", REPORTED) == []


def test_konjunktiv_two_of_a_verb_ablaut_does_not_know_is_not_reported():
    assert hits("Sie/PPER sagten/VVFIN/sagen ,/$, Sie/PPER hätten/VAFIN/hxbn Zeit/NN ./$.", REPORTED) == []


def test_polite_question_needs_a_konjunktiv_opener():
    # "Haben Sie bitte Geduld" opens with an indicative: the sentence's "wäre" alone is no pattern
    assert hits("Haben/VAFIN/haben Sie/PPER bitte/ADV Geduld/NN ,/$, das/PDS wäre/VAFIN/sein gut/ADJD ./$.") == []


def test_a_finite_full_verb_inside_the_clause_is_no_infinitive():
    assert hits("Wir/PPER würden/VAFIN/werden gehen/VVFIN/gehen lassen/VVINF/lassen ./$.") == [
        ("würden gehen lassen", "„Wir lassen …“ statt „Wir würden … lassen“")]


def test_a_zu_infinitive_is_skipped_for_the_next_infinitive():
    assert hits("Wir/PPER würden/VAFIN/werden nichts/PIS zu/PTKZU sagen/VVINF/sagen haben/VAINF/haben ./$.") == [
        ("würden nichts zu sagen haben", "„Wir haben …“ statt „Wir würden … haben“")]


def test_a_participle_before_an_infinitive_other_than_werden_is_no_passive():
    assert hits("Wir/PPER würden/VAFIN/werden das/PDS geprüft/VVPP/prüfen haben/VAINF/haben ./$.") == [
        ("würden das geprüft haben", "„Wir haben …“ statt „Wir würden … haben“")]


# the clause before "sollten Sie": subordinate or main
SOLLTEN = "sollten/VMFIN/sollen Sie/PPER anrufen/VVINF/anrufen ./$."


@pytest.mark.parametrize(("before", "subordinate"), [
    ("Damit/PAV alles/PIS stimmt/VVFIN", True),  # three words, the verb last
    ("Damit/PAV alle/PIAT Interessen/NN gewahrt/VVPP bleiben/VAFIN", True),  # all verbs at the end
    ("Wir/PPER haben/VAFIN gewartet/VVPP", False),  # the verb in second place
    ("Wenn/KOUS nötig/ADJD", True),  # a conjunction
    ("Um/APPR rechtzeitig/ADJD abzugeben/VVIZU jetzt/ADV", True),  # a zu-infinitive
    ("Um/APPR rechtzeitig/ADJD zu/PTKZU zahlen/VVINF heute/ADV", True),
    ("„/$(", False),  # no word
])
def test_sollten_sie_after_a_subordinate_or_a_main_clause(before, subordinate):
    found = hits(f"{before} ,/$, {SOLLTEN}")
    assert found == ([] if subordinate else [("sollten Sie", "„Wenn Sie …“ statt „Sollten Sie …“")])


@pytest.mark.parametrize(("text", "positive"), [
    ("Das würde den Antrag für Sie verzögern.", "die Wirklichkeitsform von „verzögern“ statt „würde … verzögern“"),
    ("Ihnen würden wir gern helfen.", "„Wir möchten …“ statt „Wir würden gern …“"),
    ("Dann würden wir gern helfen.", "„Wir möchten …“ statt „Wir würden gern …“"),
    ("Wir alle müssten den Antrag prüfen.", "„müssen“ statt „müssten“, wenn es gilt"),
    ("Das müsste auch für Sie gelten.", "„muss“ statt „müsste“, wenn es gilt"),
    ("Ich müsste Sie noch einmal sprechen.", "„muss“ statt „müsste“, wenn es gilt"),
    ("Dann müsste ich Sie noch einmal sprechen.", "„muss“ statt „müsste“, wenn es gilt"),
    ("Das müsste reichen.", "„muss“ statt „müsste“, wenn es gilt"),
])
def test_subject_is_a_pronoun_at_most_two_words_from_the_verb(text, positive):
    assert [p for _, p in marked(text)] == [f"{DIRECT}{positive}."]


def test_a_particle_before_a_stem_of_three_letters_is_not_split():
    from einfach.rules.kinds.subjunctive import _separable

    assert _separable("hinken") == ("", "hinken")  # not "hin" + "ken"
    assert _separable("ansehen") == ("an", "sehen")


def test_polite_opener_and_sie_as_a_clause_of_their_own():
    # "Könnten Sie" is a clause of two words; the question mark is in the next one
    assert marked("Könnten Sie, bitte?") == [("Könnten Sie", f"{DIRECT}„Bitte …“ – zum Beispiel „Bitte schicken Sie uns …“.")]
