"""Tables of kept libraries' data, sorted in the user's cache and read by point lookups.

Some data a check reads a few words of is large when loaded whole: simplemma's dictionary of a
language (decoded, about a second and 40 MB), the gazetteer (some 100,000 names). Such a table,
string to string, is written once into one file of the user's cache folder
(``$XDG_CACHE_HOME/newscheck``, else ``~/.cache/newscheck``), named by what it was made from;
later runs map the file into memory and find a key by bisection, touching a few of its pages.

The file: a 16-byte header (``MAGIC``, the number of entries n), n + 1 offsets (unsigned 32-bit,
this machine's byte order) of the records into the data that follows, and the records, each
``key NUL value`` in UTF-8, sorted by the key's bytes. It is written beside its final name and
moved there in one step, so runs side by side each see a whole file or none; a damaged one is
written again, and a folder that cannot be written is left aside (the caller loads the data as
it comes).
"""
from __future__ import annotations

import logging
import mmap
import os
import struct
from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterator, Mapping
from itertools import accumulate
from pathlib import Path

from checker.user_cache import write_whole as write_table

log = logging.getLogger(__name__)

MAGIC = b"NCTABLE1"
HEADER = struct.Struct("=8sQ")  # magic, number of entries


class Keys:
    """The keys of a table in their order, read from its bytes: what bisection probes."""

    def __init__(self, data, offsets: memoryview, start: int, count: int) -> None:
        self._data, self._offsets, self._start, self._count = data, offsets, start, count

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, index: int) -> bytes:
        begin = self._start + self._offsets[index]
        return self._data[begin:self._data.find(b"\0", begin)]


class SortedTable(Mapping):
    """A table kept in a file, over its bytes: a read-only mapping whose lookups cost a bisection
    of some twenty probes."""

    def __init__(self, data) -> None:
        if len(data) < HEADER.size:
            raise ValueError("not a kept table")
        magic, count = HEADER.unpack_from(data, 0)
        start = HEADER.size + 4 * (count + 1)
        if magic != MAGIC or len(data) < start:
            raise ValueError("not a kept table")
        offsets = memoryview(data)[HEADER.size:start].cast("I")
        if offsets[0] != 0 or start + offsets[count] != len(data):
            raise ValueError("a kept table of the wrong length")
        self._data, self._offsets, self._start = data, offsets, start
        self._keys = Keys(data, offsets, start, count)

    def _find(self, key: bytes) -> int | None:
        i = bisect_left(self._keys, key)
        return i if i < len(self._keys) and self._keys[i] == key else None

    def get(self, key: str, default=None):
        i = self._find(key.encode())
        if i is None:
            return default
        end = self._start + self._offsets[i + 1]
        return self._data[self._data.find(b"\0", self._start + self._offsets[i]) + 1:end].decode()

    def __getitem__(self, key: str) -> str:
        found = self.get(key)
        if found is None:
            raise KeyError(key)
        return found

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._find(key.encode()) is not None

    def __len__(self) -> int:
        return len(self._keys)

    def __iter__(self) -> Iterator[str]:
        keys = self._keys
        return (keys[i].decode() for i in range(len(keys)))


def encode(entries: Mapping[str, str] | Mapping[bytes, bytes]) -> bytes:
    """The file of a table, of strings or of their UTF-8 bytes (taken as they are)."""
    chunks = [key + b"\0" + value for key, value in sorted(utf8_items(entries))]
    data = b"".join(chunks)
    if data.count(b"\0") != len(chunks):
        bad = next(chunk for chunk in chunks if chunk.count(b"\0") != 1)
        raise ValueError(f"a NUL in the entry {bad!r}")
    offsets = array("I", [0])
    if offsets.itemsize != 4:
        raise ValueError("no 32-bit unsigned array type")
    offsets.extend(accumulate(map(len, chunks)))
    return HEADER.pack(MAGIC, len(chunks)) + offsets.tobytes() + data


def utf8_items(entries: Mapping[str, str] | Mapping[bytes, bytes]) -> Iterator[tuple[bytes, bytes]]:
    """The entries as UTF-8 bytes; a mapping of bytes is taken as it is."""
    items = iter(entries.items())
    first = next(items, None)
    if first is None:
        return
    if isinstance(first[0], bytes):
        yield first
        yield from items
    else:
        yield from ((k.encode(), v.encode()) for k, v in (first, *items))


def read_table(path: Path) -> SortedTable:
    """The table of a file, mapped into memory (OSError or ValueError if it is not whole)."""
    with open(path, "rb") as f:
        mapped = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
    return SortedTable(mapped)


def kept_table(path: Path, entries: Callable[[], Mapping[str, str]]) -> SortedTable | None:
    """The table kept at ``path``, written first from ``entries()`` when there is none whole;
    None when its folder cannot be written (the caller loads the data as it comes), and, writing
    having failed, the table held in memory."""
    try:
        return read_table(path)
    except (OSError, ValueError) as first:
        log.debug("%s: no kept table (%s)", path, first)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if not os.access(path.parent, os.W_OK):
            raise PermissionError(f"{path.parent}: not writable")
    except OSError as e:
        log.debug("table not kept in %s: %s", path.parent, e)
        return None
    content = encode(entries())
    try:
        write_table(path, content)
        return read_table(path)
    except (OSError, ValueError) as e:
        log.debug("table not written to %s: %s", path, e)
        return SortedTable(content)
