"""The public Python API and the checker on .docx input."""

from __future__ import annotations

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import einfach
from einfach.errors import InputError


def test_check_returns_typed_result():
    result = einfach.check("Ihr Antrag wurde abgelehnt. Wir helfen Ihnen gern.")
    assert [f.rule for f in result.findings] == ["passiv"]
    assert result.metrics["sentences"] == 2
    data = result.to_dict()
    assert data["findings"][0]["text"] == "wurde abgelehnt"


def test_check_file_docx_locations(tmp_path):
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Stadt Musterstadt – Ausländerbehörde"
    document.add_paragraph("Sehr geehrte Frau Yilmaz,")
    document.add_paragraph("Ihr Antrag wurde abgelehnt.")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Gebühr"
    table.cell(0, 1).text = "Die Gebühr ist binnen eines Monats zu zahlen."
    path = tmp_path / "brief.docx"
    document.save(path)

    result = einfach.check_file(path)
    text = result.text
    assert text.split("\n\n") == [
        "Sehr geehrte Frau Yilmaz,",
        "Ihr Antrag wurde abgelehnt.",
        "Gebühr",
        "Die Gebühr ist binnen eines Monats zu zahlen.",
        "Stadt Musterstadt – Ausländerbehörde",
    ]
    by_rule = {f.rule + ":" + f.text: f for f in result.findings}
    passive = by_rule["passiv:wurde abgelehnt"]
    assert passive.location.part == "body" and passive.location.paragraph == 2
    binnen = by_rule["amtsdeutsch:binnen"]
    assert binnen.location.part == "table" and binnen.location.paragraph == 4
    assert text[binnen.start : binnen.end] == "binnen"


def test_check_file_unreadable(tmp_path):
    with pytest.raises(InputError):
        einfach.check_file(tmp_path / "fehlt.docx")


words = st.sampled_from(
    ["Antrag", "wurde", "abgelehnt", "gemäß", "z. B.", "§ 82", "Abs.", "«Name»", "{{x}}", "und", ",", ".", "\n", "\n\n",
     "Sehr geehrte", "Antragsteller:innen", "binnen", "ist", "vorzulegen", "wird", "geprüft", "–", "…", "1.", "!"]
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=300), st.lists(words, max_size=60).map(" ".join)))
def test_any_text_gives_consistent_offsets(text):
    result = einfach.check(text)
    for finding in result.findings:
        assert text[finding.start : finding.end] == finding.text
        assert finding.severity in {"info", "warning", "error"}
    for segment in result.segments:
        assert 0 <= segment.start < segment.end <= len(text)
