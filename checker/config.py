"""Configuration: `checker.toml`, or `[tool.checker]` in `pyproject.toml`, validated strictly
(by the pydantic twin of :class:`Config`, built only when there is a file to read)."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal

from msgspec import Meta, field

from checker.records import Frozen, is_validation_error

FailOn = Literal["conflict", "undated", "changed", "variant", "never"]


def _kebab(name: str) -> str:
    return name.replace("_", "-")


class Config(Frozen, kw_only=True):
    """Everything a run can be told; command-line options override these."""

    # strict: "yes" is no boolean and 1 no string; TOML has the real types
    pydantic_config = {"alias_generator": _kebab, "populate_by_name": True, "strict": True}

    paths: list[str] = field(default_factory=list)
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    rules_dir: Annotated[list[str], Meta(description="local folders of rule modules")] = field(default_factory=list)
    fail_on: FailOn = "conflict"
    format: str | None = None
    language: Literal["nl", "en"] | None = None
    baseline: str | None = None
    min_confidence: Annotated[float | None, Meta(ge=0, le=1, description="findings less sure than this are left out")] = None
    index: str | None = None
    time_limit: Annotated[float | None, Meta(ge=0, description="seconds a rule may spend on one article (0: no limit)")] = None
    strict: bool = False
    rules: Annotated[dict[str, dict[str, Any]], Meta(description="options per rule code or name")] = field(default_factory=dict)
    vocabulary: Annotated[dict[str, dict[str, dict[str, list[str]]]], Meta(
        description="forms added to the built-in rules' data: {language: {table: {label: [forms]}}}")] = field(default_factory=dict)


class ConfigError(ValueError):
    pass


def _describe(e: Any, path: Path) -> str:
    """pydantic's ValidationError of a config file as one line naming the file and each key."""
    problems = []
    for err in e.errors():
        where = ".".join(str(p) for p in err["loc"]) or "(top level)"
        if err["type"] == "extra_forbidden":
            problems.append(f"unknown key {where!r}")
        else:
            problems.append(f"{where}: {err['msg']}")
    return f"{path}: " + "; ".join(problems)


def read_table(file: Path) -> Any:
    """The settings a config file holds (in a pyproject.toml, its ``[tool.checker]`` table, None
    without one); ConfigError naming the file when it cannot be read."""
    import tomllib  # only when there is a file: a run without one needs no TOML parser

    try:
        data = tomllib.loads(file.read_text(encoding="utf-8-sig"))  # a BOM some editors write is no TOML
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise ConfigError(f"{file}: not valid TOML: {e}") from None
    except RecursionError:  # tomllib reads nested arrays and tables by recursion
        raise ConfigError(f"{file}: not readable: arrays or tables nested too deep") from None
    except OSError as e:
        raise ConfigError(f"{file}: cannot read: {e.strerror or e}") from None
    if file.name != "pyproject.toml":
        return data
    tool = data.get("tool", {})
    if not isinstance(tool, dict):
        raise ConfigError(f"{file}: 'tool' should be a table ([tool.checker]), not {type(tool).__name__}")
    return tool.get("checker")


def config_candidates(cwd: str | Path = ".") -> list[Path]:
    """Where a config is looked for, nearest first: ``checker.toml`` then ``pyproject.toml`` in
    ``cwd`` and each folder above it, up to the repository root (the folder holding ``.git``)
    or, outside a repository, the top of the file system."""
    out = []
    for folder in [Path(cwd).resolve(), *Path(cwd).resolve().parents]:
        out += [folder / "checker.toml", folder / "pyproject.toml"]
        if (folder / ".git").exists():
            break
    return out


def load_config(path: str | Path | None = None, cwd: str | Path = ".") -> tuple[Config, Path | None]:
    """Read the config named, or the nearest one found from ``cwd`` up (a pyproject.toml without
    ``[tool.checker]`` is passed over); defaults when there is none.

    Relative folders in the file are taken relative to the file's folder.
    """
    if path is not None:
        candidates = [Path(path)]
        if not candidates[0].is_file():
            raise ConfigError(f"{path}: no such config file")
    else:
        candidates = config_candidates(cwd)
    for file in candidates:
        if not file.is_file():
            continue
        data = read_table(file)
        if data is None:
            continue
        try:
            config = Config.model_validate(data)
        except ValueError as e:
            if not is_validation_error(e):
                raise
            raise ConfigError(_describe(e, file)) from None
        base = file.parent
        return config.model_copy(update={
            "rules_dir": [str(base / d) for d in config.rules_dir],
            "paths": [str(base / p) for p in config.paths],
        }), file
    return Config(), None
