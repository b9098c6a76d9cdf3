"""EINFACH_STRICT_SKIPS=1 (set by .ci/run) turns every skip into a failure, except those that
tests/conftest.py allows in ALLOWED_SKIPS.  Run on a small suite with a copy of the conftest."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

CONFTEST = Path(__file__).with_name("conftest.py")
SUITE = '''
import pytest

def test_runs():
    assert True

@pytest.mark.skipif(True, reason="tool missing")
def test_skipped():
    pass

def test_allowed():
    pytest.skip("allowed here")

def test_xfail():
    pytest.xfail("expected to fail")
'''
IMPORT_SKIP = 'import pytest\npytest.importorskip("no_such_module_einfach")\n\ndef test_never():\n    pass\n'


def run_suite(tmp_path: Path, strict: bool, module: str = "test_suite.py") -> subprocess.CompletedProcess:
    conftest = CONFTEST.read_text(encoding="utf-8").replace(
        "ALLOWED_SKIPS: dict[str, str] = {",
        'ALLOWED_SKIPS: dict[str, str] = {\n    "test_suite.py::test_allowed": "a reason",', 1)
    (tmp_path / "conftest.py").write_text(conftest, encoding="utf-8")
    (tmp_path / "test_suite.py").write_text(SUITE, encoding="utf-8")
    (tmp_path / "test_import.py").write_text(IMPORT_SKIP, encoding="utf-8")
    env = {key: value for key, value in os.environ.items() if key != "EINFACH_STRICT_SKIPS"}
    if strict:
        env["EINFACH_STRICT_SKIPS"] = "1"
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-rA", "-p", "no:cacheprovider", module],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)


def test_without_strict_mode_skips_stay_skips(tmp_path):
    done = run_suite(tmp_path, strict=False)
    assert done.returncode == 0, done.stdout
    assert "1 passed, 2 skipped, 1 xfailed" in done.stdout
    done = run_suite(tmp_path, strict=False, module="test_import.py")
    assert done.returncode == 5 and "1 skipped" in done.stdout, done.stdout  # 5: no test ran


def test_strict_mode_fails_every_skip_not_allowed(tmp_path):
    done = run_suite(tmp_path, strict=True)
    assert done.returncode == 1, done.stdout
    # a skip in the setup phase (skipif) reports as an error, one in the test body as a failure
    assert "ERROR test_suite.py::test_skipped - skipped under EINFACH_STRICT_SKIPS=1" in done.stdout
    assert "skipped under EINFACH_STRICT_SKIPS=1 (tool missing); install what it needs in .ci/run" in done.stdout
    assert "SKIPPED [1] test_suite.py:" in done.stdout and "allowed here" in done.stdout
    assert "1 passed, 1 skipped, 1 xfailed, 1 error" in done.stdout  # an expected failure is not a skip


def test_strict_mode_fails_a_module_skipped_at_import(tmp_path):
    done = run_suite(tmp_path, strict=True, module="test_import.py")
    assert done.returncode != 0, done.stdout
    assert "ERROR test_import.py - skipped under EINFACH_STRICT_SKIPS=1" in done.stdout
