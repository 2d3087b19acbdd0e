"""The `check` command."""
from __future__ import annotations

import argparse
import atexit
import json
import logging
import os
import sys
from concurrent.futures import BrokenExecutor  # a broken process pool; concurrent.futures.process costs 15 ms
from pathlib import Path
from typing import NoReturn


from checker import KEPT_RE, __version__
from checker.kept_code import KeptCode
from checker.kept_patterns import Kept

# What earlier runs compiled is kept: the patterns go into regex's cache and the code of the
# dataclasses' methods to dataclasses, before the engine's and the rules' modules compile theirs
# (at import and when the rules are built); main keeps the new ones.
KEPT_PATTERNS = Kept()
KEPT_PATTERNS.load()
KEPT_CODE = KeptCode()
KEPT_CODE.install()

from checker.config import Config, ConfigError, load_config
from checker.confidence import DEFAULT_MIN_CONFIDENCE
from checker.cache import DEFAULT_CACHE
from checker.explain import explain
from checker.formatters import default_formatters
from checker.formatters.base import rendered_bytes
from checker.models import STATUS_ORDER, Problem, Report
from checker.output import input_clash, output_path, write_atomic, write_stdout
from checker.pipeline import RunOptions, baseline_json, build_rules, run_check
from checker.progress import Progress, Ticker
from checker.registry import Registry, RegistryError, default_registry
from checker.runner import DEFAULT_TIME_LIMIT

log = logging.getLogger("checker")

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR, EXIT_INTERRUPTED = 0, 1, 2, 130
DEFAULT_INDEX = "checker-index.sqlite"
USAGE = "check [options] PATHS...\n       check index ARCHIVE... [--db FILE]"


def first_set(*values):
    """The first value that is not None: an option, else the config's setting, else the default."""
    return next(v for v in values if v is not None)


def split_words(values: list[str] | None) -> list[str]:
    """`--select Q001,dates --select X` -> ['Q001', 'dates', 'X']."""
    return [w.strip() for v in values or [] for w in v.split(",") if w.strip()]


def seconds(value: str) -> float:
    """A time limit given on the command line: a number of seconds, 0 or more."""
    try:
        number = float(value)
    except ValueError:
        number = -1.0
    if not number >= 0:  # also NaN
        raise argparse.ArgumentTypeError(f"want a number of seconds, 0 or more, not {value!r}")
    return number


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="check", usage=USAGE, formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Find figures, dates and facts that disagree between news articles.\n\n"
                    "commands:\n  check PATHS...        check the articles against each other\n"
                    "  check index ARCHIVE   store an archive's claims in a claim index "
                    "(check index --help)",
        epilog="An article silences a claim with <!-- check: ignore Q001 reason --> on its line\n"
               "(or alone on the line before); the report counts them by reason.\n\n"
               "Exit codes: 0 nothing reaches --fail-on, 1 findings do,\n"
               "2 usage, config or input errors or a rule that failed (the report is still\n"
               "written), 130 interrupted.")
    p.add_argument("paths", nargs="*", help="article files and folders (read recursively: *.txt, *.md); "
                                            "- reads one article from standard input")
    p.add_argument("-f", "--format", help="table (default), markdown, csv, json, html, line (path:line:col: message), "
                                          "github (workflow annotations), "
                                          "or one an installed distribution adds")
    p.add_argument("-o", "--output", help="write the report to FILE (format from its suffix); a bare name "
                                          "goes to reports/, a path is written as given")
    p.add_argument("--select", action="append", help="only these rules (codes or names, comma separated)")
    p.add_argument("--ignore", action="append", help="skip these rules (codes or names, comma separated)")
    p.add_argument("--rules-dir", action="append", help="a local folder of rule modules")
    p.add_argument("--fail-on", choices=["conflict", "undated", "changed", "variant", "never"],
                   help="lowest status that makes the exit code 1 (default: conflict)")
    p.add_argument("--strict", action="store_true", default=None, help="warnings are fatal too (exit 2): a file read as cp1252, a header date not read, ...")
    p.add_argument("--language", choices=["nl", "en"], help="language of all articles (default: detected, Dutch)")
    p.add_argument("--config", help="config file (default: checker.toml or [tool.checker] in pyproject.toml, "
                                        "in this folder or the nearest above it up to the repository root)")
    p.add_argument("--against", action="append", metavar="ARCHIVE",
                   help="check the PATHS as drafts against an archive (a folder, a file, or an index "
                        "built by check index; repeat for more): only findings that involve a draft")
    p.add_argument("--min-confidence", type=float, metavar="X",
                   help="leave out findings less sure than X, 0..1, that their claims speak of one thing "
                        f"(default {DEFAULT_MIN_CONFIDENCE})")
    p.add_argument("--baseline", help="hide the findings recorded in this baseline file")
    p.add_argument("--write-baseline", metavar="FILE", help="record the current findings as accepted")
    p.add_argument("--explain", metavar="ID", help="show why the claims of a finding were matched and compared")
    p.add_argument("-j", "--jobs", type=int, default=1, help="extract with N processes (same report)")
    p.add_argument("--time-limit", type=seconds, metavar="SECONDS",
                   help=f"stop a rule that spends longer on one article and report it (default {DEFAULT_TIME_LIMIT:g}; 0: no limit)")
    p.add_argument("--no-cache", action="store_true",
                   help=f"extract every article again instead of reading unchanged ones from {DEFAULT_CACHE}/ "
                        "(or $NEWSCHECK_CACHE_DIR)")
    p.add_argument("--list-rules", action="store_true", help="list the available rules and exit")
    p.add_argument("--schema", action="store_true", help="print the JSON Schema of the report and exit")
    p.add_argument("-v", "--verbose", action="store_true",
                   help="diagnostics on standard error: the config used, the seconds of each stage")
    p.add_argument("--version", action="version", version=f"check {__version__}")
    return p


def index_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="check index", description="Store the claims of an archive in a claim index (SQLite), "
        "extracting only the articles that are new or changed and removing the ones that are gone.")
    p.add_argument("paths", nargs="*", help="the archive's files and folders")
    p.add_argument("--db", help="the index file (default: index in the config, else checker-index.sqlite)")
    p.add_argument("--select", action="append", help="only these rules (codes or names, comma separated)")
    p.add_argument("--ignore", action="append", help="skip these rules (codes or names, comma separated)")
    p.add_argument("--rules-dir", action="append", help="a local folder of rule modules")
    p.add_argument("--language", choices=["nl", "en"], help="language of all articles (default: detected, Dutch)")
    p.add_argument("--config", help="config file (default: checker.toml or [tool.checker] in pyproject.toml, "
                                        "in this folder or the nearest above it up to the repository root)")
    p.add_argument("--time-limit", type=seconds, metavar="SECONDS",
                   help=f"stop a rule that spends longer on one article and report it (default {DEFAULT_TIME_LIMIT:g}; 0: no limit)")
    p.add_argument("-j", "--jobs", type=int, default=1, help="extract with N processes (the same index)")
    p.add_argument("--prune", action="store_true",
                   help="remove the articles that are gone even when they are more than half of the index")
    p.add_argument("-v", "--verbose", action="store_true",
                   help="diagnostics on standard error: the seconds spent reading, extracting and writing")
    return p


def run_index(argv: list[str]) -> int:
    """`check index ARCHIVE... --db PATH`."""
    args = index_parser().parse_args(argv)
    set_up_logging(args.verbose)
    try:
        config, config_file = load_config(args.config)
        paths = args.paths or config.paths
        if not paths:
            print("check index: give the archive's files or folders", file=sys.stderr)
            return EXIT_ERROR
        rules_dir = (args.rules_dir or []) + config.rules_dir
        registry = default_registry(rules_dir)
        rules = build_rules(registry, RunOptions(paths=paths, select=split_words(args.select) or config.select,
                                                 ignore=split_words(args.ignore) or config.ignore,
                                                 rule_options=config.rules, vocabulary=config.vocabulary,
                                                 config_file=config_file and str(config_file)))
        from checker.index import ClaimIndex  # imported here: a plain check needs no index
        from checker.indexing import update_index

        db = args.db or config.index or DEFAULT_INDEX
        progress = Progress("indexing")
        with ClaimIndex(db, create=True) as index:
            stats = update_index(index, paths, rules, registry.schema(), args.language or config.language, progress,
                                 prune=args.prune, jobs=max(1, args.jobs),
                                 limit=first_set(args.time_limit, config.time_limit, DEFAULT_TIME_LIMIT))
            progress.close()
            articles, claims = index.count()
    except (ConfigError, RegistryError, ValueError) as e:
        print(f"check index: {e}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenExecutor:
        print(f"check index: --jobs {args.jobs}: a worker process ended abruptly (killed, or out of memory); "
              "the batches written are kept. Run again, or with fewer jobs", file=sys.stderr)
        return EXIT_ERROR
    for p in [*registry.problems, *stats.problems]:
        print(problem_line("check index", p), file=sys.stderr)
    print(f"check index: {index.path}: {articles} articles, {claims} claims ({stats.summary()})", file=sys.stderr)
    return EXIT_ERROR if any(p.severity == "error" for p in stats.problems) else EXIT_CLEAN


def rules_table(registry: Registry) -> str:
    from tabulate import tabulate

    rows = [[r.code, r.name, ", ".join(r.kinds), ", ".join(r.languages), r.__module__, r.summary()] for r in registry]
    return tabulate(rows, headers=["code", "name", "kinds", "languages", "module", "description"], maxcolwidths=[None] * 5 + [60])


def problem_line(command: str, problem: Problem) -> str:
    """A problem as one line of standard error, naming its file and rule when it has them."""
    where = "".join(f"{x}: " for x in (problem.file, f"rule {problem.rule}" if problem.rule else None) if x)
    return f"{command}: {problem.severity}: {where}{problem.message}"


def exit_status(report: Report, fail_on: str, strict: bool) -> int:
    """2 when anything went wrong (a file that could not be read, a rule that raised or ran past
    its time limit; with ``strict`` a warning too), else 1 for findings at ``fail_on``, else 0."""
    if any(p.severity == "error" or strict for p in report.problems):
        return EXIT_ERROR
    if fail_on == "never":
        return EXIT_CLEAN
    threshold = STATUS_ORDER[fail_on]
    return EXIT_FINDINGS if any(STATUS_ORDER[f.status] >= threshold for f in report.conflicts) else EXIT_CLEAN


def main(argv: list[str] | None = None) -> int:
    """The `check` command. What a run did not foresee is one line on standard error and exit 2:
    a traceback's exit 1 would read as "findings". Ctrl-C is one line and exit 130; a reader
    that stops reading (`check --schema | head`) ends the run quietly."""
    try:
        code = run_command(sys.argv[1:] if argv is None else argv)
        sys.stdout.flush()
        KEPT_PATTERNS.keep()
        KEPT_CODE.keep()
        KEPT_RE.keep()
        return code
    except KeyboardInterrupt:
        print("\ncheck: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        quiet_stdout()
        return EXIT_ERROR
    except Exception as e:  # noqa: BLE001 - the last resort; known failures have their own messages
        log.debug("unexpected failure", exc_info=True)
        print(f"check: unexpected failure: {type(e).__name__}: {e} (check -v shows where)", file=sys.stderr)
        return EXIT_ERROR


def command() -> NoReturn:
    """The `check` console command (and `python -m checker`): main, then the process ends once
    its output is flushed and the exit handlers have run (worker pools, logging), without
    tearing its heap down object by object, as mypy ends: freeing the claims and findings of
    10,000 articles took a third of a second after the report was written. A program or test
    that calls main keeps its interpreter."""
    code = main()
    try:
        atexit._run_exitfuncs()
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:  # a reader gone: what it would not read is dropped
        pass
    except BaseException:  # noqa: BLE001 - anything else: Python's own ending says what it is
        sys.exit(code)
    os._exit(code)


def quiet_stdout() -> None:
    """Point standard output at the null device: what is still buffered for a reader that has
    gone would otherwise fail again, with a traceback, when Python flushes it at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no real file behind sys.stdout (a test's capture)
        pass


def set_up_logging(verbose: bool) -> None:
    """Diagnostics of this program on standard error, at debug level with -v; the libraries it
    uses stay at warnings, so their debug lines do not bury ours."""
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr, format="check: %(message)s")
    log.setLevel(logging.DEBUG if verbose else logging.WARNING)


def run_command(argv: list[str]) -> int:
    """`check index ...` or `check ...`: parse, run, render, exit code."""
    if argv[:1] == ["index"]:
        return run_index(argv[1:])
    args = parser().parse_args(argv)
    set_up_logging(args.verbose)
    try:
        config, config_file = load_config(args.config)
    except ConfigError as e:
        print(f"check: config error: {e}", file=sys.stderr)
        return EXIT_ERROR
    args.config_file = config_file and str(config_file)
    log.debug("config: %s", config_file or "none found, the defaults")
    strict = args.strict if args.strict is not None else config.strict
    registry = default_registry((args.rules_dir or []) + config.rules_dir)
    if args.schema:
        print(json.dumps(Report.model_json_schema(), indent=2))
        return EXIT_CLEAN
    if args.list_rules:
        return list_rules(registry, strict)
    if not (args.paths or config.paths):
        if args.against:  # CI: a change that touches no article has nothing to check
            print("check: no article given: nothing to check against the archive", file=sys.stderr)
            return EXIT_CLEAN
        print("check: give article files or folders (see check --help)", file=sys.stderr)
        return EXIT_ERROR
    return check_articles(args, config, registry, strict)


def list_rules(registry: Registry, strict: bool) -> int:
    print(rules_table(registry))
    for p in registry.problems:
        print(f"check: {p.file or p.rule}: {p.message}", file=sys.stderr)
    return EXIT_ERROR if registry.problems else EXIT_CLEAN


def run_options(args: argparse.Namespace, config: Config) -> RunOptions:
    """What to run: each option, else the config's setting."""
    return RunOptions(
        paths=args.paths or config.paths, select=split_words(args.select) or config.select,
        ignore=split_words(args.ignore) or config.ignore, rules_dir=(args.rules_dir or []) + config.rules_dir,
        rule_options=config.rules, language=args.language or config.language,
        jobs=max(1, args.jobs), baseline=args.baseline or config.baseline, against=args.against or [],
        vocabulary=config.vocabulary,
        min_confidence=first_set(args.min_confidence, config.min_confidence, DEFAULT_MIN_CONFIDENCE),
        time_limit=first_set(args.time_limit, config.time_limit, DEFAULT_TIME_LIMIT),
        config_file=getattr(args, "config_file", None),
        cache=None if args.no_cache else os.environ.get("NEWSCHECK_CACHE_DIR") or DEFAULT_CACHE)


def check_articles(args: argparse.Namespace, config: Config, registry: Registry, strict: bool) -> int:
    """The check itself: run, tell the problems, then explain a finding or deliver the report."""
    if bad_output(args) or clashes_with_input(args, [*(args.paths or config.paths), *(args.against or [])]):
        return EXIT_ERROR
    formatters = default_formatters()
    for problem in formatters.problems:
        print(f"check: warning: {problem}", file=sys.stderr)
    fmt = args.format or (formatters.for_suffix(Path(args.output).suffix) if args.output else None) \
        or config.format or "table"
    try:
        formatter = formatters.get(fmt)
        with Ticker("checking"):
            report = run_check(run_options(args, config), registry)
    except (RegistryError, ValueError) as e:
        print(f"check: {e}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenExecutor:
        print(f"check: --jobs {args.jobs}: a worker process ended abruptly (killed, or out of memory); "
              f"no report. Run again, or with fewer jobs", file=sys.stderr)
        return EXIT_ERROR
    for p in report.problems:
        print(problem_line("check", p), file=sys.stderr)
    if args.explain:
        return explain_finding(report, args.explain)
    if not deliver(report, args, formatter, fmt):
        return EXIT_ERROR
    return exit_status(report, config.fail_on if args.fail_on is None else args.fail_on, strict)


def explain_finding(report: Report, finding: str) -> int:
    text = explain(report, finding)
    if text is None:
        print(f"check: no finding {finding!r} in this report", file=sys.stderr)
        return EXIT_ERROR
    sys.stdout.write(text)
    return EXIT_CLEAN


def bad_output(args: argparse.Namespace) -> bool:
    """Whether -o names a folder, not a file (said on standard error)."""
    if args.output and (args.output.endswith(("/", os.sep)) or output_path(args.output).is_dir()):
        print(f"check: -o {args.output}: is a folder; give the report's file name", file=sys.stderr)
        return True
    return False


def clashes_with_input(args: argparse.Namespace, inputs: list[str]) -> bool:
    """Whether the report or baseline would overwrite an input article or join the input as an
    article the next run reads (said on standard error)."""
    for option, name, target in (("-o", args.output, args.output and output_path(args.output)),
                                 ("--write-baseline", args.write_baseline, args.write_baseline)):
        clash = input_clash(Path(target), inputs) if name else None
        if clash:
            print(f"check: {option} {name}: would overwrite an input article or add one to {clash}; "
                  f"write it elsewhere", file=sys.stderr)
            return True
    return False


def deliver(report: Report, args: argparse.Namespace, formatter, fmt: str) -> bool:
    """Write the baseline if asked, and the report to its file or standard output; False when
    either could not be written (said on standard error). A failed baseline keeps the report."""
    written = True
    if args.write_baseline:
        written = write_file(Path(args.write_baseline), baseline_json(report.conflicts), "baseline")
        if written:
            print(f"check: {len(report.conflicts)} findings recorded in {args.write_baseline}", file=sys.stderr)
    try:
        rendered = rendered_bytes(formatter, report)
    except KeyboardInterrupt:
        raise
    except BaseException as e:  # noqa: BLE001 - a formatter is a plugin too: its failure, even sys.exit, is reported
        print(f"check: cannot make the {fmt} report: {type(e).__name__}: {e} "
              f"(an earlier report file is left as it was)", file=sys.stderr)
        return False
    if args.output:
        target = output_path(args.output)
        if not write_file(target, rendered, "report"):
            return False
        print(f"check: report written to {target}", file=sys.stderr)
    else:
        write_stdout(rendered)
    if report.hidden_by_baseline:
        print(f"check: {report.hidden_by_baseline} findings hidden by the baseline", file=sys.stderr)
    if report.below_confidence:
        print(f"check: {report.below_confidence} findings less sure than --min-confidence left out", file=sys.stderr)
    return written


def write_file(path: Path, text: str | bytes, what: str) -> bool:
    """Write a report or baseline whole; False, naming the path, when it cannot be written."""
    try:
        write_atomic(path, text)
    except OSError as e:
        print(f"check: {path}: cannot write the {what}: {e.strerror or e} "
              f"(an earlier {what} file is left as it was)", file=sys.stderr)
        return False
    return True
