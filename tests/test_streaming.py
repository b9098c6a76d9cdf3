"""Large inputs (issues 7 and 8): the checker as a stream and the formats written piece by piece.

The streamed output of every streaming format must be identical to
``render(result)`` of the collected result.  Chunks are made small
(``MAX_CHUNK_CHARS``), so long paragraphs arrive in many pieces.  JSON and
JSON Lines are also compared with ``json.dumps(result.to_dict())`` and a
line per finding, which is how they were written before they streamed.
"""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from einfach import checker
from einfach.atomic import OutputError, open_atomic
from einfach.checker import check_document, check_paths, check_stream, stream_paths
from einfach.cli import cli
from einfach.findings import Chunk, FileSummary, InputFailure
from einfach.metrics import document_metrics
from einfach.output import FORMATS, renderer, writer
from einfach.output import stream as streaming
from einfach.readers import read_document

STREAMING = ["human", "json", "jsonl", "sarif", "github"]
SENTENCES = [
    "Ihr Antrag auf Wohngeld vom 3. März 2024 wurde von der zuständigen Behörde geprüft.",
    "Gemäß § 82 Abs. 1 AufenthG sind Sie verpflichtet, Ihre Belange unverzüglich geltend zu machen.",
    "Wir haben Ihren Brief bekommen und danken Ihnen dafür.",
    "Hiermit wird Ihnen mitgeteilt, dass die Leistungen ab dem nächsten Monat eingestellt werden.",
    "Haben Sie Fragen? Dann rufen Sie uns bitte an.",
]
SUPPRESSED = (
    "Sehr geehrte Frau Yılmaz,\n\n"
    "<!-- einfach: ignore passiv -->\n\n"
    "Ihr Antrag wurde von der Behörde abgelehnt, weil die Unterlagen nicht fristgerecht vorgelegt worden sind.\n\n"
    "<!-- einfach: off -->\n\n"
    "Die Unterlagen wurden geprüft und gemäß § 5 beschieden.\n\n"
    "<!-- einfach: on -->\n\n"
    "Die Unterlagen wurden geprüft. Die Unterlagen wurden geprüft.\n\n"
    "<!-- einfach: ignore amtsdeutsch -->\n\n"
    "Wir danken Ihnen.\n\n"
    "Rechtsbehelfsbelehrung\n\n"
    "Gegen diesen Bescheid kann innerhalb eines Monats nach Bekanntgabe Widerspruch erhoben werden.\n"
)


@pytest.fixture(autouse=True)
def small_chunks(monkeypatch):
    monkeypatch.setattr(checker, "MAX_CHUNK_CHARS", 400)


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    """Several files: long paragraphs, suppressions and exclusions, an empty file, a .docx, a missing file."""
    folder = tmp_path_factory.mktemp("stream")
    long_text = "\n\n".join(
        " ".join(SENTENCES[(i + j) % len(SENTENCES)] for j in range(12)) for i in range(3)
    ) + "\nLetzte Zeile ohne Punkt\n"
    files = {
        "lang.txt": long_text,
        "unterdrueckt.md": SUPPRESSED,
        "leer.txt": "",
        "nur-zeichen.txt": "--- *** ---\n",
    }
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    docx = sorted((Path(__file__).resolve().parents[1] / "corpus" / "original").glob("*.docx"))[0]
    (folder / "brief.docx").write_bytes(docx.read_bytes())
    return [str(folder / "lang.txt"), str(folder / "fehlt.txt"), str(folder / "unterdrueckt.md"),
            str(folder / "leer.txt"), str(folder / "brief.docx"), str(folder / "nur-zeichen.txt")]


def streamed(name: str, paths: list[str], **options) -> str:
    out = io.StringIO()
    streaming.write(writer(name)(out, **options), stream_paths(paths))
    return out.getvalue()


def test_stream_yields_chunks_in_text_order_then_a_summary(inputs, nlp):
    items = list(check_stream(read_document(inputs[0]), nlp))
    chunks, summary = items[:-1], items[-1]
    assert isinstance(summary, FileSummary) and all(isinstance(c, Chunk) for c in chunks)
    assert len(chunks) > 3
    findings = [f for c in chunks for f in c.findings]
    segments = [s for c in chunks for s in c.segments]
    assert findings == sorted(findings, key=lambda f: (f.start, f.end, f.rule))
    assert [s.start for s in segments] == sorted(s.start for s in segments)
    assert summary.metrics == document_metrics(segments, findings)


@pytest.mark.parametrize("index", [0, 2, 3, 4, 5])
def test_summary_and_collected_result_agree(inputs, nlp, index):
    document = read_document(inputs[index])
    result = check_document(document, nlp)
    summary = list(check_stream(read_document(inputs[index]), nlp))[-1]
    assert summary == FileSummary.of(result)
    assert summary.metrics == result.metrics
    assert summary.failing() == bool(check_paths([inputs[index]]).failing())


def test_collected_check_paths_is_unchanged(inputs):
    result = check_paths(inputs)
    assert [f.path for f in result.files] == [p for p in inputs if "fehlt" not in p]
    assert [e.path for e in result.errors] == [inputs[1]]
    suppressed = result.files[1]
    assert suppressed.suppressed >= 1 and suppressed.excluded and suppressed.unused_suppressions
    assert result.files[2].notes == ["Die Datei enthält keinen Text; nichts zu prüfen."]


@pytest.mark.parametrize("name", STREAMING)
def test_streamed_output_is_identical_to_render(inputs, name):
    assert writer(name) is not None
    assert streamed(name, inputs) == renderer(name)(check_paths(inputs))


@pytest.mark.parametrize("name", ["junit", "html"])
def test_collecting_formats_have_no_writer(name):
    assert writer(name) is None


def test_json_is_json_dumps_of_the_result(inputs):
    result = check_paths(inputs)
    text = streamed("json", inputs)
    assert text == json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n"
    assert json.loads(text)["files"][2]["sentences"] == []


def test_json_with_no_file_and_only_errors(tmp_path):
    paths = [str(tmp_path / "fehlt.txt")]
    result = check_paths(paths)
    assert streamed("json", paths) == json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n"
    assert streamed("json", []) == json.dumps(check_paths([]).to_dict(), ensure_ascii=False, indent=2) + "\n"


def test_json_arrays_that_move_to_temporary_files(inputs, monkeypatch):
    monkeypatch.setattr(streaming, "SPOOL_BYTES", 64)
    result = check_paths(inputs)
    assert streamed("json", inputs) == json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n"


def test_jsonl_is_one_line_per_finding(inputs):
    result = check_paths(inputs)
    lines = [json.dumps({"path": f.path, **x.to_dict()}, ensure_ascii=False) for f in result.files for x in f.findings]
    lines += [json.dumps({"path": e.path, "error": e.message}, ensure_ascii=False) for e in result.errors]
    assert streamed("jsonl", inputs) == "".join(line + "\n" for line in lines)


@pytest.mark.parametrize("options", [{"sentences": 3}, {"colour": True, "min_index": 90}, {"show_summary": False}])
def test_human_options_stream_identically(inputs, options):
    from einfach.output.human import render

    assert streamed("human", inputs, **options) == render(check_paths(inputs), **options)


def test_statistics_stream_identically(inputs):
    from einfach.output.human import StatisticsWriter, render_statistics

    out = io.StringIO()
    streaming.write(StatisticsWriter(out), stream_paths(inputs))
    assert out.getvalue() == render_statistics(check_paths(inputs))


def test_findings_before_the_first_sentence_wait_for_the_late_note():
    """The note on a file without text comes first, although it is known only at the end."""
    from einfach.findings import FileResult, Finding, Location
    from einfach.findings import CheckResult, FileStart
    from einfach.output.human import HumanWriter, render

    finding = Finding("regel", "info", "Meldung", 0, 3, "---", [], Location("body", 1, 1, 1))
    result = CheckResult(files=[FileResult("a.txt", "---", [], [finding], notes=["Früher.", "Später."])])
    out = io.StringIO()
    summary = FileSummary.of(result.files[0])
    streaming.write(HumanWriter(out), [FileStart("a.txt", "---", ["Früher."]), Chunk([], [finding]), summary])
    assert out.getvalue() == render(result)
    assert out.getvalue().index("Später.") < out.getvalue().index("Meldung")


@pytest.mark.parametrize("spool", [streaming.SPOOL_BYTES, 64])
def test_an_internal_error_leaves_the_file_out(inputs, monkeypatch, spool):
    """A bug in one file: the JSON and SARIF are those of a run without it, with an error entry.

    (The line formats have already written the file's first findings.)"""
    monkeypatch.setattr(streaming, "SPOOL_BYTES", spool)
    original = checker.check_stream

    def failing(document, nlp, settings=None):
        for number, item in enumerate(original(document, nlp, settings)):
            if document.path.endswith("lang.txt") and number == 2:
                raise RuntimeError("kaputt")
            yield item

    monkeypatch.setattr(checker, "check_stream", failing)
    items = list(stream_paths(inputs))
    assert isinstance(items[3], InputFailure) and "kaputt" in items[3].message
    result = check_paths(inputs)
    assert [e.path for e in result.errors] == [inputs[0], inputs[1]]
    assert streamed("json", inputs) == renderer("json")(result)
    assert streamed("sarif", inputs) == renderer("sarif")(result)


# -- the command line -------------------------------------------------------------


@pytest.mark.parametrize("name", STREAMING)
def test_cli_streams_the_same_report(inputs, name, tmp_path):
    runner = CliRunner()
    done = runner.invoke(cli, ["check", "--format", name, *inputs])
    assert done.exit_code == 2  # a file is missing
    # human: unreadable inputs go to stderr, the report to stdout; github computes no rewrites
    # (cli/check.py, _hides_rewrites), so its swap suggestions name the lexicon's words, not a fix's
    flags = {"rewrite": False} if name == "github" else None
    assert done.stdout == renderer(name)(check_paths(inputs, flags=flags),
                                         **({"show_errors": False} if name == "human" else {}))
    target = tmp_path / f"bericht.{name}"
    written = runner.invoke(cli, ["check", "--format", name, "--output", str(target), *inputs])
    assert written.exit_code == 2 and written.stdout == ""
    assert target.read_text(encoding="utf-8") == done.stdout
    assert not [p for p in os.listdir(tmp_path) if p.endswith(".tmp")]


def test_cli_exit_codes_and_notes(inputs):
    runner = CliRunner()
    readable = [p for p in inputs if "fehlt" not in p]
    assert runner.invoke(cli, ["check", "--format", "json", *readable]).exit_code == 1
    assert runner.invoke(cli, ["check", "--format", "json", "--exit-zero", *readable]).exit_code == 0
    assert runner.invoke(cli, ["check", "--format", "json", "--fail-on", "error", inputs[3]]).exit_code == 0
    assert runner.invoke(cli, ["check", "--min-index", "100", inputs[2]]).exit_code == 1
    done = runner.invoke(cli, ["check", "--format", "jsonl", "--report-unused-suppressions", inputs[2]])
    assert "Unterdrückung ohne Wirkung" in done.stderr
    human = runner.invoke(cli, ["check", "--sentences", "--statistics", *readable])
    assert human.stdout.splitlines()[-1].endswith("Befunde in 5 Dateien")


def test_cli_statistics_and_sentences(inputs):
    from einfach.output.human import render, render_statistics

    runner = CliRunner()
    result = check_paths(inputs)
    assert runner.invoke(cli, ["check", "--statistics", *inputs]).stdout == render_statistics(result)
    assert runner.invoke(cli, ["check", "--sentences", *inputs]).stdout == render(result, sentences=10, show_errors=False)


# -- atomic output written in pieces ---------------------------------------------


def test_open_atomic_replaces_only_at_the_end(tmp_path):
    target = tmp_path / "bericht.json"
    target.write_text("alt", encoding="utf-8")
    with open_atomic(target) as out:
        out.write("neu\r\n")
        assert target.read_text(encoding="utf-8") == "alt"
    assert target.read_bytes() == b"neu\r\n"
    with pytest.raises(RuntimeError):
        with open_atomic(target) as out:
            out.write("halb")
            raise RuntimeError("abgebrochen")
    assert target.read_bytes() == b"neu\r\n"
    assert os.listdir(tmp_path) == ["bericht.json"]


def test_open_atomic_refuses_an_input(tmp_path):
    letter = tmp_path / "brief.txt"
    letter.write_text("Text", encoding="utf-8")
    with pytest.raises(OutputError):
        with open_atomic(letter, inputs=[str(tmp_path)]):
            pass
    assert letter.read_text(encoding="utf-8") == "Text"


def test_every_format_is_listed():
    assert set(STREAMING) | {"junit", "html"} == set(FORMATS)


def test_human_streams_only_to_a_utf_encoding():
    from einfach.output.human import streams_to

    assert streams_to("utf-8") and streams_to("UTF8") and streams_to(None)
    assert not streams_to("ascii") and not streams_to("cp1252") and not streams_to("keine-kodierung")
