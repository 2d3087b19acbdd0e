"""--jobs 1 against --jobs 2: `check index` and `check` on one corpus, in fresh processes.

    python benchmarks/jobs_bench.py                          # 10,000 generated articles, 1 run each
    python benchmarks/jobs_bench.py --articles 2000 --repeat 3 --jobs 1,2
    python benchmarks/jobs_bench.py --corpus FOLDER --what index

The numbers of jobs take turns (1, 2, 1, 2, ...), so that each sees the same load of a shared
machine. Each run is `check index CORPUS --db NEW.sqlite --jobs N -v` or `check CORPUS
--no-cache --format json --jobs N -v`; printed per run: its wall time, the CPU time of the
command and its worker processes (user + sys, from getrusage(RUSAGE_CHILDREN)), what the main
process says of its own time in its -v log (waiting for the workers' answers, writing the
index), and the load average of the machine before it. At the end, per command: the medians,
the speed-up of the wall time over the first number of jobs, the CPU the extra processes cost,
and whether every index (its rows) and every report (its bytes) is the same as the first.
On a machine shared with other work, wall times say less than CPU times: compare both.
"""
from __future__ import annotations

import argparse
import os
import re
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import write_corpus  # noqa: E402

WAITING = re.compile(r"this one ([\d.]+) s waiting")
WRITING = re.compile(r"([\d.]+) s writing the index")
EXTRACT = re.compile(r"seconds per stage .*extract ([\d.]+)")
MAIN_CPU = re.compile(r"(?:this one|in this process \() ?([\d.]+) s CPU")
WORKERS_CPU = re.compile(r"worker processes \(([\d.]+) s CPU\)")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=10_000, help="generated articles (unless --corpus)")
    ap.add_argument("--corpus", help="a folder of articles to use instead")
    ap.add_argument("--jobs", default="1,2", help="numbers of jobs, comma-separated (the first is the base)")
    ap.add_argument("--repeat", type=int, default=1, help="runs of each command and number of jobs")
    ap.add_argument("--what", default="index,check", help="commands: index, check or both")
    args = ap.parse_args(argv)
    jobs = [int(j) for j in args.jobs.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(args.corpus) if args.corpus else write_corpus(Path(tmp) / "corpus", args.articles, seed=17)
        n = sum(1 for p in corpus.iterdir() if p.suffix in (".txt", ".md"))
        print(f"{n:,} articles in {corpus}; {os.cpu_count()} CPUs; jobs {args.jobs}, {args.repeat} run(s) each")
        for what in args.what.split(","):
            runs: dict[int, list[dict]] = {j: [] for j in jobs}
            for r in range(args.repeat):
                for j in jobs:
                    run = run_once(what, corpus, j, Path(tmp) / f"{what}-{j}-{r}.sqlite")
                    runs[j].append(run)
                    print(f"check {what} --jobs {j}: {describe(run)}", flush=True)
            summarise(what, runs, n)


def run_once(what: str, corpus: Path, jobs: int, db: Path) -> dict:
    """One command in a fresh process: wall and CPU seconds, its -v log, what it made."""
    command = [sys.executable, "-m", "checker"]
    command += (["index", str(corpus), "--db", str(db)] if what == "index"
                else [str(corpus), "--no-cache", "--format", "json"])
    load = os.getloadavg()[0]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    proc = subprocess.run([*command, "--jobs", str(jobs), "-v"], capture_output=True)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed with exit {proc.returncode}:\n{proc.stderr.decode()[-2000:]}")
    log = proc.stderr.decode()
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    made = dump(db) if what == "index" else proc.stdout
    if what == "index":
        db.unlink()
    return {"wall": wall, "cpu": cpu, "load": load, "made": made, "waiting": found(WAITING, log),
            "writing": found(WRITING, log), "extract": found(EXTRACT, log), "main_cpu": found(MAIN_CPU, log),
            "workers_cpu": found(WORKERS_CPU, log) or 0.0}


def found(pattern: re.Pattern, log: str) -> float | None:
    m = pattern.search(log)
    return float(m[1]) if m else None


def dump(db: Path) -> list:
    """An index's rows, table by table, in order: what two runs must agree on."""
    con = sqlite3.connect(db)
    try:
        return [sorted(con.execute(f"SELECT * FROM {table}")) for table in ("articles", "claims", "key_counts")]
    finally:
        con.close()


def describe(run: dict) -> str:
    parts = [f"wall {run['wall']:.1f} s", f"CPU {run['cpu']:.1f} s"]
    if run["main_cpu"] is not None:
        parts.append(f"of which extracting {run['main_cpu'] + run['workers_cpu']:.1f} s "
                     f"(workers {run['workers_cpu']:.1f} s, main process {run['main_cpu']:.1f} s)")
    if run["extract"] is not None:
        parts.append(f"extract stage {run['extract']:.1f} s")
    if run["waiting"] is not None:
        parts.append(f"main process waiting {run['waiting']:.1f} s")
    if run["writing"] is not None:
        parts.append(f"writing {run['writing']:.1f} s ({run['writing'] / run['wall']:.0%} of the wall time)")
    return ", ".join(parts) + f"; load average before {run['load']:.1f}"


def summarise(what: str, runs: dict[int, list[dict]], n: int) -> None:
    base_jobs = next(iter(runs))
    base = runs[base_jobs]
    wall0, cpu0 = (statistics.median(r[k] for r in base) for k in ("wall", "cpu"))
    for j, rs in runs.items():
        wall, cpu = (statistics.median(r[k] for r in rs) for k in ("wall", "cpu"))
        same = all(r["made"] == base[0]["made"] for r in rs)
        stage = ""
        if rs[0]["extract"] is not None:
            stage = f", extract stage x{statistics.median(r['extract'] for r in base) / statistics.median(r['extract'] for r in rs):.2f}"
        print(f"check {what} --jobs {j}: median wall {wall:.1f} s ({n / wall:,.0f} articles/s), CPU {cpu:.1f} s; "
              f"x{wall0 / wall:.2f} the wall time of --jobs {base_jobs}{stage}, CPU {cpu / cpu0 - 1:+.0%}; "
              f"{'the same' if same else 'NOT the same'} {'index' if what == 'index' else 'report'}")
        if rs[0]["main_cpu"] is not None and base[0]["main_cpu"] is not None:
            print(f"    on {j} idle cores, from the CPU times: x{idle(base, base_jobs) / idle(rs, j):.2f} the whole run, "
                  f"x{extracting(base) / base_jobs / (extracting(rs) / j):.2f} the extraction")


def extracting(runs: list[dict]) -> float:
    """CPU seconds of the extraction (the workers and the main process meanwhile), median."""
    return statistics.median(r["main_cpu"] + r["workers_cpu"] for r in runs)


def idle(runs: list[dict], jobs: int) -> float:
    """The wall time a run would take on ``jobs`` idle cores: what the main process does alone
    (starting, loading, comparing), then the extraction shared evenly."""
    alone = statistics.median(r["cpu"] - r["main_cpu"] - r["workers_cpu"] for r in runs)
    return alone + extracting(runs) / jobs


if __name__ == "__main__":
    main()
