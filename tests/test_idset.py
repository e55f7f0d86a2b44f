"""The compact id set behind duplicate-id detection in batch review."""

from __future__ import annotations

import random

from hypothesis import given, strategies as st

from lawcheck.review.idset import IdSet


@given(st.lists(st.text(max_size=12), max_size=300))
def test_behaves_like_a_set(ids):
    compact, plain = IdSet(capacity=4), set()
    for item in ids:
        assert compact.add(item) == (item not in plain)
        plain.add(item)
        assert item in compact
    assert len(compact) == len(plain)


def test_grows_past_its_capacity_and_keeps_every_id():
    ids = [f"s{i:06d}" for i in range(50_000)]
    random.Random(3).shuffle(ids)
    compact = IdSet(capacity=16)
    assert all(compact.add(i) for i in ids)
    assert not any(compact.add(i) for i in ids[::97])
    assert len(compact) == 50_000 and "s999999" not in compact
