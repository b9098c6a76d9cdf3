"""The split of a long sentence at a semicolon between two main clauses (einfach.rewrite.split).

The rule's own examples (what is split, what is refused) are the ``rewrites:`` of
``rules/satzlaenge.yml`` (tests/test_rule_examples.py).  Here: the edits are the minimal
ones, the split composes with another rewrite of the words after the semicolon, the safety
check, excluded text, and ``einfach fix`` for .txt and .docx (tracked changes).
"""

from __future__ import annotations

from types import SimpleNamespace

import docx
import pytest
from click.testing import CliRunner
from test_docx_tracked import resolved, revisions

import einfach
from einfach.checker import check_document, make_pipeline
from einfach.cli import cli
from einfach.edits import Edit, apply_edits
from einfach.readers.docx import read_docx
from einfach.readers.text import document_from_text
from einfach.rewrite import attach_fixes, compose
from einfach.rewrite.safety import verify

# the case: "zum Nachweis der" (Amtsdeutsch) -> "als Nachweis für" starts at the word
# after the semicolon
SENTENCE = ("Die Bescheinigung ist stets zusammen mit Ihrem gültigen Pass mitzuführen und auf Verlangen "
            "vorzuzeigen; zum Nachweis der Berechtigung zur Arbeit ist eine Kopie bei Ihrem Arbeitgeber vorzulegen.")
FIRST = "Die Bescheinigung ist stets zusammen mit Ihrem gültigen Pass mitzuführen und auf Verlangen vorzuzeigen"
SPLIT = "Dies gilt bis zur Entscheidung über Ihren Antrag auf Verlängerung der Erlaubnis; dies umfasst auch die Nebenbestimmungen."


def _split_fix(result):
    (found,) = [f for f in result.findings if f.rule == "satzlaenge"]
    return found.fix


def test_the_fix_is_a_full_stop_and_one_capital_letter():
    fix = _split_fix(einfach.check(SPLIT))
    at = SPLIT.index(";")
    assert fix["applicability"] == "review"
    assert fix["edits"] == [{"start": at, "end": at + 1, "text": "."}, {"start": at + 2, "end": at + 3, "text": "D"}]
    assert fix["sentence"] == SPLIT.replace("; dies", ". Dies")


def test_the_split_composes_with_a_rewrite_of_the_next_words():
    result = einfach.check(SENTENCE)
    by_rule = {f.rule: f.fix for f in result.findings
               if f.fix and (f.rule == "satzlaenge" or f.text == "zum Nachweis")}
    # each fix alone is right: the split capitalises the old word, the swap stays lowercase
    assert by_rule["satzlaenge"]["sentence"] == SENTENCE.replace("; zum", ". Zum")
    assert "; als Nachweis für die Berechtigung" in by_rule["amtsdeutsch"]["sentence"]
    # together: the capital goes to whatever word ends up first after the full stop
    edits, _count = compose(result.findings, include_review=True, text=result.text)
    fixed = apply_edits(result.text, edits)
    assert fixed.startswith(f"{FIRST}. Als Nachweis für die Berechtigung zur Arbeit ist eine Kopie")
    assert einfach.fix_text(SENTENCE, include_review=True) == fixed


def test_without_the_text_the_two_fixes_overlap_and_one_wins_whole():
    result = einfach.check(SENTENCE)
    fixed = apply_edits(result.text, compose(result.findings, include_review=True)[0])
    assert ". als" not in fixed and ". zum" not in fixed  # never a lowercase sentence start
    assert "; als Nachweis für" in fixed or ". Zum Nachweis der" in fixed  # never two fixes half-applied


def _fix(edits):
    return SimpleNamespace(fix={"sentence": "", "applicability": "review",
                                "edits": [{"start": s, "end": e, "text": t} for s, e, t in edits]})


def test_compose_moves_the_capital_past_a_deleted_word_and_refuses_a_pronoun():
    text = "Wir haben Ihren Antrag geprüft; hiermit teilen wir Ihnen das Ergebnis mit."
    at = text.index(";")
    split = _fix([(at, at + 1, "."), (at + 2, at + 3, "H")])
    dropped = _fix([(at + 2, at + 10, "")])  # "hiermit " goes
    edits, count = compose([split, dropped], include_review=True, text=text)
    assert apply_edits(text, edits) == "Wir haben Ihren Antrag geprüft. Teilen wir Ihnen das Ergebnis mit." and count == 2
    # a rewrite that puts "sie" first: its capital would mean the reader; the semicolon stays
    pronoun = _fix([(at + 2, at + 16, "sie teilen")])  # "hiermit teilen" -> "sie teilen"
    edits, count = compose([split, pronoun], include_review=True, text=text)
    assert apply_edits(text, edits) == "Wir haben Ihren Antrag geprüft; sie teilen wir Ihnen das Ergebnis mit." and count == 1
    # an edit that already writes a capital, and the split alone
    capital = _fix([(at + 2, at + 9, "Mit diesem Brief")])
    edits, _ = compose([split, capital], include_review=True, text=text)
    assert apply_edits(text, edits).startswith("Wir haben Ihren Antrag geprüft. Mit diesem Brief teilen")
    edits, count = compose([split], include_review=True, text=text)
    assert apply_edits(text, edits).startswith("Wir haben Ihren Antrag geprüft. Hiermit teilen") and count == 1


def test_a_split_with_one_refused_place_is_left_out_whole():
    text = "Wir haben Ihren Antrag geprüft; hiermit teilen wir Ihnen das Ergebnis mit; dies gilt ab heute."
    first, second = text.index(";"), text.rindex(";")
    split = _fix([(first, first + 1, "."), (first + 2, first + 3, "H"), (second, second + 1, "."),
                  (second + 2, second + 3, "D")])
    pronoun = _fix([(first + 2, first + 16, "sie teilen")])
    edits, count = compose([split, pronoun], include_review=True, text=text)
    assert apply_edits(text, edits) == text.replace("hiermit teilen", "sie teilen") and count == 1


def test_sure_fixes_alone_leave_the_split_out():
    result = einfach.check(SENTENCE)
    edits, _ = compose(result.findings, include_review=False, text=result.text)
    assert ";" in apply_edits(result.text, edits)


@pytest.fixture(scope="module")
def nlp():
    return make_pipeline()


def test_safety_expects_the_added_sentence(nlp):
    original, rewritten = SPLIT, SPLIT.replace("; dies", ". Dies")
    at = SPLIT.index(";")
    changed = [(at, at + 1, "."), (at + 2, at + 3, "D")]
    assert verify(nlp, original, rewritten, "satzlaenge", set(), changed, added_sentences=1) is not None
    assert verify(nlp, original, rewritten, "satzlaenge", set(), changed) is None  # two sentences, one expected
    assert verify(nlp, original, original.replace("; dies", ", dies"), "satzlaenge", set(),
                  [(at, at + 1, ",")], added_sentences=1) is None  # no sentence added


def test_excluded_text_is_never_split(nlp):
    document = document_from_text("<x>", SPLIT)
    doc = nlp(document.text)
    findings = check_document(document, nlp).findings
    spans = [s for s in doc.spans["einfach"] for f in findings if s.start_char == f.start and s.label_ == f.rule]
    for finding in findings:
        finding.fix = None
    attach_fixes(doc, 0, findings, spans, nlp, protected=[(SPLIT.index(";") - 5, SPLIT.index(";") + 1)])
    assert not any(f.fix for f in findings if f.rule == "satzlaenge")


def test_fix_writes_the_split_into_a_text_file(tmp_path):
    # in a letter the sein + zu becomes a request after the semicolon ("bitte legen Sie …"), which
    # reaches further than the word swap and wins over it: it takes the capital
    source = tmp_path / "brief.txt"
    source.write_text(f"Sehr geehrte Frau Muster,\n\n{SENTENCE}\n", encoding="utf-8")
    target = tmp_path / "neu.txt"
    result = CliRunner().invoke(cli, ["fix", "--all", str(source), "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert f"{FIRST}. Bitte legen Sie zum Nachweis der Berechtigung zur Arbeit eine Kopie" in target.read_text(encoding="utf-8")
    result = CliRunner().invoke(cli, ["fix", str(source), "-o", str(tmp_path / "sicher.txt")])
    assert "vorzuzeigen; zum Nachweis" in (tmp_path / "sicher.txt").read_text(encoding="utf-8")  # review only


def test_fix_writes_the_split_as_tracked_changes(tmp_path):
    source = tmp_path / "brief.docx"
    document = docx.Document()
    paragraph = document.add_paragraph()
    paragraph.add_run("Dies gilt bis zur Entscheidung über Ihren Antrag auf ")
    paragraph.add_run("Verlängerung der Erlaubnis; dies umfasst").bold = True
    paragraph.add_run(" auch die Nebenbestimmungen.")
    document.add_paragraph(SENTENCE)
    document.save(source)
    target = tmp_path / "neu.docx"
    result = CliRunner().invoke(cli, ["fix", "--all", str(source), "--select", "satzlaenge,amtsdeutsch",
                                      "-o", str(target)])
    assert result.exit_code == 0, result.output
    original = read_docx(str(source)).text
    accepted = read_docx(resolved(target, tmp_path / "angenommen.docx", accept=True)).text
    assert read_docx(resolved(target, tmp_path / "abgelehnt.docx", accept=False)).text == original
    assert SPLIT.replace("; dies", ". Dies") in accepted
    assert f"{FIRST}. Als Nachweis für die Berechtigung" in accepted
    found = [(kind, text) for kind, text, _ in revisions(target)]
    # the minimal changes: the semicolon and the one letter, never the whole word or sentence
    assert found.count(("del", ";")) == 2 and found.count(("ins", ".")) == 2
    assert ("del", "d") in found and ("ins", "D") in found
    assert ("del", "zum") in found and ("ins", "Als") in found
    assert not any("umfasst" in text or "Bescheinigung" in text for _, text in found)


def test_compose_never_touches_a_full_stop_edit_that_is_no_split():
    text = "Wir prüfen Ihren Antrag. danach melden wir uns."
    other = _fix([(23, 24, ".")])  # replaces "." by "." (no semicolon): not a split, nothing capitalised
    edits, _ = compose([other], include_review=True, text=text)
    assert edits == [Edit(23, 24, ".")]


def test_the_page_accepting_the_split_and_the_next_words_rewrite_gets_both():
    """einfach serve: a person accepts the split and the swap after it one by one; the copy
    gets both, the capital on the swapped word (not a refused overlap)."""
    from einfach.serve.engine import Accepted, _chosen

    result = einfach.check(SENTENCE)
    accepted = [Accepted(f.rule, f.start, f.end, tuple((e["start"], e["end"], e["text"]) for e in f.fix["edits"]))
                for f in result.findings if f.fix and (f.rule == "satzlaenge" or f.text == "zum Nachweis")]
    assert len(accepted) == 2
    fixed = apply_edits(result.text, _chosen(result, accepted))
    assert fixed.startswith(f"{FIRST}. Als Nachweis für die Berechtigung zur Arbeit ist eine Kopie")
    assert fixed == einfach.fix_text(SENTENCE, include_review=True)
