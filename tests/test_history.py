"""The history database: schema version, migrations, WAL, run recording."""

from __future__ import annotations

import sqlite3

import pytest

from einfach.report import history as history_module
from einfach.report.history import SCHEMA_VERSION, History, HistoryError


def summary(key: str, content_hash: str, words: int = 100, index: float | None = 50.0, findings=None) -> dict:
    return {
        "key": key, "group": None, "status": "ok", "error": None, "content_hash": content_hash, "words": words,
        "sentences": 5, "index": index, "band": "mittel", "index_version": "test", "metrics": {"words": words},
        "sentence_lengths": {"16": 5}, "findings": findings or {"passiv": 2}, "terms": {"gemäß": 1},
        "snippets": None, "settings_hash": "s", "profile": "einfach",
    }


META = {"started_at": "2026-01-01T00:00:00Z", "einfach_version": "test", "settings_hash": "x", "settings": {}}


def test_a_new_history_gets_the_current_schema_and_reopens(tmp_path):
    path = tmp_path / "sub" / "history.sqlite"
    with History(path) as history:
        assert history.schema_version == SCHEMA_VERSION
        assert history.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert history.db.execute("PRAGMA busy_timeout").fetchone()[0] >= 10_000
        recorder = history.recorder()
        recorder.add(summary("a.txt", "h1"))
        run_id = recorder.commit({**META, "label": "eins"})
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    tables = {name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"runs", "documents", "versions", "run_documents", "run_findings", "run_terms", "snippets"} <= tables
    connection.close()
    with History(path) as again:  # re-opening applies nothing and keeps the run
        assert [run["label"] for run in again.runs()] == ["eins"]
        assert again.run(run_id)["corpus_index"] == 50.0 and again.run("eins")["id"] == run_id


def test_an_empty_file_is_migrated(tmp_path):
    path = tmp_path / "history.sqlite"
    path.write_bytes(b"")
    with History(path) as history:
        assert history.schema_version == SCHEMA_VERSION
        assert history.runs() == []


def test_migrations_run_in_order_and_once(tmp_path, monkeypatch):
    path = tmp_path / "history.sqlite"
    with History(path):
        pass
    calls = []

    def second(db):
        calls.append("2")
        db.execute("ALTER TABLE runs ADD COLUMN comment TEXT")

    monkeypatch.setattr(history_module, "MIGRATIONS", history_module.MIGRATIONS + [second])
    monkeypatch.setattr(history_module, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with History(path) as history:
        assert history.schema_version == SCHEMA_VERSION + 1
        assert "comment" in {row[1] for row in history.db.execute("PRAGMA table_info(runs)")}
    with History(path):
        pass
    assert calls == ["2"]


def test_a_failing_migration_changes_nothing(tmp_path, monkeypatch):
    path = tmp_path / "history.sqlite"
    with History(path):
        pass

    def broken(db):
        db.execute("ALTER TABLE runs ADD COLUMN half TEXT")
        raise RuntimeError("kaputt")

    monkeypatch.setattr(history_module, "MIGRATIONS", history_module.MIGRATIONS + [broken])
    monkeypatch.setattr(history_module, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with pytest.raises(RuntimeError):
        History(path)
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert "half" not in {row[1] for row in connection.execute("PRAGMA table_info(runs)")}
    connection.close()


def test_a_newer_schema_or_a_foreign_file_is_refused(tmp_path):
    path = tmp_path / "history.sqlite"
    with History(path):
        pass
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    connection.close()
    with pytest.raises(HistoryError, match="neuere|aktualisieren"):
        History(path)
    other = tmp_path / "brief.sqlite"
    other.write_bytes(b"kein SQLite " * 100)
    with pytest.raises(HistoryError, match="keine lesbare einfach-Historie"):
        History(other)
    with pytest.raises(HistoryError, match="keine Historie gefunden"):
        History(tmp_path / "fehlt.sqlite", create=False)


def test_discarded_run_leaves_nothing(tmp_path):
    path = tmp_path / "history.sqlite"
    with History(path) as history:
        recorder = history.recorder()
        recorder.add(summary("a.txt", "h1"))
        recorder.discard()
        assert history.runs() == []
        assert history.db.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 0


def test_versions_moves_and_aggregates(tmp_path):
    with History(tmp_path / "history.sqlite") as history:
        recorder = history.recorder()
        recorder.add(summary("a.txt", "h1", words=100, index=40.0, findings={"passiv": 2, "amtsdeutsch": 3}))
        recorder.add(summary("b.txt", "h2", words=300, index=80.0))
        first = recorder.commit(META)
        run = history.run(first)
        assert run["corpus_index"] == 70.0  # word-weighted: (100*40 + 300*80) / 400
        assert run["findings"] == 7 and run["findings_per_1000"] == 17.5
        assert run["sentence_lengths"] == {"16": 10}
        recorder = history.recorder()
        recorder.add(summary("a.txt", "h1-neu"))
        recorder.add(summary("c/b.txt", "h2"))  # b.txt moved
        second = recorder.commit(META)
        rows = {row["key"]: row for row in history.documents(second)}
        assert rows["a.txt"]["version"] == 2 and rows["a.txt"]["moved_from"] is None
        assert rows["c/b.txt"]["moved_from"] == "b.txt" and rows["c/b.txt"]["version"] == 1
        assert history.rule_totals()[first] == {"passiv": 4, "amtsdeutsch": 3}
        assert history.term_totals(second)["gemäß"] == 2
