"""Bundles libcovenant with the package, so that the installed binding carries its library.

Which library: $COVENANT_LIBRARY when set (any build, e.g. the self-contained one made with
`swift build -c release --product covenant -Xswiftc -static-stdlib`); else the release build of
the checkout this directory is in (.build/release; `swift build -c release --product covenant`).
A debug build is never picked up by itself (it decides about 200 times slower): name it in
$COVENANT_LIBRARY to bundle it on purpose. Without a library the build stops and says what to do,
unless COVENANT_NO_BUNDLE=1 (the binding then finds the library at import time through
$COVENANT_LIBRARY or the system's library path). The wheel is tagged for this platform, since it
carries a native library.
"""
import os
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py
from setuptools.dist import Distribution

HERE = Path(__file__).resolve().parent
NAMES = ("libcovenant.so", "libcovenant.dylib")


def library():
    given = os.environ.get("COVENANT_LIBRARY")
    if given:
        path = Path(given)
        if not path.is_file():
            raise SystemExit(f"covenant: COVENANT_LIBRARY={given} is not a file")
        return path
    for name in NAMES:
        candidate = HERE.parent.parent / ".build" / "release" / name
        if candidate.is_file():
            return candidate
    if os.environ.get("COVENANT_NO_BUNDLE") == "1":
        return None
    raise SystemExit(
        "covenant: no libcovenant to bundle. In the Covenant checkout run\n"
        "    swift build -c release --product covenant\n"
        "and install again, or set COVENANT_LIBRARY to the library's path\n"
        "(or COVENANT_NO_BUNDLE=1 to install without one and set COVENANT_LIBRARY at run time).")


class BuildWithLibrary(build_py):
    def run(self):
        super().run()
        found = library()
        if found is None:
            return
        target = Path(self.build_lib) / "covenant" / found.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(found, target)


class NativeDistribution(Distribution):
    """Carries a native library: the wheel is for this platform, not for any."""

    def has_ext_modules(self):
        return True


setup(cmdclass={"build_py": BuildWithLibrary}, distclass=NativeDistribution)
