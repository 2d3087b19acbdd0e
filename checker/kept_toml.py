"""Parsed TOML files kept between runs, by their content.

The vocabulary of the built-in rules is some 14 TOML files; tomllib parses them in Python, 20 to
50 ms of a small check for the eight a Dutch article reads. What a file parses to (tables,
lists, strings and numbers) is kept in the user cache folder (``$XDG_CACHE_HOME/newscheck``,
else ``~/.cache/newscheck``) under a SHA-1 of the file's text and the Python's version, so an
edited file is parsed again; a kept file is read with marshal, after a SHA-1 of its content. A
kept file that is missing or damaged, a TOML that holds what marshal cannot write (dates), or a
folder that cannot be written leaves the TOML to be parsed as before; the kept file is written
beside its final name and moved there in one step.
"""
from __future__ import annotations

import hashlib
import logging
import marshal
import sys
from pathlib import Path
from typing import Any

from checker.user_cache import cache_folder as user_cache_folder, read_checked, write_checked

log = logging.getLogger(__name__)

MAGIC = b"NCTOML1\n"


def cache_folder() -> Path:
    return user_cache_folder() / "toml"


def parsed_toml(text: str, folder: Path | None = None) -> dict[str, Any]:
    """What a TOML text parses to, as ``tomllib.loads`` gives it (and its TOMLDecodeError), kept
    by the text's digest."""
    digest = hashlib.sha1(f"{sys.version}\0{text}".encode("utf-8", "surrogatepass")).hexdigest()
    path = (folder or cache_folder()) / f"{digest}.marshal"
    try:
        parsed = marshal.loads(read_checked(path, MAGIC, "kept TOML"))
        if isinstance(parsed, dict):
            return parsed
    except (OSError, ValueError, EOFError, TypeError) as e:
        log.debug("%s: not read (%s)", path, e)
    import tomllib  # only for a text not kept: a start that reads the kept ones needs no parser

    parsed = tomllib.loads(text)
    try:
        body = marshal.dumps(parsed)
        write_checked(path, MAGIC, body)
    except (OSError, ValueError) as e:  # a folder that cannot be written; dates marshal cannot write
        log.debug("%s: not kept (%s)", path, e)
    return parsed
