"""The claim cache: a repeated check reads unchanged articles' claims instead of extracting them."""
from __future__ import annotations

import shutil

import msgspec

from checker import pipeline, runner
from checker.cli import main
from checker.models import Claim
from checker.pipeline import RunOptions, run_check
from checker.report import to_json

from conftest import SEEDS


def counting(monkeypatch) -> list[str]:
    """The ids of the articles extracted from now on."""
    seen: list[str] = []
    real = runner.extract_document

    def extract_document(doc, rules, schema, *limits):
        seen.append(doc.article.id)
        return real(doc, rules, schema, *limits)

    monkeypatch.setattr(runner, "extract_document", extract_document)
    return seen


def test_a_second_check_reads_unchanged_articles_from_the_cache(tmp_path, monkeypatch):
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    options = RunOptions(paths=[str(folder)], cache=str(tmp_path / "cache"))
    extracted = counting(monkeypatch)
    first = to_json(run_check(options))
    assert len(extracted) == 5
    extracted.clear()
    assert to_json(run_check(options)) == first and extracted == []
    assert to_json(run_check(RunOptions(paths=[str(folder)]))) == first  # as without a cache
    changed = folder / "003_d3539aa3f6ec2937.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("140", "150"), encoding="utf-8")
    extracted.clear()
    assert to_json(run_check(options)) == to_json(run_check(RunOptions(paths=[str(folder)])))
    assert extracted.count("003_d3539aa3f6ec2937") == 2 and len(extracted) == 6  # cached run, then uncached


def test_other_rule_options_or_vocabulary_extract_again(tmp_path, monkeypatch):
    cache = str(tmp_path / "cache")
    run_check(RunOptions(paths=[str(SEEDS)], cache=cache))
    extracted = counting(monkeypatch)
    run_check(RunOptions(paths=[str(SEEDS)], cache=cache, rule_options={"Q001": {}}, vocabulary={}))
    assert extracted == []  # the same options, spelled out
    run_check(RunOptions(paths=[str(SEEDS)], cache=cache, select=["Q001"]))
    assert len(extracted) == 5
    extracted.clear()
    names = {"names": {"extra": ["Jansen"]}}
    monkeypatch.setattr(pipeline, "build_rules", lambda registry, options: RULES_AS_BUILT)
    run_check(RunOptions(paths=[str(SEEDS)], cache=cache, vocabulary=names))
    assert len(extracted) == 5


RULES_AS_BUILT = [rule() for rule in pipeline.default_registry()]


def test_a_cache_that_cannot_be_written_is_left_aside(tmp_path, caplog):
    blocked = tmp_path / "cache"
    blocked.write_text("a file where the folder should be", encoding="utf-8")
    report = run_check(RunOptions(paths=[str(SEEDS)], cache=str(blocked)))
    assert to_json(report) == to_json(run_check(RunOptions(paths=[str(SEEDS)])))
    assert "cannot open the claim cache" in caplog.text


def test_no_cache_writes_no_cache_folder(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NEWSCHECK_CACHE_DIR")
    assert main([str(SEEDS), "--no-cache"]) == 1
    assert not (tmp_path / ".newscheck_cache").exists()
    first = capsys.readouterr().out
    assert main([str(SEEDS)]) == 1 and (tmp_path / ".newscheck_cache" / "claims.sqlite").is_file()
    assert main([str(SEEDS)]) == 1
    out = capsys.readouterr().out
    assert out == first * 2


def test_a_cached_run_reads_every_entry_in_one_query_and_validates_no_claim(tmp_path, monkeypatch):
    from checker import cache
    from checker.models import Claim

    options = RunOptions(paths=[str(SEEDS)], cache=str(tmp_path / "cache"))
    first = to_json(run_check(options))
    statements: list[str] = []
    opened = cache.ClaimCache.__init__

    def traced(self, *args):
        opened(self, *args)
        self.db.set_trace_callback(statements.append)

    def refused(*args, **kwargs):
        raise AssertionError("a cached claim validated one by one")

    monkeypatch.setattr(cache.ClaimCache, "__init__", traced)
    monkeypatch.setattr(Claim, "model_validate", refused)
    monkeypatch.setattr(Claim, "model_validate_json", refused)
    extracted = counting(monkeypatch)
    assert to_json(run_check(options)) == first and extracted == []
    assert len([s for s in statements if s.startswith("SELECT key, claims FROM entries")]) == 1


def test_an_entry_is_decoded_into_claims_by_one_typed_decode(tmp_path, monkeypatch):
    """No lean structs and no conversion one claim at a time: msgspec makes the claims."""
    from checker import lean

    options = RunOptions(paths=[str(SEEDS)], cache=str(tmp_path / "cache"))
    first = to_json(run_check(options))

    def refused(*args, **kwargs):
        raise AssertionError("a cached claim converted one by one")

    monkeypatch.setattr(lean, "Decoder", refused)
    monkeypatch.setattr(lean, "as_claim", refused)
    extracted = counting(monkeypatch)
    report = run_check(options)
    assert to_json(report) == first and extracted == []
    assert all(isinstance(c, Claim) for c in report.claims)


def test_an_entry_keeps_the_order_of_claims_of_every_kind_of_value():
    from checker.cache import Entry, claims_of, encoded

    claims = run_check(RunOptions(paths=[str(SEEDS)])).claims
    article = max({c.article for c in claims}, key=lambda a: len({type(c.value) for c in claims if c.article == a}))
    mine = [c for c in claims if c.article == article]
    mine.insert(len(mine) // 2, mine[0].model_copy(update={"value": None, "id": f"{article}#bare"}))
    assert {type(c.value).__name__ for c in mine} == {"QuantityValue", "DateValue", "TextValue", "NoneType"}
    back = claims_of(msgspec.msgpack.decode(encoded(mine), type=Entry), article)
    assert msgspec.json.encode(back) == msgspec.json.encode(mine)
    renamed = claims_of(msgspec.msgpack.decode(encoded(mine), type=Entry), "copy")
    assert [c.id for c in renamed] == ["copy" + c.id[len(article):] for c in mine]
    assert {c.article for c in renamed} == {"copy"}


def test_a_claim_of_a_value_the_cache_does_not_know_keeps_its_article_out():
    from checker.cache import encoded
    from checker.models import QuantityValue

    class Share(QuantityValue, kw_only=True):
        of: str = "votes"

    claim = run_check(RunOptions(paths=[str(SEEDS)])).claims[0]
    assert encoded([claim]) is not None
    assert encoded([claim, claim.model_copy(update={"value": Share(low=1.0, high=1.0)})]) is None


def test_an_entry_of_another_format_is_never_misread(tmp_path, caplog):
    import sqlite3

    options = RunOptions(paths=[str(SEEDS)], cache=str(tmp_path / "cache"))
    first = to_json(run_check(options))
    with sqlite3.connect(tmp_path / "cache" / "claims.sqlite") as db:
        keys = [k for (k,) in db.execute("SELECT key FROM entries")]
        db.execute("UPDATE entries SET claims = ? WHERE key = ?", ('[{"id": "#1"}]', keys[0]))
        db.execute("UPDATE entries SET claims = ? WHERE key = ?", (msgspec.msgpack.encode((b"qq", [], [], [], [])),
                                                                   keys[1]))
    assert to_json(run_check(options)) == first
    assert "cannot read the claim cache" in caplog.text
