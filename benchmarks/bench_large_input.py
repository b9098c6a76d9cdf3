"""Large inputs (issue 8): wall time and peak memory of checking very large files.

    python benchmarks/bench_large_input.py [--megabytes 50] [--pages 500] [--only NAME ...]

Needs no data: it generates three inputs in a temporary folder from repeated
German sentences (the kind found in authority letters):

* ``ein-absatz.txt``: ``--megabytes`` of text with no line break at all, so one
  paragraph far longer than spaCy's ``max_length`` (1,000,000 characters); the
  checker analyses it in chunks of ``einfach.checker.MAX_CHUNK_CHARS``;
* ``absaetze.txt``: the same amount of text in paragraphs of 1-6 sentences
  separated by blank lines;
* ``brief-500-seiten.docx``: ``--pages`` pages written with python-docx
  (headings, paragraphs of 2-5 sentences, a table every few pages; about 30
  lines of 11-point text per page).

Each file is checked with ``einfach check --format json FILE`` in a fresh
subprocess (standard output into a file in the temporary folder).  A small
wrapper process starts only that one process and reports its CPU seconds and
peak RSS (``resource.getrusage(RUSAGE_CHILDREN)``), so each figure belongs to
one run.  Afterwards the JSON is verified line by line, without loading it
(a 50 MB input gives a JSON of about 1.2 GB): the exit code is 0 or 1 (never 2),
``errors`` is empty, every finding satisfies ``text[start:end] == finding.text``,
every segment lies inside the text, and the last segment ends close to the end
of the text (the whole text was analysed: ``max_length`` did not abort or
truncate the run).

Time: the check is linear in the size of the input; compare the CPU seconds,
because on a shared machine the wall time grows with the load (2 to 5 times
the CPU time on the 2-core reference machine).  ``ein-absatz.txt`` costs
about 1.5-1.8 times the CPU of ``absaetze.txt`` per megabyte: the segmenter sets
``is_sent_start`` token by token, and each assignment scans the whole Doc
(``Doc.has_annotation("DEP")``), which is quadratic in the length of a chunk
(up to ``MAX_CHUNK_CHARS``) rather than of a paragraph of a few hundred
characters (docs/performance.md, "Large input").  ``--megabytes 5`` takes
about 3 CPU minutes for the three inputs, ``--megabytes 50`` about 27 for the
two text files (the .docx depends only on ``--pages``).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import machine, python, table  # noqa: E402

SENTENCES = [
    "Ihr Antrag auf Wohngeld vom 3. März 2024 wurde von der zuständigen Behörde geprüft.",
    "Bitte reichen Sie die fehlenden Unterlagen bis zum 30. April 2024 bei uns ein.",
    "Gemäß § 82 Abs. 1 AufenthG sind Sie verpflichtet, Ihre Belange unverzüglich geltend zu machen.",
    "Wir haben Ihren Brief bekommen und danken Ihnen dafür.",
    "Nach Aktenlage ist eine Entscheidung derzeit nicht möglich, weil die erforderlichen Nachweise fehlen.",
    "Sie erreichen uns montags bis freitags von 8.30 Uhr bis 12 Uhr in Raum 2.14.",
    "Die Zahlung in Höhe von 100,00 EUR ist innerhalb von zwei Wochen nach Zugang dieses Schreibens zu leisten.",
    "Hiermit wird Ihnen mitgeteilt, dass die Leistungen ab dem nächsten Monat eingestellt werden.",
    "Haben Sie Fragen? Dann rufen Sie uns bitte an.",
    "Gegen diesen Bescheid kann innerhalb eines Monats nach Bekanntgabe Widerspruch erhoben werden.",
]
HEADINGS = ["Ihr Antrag", "Was Sie jetzt tun müssen", "Begründung", "Rechtsbehelfsbelehrung", "Ihre Rechte"]

API_MAX_LENGTH = """
import spacy
print(spacy.blank("de").max_length)
"""

#: Runs one command and prints its exit code, the child's CPU seconds and its peak RSS (KiB).
WRAPPER = """
import resource, subprocess, sys
with open(sys.argv[1], "wb") as out:
    code = subprocess.run(sys.argv[2:], stdout=out, stderr=subprocess.PIPE).returncode
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(code, usage.ru_utime + usage.ru_stime, usage.ru_maxrss)
"""


def sentences(seed: int):
    rng = random.Random(seed)
    while True:
        yield rng.choice(SENTENCES)


def write_one_paragraph(path: Path, megabytes: float) -> None:
    """Sentences joined by single spaces: no line break anywhere."""
    target = int(megabytes * 1024 * 1024)
    size = 0
    with open(path, "w", encoding="utf-8") as out:
        for sentence in sentences(1):
            piece = sentence + " "
            out.write(piece)
            size += len(piece.encode("utf-8"))
            if size >= target:
                break


def write_paragraphs(path: Path, megabytes: float) -> None:
    """Paragraphs of 1-6 sentences separated by blank lines."""
    target = int(megabytes * 1024 * 1024)
    rng = random.Random(2)
    source = sentences(3)
    size = 0
    with open(path, "w", encoding="utf-8") as out:
        while size < target:
            piece = " ".join(next(source) for _ in range(rng.randint(1, 6))) + "\n\n"
            out.write(piece)
            size += len(piece.encode("utf-8"))


def write_docx(path: Path, pages: int) -> None:
    """About ``pages`` pages: per page a heading every second page, 5 paragraphs of 2-5 sentences
    (about 30 lines), and a 3x2 table every fifth page."""
    import docx

    rng = random.Random(4)
    source = sentences(5)
    document = docx.Document()
    for page in range(pages):
        if page % 2 == 0:
            document.add_heading(rng.choice(HEADINGS), level=2)
        for _ in range(5):
            paragraph = document.add_paragraph()
            for number in range(rng.randint(2, 5)):
                run = paragraph.add_run(("" if number == 0 else " ") + next(source))
                run.bold = number == 1
        if page % 5 == 4:
            grid = document.add_table(rows=3, cols=2)
            for cell in (c for row in grid.rows for c in row.cells):
                cell.text = next(source)
    document.sections[0].header.paragraphs[0].text = "Stadt Musterstadt – Bürgeramt – Az. 123/45"
    document.save(path)


def extracted_text(path: Path) -> str:
    from einfach.readers import read_document

    return read_document(str(path)).text


_FIELD = re.compile(r'^\s*"(start|end|text|words)": (.*?),?$')


def verify(json_path: Path, text: str) -> dict:
    """Stream through the indented JSON (einfach/1, ``indent=2``) and check the offsets.

    A finding is ``start``, ``end``, ``text``; a segment is ``start``, ``end``, ``words``."""
    findings = segments = last_end = 0
    errors_empty = False
    start = end = None
    with open(json_path, encoding="utf-8") as handle:
        for line in handle:
            if line.startswith('  "errors": []'):
                errors_empty = True
                continue
            match = _FIELD.match(line)
            if not match:
                continue
            key, value = match.groups()
            if key == "start":
                start, end = int(value), None
            elif key == "end" and start is not None:
                end = int(value)
                if not 0 <= start <= end <= len(text):
                    raise AssertionError(f"range {start}:{end} outside the text ({len(text)} characters)")
            elif key == "text" and start is not None and end is not None:
                found = json.loads(value)
                if text[start:end] != found:
                    raise AssertionError(f"offsets {start}:{end} give {text[start:end]!r}, JSON says {found!r}")
                findings += 1
                start = end = None
            elif key == "words" and start is not None and end is not None:
                segments += 1
                last_end = max(last_end, end)
                start = end = None
    return {"findings": findings, "segments": segments, "last_end": last_end, "errors_empty": errors_empty}


def run_check(path: Path, folder: Path) -> dict:
    output = folder / (path.name + ".json")
    command = [python(), "-m", "einfach", "check", "--format", "json", str(path)]
    started = time.perf_counter()
    done = subprocess.run([python(), "-c", WRAPPER, str(output), *command], capture_output=True, text=True)
    wall = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"wrapper failed for {path.name}: {done.stderr[-2000:]}")
    code, cpu, peak_kib = done.stdout.split()[-3:]
    return {"code": int(code), "wall": wall, "cpu": float(cpu), "peak_mib": int(peak_kib) / 1024, "output": output}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=50.0, help="size of each text file (default 50)")
    parser.add_argument("--pages", type=int, default=500, help="pages of the .docx (default 500)")
    parser.add_argument("--only", nargs="*", default=None,
                        help="run only these inputs: ein-absatz, absaetze, docx")
    args = parser.parse_args()
    inputs = {
        "ein-absatz": ("ein-absatz.txt", lambda p: write_one_paragraph(p, args.megabytes)),
        "absaetze": ("absaetze.txt", lambda p: write_paragraphs(p, args.megabytes)),
        "docx": (f"brief-{args.pages}-seiten.docx", lambda p: write_docx(p, args.pages)),
    }
    chosen = args.only or list(inputs)
    max_length = subprocess.run([python(), "-c", API_MAX_LENGTH], capture_output=True, text=True,
                                check=True).stdout.strip()
    from einfach.checker import MAX_CHUNK_CHARS

    rows = []
    with tempfile.TemporaryDirectory(prefix="einfach-large-") as name:
        folder = Path(name)
        for key in chosen:
            filename, build = inputs[key]
            path = folder / filename
            build(path)
            text = extracted_text(path)
            longest = max((len(p) for p in re.split(r"\n[ \t\r\f\v]*\n", text)), default=0)
            print(f"{filename}: {path.stat().st_size / 1024 / 1024:.1f} MB on disk, {len(text):,} characters "
                  f"extracted, longest paragraph {longest:,} characters; checking ...", flush=True)
            result = run_check(path, folder)
            checked = verify(result["output"], text)
            json_mb = result["output"].stat().st_size / 1024 / 1024
            ok = result["code"] in (0, 1) and checked["errors_empty"]
            covered = checked["last_end"] / len(text) if text else 1.0
            rows.append([
                filename, f"{path.stat().st_size / 1024 / 1024:.1f}", f"{len(text):,}", f"{longest:,}",
                f"{result['wall']:.0f}", f"{result['cpu']:.0f}", f"{result['peak_mib']:.0f}", result["code"], f"{json_mb:.0f}",
                f"{checked['findings']:,}", f"{checked['segments']:,}", f"{covered:.4f}", "ok" if ok else "FAILED",
            ])
            print(f"  exit {result['code']}, {result['wall']:.0f} s ({result['cpu']:.0f} CPU s), peak RSS {result['peak_mib']:.0f} MiB, "
                  f"JSON {json_mb:.0f} MB, {checked['findings']:,} findings, {checked['segments']:,} segments "
                  f"(offsets verified), "
                  f"last segment ends at {covered:.2%} of the text", flush=True)
            result["output"].unlink()
            path.unlink()
    print()
    print(machine())
    print(f"spaCy max_length: {int(max_length):,} characters; einfach.checker.MAX_CHUNK_CHARS: {MAX_CHUNK_CHARS:,}\n")
    print(table(["input", "MB", "characters", "longest paragraph", "wall s", "CPU s", "peak RSS MiB", "exit",
                 "JSON MB", "findings", "segments", "text covered", "result"], rows))
    return 0 if all(row[-1] == "ok" for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
