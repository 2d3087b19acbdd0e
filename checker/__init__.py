"""check: a cross-article fact-consistency checker for news."""
import sys

from checker.kept_re import KeptRe

# Started as the command (`check`, `python -m checker`): the standard re's patterns compiled in
# earlier runs are built from what was kept, from the first import on (see checker.kept_re); a
# program that imports checker as a library keeps its re as it is.
KEPT_RE = KeptRe()
COMMAND = sys.argv[:1] == ["-m"] or sys.argv[0].endswith(("/check", "\\check", "\\check.exe"))
if COMMAND:
    KEPT_RE.install()

from checker import installed  # noqa: E402 - after the kept patterns, which it compiles with

if COMMAND:  # the distributions are read once for the run (see checker.installed.hold)
    installed.hold()

# The installed version, read from what is kept of the installed distributions (importlib.metadata
# is imported only when they changed); a source tree that is not installed is 0.0.0.
__version__ = installed.version("newscheck") or "0.0.0"

__all__ = ["__version__"]
