"""Writing reports and baselines: whole or not at all, never over the input, in the mode the
replaced file had."""
from __future__ import annotations

import os
import sys
from pathlib import Path

from checker.articles import DEFAULT_SUFFIXES

REPORTS_DIR = "reports"
TEMPORARY = ".partial"  # the suffix of a file being written, beside the file it will replace


def output_path(name: str) -> Path:
    """Where ``-o NAME`` writes: a bare name (``report.md``) goes to the reports folder, a path
    (``./report.md``, ``out/report.md``, ``/tmp/report.md``) is written exactly as given."""
    separators = (os.sep, os.altsep) if os.altsep else (os.sep,)
    return Path(name) if any(s in name for s in separators) else Path(REPORTS_DIR, name)


def input_clash(target: Path, inputs: list[str]) -> str | None:
    """The input path that a file written to ``target`` would overwrite, or join as an article
    read by the next run (an article file below an input folder); None when there is none."""
    full = os.path.realpath(target)
    for given in inputs:
        root = os.path.realpath(given)
        if full == root:
            return given
        if full.startswith(root.rstrip(os.sep) + os.sep) and full.lower().endswith(DEFAULT_SUFFIXES):
            return given
    return None


def new_file_mode() -> int:
    """The mode a newly created file gets under the process's umask."""
    umask = os.umask(0)  # the umask can only be read by setting it
    os.umask(umask)
    return 0o666 & ~umask


def write_stdout(data: bytes) -> None:
    """Write UTF-8 to standard output: as it is where standard output is UTF-8 and its lines
    end in "\n" (a report of 150 MB is not decoded and encoded again), else as text."""
    out = sys.stdout
    binary = getattr(out, "buffer", None)
    encoding = (getattr(out, "encoding", None) or "").lower().replace("-", "").replace("_", "")
    if binary is None or encoding != "utf8" or os.linesep != "\n":
        out.write(data.decode("utf-8"))
        return
    out.flush()  # what was written as text comes first
    binary.write(data)


def write_atomic(path: Path, text: str | bytes) -> None:
    """Write a whole file or nothing: a temporary file beside it, then a rename. The file keeps
    the mode of the one it replaces (mkstemp makes it 0600, which other readers of a shared
    reports folder cannot open). Bytes are written as they are, text as UTF-8."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        mode = path.stat().st_mode & 0o7777
    except OSError:
        mode = new_file_mode()
    remove_stale_temporaries(path)
    import tempfile  # only when writing: a check that writes no file needs none

    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=TEMPORARY, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(text if isinstance(text, bytes) else text.encode("utf-8"))
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def remove_stale_temporaries(path: Path) -> None:
    """Remove what a killed run left while writing ``path``: its temporary files
    (``.NAME.PID.XXXX.partial``) whose process is gone. A running writer's file is left alone."""
    prefix = f".{path.name}."
    try:
        leftovers = [e for e in os.scandir(path.parent) if e.name.startswith(prefix) and e.name.endswith(TEMPORARY)]
    except OSError:
        return
    for entry in leftovers:
        pid = entry.name[len(prefix):].split(".")[0]
        if pid.isdigit() and not process_exists(int(pid)):
            try:
                Path(entry.path).unlink()
            except OSError:  # gone meanwhile, or not ours to remove: the new report is written all the same
                pass


def process_exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process
        return True
    return True
