"""The formatter interface and its registry."""
from __future__ import annotations

from typing import ClassVar

from checker.models import Report


class Formatter:
    """Renders a report as text. ``suffixes`` let ``--output FILE`` pick the format."""

    name: ClassVar[str]
    suffixes: ClassVar[tuple[str, ...]] = ()

    def render(self, report: Report) -> str:  # pragma: no cover - abstract
        raise NotImplementedError

    def render_bytes(self, report: Report) -> bytes:
        """The report as UTF-8, as it is written to a file or standard output; a formatter of a
        large report may make it without a text in between."""
        return self.render(report).encode("utf-8")


def rendered_bytes(formatter, report: Report) -> bytes:
    """A formatter's report as UTF-8 (a formatter of a plugin need not derive from Formatter)."""
    render_bytes = getattr(formatter, "render_bytes", None)
    return render_bytes(report) if render_bytes is not None else formatter.render(report).encode("utf-8")


class FormatterRegistry:
    def __init__(self) -> None:
        self._by_name: dict[str, type[Formatter]] = {}
        self.problems: list[str] = []  # formatters that failed to load

    def register(self, formatter: type[Formatter]) -> None:
        if formatter.name in self._by_name:
            raise ValueError(f"formatter {formatter.name!r} registered twice")
        self._by_name[formatter.name] = formatter

    def names(self) -> list[str]:
        return sorted(self._by_name)

    def get(self, name: str) -> Formatter:
        try:
            return self._by_name[name]()
        except KeyError:
            raise ValueError(f"unknown format {name!r}; choose from {', '.join(self.names())}") from None

    def for_suffix(self, suffix: str) -> str | None:
        for name, f in self._by_name.items():
            if suffix.lower() in f.suffixes:
                return name
        return None
