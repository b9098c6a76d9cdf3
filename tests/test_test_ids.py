"""Every test id is plain ASCII, so that a runner can hand it back to pytest (mutmut does)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

TESTS = Path(__file__).parent


def test_every_test_id_is_ascii_and_unescaped():
    env = {key: value for key, value in os.environ.items() if key != "EINFACH_STRICT_SKIPS"}
    done = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider",
                           str(TESTS)], cwd=TESTS.parent, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-3000:]
    ids = [line for line in done.stdout.splitlines() if "::" in line]
    assert len(ids) > 1000
    assert [i for i in ids if not i.isascii() or re.search(r"\\[xuU][0-9a-fA-F]{2}", i)] == []
