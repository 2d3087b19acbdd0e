"""The claim index at archive scale: build, re-index unchanged, check real drafts against it.

    python benchmarks/index_bench.py                          # archives of 10,000, 30,000, 100,000
    python benchmarks/index_bench.py --sizes 2000,5000 --pool 500
    python benchmarks/index_bench.py --drafts seeds /work/shared/eval/dev --limit 12
    python benchmarks/index_bench.py --spellings 8000         # only the archive of four spellings
    python benchmarks/index_bench.py --keep /tmp/bench        # keep the archives built, in that folder
    python benchmarks/index_bench.py --index /tmp/bench/archive.sqlite  # the drafts against a kept archive

First a pool of generated articles (realistic text, varied figures) is indexed for real, and the
indexing rate and the re-index of the unchanged pool are printed. The archives of the sizes
asked for are then made of that pool and copies of its articles under their own ids and paths,
as an archive holds many copies of one wire report (extracting 100,000 articles would take
most of an hour and measure the rules, not the index). Each archive grows from the one before.

Against each archive every draft (the articles of the ``--drafts`` folders: by default the seed
articles) is checked ``--repeat`` times in this process (opening the index included) and once
with the command line (``check DRAFT --against DB --format json --no-cache``, imports included, its
bytecode read as an installed command's, whatever PYTHONDONTWRITEBYTECODE says), whose
peak memory is its own high-water mark of resident memory (VmHWM, which the command writes as
it ends; not wait4's ru_maxrss, which keeps the size of this process the command was forked from). Printed per size: the median and the worst
draft time of both, wall and processor time (on a machine shared with other work a process
waits for a core; its processor time does not count the wait), the peak memory, the findings
and the load average; at the end the growth of the medians from the smallest archive to the
largest.

Then (``--spellings N``, 8,000 by default; 0 skips it) a draft naming a person is checked
against an archive of N articles that spell that name four ways (copies of 40 indexed ones),
in this process and with the command line.
"""
from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import write_corpus  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
BATCH = 2000  # copies per transaction


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="10000,30000,100000", help="archive sizes, comma-separated (0: none)")
    ap.add_argument("--pool", type=int, default=2000, help="distinct generated articles, indexed for real")
    ap.add_argument("--drafts", nargs="*", default=[str(ROOT / "seeds")], help="folders or files of drafts")
    ap.add_argument("--limit", type=int, default=0, help="at most this many drafts (0: all)")
    ap.add_argument("--repeat", type=int, default=3, help="in-process checks of each draft per size")
    ap.add_argument("--spellings", type=int, default=8000, help="articles of the four-spellings archive (0: none)")
    ap.add_argument("--keep", metavar="DIR", help="build the archives in this new folder and keep them there")
    ap.add_argument("--index", metavar="DB", help="only check the drafts against this index (one kept before)")
    args = ap.parse_args(argv)
    sizes = sorted(int(s) for s in args.sizes.split(",") if int(s))
    if args.index:
        measure(count_articles(Path(args.index)), Path(args.index), draft_files(args.drafts, args.limit),
                args.repeat, 0)
        return

    from checker.registry import default_registry

    registry = default_registry()
    rules, schema = [rule() for rule in registry], registry.schema()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if args.keep:
            folder = Path(args.keep)
            folder.mkdir(parents=True)  # a folder of archives built before would be grown again: refuse it
        if sizes:
            archives(folder, sizes, args, rules, schema)
        if args.spellings:
            spellings(folder, args.spellings, args.repeat, rules, schema)


def archives(tmp: Path, sizes: list[int], args: argparse.Namespace, rules, schema) -> None:
    """Index the pool, grow it to each size, check the drafts against each; print the growth."""
    from checker.index import ClaimIndex
    from checker.indexing import update_index

    drafts = draft_files(args.drafts, args.limit)
    pool = write_corpus(tmp / "archive", min(args.pool, sizes[0]), seed=7)
    db = tmp / "archive.sqlite"
    t = time.perf_counter()
    with ClaimIndex(db, create=True) as index:
        update_index(index, [str(pool)], rules, schema)
        n_articles, n_claims = index.count()
    build = time.perf_counter() - t
    print(f"pool indexed: {n_articles:,} articles, {n_claims:,} claims in {build:.1f} s = "
          f"{n_articles / build:,.0f} articles/s")
    t = time.perf_counter()
    with ClaimIndex(db) as index:
        again = update_index(index, [str(pool)], rules, schema)
    rebuild = time.perf_counter() - t
    print(f"re-index unchanged: {rebuild:.2f} s ({again.unchanged:,} unchanged), {build / rebuild:.0f}x faster")
    print(f"drafts: {len(drafts)} ({', '.join(p.name for p in drafts[:6])}{', ...' if len(drafts) > 6 else ''})")
    originals = read_pool(db)
    medians = {}
    held = n_articles
    for size in sizes:
        t = time.perf_counter()
        held = add_copies(db, originals, held, size, schema, rules)
        grown = time.perf_counter() - t
        medians[size] = measure(size, db, drafts, args.repeat, grown)
    first, last = sizes[0], sizes[-1]
    print(f"growth from {first:,} to {last:,} articles: in process x{medians[last][0] / medians[first][0]:.2f}, "
          f"command line x{medians[last][1] / medians[first][1]:.2f}")


SPELLINGS = ("Zelensky", "Zelenskyy", "Zelenski", "Zelenskiy")
SAID = ["vroeg om wapens", "sprak het parlement toe", "bezocht het front", "ontving de premier",
        "tekende een decreet", "sprak met de president", "riep op tot kalmte", "bedankte de bondgenoten",
        "kondigde nieuwe sancties aan", "gaf een persconferentie"]


def spellings(tmp: Path, n: int, repeat: int, rules, schema) -> None:
    """A draft against ``n`` articles that spell one name four ways (copies of 40 indexed ones)."""
    from checker.index import ClaimIndex
    from checker.indexing import update_index

    folder = tmp / "spellings"
    folder.mkdir()
    for i, (name, said) in enumerate((name, said) for name in SPELLINGS for said in SAID):
        (folder / f"{i:03d}.txt").write_text(f" date 2022-03 De Oekraïense president Volodymyr {name} {said}.\n",
                                            encoding="utf-8")
    draft = tmp / "draft.txt"
    draft.write_text(" date 2022-03 De Oekraïense president Volodymyr Zelensky sprak.\n", encoding="utf-8")
    db = tmp / "spellings.sqlite"
    with ClaimIndex(db, create=True) as index:
        update_index(index, [str(folder)], rules, schema)
    add_copies(db, read_pool(db), 40, n, schema, rules)
    measure(n, db, [draft], repeat, 0, "four spellings of one name")


def draft_files(sources: list[str], limit: int) -> list[Path]:
    files = []
    for source in sources:
        p = Path(source)
        files += sorted(p.glob("*.txt")) + sorted(p.glob("*.md")) if p.is_dir() else [p]
    return files[:limit] if limit else files


def count_articles(db: Path) -> int:
    """How many articles an index holds."""
    con = sqlite3.connect(db)
    try:
        return con.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    finally:
        con.close()


def read_pool(db: Path) -> list[tuple]:
    """The pool's articles with their claims, as the index holds them."""
    from checker.models import Article, Claim

    con = sqlite3.connect(db)
    by_article: dict[str, list] = {}
    for aid, cid, data in con.execute("SELECT a.id, c.id, c.claim FROM articles a JOIN claims c ON c.claim_set = a.claims"):
        claim = Claim.model_validate({**json.loads(data), "id": aid + cid, "article": aid})  # a claim set's: relative
        by_article.setdefault(aid, []).append(claim)
    out = []
    for path, sha, data in con.execute("SELECT path, sha256, article FROM articles ORDER BY id"):
        article = Article.model_validate_json(data)
        out.append((path, sha, article, by_article.get(article.id, [])))
    con.close()
    return out


def add_copies(db: Path, originals: list[tuple], held: int, size: int, schema, rules) -> int:
    """Grow the index to ``size`` articles with copies of the pool's articles; the new count."""
    from checker.index import ClaimIndex
    from checker.indexing import rules_signature

    signature = rules_signature(rules)
    with ClaimIndex(db) as index:
        pending = []
        for n in range(held, size):
            path, sha, article, claims = originals[n % len(originals)]
            aid = f"{article.id}-{n}"
            pending.append((f"copies/{aid}.txt", article.model_copy(update={"id": aid, "path": f"copies/{aid}.txt"}),
                            [renamed(c, aid) for c in claims], sha))
            if len(pending) >= BATCH:
                index.put(pending, signature, schema)
                pending = []
        index.put(pending, signature, schema)
        return index.count()[0]


def renamed(claim, article: str):
    return claim.model_copy(update={"article": article, "id": article + claim.id[len(claim.article):]})


def measure(size: int, db: Path, drafts: list[Path], repeat: int, grown: float,
            what: str = "articles") -> tuple[float, float]:
    """Time the drafts against the index; print a line; the medians (in process, command line)."""
    from checker.pipeline import RunOptions, run_check
    from checker.report import to_json

    inproc, cli, cpu, cli_cpu, peak, findings = [], [], [], [], 0, 0
    for draft in drafts:
        for _ in range(repeat):
            t, c = time.perf_counter(), time.process_time()
            report = run_check(RunOptions(paths=[str(draft)], against=[str(db)]))
            to_json(report)
            inproc.append(time.perf_counter() - t)
            cpu.append(time.process_time() - c)
        findings += len(report.conflicts)
        seconds, processor, rss = run_cli(draft, db)
        cli.append(seconds)
        cli_cpu.append(processor)
        peak = max(peak, rss)
    # On a machine shared with other work the wall time waits for a core; the processor time does not.
    print(f"{size:>7,} {what} ({db.stat().st_size / 1e6:,.0f} MB, grown in {grown:.0f} s): "
          f"draft median {statistics.median(inproc):.3f} s, worst {max(inproc):.3f} s "
          f"(processor median {statistics.median(cpu):.3f} s, worst {max(cpu):.3f} s); "
          f"command line median {statistics.median(cli):.3f} s, worst {max(cli):.3f} s "
          f"(processor median {statistics.median(cli_cpu):.3f} s, worst {max(cli_cpu):.3f} s), "
          f"peak memory {peak / 1024:,.0f} MB; {findings} findings; load average {os.getloadavg()[0]:.1f}", flush=True)
    return statistics.median(inproc), statistics.median(cli)


# The command as `python -m checker` runs it, writing its own peak resident memory (VmHWM, of
# this program only) to the file named first. The maximum resident size the operating system
# reports for a child (wait4's ru_maxrss) keeps the size of the process that started it, which
# it was a copy of until it ran the command: that of this benchmark, some 300 MB.
COMMAND = """
import atexit, runpy, sys

def peak(path=sys.argv.pop(1)):
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            kb = next(line.split()[1] for line in status if line.startswith("VmHWM:"))
        with open(path, "w", encoding="ascii") as out:
            out.write(kb)
    except (OSError, StopIteration):
        pass  # no /proc: the benchmark falls back on ru_maxrss

atexit.register(peak)
sys.argv[0] = "check"
runpy.run_module("checker", run_name="__main__")
"""


# The command as an installed one runs: its modules' bytecode written once and read after. With
# PYTHONDONTWRITEBYTECODE set (some shells and CI images set it) every run compiled the
# engine's modules from source again, some 0.4 s of each command line's time.
AS_INSTALLED = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


def run_cli(draft: Path, db: Path) -> tuple[float, float, int]:
    """Seconds, processor seconds and peak resident memory (kB) of one ``check DRAFT --against DB``."""
    with tempfile.NamedTemporaryFile("r", suffix=".peak", encoding="ascii") as peak:
        t = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-c", COMMAND, peak.name, str(draft), "--against", str(db),
                                 "--format", "json", "--no-cache"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=AS_INSTALLED)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - t
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode not in (0, 1):
            raise SystemExit(f"check {draft} --against {db} failed with exit {proc.returncode}")
        own = peak.read().strip()
    return seconds, usage.ru_utime + usage.ru_stime, int(own) if own else usage.ru_maxrss


if __name__ == "__main__":
    main()
