"""``einfach report`` reuses the stored summary of an unchanged document (same bytes, same check key)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from einfach.cli import cli
from einfach.report import reuse
from test_report import BAD, DISTINCTIVE, GOOD, db_bytes, make

DOCUMENT_COLUMNS = "words, sentences, findings, index_value, index_band, index_version, metrics, sentence_lengths"


def run(folder: Path, db: Path, *args) -> str:
    result = CliRunner().invoke(cli, ["report", str(folder), "--history", str(db), "--jobs", "1", *map(str, args)])
    assert result.exit_code == 0, (result.output, result.exception)
    return result.stdout


def documents(db: Path, run_id: int) -> dict:
    connection = sqlite3.connect(db)
    try:
        rows = connection.execute(
            f"SELECT d.key, {DOCUMENT_COLUMNS} FROM run_documents r JOIN documents d ON d.id = r.document_id "
            "WHERE r.run_id = ?", (run_id,)).fetchall()
        findings = connection.execute(
            "SELECT d.key, f.rule, f.count FROM run_findings f JOIN documents d ON d.id = f.document_id "
            "WHERE f.run_id = ? ORDER BY 1, 2", (run_id,)).fetchall()
        terms = connection.execute(
            "SELECT d.key, t.term, t.count FROM run_terms t JOIN documents d ON d.id = t.document_id "
            "WHERE t.run_id = ? ORDER BY 1, 2", (run_id,)).fetchall()
    finally:
        connection.close()
    return {"documents": sorted(rows), "findings": findings, "terms": terms}


@pytest.fixture()
def corpus(tmp_path):
    return make(tmp_path / "briefe", {"a.txt": BAD, "b/b.txt": GOOD, "c.txt": BAD + "\nGezeichnet.\n"})


def test_a_second_run_reuses_every_unchanged_document_with_the_same_figures(corpus, tmp_path):
    db = tmp_path / "h.sqlite"
    first = run(corpus, db)
    assert "unverändert" not in first
    second = run(corpus, db)
    assert "3 davon unverändert seit einem früheren Lauf" in second
    assert documents(db, 2) == documents(db, 1)


def test_a_changed_document_is_checked_again(corpus, tmp_path):
    db = tmp_path / "h.sqlite"
    run(corpus, db)
    (corpus / "a.txt").write_text(GOOD + "\nBis bald.\n", encoding="utf-8")
    assert "2 davon unverändert" in run(corpus, db)
    before = {row[0]: row[1:] for row in documents(db, 1)["documents"]}
    after = {row[0]: row[1:] for row in documents(db, 2)["documents"]}
    assert after["b/b.txt"] == before["b/b.txt"] and after["c.txt"] == before["c.txt"]
    assert after["a.txt"] != before["a.txt"]


def test_the_same_text_under_another_name_is_reused(corpus, tmp_path):
    db = tmp_path / "h.sqlite"
    run(corpus, db)
    (corpus / "kopie.txt").write_text(GOOD, encoding="utf-8")
    assert "4 davon unverändert" in run(corpus, db)
    after = {row[0]: row[1:] for row in documents(db, 2)["documents"]}
    assert after["kopie.txt"] == after["b/b.txt"]


@pytest.mark.parametrize("extra", [["--ignore", "passiv"], ["--profile", "leicht"], ["--recheck"],
                                   ["--store-snippets"]])
def test_other_settings_or_recheck_check_everything_again(corpus, tmp_path, extra):
    db = tmp_path / "h.sqlite"
    run(corpus, db)
    assert "unverändert" not in run(corpus, db, *extra)


def test_snippets_are_reused_only_from_runs_that_stored_them(corpus, tmp_path):
    db = tmp_path / "h.sqlite"
    run(corpus, db)
    assert DISTINCTIVE.encode() not in db_bytes(db)
    run(corpus, db, "--store-snippets")
    assert "3 davon unverändert" in run(corpus, db, "--store-snippets")
    connection = sqlite3.connect(db)
    try:
        counts = connection.execute("SELECT run_id, count(*) FROM snippets GROUP BY run_id ORDER BY 1").fetchall()
    finally:
        connection.close()
    assert counts[0][0] == 2 and counts[1] == (3, counts[0][1]) and counts[0][1] > 0


def test_a_new_engine_gives_a_new_check_key(monkeypatch):
    from einfach.config import Settings

    settings = Settings()
    key = reuse.check_key(settings, None, False)
    assert key == reuse.check_key(Settings(), None, False)
    assert key != reuse.check_key(settings, "de_core_news_md", False)
    assert key != reuse.check_key(settings, None, True)
    reuse.engine_fingerprint.cache_clear()
    monkeypatch.setattr(reuse, "rules_fingerprint", lambda: "other rules")
    try:
        assert key != reuse.check_key(settings, None, False)
    finally:
        reuse.engine_fingerprint.cache_clear()


def test_an_unreadable_document_is_never_reused(corpus, tmp_path):
    db = tmp_path / "h.sqlite"
    (corpus / "kaputt.docx").write_bytes(b"kein Word")
    result = CliRunner().invoke(cli, ["report", str(corpus), "--history", str(db), "--jobs", "1"])
    assert result.exit_code == 2
    result = CliRunner().invoke(cli, ["report", str(corpus), "--history", str(db), "--jobs", "1"])
    assert result.exit_code == 2 and "3 davon unverändert" in result.stdout
