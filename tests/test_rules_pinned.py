"""Behaviour of rule logic pinned one named behaviour per test, so that breaking it fails a test
(mutation testing found these unguarded: docs/quality.md, "Mutation testing")."""

from __future__ import annotations

import pytest

from einfach.rules.kinds.sentence_length import describe_splits, splits


@pytest.fixture(scope="module")
def points(nlp):
    def run(text: str) -> list[tuple[str, str, str]]:
        (sentence,) = nlp(text).sents
        return [(split.after, split.first, split.second) for split in splits(sentence)]

    return run


# --- satzlaenge: split points (only where both parts stand as sentences) ---------------------

def test_split_before_conjunction_between_two_main_clauses(points):
    """"und" between two main clauses, each with its subject and finite verb: "und" is dropped."""
    assert points("Wir haben Ihren Antrag geprüft und Sie bekommen bald den Bescheid.") == \
        [("geprüft", "Wir haben Ihren Antrag geprüft.", "Sie bekommen bald den Bescheid.")]


def test_other_conjunctions_open_the_new_sentence(points):
    assert points("Wir haben Ihren Antrag geprüft, aber wir brauchen noch Ihren Pass.")[0][2] == \
        "Aber wir brauchen noch Ihren Pass."


def test_no_split_before_conjunction_without_a_subject(points):
    """"… geprüft und können ihn …": the second part has no subject of its own."""
    assert points("Wir haben Ihren Antrag geprüft und können ihn leider nicht bewilligen.") == []


def test_no_split_before_conjunction_after_comma_without_second_verb(points):
    """After a comma, "und zwar bis Montag" has no verb: no sentence."""
    assert points("Bitte bringen Sie den Pass mit, und zwar bis Montag.") == []


def test_no_split_before_conjunction_joining_nouns(points):
    """Without a comma, "und" between nouns (one finite verb in all) is no split point."""
    assert points("Bitte bringen Sie den Pass und das Foto und die Meldebescheinigung mit.") == []


def test_no_split_inside_a_subordinate_clause(points):
    """"Da …  verstrichen ist und … eingegangen sind, werden Sie …": "und" joins two parts of the
    "da" clause; cutting there leaves a fragment (blind review, #17)."""
    assert points("Da die gesetzte Frist fruchtlos verstrichen ist und bis zum heutigen Tag weder die Unterlagen "
                  "noch eine Mitteilung eingegangen sind, werden Sie hiermit an die Vorlage erinnert.") == []


def test_no_split_before_a_verb_final_coordinated_clause(points):
    """"… erhält oder nicht über … verfügt": the verb last, a subordinate clause going on."""
    assert points("Der Antragsteller laufende Hilfe zum Lebensunterhalt erhält oder nicht über ausreichendes "
                  "Einkommen verfügt.") == []


@pytest.mark.parametrize("text", [
    "In beiden Fällen prüft das Gericht, ob ein Rechtsanspruch und eine Dringlichkeit für den Erlass bestehen.",
    "Dieser Betreuer wird vom Betreuungsgericht bestellt, wenn es das Gericht für erforderlich hält.",
    "Wir teilen Ihnen hiermit mit, dass Ihr Antrag auf Verlängerung leider nicht vollständig ist.",
    "Bitte teilen Sie uns bis zum 1. Oktober schriftlich mit, was Sie für die Verlängerung noch brauchen.",
])
def test_no_split_before_a_clause_that_belongs_to_the_clause_before(points, text):
    """"dass", "ob", "wenn" and indirect questions complete the clause before: no split."""
    assert points(text) == []


def test_no_split_before_an_inserted_relative_clause(points):
    assert points("Etwaige minderjährige Kinder, für die ebenfalls eine Verlängerung beantragt wurde, haben "
                  "ab Vollendung des 6. Lebensjahres persönlich zu erscheinen.") == []


def test_split_before_subordinate_clause_with_a_main_clause_twin(points):
    """"weil wir" -> "Denn wir", "damit" -> "So", "wobei" -> "Dabei", "was" -> "Das", with the
    finite verb moved to second place."""
    assert points("Bitte kommen Sie am Montag zu uns ins Bürgerbüro, weil wir noch Fragen haben.")[0][2] == \
        "Denn wir haben noch Fragen."
    assert points("Bitte schicken Sie uns die Unterlagen bis zum 1. Oktober, damit wir Ihren Antrag prüfen "
                  "können.")[0][2] == "So können wir Ihren Antrag prüfen."
    assert points("Sofern die Unterlagen fehlen, wird nach Aktenlage entschieden, wobei eine Ablehnung nicht "
                  "ausgeschlossen werden kann.")[0][2] == "Dabei kann eine Ablehnung nicht ausgeschlossen werden."
    assert points("Ihr Antrag wird in diesem Fall leider abgelehnt, was Folgen für Ihren Aufenthalt "
                  "hätte.")[0][2] == "Das hätte Folgen für Ihren Aufenthalt."


def test_causal_clause_with_a_noun_subject(points):
    """"da Unterlagen … fehlen" -> "Denn Unterlagen fehlen …"; a subject that may go on (a
    preposition or genitive after the noun) is not guessed."""
    assert points("Wir können Ihren Antrag auf Verlängerung leider noch nicht bearbeiten, da Unterlagen noch "
                  "immer fehlen.")[0][2] == "Denn Unterlagen fehlen noch immer."
    assert points("Wir können Ihren Antrag auf Verlängerung leider noch nicht bearbeiten, weil die Nachweise "
                  "über Ihr Einkommen fehlen.") == []


def test_no_split_before_a_clause_followed_by_another(points):
    """"…, die … aufgewendet werden, und dass Sie … haften": the relative clause is not the end."""
    assert not any(split[2].startswith("Diese") for split in points(
        "Wir weisen darauf hin, dass Sie sich verpflichten, alle öffentlichen Mittel zu erstatten, die für "
        "den Lebensunterhalt aufgewendet werden, und dass Sie auch für die Kosten haften."))


@pytest.mark.parametrize("text", [
    # infinitives go on after "und": no subject, no main clause
    "Daher müssen Sie sich um alle Versorgungsverträge selbst kümmern und fristgerecht kündigen sowie neue "
    "Verträge abschließen.",
    # "Entweder …, oder …" is one thought
    "Entweder Sie nutzen das Internetbanking über die Website der Bank, oder Sie verwenden ein Programm der Bank.",
    # two coordinated relative clauses: moving one verb leaves the other
    "Sie können auch in andere EU-Staaten entsendet werden, in denen Ihr Unternehmen eine Niederlassung hat "
    "oder sich ein Unternehmen der Gruppe befindet.",
    # "die" as an article before a zu-infinitive
    "Durch den Eintritt in den Verein unterwirft sich das Mitglied der Satzung und verpflichtet sich, die mit "
    "der Mitgliedschaft verbundenen Beitragspflichten zu erfüllen.",
    # "welche" + noun asks a question
    "Lassen Sie sich von der Fahrerlaubnisbehörde beraten und besprechen Sie, welche Gutachten vorgelegt "
    "werden müssen.",
    # "Wer …, dem …": the main clause starts after the comma
    "Wer keine anderen Sozialleistungen erhalten kann, dem soll im Notfall die Sozialhilfe ein Leben in Würde "
    "ermöglichen.",
    # a conjunction inside brackets
    "Zudem sind bestimmte Kindschaftssachen (zum Beispiel die den Aufenthalt des Kindes oder das Umgangsrecht "
    "betreffen) vorrangig durchzuführen.",
])
def test_no_split_that_leaves_a_fragment(points, text):
    """Places the first version offered on Amt24 pages, each leaving a fragment."""
    assert points(text) == []


def test_no_restructure_of_a_separable_verb(points):
    """"…, wobei weitere Gebühren anfallen": "fallen … an" would need the particle split off."""
    assert points("Das Dokument wird nach Ablauf der Frist vernichtet, wobei für eine erneute Herstellung "
                  "weitere Gebühren anfallen.") == []


def test_split_before_relative_clause_after_preposition(points):
    assert points("Wir bieten für bestimmte Bauvorhaben unsere Förderprogramme an, aus denen Sie Zuschüsse erhalten "
                  "können.")[0][1:] == ("Wir bieten für bestimmte Bauvorhaben unsere Förderprogramme an.",
                                        "Aus diesen können Sie Zuschüsse erhalten.")
    # a noun without a determiner may be the one the clause defines ("Unterlagen, die …"): no split
    assert points("Wir bieten für bestimmte Bauvorhaben Förderprogramme an, aus denen Sie Zuschüsse erhalten "
                  "können.") == []


def test_split_at_a_comma_between_two_main_clauses(points):
    assert points("Wir müssen uns an einigen Stellen auf die Bezeichnungen beschränken, es sind damit immer "
                  "Männer und Frauen gemeint.")[0][2] == "Es sind damit immer Männer und Frauen gemeint."


def test_split_at_semicolon(points):
    assert points("Bitte rufen Sie uns an; wir helfen Ihnen gern weiter.") == \
        [("an", "Bitte rufen Sie uns an.", "Wir helfen Ihnen gern weiter.")]


def test_no_split_at_a_semicolon_that_ends_a_list_item(points):
    assert points("- Nachweis über ausreichende Kenntnisse der deutschen Sprache (mindestens Niveau B1);") == []


def test_long_new_sentences_are_shortened_and_two_places_at_most(nlp):
    (sentence,) = nlp("Wir haben Ihren Antrag geprüft; wir brauchen noch Ihren Pass; Sie können ihn bringen; "
                      "wir sind montags bis freitags von 8 bis 16 Uhr im Bürgerbüro am Markt für Sie da.").sents
    advice = describe_splits(sentence)
    assert advice.count("Neuer Satz:") == 2 and advice.startswith("nach „geprüft“: „Wir haben Ihren Antrag geprüft.“")
