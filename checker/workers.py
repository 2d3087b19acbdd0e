"""Worker processes for ``--jobs``: built once, fed articles in chunks, answering compactly.

Each worker process is given its state once, when it starts (the rules as built, with their
options and vocabulary; the key schema; the time limit), never through module state inherited
from the parent, so every start method works. Articles go to the workers in chunks of CHUNK, at
most AHEAD chunks per worker queued, so that the parent holds a bounded part of a large archive;
results come back in the order the articles were given. Claims travel as tuples of plain values
(``pack_claims``), which pickle in half the bytes and are rebuilt in the parent at about half
the cost of pickled pydantic models; the parent only collects and writes.
"""
from __future__ import annotations

import gc
import os
import pickle
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from operator import attrgetter
from typing import Any

from checker.keys import KeySchema
from checker.models import Claim, DateValue, Period, QuantityValue, TextValue
from checker.records import Frozen
from checker.registry import Rule, import_local_modules, local_modules

CHUNK = 16  # articles per task: some 0.1 s of work, so that a task's round trip costs under 1%
PARENT_CHECK = 1.0  # seconds between a worker's looks at whether its parent is still there
AHEAD = 8  # chunks queued per worker: work for a second or more while this process writes a batch


@dataclass
class Setup:
    """What extraction needs in a process: given to each worker once."""

    rules: Sequence[Rule]
    schema: KeySchema
    limit: float | None
    language: str | None = None
    spare: dict[str, float] = field(default_factory=dict)  # of each rule's warm-up allowance in this process


_setup: Setup | None = None  # a worker process's own, set once by start_worker


def start_worker(modules: list[str], setup: bytes) -> None:
    """A worker's initializer: import the local rule modules first, so that the rules unpickle."""
    global _setup
    threading.Thread(target=end_with_parent, args=(os.getppid(),), daemon=True).start()
    import_local_modules(modules)
    _setup = pickle.loads(setup)


def end_with_parent(parent: int) -> None:
    """End this worker once the process that started it is gone (killed with SIGKILL, its pool
    could not stop it): a worker waiting for work would wait for ever, holding its memory."""
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK)
    os._exit(1)


def run_chunk(task: Callable[[Any, Setup], Any], pack: Callable[[Any], Any] | None, items: list) -> list:
    """A chunk of items done in a worker, each by ``task``, its answer packed by ``pack``."""
    with no_cycle_collection():
        done = [task(item, _setup) for item in items]
        return [pack(d) for d in done] if pack else done


@contextmanager
def no_cycle_collection() -> Iterator[None]:
    """Pause the collector of reference cycles while claims pile up: a check makes next to no
    cycles, and the collector's passes over the growing heap of claims cost some 6% of a run of
    1,000 articles. When it resumes, what was made meanwhile joins the oldest generation at once
    (freeze, unfreeze: no scan), instead of being scanned as young objects by the first pass,
    which took half a second after a re-run of 10,000 articles."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.freeze()
            gc.unfreeze()
            gc.enable()


class Workers:
    """``jobs`` worker processes started with ``setup`` (by ``start_method``; None: the
    platform's default), or with ``jobs`` of 1, the work done here with the same setup."""

    def __init__(self, jobs: int, setup: Setup, start_method: str | None = None) -> None:
        self.jobs, self.setup, self.pool = jobs, setup, None
        self.waited = self.unpacked = 0.0  # seconds this process spent waiting for answers, rebuilding them
        self.cpu, self.workers_cpu = time.process_time(), workers_cpu()  # until __exit__: CPU seconds used
        if jobs > 1:
            import multiprocessing  # imported here: a run of one process starts none (15 ms)
            from concurrent.futures import ProcessPoolExecutor

            context = multiprocessing.get_context(start_method) if start_method else None
            self.pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=start_worker,
                                            initargs=(local_modules(setup.rules), pickle.dumps(setup)))

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc) -> None:
        if self.pool:
            self.pool.shutdown(cancel_futures=exc[0] is not None)
        self.cpu, self.workers_cpu = time.process_time() - self.cpu, workers_cpu() - self.workers_cpu

    def map(self, task: Callable[[Any, Setup], Any], items: Iterable, pack: Callable[[Any], Any] | None = None,
            unpack: Callable[[Any], Any] | None = None, expected: int | None = None) -> Iterator:
        """``task(item, setup)`` for each item, the answers in the order of the items. In workers,
        ``pack`` makes an answer compact there and ``unpack`` rebuilds it here. ``items`` is
        read as the workers need more: at most AHEAD chunks a worker ahead of the answers. Given
        the number of items ``expected``, a few of them make smaller chunks, so that every
        worker has some."""
        if self.pool is None:
            yield from (task(item, self.setup) for item in items)
            return
        size = CHUNK if expected is None else max(1, min(CHUNK, expected // (self.jobs * 4)))
        items = iter(items)
        pending: deque = deque()
        while True:
            while len(pending) < self.jobs * AHEAD and (chunk := list(islice(items, size))):
                pending.append(self.pool.submit(run_chunk, task, pack, chunk))
            if not pending:
                return
            started = time.perf_counter()
            answers = pending.popleft().result()
            answered = time.perf_counter()
            self.waited += answered - started
            if unpack:
                answers = [unpack(answer) for answer in answers]
                self.unpacked += time.perf_counter() - answered
            yield from answers

    def spent(self) -> str:
        """The CPU time of the work, and what this process spent on the workers' answers, for the log."""
        if self.pool is None:
            return f"extracted in this process ({self.cpu:.2f} s CPU)"
        rebuilt = f", {self.unpacked:.2f} s rebuilding claims" if self.unpacked else ""
        return (f"{self.jobs} worker processes ({self.workers_cpu:.2f} s CPU); this one {self.cpu:.2f} s CPU, "
                f"{self.waited:.2f} s waiting for their answers{rebuilt}")


def workers_cpu() -> float:
    """CPU seconds (user and system) of the ended child processes of this one, where the platform says."""
    try:
        import resource
    except ImportError:  # not on Windows
        return 0.0
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


# Claims as tuples: the number of the model (its place in MODELS), then its fields' values, a
# model among them as a tuple. No field of these models holds a tuple of its own.
MODELS: tuple[type[Frozen], ...] = (Claim, QuantityValue, DateValue, TextValue, Period)
_NUMBER = {model: n for n, model in enumerate(MODELS)}
_FIELDS = [model.__struct_fields__ for model in MODELS]
_VALUES = [attrgetter(*names) for names in _FIELDS]  # every one of these models has two fields or more


def pack_model(model: Frozen) -> tuple:
    """A claim (or a value or period in it) as a tuple of plain values, for ``unpack_model``."""
    n = _NUMBER[type(model)]
    return (n, *(pack_model(v) if isinstance(v, Frozen) else v for v in _VALUES[n](model)))


def unpack_model(row: tuple) -> Frozen:
    """The model ``pack_model`` made ``row`` of: equal to it, not validated again (it was where
    it was made)."""
    n = row[0]
    return MODELS[n](**{name: unpack_model(v) if type(v) is tuple else v for name, v in zip(_FIELDS[n], row[1:])})
