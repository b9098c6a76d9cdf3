"""Issue 17: a sentence that runs over list items is one sentence for satzlaenge and
schachtelsatz, while the items stay segments of their own; split points of satzlaenge
never fall inside a coordinated phrase or before a word that only looks like a relative
pronoun."""

from __future__ import annotations

import pytest

from einfach.checker import check_document
from einfach.readers import read_document
from einfach.rules.kinds.sentence_length import splits

LEAD_IN = "Wir können Ihren Antrag auf Verlängerung Ihrer Aufenthaltserlaubnis nur dann bearbeiten, wenn Sie"
ITEMS = ["Ihren gültigen Pass im Original vorlegen,", "ein aktuelles Foto von Ihnen mitbringen,",
         "die Gebühr von 100 Euro bezahlen."]
LETTER = "Sehr geehrte Frau Muster,\n\n" + LEAD_IN + "\n" + "\n".join(f"- {item}" for item in ITEMS) + \
    "\n\nMit freundlichen Grüßen\n"
NESTED = ("Wir teilen Ihnen mit, dass wir Ihren Antrag erst bearbeiten, wenn Sie\n"
          "- die Nachweise, die wir im Brief genannt haben, schicken,\n- die Gebühr bezahlen.\n")


def _check(nlp, tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return check_document(read_document(str(path)), nlp)


def _only(result, rule):
    found = [f for f in result.findings if f.rule == rule]
    assert len(found) == 1, [(f.rule, f.text) for f in result.findings]
    return found[0]


@pytest.mark.parametrize("name", ["brief.txt", "brief.md"])
def test_sentence_over_list_items_is_one_long_sentence(nlp, tmp_path, name):
    result = _check(nlp, tmp_path, name, LETTER)
    finding = _only(result, "satzlaenge")
    start = LETTER.index(LEAD_IN)
    assert (finding.start, finding.end) == (start, LETTER.index("bezahlen.") + len("bezahlen."))
    assert result.text[finding.start : finding.end] == finding.text
    # the items stay segments of their own; the finding counts their words together
    texts = [result.text[s.start : s.end] for s in result.segments]
    assert texts[1] == LEAD_IN
    assert texts[2:5] == [f"- {item}" for item in ITEMS]
    assert finding.data["words"] == sum(s.words for s in result.segments[1:5]) == 31


def test_each_part_alone_is_short(rules_of):
    assert "satzlaenge" not in rules_of(LEAD_IN + ".")
    for item in ITEMS:
        assert "satzlaenge" not in rules_of(item)


@pytest.mark.parametrize("name", ["brief.txt", "brief.md"])
def test_nesting_over_list_items(nlp, tmp_path, name):
    result = _check(nlp, tmp_path, name, NESTED)
    finding = _only(result, "schachtelsatz")
    assert finding.start == 0 and finding.text.endswith("die Gebühr bezahlen.")
    assert finding.data["clauses"] == 3


def test_list_after_a_finished_sentence_is_not_joined(rules_of):
    text = ("Wir können Ihren Antrag auf Verlängerung Ihrer Aufenthaltserlaubnis erst bearbeiten, wenn alle "
            "Unterlagen da sind.\n- Ihren gültigen Pass im Original vorlegen,\n- ein aktuelles Foto mitbringen.")
    assert "satzlaenge" not in rules_of(text)


def test_checklist_after_a_colon_stays_apart(rules_of):
    items = ["Ihren gültigen Pass im Original", "ein aktuelles biometrisches Foto von Ihnen",
             "den Mietvertrag Ihrer aktuellen Wohnung", "die Gehaltsabrechnungen der letzten drei Monate"]
    checklist = "Bitte bringen Sie zu Ihrem Termin im Bürgerbüro die folgenden Unterlagen mit:\n" + \
        "\n".join(f"- {item}" for item in items)
    assert "satzlaenge" not in rules_of(checklist)
    # punctuated as one sentence, it is one
    sentence = "Bitte bringen Sie zu Ihrem Termin im Bürgerbüro die folgenden Unterlagen mit:\n" + \
        "\n".join(f"- {item}," for item in items[:-1]) + f"\n- {items[-1]}."
    assert "satzlaenge" in rules_of(sentence)


def test_heading_above_a_paragraph_ends_its_sentence(check_text):
    result = check_text("Ihr Antrag vom 1. März\nWir haben Ihren Antrag geprüft und können ihn leider nicht "
                        "bewilligen, weil die Nachweise über Ihr Einkommen fehlen.")
    assert [f.data["words"] for f in result.findings if f.rule == "satzlaenge"] == [18]


def _points(nlp, text):
    """The words after which the sentences of ``text`` may be cut."""
    return [split.after for sentence in nlp(text).sents for split in splits(sentence)]


@pytest.mark.parametrize("text", [
    "Bitte tragen Sie Ihren Vor- und Nachnamen ein und schicken Sie uns das Formular bis zum 1. Oktober zurück.",
    "Wir teilen Ihnen mit, dass Sie die Kosten und Gebühren bis zum 1. Oktober bezahlen müssen.",
])
def test_no_split_inside_a_coordinated_phrase(nlp, text):
    assert not any(point in {"Vor-", "Kosten"} for point in _points(nlp, text))


def test_no_split_before_a_possessive_deren(nlp):
    assert _points(nlp, "Wir haben Ihre Eltern angeschrieben, deren Antrag liegt uns seit Montag vor.") == []


def test_split_before_a_real_relative_clause_at_the_end(nlp):
    # "Ihren Pass": the noun is already known, the clause only adds to it (issue 17, sixth review)
    (split,) = [s for sentence in nlp("Bitte bringen Sie zu Ihrem Termin Ihren Pass mit, den Sie von der Botschaft "
                                      "Ihres Landes bekommen haben.").sents for s in splits(sentence)]
    assert split.first == "Bitte bringen Sie zu Ihrem Termin Ihren Pass mit."
    assert split.second == "Diesen haben Sie von der Botschaft Ihres Landes bekommen."


def test_relative_clause_over_commas_and_article_after_comma(nlp):
    (sentence,) = nlp("Für den Ausweis wird eine Gebühr erhoben, die binnen drei Wochen, spätestens bis zum "
                      "4. November, auf das Konto der Stadtkasse zu überweisen ist.").sents
    assert [s.second for s in splits(sentence)] == ["Diese ist binnen drei Wochen, spätestens bis zum 4. November, …"]
    assert _points(nlp, "Nach dem Gesetz sind Sie verpflichtet, die für die Entscheidung erforderlichen Nachweise "
                        "unverzüglich beizubringen.") == []


def test_no_split_inside_coordinated_adverbs_or_numbers(nlp):
    assert _points(nlp, "Die Kosten sind nach den §§ 66 und 67 AufenthG von Ihnen zu tragen und können gesondert "
                        "geltend gemacht werden.") == []
    assert _points(nlp, "Termine sind online zu buchen, wobei die Sachbearbeiterin dienstags und donnerstags "
                        "erreichbar ist.") == ["buchen"]


@pytest.mark.parametrize("separator", ["\n", "\n\n"])  # items in one paragraph, or one paragraph each
def test_list_without_a_closing_item_is_not_joined(rules_of, separator):
    links = separator.join([
        "Hochschule für Musik Carl Maria von Weber Dresden und Hochschule Mittweida",
        "* [International Office: Studium im Ausland, Partnerhochschulen, Förderung](https://example.org/a)",
        "* [Beratung für Studierende aus dem Ausland und für Gäste](https://example.org/b)"])
    assert "satzlaenge" not in rules_of(links)


def test_items_at_the_start_of_a_paragraph_are_no_lead_in(rules_of):
    items = "\n".join(f"* [Angebot {n} für Familien, Kinder und Jugendliche in Sachsen](https://example.org/{n})"
                      for n in range(4)) + "\n* Weitere Angebote finden Sie auf der Seite des Landes."
    assert "satzlaenge" not in rules_of(items)


# -- list items in paragraphs of their own (blank lines between them, Word list paragraphs) ----

SPACED = "Sehr geehrte Frau Muster,\n\n" + LEAD_IN + "\n\n" + "\n\n".join(f"- {item}" for item in ITEMS) + \
    "\n\nMit freundlichen Grüßen\n"


@pytest.mark.parametrize("name", ["brief.txt", "brief.md"])
def test_sentence_over_item_paragraphs_is_one_long_sentence(nlp, tmp_path, name):
    result = _check(nlp, tmp_path, name, SPACED)
    finding = _only(result, "satzlaenge")
    assert (finding.start, finding.end) == (SPACED.index(LEAD_IN), SPACED.index("bezahlen.") + len("bezahlen."))
    assert result.text[finding.start : finding.end] == finding.text
    assert finding.location.paragraph == 2
    texts = [result.text[s.start : s.end] for s in result.segments]
    assert texts[1:5] == [LEAD_IN] + [f"- {item}" for item in ITEMS]  # the items stay segments
    assert [s.paragraph for s in result.segments[1:5]] == [2, 3, 4, 5]
    assert finding.data["words"] == 31


def test_nesting_over_item_paragraphs(nlp, tmp_path):
    result = _check(nlp, tmp_path, "brief.txt", NESTED.replace("\n-", "\n\n-"))
    finding = _only(result, "schachtelsatz")
    assert finding.start == 0 and finding.text.endswith("die Gebühr bezahlen.")


def test_a_single_full_sentence_item_after_a_colon_stands_alone(check_text):
    text = ("Da Sie trotz unserer Erinnerung die Nachweise nicht vorgelegt haben, ergeht folgende Anordnung:\n\n"
            "- Sie werden verpflichtet, bis zum 13.12.2024 bei der Botschaft persönlich vorzusprechen.\n\n"
            "Mit freundlichen Grüßen")
    assert [f.data["words"] for f in check_text(text).findings if f.rule == "satzlaenge"] == []


def _word_list_letter(path):
    import docx

    document = docx.Document()
    document.add_paragraph("Sehr geehrte Frau Muster,")
    document.add_paragraph(LEAD_IN)
    for item in ITEMS:
        document.add_paragraph(item, style="List Bullet")  # the marker is numbering, not text
    document.add_paragraph("Mit freundlichen Grüßen")
    document.save(path)
    return str(path)


def test_word_list_paragraphs_join_and_the_comment_spans_them(nlp, tmp_path):
    import zipfile

    from docx.oxml.ns import qn
    from lxml import etree

    from einfach.output.docx_comments import annotate

    path = _word_list_letter(tmp_path / "brief.docx")
    result = check_document(read_document(path), nlp)
    finding = _only(result, "satzlaenge")
    assert finding.text.startswith(LEAD_IN) and finding.text.endswith("bezahlen.")
    assert finding.data["words"] == 31 and finding.location.paragraph == 2
    report = annotate(result, str(tmp_path / "kommentiert.docx"))
    assert report.written == len(result.findings) and report.skipped_unmapped == 0
    with zipfile.ZipFile(tmp_path / "kommentiert.docx") as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    starts, ends = {}, {}  # comment id -> number of the paragraph holding its range start / end
    for number, paragraph in enumerate(root.iter(qn("w:p")), start=1):
        for element in paragraph.iter(qn("w:commentRangeStart"), qn("w:commentRangeEnd")):
            (starts if element.tag == qn("w:commentRangeStart") else ends)[element.get(qn("w:id"))] = number
    # the lead-in is paragraph 2, the last item paragraph 5: one comment spans them
    assert any(starts[key] == 2 and ends.get(key) == 5 for key in starts)
