"""The user's cache folder, where what a start would otherwise make again is kept (the unpacked
language model, lemma and gazetteer tables, compiled patterns and code, the parsed vocabulary,
the installed distributions): ``$XDG_CACHE_HOME/newscheck``, else ``~/.cache/newscheck``.

Every file there is written whole: beside its final name first, then moved there in one step,
so that a run reading it while another writes it reads one whole file, and the last move wins.
A kept file of the start's own (``write_checked``) begins with a magic of its kind and the SHA-1
of its body, which ``read_checked`` checks, so a file damaged on disk is never read as kept.
"""
from __future__ import annotations

import hashlib
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


def write_checked(path: Path, magic: bytes, body: bytes) -> None:
    """Write a kept file whole: ``magic``, the SHA-1 of ``body``, then ``body`` (OSError if it
    cannot be written)."""
    write_whole(path, magic + hashlib.sha1(body).digest() + body)


def read_checked(path: Path, magic: bytes, what: str) -> bytes:
    """The body of a file ``write_checked`` wrote (OSError if it cannot be read, ValueError naming
    ``what`` if it is not whole or of another kind)."""
    data = path.read_bytes()
    head, digest, body = data[:len(magic)], data[len(magic):len(magic) + 20], data[len(magic) + 20:]
    if head != magic or hashlib.sha1(body).digest() != digest:
        raise ValueError(f"{path}: not a whole file of {what}")
    return body


__all__ = ["cache_folder", "read_checked", "write_checked", "write_whole"]
