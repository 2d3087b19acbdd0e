"""A progress line on standard error for long runs, shown only when it is a terminal."""
from __future__ import annotations

import sys
import threading
import time
from typing import TextIO


class Progress:
    """``progress(done, total)`` redraws "indexing 1234/10000" at most ten times a second."""

    def __init__(self, label: str, stream: TextIO | None = None) -> None:
        self.label = label
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty()
        self._last = 0.0
        self._shown = False

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if done < total and now - self._last < 0.1:
            return
        self._last = now
        width = 30
        filled = width * done // max(total, 1)
        self.stream.write(f"\r{self.label} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
        self.stream.flush()
        self._shown = True

    def close(self) -> None:
        if self._shown:
            self.stream.write("\n")
            self.stream.flush()


class Ticker:
    """For a run whose stages report no counts: after ``delay`` seconds on a terminal, "checking
    12 s" on standard error, redrawn each second from a thread and erased when the run ends, so
    a long run is seen to be working and a short one shows nothing."""

    def __init__(self, label: str, stream: TextIO | None = None, delay: float = 2.0) -> None:
        self.label = label
        self.stream = stream or sys.stderr
        self.delay = delay
        self.enabled = self.stream.isatty()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._width = 0

    def __enter__(self) -> "Ticker":
        if self.enabled:
            self._thread = threading.Thread(target=self._run, name="ticker", daemon=True)
            self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._thread is not None:
            self._stop.set()
            self._thread.join()
            if self._width:
                self.stream.write("\r" + " " * self._width + "\r")
                self.stream.flush()

    def _run(self) -> None:
        start = time.monotonic()
        if self._stop.wait(self.delay):
            return
        while True:
            text = f"{self.label} {time.monotonic() - start:.0f} s"
            self.stream.write("\r" + text)
            self.stream.flush()
            self._width = max(self._width, len(text))
            if self._stop.wait(1.0):
                return
