"""The claim index at archive scale: build, re-index unchanged, check drafts against it.

    python benchmarks/index_bench.py                 # 10,000 generated articles
    python benchmarks/index_bench.py --articles 2000

Builds an index of N generated articles (realistic text, varied figures) and prints the
indexing rate, then re-indexes the unchanged archive (only hashing, no extraction) and prints
how many times faster that is, then checks single draft articles against the index and prints
the median time of a draft check (in process, loading the index included).
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import article, write_corpus  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--drafts", type=int, default=7)
    args = ap.parse_args()

    from checker.index import ClaimIndex
    from checker.pipeline import RunOptions, run_check
    from checker.registry import default_registry
    from checker.report import to_json

    registry = default_registry()
    rules, schema = [rule() for rule in registry], registry.schema()
    with tempfile.TemporaryDirectory() as tmp:
        archive = write_corpus(Path(tmp) / "archive", args.articles, seed=7)
        db = Path(tmp) / "archive.sqlite"
        t = time.perf_counter()
        with ClaimIndex(db, create=True) as index:
            stats = index.update([str(archive)], rules, schema)
            n_articles, n_claims = index.count()
        build = time.perf_counter() - t
        print(f"index built: {n_articles:,} articles, {n_claims:,} claims in {build:.1f} s = "
              f"{n_articles / build:,.0f} articles/s; {db.stat().st_size / 1e6:.0f} MB")
        t = time.perf_counter()
        with ClaimIndex(db) as index:
            again = index.update([str(archive)], rules, schema)
        rebuild = time.perf_counter() - t
        print(f"re-index unchanged: {rebuild:.2f} s ({again.unchanged:,} unchanged), {build / rebuild:.0f}x faster")
        rng = random.Random(99)
        times = []
        for i in range(args.drafts):
            draft = Path(tmp) / f"draft{i}.txt"
            draft.write_text(article(rng), encoding="utf-8")
            t = time.perf_counter()
            report = run_check(RunOptions(paths=[str(draft)], against=[str(db)]))
            to_json(report)
            times.append(time.perf_counter() - t)
        print(f"draft against the index: median {statistics.median(times):.3f} s of {len(times)} drafts "
              f"(first {times[0]:.3f} s); last draft: {len(report.conflicts)} findings")
        assert stats.added == n_articles


if __name__ == "__main__":
    main()
