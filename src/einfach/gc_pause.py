"""Loading without Python's cyclic garbage collector.

Building the pipeline creates a few hundred thousand long-lived objects:
spaCy's modules, registry and config, HanTa's model tables (its pickle holds
about 70,000 dicts, lists and tuples), the rule lexicons.  While they are
created, the collector runs again and again (every 700 new containers)
and finds next to nothing: after the pipeline is built it had run about
250 times and freed about 4,000 objects.  Unpickling HanTa's model took
0.18 s with the collector and 0.04 s without.

:func:`paused` switches the collector off for such a block and restores
its previous state afterwards; reference counting still frees everything
that is not part of a cycle.  That alone only postpones the work: the first
collections afterwards walk all the new objects.  So in a process that is
einfach's own (the ``einfach`` command, the workers of ``einfach report``;
they call :func:`own_process`), the block also ends with ``gc.freeze()``:
the objects loaded so far go to the permanent generation, which the
collector no longer walks (0.05 s of the first letter's check).  A program
that embeds einfach (the Python API) keeps its own collector settings:
nothing of it is frozen.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

_freeze_after_loading = False


def own_process() -> None:
    """Declare the process einfach's own: blocks run under :func:`paused` end with ``gc.freeze()``."""
    global _freeze_after_loading
    _freeze_after_loading = True


def shared_process() -> None:
    """Undo :func:`own_process` for a long-running server (``einfach serve``): it keeps
    creating and dropping request objects, which ``gc.freeze()`` would keep for good."""
    global _freeze_after_loading
    _freeze_after_loading = False


@contextmanager
def paused() -> Iterator[None]:
    """Run the block with the cyclic garbage collector switched off."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if _freeze_after_loading:
            gc.freeze()
        if was_enabled:
            gc.enable()
