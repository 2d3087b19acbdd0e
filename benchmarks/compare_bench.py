"""Time of the compare stage of `check FOLDER` for folders of growing size.

    python benchmarks/compare_bench.py                            # 1,000 to 8,000 articles, 3 runs each
    python benchmarks/compare_bench.py --sizes 2000,4000 --base 500 --repeat 5

Claims are extracted once, from --base generated articles (benchmarks/corpus.py, through the
claim cache: a second run does not extract again); a folder of N articles is then built in
memory from them. Article i is a copy of base article i mod base; every copy after the first is
published on a day of its month of its own, so that as the folder grows a key holds more copies
of one sentence (as wire copies are), claims of more periods and more weakly matched claims.
Each folder is matched as `check` matches (not timed) and compared (`find_conflicts`, with the
collector of cycles paused as in a run), the median of --repeat runs; the script prints the
seconds, the claims and findings, and the growth of the time from each size to the next.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def base_claims(count: int, cache: Path):
    """The articles and claims of ``count`` generated articles, extracted (or read from the cache)."""
    from corpus import write_corpus
    from checker.articles import load
    from checker.cache import ClaimCache, signature_of
    from checker.pipeline import RunOptions, build_rules, extract_cached
    from checker.registry import default_registry

    folder = write_corpus(cache / f"articles-{count}", count)
    registry = default_registry()
    options = RunOptions(paths=[str(folder)], cache=str(cache / "claims"))
    rules = build_rules(registry, options)
    loaded = load(options.paths)
    claim_cache = ClaimCache(options.cache, signature_of(rules, options.vocabulary))
    try:
        extraction = extract_cached(loaded.documents, rules, registry.schema(), options, claim_cache)
    finally:
        claim_cache.close()
    return [d.article for d in loaded.documents], extraction.claims, registry.schema()


def folder_of(size: int, articles, claims):
    """``size`` articles built from the base ones, and their claims."""
    from checker.models import Period

    by_article: dict[str, list] = {}
    for c in claims:
        by_article.setdefault(c.article, []).append(c)
    out_articles, out_claims = [], []
    for i in range(size):
        base = articles[i % len(articles)]
        copy = i // len(articles)
        aid = base.id if copy == 0 else f"{base.id}-{copy}"
        when = base.date
        if copy and when is not None:
            day = date(when.start.year, when.start.month, 1 + (copy - 1) % 28)
            when = Period(start=day, end=day)
        out_articles.append(base.model_copy(update={"id": aid, "path": f"{aid}.txt", "date": when}))
        out_claims += [c.model_copy(update={"id": aid + c.id[len(base.id):], "article": aid})
                       for c in by_article.get(base.id, ())]
    return out_articles, out_claims


def compare_seconds(articles, claims, schema, repeat: int) -> tuple[float, float, int, int]:
    """The median seconds of comparing, on the clock and of the processor, the claims and the findings."""
    from checker.conflicts import find_conflicts
    from checker.matching import complete_keys
    from checker.runner import no_cycle_collection

    matched = complete_keys(claims, schema)
    by_id = {a.id: a for a in articles}
    times, cpu, findings = [], [], []
    with no_cycle_collection():
        for _ in range(repeat):
            start, start_cpu = time.perf_counter(), time.process_time()
            findings = find_conflicts(matched, by_id, schema)
            times.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
    return statistics.median(times), statistics.median(cpu), len(matched), len(findings)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,2000,4000,8000", help="folder sizes in articles, comma-separated")
    ap.add_argument("--base", type=int, default=1000, help="distinct generated articles the folders are built of")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--cache", help="folder for the generated articles and their claims (default: a temporary one)")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        cache = Path(args.cache or tmp)
        start = time.perf_counter()
        articles, claims, schema = base_claims(args.base, cache)
        print(f"{args.base:,} base articles, {len(claims):,} claims, extracted in {time.perf_counter() - start:.1f} s")
        before = None
        for size in sizes:
            seconds, cpu, count, findings = compare_seconds(*folder_of(size, articles, claims), schema, args.repeat)
            growth = f"; {seconds / before[0]:.2f}x and {cpu / before[1]:.2f}x the size before" if before else ""
            print(f"{size:>7,} articles  {count:>9,} claims  {findings:>6,} findings  compare: median {seconds:.2f} s "
                  f"(processor {cpu:.2f} s) of {args.repeat}{growth}", flush=True)
            before = seconds, cpu


if __name__ == "__main__":
    main()
