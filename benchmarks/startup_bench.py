"""Start-up and cached re-run speed of ``check``, each run a fresh process as a user starts it.

    python benchmarks/startup_bench.py                   # 5 runs each, 2,000 generated articles
    python benchmarks/startup_bench.py --articles 10000 --repeat 3

It prints the median wall time, processor time (user and system, which the load of other work
on the machine disturbs less) and peak memory (RSS) of ``check`` on one small article (a
one-line article, which the language model decides, a sentence whose lemmas are read, and the
shortest seed article), the modules
imported and the time ``-X importtime`` counts for them, and for a folder of generated articles
the time of a first ``check`` (filling the claim cache) and the median of the repeated ones
(reading it), in articles per second, with whether every repeated report is byte for byte the
first one. The claim cache and the user cache (the unpacked language model, the kept lemma and
gazetteer tables) are kept in a temporary folder, filled by one run of each article before the
timed runs, as they are on any machine after its first run (with them the compiled patterns,
the code of the dataclasses and the record of installed distributions, see benchmarks/README.md).
"""
from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
SEEDS = HERE.parent / "seeds"
ONE_LINE = "De NAVO stuurt 4.000 militairen naar Litouwen.\n"  # its language decided by the language model
# Its language decided by its function words; it reads lemmas (what happened to the people).
ONE_SENTENCE = "De minister zei dat 120 mensen zijn geëvacueerd.\n"


def run(args: list[str], env: dict[str, str], cwd: Path) -> tuple[float, bytes]:
    """Seconds and standard output of one ``check`` in a fresh process."""
    seconds, out, _, _ = measured_run(args, env, cwd)
    return seconds, out


def measured_run(args: list[str], env: dict[str, str], cwd: Path) -> tuple[float, bytes, float, float]:
    """Seconds, standard output, peak memory (RSS, MB) and processor seconds of one ``check`` in a
    fresh process."""
    t = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        process = subprocess.Popen([sys.executable, "-m", "checker", *args], env=env, cwd=cwd,
                                   stdout=subprocess.PIPE, stderr=err)
        out = process.stdout.read()
        _, status, usage = os.wait4(process.pid, 0)  # the child's own rusage, before Popen reaps it
        seconds = time.perf_counter() - t
        process.returncode = os.waitstatus_to_exitcode(status)
        process.stdout.close()
        if process.returncode not in (0, 1):
            err.seek(0)
            raise SystemExit(f"check {' '.join(args)} failed ({process.returncode}): {err.read().decode()[-2000:]}")
    return seconds, out, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def imports(path: Path, env: dict[str, str], cwd: Path) -> tuple[int, float]:
    """Modules imported by ``check`` on one article, and the seconds -X importtime counts for them."""
    out = subprocess.run([sys.executable, "-X", "importtime", "-m", "checker", str(path), "--no-cache"],
                         env=env, cwd=cwd, capture_output=True, text=True)
    top = [int(m[1]) for m in re.finditer(r"^import time:\s+\d+ \|\s+(\d+) \| (?=\S)", out.stderr, re.M)]
    return len(re.findall(r"^import time:\s+\d", out.stderr, re.M)), sum(top) / 1e6


def median_run(args: list[str], env: dict[str, str], cwd: Path, repeat: int) -> tuple[float, float, float]:
    """The median seconds, peak memory (MB) and processor seconds of ``repeat`` runs."""
    runs = [measured_run(args, env, cwd) for _ in range(repeat)]
    return tuple(statistics.median(r[i] for r in runs) for i in (0, 2, 3))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=2000, help="generated articles of the cached re-run (0: none)")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["XDG_CACHE_HOME"] = str(work / "user-cache")
        env["NEWSCHECK_CACHE_DIR"] = str(work / "claim-cache")
        one_line = work / "one-line.txt"
        one_line.write_text(ONE_LINE, encoding="utf-8")
        one_sentence = work / "one-sentence.txt"
        one_sentence.write_text(ONE_SENTENCE, encoding="utf-8")
        seed = min(SEEDS.glob("*.txt"), key=lambda p: p.stat().st_size)
        small = (one_line, one_sentence, seed)
        for path in small:  # writes byte code and fills the user cache
            run([str(path), "--no-cache"], env, work)
        print(f"load average {os.getloadavg()[0]:.1f}")
        for path in small:
            secs, rss, cpu = median_run([str(path), "--no-cache"], env, work, args.repeat)
            count, seconds = imports(path, env, work)
            print(f"one article ({path.name}, {path.stat().st_size} bytes): median {secs:.3f} s of {args.repeat} "
                  f"runs (processor {cpu:.3f} s), peak RSS {rss:.0f} MB; {count} modules imported in {seconds:.3f} s")
        print(f"load average {os.getloadavg()[0]:.1f}")
        if args.articles:
            cached_rerun(work, env, args.articles, args.repeat)


def cached_rerun(work: Path, env: dict[str, str], articles: int, repeat: int) -> None:
    """A first check of a folder of generated articles, then the repeated ones from the cache."""
    from corpus import write_corpus

    write_corpus(work / "articles", articles)
    report = ["articles", "--format", "json"]
    first, expected = run(report, env, work)
    print(f"{articles:,} articles, first check (filling the cache): {first:.2f} s = "
          f"{articles / first:,.0f} articles/s")
    again = [run(report, env, work) for _ in range(repeat)]
    secs = statistics.median(s for s, _ in again)
    same = all(out == expected for _, out in again)
    print(f"{articles:,} articles, repeated check (from the cache): median {secs:.2f} s of {repeat} "
          f"runs = {articles / secs:,.0f} articles/s; report {'identical' if same else 'DIFFERENT'}")


if __name__ == "__main__":
    main()
