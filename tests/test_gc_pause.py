"""einfach loads its pipeline with the cyclic garbage collector paused (einfach/gc_pause.py)."""

from __future__ import annotations

import gc
import subprocess
import sys

from einfach import gc_pause


def test_paused_switches_the_collector_off_and_back_on():
    assert gc.isenabled()
    with gc_pause.paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_paused_keeps_a_collector_that_was_off_off():
    gc.disable()
    try:
        with gc_pause.paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_paused_restores_the_collector_after_an_error():
    try:
        with gc_pause.paused():
            raise ValueError("boom")
    except ValueError:
        pass
    assert gc.isenabled()


def _run(code: str) -> list[str]:
    """Run ``code`` in a fresh interpreter (freezing must not touch the test process)."""
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()


def test_embedding_programs_get_nothing_frozen():
    """The API must not change the host's collector: no gc.freeze() unless own_process() was called."""
    code = (
        "import gc; from einfach import gc_pause\n"
        "with gc_pause.paused(): data = [[i] for i in range(1000)]\n"
        "print(gc.get_freeze_count(), gc.isenabled())\n"
    )
    assert _run(code) == ["0", "True"]


def test_own_process_freezes_what_was_loaded():
    code = (
        "import gc; from einfach import gc_pause\n"
        "gc_pause.own_process()\n"
        "with gc_pause.paused(): data = [[i] for i in range(1000)]\n"
        "print(gc.get_freeze_count() >= 1000, gc.isenabled())\n"
    )
    assert _run(code) == ["True", "True"]


def test_the_einfach_command_declares_its_process_its_own():
    """`einfach check` freezes the loaded pipeline (measured: about 0.2 s of a cold check)."""
    code = (
        "import sys; from einfach import gc_pause; from einfach.cli import main\n"
        "sys.argv = ['einfach', 'rules']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('FLAG', gc_pause._freeze_after_loading)\n"
    )
    assert _run(code)[-2:] == ["FLAG", "True"]
