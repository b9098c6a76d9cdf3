"""Issue 16: the report's history belongs to the folder it scanned."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from test_report import BAD, GOOD, history_rows, load_report, make, report


@pytest.fixture()
def runner():
    return CliRunner()


def test_sibling_folders_keep_their_own_history(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    a = make(tmp_path / "briefe" / "2025", {"a.txt": BAD})
    b = make(tmp_path / "briefe" / "2026", {"b.txt": GOOD})
    report(runner, a, "--jobs", 1, "--out", tmp_path / "ra")
    second = report(runner, b, "--jobs", 1, "--out", tmp_path / "rb")
    assert "Lauf 1 gespeichert in briefe/2026/.einfach/history.sqlite" in second.stdout
    assert (a / ".einfach" / "history.sqlite").is_file() and (b / ".einfach" / "history.sqlite").is_file()
    assert load_report(tmp_path / "rb")["before"] is None
    third = report(runner, a, "--jobs", 1, "--out", tmp_path / "ra")
    assert "Lauf 2 gespeichert" in third.stdout and "1 Dokument geprüft" in third.stdout  # .einfach/ not scanned


def test_shared_history_compares_runs_of_the_same_folder(runner, tmp_path):
    db = tmp_path / "geteilt.sqlite"
    a = make(tmp_path / "a", {"brief.txt": BAD})
    b = make(tmp_path / "b", {"brief.txt": GOOD})
    report(runner, a, "--label", "a1", "--history", db, "--jobs", 1, "--out", tmp_path / "r")
    report(runner, b, "--label", "b1", "--history", db, "--jobs", 1, "--out", tmp_path / "r")
    data = load_report(tmp_path / "r")
    assert data["before"]["label"] == "a1"  # no earlier run of b: the run before, with a note
    assert any("einem Lauf über einen anderen Ordner" in w for w in data["warnings"])
    report(runner, a, "--label", "a2", "--history", db, "--jobs", 1, "--out", tmp_path / "r")
    data = load_report(tmp_path / "r")
    assert data["before"]["label"] == "a1" and data["first"]["label"] == "a1"
    assert not any("anderen Ordner" in w for w in data["warnings"])
    report(runner, "--compare", "b1", "a2", "--history", db, "--out", tmp_path / "c")
    data = load_report(tmp_path / "c")
    assert (data["before"]["label"], data["current"]["label"]) == ("b1", "a2")
    assert len({row[0] for row in history_rows(db, "SELECT root_key FROM runs")}) == 2


def test_a_run_without_documents_gets_no_settings_note(runner, tmp_path):
    db = tmp_path / "h.sqlite"
    corpus = make(tmp_path / "briefe", {"a.txt": GOOD})
    report(runner, corpus, "--history", db, "--jobs", 1, "--out", tmp_path / "r")
    (corpus / "a.txt").unlink()
    (corpus / "scan.pdf").write_bytes(b"%PDF-1.4")
    result = report(runner, corpus, "--history", db, "--jobs", 1, "--out", tmp_path / "r")
    assert "0 Dokumente geprüft, 0 nicht lesbar, 1 übersprungen: scan.pdf (.pdf wird nicht unterstützt)." in result.stdout
    data = load_report(tmp_path / "r")
    assert not any("unterschiedlichen Einstellungen" in w for w in data["warnings"])
    assert data["current"]["skipped_files"] == [["scan.pdf", ".pdf wird nicht unterstützt"]]
    assert "übersprungen,,,,,,,,,,,,,,.pdf wird nicht unterstützt" in (tmp_path / "r" / "documents.csv").read_text(
        encoding="utf-8")


def test_progress_shows_no_time_estimate(monkeypatch):
    import click

    from einfach.report import run

    seen = {}

    def progressbar(**kwargs):
        seen.update(kwargs)
        raise StopIteration

    monkeypatch.setattr(click, "progressbar", progressbar)
    with pytest.raises(StopIteration):
        run._progress(10)
    assert seen["show_eta"] is False and seen["show_pos"] is True
