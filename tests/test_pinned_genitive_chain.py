"""rules/kinds/genitive_chain.py (rule ``genitivkette``): which determiners make a genitive attribute,
how long a chain must be, what stays quiet (a dative, a name, an association), and the verb and
„von“ rewrites the finding suggests; one named behaviour per test (docs/quality.md, "Mutation testing")."""

from __future__ import annotations

import pytest
from pinned_support import findings, kind_hits, tagged_doc


def chains(text: str, **parameters) -> list[tuple[str, str]]:
    """(marked chain, suggestion or "") per finding."""
    return [(f.text, f.suggestions[0] if f.suggestions else "") for f in findings("genitivkette", text, **parameters)]


def test_message_names_the_chain_and_its_length():
    (found,) = findings("genitivkette", "Die Prüfung des Antrags des Ehegatten dauert noch an.")
    assert found.message == "Genitivkette mit 2 Genitiven hintereinander: „Prüfung des Antrags des Ehegatten“"
    assert found.severity == "warning"


def test_one_genitive_is_below_the_limit():
    assert chains("Die Prüfung des Antrags dauert noch an.") == []


def test_one_genitive_is_reported_with_a_limit_of_one():
    assert chains("Die Prüfung des Antrags dauert noch an.", min_chain=1) == [
        ("Prüfung des Antrags",
         "Machen Sie aus „Prüfung“ ein Verb: „den Antrag prüfen“. Oder: "
         "Schreiben Sie „von“ statt des Genitivs: „Prüfung vom Antrag“.")]


@pytest.mark.parametrize(("text", "chain", "advice"), [
    ("Die Prüfung des Antrags des Ehegatten dauert noch an.", "Prüfung des Antrags des Ehegatten",
     "Machen Sie aus „Prüfung“ ein Verb: „den Antrag des Ehegatten prüfen“. Oder: "
     "Schreiben Sie „von“ statt des letzten Genitivs: „Prüfung des Antrags vom Ehegatten“."),
    ("Die Prüfung des Antrags des Ehegatten der Antragstellerin dauert noch an.",
     "Prüfung des Antrags des Ehegatten der Antragstellerin",
     "Machen Sie aus „Prüfung“ ein Verb: „den Antrag des Ehegatten von der Antragstellerin prüfen“. Oder: "
     "Schreiben Sie „von“ statt des letzten Genitivs: „Prüfung des Antrags des Ehegatten von der Antragstellerin“."),
    ("Die Prüfung eines Antrags einer Frau dauert noch an.", "Prüfung eines Antrags einer Frau",
     "Machen Sie aus „Prüfung“ ein Verb: „einen Antrag einer Frau prüfen“. Oder: "
     "Schreiben Sie „von“ statt des letzten Genitivs: „Prüfung eines Antrags von einer Frau“."),
    ("Die Prüfung der Unterlagen der Antragstellerin dauert noch an.", "Prüfung der Unterlagen der Antragstellerin",
     "Machen Sie aus „Prüfung“ ein Verb: „die Unterlagen der Antragstellerin prüfen“. Oder: "
     "Schreiben Sie „von“ statt des letzten Genitivs: „Prüfung der Unterlagen von der Antragstellerin“."),
    ("Die Prüfung des Nachweises ausreichender Kenntnisse dauert noch an.",
     "Prüfung des Nachweises ausreichender Kenntnisse",
     "Machen Sie aus „Prüfung“ ein Verb: „den Nachweis ausreichender Kenntnisse prüfen“. Oder: "
     "Schreiben Sie „von“ statt des letzten Genitivs: „Prüfung des Nachweises von ausreichenden Kenntnissen“."),
    ("Die Prüfung des Antrags unseres Amtes dauert an.", "Prüfung des Antrags unseres Amtes",
     "Machen Sie aus „Prüfung“ ein Verb: „den Antrag unseres Amtes prüfen“. Oder: "
     "Schreiben Sie „von“ statt des letzten Genitivs: „Prüfung des Antrags von unserem Amt“."),
    ("Die Prüfung der Unterlagen unserer Kunden dauert an.", "Prüfung der Unterlagen unserer Kunden",
     "Machen Sie aus „Prüfung“ ein Verb: „die Unterlagen unserer Kunden prüfen“. Oder: "
     "Schreiben Sie „von“ statt des letzten Genitivs: „Prüfung der Unterlagen von unseren Kunden“."),
    ("Die Prüfung der Unterlagen dieser Kunden dauert an.", "Prüfung der Unterlagen dieser Kunden",
     "Machen Sie aus „Prüfung“ ein Verb: „die Unterlagen dieser Kunden prüfen“. Oder: "
     "Schreiben Sie „von“ statt des letzten Genitivs: „Prüfung der Unterlagen von diesen Kunden“."),
])
def test_chain_with_verb_and_von_rewrites(text, chain, advice):
    assert chains(text) == [(chain, advice)]


@pytest.mark.parametrize(("text", "chain", "von"), [
    # a noun of unknown gender: no verb phrase
    ("Die Nutzung des Grundstückes des Nachbarn ist verboten.", "Nutzung des Grundstückes des Nachbarn",
     "„Nutzung des Grundstückes vom Nachbarn“"),
    # a possessive in -er after the head: its accusative is not sure
    ("Die Prüfung Ihres Antrags Ihrer Ehefrau dauert noch an.", "Prüfung Ihres Antrags Ihrer Ehefrau",
     "„Prüfung Ihres Antrags von Ihrer Ehefrau“"),
    ("Die Prüfung dieses Antrags dieses Jahres dauert noch an.", "Prüfung dieses Antrags dieses Jahres",
     "„Prüfung dieses Antrags von diesem Jahr“"),
    ("Die Prüfung keines Antrags keines Mannes dauert an.", "Prüfung keines Antrags keines Mannes",
     "„Prüfung keines Antrags von keinem Mann“"),
    # a name after the last noun is skipped
    ("Die Kopie des Passes der Stadt Musterstadt fehlt.", "Kopie des Passes der Stadt", "„Kopie des Passes von der Stadt“"),
])
def test_chain_with_von_rewrite_only(text, chain, von):
    assert chains(text) == [(chain, f"Schreiben Sie „von“ statt des letzten Genitivs: {von}.")]


def test_name_as_last_attribute_keeps_its_genitive():
    assert chains("Die Prüfung des Antrags der Europäischen Union dauert an.") == [
        ("Prüfung des Antrags der Europäischen Union",
         "Machen Sie aus „Prüfung“ ein Verb: „den Antrag der Europäischen Union prüfen“.")]


@pytest.mark.parametrize(("text", "chain"), [
    ("Im Rahmen der Prüfung des Antrags haben wir Fragen.", "Rahmen der Prüfung des Antrags"),  # "im Rahmen"
    ("Die Verordnung des Sächsischen Staatsministeriums des Innern gilt.",
     "Verordnung des Sächsischen Staatsministeriums des Innern"),  # a name
])
def test_chain_without_a_rewrite_has_no_suggestion(text, chain):
    assert chains(text) == [(chain, "")]


@pytest.mark.parametrize("text", [
    "Das ist der Verein zur Förderung des Schutzes des Lebens e.V. in Berlin.",  # an association's name
    "Er gibt die Kopie des Passes der Behörde unverzüglich.",  # a dative before an adverb
    "Die Prüfung des Antrags dieses Schreiben dauert an.",  # "dieses" before a noun without -s
    "Die Prüfung des Antrags der Bescheid dauert an.",  # "der" before a masculine singular
])
def test_not_a_chain(text):
    assert chains(text) == []


def von_only(text: str) -> str:
    return f"Schreiben Sie „von“ statt des letzten Genitivs: {text}."


# --- every determiner of the word lists ---------------------------------------------------------------------

@pytest.mark.parametrize(("word", "dative"), [
    ("jenes", "jenem"), ("manches", "manchem"), ("jedes", "jedem"),  # -es before a noun in -s
    ("meines", "meinem"), ("deines", "deinem"), ("eures", "eurem"), ("seines", "seinem"), ("ihres", "ihrem"),
])
def test_every_genitive_determiner_in_es(word, dative):
    assert chains(f"Die Prüfung {word} Antrags {word} Mannes dauert an.") == [
        (f"Prüfung {word} Antrags {word} Mannes", von_only(f"„Prüfung {word} Antrags von {dative} Mann“"))]


def test_welches_tagged_as_determiner_is_a_genitive():
    doc = tagged_doc("Die/ART Prüfung/NN welches/PIAT Antrags/NN/Antrag welches/PIAT Mannes/NN/Mann dauert/VVFIN ./$.")
    assert [(text, values["advice"]) for text, values in kind_hits("genitive_chain", doc)] == [
        ("Prüfung welches Antrags welches Mannes", von_only("„Prüfung welches Antrags von welchem Mann“"))]


@pytest.mark.parametrize("word", ["jener", "mancher", "dieser", "jeder", "meiner", "deiner", "eurer", "seiner"])
def test_every_feminine_genitive_determiner_in_er(word):
    assert chains(f"Die Prüfung des Antrags {word} Frau dauert an.") == [
        (f"Prüfung des Antrags {word} Frau",
         f"Machen Sie aus „Prüfung“ ein Verb: „den Antrag {word} Frau prüfen“. Oder: "
         + von_only(f"„Prüfung des Antrags von {word} Frau“"))]


def test_welcher_tagged_as_determiner_is_a_genitive():
    doc = tagged_doc("Die/ART Prüfung/NN des/ART Antrags/NN/Antrag welcher/PIAT Frau/NN/Frau dauert/VVFIN ./$.")
    assert [text for text, _ in kind_hits("genitive_chain", doc)] == ["Prüfung des Antrags welcher Frau"]


@pytest.mark.parametrize("text", [
    "Die Prüfung des Antrags keiner Frau dauert an.",  # "keiner" is no genitive determiner of the lists
    "Die Prüfung keiner Frau des Mannes dauert an.",
    "Die Prüfung der Anträge der Autos dauert an.",  # a plural in -s is not told from a genitive
    "Die Prüfung 3 Anträge des Mannes dauert an.",  # a number without determiner
    "Die Prüfung des Antrags des",  # a determiner ending the text
    "Die Prüfung des Antrags [Name] dauert an.",  # a placeholder
    "Die Prüfung des Antrags der [Name] dauert an.",
    "Die Prüfung des Mannes Max Müller des Amtes dauert an.",  # a name inside the chain
])
def test_more_non_chains(text):
    assert chains(text) == []


@pytest.mark.parametrize("text", [
    "Die Prüfung des Antrags der Frau nicht zu ändern.",  # a negation and a zu-infinitive follow
    "Die Prüfung des Antrags Ihrer Frau sofort dauert an.",  # an adverb follows
    "Die Prüfung des Antrags einer Frau sofort dauert an.",
])
def test_feminine_singular_before_an_adverb_or_a_verb_is_a_dative(text):
    assert chains(text) == []


@pytest.mark.parametrize(("text", "chain", "advice"), [
    ("Die Prüfung der Anträge der Frauen dauert an.", "Prüfung der Anträge der Frauen",
     "Machen Sie aus „Prüfung“ ein Verb: „die Anträge der Frauen prüfen“. Oder: "
     + von_only("„Prüfung der Anträge von den Frauen“")),
    # a plural dative gets its -n
    ("Die Prüfung der Anträge der Kinder dauert an.", "Prüfung der Anträge der Kinder",
     "Machen Sie aus „Prüfung“ ein Verb: „die Anträge der Kinder prüfen“. Oder: "
     + von_only("„Prüfung der Anträge von den Kindern“")),
    ("Die Prüfung des Antrags Ihrer Kinder dauert an.", "Prüfung des Antrags Ihrer Kinder",
     "Machen Sie aus „Prüfung“ ein Verb: „den Antrag Ihrer Kinder prüfen“. Oder: "
     + von_only("„Prüfung des Antrags von Ihren Kindern“")),
    ("Die Prüfung des Kindes des Mannes dauert an.", "Prüfung des Kindes des Mannes",
     "Machen Sie aus „Prüfung“ ein Verb: „das Kind des Mannes prüfen“. Oder: "
     + von_only("„Prüfung des Kindes vom Mann“")),
    ("Die Prüfung eines Kindes eines Mannes dauert an.", "Prüfung eines Kindes eines Mannes",
     "Machen Sie aus „Prüfung“ ein Verb: „ein Kind eines Mannes prüfen“. Oder: "
     + von_only("„Prüfung eines Kindes von einem Mann“")),
    ("Die Prüfung einer Frau des Mannes dauert an.", "Prüfung einer Frau des Mannes",
     "Machen Sie aus „Prüfung“ ein Verb: „eine Frau des Mannes prüfen“. Oder: "
     + von_only("„Prüfung einer Frau vom Mann“")),
    ("Die Prüfung der Frau des Mannes dauert an.", "Prüfung der Frau des Mannes",
     "Machen Sie aus „Prüfung“ ein Verb: „die Frau des Mannes prüfen“. Oder: " + von_only("„Prüfung der Frau vom Mann“")),
    # "ändern": the verb of an -ung noun in -n
    ("Die Änderung des Antrags des Mannes dauert an.", "Änderung des Antrags des Mannes",
     "Machen Sie aus „Änderung“ ein Verb: „den Antrag des Mannes ändern“. Oder: "
     + von_only("„Änderung des Antrags vom Mann“")),
    ("Die Regierung des Landes des Königs bleibt.", "Regierung des Landes des Königs",
     "Machen Sie aus „Regierung“ ein Verb: „das Land des Königs regieren“. Oder: "
     + von_only("„Regierung des Landes vom König“")),
    # adjectives and numbers between determiner and noun
    ("Die Prüfung der zwei Anträge der drei Frauen dauert an.", "Prüfung der zwei Anträge der drei Frauen",
     von_only("„Prüfung der zwei Anträge von den drei Frauen“")),
    ("Die Prüfung des neuen Antrags des alten Mannes dauert an.", "Prüfung des neuen Antrags des alten Mannes",
     von_only("„Prüfung des neuen Antrags vom alten Mann“")),
    ("Die Prüfung ausreichender Kenntnisse der Frauen dauert an.", "Prüfung ausreichender Kenntnisse der Frauen",
     von_only("„Prüfung ausreichender Kenntnisse von den Frauen“")),
    ("Die Prüfung des Nachweises neuer Anträge dauert an.", "Prüfung des Nachweises neuer Anträge",
     "Machen Sie aus „Prüfung“ ein Verb: „den Nachweis neuer Anträge prüfen“. Oder: "
     + von_only("„Prüfung des Nachweises von neuen Anträgen“")),
    # three and four links: the verb phrase takes the "von" of the last
    ("Die Prüfung des Nachweises der Frau Ihres Mannes dauert an.", "Prüfung des Nachweises der Frau Ihres Mannes",
     "Machen Sie aus „Prüfung“ ein Verb: „den Nachweis der Frau von Ihrem Mann prüfen“. Oder: "
     + von_only("„Prüfung des Nachweises der Frau von Ihrem Mann“")),
    ("Die Prüfung der Anträge einer Frau der Stadt des Landes dauert an.",
     "Prüfung der Anträge einer Frau der Stadt des Landes",
     "Machen Sie aus „Prüfung“ ein Verb: „die Anträge einer Frau der Stadt vom Land prüfen“. Oder: "
     + von_only("„Prüfung der Anträge einer Frau der Stadt vom Land“")),
    ("Die Nutzung des Hauses des Nachbarn der Stadt des Landes ist verboten.",
     "Nutzung des Hauses des Nachbarn der Stadt des Landes",
     von_only("„Nutzung des Hauses des Nachbarn der Stadt vom Land“")),
    # a chain without full stop
    ("Die Prüfung des Antrags des Vereins", "Prüfung des Antrags des Vereins",
     "Machen Sie aus „Prüfung“ ein Verb: „den Antrag des Vereins prüfen“. Oder: "
     + von_only("„Prüfung des Antrags vom Verein“")),
])
def test_more_chains_and_their_rewrites(text, chain, advice):
    assert chains(text) == [(chain, advice)]


@pytest.mark.parametrize(("text", "chain", "von"), [
    ("Die Nutzung eines Hauses des Nachbarn ist verboten.", "Nutzung eines Hauses des Nachbarn",
     "„Nutzung eines Hauses vom Nachbarn“"),  # "Haus": gender not known
    ("Die Nutzung dieser Wohnungen des Nachbarn ist verboten.", "Nutzung dieser Wohnungen des Nachbarn",
     "„Nutzung dieser Wohnungen vom Nachbarn“"),  # a plural after "dieser": no accusative article
    ("Die Leitung des Amtes des Landes bleibt.", "Leitung des Amtes des Landes", "„Leitung des Amtes vom Land“"),
    ("Die Bevölkerung des Landes des Königs wächst.", "Bevölkerung des Landes des Königs",
     "„Bevölkerung des Landes vom König“"),  # an -ung noun whose verb means something else
    ("Der Antrag des Mannes der Frau liegt vor.", "Antrag des Mannes der Frau", "„Antrag des Mannes von der Frau“"),
    ("Der Rahmen der Prüfung des Antrags ist klar.", "Rahmen der Prüfung des Antrags",
     "„Rahmen der Prüfung vom Antrag“"),  # "Rahmen" without a preposition before it
])
def test_more_chains_with_von_rewrite_only(text, chain, von):
    assert chains(text) == [(chain, von_only(von))]


@pytest.mark.parametrize("head", ["Rahmen", "Falle", "Fall", "Zuge", "Laufe", "Wege", "Sinne", "Hinblick", "Zwecke",
                                  "Namen", "Beispiel"])
def test_every_fixed_head_after_a_preposition_gets_no_suggestion(head):
    assert chains(f"Wir zahlen im {head} der Prüfung des Antrags.") == [(f"{head} der Prüfung des Antrags", "")]


@pytest.mark.parametrize("mark", ["e.V.", "e. V.", "eV", "gGmbH", "GmbH", "mbH", "AG", "KG", "gUG", "UG"])
def test_every_association_mark_after_the_chain_keeps_it_quiet(mark):
    assert chains(f"Das ist der Verein zur Förderung des Schutzes des Lebens {mark} in Berlin.") == []


def test_association_mark_without_full_stop_on_a_tagged_doc():
    doc = tagged_doc("Die/ART Förderung/NN des/ART Schutzes/NN/Schutz des/ART Lebens/NN/Leben e.V/NE gilt/VVFIN")
    assert kind_hits("genitive_chain", doc) == []


def test_values_count_and_limit():
    doc = tagged_doc("Die/ART Prüfung/NN des/ART Antrags/NN/Antrag des/ART Mannes/NN/Mann dauert/VVFIN ./$.")
    ((text, values),) = kind_hits("genitive_chain", doc, {"min_chain": 2})
    assert (values["text"], values["count"], values["limit"]) == ("„Prüfung des Antrags des Mannes“", 2, 2)


def test_min_chain_defaults_to_two():
    from einfach.rules.kinds.genitive_chain import GenitiveChain

    assert GenitiveChain({}).min_chain == 2
    assert GenitiveChain({"min_chain": "3"}).min_chain == 3


# --- after the first mutation run (docs/mutation/genitive_chain.py.survivors.md) ----------------------------

def test_feminine_genitive_ending_the_text_without_full_stop():
    assert [chain for chain, _ in chains("Die Prüfung des Antrags der Frau")] == ["Prüfung des Antrags der Frau"]


def test_dative_before_an_adverb_ending_the_text():
    assert chains("Die Prüfung des Antrags einer Frau sofort") == []


def hits(tagged: str) -> list[tuple[str, str]]:
    """(marked chain, advice) per hit of the kind on a tagged one-sentence Doc."""
    return [(text, values["advice"]) for text, values in kind_hits("genitive_chain", tagged_doc(tagged))]


def test_a_name_after_the_head_is_skipped():
    assert hits("Die/ART Firma/NN Meyer/NE des/ART Vaters/NN/Vater des/ART Mannes/NN/Mann fehlt/VVFIN ./$.") == [
        ("Firma Meyer des Vaters des Mannes", von_only("„Firma Meyer des Vaters vom Mann“"))]


def test_a_feminine_noun_with_a_lowercase_lemma_is_singular():
    assert hits("Die/ART Prüfung/NN des/ART Antrags/NN/Antrag der/ART Frau/NN ./$.") == [
        ("Prüfung des Antrags der Frau", "Machen Sie aus „Prüfung“ ein Verb: „den Antrag der Frau prüfen“. Oder: "
         + von_only("„Prüfung des Antrags von der Frau“"))]


def test_e_ending_the_text_is_no_association_mark():
    assert [text for text, _ in hits("Die/ART Förderung/NN des/ART Schutzes/NN/Schutz des/ART Lebens/NN/Leben e./XY")] == [
        "Förderung des Schutzes des Lebens"]


def test_e_v_ending_the_text_is_an_association_mark():
    assert hits("Die/ART Förderung/NN des/ART Schutzes/NN/Schutz des/ART Lebens/NN/Leben e./XY V./XY") == []


def test_fixed_head_opening_the_text_is_no_fixed_head():
    # "Rahmen" is the first word: no preposition before it, whatever ends the text
    assert hits("Rahmen/NN der/ART Prüfung/NN des/ART Antrags/NN/Antrag ab/APPR") == [
        ("Rahmen der Prüfung des Antrags", von_only("„Rahmen der Prüfung vom Antrag“"))]


def test_fixed_head_after_a_preposition_without_article():
    assert hits("Wir/PPER handeln/VVFIN in/APPR Namen/NN der/ART Leiterin/NN des/ART Amtes/NN/Amt ./$.") == [
        ("Namen der Leiterin des Amtes", "")]


def test_a_name_as_head_gets_no_verb():
    assert hits("Die/ART Prüfung/NE des/ART Antrags/NN/Antrag des/ART Mannes/NN/Mann ./$.") == [
        ("Prüfung des Antrags des Mannes", von_only("„Prüfung des Antrags vom Mann“"))]


@pytest.mark.parametrize(("text", "chain", "advice"), [
    # an -ung noun whose stem gives no verb HanTa knows ("zeiten")
    ("Die Zeitung des Vereins der Stadt liegt vor.", "Zeitung des Vereins der Stadt",
     von_only("„Zeitung des Vereins von der Stadt“")),
    # a verb of five letters
    ("Die Lösung des Problems des Amtes dauert an.", "Lösung des Problems des Amtes",
     "Machen Sie aus „Lösung“ ein Verb: „das Problem des Amtes lösen“. Oder: " + von_only("„Lösung des Problems vom Amt“")),
    # a number in -er after the determiner keeps its form
    ("Die Prüfung der Anträge der vier Frauen dauert an.", "Prüfung der Anträge der vier Frauen",
     "Machen Sie aus „Prüfung“ ein Verb: „die Anträge der vier Frauen prüfen“. Oder: "
     + von_only("„Prüfung der Anträge von den vier Frauen“")),
    # a plural after "einer" (a slip) gets no "von" rewrite
    ("Die Prüfung des Antrags einer Frauen dauert an.", "Prüfung des Antrags einer Frauen",
     "Machen Sie aus „Prüfung“ ein Verb: „den Antrag einer Frauen prüfen“."),
])
def test_more_rewrites_after_the_first_run(text, chain, advice):
    assert chains(text) == [(chain, advice)]


def test_a_chain_without_advice_asks_for_no_suggestion():
    from einfach.rules.kinds.genitive_chain import GenitiveChain

    fixed = tagged_doc("Wir/PPER zahlen/VVFIN im/APPRART Rahmen/NN der/ART Prüfung/NN des/ART Antrags/NN/Antrag ./$.")
    plain = tagged_doc("Die/ART Prüfung/NN des/ART Antrags/NN/Antrag des/ART Mannes/NN/Mann ./$.")
    assert [hit.suggest for hit in GenitiveChain({}).find(fixed)] == [False]
    assert [hit.suggest for hit in GenitiveChain({}).find(plain)] == [True]


def test_a_noun_right_after_a_chain_can_open_the_next():
    doc = tagged_doc("Am/APPRART Ende/NN des/ART Jahres/NN/Jahr Anträge/NN/Antrag der/ART Frauen/NN/Frau prüfen/VVINF ./$.")
    assert [text for text, _ in kind_hits("genitive_chain", doc, {"min_chain": 1})] == [
        "Ende des Jahres", "Anträge der Frauen"]


def test_a_noun_without_chain_does_not_hide_the_next_noun():
    assert [text for text, _ in hits("Die/ART Akte/NN Prüfung/NN des/ART Antrags/NN/Antrag des/ART Mannes/NN/Mann ./$.")] == [
        "Prüfung des Antrags des Mannes"]


def test_a_name_after_der_is_no_genitive_attribute():
    assert hits("Die/ART Prüfung/NN des/ART Antrags/NN/Antrag der/ART Grünen/NE/Grüne ./$.") == []


def test_an_adjective_not_in_er_before_a_plural_noun_is_no_genitive():
    assert hits("Die/ART Prüfung/NN der/ART Anträge/NN/Antrag neuen/ADJA Formulare/NN/Formular ./$.") == []
