"""Shared fixtures: one default pipeline per test session (loading HanTa costs time).

No silent skips
---------------
With ``EINFACH_STRICT_SKIPS=1`` (``.ci/run`` sets it) every skipped test FAILS,
unless its node id starts with a key of ``ALLOWED_SKIPS`` below; the value says
why skipping it in CI is right.  Module-level skips (``pytest.importorskip`` at
import, ``pytestmark = skipif``) count too.  Without the variable, skips stay
skips (a developer's machine may lack LibreOffice or Chromium).

To allow a skip: add one line ``"tests/test_x.py::test_name": "reason"`` (a
file name alone allows every skip in that file); never allow a skip that CI
could avoid by installing something: install it in ``.ci/run`` instead.
"""

from __future__ import annotations

import os
import re
import unicodedata

import pytest

ALLOWED_SKIPS: dict[str, str] = {
    # "tests/test_example.py::test_name": "why CI cannot run it, and where it does run",
}
STRICT_SKIPS = os.environ.get("EINFACH_STRICT_SKIPS") == "1"
TRANSLITERATION = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"})
ID_LENGTH = 40


def pytest_make_parametrize_id(config, val, argname):
    """ASCII test ids for parametrised texts ("Prüfung" -> "Pruefung"), at most 40 characters.

    pytest escapes non-ASCII ids ("Pr\\xfcfung"); a runner that hands such an id back to
    pytest (mutmut) then gets "not found" (exit 4), which mutmut would count as a kill."""
    if isinstance(val, bytes):
        val = val.decode("latin-1")
    if not isinstance(val, str):
        return None
    text = unicodedata.normalize("NFKD", val.translate(TRANSLITERATION))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"[^A-Za-z0-9 .,;!?()=+_-]", "_", text)[:ID_LENGTH]


def _allowed(nodeid: str) -> bool:
    return any(nodeid == key or nodeid.startswith(key + "::") or nodeid.startswith(key + "[")
               for key in ALLOWED_SKIPS)


def _fail_skip(report) -> None:
    """Turn a skip report into a failure that says how to allow it."""
    reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
    reason = reason.removeprefix("Skipped: ")
    report.outcome = "failed"
    report.longrepr = (f"skipped under EINFACH_STRICT_SKIPS=1 ({reason}); install what it needs in .ci/run, "
                       "or allow the skip with its reason in ALLOWED_SKIPS (tests/conftest.py)")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if STRICT_SKIPS and report.skipped and not hasattr(report, "wasxfail") and not _allowed(report.nodeid):
        _fail_skip(report)


@pytest.hookimpl(hookwrapper=True)
def pytest_make_collect_report(collector):
    outcome = yield
    report = outcome.get_result()
    if STRICT_SKIPS and report.skipped and not _allowed(report.nodeid):
        _fail_skip(report)


def pytest_configure(config):
    config.addinivalue_line("markers", "reader_bugs_allowed: the test provokes an unexpected reader exception")


@pytest.fixture(autouse=True)
def reader_bugs_fail(request, monkeypatch):
    """A test fails (in teardown) when a reader met an exception that no known kind of bad input
    causes (``einfach.readers.docx._unexpected``): the user still gets a message, but the suite
    must not pass over a reader bug.  ``@pytest.mark.reader_bugs_allowed`` opts out."""
    if request.node.get_closest_marker("reader_bugs_allowed"):
        yield
        return
    from einfach.readers import docx

    seen: list[str] = []
    original = docx._unexpected

    def record(path, exc, problem):
        seen.append(f"{path}: {type(exc).__name__}: {exc}")
        return original(path, exc, problem)

    monkeypatch.setattr(docx, "_unexpected", record)
    yield
    assert not seen, f"reader exceptions that are not expected input errors: {seen}"


@pytest.fixture(scope="session", autouse=True)
def lookup_cache_folder(tmp_path_factory):
    """Derived word tables (einfach.lookup_cache) go to a folder of this session, not the user's cache.

    Set in the environment, so the einfach processes the tests start use it too."""
    folder = tmp_path_factory.mktemp("einfach-cache")
    previous = os.environ.get("EINFACH_CACHE_DIR")
    os.environ["EINFACH_CACHE_DIR"] = str(folder)
    yield folder
    if previous is None:
        os.environ.pop("EINFACH_CACHE_DIR", None)
    else:
        os.environ["EINFACH_CACHE_DIR"] = previous


@pytest.fixture(scope="session")
def nlp():
    from einfach.checker import make_pipeline

    return make_pipeline("einfach")


@pytest.fixture(scope="session")
def check_text(nlp):
    """Check a text with the default profile and return the FileResult."""
    from einfach.checker import check_document
    from einfach.readers.text import document_from_text

    def run(text: str):
        return check_document(document_from_text("<test>", text), nlp)

    return run


@pytest.fixture(scope="session")
def rules_of(check_text):
    """The rule ids found in a text."""

    def run(text: str) -> list[str]:
        return [finding.rule for finding in check_text(text).findings]

    return run


@pytest.fixture(scope="session")
def every_rule_text() -> str:
    """A letter in which every rule finds something: the first bad example of each rule file,
    one paragraph each (check it with ``select`` = all rules, as the examples test does)."""
    from einfach.rules.loader import load_rules

    return "\n\n".join(rule.examples["bad"][0] for rule in load_rules().values()) + "\n"
