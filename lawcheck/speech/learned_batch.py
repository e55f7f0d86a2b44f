"""The learned signal's scores for many statements at once (issue 13, speed).

:meth:`lawcheck.speech.learned.Learned.decision` scores one statement with a Python loop over
its grams. Review reads its input in chunks (lawcheck.review.parallel); :func:`decide_many`
scores a whole chunk with numpy: each statement's words (one C regex pass each, the same
``words_of``), every word mapped to an integer id by one dict lookup, word pairs as integer
codes found with one ``searchsorted``, the counts of each statement's columns by one
``np.unique``, and the sums over a padded matrix, row by row.

The result is the same, float for float, as ``decision`` (tests/test_speed_learned_batch.py
holds it to that on every labelled and benchmark text): the terms are the same products
(``tf * tf * idf²`` and ``tf * coef * idf``, with tf = 1 + log(count) from ``math.log``), and
each statement's terms are added one after the other from 0.0 in the order ``decision`` adds
them (words, then pairs, each column at its first appearance); a padded zero added after the
last term changes no bit. numpy's own ``sum`` is not used: it adds in pairs, another order.

A model that reads the analyser's acts (``Learned.acts``) is not batched: its tokens come
from the analysis, which exists only inside review; :func:`view` then hands the plain model.
A study's model of longer word grams (``Learned.ngram``) is scored one text at a time; a
study's character block (``Learned.char``) is added to the batched word scores per text, as
``decision`` adds it.
"""

from __future__ import annotations

import math
from itertools import chain, repeat

from lawcheck.speech.learned import POOLED
from lawcheck.speech.likeness import words_of

_TABLES: dict[int, tuple] = {}  # id(Learned) -> (model, tables): the model kept alive with them
# the most cells (statements x (their most terms + 1)) summed in one padded block: 3 floats a
# cell with two categories, about 6 MB at most; a chunk past it is summed rank by rank
_PADDED = 1 << 18


def _tables(model):
    """(names, word ids, unigram column per id, sorted pair codes, their columns, idf², coef ×
    idf per category, intercepts, width), built once per model from ``Learned._fast_tables``
    (the same columns ``decision`` counts, every form of a lemma included)."""
    held = _TABLES.get(id(model))
    if held is not None and held[0] is model:
        return held[1]
    import numpy as np

    if model._fast is None:
        model._fast = model._fast_tables()
    names, index, rows, intercepts = model._fast
    words: dict[str, int] = {}
    for key in index:
        for word in (key if isinstance(key, tuple) else (key,)):
            words.setdefault(word, len(words))
    width = len(words) + 1  # the id len(words) is every word the vocabulary does not hold
    unigram = np.full(width, -1, dtype=np.int64)
    pairs = {}
    for key, column in index.items():
        if isinstance(key, tuple):
            pairs[words[key[0]] * width + words[key[1]]] = column
        else:
            unigram[words[key]] = column
    codes = np.array(sorted(pairs), dtype=np.int64)
    columns = np.array([pairs[c] for c in codes.tolist()], dtype=np.int64)
    square = np.array([r[0] for r in rows], dtype=np.float64)
    weight = np.array([r[1:] for r in rows], dtype=np.float64).reshape(len(rows), len(names))
    tables = (names, words, unigram, codes, columns, square, weight, intercepts, width)
    _TABLES[id(model)] = (model, tables)
    return tables


def decide_many(model, texts: list[str]) -> list[dict[str, float]]:
    """``[model.decision(t) for t in texts]`` (no act tokens), float for float."""
    import numpy as np

    if not texts:
        return []
    if getattr(model, "ngram", 2) > 2:  # a study's longer word grams: one text at a time
        return [model.decision(t) for t in texts]
    names, words, unigram, codes, columns, square, weight, intercepts, width = _tables(model)
    tokens = [words_of(t) for t in texts]
    count, ncol = len(texts), square.size
    lengths = np.fromiter(map(len, tokens), dtype=np.int64, count=count)
    total = int(lengths.sum())
    flat = np.fromiter(map(words.get, chain.from_iterable(tokens), repeat(width - 1)),
                       dtype=np.int64, count=total)
    starts = np.zeros(count, dtype=np.int64)
    np.cumsum(lengths[:-1], out=starts[1:])
    # each statement's stretch of the sequence: its words, then its pairs, as decision counts
    blocks = lengths + np.maximum(lengths - 1, 0)
    block_start = np.zeros(count, dtype=np.int64)
    np.cumsum(blocks[:-1], out=block_start[1:])
    size = int(blocks.sum()) + 1
    if max(count * ncol, width * width) * size >= 1 << 62:  # sort keys past 64 bits
        return [model.decision(t) for t in texts]
    owner = np.repeat(np.arange(count, dtype=np.int64), lengths)
    position = np.arange(total, dtype=np.int64) - starts[owner]
    column = unigram[flat]
    sequence = block_start[owner] + position
    if total > 1:
        inside = np.flatnonzero(owner[:-1] == owner[1:])  # a pair never spans two statements
        code = flat[inside] * width + flat[inside + 1]
        found = np.full(code.size, -1, dtype=np.int64)
        if codes.size and code.size:
            # looked up in sorted order (the codes near each other in memory), then put back
            ordered = np.sort(code * code.size + np.arange(code.size, dtype=np.int64))
            asked, back = np.divmod(ordered, code.size)
            at = np.minimum(np.searchsorted(codes, asked), codes.size - 1)
            found[back] = np.where(codes[at] == asked, columns[at], -1)
        pair_owner = owner[inside]
        column = np.concatenate((column, found))
        sequence = np.concatenate((sequence, block_start[pair_owner] + lengths[pair_owner]
                                   + position[inside]))
        owner = np.concatenate((owner, pair_owner))
    known = column >= 0
    # one sort: each (statement, column) with where it is first seen and how often
    keyed = np.sort((owner[known] * ncol + column[known]) * size + sequence[known])
    group, seen = np.divmod(keyed, size)
    opens = np.flatnonzero(np.concatenate(([group.size > 0], group[1:] != group[:-1])))
    counts = np.diff(np.append(opens, group.size))
    group, first = group[opens], seen[opens]
    # the groups in the order decision adds them: statement by statement, as first seen
    order = np.sort(first * max(group.size, 1) + np.arange(group.size, dtype=np.int64)) \
        % max(group.size, 1)
    group, counts = group[order], counts[order]
    text_of, column_of = np.divmod(group, ncol)
    tf = np.ones(counts.size, dtype=np.float64)
    many = counts > 1
    if many.any():
        logs = np.array([0.0] + [1.0 + math.log(c) for c in range(1, int(counts.max()) + 1)])
        tf[many] = logs[counts[many]]
    terms = np.empty((counts.size, 1 + len(names)), dtype=np.float64)
    terms[:, 0] = tf * tf * square[column_of]
    terms[:, 1:] = tf[:, None] * weight[column_of]
    per_text = np.bincount(text_of, minlength=count)
    group_start = np.zeros(count, dtype=np.int64)
    np.cumsum(per_text[:-1], out=group_start[1:])
    rank = np.arange(counts.size, dtype=np.int64) - group_start[text_of]
    longest = int(per_text.max()) if count else 0
    if count * (longest + 1) <= _PADDED:
        # each statement's terms in a row after a 0.0, zeros after them, and the running sum
        # along the row: np.add.accumulate adds strictly left to right (out[i] = out[i-1] +
        # x[i]; no pairwise sums), so the last column is ((0.0 + t0) + t1) + ..., decision's
        # order; a sum that starts at +0.0 is never -0.0, so the zeros after change no bit.
        # One call instead of a loop over the ranks (issue 13, speed)
        padded = np.zeros((count, longest + 1, 1 + len(names)), dtype=np.float64)
        padded[text_of, rank + 1] = terms
        sums = np.add.accumulate(padded, axis=1)[:, -1]
    else:  # a very long statement in the chunk: rank by rank, without the padded block
        # the terms by rank (each statement once per rank): row r adds every statement's
        # r-th term
        by_rank = np.sort(rank * count + text_of)
        rank_of, text_by_rank = np.divmod(by_rank, count)
        terms = terms[group_start[text_by_rank] + rank_of]
        bounds = np.concatenate(([0], np.cumsum(np.bincount(rank_of)))).tolist()
        sums = np.zeros((count, 1 + len(names)), dtype=np.float64)
        for a, b in zip(bounds, bounds[1:]):  # each sum in decision's order, from 0.0
            sums[text_by_rank[a:b]] += terms[a:b]
    out = []
    sqrt = math.sqrt
    for values in sums.tolist():
        norm = sqrt(values[0]) or 1.0
        out.append({c: values[k + 1] / norm + intercepts[k] for k, c in enumerate(names)})
    if getattr(model, "char", None) is not None:  # a study's character block, as decision adds it
        return [model.with_chars(t, s) for t, s in zip(texts, out)]
    return out


class Scored:
    """A learned model that answers ``decision`` from scores worked out beforehand for a chunk
    of texts (:func:`decide_many`), and asks the model itself for any other text or for act
    tokens. Everything else is the model's own: ``signals`` is ``Learned.signals`` run on this
    view, so the words, cases and thresholds of a finding come from the same code."""

    def __init__(self, model, scores: dict[str, dict[str, float]]) -> None:
        self._model = model
        self._scores = scores

    def __getattr__(self, name):
        return getattr(self._model, name)

    def decision(self, text: str, acts=()) -> dict[str, float]:
        if not acts:
            found = self._scores.get(text)
            if found is not None:
                return dict(found)
        return self._model.decision(text, acts)

    def signals(self, text: str, analysis=None):
        found = self._scores.get(text)
        model = self._model
        if found is not None and not model.acts:
            models = model.models
            # nearly every statement: no category reaches its threshold, and Learned.signals
            # answers [] for these very scores (no act tokens, no pooled model) without
            # looking at anything else; answered here, without the view's attribute look-ups
            # (issue 13, speed; tests/test_speed_whole_path.py holds the two equal)
            if POOLED not in models and all(found[c] < m["threshold"]
                                            for c, m in models.items()):
                return []
        return type(model).signals(self, text, analysis)


def view(model, texts: list[str]):
    """The model to score ``texts`` with: a :class:`Scored` view holding their scores, or the
    model itself when it cannot be batched (none, or one that reads the analyser's acts)."""
    if model is None or getattr(model, "acts", False) or not texts:
        return model
    unique = list(dict.fromkeys(texts))
    return Scored(model, dict(zip(unique, decide_many(model, unique))))
