"""Where einfach finds its data files (rules, lexicons, profiles).

In an installed wheel the top-level ``rules/`` folder ships as
``einfach/_rules``; in a source checkout (editable install, tests) it is the
repository's ``rules/`` folder.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def rules_dir() -> Path:
    packaged = Path(__file__).resolve().parent / "_rules"
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[2] / "rules"
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"einfach rule data not found (looked in {packaged} and {checkout})")
