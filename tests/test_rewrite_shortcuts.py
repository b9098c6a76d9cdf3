"""The server's CPU savings (issue 15) give the same results as the plain way.

Each saving has a test that computes the result both ways on varied texts
and compares them: the JSON of a finding, and the safety check of the
rewrites (``einfach.rewrite.safety.verify``).
"""

from __future__ import annotations

import json
from dataclasses import asdict

import pytest

from einfach.checker import check_document, make_pipeline
from einfach.findings import Finding, Location
from einfach.readers.text import document_from_text
from einfach.rewrite import safety

# One-sentence paragraphs (the shortcut's case) between longer ones (the plain way), with
# passives, abbreviations, Amtsdeutsch, Funktionsverbgefüge, names, numbers, § references,
# placeholders, gender forms, a list and a heading.
LETTER = """Sehr geehrte Frau Muster,

Ihr Antrag vom 12.03.2026 wurde von uns abgelehnt.

Die Unterlagen sind bis zum 1. Oktober vorzulegen. Bitte bringen Sie z. B. Ihren Pass mit.

Rechtsbehelfsbelehrung

Gegen diesen Bescheid kann innerhalb eines Monats nach Bekanntgabe Widerspruch erhoben werden.

Die Aushändigung des Aufenthaltstitels erfolgt nach Terminvereinbarung gem. § 5 Abs. 2 AufenthG.

Wir setzen Sie hiermit in Kenntnis, dass Ihr Antrag durch die Ausländerbehörde Berlin geprüft wird.

Sollten Sie Fragen haben, wenden Sie sich bitte an {{Sachbearbeiter}} unter info@amt.example.de.

Die Antragsteller:innen werden gebeten, die Gebühr von 100,00 EUR ggf. zu überweisen, da der Antrag sonst nicht bearbeitet werden kann.

Bitte beachten Sie:
- Der Nachweis ist vorzulegen.
- Die Bescheinigung wurde Ihnen übersandt.

Es wird darauf hingewiesen, dass eine Verlängerung nicht unmöglich ist.

Mit freundlichen Grüßen
Ihre Ausländerbehörde
"""


@pytest.fixture(scope="module")
def nlp():
    return make_pipeline()


def _plain_to_dict(finding: Finding) -> dict:
    """Finding.to_dict as it was written before issue 15's saving (dataclasses.asdict)."""
    result = asdict(finding)
    result["location"] = finding.location.to_dict()
    if finding.fix is None:
        del result["fix"]
    return result


def test_finding_json_is_the_same_as_asdict_gives(nlp):
    result = check_document(document_from_text("<test>", LETTER), nlp)
    assert any(f.fix for f in result.findings) and any(not f.fix for f in result.findings)
    for finding in result.findings:
        assert json.dumps(finding.to_dict()) == json.dumps(_plain_to_dict(finding))
    nested = Finding(rule="r", severity="info", message="m", start=0, end=1, text="x", suggestions=["a", "b"],
                     location=Location(part="table", paragraph=2, line=3, column=4, table=1, row=2, cell=3),
                     data={"n": 1, "f": 1.5, "b": True, "none": None, "list": [1, (2, 3)], "dict": {"k": [4]},
                           "location": Location("body", 1, 1, 1)},
                     fix={"sentence": "s", "edits": [{"start": 0, "end": 1, "text": "y"}], "applicability": "sure"})
    assert nested.to_dict() == _plain_to_dict(nested)
    copied = nested.to_dict()
    copied["data"]["list"].append(5)
    copied["fix"]["edits"][0]["text"] = "z"
    assert nested.data["list"] == [1, (2, 3)] and nested.fix["edits"][0]["text"] == "y"  # a deep copy


def test_a_one_sentence_paragraph_gives_the_words_of_its_own_analysis(nlp):
    """What verify reads from the checked paragraph (``analysed``) equals what a fresh analysis
    of the sentence without rules gives: sentences, names and content-word lemmas."""
    checked = 0
    for paragraph in LETTER.split("\n\n"):
        text = paragraph.strip()
        doc = nlp(text)  # with every rule, as the checker runs it
        if len(list(doc.sents)) != 1:
            continue
        assert safety._words(doc) == safety._words(safety._analyse(nlp, text)), text
        checked += 1
    assert checked >= 8


def test_rewrites_are_the_same_without_the_shortcut(nlp, monkeypatch):
    """The whole check with rewrites, once reading one-sentence paragraphs from the checked Doc
    and once analysing every original sentence afresh: the same JSON, byte for byte."""
    document = document_from_text("<test>", LETTER)
    shortcut = json.dumps(check_document(document, nlp).to_dict(), ensure_ascii=False)
    used = []
    real = safety.verify

    def plain(*args, analysed=None, **options):
        used.append(analysed is not None)
        return real(*args, **options)

    monkeypatch.setattr(safety, "verify", plain)
    assert json.dumps(check_document(document, nlp).to_dict(), ensure_ascii=False) == shortcut
    assert any(used) and not all(used)  # both cases occur in the letter


def test_verify_refuses_a_doc_of_another_sentence(nlp):
    original = "Ihr Antrag wurde von uns abgelehnt."
    with pytest.raises(ValueError):
        safety.verify(nlp, original, "Wir haben Ihren Antrag abgelehnt.", "passiv", set(), [(0, 10)],
                      analysed=nlp("Ein anderer Satz wurde geschrieben."))


def _spans(doc) -> list[tuple[int, int, str]]:
    return [(span.start, span.end, span.label_) for span in doc.spans.get("einfach", [])]


def test_spans_only_gives_the_same_findings_spans(nlp):
    """The safety check runs the rules with ``spans_only`` (no texts, no split advice of
    ``satzlaenge``, no active skeleton of ``passiv``): every paragraph and every sentence of the letter, with all rules and with
    the few a rewrite asks about, gives the same spans and the same yielded-to values as the
    full run."""
    runner = nlp.get_pipe("einfach_rules")
    texts = [p.strip() for p in LETTER.split("\n\n")]
    texts += [s.text for p in texts for s in nlp(p).sents]
    compared = 0
    long_sentences = 0
    for text in texts:
        for only in (None, runner.closure({"satzlaenge", "passiv"}), runner.closure({"amtsdeutsch"})):
            full = nlp(text, component_cfg={"einfach_rules": {"only": only}})
            lean = nlp(text, component_cfg={"einfach_rules": {"only": only, "spans_only": True}})
            assert _spans(lean) == _spans(full), (text, only)
            assert [s._.einfach["values"].get("text") for s in lean.spans["einfach"]] == \
                [s._.einfach["values"].get("text") for s in full.spans["einfach"]]
            assert "einfach.spans_only" not in str(list(lean.user_data))  # the flag is gone after the run
            long_sentences += sum(1 for s in full.spans["einfach"]
                                  if s.label_ == "satzlaenge" and s._.einfach["values"]["split_points"])
            compared += 1
    assert compared >= 30 and long_sentences >= 1  # a long sentence with split advice is among them
    letter = nlp(LETTER)
    assert any(s.label_ == "passiv" for s in letter.spans["einfach"])  # and passives


def test_the_safety_check_asks_for_spans_only(nlp):
    doc = safety._analyse(nlp, "Der Antrag wurde abgelehnt, da die Unterlagen nicht rechtzeitig vorgelegt "
                               "worden sind und die Gebühr trotz mehrfacher Erinnerung bis heute nicht "
                               "bezahlt wurde, weshalb wir das Verfahren jetzt beenden.", frozenset({"satzlaenge"}))
    spans = doc.spans["einfach"]
    assert [s.label_ for s in spans] == ["satzlaenge"]
    assert set(spans[0]._.einfach) == {"values"} and spans[0]._.einfach["values"]["split_points"] == ""
    passive = safety._analyse(nlp, "Ihr Antrag wurde von uns abgelehnt.", frozenset({"passiv"}))
    assert [s.label_ for s in passive.spans["einfach"]] == ["passiv"]
    assert "active" not in passive.spans["einfach"][0]._.einfach["values"]  # only the message needs it


def _sentences_of_letter(nlp) -> list[str]:
    paragraphs = [p.strip() for p in LETTER.split("\n\n")]
    return paragraphs + [s.text for p in paragraphs for s in nlp(p).sents]


def _plain_words(doc):
    """safety._words as it was written before: a walk over spaCy's Token objects."""
    from collections import Counter

    from einfach.nlp.syntax import lemma_of, particle_verbs

    sentences, names, lemmas, forms_of, forms = 0, Counter(), Counter(), {}, Counter()
    for sentence in doc.sents:
        sentences += 1
        joined = particle_verbs(sentence)
        for token in sentence:
            forms[token.text] += 1
            if token.tag_.startswith(safety.CONTENT_TAGS):
                lemma = lemma_of(token, joined)
                lemmas[lemma] += 1
                forms_of.setdefault(lemma, Counter())[token.text] += 1
                if token.tag_ == "NE":
                    names[token.text] += 1
    return sentences, names, lemmas, forms_of, forms


def test_the_words_read_from_the_rules_view_are_those_of_a_walk_over_the_tokens(nlp):
    """The safety check reads a rewritten sentence's words from the token view the rules built
    (``keep_view``): the same words as a walk over the tokens of the Doc, and the kept view is
    released afterwards (no Token objects stay in ``doc.user_data``)."""
    runner = nlp.get_pipe("einfach_rules")
    compared = named = 0
    for text in _sentences_of_letter(nlp):
        for rules in (None, runner.closure({"satzlaenge", "passiv"}), runner.closure({"amtsdeutsch"}), frozenset()):
            doc, words = safety._analysed(nlp, text, rules)
            assert not [key for key in doc.user_data if isinstance(key, tuple) and str(key[0]).startswith("einfach.")]
            fresh = nlp(text, component_cfg={"einfach_rules": {"only": rules}}) if rules != frozenset() \
                else nlp(text, disable=["einfach_rules"])
            assert words == _plain_words(fresh), (text, rules)
            named += bool(words[1])
            compared += 1
    assert compared >= 60 and named >= 4  # names ("Muster", "Berlin") are among the words compared


def test_verbatim_items_without_an_at_sign_are_those_of_the_whole_pattern(nlp):
    """verbatim_items tries the e-mail alternative only on a text with an "@": the same items as
    the whole pattern on every sentence of the letter and on texts made to test the edges."""
    from collections import Counter

    texts = _sentences_of_letter(nlp) + [
        "Schreiben Sie an info@amt.example.de oder an https://www.amt.example.de/antrag?id=5.",
        "Am 01.10.2026 um 10.30 Uhr, Raum 2.14, gem. §§ 5, 7 AufenthG; {{Name}} [Datum] <Ort> «Feld»",
        "Die Kosten betragen 100,00 EUR (siehe www.amt.example.de) und 1/2 der Gebühr.",
        "a@b ohne Punkt danach, @@ und x@y.z und ein @ allein",
    ]
    assert sum("@" in text for text in texts) >= 3 and sum("@" not in text for text in texts) >= 20
    for text in texts:
        assert safety.verbatim_items(text) == Counter(safety.VERBATIM.findall(text)), text
