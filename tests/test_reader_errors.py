"""An exception that no known kind of bad input causes (perhaps a reader bug) still gives the
user a German message, naming the exception's type, and makes the tests fail (tests/conftest.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import docx as python_docx
import pytest

from einfach.errors import InputError
from einfach.readers import docx as docx_reader
from einfach.readers import odt as odt_reader

CONFTEST = Path(__file__).with_name("conftest.py")


def a_docx(tmp_path) -> str:
    path = tmp_path / "brief.docx"
    document = python_docx.Document()
    document.add_paragraph("Ihr Antrag wurde abgelehnt.")
    document.save(path)
    return str(path)


def broken_walk(self):
    raise ValueError("ein Fehler im Leser")


@pytest.mark.reader_bugs_allowed
def test_value_error_in_the_docx_reader_keeps_the_message_and_names_the_type(tmp_path, monkeypatch):
    monkeypatch.setattr(docx_reader._Reader, "walk", broken_walk)
    with pytest.raises(InputError) as caught:
        docx_reader.read_docx(a_docx(tmp_path))
    assert caught.value.problem == ("ist keine gültige .docx-Datei (beschädigt oder kein Word-Dokument) "
                                    "(ValueError: ein Fehler im Leser)")


@pytest.mark.reader_bugs_allowed
def test_other_exception_in_the_odt_reader_names_the_type(tmp_path, monkeypatch):
    def broken(self):
        raise KeyError("fehlt")

    monkeypatch.setattr(odt_reader._Reader, "walk", broken)
    path = tmp_path / "brief.odt"
    import zipfile

    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("content.xml", "<x/>")
    with pytest.raises(InputError) as caught:
        odt_reader.read_odt(str(path))
    assert caught.value.problem == "konnte nicht gelesen werden (KeyError: 'fehlt')"


def test_a_reader_bug_fails_the_test_that_met_it(tmp_path):
    """Without the marker, the same bug makes the test fail, although the reader gave a message."""
    (tmp_path / "conftest.py").write_text(CONFTEST.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "test_bug.py").write_text(
        "import docx, pytest\n"
        "from einfach.errors import InputError\n"
        "from einfach.readers import docx as reader\n\n"
        "def test_reads(tmp_path, monkeypatch):\n"
        "    path = tmp_path / 'a.docx'\n"
        "    docx.Document().save(path)\n"
        "    monkeypatch.setattr(reader._Reader, 'walk', lambda self: int('x'))\n"
        "    with pytest.raises(InputError):\n"
        "        reader.read_docx(str(path))\n",
        encoding="utf-8")
    env = {key: value for key, value in os.environ.items() if key != "EINFACH_STRICT_SKIPS"}
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "test_bug.py"],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 1, done.stdout
    assert "1 passed, 1 error" in done.stdout
    assert "reader exceptions that are not expected input errors" in done.stdout
    assert "ValueError: invalid literal for int()" in done.stdout
