"""Issue 13 (speed), the whole review path (session s27): each shortcut taken between reading a
statement and storing its report gives what the plain way gives."""

from __future__ import annotations

from datetime import date

import pytest

from lawcheck.review.inputs import StatementInput
from lawcheck.review.reviewer import ReviewerSpec
from tests.statement_texts import benchmark_statements, set_texts


@pytest.fixture(scope="module")
def spec(tmp_path_factory):
    db = tmp_path_factory.mktemp("whole") / "w.db"
    return ReviewerSpec(db=str(db), sync=True, as_of=date(2026, 12, 10),
                        checked_at="2026-12-10T00:00:00+00:00")


def _items(texts):
    return [StatementInput(f"s{i}", text, "t.csv", i + 2, org_type="domestic_ngo" if i % 3
                           else None, medium="facebook" if i % 2 else None)
            for i, text in enumerate(texts)]


def test_the_memo_key_made_while_reading_is_the_key_of_the_finished_facts(spec):
    """Reviewer._read makes the memo key once (prepare and report both use it): it must be
    the key of the facts as they stand when the report is made, so nothing may change the
    facts after _read; a wrong key would hand a statement another fact set's outcome."""
    reviewer = spec.build()
    items = _items(set_texts(150) + benchmark_statements(21, 150))
    for item in items:
        read = reviewer._read(item)
        key = read[10]
        reviewer.report(item)  # report() reads the statement again (nothing was prepared)
        assert key == reviewer._key(*read[5:9])
        assert reviewer._memo[key] is reviewer._outcome(*read[5:9])


def _words_by_the_pattern(text: str) -> list[str]:
    from lawcheck.speech import likeness

    return likeness._TOKEN.findall(text.lower())


def _words_fresh(text: str) -> list[str]:
    from lawcheck.speech import likeness

    likeness._LAST = ("", [])  # not the last text's words: the words worked out again
    return likeness.words_of(text)


def test_ascii_words_are_the_token_patterns_on_every_character_and_pair():
    """words_of reads ASCII text with a translate table instead of the regex: every ASCII
    character, alone, doubled, between letters and between word runs, splits as the pattern
    splits it."""
    for i in range(128):
        c = chr(i)
        for text in (c, c * 2, f"ab{c}cd", f"a{c}b", f"{c}Ab{c}{c}9_x{c}", f"X{c}{c}Y"):
            assert _words_fresh(text) == _words_by_the_pattern(text), repr(text)


@pytest.mark.parametrize("seed", range(3))
def test_words_of_is_the_pattern_on_generated_and_labelled_text(seed):
    import random

    rng = random.Random(seed)
    alphabet = [chr(i) for i in range(128)] + ["é", "ß", "İ", "ក", "\u00a0", "\u2019", "Σ"]
    texts = set_texts(200) + benchmark_statements(30 + seed, 200)
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60)))
              for _ in range(3000)]
    for text in texts:
        assert _words_fresh(text) == _words_by_the_pattern(text), repr(text)


def test_tokens_read_from_the_transposed_array_are_the_docs_words():
    """context.Tokens takes each word's offset and length as two flat lists (the array
    transposed): they must be spaCy's own, word for word, with the text sliced from them."""
    from lawcheck.speech import Analyser
    from lawcheck.speech.context import Tokens

    nlp = Analyser().pipeline.nlp
    texts = ["", " ", "a", "Ça coûte — “quoted” words…", "#FreeThem now!!", "x\n\ny  z"]
    texts += set_texts(100) + benchmark_statements(40, 100)
    for text in texts:
        doc = nlp.tokenizer(text)
        tokens = Tokens(doc, text)
        assert tokens.idx == [t.idx for t in doc]
        assert tokens.text == [t.text for t in doc]
        assert tokens.lower == [t.text.lower() for t in doc]
        assert all(type(i) is int for i in tokens.idx)


class _Preparing:
    """A reviewer whose prepare reads each statement and calls ``hide`` after each, as
    Reviewer.prepare does; it notes what the collector looked like meanwhile."""

    def __init__(self):
        self.seen = []

    def build(self):
        return self

    def prepare(self, items, hide=None):
        import gc

        for item in items:
            before = gc.get_freeze_count()
            if hide is not None:
                [object() for _ in range(10)]  # something read, alive until the report
                hide()
            self.seen.append((item.id, before > 0, hide is gc.freeze))

    def review(self, item):
        import gc

        return {"id": item.id, "frozen": gc.get_freeze_count() > 0}


def test_an_in_process_review_hides_each_read_statement_and_unfreezes_it_all():
    """The in-process path passes gc.freeze as prepare's ``hide`` inside the block that froze
    the heap; whatever was frozen in the block is handed back at its end (nothing stays
    frozen once a report is out), and a caller's own frozen heap is left alone."""
    import gc
    from types import SimpleNamespace

    from lawcheck.review.parallel import AHEAD, ordered_map

    items = [SimpleNamespace(id=f"s{i}") for i in range(AHEAD + 5)]
    spec = _Preparing()
    assert gc.get_freeze_count() == 0
    for _, report in ordered_map(spec, items, jobs=1):
        assert report["frozen"]
        assert gc.get_freeze_count() == 0
    assert [s[0] for s in spec.seen] == [i.id for i in items]
    assert all(frozen and is_freeze for _, frozen, is_freeze in spec.seen)
    spec.seen.clear()
    gc.freeze()  # a caller that froze its own heap: prepare gets no hide, nothing is unfrozen
    try:
        kept = gc.get_freeze_count()
        list(ordered_map(spec, items[:3], jobs=1))
        assert gc.get_freeze_count() == kept
        assert [is_freeze for _, _, is_freeze in spec.seen] == [False] * 3
    finally:
        gc.unfreeze()


def test_reviews_that_hide_what_they_read_equal_reviews_one_at_a_time(spec):
    """Reviewer.prepare with ``hide`` (the in-process path) writes the reports a reviewer
    that never prepares writes."""
    from lawcheck.review.parallel import ordered_map

    items = _items(set_texts(60) + benchmark_statements(41, 300))
    plain = spec.build()
    expected = [plain.review(item) for item in items]
    assert [report for _, report in ordered_map(spec, items, jobs=1)] == expected


def test_the_run_risk_keeps_the_first_riskiest_when_subjects_tie():
    """RunRecorder._merge_risk skips a subject whose level and score equal the riskiest so
    far (most statements of a batch): the first of the riskiest is kept, as the plain rank
    comparison keeps it, whatever mix of ties, numbers and odd values comes."""
    import random

    from lawcheck.audit.recorder import RunRecorder, _risk_rank

    values = [{"level": "none", "score": 0.0}, {"level": "none", "score": 0},
              {"level": "low", "score": 0.2}, {"level": "low", "score": 0.2},
              {"level": "high", "score": 0.7}, {"level": "high", "score": True},
              {"level": "odd", "score": "x"}, {"level": None}, "not a dict", {}]
    rng = random.Random(11)
    for _ in range(500):
        risks = [{"deregistration": dict(v) if isinstance(v, dict) else v}
                 for v in (rng.choice(values) for _ in range(rng.randint(1, 15)))]
        recorder = RunRecorder.__new__(RunRecorder)
        recorder._risk, recorder._ranks = {}, {}
        for risk in risks:
            recorder._merge_risk(risk)
        best = risks[0]["deregistration"]
        for risk in risks[1:]:
            if _risk_rank(risk["deregistration"]) > _risk_rank(best):
                best = risk["deregistration"]
        assert recorder._risk["deregistration"] is best


def test_redact_and_dehydrate_keep_the_plain_content_and_key_order():
    """redact copies the report less its text keys (dict copy and pop, not a filtered
    comprehension) and _dehydrate hands a report without findings back uncopied: the stored
    bytes are those of the plain way."""
    from lawcheck.audit.recorder import SUBJECT_TEXT_KEYS, RunRecorder, redact, _redact_finding
    from lawcheck.jsonbytes import dumps

    def plain_redact(report):
        out = {k: v for k, v in report.items() if k not in SUBJECT_TEXT_KEYS}
        if isinstance(out.get("subject"), dict):
            out["subject"] = {k: v for k, v in out["subject"].items()
                              if k not in SUBJECT_TEXT_KEYS}
        out["findings"] = [_redact_finding(f) for f in out.get("findings") or []]
        return out

    reports = [{"text": "words", "subject": {"kind": "statement", "text": "w", "id": "s1"},
                "findings": [], "risk": {}},
               {"subject": "odd", "findings": None, "text": "t"},
               {"a": 1, "findings": [{"rule": "r", "where": {"excerpt": "e", "spans": []},
                                      "citations": [{"provision": "p", "text": "law"}]}]},
               {"lawcheck": "x", "findings": []}, {"no": "findings key"}]
    recorder = RunRecorder.__new__(RunRecorder)
    recorder._texts, recorder._citations = {}, {}
    for report in reports:
        mine, plain = redact(report), plain_redact(report)
        assert list(mine) == list(plain) and mine == plain
        if isinstance(mine.get("subject"), dict):
            assert list(mine["subject"]) == list(plain["subject"])
            assert mine["subject"] is not report.get("subject")  # never the caller's dict
        dehydrated = recorder._dehydrate(report)
        assert dumps(dehydrated) == dumps({**report, "findings": dehydrated["findings"]}) \
            if "findings" in report else "findings" in dehydrated


def test_jsonl_lines_written_as_bytes_are_the_text_paths_bytes(tmp_path):
    """A jsonl file open_writer opened gets each line as the encoder's UTF-8 bytes (no decode
    and encode on the way): the file is byte for byte what the text stream wrote, for new
    files and appended ones, non-ASCII words, escapes and numbers included; a stream the
    writer did not open keeps the text path."""
    import io

    from lawcheck.report.writers import JsonlWriter
    from lawcheck.review.outputs import open_writer

    reports = [{"a": "Ça “coûte”", "n": [1, 2.5, 1e-05, 10 ** 17], "k": "ក\u2028\n\t\"\\"},
               {"empty": {}, "none": None, "t": True}, {"x": "\u00a0" * 3}]
    text = io.StringIO()
    plain = JsonlWriter(text)
    for r in reports:
        plain.write(None, r)
    assert plain._bytes is False
    path = tmp_path / "out.jsonl"
    writer = open_writer("jsonl", str(path))
    for r in reports[:2]:
        writer.write(None, r)
    assert writer._bytes is not False
    writer.close()
    again = open_writer("jsonl", str(path), append=True)
    again.write(None, reports[2])
    again.close()
    assert path.read_bytes() == text.getvalue().encode("utf-8")


@pytest.mark.parametrize("padded", [0, 1 << 18])
def test_chunk_sums_padded_or_rank_by_rank_are_decisions_float_for_float(monkeypatch, padded):
    """learned_batch adds each statement's terms with one running sum over a padded block
    (np.add.accumulate, left to right), or rank by rank when the block would be too big: both
    give model.decision's floats bit for bit, in chunks with empty, one-word, repeated-word
    and very long statements."""
    from lawcheck.speech import learned, learned_batch

    model = learned.load()
    monkeypatch.setattr(learned_batch, "_PADDED", padded)
    texts = ["", "a", "traitor traitor traitor", "x " * 300,
             "The court must release Sok Dara; the charges are politically motivated. " * 40]
    texts += set_texts(150) + benchmark_statements(42, 200)
    for i in range(0, len(texts), 64):
        chunk = texts[i:i + 64]
        for text, fast in zip(chunk, learned_batch.decide_many(model, chunk)):
            plain = model.decision(text)
            assert list(fast) == list(plain), text[:60]
            assert [v.hex() for v in fast.values()] == [v.hex() for v in plain.values()]


def test_the_views_quick_no_signal_answer_is_the_models_answer():
    """learned_batch.Scored.signals answers [] itself when no category's stored score reaches
    its threshold: on every labelled text and benchmark statement (the risky lines the signal
    flags among them) the view's signals are the model's own, found and not found alike."""
    from lawcheck.speech import learned, learned_batch

    model = learned.load()
    texts = set_texts() + benchmark_statements(43, 400) + ["", "a"]
    flagged = 0
    for i in range(0, len(texts), 128):
        chunk = texts[i:i + 128]
        view = learned_batch.view(model, chunk)
        for text in chunk:
            got = view.signals(text)
            assert got == model.signals(text), text[:60]
            flagged += bool(got)
    assert flagged > 20  # the slow path (a category reached) was compared too
