"""py3langid's language model restricted to Dutch and English, loaded in milliseconds, read
without numpy.

py3langid ships its model LZMA-compressed; decompressing it takes about 0.5 s, more than the
whole check of a small article. The first run that needs the model unpacks the two languages'
part of it into a user cache folder (``$XDG_CACHE_HOME/newscheck``, else ``~/.cache/newscheck``)
as plain files of raw machine numbers, mapped into memory from there: the tokeniser's tables and
the two languages' columns of the feature weights (``ptc``) and their priors (``pc``), as
doubles. With two classes the score of a language is the sum over the text's features of
log(1 + count) times the feature's weight, plus the prior; that is computed here in plain
Python, so a check never imports numpy (some 80 ms) for it. The numbers are py3langid's own, so
a language is the same as py3langid's and its confidence the same to about 1e-6: py3langid sums
in single precision (numpy's float32 log1p and BLAS), this in double. The folder's name carries
the size and time of the model file it was made from; a folder that cannot be written or read is
left aside (the compressed model is unpacked into memory).
"""
from __future__ import annotations

import importlib.util
import logging
import math
import mmap
import os
import shutil
import unicodedata
from array import array
from collections import Counter
from functools import cache
from pathlib import Path

from checker.user_cache import cache_folder

log = logging.getLogger(__name__)

LANGUAGES = ("nl", "en")
TABLES = ("nextmove", "row", "output")  # the tokeniser's tables, as raw machine integers
WEIGHTS = ("ptc", "pc")  # the two languages' feature weights (interleaved) and priors, as doubles
MODEL_FILE = "data/model.npz.xz"  # py3langid's model, in its package folder
FORMAT = "langid2"  # the folder's prefix: unpacked tables read without numpy


class TwoLanguageModel:
    """py3langid's naive Bayes classifier of two languages (normalised probabilities), over
    tables of plain numbers: ``classify`` gives what py3langid's ``classify`` gives."""

    def __init__(self, classes: list[str], ptc, pc, nextmove, row, output) -> None:
        if len(classes) != 2 or len(pc) != 2 or len(ptc) % 2:
            raise ValueError("not a model of two languages")
        self.classes = list(classes)
        self.ptc, self.pc = ptc, pc  # ptc[2 * feature + class]
        self.nextmove, self.row, self.output = nextmove, row, output

    @staticmethod
    def encode(text: str) -> bytes:
        """The bytes py3langid reads of a text: upper-case text lowered, NFC, UTF-8."""
        if text.isupper():
            text = text.lower()
        return unicodedata.normalize("NFC", text).encode("utf8", errors="surrogatepass")

    def features(self, data: bytes) -> Counter:
        """How often each feature occurs: the tokeniser's automaton walked over the bytes."""
        nextmove, row, output = self.nextmove, self.row, self.output
        state, found = 0, []
        for byte in data:
            state = nextmove[(row[state] << 8) + byte]
            feature = output[state]
            if feature >= 0:
                found.append(feature)
        return Counter(found)

    def classify(self, text: str) -> tuple[str, float]:
        """The likelier language and its probability (0.5 each for a text with no feature)."""
        data = self.encode(text)
        counts = self.features(data)
        if not counts:
            return self.classes[0], 0.5
        ptc, first, second = self.ptc, self.pc[0], self.pc[1]
        for feature, count in counts.items():
            weight = math.log1p(count)
            first += weight * ptc[2 * feature]
            second += weight * ptc[2 * feature + 1]
        # py3langid's temperature: the scores over the square root of the text's bytes
        scale = 1.0 / math.sqrt(len(data) or 1)
        first, second = first * scale, second * scale
        top = max(first, second)
        a, b = math.exp(first - top), math.exp(second - top)
        if a >= b:
            return self.classes[0], a / (a + b)
        return self.classes[1], b / (a + b)


@cache
def language_model() -> TwoLanguageModel:
    """py3langid's identifier of Dutch and English (normalised probabilities)."""
    source = model_file()
    stat = source.stat()
    folder = cache_folder() / f"{FORMAT}-{'-'.join(LANGUAGES)}-{stat.st_size}-{stat.st_mtime_ns}"
    try:
        return model_from(folder)
    except (OSError, ValueError) as first:
        log.debug("%s: no unpacked language model (%s)", folder, first)
        shutil.rmtree(folder, ignore_errors=True)  # a damaged one is made again
    model = unpack(source)
    try:
        save(model, folder)
    except OSError as e:
        log.debug("%s: cannot keep the unpacked language model (%s)", folder, e)
    return model_of(model)


def model_file() -> Path:
    """py3langid's compressed model, found without importing py3langid (which imports numpy)."""
    spec = importlib.util.find_spec("py3langid")
    for folder in (spec and spec.submodule_search_locations) or ():
        path = Path(folder) / MODEL_FILE
        if path.is_file():
            return path
    from py3langid.langid import MODEL_DIR, MODEL_FILE as named  # a layout this does not know

    return MODEL_DIR / named


def unpack(source: Path) -> dict:
    """The Dutch and English part of the compressed model, as tables of plain numbers."""
    import numpy as np
    from py3langid.modelio import load_model

    ptc, pc, classes, nextmove, row, output = load_model(source)
    chosen = [i for i, c in enumerate(classes) if c in LANGUAGES]
    return {"ptc": array("d", np.asarray(ptc[:, chosen], dtype=np.float64).ravel().tobytes()),
            "pc": array("d", np.asarray(pc, dtype=np.float64)[chosen].tobytes()),
            "classes": [classes[i] for i in chosen], "nextmove": nextmove, "row": row,
            "output": memoryview(np.asarray(output, dtype=np.int32).tobytes()).cast("i")}


def model_of(model: dict) -> TwoLanguageModel:
    return TwoLanguageModel(list(model["classes"]), model["ptc"], model["pc"], model["nextmove"],
                            model["row"], model["output"])


def save(model: dict, folder: Path) -> None:
    """Write the unpacked model beside its final place and move it there in one step."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    import tempfile  # only when writing: a check that writes no file needs none

    work = Path(tempfile.mkdtemp(dir=folder.parent, prefix=".unpacking-"))
    (work / "classes.txt").write_text("\n".join(model["classes"]), encoding="utf-8")
    for name in (*WEIGHTS, *TABLES):
        table = memoryview(model[name])
        (work / f"{name}.{table.format}").write_bytes(table.tobytes())
    try:
        os.replace(work, folder)
    except OSError:  # another run put it there first
        for path in work.iterdir():
            path.unlink()
        work.rmdir()


def model_from(folder: Path) -> TwoLanguageModel:
    """The model of an unpacked folder (OSError or ValueError if it is not whole)."""
    model: dict = {"classes": (folder / "classes.txt").read_text(encoding="utf-8").split("\n")}
    if sorted(model["classes"]) != sorted(LANGUAGES):
        raise ValueError("not a model of " + " and ".join(LANGUAGES))
    for name in (*WEIGHTS, *TABLES):
        paths = list(folder.glob(f"{name}.*"))
        if len(paths) != 1:
            raise ValueError(f"no single {name} table")
        with open(paths[0], "rb") as f:
            mapped = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        model[name] = memoryview(mapped).cast(paths[0].suffix[1:])
    return model_of(model)
