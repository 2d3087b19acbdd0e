"""check: a cross-article fact-consistency checker for news."""
from checker.installed import version

# The installed version, read from what is kept of the installed distributions (importlib.metadata
# is imported only when they changed); a source tree that is not installed is 0.0.0.
__version__ = version("newscheck") or "0.0.0"

__all__ = ["__version__"]
