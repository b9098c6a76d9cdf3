"""Compile the optional C extension ``einfach.nlp._lattice`` while building.

The inner loop of HanTa's letter lattice (the tagger's guesser) runs in C for
speed.  The extension is optional, like MarkupSafe's speedups: without a
compiler (or Python headers, or with ``EINFACH_NO_EXTENSIONS=1`` to opt out)
the build prints one warning and goes on, and einfach runs its pure-Python
code, which gives identical results, only more slowly.

The compiler is driven by setuptools' ``build_ext``, so flags come from the
interpreter's sysconfig, as for any other extension.  ``-ffp-contract=off``
forbids fused multiply-adds: every floating-point operation is rounded the way
Python rounds it, so C and Python agree to the last bit.

A regular wheel gets the built file and a platform tag.  An editable install
imports einfach from ``src/``, so there the file is put in place next to
``_lattice.c`` (ignored by git, and excluded from the sdist and wheels so a
stale copy never ships).  The sdist gets the C source only.
"""

from __future__ import annotations

import os
import shutil
import sys
import sysconfig
import tempfile
from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

MODULE = "einfach.nlp._lattice"
SOURCE = "src/einfach/nlp/_lattice.c"


def compile_extension(source: str, build_dir: str) -> str:
    """Build ``MODULE`` from ``source`` into ``build_dir``; return the built file."""
    from setuptools import Distribution, Extension
    from setuptools.command.build_ext import build_ext

    class BuildExt(build_ext):
        def build_extensions(self):
            if self.compiler.compiler_type != "msvc":
                for extension in self.extensions:
                    extension.extra_compile_args.append("-ffp-contract=off")
            super().build_extensions()

    command = BuildExt(Distribution({"name": "einfach", "ext_modules": [Extension(MODULE, [source])]}))
    command.build_lib = build_dir
    command.build_temp = os.path.join(build_dir, "temp")
    command.ensure_finalized()
    command.run()
    return command.get_ext_fullpath(MODULE)


class CustomBuildHook(BuildHookInterface):
    def initialize(self, version: str, build_data: dict) -> None:
        if self.target_name != "wheel":
            return
        in_place = Path(self.root, SOURCE).with_name("_lattice" + sysconfig.get_config_var("EXT_SUFFIX"))
        self.build_dir = tempfile.mkdtemp(prefix="einfach-ext-")
        try:
            if os.environ.get("EINFACH_NO_EXTENSIONS", "") not in ("", "0"):
                raise RuntimeError("EINFACH_NO_EXTENSIONS is set")
            built = compile_extension(os.path.join(self.root, SOURCE), self.build_dir)
        except Exception as error:  # any failure: install the pure-Python version
            reason = " ".join(str(error).split()) or type(error).__name__
            print(f"einfach: could not compile the optional C extension ({reason}); installing the "
                  "pure-Python version, which gives the same results more slowly", file=sys.stderr)
            if version == "editable":
                in_place.unlink(missing_ok=True)  # a stale build would be imported instead
            return
        if version == "editable":
            # a new file renamed over the old one: running processes keep the
            # old file mapped, importers see the old or the new file, never half
            staging = in_place.with_name(f".{in_place.name}.{os.getpid()}")
            try:
                shutil.copy2(built, staging)
                os.replace(staging, in_place)
            finally:
                staging.unlink(missing_ok=True)
        else:
            build_data["force_include"][built] = f"einfach/nlp/{os.path.basename(built)}"
            build_data["pure_python"] = False
            build_data["infer_tag"] = True

    def finalize(self, version: str, build_data: dict, artifact_path: str) -> None:
        if getattr(self, "build_dir", None):
            shutil.rmtree(self.build_dir, ignore_errors=True)
