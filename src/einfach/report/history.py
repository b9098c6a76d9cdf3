"""The history database of ``einfach report``: one SQLite file, one row per run.

Where it lives: ``--history FILE``, or ``.einfach/history.sqlite`` beside
the corpus (:func:`default_history`).  docs/report.md describes the schema.

* **Versioned schema.**  ``PRAGMA user_version`` holds the number of
  migrations applied; :data:`MIGRATIONS` lists them in order.  Opening a
  database applies the missing ones, each in its own transaction; a database
  written by a newer einfach (a higher version) is refused, not touched.
* **Concurrency.**  WAL mode (readers never block the writer) and a busy
  timeout.  A run stages its documents in a TEMP table of its own connection
  while it checks — that takes no lock on the history — and then writes the
  whole run in ONE short transaction (:meth:`RunRecorder.commit`).  So two
  runs on the same history can check at the same time; only their final
  writes take turns, and an interrupted run leaves nothing behind.
* **No letter text.**  Documents are stored as counts: words, sentences,
  metrics, findings per rule, Amtsdeutsch terms (lexicon entries), a
  sentence-length histogram.  Flagged passages are stored only when the run
  asks for snippets.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections import Counter
from pathlib import Path

from ..errors import EinfachError

HISTORY_FOLDER = ".einfach"
HISTORY_NAME = "history.sqlite"
BUSY_TIMEOUT_SECONDS = 120.0  # a concurrent run's final write takes seconds, not minutes
FETCH = 500


class HistoryError(EinfachError):
    """The history database cannot be opened or used (exit code 2)."""

    code = "E510"


# -- where the history lives -----------------------------------------------------
def default_history(first_path: str, paths: list[str] | None = None) -> Path:
    """``.einfach/history.sqlite`` in the scanned root: one history per scanned folder.

    ``einfach report briefe/2025`` keeps its runs in ``briefe/2025/.einfach/``
    and ``briefe/2026`` in its own, so two sibling folders never mix their runs
    (``--history FILE`` shares one on purpose).  The scanned root is the
    folder given, a single file's folder, or the deepest common folder of
    ``paths`` (see :func:`einfach.report.scan.scan_root`); the scan passes over
    ``.einfach/`` like every hidden folder.
    """
    from .scan import ReportError, scan_root

    try:
        base = scan_root(list(paths or [first_path]))
    except ReportError:  # a path that does not exist: the run names it
        path = Path(os.path.abspath(first_path))
        base = path if path.suffix == "" else path.parent
    return base / HISTORY_FOLDER / HISTORY_NAME


def root_key(root: Path) -> str:
    """The identity of a scanned folder in the history: a hash of its absolute path
    (stable whatever the current folder; the path itself is not stored)."""
    import hashlib

    return hashlib.sha256(str(Path(os.path.abspath(root))).encode("utf-8")).hexdigest()[:32]


def locate_history(path: str | None) -> Path:
    """The history for ``einfach history [PATH]`` and ``einfach report --compare``.

    PATH may be the history file itself, a folder that holds ``.einfach/``,
    or a corpus path (then the history beside it, as a run would use);
    without PATH: ``./.einfach/history.sqlite``.
    """
    if path is None:
        return Path(HISTORY_FOLDER) / HISTORY_NAME
    candidate = Path(path)
    if candidate.is_file():
        return candidate
    inside = candidate / HISTORY_FOLDER / HISTORY_NAME
    if candidate.is_dir() and inside.is_file():
        return inside
    return default_history(path)


# -- schema ------------------------------------------------------------------------
def _run_script(db: sqlite3.Connection, script: str) -> None:
    """Execute ``;``-separated statements inside the caller's transaction
    (``executescript`` would commit it first)."""
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


def _migration_1(db: sqlite3.Connection) -> None:
    _run_script(
        db,
        """
        CREATE TABLE runs (
            id INTEGER PRIMARY KEY,
            started_at TEXT NOT NULL,
            finished_at TEXT NOT NULL,
            label TEXT,
            einfach_version TEXT NOT NULL,
            profile TEXT,
            model TEXT,
            settings_hash TEXT NOT NULL,
            settings TEXT NOT NULL,
            index_version TEXT,
            root TEXT,
            pseudonymised INTEGER NOT NULL DEFAULT 0,
            key_id TEXT,
            snippets INTEGER NOT NULL DEFAULT 0,
            group_by TEXT,
            documents INTEGER NOT NULL,
            failed INTEGER NOT NULL,
            skipped INTEGER NOT NULL,
            words INTEGER NOT NULL,
            sentences INTEGER NOT NULL,
            findings INTEGER NOT NULL,
            corpus_index REAL,
            findings_per_1000 REAL,
            sentence_lengths TEXT NOT NULL
        );
        CREATE TABLE documents (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE,
            first_run_id INTEGER NOT NULL REFERENCES runs(id)
        );
        CREATE TABLE versions (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id),
            number INTEGER NOT NULL,
            content_hash TEXT NOT NULL,
            first_run_id INTEGER NOT NULL REFERENCES runs(id),
            UNIQUE (document_id, content_hash),
            UNIQUE (document_id, number)
        );
        CREATE TABLE run_documents (
            run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            document_id INTEGER NOT NULL REFERENCES documents(id),
            version_id INTEGER REFERENCES versions(id),
            group_name TEXT,
            status TEXT NOT NULL CHECK (status IN ('ok', 'error')),
            error TEXT,
            content_hash TEXT,
            words INTEGER,
            sentences INTEGER,
            findings INTEGER,
            index_value REAL,
            index_band TEXT,
            index_version TEXT,
            metrics TEXT,
            sentence_lengths TEXT,
            moved_from TEXT,
            PRIMARY KEY (run_id, document_id)
        );
        CREATE INDEX run_documents_hash ON run_documents (run_id, content_hash);
        CREATE TABLE run_findings (
            run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            document_id INTEGER NOT NULL REFERENCES documents(id),
            rule TEXT NOT NULL,
            count INTEGER NOT NULL,
            PRIMARY KEY (run_id, document_id, rule)
        );
        CREATE TABLE run_terms (
            run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            document_id INTEGER NOT NULL REFERENCES documents(id),
            term TEXT NOT NULL,
            count INTEGER NOT NULL,
            PRIMARY KEY (run_id, document_id, term)
        );
        CREATE TABLE snippets (
            run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            document_id INTEGER NOT NULL REFERENCES documents(id),
            rule TEXT NOT NULL,
            text TEXT NOT NULL
        );
        CREATE INDEX snippets_run ON snippets (run_id, document_id);
        """
    )


def _migration_2(db: sqlite3.Connection) -> None:
    """Summaries of checked document versions, for reuse by later runs (see :mod:`einfach.report.reuse`)."""
    _run_script(
        db,
        """
        CREATE TABLE checked (
            content_hash TEXT NOT NULL,
            check_key TEXT NOT NULL,
            summary TEXT NOT NULL,
            run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            PRIMARY KEY (content_hash, check_key)
        );
        """
    )


def _migration_3(db: sqlite3.Connection) -> None:
    """The band of a run's corpus index, as the model of that run named it (issue 19 renamed the bands):
    older runs keep NULL, and a report never re-labels an old index with a newer model's bands."""
    db.execute("ALTER TABLE runs ADD COLUMN corpus_band TEXT")


def _migration_4(db: sqlite3.Connection) -> None:
    """Which folder a run scanned (``root_key``: a hash of its absolute path, so the automatic
    comparison takes the previous run of the same folder) and the skipped files it found
    (``skipped_files``: JSON list of [relative path, reason], none when pseudonymised)."""
    _run_script(db, "ALTER TABLE runs ADD COLUMN root_key TEXT; ALTER TABLE runs ADD COLUMN skipped_files TEXT")


PATH_FIELDS = ("key", "group", "reused")
"""Summary fields that belong to the document's place in this run, not to its content: not reused."""


#: Migration n+1 turns a database of version n into version n+1.  Append, never edit.
MIGRATIONS = [_migration_1, _migration_2, _migration_3, _migration_4]
SCHEMA_VERSION = len(MIGRATIONS)


def _connect(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
    db.row_factory = sqlite3.Row
    db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
    for attempt in range(50):  # another process may be creating the file right now
        try:
            mode = db.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            break
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc):
                raise
            time.sleep(0.1)
    else:  # pragma: no cover - a history locked for five seconds while opening
        raise HistoryError(f"{path}: die Historie ist gesperrt")
    if str(mode).lower() != "wal":  # pragma: no cover - e.g. a network file system without shared memory
        raise HistoryError(f"{path}: WAL-Modus nicht möglich (Journal: {mode}); bitte einen lokalen Ordner wählen")
    db.execute("PRAGMA foreign_keys = ON")
    return db


def migrate(db: sqlite3.Connection, path: Path) -> int:
    """Apply the missing migrations; returns the schema version."""
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise HistoryError(
            f"{path}: die Historie hat Schema-Version {version}; diese einfach-Version kennt nur "
            f"{SCHEMA_VERSION}. Bitte einfach aktualisieren."
        )
    while version < SCHEMA_VERSION:
        db.execute("BEGIN IMMEDIATE")
        try:
            version = db.execute("PRAGMA user_version").fetchone()[0]  # another process may have migrated
            if version < SCHEMA_VERSION:
                MIGRATIONS[version](db)
                version += 1
                db.execute(f"PRAGMA user_version = {version}")
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:  # SQLite may have rolled back already (e.g. disk full)
                db.execute("ROLLBACK")
            raise
    return version


class History:
    """An open history database."""

    def __init__(self, path: str | os.PathLike, create: bool = True):
        self.path = Path(path)
        if not self.path.exists():
            if not create:
                raise HistoryError(
                    f"{self.path}: keine Historie gefunden; zuerst einen Lauf mit "
                    "„einfach report ORDNER“ aufzeichnen oder --history DATEI angeben"
                )
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise HistoryError(f"{self.path}: Ordner kann nicht angelegt werden ({exc.strerror or exc})") from None
        try:
            self.db = _connect(self.path)
            self.schema_version = migrate(self.db, self.path)
        except sqlite3.DatabaseError as exc:
            raise HistoryError(f"{self.path}: keine lesbare einfach-Historie ({exc})") from None

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "History":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- runs --------------------------------------------------------------
    def runs(self) -> list[dict]:
        return [self._run(row) for row in self.db.execute("SELECT * FROM runs ORDER BY id")]

    @staticmethod
    def _run(row: sqlite3.Row) -> dict:
        run = dict(row)
        run["settings"] = json.loads(run["settings"])
        run["sentence_lengths"] = json.loads(run["sentence_lengths"])
        run["pseudonymised"] = bool(run["pseudonymised"])
        run["skipped_files"] = json.loads(run.get("skipped_files") or "[]")
        run["snippets"] = bool(run["snippets"])
        return run

    def run(self, reference: str | int) -> dict:
        """A run by id, or the latest run with this label."""
        text = str(reference).strip()
        row = None
        if text.isdigit():
            row = self.db.execute("SELECT * FROM runs WHERE id = ?", (int(text),)).fetchone()
        if row is None:
            row = self.db.execute("SELECT * FROM runs WHERE label = ? ORDER BY id DESC LIMIT 1", (text,)).fetchone()
        if row is None:
            known = ", ".join(
                f"{r['id']}" + (f" ({r['label']})" if r["label"] else "")
                for r in self.db.execute("SELECT id, label FROM runs ORDER BY id")
            )
            raise HistoryError(f"{self.path}: Lauf '{text}' nicht gefunden (vorhanden: {known or 'keine'})")
        return self._run(row)

    def previous_run(self, run_id: int, root_key: str | None = None) -> dict | None:
        """The run before ``run_id``; with ``root_key`` the one before it that scanned the same folder."""
        if root_key is None:
            row = self.db.execute("SELECT * FROM runs WHERE id < ? ORDER BY id DESC LIMIT 1", (run_id,)).fetchone()
        else:
            row = self.db.execute("SELECT * FROM runs WHERE id < ? AND root_key = ? ORDER BY id DESC LIMIT 1",
                                  (run_id, root_key)).fetchone()
        return self._run(row) if row else None

    def first_run(self, root_key: str | None = None) -> dict | None:
        """The first run (``root_key``: the first of that folder)."""
        if root_key is None:
            row = self.db.execute("SELECT * FROM runs ORDER BY id LIMIT 1").fetchone()
        else:
            row = self.db.execute("SELECT * FROM runs WHERE root_key = ? ORDER BY id LIMIT 1", (root_key,)).fetchone()
        return self._run(row) if row else None

    # -- a run's documents --------------------------------------------------
    def documents(self, run_id: int, metrics: bool = True):
        """The run's documents (dicts), streamed in key order; ``metrics=False`` leaves out the metrics JSON."""
        cursor = self.db.execute(
            f"""
            SELECT rd.run_id, rd.document_id, rd.version_id, rd.group_name, rd.status, rd.error, rd.content_hash,
                rd.words, rd.sentences, rd.findings, rd.index_value, rd.index_band, rd.index_version,
                {'rd.metrics' if metrics else 'NULL AS metrics'}, rd.sentence_lengths, rd.moved_from,
                d.key, v.number AS version, d.first_run_id
            FROM run_documents rd JOIN documents d ON d.id = rd.document_id
            LEFT JOIN versions v ON v.id = rd.version_id
            WHERE rd.run_id = ? ORDER BY d.key
            """,
            (run_id,),
        )
        while rows := cursor.fetchmany(FETCH):
            for row in rows:
                item = dict(row)
                item["metrics"] = json.loads(item["metrics"]) if item["metrics"] else None
                item["sentence_lengths"] = json.loads(item["sentence_lengths"]) if item["sentence_lengths"] else {}
                yield item

    def findings_by_document(self, run_id: int) -> dict[int, dict[str, int]]:
        result: dict[int, dict[str, int]] = {}
        for row in self.db.execute("SELECT document_id, rule, count FROM run_findings WHERE run_id = ?", (run_id,)):
            result.setdefault(row["document_id"], {})[row["rule"]] = row["count"]
        return result

    def rule_totals(self) -> dict[int, dict[str, int]]:
        """Findings per rule of every run: {run id: {rule: count}}."""
        totals: dict[int, dict[str, int]] = {}
        for row in self.db.execute("SELECT run_id, rule, SUM(count) AS n FROM run_findings GROUP BY run_id, rule"):
            totals.setdefault(row["run_id"], {})[row["rule"]] = row["n"]
        return totals

    def term_totals(self, run_id: int) -> Counter:
        return Counter(
            {row["term"]: row["n"] for row in self.db.execute(
                "SELECT term, SUM(count) AS n FROM run_terms WHERE run_id = ? GROUP BY term", (run_id,))}
        )

    def snippets(self, run_id: int) -> list[dict]:
        return [dict(row) for row in self.db.execute(
            "SELECT d.key, s.rule, s.text FROM snippets s JOIN documents d ON d.id = s.document_id "
            "WHERE s.run_id = ? ORDER BY d.key, s.rowid", (run_id,))]

    def checked_summary(self, content_hash: str, check_key: str) -> dict | None:
        """The stored summary of a document version checked with the same key, or None."""
        row = self.db.execute("SELECT summary FROM checked WHERE content_hash = ? AND check_key = ?",
                              (content_hash, check_key)).fetchone()
        return json.loads(row[0]) if row else None

    def recorder(self) -> "RunRecorder":
        return RunRecorder(self)


class RunRecorder:
    """Collects one run's document summaries and writes the run in one transaction.

    :meth:`add` stores each summary in a TEMP table as it arrives (streaming:
    nothing accumulates in memory but a few counters); :meth:`commit` copies
    them into the history and adds the run row in one ``BEGIN IMMEDIATE``
    transaction; :meth:`discard` (or closing the connection) drops them.
    """

    def __init__(self, history: History):
        self.history = history
        self.db = history.db
        self.db.execute("DROP TABLE IF EXISTS temp.staging")
        self.db.execute(
            "CREATE TEMP TABLE staging (key TEXT PRIMARY KEY, data TEXT NOT NULL)"
        )
        self.documents = 0
        self.failed = 0
        self.words = 0
        self.sentences = 0
        self.findings = 0
        self.index_weight = 0
        self.index_sum = 0.0
        self.index_versions: Counter = Counter()
        self.profiles: Counter = Counter()
        self.settings_hashes: set[str] = set()
        self.sentence_lengths: Counter = Counter()

    def add(self, summary: dict) -> None:
        self.db.execute("INSERT OR REPLACE INTO temp.staging (key, data) VALUES (?, ?)",
                        (summary["key"], json.dumps(summary, ensure_ascii=False)))
        if summary["status"] != "ok":
            self.failed += 1
            return
        self.documents += 1
        self.words += summary["words"]
        self.sentences += summary["sentences"]
        self.findings += sum(summary["findings"].values())
        if summary.get("index") is not None and summary["words"]:
            self.index_weight += summary["words"]
            self.index_sum += summary["words"] * summary["index"]
        if summary.get("index_version"):
            self.index_versions[summary["index_version"]] += 1
        self.profiles[summary.get("profile")] += 1
        self.settings_hashes.add(summary.get("settings_hash", ""))
        self.sentence_lengths.update(summary["sentence_lengths"])

    @property
    def corpus_index(self) -> float | None:
        return round(self.index_sum / self.index_weight, 1) if self.index_weight else None

    @property
    def corpus_band(self) -> str | None:
        """The band of :attr:`corpus_index` when every document was scored by the installed model."""
        from ..metrics import band, index_model

        if self.corpus_index is None or set(self.index_versions) != {index_model()["index_version"]}:
            return None
        return band(self.corpus_index)

    @property
    def findings_per_1000(self) -> float | None:
        return round(1000.0 * self.findings / self.words, 1) if self.words else None

    def discard(self) -> None:
        try:
            self.db.execute("DROP TABLE IF EXISTS temp.staging")
        except sqlite3.Error:  # pragma: no cover - the connection is going away anyway
            pass

    def commit(self, meta: dict) -> int:
        """Write the run (``meta``: started_at, label, einfach_version, model, settings,
        settings_hash, root, pseudonymised, key_id, snippets, group_by, skipped) and
        all staged documents in one transaction; returns the run id."""
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            previous = db.execute("SELECT max(id) FROM runs").fetchone()[0]
            profile = self.profiles.most_common(1)[0][0] if self.profiles else meta.get("profile")
            run_id = db.execute(
                """
                INSERT INTO runs (started_at, finished_at, label, einfach_version, profile, model, settings_hash,
                    settings, index_version, root, pseudonymised, key_id, snippets, group_by, documents, failed,
                    skipped, words, sentences, findings, corpus_index, findings_per_1000, sentence_lengths,
                    corpus_band, root_key, skipped_files)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                (
                    meta["started_at"], utc_now(), meta.get("label"), meta["einfach_version"], profile,
                    meta.get("model"), meta["settings_hash"], json.dumps(meta.get("settings", {}), ensure_ascii=False),
                    self.index_versions.most_common(1)[0][0] if self.index_versions else None,
                    meta.get("root"), int(bool(meta.get("pseudonymised"))), meta.get("key_id"),
                    int(bool(meta.get("snippets"))), meta.get("group_by"), self.documents, self.failed,
                    meta.get("skipped", 0), self.words, self.sentences, self.findings, self.corpus_index,
                    self.findings_per_1000, json.dumps(dict(sorted(self.sentence_lengths.items(), key=lambda i: int(i[0])))),
                    self.corpus_band,
                    meta.get("root_key"), json.dumps(meta.get("skipped_files") or [], ensure_ascii=False),
                ),
            ).lastrowid
            cursor = db.execute("SELECT data FROM temp.staging ORDER BY key")
            while rows := cursor.fetchmany(FETCH):
                for (data,) in rows:
                    self._insert_document(run_id, json.loads(data))
            if previous is not None:
                self._detect_moves(run_id, previous)
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:  # SQLite may have rolled back already (e.g. disk full)
                db.execute("ROLLBACK")
            raise
        self.discard()
        return run_id

    def _insert_document(self, run_id: int, summary: dict) -> None:
        db = self.db
        db.execute("INSERT INTO documents (key, first_run_id) VALUES (?, ?) ON CONFLICT (key) DO NOTHING",
                   (summary["key"], run_id))
        document_id = db.execute("SELECT id FROM documents WHERE key = ?", (summary["key"],)).fetchone()[0]
        version_id = None
        content_hash = summary.get("content_hash")
        if content_hash and summary["status"] == "ok":
            row = db.execute("SELECT id FROM versions WHERE document_id = ? AND content_hash = ?",
                             (document_id, content_hash)).fetchone()
            if row is None:
                number = db.execute("SELECT COALESCE(MAX(number), 0) + 1 FROM versions WHERE document_id = ?",
                                    (document_id,)).fetchone()[0]
                version_id = db.execute(
                    "INSERT INTO versions (document_id, number, content_hash, first_run_id) VALUES (?, ?, ?, ?)",
                    (document_id, number, content_hash, run_id),
                ).lastrowid
            else:
                version_id = row[0]
        ok = summary["status"] == "ok"
        db.execute(
            """
            INSERT INTO run_documents (run_id, document_id, version_id, group_name, status, error, content_hash,
                words, sentences, findings, index_value, index_band, index_version, metrics, sentence_lengths)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            (
                run_id, document_id, version_id, summary.get("group"), summary["status"], summary.get("error"),
                content_hash,
                summary.get("words") if ok else None,
                summary.get("sentences") if ok else None,
                sum(summary["findings"].values()) if ok else None,
                summary.get("index") if ok else None,
                summary.get("band") if ok else None,
                summary.get("index_version") if ok else None,
                json.dumps(summary["metrics"], ensure_ascii=False) if ok else None,
                json.dumps(summary["sentence_lengths"]) if ok else None,
            ),
        )
        if not ok:
            return
        if content_hash and summary.get("check_key"):
            reusable = {name: value for name, value in summary.items() if name not in PATH_FIELDS}
            db.execute("INSERT OR REPLACE INTO checked (content_hash, check_key, summary, run_id) VALUES (?, ?, ?, ?)",
                       (content_hash, summary["check_key"], json.dumps(reusable, ensure_ascii=False), run_id))
        db.executemany("INSERT INTO run_findings (run_id, document_id, rule, count) VALUES (?, ?, ?, ?)",
                       [(run_id, document_id, rule, count) for rule, count in sorted(summary["findings"].items())])
        db.executemany("INSERT INTO run_terms (run_id, document_id, term, count) VALUES (?, ?, ?, ?)",
                       [(run_id, document_id, term, count) for term, count in sorted(summary["terms"].items())])
        if summary.get("snippets"):
            db.executemany("INSERT INTO snippets (run_id, document_id, rule, text) VALUES (?, ?, ?, ?)",
                           [(run_id, document_id, rule, text) for rule, text in summary["snippets"]])

    def _detect_moves(self, run_id: int, previous: int) -> None:
        """A document new in this run whose content equals a document of the previous run
        that is gone from this run was moved (or renamed): record ``moved_from``."""
        db = self.db
        vanished: dict[str, list[str]] = {}
        for row in db.execute(
            """
            SELECT p.content_hash, d.key FROM run_documents p JOIN documents d ON d.id = p.document_id
            WHERE p.run_id = ? AND p.content_hash IS NOT NULL AND p.status = 'ok' AND NOT EXISTS (
                SELECT 1 FROM run_documents c WHERE c.run_id = ? AND c.document_id = p.document_id)
            ORDER BY d.key
            """,
            (previous, run_id),
        ):
            vanished.setdefault(row["content_hash"], []).append(row["key"])
        if not vanished:
            return
        arrived = db.execute(
            """
            SELECT c.document_id, c.content_hash FROM run_documents c JOIN documents d ON d.id = c.document_id
            WHERE c.run_id = ? AND c.content_hash IS NOT NULL AND c.status = 'ok' AND NOT EXISTS (
                SELECT 1 FROM run_documents p WHERE p.run_id = ? AND p.document_id = c.document_id)
            ORDER BY d.key
            """,
            (run_id, previous),
        ).fetchall()
        for row in arrived:
            candidates = vanished.get(row["content_hash"])
            if candidates:
                db.execute("UPDATE run_documents SET moved_from = ? WHERE run_id = ? AND document_id = ?",
                           (candidates.pop(0), run_id, row["document_id"]))


def utc_now() -> str:
    from datetime import datetime, timezone

    return datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")
