"""Property-based tests: whatever the text, the checker neither fails nor lies about offsets.

For arbitrary Unicode text (control characters, combining marks, right-to-left
scripts, emoji, long words, lone punctuation, ``\\r\\n``), arbitrary paragraph
structures in text files and generated .docx files (paragraphs, formatted
runs, tables, headers and footers), checking never raises and

* every finding satisfies ``text[start:end] == finding.text`` in the file's
  extracted text, and its line and column match that offset;
* every segment is a non-empty range inside the text, segments are in order
  and do not overlap;
* the JSON output renders and reads back with the same findings.

Examples are kept few and short (the tagger's cost grows fast with word
length), so the file runs in well under 30 seconds.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import docx
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from einfach.checker import check_document
from einfach.document import INVISIBLE_CHARACTERS
from einfach.findings import CheckResult
from einfach.output.json import render
from einfach.readers import file_kind, read_document
from einfach.readers.text import document_from_text

WORDS = [
    "Antrag", "wurde", "abgelehnt", "Sie", "Ihr", "gemäß", "§", "82", "Abs.", "1", "AufenthG", "z. B.", "bzw.",
    "Bescheid", "Widerspruch", "innerhalb", "eines", "Monats", "nach", "Bekanntgabe", "Frau", "Yılmaz", "Straße",
    "01.10.2024", "10.30", "Uhr", "100,00", "EUR", "«Name»", "{{vorname}}", "Antragsteller:innen", "https://example.org",
    "info@example.org", "Kfz-Steuer", "e\u0301", "A\u0308rger", "\u05e9\u05dc\u05d5\u05dd", "\u0645\u0631\u062d\u0628\u0627",
    "\U0001F600", "\U0001F1E9\U0001F1EA", "👩‍👩‍👧", "\u200b", "\u00ad", "\ufeff", "Donaudampfschifffahrtsgesellschaft",
    "Rechtsbehelfsbelehrungsverordnungsentwurf",
]
PUNCTUATION = [".", ",", "!", "?", "…", ":", ";", "–", "-", "„", "“", "(", ")", "\"", "'", "...", "§§", "*", "/"]
SEPARATORS = [" ", " ", " ", "  ", "\t", "\n", "\r\n", "\n\n", "\r\n\r\n", "\n \n", "\u00a0", "\u2028", "\x0b", "\x0c"]

# any code point but surrogates (which a str read from a file cannot hold); short
any_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=120)
# German-like text made of the pieces letters are made of
token = st.sampled_from(WORDS) | st.sampled_from(PUNCTUATION) | st.text(
    st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=12
)
letter_like = st.lists(st.tuples(token, st.sampled_from(SEPARATORS)), max_size=40).map(
    lambda pairs: "".join(word + separator for word, separator in pairs)
)

FAST = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def assert_consistent(file, text: str) -> None:
    """The offsets contract of docs/definitions.md, for one FileResult."""
    assert file.text == text
    for finding in file.findings:
        assert 0 <= finding.start <= finding.end <= len(text)
        assert text[finding.start:finding.end] == finding.text
        assert finding.location.line == text.count("\n", 0, finding.start) + 1
        assert finding.location.column == finding.start - (text.rfind("\n", 0, finding.start) + 1) + 1
    previous_end = 0
    for segment in file.segments:
        assert 0 <= segment.start < segment.end <= len(text)
        assert segment.start >= previous_end
        previous_end = segment.end
    data = json.loads(render(CheckResult(files=[file])))
    (entry,) = data["files"]
    assert [(f["start"], f["end"], f["text"]) for f in entry["findings"]] == [
        (f.start, f.end, f.text) for f in file.findings
    ]
    assert [(s["start"], s["end"]) for s in entry["sentences"]] == [(s.start, s.end) for s in file.segments]


@FAST
@given(st.one_of(any_text, letter_like))
def test_any_text_through_the_checker(nlp, text):
    file = check_document(document_from_text("<text>", text), nlp)
    assert_consistent(file, text)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    paragraphs=st.lists(letter_like, max_size=6),
    separators=st.lists(st.sampled_from(["\n\n", "\n \n", "\r\n\r\n", "\n\n\n\n", "\n", "\r\n", " \t\n\t \n"]),
                        min_size=6, max_size=6),
    suffix=st.sampled_from([".txt", ".md"]),
    bom=st.booleans(),
)
def test_text_files_with_any_paragraph_structure(nlp, paragraphs, separators, suffix, bom):
    text = "".join(p + s for p, s in zip(paragraphs, separators)).replace("\x00", "")  # NUL: binary, refused
    assume(file_kind(text.encode("utf-8")) is None)  # "%PDF-..." is refused as a PDF
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"brief{suffix}"
        path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
        document = read_document(str(path))
    if text.startswith("\ufeff") and not bom:
        text = text[1:]  # the same bytes as a byte-order mark, which is dropped
    assert document.text == text
    for paragraph in document.paragraphs:
        assert text[paragraph.start:paragraph.end] == paragraph.text and paragraph.text.strip()
    assert_consistent(check_document(document, nlp), text)


# python-docx writes text into XML: no control characters but tab and line break; "\r" becomes a break
xml_text = st.lists(
    st.characters(blacklist_categories=("Cs", "Cc", "Cn"), blacklist_characters="\ufffe\uffff")
    | st.sampled_from(["\t", "\n", " ", "  "]) | st.sampled_from(WORDS),
    max_size=12,
).map("".join)
runs = st.lists(st.tuples(xml_text, st.booleans(), st.booleans(), st.booleans()), min_size=1, max_size=4)
block = st.one_of(
    st.tuples(st.just("p"), runs),
    st.tuples(st.just("table"), st.lists(st.lists(xml_text, min_size=1, max_size=3), min_size=1, max_size=3)),
)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(blocks=st.lists(block, max_size=6), header=xml_text, footer=xml_text)
def test_generated_docx_files(nlp, blocks, header, footer):
    document = docx.Document()
    expected: list[str] = []
    for kind, content in blocks:
        if kind == "p":
            paragraph = document.add_paragraph()
            for text, bold, italic, underline in content:
                run = paragraph.add_run(text)
                run.bold, run.italic, run.underline = bold, italic, underline
            expected.append("".join(text for text, *_ in content))
        else:
            columns = max(len(row) for row in content)
            table = document.add_table(rows=len(content), cols=columns)
            for r, row in enumerate(content):
                for c in range(columns):
                    table.cell(r, c).text = row[c] if c < len(row) else ""
                    expected.append(row[c] if c < len(row) else "")
    document.sections[0].header.paragraphs[0].text = header
    document.sections[0].footer.paragraphs[0].text = footer
    expected += [header, footer]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "brief.docx"
        document.save(path)
        read = read_document(str(path))
    # soft hyphens, zero-width spaces and word joiners are not shown, so the reader drops them
    shown = [text.translate(str.maketrans("", "", INVISIBLE_CHARACTERS)) for text in expected]
    assert [p.text for p in read.paragraphs] == [text for text in shown if text.strip()]
    assert_consistent(check_document(read, nlp), read.text)
