"""Issue 13 (speed), the learned signal scored a chunk at a time (lawcheck.speech.learned_batch)
and the in-process review reading ahead to feed it (lawcheck.review.parallel): the same numbers
and the same reports as one statement at a time."""

from __future__ import annotations

import json
from datetime import date

import pytest

from lawcheck.review.inputs import BadRow, StatementInput
from lawcheck.review.parallel import AHEAD, ordered_map
from lawcheck.review.reviewer import ReviewerSpec
from lawcheck.speech import learned, learned_batch
from tests.statement_texts import DATA, benchmark_statements, set_texts

EDGES = ["", "a", "the the the the the", "x " * 400, "Ça coûte — “quoted” words…",
         "#FreeThem now!", "ប្រជាពលរដ្ឋទាំងអស់ត្រូវចូលរួម។", "Hun Sen hun sen HUN SEN",
         "The court must release Sok Dara; the charges are politically motivated."]


def _texts() -> list[str]:
    texts = list(EDGES) + set_texts() + benchmark_statements(9, 600)
    for path in (DATA / "khmer" / "tune.jsonl", DATA / "khmer" / "real" / "tune.jsonl"):
        texts += [json.loads(line)["text"]
                  for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return texts


@pytest.fixture(scope="module")
def model():
    found = learned.load()
    assert found is not None and not found.acts  # the shipped model: words only, batched
    return found


@pytest.mark.parametrize("size", [1, 5, 128])
def test_a_chunk_scores_as_each_statement_alone_float_for_float(model, size):
    texts = _texts()
    assert len(texts) > 1500
    for i in range(0, len(texts), size):
        chunk = texts[i:i + size]
        # == on floats: the same bits (no tolerance); the same keys in the same order
        for text, fast, plain in zip(chunk, learned_batch.decide_many(model, chunk),
                                     [model.decision(t) for t in chunk]):
            assert list(fast) == list(plain) and fast == plain, text[:80]
            assert all(type(v) is float for v in fast.values())


def test_a_repeated_word_and_pair_count_by_the_sublinear_tf(model):
    # counts above one take 1 + log(count): a chunk where the same grams recur many times
    texts = ["traitor " * n + "sold our land " * (n // 2) for n in range(1, 40)]
    assert learned_batch.decide_many(model, texts) == [model.decision(t) for t in texts]


def test_the_view_scores_what_it_was_given_and_asks_the_model_for_the_rest(model):
    texts = benchmark_statements(4, 20)
    view = learned_batch.view(model, texts[:10])
    for text in texts:
        assert view.decision(text) == model.decision(text)
        assert view.signals(text) == model.signals(text)
    assert learned_batch.view(None, texts) is None
    assert learned_batch.view(model, []) is model


@pytest.fixture(scope="module")
def spec(tmp_path_factory):
    db = tmp_path_factory.mktemp("batch") / "b.db"
    return ReviewerSpec(db=str(db), sync=True, as_of=date(2026, 12, 10),
                        checked_at="2026-12-10T00:00:00+00:00")


def _items(texts):
    return [StatementInput(f"s{i}", text, "t.csv", i + 2, org_type="domestic_ngo",
                           medium="facebook" if i % 2 else None)
            for i, text in enumerate(texts)]


def test_reviews_read_ahead_equal_reviews_one_at_a_time(spec):
    """The in-process path prepares each chunk's learned scores; a reviewer that never
    prepares (each statement scored alone) writes the same reports, on the labelled sets
    (every risky line the signal flags among them) and the benchmark's statements."""
    texts = set_texts() + benchmark_statements(11, 300)
    items = _items(texts)
    plain = spec.build()
    expected = [plain.review(item) for item in items]
    got = [report for _, report in ordered_map(spec, items, jobs=1)]
    assert got == expected
    flagged = sum(any(f["rule"].startswith("kh.speech.learned.") for f in r["findings"])
                  for r in got)
    assert flagged > 0  # the signal's findings (words, cases, scores) were compared too


def test_an_input_error_after_good_rows_comes_after_their_reports(spec):
    """Reading ahead must not lose the rows read before a failure: they are reviewed and
    handed on first, then the error is raised, as when rows were read one by one."""
    good = _items(benchmark_statements(12, 5))

    def rows():
        yield from good[:3]
        yield BadRow("t.csv", 9, None, "LC270", "CSV syntax")
        yield from good[3:]
        raise OSError("the disk went away")

    seen = []
    with pytest.raises(OSError, match="disk went away"):
        for item, report in ordered_map(spec, rows(), jobs=1):
            seen.append((item.id if not isinstance(item, BadRow) else "bad", report is None))
    assert seen == [("s0", False), ("s1", False), ("s2", False), ("bad", True),
                    ("s3", False), ("s4", False)]


def test_more_rows_than_one_chunk_keep_their_order(spec):
    items = _items(benchmark_statements(13, AHEAD * 2 + 3))
    assert [item.id for item, _ in ordered_map(spec, items, jobs=1)] == \
        [item.id for item in items]


def test_fact_sets_settled_together_equal_each_settled_alone(spec):
    """Reviewer.prepare sends the chunk's new fact sets to the rules engine in one call: each
    outcome (findings, not_checked, risk, the facts as compared) is the one it gets alone."""
    items = _items(set_texts(120) + benchmark_statements(14, 200))
    alone, together = spec.build(), spec.build()
    wanted = [alone._read(item)[5:9] for item in items]
    expected = {alone._key(*w): alone._outcome(*w) for w in wanted}
    settled = together._settle(wanted)
    assert len(settled) == len(expected) > 20  # many distinct fact sets, each settled once
    for key, outcome in expected.items():
        got = settled[key]
        assert (got.facts, got.findings, got.not_checked, got.risk) == \
            (outcome.facts, outcome.findings, outcome.not_checked, outcome.risk)
    assert together._settle(wanted) == {}  # all memoised now


def test_a_statement_that_fails_to_read_fails_in_its_place(spec, monkeypatch):
    """prepare() reads the chunk ahead; a statement whose reading raises is left to report(),
    which raises for it in its place: the statements before it are reported first."""
    reviewer = spec.build()
    items = _items(["We thank the council.", "BOOM", "Volunteers visited 20 homes."])
    plain = reviewer.analyser.analyse

    def analyse(text, **kw):
        if text == "BOOM":
            raise RuntimeError("analyser failed")
        return plain(text, **kw)

    monkeypatch.setattr(reviewer.analyser, "analyse", analyse)
    reviewer.prepare(items)
    assert reviewer.review(items[0])["findings"] == []
    with pytest.raises(RuntimeError, match="analyser failed"):
        reviewer.review(items[1])
    assert reviewer.review(items[2])["findings"] == []
