"""Speed of the whole check on generated articles, beside a naive pipeline.

    python benchmarks/bench.py                 # 1,000 and 4,000 articles, 3 runs each
    python benchmarks/bench.py --articles 10000 --repeat 1

Each measurement runs in a fresh process (so that caches and memory start empty) and times the
whole check in that process: loading, extraction, matching and the JSON report. It prints the
median articles per second, the milliseconds per article of each stage, the peak memory, how
time grows from N to 4N articles, and the rate of a naive pipeline with the same libraries
(dateparser's ``search_dates`` and text2num's ``alpha2digit`` over each article) measured in the
same run, with the ratio of the two.
"""
from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def once_check(folder: str) -> dict:
    """Run the whole check once in this process; time and peak memory."""
    from checker.pipeline import RunOptions, run_check
    from checker.report import to_json

    n = len(list(Path(folder).glob("*.txt")))
    stages: dict[str, float] = {}
    t = time.perf_counter()
    report = run_check(RunOptions(paths=[folder]), timings=stages)
    json_start = time.perf_counter()
    size = len(to_json(report))
    seconds = time.perf_counter() - t
    stages["json"] = time.perf_counter() - json_start
    return {"articles": n, "seconds": seconds, "claims": len(report.claims), "findings": len(report.conflicts),
            "json_bytes": size, "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "stages": stages}


def once_naive(folder: str, sample: int) -> dict:
    """The naive pipeline over the first ``sample`` articles of a folder."""
    from dateparser.search import search_dates
    from text_to_num import alpha2digit

    files = sorted(Path(folder).glob("*.txt"))[:sample]
    texts = [f.read_text(encoding="utf-8") for f in files]
    t = time.perf_counter()
    for text in texts:
        search_dates(text, languages=["nl"])
        alpha2digit(text, "nl")
    return {"articles": len(texts), "seconds": time.perf_counter() - t}


def in_fresh_process(*args: str) -> dict:
    out = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=1000, help="N: the smaller corpus (the larger is 4N)")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--naive-sample", type=int, default=100, help="articles the naive pipeline reads")
    ap.add_argument("--no-growth", action="store_true", help="measure N only, not 4N")
    ap.add_argument("--once", nargs=2, metavar=("MODE", "FOLDER"), help=argparse.SUPPRESS)
    ap.add_argument("--sample", type=int, default=100, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.once:
        mode, folder = args.once
        print(json.dumps(once_check(folder) if mode == "check" else once_naive(folder, args.sample)))
        return

    from corpus import write_corpus

    sizes = [args.articles] if args.no_growth else [args.articles, 4 * args.articles]
    with tempfile.TemporaryDirectory() as tmp:
        results = {}
        for n in sizes:
            folder = write_corpus(Path(tmp) / str(n), n, seed=n)
            runs = [in_fresh_process("--once", "check", str(folder)) for _ in range(args.repeat)]
            secs = statistics.median(r["seconds"] for r in runs)
            results[n] = (secs, runs)
            last = runs[-1]
            print(f"{n:>7} articles: median {secs:.2f} s of {args.repeat} runs = {n / secs:,.0f} articles/s; "
                  f"{last['claims']:,} claims, {last['findings']:,} findings, peak memory {last['peak_rss_mb']:.0f} MB")
            per_article = {stage: statistics.median(r["stages"][stage] for r in runs) / n * 1000 for stage in last["stages"]}
            print("         ms per article: " + ", ".join(f"{stage} {ms:.2f}" for stage, ms in per_article.items()))
        naive = [in_fresh_process("--once", "naive", str(Path(tmp) / str(sizes[0])), "--sample", str(args.naive_sample))
                 for _ in range(args.repeat)]
        naive_rate = statistics.median(r["articles"] / r["seconds"] for r in naive)
        ours = sizes[0] / results[sizes[0]][0]
        print(f"naive pipeline (search_dates + alpha2digit): {naive_rate:,.1f} articles/s; "
              f"the check is {ours / naive_rate:.1f} times faster")
        if len(sizes) == 2:
            growth = results[sizes[1]][0] / results[sizes[0]][0]
            print(f"time for 4x the articles: {growth:.2f}x")


if __name__ == "__main__":
    main()
