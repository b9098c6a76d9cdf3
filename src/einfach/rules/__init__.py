"""Rules as data: loading and validating rule, lexicon and profile files.

Rule *kinds* (code) live in :mod:`einfach.rules.kinds`; each YAML file in
``rules/`` picks a kind and parameterises it.  Nothing in this package imports
spaCy at import time, so ``einfach rules`` and ``einfach explain`` answer at
once.
"""

from .loader import Rule, load_profile, load_rules  # noqa: F401
