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
