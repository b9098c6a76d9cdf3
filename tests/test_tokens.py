"""Gender forms and template placeholders."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("form", ["Antragsteller:innen", "Antragsteller*innen", "AntragstellerInnen", "Antragsteller_innen"])
def test_gender_form_is_one_token(nlp, form):
    doc = nlp(f"Alle {form} zahlen eine Gebühr.")
    assert form in [t.text for t in doc]


@pytest.mark.parametrize("placeholder", ["«Name»", "{{vorname}}", "[Datum]", "«Vorname Nachname»", "{{ aktenzeichen }}"])
def test_placeholder_is_one_opaque_token(nlp, placeholder):
    doc = nlp(f"Sehr geehrte Frau {placeholder}, Ihr Termin ist am Montag.")
    tokens = [t for t in doc if t.text == placeholder]
    assert len(tokens) == 1
    assert tokens[0]._.einfach_placeholder
    assert tokens[0].tag_ == "NE"


def test_placeholder_is_never_flagged(check_text):
    result = check_text("Bitte kommen Sie am «Termin_gemäß_Bescheid» zu uns.")
    assert all("«" not in f.text for f in result.findings)


def test_markdown_link_target_is_never_flagged(check_text):
    # the URL and its title are not read: "dienststellen" inside them is no Amtsdeutsch (#17)
    text = '* [Studium](https://example.org/suche/dienststellen?ort=Sachsen "Dienststellen in Sachsen")\n\nDas ist gut.'
    result = check_text(text)
    target = text.index("](") + 1
    assert not [f for f in result.findings if f.start >= target and f.end <= text.index(")\n") + 1]
