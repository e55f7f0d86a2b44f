"""Cross-fitting: honest learned scores for the statements the model was trained on.

A benchmark that scores a training line with the shipped model would read its own answer back;
instead each such line gets the model of the cross-validation fold that did not see it, rebuilt
with scikit-learn at benchmark time (never at review time). Split from learned_build.py, whose
fitting it reuses; used by lawcheck/review/quality.py and so benchmarks/quality.py.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from lawcheck.speech.learned import FOLDS, ROOT, TRAINING, Learned, load
from lawcheck.speech.learned_build import _rounded, dumps, fit, folds, read_rows, to_data


_FOLDED: dict[str, dict] = {}


def fold_models(shipped: Learned | None = None) -> dict[str, Learned]:
    """For each training line's id, the model of the fold that did not see it (rebuilt with
    scikit-learn on the current training files, the shipped thresholds; memoised per content).
    Each model's ``seen`` holds the ids it was fitted on."""
    shipped = shipped or load()
    if shipped is None:
        return {}
    rows = read_rows()
    key = hashlib.sha256("".join(dumps(r) for r in rows).encode()).hexdigest()
    if key not in _FOLDED:
        fold = folds(rows)
        thresholds = {c: m["threshold"] for c, m in shipped.models.items()}
        margins = {c: m["margin"] for c, m in shipped.models.items() if "margin" in m} or None
        by_id = {}
        for f in range(FOLDS):
            seen = [r for r, g in zip(rows, fold) if g != f]
            model = Learned(to_data(_rounded(fit(seen)), thresholds, seen, margins))
            model.seen = frozenset(r["id"] for r in seen)
            by_id.update({r["id"]: model for r, g in zip(rows, fold) if g == f})
        _FOLDED.clear()
        _FOLDED[key] = by_id
    return _FOLDED[key]


def crossfitted(items, path) -> list:
    """``items`` of ``path``, each of a training file carrying (as ``learned``) the model of the
    fold that did not see it; items of any other file are returned as they are."""
    from dataclasses import replace

    try:
        rel = Path(path).resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return list(items)
    if rel not in TRAINING:
        return list(items)
    models = fold_models()
    return [replace(i, learned=models[i.id]) if i.id in models else i for i in items]
