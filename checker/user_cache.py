"""The user's cache folder, where what a start would otherwise make again is kept (the unpacked
language model, lemma and gazetteer tables, compiled patterns and code, the parsed vocabulary,
the installed distributions): ``$XDG_CACHE_HOME/newscheck``, else ``~/.cache/newscheck``.

Every file there is written whole: beside its final name first, then moved there in one step,
so that a run reading it while another writes it reads one whole file, and the last move wins.
"""
from __future__ import annotations

import os
from pathlib import Path


def cache_folder() -> Path:
    """The user's cache folder of newscheck (not made here)."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "newscheck"


def write_whole(path: Path, content: bytes) -> None:
    """Write ``content`` beside ``path`` and move it there in one step (OSError if it cannot be
    written; nothing is left behind)."""
    import tempfile  # only when something is kept: a run that reads the cache needs none

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, work = tempfile.mkstemp(dir=path.parent, prefix=".writing-")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(content)
        os.replace(work, path)
    except BaseException:
        Path(work).unlink(missing_ok=True)
        raise


__all__ = ["cache_folder", "write_whole"]
