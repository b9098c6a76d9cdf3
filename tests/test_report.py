"""``einfach report``: runs, the report files, identity of documents, privacy.

Documents are created in each test; most runs use ``--jobs 1`` (checked in
this process with the session's pipeline).  Process pools, Ctrl-C on a real
process and concurrent writers are in tests/test_report_processes.py.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import sqlite3
from pathlib import Path

import lxml.html
import pytest
from click.testing import CliRunner

from einfach.cli import cli

ROOT = Path(__file__).resolve().parents[1]

# Amtsdeutsch, passive voice, one long sentence; "Zwetschgenbaum" makes the text recognisable in bytes.
BAD = (
    "Sehr geehrte Frau Zwetschgenbaum,\n\n"
    "hiermit wird Ihnen gemäß § 28 VwVfG mitgeteilt, dass seitens der hiesigen Behörde beabsichtigt ist, "
    "Ihren Antrag auf Verlängerung der Aufenthaltserlaubnis abzulehnen, sofern die erforderlichen Unterlagen "
    "nicht binnen zwei Wochen fristgerecht vorgelegt werden.\n\n"
    "Etwaige Nachweise sind unverzüglich zwecks Prüfung bei der hiesigen Ausländerbehörde einzureichen.\n"
)
GOOD = (
    "Sehr geehrte Frau Zwetschgenbaum,\n\n"
    "wir wollen Ihren Antrag ablehnen. Sie können uns noch Unterlagen schicken. "
    "Bitte schicken Sie uns die Unterlagen in zwei Wochen.\n\n"
    "Dann prüfen wir alles noch einmal.\n"
)
DISTINCTIVE = "Zwetschgenbaum"


@pytest.fixture()
def runner():
    return CliRunner()


def make(folder: Path, files: dict[str, str | bytes]) -> Path:
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return folder


def report(runner, *args, ok=(0,)):
    result = runner.invoke(cli, ["report", *map(str, args)])
    assert result.exit_code in ok, (result.exit_code, result.output, result.exception)
    return result


def history_rows(db: Path, query: str, *params):
    connection = sqlite3.connect(db)
    try:
        return connection.execute(query, params).fetchall()
    finally:
        connection.close()


def db_bytes(db: Path) -> bytes:
    """The history and its WAL file (unwritten pages live there until a checkpoint)."""
    data = b""
    for path in (db, Path(str(db) + "-wal"), Path(str(db) + "-journal")):
        if path.exists():
            data += path.read_bytes()
    return data


def load_report(out: Path) -> dict:
    return json.loads((out / "report.json").read_text(encoding="utf-8"))


# -- a run and the before/after view -------------------------------------------------
def test_two_runs_show_the_improvement(runner, tmp_path):
    before = make(tmp_path / "original", {"anhoerung.txt": BAD, "amt/frist.txt": BAD + "\nGezeichnet.\n"})
    after = make(tmp_path / "einfach", {"anhoerung.txt": GOOD, "amt/frist.txt": GOOD + "\nGezeichnet.\n"})
    db = tmp_path / "h.sqlite"
    out = tmp_path / "bericht"
    first = report(runner, before, "--label", "vorher", "--history", db, "--jobs", 1, "--out", out)
    assert "Lauf 1 „vorher“ gespeichert" in first.stdout
    assert load_report(out)["before"] is None
    second = report(runner, after, "--label", "nachher", "--history", db, "--jobs", 1, "--out", out)
    assert "Lauf 2 „nachher“ gespeichert" in second.stdout
    data = load_report(out)
    assert data["schema"] == "einfach-report/1"
    assert data["current"]["label"] == "nachher" and data["before"]["label"] == "vorher"
    head = data["headline"]
    if data["has_index"]:
        assert head["kind"] == "index" and head["change_before"] > 0
    assert data["current"]["findings_per_1000"] < data["before"]["findings_per_1000"]
    assert {d["key"] for d in data["documents"]} == {"anhoerung.txt", "amt/frist.txt"}
    assert all(d["status"] == "geändert" and d["version"] == 2 for d in data["documents"])
    terms = {t["term"]: t for t in data["terms"]}
    assert terms["gemäß"]["before"] >= 2 and terms["gemäß"]["now"] == 0 and terms["gemäß"]["change"] < 0
    assert sum(data["sentence_lengths"]["before"]) > 0 and sum(data["sentence_lengths"]["now"]) > 0
    rules = data["rules"]
    assert [run["name"] for run in rules["runs"]] == ["vorher", "nachher"]
    assert rules["series"]["amtsdeutsch"][0] > rules["series"]["amtsdeutsch"][1] == 0
    markdown = (out / "report.md").read_text(encoding="utf-8")
    assert markdown.startswith("# einfach – Korpusbericht: Lauf 2 „nachher“")
    assert "besser" in markdown and "| gemäß |" in markdown
    # identity by relative path: the same two documents, now in their second version
    db_documents = history_rows(db, "SELECT key FROM documents ORDER BY key")
    assert db_documents == [("amt/frist.txt",), ("anhoerung.txt",)]
    assert history_rows(db, "SELECT COUNT(*) FROM versions")[0][0] == 4


def test_documented_corpus_demo(runner, tmp_path, monkeypatch):
    """docs/report.md's demo, verbatim, on a copy of three corpus letters per folder."""
    for folder in ("original", "einfach"):
        target = tmp_path / "corpus" / folder
        target.mkdir(parents=True)
        for slug in ("anhoerung-ablehnung", "termineinladung", "wohnsitzauflage"):
            shutil.copy(ROOT / "corpus" / folder / f"{slug}.docx", target)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(os, "cpu_count", lambda: 1)  # the demo uses the default --jobs; one process keeps this fast
    commands = [line for line in (ROOT / "docs" / "report.md").read_text(encoding="utf-8").splitlines()
                if line.startswith("einfach report corpus/")][:2]
    assert commands == [
        "einfach report corpus/original --label vorher --history corpus/.einfach/history.sqlite --out bericht",
        "einfach report corpus/einfach --label nachher --history corpus/.einfach/history.sqlite --out bericht"]
    for command in commands:
        report(runner, *command.split()[2:])
    assert (tmp_path / "corpus" / ".einfach" / "history.sqlite").is_file()
    data = load_report(tmp_path / "bericht")
    assert data["before"]["label"] == "vorher" and data["current"]["label"] == "nachher"
    assert data["headline"]["kind"] == "index" and data["headline"]["change_before"] > 20
    assert len(data["documents"]) == 3
    assert all(d["index_change"] > 0 for d in data["documents"])
    listing = runner.invoke(cli, ["history", "corpus"])
    assert listing.exit_code == 0 and "vorher" in listing.output and "nachher" in listing.output


def test_default_history_lives_in_the_scanned_folder(tmp_path, monkeypatch):
    from einfach.report.history import default_history, locate_history

    corpus = make(tmp_path / "corpus" / "original", {"a.txt": GOOD})
    monkeypatch.chdir(tmp_path)
    assert default_history("corpus/original") == corpus / ".einfach" / "history.sqlite"
    assert default_history("corpus/original/a.txt") == corpus / ".einfach" / "history.sqlite"
    assert default_history(".") == tmp_path / ".einfach" / "history.sqlite"
    assert default_history("corpus/einfach") == tmp_path / "corpus" / "einfach" / ".einfach" / "history.sqlite"
    monkeypatch.chdir(corpus)
    assert default_history(".") == corpus / ".einfach" / "history.sqlite"
    assert locate_history(None) == Path(".einfach") / "history.sqlite"


def test_new_version_on_content_change_and_unchanged_documents(runner, tmp_path):
    corpus = make(tmp_path / "briefe", {"a.txt": BAD, "b.txt": GOOD})
    db = tmp_path / "h.sqlite"
    report(runner, corpus, "--history", db, "--jobs", 1)
    (corpus / "a.txt").write_text(GOOD + "\nNeu.\n", encoding="utf-8")
    out = tmp_path / "out"
    report(runner, corpus, "--history", db, "--jobs", 1, "--out", out)
    status = {d["key"]: (d["status"], d["version"]) for d in load_report(out)["documents"]}
    assert status == {"a.txt": ("geändert", 2), "b.txt": ("unverändert", 1)}
    assert history_rows(db, "SELECT d.key, COUNT(*) FROM versions v JOIN documents d ON d.id = v.document_id "
                            "GROUP BY d.key ORDER BY d.key") == [("a.txt", 2), ("b.txt", 1)]
    # a third run with the first text again: its old version, not a third one
    (corpus / "a.txt").write_text(BAD, encoding="utf-8")
    report(runner, corpus, "--history", db, "--jobs", 1)
    assert history_rows(db, "SELECT MAX(v.number) FROM run_documents rd JOIN versions v ON v.id = rd.version_id "
                            "WHERE rd.run_id = 3")[0][0] == 1


def test_moved_file_is_recognised(runner, tmp_path):
    corpus = make(tmp_path / "briefe", {"alt/a.txt": BAD, "b.txt": GOOD})
    db = tmp_path / "h.sqlite"
    report(runner, corpus, "--history", db, "--jobs", 1)
    (corpus / "neu").mkdir()
    (corpus / "alt" / "a.txt").rename(corpus / "neu" / "a-umbenannt.txt")
    out = tmp_path / "out"
    report(runner, corpus, "--history", db, "--jobs", 1, "--out", out)
    assert history_rows(db, "SELECT d.key, rd.moved_from FROM run_documents rd JOIN documents d "
                            "ON d.id = rd.document_id WHERE rd.run_id = 2 ORDER BY d.key") == [
        ("b.txt", None), ("neu/a-umbenannt.txt", "alt/a.txt")]
    documents = {d["key"]: d for d in load_report(out)["documents"]}
    moved = documents["neu/a-umbenannt.txt"]
    assert moved["status"] == "verschoben" and moved["moved_from"] == "alt/a.txt"
    assert moved["index_change"] in (0, None) and moved["findings_per_1000_change"] == 0
    assert load_report(out)["removed"] == []
    assert "verschoben von alt/a.txt" in (out / "report.html").read_text(encoding="utf-8")


# -- privacy ------------------------------------------------------------------------------
def test_pseudonymised_paths_keep_identity_and_never_store_the_path(runner, tmp_path):
    corpus = make(tmp_path / "briefe", {"ordnungsamt/bescheid-mueller.txt": BAD, "gruss-schmidt.txt": GOOD})
    folder = tmp_path / "hist"
    db = folder / "history.sqlite"
    out = tmp_path / "out"
    report(runner, corpus, "--history", db, "--jobs", 1, "--pseudonymise-paths")
    key = folder / "key"
    assert key.is_file() and (key.stat().st_mode & 0o777) == 0o600
    secret = key.read_bytes()
    report(runner, corpus, "--history", db, "--jobs", 1, "--pseudonymise-paths", "--out", out, "--csv",
           tmp_path / "t.csv")
    assert key.read_bytes() == secret  # created once
    stored = db_bytes(db)
    for plain in (b"bescheid-mueller", b"gruss-schmidt", str(corpus).encode(), b"briefe"):
        assert plain not in stored, plain
    keys = [k for (k,) in history_rows(db, "SELECT key FROM documents")]
    assert len(keys) == 2 and all(re.fullmatch(r"h:[0-9a-f]{64}", k) for k in keys)
    data = load_report(out)
    assert {d["status"] for d in data["documents"]} == {"unverändert"}  # identity across runs
    for name in ("report.html", "report.md", "report.json", "documents.csv"):
        text = (out / name).read_text(encoding="utf-8")
        assert "mueller" not in text and "schmidt" not in text, name
    assert "mueller" not in (tmp_path / "t.csv").read_text(encoding="utf-8")


def test_no_letter_text_is_stored_without_store_snippets(runner, tmp_path):
    corpus = make(tmp_path / "briefe", {"a.txt": BAD, "b.txt": GOOD})
    db = tmp_path / "h.sqlite"
    report(runner, corpus, "--history", db, "--jobs", 1)
    stored = db_bytes(db)
    assert DISTINCTIVE.encode() not in stored
    assert "Aufenthaltserlaubnis".encode() not in stored
    assert history_rows(db, "SELECT COUNT(*) FROM snippets")[0][0] == 0
    # terms are lexicon entries, not letter text
    assert ("gemäß",) in history_rows(db, "SELECT DISTINCT term FROM run_terms")

    with_snippets = tmp_path / "s.sqlite"
    report(runner, corpus, "--history", with_snippets, "--jobs", 1, "--store-snippets")
    snippets = history_rows(with_snippets, "SELECT rule, text FROM snippets ORDER BY rowid")
    assert ("amtsdeutsch", "gemäß") in snippets
    import einfach

    flagged = [(f.rule, f.text) for name in ("a.txt", "b.txt") for f in einfach.check_file(corpus / name).findings]
    assert sorted(snippets) == sorted(flagged)  # the flagged passages, one per finding, nothing more


# -- groups, CSV, unreadable files ------------------------------------------------------------
def test_group_by_top_and_regex(runner, tmp_path):
    corpus = make(tmp_path / "briefe", {
        "ordnungsamt/a.txt": BAD, "ordnungsamt/b.txt": BAD, "sozialamt/c.txt": GOOD, "d.txt": GOOD,
    })
    out = tmp_path / "out"
    report(runner, corpus, "--history", tmp_path / "h.sqlite", "--jobs", 1, "--group-by", "top", "--out", out)
    groups = {g["group"]: g for g in load_report(out)["groups"]}
    assert set(groups) == {"ordnungsamt", "sozialamt", "(oberste Ebene)"}
    assert groups["ordnungsamt"]["documents"] == 2
    assert groups["ordnungsamt"]["findings_per_1000"] > groups["sozialamt"]["findings_per_1000"]
    html = (out / "report.html").read_text(encoding="utf-8")
    assert 'id="groups-title"' in html and "sozialamt" in html
    assert "## Gruppen" in (out / "report.md").read_text(encoding="utf-8")

    out2 = tmp_path / "out2"
    report(runner, corpus, "--history", tmp_path / "h2.sqlite", "--jobs", 1, "--group-by", r"^(\w+?)amt/",
           "--out", out2)
    assert {g["group"] for g in load_report(out2)["groups"]} == {"ordnungs", "sozial", "(ohne Gruppe)"}

    bad = runner.invoke(cli, ["report", str(corpus), "--history", str(tmp_path / "h3.sqlite"), "--jobs", "1",
                              "--group-by", "(a)(b)"])
    assert bad.exit_code == 2 and "genau eine Gruppe" in bad.output
    assert not (tmp_path / "h3.sqlite").exists()


def test_csv_export(runner, tmp_path):
    corpus = make(tmp_path / "briefe", {"a.txt": BAD, "=b.txt": GOOD})
    target = tmp_path / "tabelle.csv"
    report(runner, corpus, "--history", tmp_path / "h.sqlite", "--jobs", 1, "--csv", target)
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert [row["document"] for row in rows] == ["a.txt", "'=b.txt"]  # no spreadsheet formulas
    first = rows[0]
    assert int(first["words"]) > 20 and int(first["findings"]) > 3
    assert int(first["findings.amtsdeutsch"]) >= 5
    assert float(first["findings_per_1000_words"]) == pytest.approx(1000 * int(first["findings"]) / int(first["words"]), abs=0.1)
    assert first["status"] == "erster Lauf" and first["content_sha256"]


def test_unreadable_and_skipped_files(runner, tmp_path):
    corpus = make(tmp_path / "briefe", {
        "a.txt": BAD, "kaputt.docx": b"das ist kein Word-Dokument", "scan.pdf": b"%PDF-1.4", ".versteckt.txt": "x",
    })
    out = tmp_path / "out"
    result = report(runner, corpus, "--history", tmp_path / "h.sqlite", "--jobs", 1, "--out", out, ok=(2,))
    assert "1 Dokument geprüft, 1 nicht lesbar, 1 übersprungen: scan.pdf (.pdf wird nicht unterstützt)." in result.stdout
    assert "kaputt.docx:" in result.stderr
    data = load_report(out)
    assert [f["key"] for f in data["failures"]] == ["kaputt.docx"]
    assert data["current"]["skipped"] == 1 and data["current"]["failed"] == 1
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "Nicht geprüfte Dateien" in html and "kaputt.docx" in html and "1 Datei übersprungen" in html
    assert "nicht lesbar" in (out / "documents.csv").read_text(encoding="utf-8")


def test_documents_without_index_fall_back_to_findings_per_1000_words(runner, tmp_path):
    corpus = make(tmp_path / "briefe", {"a.txt": "Betreff: Antrag gemäß § 5\n\nIhr Antrag vom 1. Mai\n"})
    out = tmp_path / "out"
    result = report(runner, corpus, "--history", tmp_path / "h.sqlite", "--jobs", 1, "--out", out)
    data = load_report(out)
    assert data["has_index"] is False and data["headline"]["kind"] == "findings_per_1000"
    assert "Kein Einfach-Index" in result.stdout
    assert "keinen Einfach-Index" in (out / "report.html").read_text(encoding="utf-8")


# -- history and --compare ------------------------------------------------------------------------
@pytest.fixture()
def two_runs(runner, tmp_path):
    db = tmp_path / "h.sqlite"
    report(runner, make(tmp_path / "vorher", {"a.txt": BAD}), "--label", "vorher", "--history", db, "--jobs", 1)
    report(runner, make(tmp_path / "nachher", {"a.txt": GOOD}), "--label", "nachher", "--history", db, "--jobs", 1)
    return db


def test_history_lists_runs(runner, two_runs):
    result = runner.invoke(cli, ["history", "--history", str(two_runs)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[1].split()[:3] == ["Lauf", "Zeit", "(UTC)"]
    assert re.match(r"\s*1  \d{4}-\d\d-\d\d \d\d:\d\d:\d\d  vorher\s+1\s+[\d,]+\s+[\d,.]+$", lines[2]), lines[2]
    assert lines[3].split()[3] == "nachher"
    data = json.loads(runner.invoke(cli, ["history", str(two_runs), "--format", "json"]).output)
    assert [run["label"] for run in data["runs"]] == ["vorher", "nachher"]
    assert data["runs"][0]["findings_per_1000"] > data["runs"][1]["findings_per_1000"]
    missing = runner.invoke(cli, ["history", "--history", str(two_runs.parent / "nichts.sqlite")])
    assert missing.exit_code == 2 and "keine Historie gefunden" in missing.output
    assert not (two_runs.parent / "nichts.sqlite").exists()


def test_compare_two_stored_runs_without_checking(runner, two_runs, tmp_path, monkeypatch):
    from einfach.report import worker

    monkeypatch.setattr(worker, "summarise", lambda task: pytest.fail("--compare must not check"))
    out = tmp_path / "vergleich"
    result = runner.invoke(cli, ["report", "--compare", "nachher", "1", "--history", str(two_runs), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "Vergleich Lauf 2 „nachher“ → Lauf 1 „vorher“" in result.output
    data = load_report(out)
    assert data["compare"] is True
    assert data["before"]["label"] == "nachher" and data["current"]["label"] == "vorher"
    assert data["current"]["findings_per_1000"] > data["before"]["findings_per_1000"]
    assert "schlechter" in (out / "report.md").read_text(encoding="utf-8")
    assert [d["status"] for d in data["documents"]] == ["geändert"]
    unknown = runner.invoke(cli, ["report", "--compare", "1", "7", "--history", str(two_runs)])
    assert unknown.exit_code == 2 and "Lauf '7' nicht gefunden" in unknown.output
    wrong = runner.invoke(cli, ["report", "--compare", "1", "2", "--history", str(two_runs), "--label", "x"])
    assert wrong.exit_code == 2 and "--label" in wrong.output
    assert len(history_rows(two_runs, "SELECT id FROM runs")) == 2


# -- the page --------------------------------------------------------------------------------------------
def _luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str = "#ffffff") -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_html_is_self_contained_and_accessible(runner, two_runs, tmp_path):
    out = tmp_path / "out"
    runner.invoke(cli, ["report", "--compare", "1", "2", "--history", str(two_runs), "--out", str(out)])
    page = (out / "report.html").read_text(encoding="utf-8")
    assert not re.search(r"(https?:|ftp:|//[a-z])", page, re.I)  # no URL at all
    assert "src=" not in page.lower() and "@import" not in page and "url(" not in page.replace("url(#", "")
    tree = lxml.html.fromstring(page)
    assert tree.get("lang") == "de"
    levels = [int(h.tag[1]) for h in tree.iter("h1", "h2", "h3", "h4")]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:])), levels  # no skipped heading level
    assert all(th.get("scope") in ("col", "row") for th in tree.iter("th"))
    svgs = tree.xpath("//svg")
    assert len(svgs) == 2
    for svg in svgs:
        assert svg.get("role") == "img"
        title, desc = svg.find("title"), svg.find("desc")
        assert title is not None and title.text_content().strip() and desc is not None and desc.text_content().strip()
        assert set(svg.get("aria-labelledby").split()) == {title.get("id"), desc.get("id")}
        figure = svg.getparent()
        assert figure.tag == "figure" and figure.find("figcaption") is not None
        table = figure.getnext().find("table")  # the data behind the chart
        assert table is not None and len(table.xpath(".//tbody/tr")) >= 1
    colours = set(re.findall(r"#[0-9a-fA-F]{6}\b", page))
    text_colours = set(re.findall(r"(?<![-\w])(?:color|fill|stroke):\s*(#[0-9a-fA-F]{6})", page))
    for colour in set(re.findall(r'(?:fill|stroke)="(#[0-9a-fA-F]{6})"', page)) | text_colours:
        if colour.lower() in ("#ffffff", "#c8c8c8", "#f4f4f4"):
            continue  # backgrounds and the hairlines between table rows
        assert contrast(colour) >= 4.5, colour
    assert colours
    # changes are named in words, not shown by colour alone
    assert "(besser)" in page
    # readable without JavaScript: the table is in the markup, already ordered; the script only adds buttons
    assert tree.xpath("//table[@id='documents']//tbody/tr")
    assert "<button" not in page.split("<script>")[0]
    assert "@media print" in page


def test_charts_and_numbers():
    from einfach.report import charts
    from einfach.report.render import de, verdict

    for colour, _, _ in charts.LINE_STYLES:
        assert contrast(colour) >= 4.5, colour
    assert contrast(charts.GRID) >= 4.5
    assert de(1234.56) == "1.234,6" and de(48.0) == "48,0" and de(None) == "–" and de(12000) == "12.000"
    assert de(-3.25, sign=True) == "−3,2" or de(-3.25, sign=True) == "−3,3"
    assert de(2.0, sign=True) == "+2,0" and de(0.0, sign=True) == "±0,0"
    assert verdict(2, True) == "besser" and verdict(2, False) == "schlechter" and verdict(0, True) == "gleich"
    svg = charts.line_chart("x", "T <1>", "D & E", ["a", "b"], [("r<1>", [1.0, None])], "y")
    assert "T &lt;1&gt;" in svg and "D &amp; E" in svg and "r&lt;1&gt;" in svg
    assert charts.nice_ceiling(73.0) == 100 and charts.nice_ceiling(0.3) == pytest.approx(0.5)


# -- Ctrl-C ----------------------------------------------------------------------------------------------------
def test_interrupted_run_leaves_no_partial_run(runner, tmp_path, monkeypatch):
    from einfach.report.history import RunRecorder

    corpus = make(tmp_path / "briefe", {f"brief-{n}.txt": BAD if n % 2 else GOOD for n in range(5)})
    db = tmp_path / "h.sqlite"
    report(runner, corpus, "--history", db, "--jobs", 1, "--label", "ganz")
    original_add = RunRecorder.add
    calls = []

    def add(self, summary):
        calls.append(summary["key"])
        if len(calls) == 3:
            raise KeyboardInterrupt
        original_add(self, summary)

    monkeypatch.setattr(RunRecorder, "add", add)
    result = runner.invoke(cli, ["report", str(corpus), "--history", str(db), "--jobs", "1", "--label", "halb"])
    assert result.exit_code == 130
    assert result.stderr.strip() == "Abgebrochen: Der Lauf wurde nicht gespeichert; die Historie ist unverändert."
    assert len(calls) == 3
    assert history_rows(db, "SELECT id, label FROM runs") == [(1, "ganz")]
    assert history_rows(db, "SELECT COUNT(*) FROM run_documents")[0][0] == 5
    assert history_rows(db, "PRAGMA integrity_check") == [("ok",)]
    monkeypatch.setattr(RunRecorder, "add", original_add)
    report(runner, corpus, "--history", db, "--jobs", 1, "--label", "danach")
    assert [label for (label,) in history_rows(db, "SELECT label FROM runs ORDER BY id")] == ["ganz", "danach"]


def test_interrupt_during_the_final_write_rolls_back(runner, tmp_path, monkeypatch):
    from einfach.report.history import RunRecorder

    corpus = make(tmp_path / "briefe", {"a.txt": BAD, "b.txt": GOOD})
    db = tmp_path / "h.sqlite"

    def detect(self, run_id, previous):
        raise KeyboardInterrupt

    report(runner, corpus, "--history", db, "--jobs", 1)
    monkeypatch.setattr(RunRecorder, "_detect_moves", detect)
    result = runner.invoke(cli, ["report", str(corpus), "--history", str(db), "--jobs", "1"])
    assert result.exit_code == 130
    assert history_rows(db, "SELECT COUNT(*) FROM runs")[0][0] == 1
    assert history_rows(db, "SELECT COUNT(*) FROM run_documents")[0][0] == 2


def test_output_folder_inside_the_corpus_is_not_scanned(runner, tmp_path):
    corpus = make(tmp_path / "briefe", {"a.txt": GOOD})
    report(runner, corpus, "--history", tmp_path / "h.sqlite", "--jobs", 1, "--out", corpus / "bericht")
    second = report(runner, corpus, "--history", tmp_path / "h.sqlite", "--jobs", 1, "--out", corpus / "bericht")
    assert "1 Dokument geprüft" in second.stdout
    refused = runner.invoke(cli, ["report", str(corpus), "--history", str(tmp_path / "h.sqlite"), "--jobs", "1",
                                  "--csv", str(corpus / "a.txt")])
    assert refused.exit_code == 2 and "Eingabedatei" in refused.output
