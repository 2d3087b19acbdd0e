"""py3langid's language model restricted to Dutch and English, loaded in milliseconds.

py3langid ships its model LZMA-compressed; decompressing it takes about 0.5 s, more than the
whole check of a small article. The first run that needs the model unpacks the two languages'
part of it into a user cache folder (``$XDG_CACHE_HOME/newscheck``, else ``~/.cache/newscheck``)
as plain files: the tokeniser's tables are mapped into memory from there, the class
probabilities read with numpy. The numbers are py3langid's own, so that a language and its
confidence are the same as from the compressed model. The folder's name carries the size and
time of the model file it was made from; a folder that cannot be written or read is left aside
(the compressed model is used).
"""
from __future__ import annotations

import logging
import mmap
import os
import shutil
import tempfile
from functools import cache
from pathlib import Path

log = logging.getLogger(__name__)

LANGUAGES = ("nl", "en")
TABLES = ("nextmove", "row", "output")  # the tokeniser's tables, as raw machine integers


def cache_folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "newscheck"


@cache
def language_model():
    """py3langid's identifier of Dutch and English (normalised probabilities)."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE

    source = MODEL_DIR / MODEL_FILE
    stat = source.stat()
    folder = cache_folder() / f"langid-{'-'.join(LANGUAGES)}-{stat.st_size}-{stat.st_mtime_ns}"
    try:
        return identifier_from(folder)
    except (OSError, ValueError) as first:
        log.debug("%s: no unpacked language model (%s)", folder, first)
        shutil.rmtree(folder, ignore_errors=True)  # a damaged one is made again
    model = unpack(source)
    try:
        save(model, folder)
    except OSError as e:
        log.debug("%s: cannot keep the unpacked language model (%s)", folder, e)
    return identifier_of(model)


def unpack(source: Path) -> dict:
    """The Dutch and English part of the compressed model, as the arrays py3langid uses."""
    import numpy as np
    from py3langid.modelio import load_model

    ptc, pc, classes, nextmove, row, output = load_model(source)
    chosen = [i for i, c in enumerate(classes) if c in LANGUAGES]
    return {"ptc": np.ascontiguousarray(ptc[:, chosen]), "pc": np.asarray(pc)[chosen],
            "classes": [classes[i] for i in chosen], "nextmove": nextmove, "row": row,
            "output": memoryview(np.asarray(output, dtype=np.int32).tobytes()).cast("i")}


def identifier_of(model: dict):
    import numpy as np
    from py3langid.langid import LanguageIdentifier

    return LanguageIdentifier(np.asarray(model["ptc"]), np.asarray(model["pc"]), list(model["classes"]),
                              model["nextmove"], model["output"], norm_probs=True, tk_row=model["row"])


def save(model: dict, folder: Path) -> None:
    """Write the unpacked model beside its final place and move it there in one step."""
    import numpy as np

    folder.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(dir=folder.parent, prefix=".unpacking-"))
    np.save(work / "ptc.npy", model["ptc"])
    np.save(work / "pc.npy", model["pc"])
    (work / "classes.txt").write_text("\n".join(model["classes"]), encoding="utf-8")
    for name in TABLES:
        table = memoryview(model[name])
        (work / f"{name}.{table.format}").write_bytes(table.tobytes())
    try:
        os.replace(work, folder)
    except OSError:  # another run put it there first
        for path in work.iterdir():
            path.unlink()
        work.rmdir()


def identifier_from(folder: Path):
    """The identifier from an unpacked folder (OSError or ValueError if it is not whole)."""
    import numpy as np

    model = {"ptc": np.load(folder / "ptc.npy"), "pc": np.load(folder / "pc.npy"),
             "classes": (folder / "classes.txt").read_text(encoding="utf-8").split("\n")}
    if sorted(model["classes"]) != sorted(LANGUAGES):
        raise ValueError("not a model of " + " and ".join(LANGUAGES))
    for name in TABLES:
        paths = list(folder.glob(f"{name}.*"))
        if len(paths) != 1:
            raise ValueError(f"no single {name} table")
        with open(paths[0], "rb") as f:
            mapped = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        model[name] = memoryview(mapped).cast(paths[0].suffix[1:])
    return identifier_of(model)
