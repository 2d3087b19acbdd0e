"""Article files: finding them below files and folders, reading their bytes and decoding them.

Files are only ever read, and only regular files are opened: a pipe or a device named is a
problem, never waited on. Bad input becomes a :class:`~checker.models.Problem` naming the file;
the run goes on.
"""
from __future__ import annotations

import codecs
import os
import stat
import sys
from pathlib import Path

import regex

from checker.models import Problem

DEFAULT_SUFFIXES = (".txt", ".md")
STDIN = "-"  # the path that stands for standard input
MAX_BYTES = 4 * 1024 * 1024  # an article is tens of kilobytes; a bigger file is no article


def shown(path: str | os.PathLike) -> str:
    """A path as text that every output can hold: the bytes of a name that is not UTF-8 (a file
    from another system) are written as \\xNN escapes instead of the lone surrogates Python
    reads them as, which no encoder, JSON or SQLite accepts."""
    text = os.fspath(path)
    if isinstance(text, str) and text.isascii():  # nothing to escape
        return text
    return os.fsencode(text).decode("utf-8", "backslashreplace")


def discover(paths: list[str], suffixes: tuple[str, ...] = DEFAULT_SUFFIXES) -> tuple[list[Path], list[Problem]]:
    """Expand files and folders (recursively, following no symlink loops) into article files,
    each file once (a symlink and its target, hard links, a file named twice)."""
    found, problems = candidates(paths, suffixes)
    seen: set[object] = set()
    files = []
    for path in map(Path, found):
        key = STDIN if str(path) == STDIN else identity(path)
        if key not in seen:
            seen.add(key)
            files.append(path)
    return files, problems


def candidates(paths: list[str], suffixes: tuple[str, ...] = DEFAULT_SUFFIXES) -> tuple[list[Path | str], list[Problem]]:
    """The article files of files and folders, in order; one file may come under several paths
    (``discover`` and ``read_bytes`` with ``seen`` keep the first). A file found in a folder is
    its path as text, as ``str(Path(...))`` would give it (10,000 Path objects cost 50 ms)."""
    found: list[Path | str] = []
    problems: list[Problem] = []
    for raw in paths:
        p = Path(raw)
        if raw == STDIN:
            if p not in found:
                found.append(p)
            continue
        if not p.exists():
            problems.append(Problem(file=shown(raw), message="no such file or folder"))
            continue
        # Anything but a folder is read as a file: a pipe or device named is then reported.
        known = len(problems)
        files = walk(p, suffixes, problems) if p.is_dir() else [p]
        if not files and len(problems) == known:  # not when the folder could not be read
            problems.append(Problem(severity="warning", file=shown(raw),
                                    message=f"no article files ({', '.join('*' + s for s in suffixes)}) in this folder"))
        found.extend(files)
    return found, problems


def walk(folder: Path, suffixes: tuple[str, ...], problems: list[Problem]) -> list[str]:
    """The article files below a folder, each real folder once (symlinks may loop), in the order
    of a sorted top-down walk; a folder that cannot be read is a problem.

    A stack, not recursion (``os.walk`` recurses in Python 3.11: a tree 1,000 folders deep
    overflowed it), and folders are known by device and inode, not by their real path, which
    costs as many calls as the path is deep.
    """
    found: list[str] = []
    visited: set[tuple[int, int]] = set()
    stack = [folder]
    while stack:
        current = stack.pop()
        try:
            info = current.stat()
            if (info.st_dev, info.st_ino) in visited:
                continue
            visited.add((info.st_dev, info.st_ino))
            with os.scandir(current) as entries:
                listed = sorted(entries, key=lambda e: e.name)
        except OSError as e:
            problems.append(Problem(file=shown(current), message=f"cannot read folder: {e.strerror or e}"))
            continue
        folders = []
        here = str(current) != "."  # the folder in the path: not "./" before the name, as Path leaves it out
        for entry in listed:
            if is_folder(entry):
                folders.append(Path(entry.path))
            elif entry.name.lower().endswith(suffixes):
                found.append(entry.path if here else entry.name)
        stack.extend(reversed(folders))
    return found


def is_folder(entry: os.DirEntry) -> bool:
    """A folder or a symlink to one; False for what cannot be asked (a dangling link)."""
    try:
        return entry.is_dir()
    except OSError:
        return False


def identity(path: Path) -> object:
    """What makes two paths one file (a symlink and its target): device and inode, or the path
    itself for what cannot be stat'ed (reading it will say why)."""
    try:
        info = path.stat()
    except OSError:
        return shown(path)
    return info.st_dev, info.st_ino


# By byte order mark: UTF-32 before UTF-16, whose little-endian mark begins UTF-32's.
UNICODE_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
                (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
LONE_CR = regex.compile(r"\r(?!\n)")


def decode(data: bytes, name: str) -> tuple[str | None, str, Problem | None]:
    """Decode bytes as UTF-8 (BOM removed), or as UTF-16 or UTF-32 after their BOM; fall back to
    cp1252 with a warning. Line ends of a lone CR (old Mac files) are read as line feeds, one
    character for one, so that lines and sentences are found and offsets stay those of the text."""
    text, encoding, problem = decode_text(data, name)
    if text is not None and "\r" in text:
        text = LONE_CR.sub("\n", text)
    return text, encoding, problem


def decode_text(data: bytes, name: str) -> tuple[str | None, str, Problem | None]:
    for bom, encoding in UNICODE_BOMS:  # UTF-16 and UTF-32 are full of NUL bytes: by their BOM first
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding), encoding[:6], None
            except UnicodeDecodeError as e:
                return None, "", Problem(file=name, message=f"not {encoding[:6].upper()} after its byte order mark "
                                                            f"({e.reason} at byte {e.start + len(bom)}), skipped")
    if b"\x00" in data[:8192]:
        return None, "", Problem(file=name, message="binary file (NUL bytes), skipped")
    try:  # as the codec utf-8-sig does, without its Python wrapper; errors at offsets after the BOM
        return (data[3:] if data.startswith(codecs.BOM_UTF8) else data).decode("utf-8"), "utf-8", None
    except UnicodeDecodeError as e:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            return None, "", Problem(file=name, message=f"not UTF-8 ({e.reason} at byte {e.start}) nor cp1252, skipped")
        return text, "cp1252", Problem(
            severity="warning", file=name,
            message=f"not UTF-8 ({e.reason} at byte {e.start}); read as cp1252, offsets refer to that decoding")




def read_bytes(path: Path | str, problems: list[Problem], seen: set[object] | None = None) -> bytes | None:
    """A file's bytes, or None with a problem (not a regular file, too big, unreadable). With
    ``seen``, None too for a file read before under this or another path (see identity; the
    file's is added): the file's one stat tells both."""
    if str(path) == STDIN:
        return read_stdin(problems)
    name = shown(path)
    try:
        info = os.stat(path)
    except OSError as e:
        if seen is not None:
            if name in seen:
                return None
            seen.add(name)
        problems.append(Problem(file=name, message=f"cannot read: {e.strerror or e}"))
        return None
    if seen is not None:
        if (info.st_dev, info.st_ino) in seen:
            return None
        seen.add((info.st_dev, info.st_ino))
    if not stat.S_ISREG(info.st_mode):
        problems.append(Problem(file=name, message="not a regular file (a pipe, a device), skipped"))
        return None
    if info.st_size > MAX_BYTES:
        problems.append(Problem(file=name, message=f"file of {info.st_size} bytes is over the {MAX_BYTES} byte limit, skipped"))
        return None
    try:
        return read_whole(path, info.st_size)
    except OSError as e:
        problems.append(Problem(file=name, message=f"cannot read: {e.strerror or e}"))
        return None


READ_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0)


def read_whole(path: Path | str, size: int) -> bytes:
    """All bytes of a file of about ``size`` bytes, to its end (it may have changed since its
    size was read): by the operating system's calls, without a buffered file object."""
    fd = os.open(path, READ_FLAGS)
    try:
        chunks = []
        while chunk := os.read(fd, max(size + 1, 8192)):
            chunks.append(chunk)
    finally:
        os.close(fd)
    return b"".join(chunks)


def read_stdin(problems: list[Problem]) -> bytes | None:
    """The article given on standard input (path ``-``), within the size limit of a file."""
    data = sys.stdin.buffer.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        problems.append(Problem(file=STDIN, message=f"standard input is over the {MAX_BYTES} byte limit, skipped"))
        return None
    return data
