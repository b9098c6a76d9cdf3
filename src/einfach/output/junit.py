"""``--format junit``: JUnit XML for CI systems (GitLab, Jenkins, Azure, ...).

One ``<testsuite name="einfach">`` (inside ``<testsuites>``) with one
``<testcase>`` per checked file (``name`` = the path).  A file with findings
at warning level or above fails: one ``<failure>`` whose text lists them; its
info findings are listed in ``<system-out>``.  An input that could not be
read is a test case with an ``<error>``.
"""

from __future__ import annotations

import re
from xml.etree import ElementTree as ET

from ..findings import CheckResult, FileResult, Finding
from ..document import is_word_processor
from ..wording import position

SEVERITY_LABEL = {"info": "Hinweis", "warning": "Warnung", "error": "Fehler"}

#: Characters XML 1.0 cannot carry (control characters except tab, LF, CR).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _position(file: FileResult, finding: Finding) -> str:
    return position(finding.location, is_word_processor(file.path))


def _describe(file: FileResult, finding: Finding) -> str:
    lines = [f"{file.path}: {_position(file, finding)}: {finding.rule} [{SEVERITY_LABEL[finding.severity]}] {finding.message}"]
    lines.extend(f"    → {suggestion}" for suggestion in finding.suggestions)
    return "\n".join(lines)


def render(result: CheckResult) -> str:
    failing = [any(f.severity in ("warning", "error") for f in file.findings) for file in result.files]
    counts = {
        "tests": str(len(result.files) + len(result.errors)),
        "failures": str(sum(failing)),
        "errors": str(len(result.errors)),
        "skipped": "0",
        "time": "0",
    }
    suites = ET.Element("testsuites", {"name": "einfach", **counts})
    suite = ET.SubElement(suites, "testsuite", {"name": "einfach", **counts})
    for file, fails in zip(result.files, failing):
        case = ET.SubElement(suite, "testcase", {"classname": "einfach", "name": _clean(file.path), "file": _clean(file.path), "time": "0"})
        serious = [f for f in file.findings if f.severity in ("warning", "error")]
        if fails:
            worst = "error" if any(f.severity == "error" for f in serious) else "warning"
            failure = ET.SubElement(
                case,
                "failure",
                {
                    "message": _clean(f"{len(serious)} Befund{'e' if len(serious) != 1 else ''} "
                                      f"mit Stufe Warnung oder Fehler"),
                    "type": worst,
                },
            )
            failure.text = _clean("\n".join(_describe(file, f) for f in serious))
        infos = [f for f in file.findings if f.severity == "info"]
        if infos or file.notes:
            out = ET.SubElement(case, "system-out")
            out.text = _clean("\n".join([*(f"Hinweis: {n}" for n in file.notes), *(_describe(file, f) for f in infos)]))
    for failure in result.errors:
        case = ET.SubElement(suite, "testcase", {"classname": "einfach", "name": _clean(failure.path), "file": _clean(failure.path), "time": "0"})
        error = ET.SubElement(case, "error", {"message": _clean(failure.message), "type": "InputError"})
        error.text = _clean(f"{failure.path}: {failure.message}")
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
