"""simplemma's dictionaries of Dutch and English, read by point lookups from the user's cache.

simplemma keeps each language's dictionary LZMA-compressed and front-coded, and the first
lemma of a language decodes it whole into a dict: about a second and some 40 MB for Dutch,
more than the whole check of a small article. The first run that needs a language writes its
dictionary once, sorted, into one file of the user's cache folder (``$XDG_CACHE_HOME/newscheck``,
else ``~/.cache/newscheck``), named by the simplemma version it was read from; later runs map
that file into memory and find a word by bisection, touching a few pages of it.

The file: a 16-byte header (``MAGIC``, the number of entries n), n + 1 offsets (unsigned 32-bit,
this machine's byte order) of the records into the data that follows, and the records, each
``word NUL lemma`` in UTF-8, sorted by the word's bytes. It is written beside its final name and
moved there in one step, so runs side by side each see a whole file or none; a damaged one is
written again, and a folder that cannot be written is left aside (the caller uses simplemma's
own dictionary).
"""
from __future__ import annotations

import logging
import mmap
import os
import struct
import tempfile
from array import array
from bisect import bisect_left
from collections.abc import Iterator, Mapping
from pathlib import Path

log = logging.getLogger(__name__)

LANGUAGES = ("nl", "en")  # languages simplemma reads by plain lookup (no apostrophe or accent folding)
MAGIC = b"NCLEMMA1"
HEADER = struct.Struct("=8sQ")  # magic, number of entries
FORMAT = 1  # of the file; part of its name


def user_cache_folder() -> Path:
    """Where the unpacked data of kept libraries is kept: ``$XDG_CACHE_HOME/newscheck``, else
    ``~/.cache/newscheck``."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "newscheck"


def simplemma_version() -> str:
    from importlib import metadata

    return metadata.version("simplemma")


def store_path(language: str, version: str) -> Path:
    return user_cache_folder() / f"lemmas-{language}-simplemma-{version}-{FORMAT}.bin"


class Words:
    """The words of a store in their order, read from its bytes: what bisection probes."""

    def __init__(self, data, offsets: memoryview, start: int, count: int) -> None:
        self._data, self._offsets, self._start, self._count = data, offsets, start, count

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, index: int) -> bytes:
        begin = self._start + self._offsets[index]
        return self._data[begin:self._data.find(b"\0", begin)]


class LemmaStore(Mapping):
    """One language's dictionary (word -> lemma, as simplemma spells them) over the bytes of a
    store file: a read-only mapping whose lookups cost a bisection of some twenty probes."""

    def __init__(self, data) -> None:
        magic, count = HEADER.unpack_from(data, 0)
        start = HEADER.size + 4 * (count + 1)
        if magic != MAGIC or len(data) < start:
            raise ValueError("not a lemma store")
        offsets = memoryview(data)[HEADER.size:start].cast("I")
        if offsets[0] != 0 or start + offsets[count] != len(data):
            raise ValueError("a lemma store of the wrong length")
        self._data, self._offsets, self._start = data, offsets, start
        self._words = Words(data, offsets, start, count)

    def _find(self, key: bytes) -> int | None:
        i = bisect_left(self._words, key)
        return i if i < len(self._words) and self._words[i] == key else None

    def get(self, word: str, default=None):
        i = self._find(word.encode())
        if i is None:
            return default
        end = self._start + self._offsets[i + 1]
        return self._data[self._data.find(b"\0", self._start + self._offsets[i]) + 1:end].decode()

    def __getitem__(self, word: str) -> str:
        found = self.get(word)
        if found is None:
            raise KeyError(word)
        return found

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self._find(word.encode()) is not None

    def __len__(self) -> int:
        return len(self._words)

    def __iter__(self) -> Iterator[str]:
        return (w.decode() for w in self._words)

    def lookup(self, word: str) -> str | None:
        """The lemma simplemma's dictionary gives ``word`` (NFC) as its first answer, the word as
        it is or with its first letter's case turned (its order); None when both miss."""
        found = self.get(word)
        if found is None:
            found = self.get(word.lower() if word[:1].isupper() else word.capitalize())
        return found


def encode(entries: Mapping[str, str]) -> bytes:
    """The store file of a dictionary."""
    records = sorted((k.encode(), v.encode()) for k, v in entries.items())
    offsets, chunks, at = array("I", [0]), [], 0
    for key, value in records:
        if b"\0" in key or b"\0" in value:
            raise ValueError(f"a NUL in the entry {key!r}")
        chunk = key + b"\0" + value
        chunks.append(chunk)
        at += len(chunk)
        offsets.append(at)
    if offsets.itemsize != 4:
        raise ValueError("no 32-bit unsigned array type")
    return HEADER.pack(MAGIC, len(records)) + offsets.tobytes() + b"".join(chunks)


def read_store(path: Path) -> LemmaStore:
    """The store of a file, mapped into memory (OSError or ValueError if it is not whole)."""
    with open(path, "rb") as f:
        mapped = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
    return LemmaStore(mapped)


def write_store(path: Path, content: bytes) -> None:
    """Write a store beside its final place and move it there in one step (another run may be
    writing the same file: both are whole, and the last move wins)."""
    fd, work = tempfile.mkstemp(dir=path.parent, prefix=".lemmas-")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(content)
        os.replace(work, path)
    except BaseException:
        Path(work).unlink(missing_ok=True)
        raise


def simplemma_dictionary(language: str) -> Mapping[str, str]:
    """simplemma's dictionary of a language, decoded whole (a second, tens of MB) by a factory of
    its own, so that it is freed once the store is written."""
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory

    return DefaultDictionaryFactory(cache_max_size=1).get_dictionary(language)


def lemma_store(language: str) -> LemmaStore | None:
    """The store of a language, written first when the cache folder has none of this simplemma
    version; None for a language it does not keep or when the folder cannot be written (and,
    writing having failed, the store held in memory)."""
    if language not in LANGUAGES:
        return None
    path = store_path(language, simplemma_version())
    try:
        return read_store(path)
    except (OSError, ValueError) as first:
        log.debug("%s: no lemma store (%s)", path, first)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if not os.access(path.parent, os.W_OK):
            raise PermissionError(f"{path.parent}: not writable")
    except OSError as e:
        log.debug("lemma store not kept in %s: %s", path.parent, e)
        return None
    content = encode(simplemma_dictionary(language))
    try:
        write_store(path, content)
        return read_store(path)
    except (OSError, ValueError) as e:
        log.debug("lemma store not written to %s: %s", path, e)
        return LemmaStore(content)
