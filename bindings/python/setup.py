"""Bundles libcovenant with the package when it is at hand at build time.

Where from, in order: $COVENANT_LIBRARY, then the checkout this directory is in
(.build/release, then .build/debug; build it with `swift build -c release --product covenant`).
Without one, the package is installed without it and looks for the library at import time
($COVENANT_LIBRARY, then the system's library path).
"""
import os
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
NAMES = ("libcovenant.so", "libcovenant.dylib")


def library():
    given = os.environ.get("COVENANT_LIBRARY")
    if given:
        return Path(given)
    for config in ("release", "debug"):
        for name in NAMES:
            candidate = HERE.parent.parent / ".build" / config / name
            if candidate.is_file():
                return candidate
    return None


class BuildWithLibrary(build_py):
    def run(self):
        super().run()
        found = library()
        if found is None:
            print("covenant: no libcovenant found to bundle; set COVENANT_LIBRARY at run time")
            return
        target = Path(self.build_lib) / "covenant" / found.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(found, target)
        print(f"covenant: bundled {found}")


setup(cmdclass={"build_py": BuildWithLibrary})
