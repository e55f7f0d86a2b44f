"""The build side of the learned signal (lawcheck.speech.learned): reading the training files,
grouped folds, fitting with scikit-learn, choosing thresholds by grouped cross-validation (the
counting itself is in learned_thresholds.py), and writing the plain-data artefact. Cross-fitting
(each training line scored by the model of the fold that did not see it, for benchmarks) is in
learned_crossfit.py. scikit-learn is imported here only, and only when fitting; the review's
runtime never imports this module.

    python -m lawcheck.speech.learned_build build

The threshold rule and model settings are a named variant (:data:`VARIANTS`; the shipped one is
``learned.VARIANT``). For the study of the tenth round (issue 13: thresholds that do not drift
up merely because benign lines are added), a build can fit on a part of the tuning lines only:

    python -m lawcheck.speech.learned_build build --fit-half study --variant rate-2 -o /tmp/x.json
    python benchmarks/quality.py --set tests/data/real/tune.jsonl --half check --learned /tmp/x.json

``--fit-half`` keeps the tuning lines of one half (:func:`half_of`, the definition
benchmarks/quality.py's ``--half`` uses too), with every statements-train.jsonl line; ``--benign-share 0.8``
keeps that share of the real benign lines (fixed seed), for the drift check. Such an artefact
lists the ids it was fitted on (``fit``), so the benchmark knows which lines it never saw.

The eleventh round (thresholds robust to fold noise) adds variants over several grouped fold
draws (``mean-5``, ``median-5``: :func:`draws`, :func:`combined`, :func:`floor_of`) and, for its
stability check, ``--fold-seed F`` (the first draw's seed) and ``--without-added PASS`` (the
tuning lines of one data pass left out); both make a study artefact, never the shipped one.
"""

from __future__ import annotations

import hashlib
import json
import math
from pathlib import Path

from lawcheck.speech.learned import (ACTS, ARTEFACT, C, CATEGORIES, FOLDS, FORMAT, GUARD, KEEP,
                                     LEMMAS, MARGIN, MAX_FALSE, POOLED, REAL_WEIGHT, ROOT, SEED,
                                     TRAINING, VARIANT, grams, reading)
from lawcheck.speech.likeness import vector
# the threshold rules, re-exported: the studies and their tests name them from here
from lawcheck.speech.learned_thresholds import (FLOORS, _hits, allowed, choose,  # noqa: F401
                                                curve, figures, floor_of, margin_figures,
                                                margins_by, mean_scores, thresholds_by)

# The threshold rules and model settings compared by the tenth round's study (listed before any
# check-half figure was read; tests/data/README.md, "learned signal, tenth round"). A rule is
# ("count", n): at most n benign tuning lines flagged out of fold (the rule to the ninth round;
# a fixed count over a benign pool that grows every pass is a shrinking rate, so thresholds
# drift up); ("rate", r): at most floor(r * benign tuning lines) flagged, all categories
# together; ("rate-each", r): each category's own flags at most floor(r * benign lines), chosen
# alone (a quantile of the benign out-of-fold scores). The dev/train floor holds for every rule.
# Model settings: class_weight (scikit-learn's), real_weight (a real line's weight against a
# hand-written one), keep (n-grams kept; None keeps all), pooled (one risky-vs-benign model
# decides whether a statement is flagged, the category being the one whose own model scores it
# highest).
_BASE = {"class_weight": "balanced", "real_weight": REAL_WEIGHT, "keep": KEEP, "pooled": False}
# the eleventh round (thresholds robust to fold noise; listed before any check figure was read,
# tests/data/README.md "learned signal, eleventh round"): ``repeats`` grouped fold draws (fold
# seeds SEED, SEED+1, ...), the dev/train floor from averages over the draws and the first draw
# (floor_of); "mean": each line's out-of-fold score averaged over the draws, then the rule on the
# averages; "median": the rule in each draw on its own scores, then each category's median. The
# later variants are mean-5 with one setting changed.
_MEAN_5 = {**_BASE, "rule": ("count", MAX_FALSE), "repeats": 5, "combine": "mean"}
_WORDS_3 = {**_MEAN_5, "keep": KEEP * 3 // 2, "ngram": 3}
VARIANTS = {
    "count-2": {**_BASE, "rule": ("count", MAX_FALSE)},
    "rate-1": {**_BASE, "rule": ("rate", 0.01)},
    "rate-2": {**_BASE, "rule": ("rate", 0.02)},
    "rate-each-1": {**_BASE, "rule": ("rate-each", 0.01)},
    "rate-2-unweighted": {**_BASE, "class_weight": None, "rule": ("rate", 0.02)},
    "rate-2-real-weight-2": {**_BASE, "real_weight": 2.0, "rule": ("rate", 0.02)},
    "rate-2-pooled": {**_BASE, "pooled": True, "rule": ("rate", 0.02)},
    "rate-2-keep-all": {**_BASE, "keep": None, "rule": ("rate", 0.02)},
    # the eleventh round (_MEAN_5 above)
    "mean-5": _MEAN_5,
    "median-5": {**_MEAN_5, "combine": "median"},
    # the twelfth round (features and weightings; listed before any figure was read,
    # tests/data/README.md "learned features, twelfth round"), each mean-5 otherwise
    # (lawcheck.speech.learned_features): "nb", NB-SVM's log-count ratio weighting, stored as
    # coef times r; "words-3", word 1-3-grams, keep raised in proportion; "chars", a second
    # block of char_wb 3-5-grams of the lower-cased text, its own keep
    "nb": {**_MEAN_5, "nb": True},
    "words-3": _WORDS_3,
    "chars": {**_MEAN_5, "chars": (3, 5), "char_keep": KEEP},
    # the twelfth round's floor study (listed before any figure was read, tests/data/README.md
    # "learned floor, twelfth round"): "floor" says which hand-written benign lines the
    # thresholds may not fall to (floor_of): "all" (the default when absent: dev and train),
    # "dev" (statements-dev.jsonl alone, never trained on: its lines by the full model and the
    # fold models' highest), "none" (the real tuning lines' rule alone); the margin rule is
    # unchanged
    "dev-floor": {**_MEAN_5, "floor": "dev"},
    "no-floor": {**_MEAN_5, "floor": "none"},
    "words-3-dev-floor": {**_WORDS_3, "floor": "dev"},
    "words-3-no-floor": {**_WORDS_3, "floor": "none"},
}


# The margin of statement.learned_strong (issue 13, eleventh round: a margin that does not mean
# less as a threshold nears 0 or crosses it). The candidates, listed before any check-half figure
# was read (tests/data/README.md, "learned margin, eleventh round"): ("factor", 3.0), today's 3
# times the threshold (the baseline; never strong when the threshold is not above 0);
# ("distance", ln 2), the threshold plus a fixed distance in log-odds (the score is a logistic
# decision value: the odds of the category twice those at the threshold), chosen by that
# argument alone; ("benign", 0.1), just above the highest out-of-fold score (averaged over the
# variant's fold draws) of any benign tuning or training line of the fit, and any dev line's
# score by the full model, plus 0.1 in log-odds, and never below the threshold plus 0.1 (the
# eighth round's promise, "no benign line reached it in the sets it was chosen on", made
# literal).
MARGINS = {
    "factor-3": ("factor", 3.0),
    "logit-ln2": ("distance", math.log(2)),
    "benign-max": ("benign", 0.1),
}


def settings(variant: str = VARIANT) -> dict:
    """A variant's settings (:data:`VARIANTS`)."""
    return VARIANTS[variant]


def names(pooled: bool) -> tuple[str, ...]:
    """The models fitted: the categories, and the pooled model when there is one."""
    return CATEGORIES + ((POOLED,) if pooled else ())


def effective(scores: dict[str, list[float]], pooled: bool) -> dict[str, list[float]]:
    """Per category, the score compared with its threshold: the category's own, or with a
    pooled model the pooled score for the category whose own model scores the line highest
    (as ``Learned.signals`` reads it) and -inf for the other."""
    if not pooled:
        return {c: scores[c] for c in CATEGORIES}
    n = len(scores[POOLED])
    top = [max(CATEGORIES, key=lambda c: (scores[c][i], c)) for i in range(n)]
    return {c: [scores[POOLED][i] if top[i] == c else -math.inf for i in range(n)]
            for c in CATEGORIES}


# --- the build side: scikit-learn, only here ---------------------------------------------------

def read_rows(paths=TRAINING) -> list[dict]:
    """The labelled lines of ``paths``, each tagged with the file it came from (``_file``)."""
    from lawcheck.errors import InputError, Where

    rows = []
    for rel in paths:
        try:
            lines = (ROOT / rel).read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as e:
            raise InputError(f"cannot read the training file: {e}", where=Where(rel),
                             fix="restore the file from git, or build from a checkout "
                                 "that has it") from None
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                if not isinstance(row, dict) or not {"id", "text"} <= set(row):
                    raise ValueError("not an object with an id and a text")
            except ValueError as e:
                raise InputError(f"a labelled line that cannot be read ({e})",
                                 where=Where(rel, number),
                                 fix="make the line one JSON object with id, text and expect "
                                     "(tests/data/README.md, 'One line')") from None
            rows.append({**row, "_file": rel})
    return rows


def group(row: dict) -> str:
    """One event's lines never sit on both sides of a fold: its precedent, else its source's
    URL, else its own id."""
    return row.get("precedent") or (row.get("source") or {}).get("url") or row["id"]


def folds(rows: list[dict], k: int = FOLDS, seed: int = SEED) -> list[int]:
    """Each row's fold: grouped (:func:`group`) and stratified on risky / benign, shuffled with
    a fixed seed (``seed``: one fold draw), each training file split on its own so every fold
    holds part of each."""
    from sklearn.model_selection import StratifiedGroupKFold

    out = [0] * len(rows)
    for rel in dict.fromkeys(r["_file"] for r in rows):
        index = [i for i, r in enumerate(rows) if r["_file"] == rel]
        split = StratifiedGroupKFold(n_splits=k, shuffle=True, random_state=seed)
        labels = [int(bool(rows[i]["expect"])) for i in index]
        groups = [group(rows[i]) for i in index]
        for number, (_, test) in enumerate(split.split(index, labels, groups)):
            for j in test:
                out[index[j]] = number
    return out


def _document_grams(document, lemmas: bool = LEMMAS, n: int = 2) -> list[str]:
    """scikit-learn's analyser over a (text, act tokens) document: :func:`grams`."""
    return grams(*document, lemmas=lemmas, n=n)


def _vectoriser(vocab=None, lemmas: bool = LEMMAS, n: int = 2):
    import functools

    from sklearn.feature_extraction.text import TfidfVectorizer

    analyse = functools.partial(_document_grams, lemmas=lemmas, n=n)
    return TfidfVectorizer(analyzer=analyse, sublinear_tf=True, vocabulary=vocab,
                           lowercase=False)  # grams() lower-cases the words itself


_READ: dict = {}


def documents(rows: list[dict], acts: bool = ACTS) -> list[tuple[str, tuple[str, ...]]]:
    """(text, act tokens) of each row; without ``acts``, no tokens. The analyser reads each text
    as review does (the screen, then ``bilingual.read`` with the default analyser), memoised per
    text and language."""
    from lawcheck.speech.bilingual import read
    from lawcheck.speech.script import screen

    if not acts:
        return [(r["text"], ()) for r in rows]
    out = []
    for r in rows:
        key = (r["text"], r.get("language"))
        if key not in _READ:
            if "analyser" not in _READ:  # the default analyser, as review's (no --model)
                from lawcheck.speech import Analyser

                _READ["analyser"] = Analyser()
            _, analysis = read(_READ["analyser"], screen(r["text"], r.get("language")),
                               r["text"])
            _READ[key] = reading(analysis)
        out.append((r["text"], _READ[key]))
    return out


def read_hash(rows: list[dict]) -> str:
    """A hash of the analyser's act tokens over ``rows``: it changes when the analyser reads a
    training line differently (the artefact must then be rebuilt)."""
    return hashlib.sha256(json.dumps([list(a) for _, a in documents(rows, True)]).encode()
                          ).hexdigest()


def _classifier(c: float, class_weight="balanced"):
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=c, class_weight=class_weight, max_iter=5000)


def _labels(rows: list[dict], name: str) -> list[int]:
    """1 for a line of category ``name`` (for the pooled model: of any learned category)."""
    wanted = set(CATEGORIES) if name == POOLED else {name}
    return [int(bool(wanted & set(r["expect"] or ()))) for r in rows]


def fit(rows: list[dict], *, c: float | None = None, keep: int | None = None,
        acts: bool = ACTS, lemmas: bool = LEMMAS, variant: str = VARIANT) -> dict:
    """The model on ``rows``: fit on every n-gram, keep the ``keep`` features that weigh most in
    any category, then fit the vectoriser and the classifiers again on those alone (so the
    stored model is exactly what scikit-learn scores). Returns the sklearn objects. The
    variant gives the class weights, a real line's weight, ``keep`` unless given, and whether
    a pooled model is fitted too; and, for the twelfth round's study (learned_features), the
    word n-gram length, a character block (kept per block) and NB weighting."""
    import numpy as np

    from lawcheck.speech import learned_features as lf

    v = settings(variant)
    c, keep = c or C, keep or v["keep"]
    n, span = v.get("ngram", 2), v.get("chars")
    fitted_names = names(v["pooled"])
    texts = documents(rows, acts)
    weights = [v["real_weight"] if r["_file"] == TRAINING[0] else 1.0 for r in rows]
    vectorisers = [_vectoriser(lemmas=lemmas, n=n)] + ([lf.char_vectoriser(span)] if span
                                                         else [])
    x = lf.stacked([f.fit_transform(texts) for f in vectorisers])
    if keep is not None:
        weight = np.zeros(x.shape[1])
        for name in fitted_names:
            model = _classifier(c, v["class_weight"]).fit(x, _labels(rows, name),
                                                          sample_weight=weights)
            weight = np.maximum(weight, np.abs(model.coef_[0]))
        widths = [len(f.vocabulary_) for f in vectorisers]
        chosen = lf.kept(weight, widths, [keep, v.get("char_keep")][:len(vectorisers)])
        grams_ = [list(f.get_feature_names_out()) for f in vectorisers]
        vectorisers = [_vectoriser({grams_[0][j]: i for i, j in enumerate(chosen[0])}, lemmas,
                                   n)] + [lf.char_vectoriser(span, {grams_[1][j]: i for i, j
                                                                    in enumerate(chosen[1])})
                                          for _ in vectorisers[1:]]
        x = lf.stacked([f.fit_transform(texts) for f in vectorisers])
    models = {}
    for name in fitted_names:
        labels = _labels(rows, name)
        r = lf.nb_ratio(x, labels) if v.get("nb") else None
        models[name] = _classifier(c, v["class_weight"]).fit(
            x if r is None else lf.scaled(x, r), labels, sample_weight=weights)
        if r is not None:  # stored as coef times r: x . (r * coef) = (x * r) . coef
            models[name].coef_ = models[name].coef_ * r
    return {"word": vectorisers[0], "char": vectorisers[1] if span else None,
            "models": models, "acts": acts, "lemmas": lemmas, "ngram": n}


def decision(fitted: dict, texts: list) -> dict[str, list[float]]:
    """scikit-learn's decision function of each category on ``texts``, (text, act tokens)
    documents (:func:`documents`)."""
    from lawcheck.speech.learned_features import stacked

    x = stacked([fitted["word"].transform(texts)]
                + ([fitted["char"].transform(texts)] if fitted.get("char") else []))
    return {c: [float(v) for v in m.decision_function(x)] for c, m in fitted["models"].items()}


def _rounded(fitted: dict) -> dict:
    """Round the fitted weights to 7 significant digits in place, in scikit-learn's own objects
    too, so the stored model and scikit-learn's score the same numbers (and the file is small)."""
    import numpy as np

    def r(values):
        return np.array([float(f"{v:.7g}") for v in values])

    fitted["word"].idf_ = r(fitted["word"].idf_)
    if fitted.get("char") is not None:
        fitted["char"].idf_ = r(fitted["char"].idf_)
    for model in fitted["models"].values():
        model.coef_ = r(model.coef_[0]).reshape(1, -1)
        model.intercept_ = r(model.intercept_)
    return fitted


def to_data(fitted: dict, thresholds: dict, rows: list[dict], margins: dict | None = None
            ) -> dict:
    """The plain data of a fitted model: vocabulary, IDF, coefficients, thresholds, the margins
    of statement.learned_strong when given, and the real risky cases it learned from as facts
    with sources (their word vectors, not texts)."""
    word = fitted["word"]
    data = {"word": {"vocab": {k: int(v) for k, v in sorted(word.vocabulary_.items())},
                     "idf": [float(v) for v in word.idf_]},
            "models": {}, "cases": [], "acts": fitted["acts"], "lemmas": fitted["lemmas"],
            "real": {"risky": sum(bool(r["expect"]) for r in rows if r["_file"] == TRAINING[0]),
                     "benign": sum(not r["expect"] for r in rows if r["_file"] == TRAINING[0])}}
    n, char = fitted.get("ngram", 2), fitted.get("char")
    if n != 2:  # a study's longer word grams (an artefact without it counts 1-2)
        data["ngram_range"] = [1, n]
    if char is not None:  # a study's character block
        data["char"] = {"vocab": {k: int(v) for k, v in sorted(char.vocabulary_.items())},
                        "idf": [float(v) for v in char.idf_],
                        "ngram_range": list(char.ngram_range)}
    width = len(word.vocabulary_)
    for category, model in fitted["models"].items():
        wanted = set(CATEGORIES) if category == POOLED else {category}
        data["models"][category] = {
            "coef": [float(v) for v in model.coef_[0][:width]],
            "intercept": float(model.intercept_[0]), "threshold": thresholds[category],
            "positives": sum(bool(wanted & set(r["expect"] or ())) for r in rows
                             if r["_file"] == TRAINING[0])}
        if char is not None:  # the character block's coefficients, after the word block's
            data["models"][category]["char_coef"] = [float(v) for v in model.coef_[0][width:]]
        if margins is not None and category in margins:
            data["models"][category]["margin"] = margins[category]
    vocab, idf = data["word"]["vocab"], tuple(data["word"]["idf"])
    for r in rows:
        if r["_file"] != TRAINING[0] or not set(r["expect"] or ()) & set(CATEGORIES):
            continue
        source = r.get("source") or {}
        words = vector(grams(*documents([r], fitted["acts"])[0], lemmas=fitted["lemmas"], n=n),
                       vocab, idf)
        data["cases"].append({
            "id": r["id"], "date": r.get("date") or "", "outcome": r.get("outcome") or "",
            "level": r.get("level") or "", "title": source.get("title") or "",
            "url": source.get("url") or "",
            "categories": sorted(set(r["expect"]) & set(CATEGORIES)),
            "vector": {str(j): round(v, 4) for j, v in sorted(words.items())}})
    return data


def _out_of_fold(rows, fold, guard_texts, variant: str = VARIANT):
    """Each row's scores by the model of the fold that did not see it (:func:`effective`), and
    the highest score any fold model gives a guard line."""
    pooled = settings(variant)["pooled"]
    scores = {c: [0.0] * len(rows) for c in CATEGORIES}
    guard = {c: -math.inf for c in CATEGORIES}
    for f in range(FOLDS):
        seen = [r for r, g in zip(rows, fold) if g != f]
        held = [i for i, g in enumerate(fold) if g == f]
        fitted = fit(seen, variant=variant)
        found = effective(decision(fitted, documents([rows[i] for i in held]) + guard_texts),
                          pooled)
        for c in CATEGORIES:
            for i, v in zip(held, found[c]):
                scores[c][i] = v
            guard[c] = max([guard[c], *found[c][len(held):]])
    return scores, guard


def draws(rows, guard_texts, variant: str = VARIANT, first: int = SEED) -> list[tuple]:
    """The variant's fold draws (``repeats``, 1 unless given), fold seeds ``first``,
    ``first`` + 1, ...: for each, (folds, out-of-fold scores, highest guard score)."""
    out = []
    for seed in range(first, first + settings(variant).get("repeats", 1)):
        fold = folds(rows, seed=seed)
        out.append((fold, *_out_of_fold(rows, fold, guard_texts, variant)))
    return out


def combined(variant, rows, drawn, floor) -> tuple[dict, dict, list[int], list[dict]]:
    """(thresholds, the scores the CV figures read, their folds, each draw's own thresholds)
    by the variant's rule and, over several draws, its ``combine``: "mean" chooses on the
    averaged scores; "median" chooses in each draw and takes each category's median (never
    below the floor, which holds for every draw)."""
    import statistics

    v = settings(variant)
    each = [thresholds_by(v["rule"], rows, s, floor, v["pooled"]) for _, s, _ in drawn]
    if len(drawn) == 1:
        return each[0], drawn[0][1], drawn[0][0], each
    if v["combine"] == "mean":
        scores = mean_scores(drawn)
        return (thresholds_by(v["rule"], rows, scores, floor, v["pooled"]), scores,
                drawn[0][0], each)
    t = {c: math.ceil(max(statistics.median(e[c] for e in each), floor[c]) * 1e4) / 1e4
         for c in CATEGORIES}
    return t, drawn[0][1], drawn[0][0], each


HALVES = ("study", "check")


def half_of(row: dict) -> str:
    """The half (study or check) a real tuning line's event falls in: its split key, else its
    precedent, else its source's URL, else its id, hashed. benchmarks/quality.py's --half and the
    studies here both use this one definition (the package never imports the benchmarks)."""
    key = (row.get("split_key") or row.get("precedent") or (row.get("source") or {}).get("url")
           or row["id"])
    return HALVES[int(hashlib.sha256(f"half:{key}".encode()).hexdigest()[:8], 16) % 2]


def subset(rows: list[dict], half: str | None = None, benign_share: float = 1.0,
           seed: int = SEED, without: str | None = None) -> list[dict]:
    """The training rows a study fits on: the tuning lines of one ``half`` (all when None), every
    statements-train.jsonl line, and ``benign_share`` of the real benign lines kept (a fixed
    seed; the drift check); ``without`` leaves out the tuning lines of that data pass (their
    ``added``, e.g. 2026-12-07e: the stability check).""" 
    import random

    if without is not None:
        rows = [r for r in rows if r["_file"] != TRAINING[0] or r.get("added") != without]
    if half is not None:
        rows = [r for r in rows if r["_file"] != TRAINING[0] or half_of(r) == half]
    if benign_share < 1.0:
        benign = [r["id"] for r in rows if r["_file"] == TRAINING[0] and not r["expect"]]
        kept = set(random.Random(seed).sample(benign, round(benign_share * len(benign))))
        rows = [r for r in rows if r["_file"] != TRAINING[0] or r["expect"] or r["id"] in kept]
    return rows


def is_study(half: str | None, benign_share: float, fold_seed: int, without: str | None,
             margin: str | None) -> bool:
    """Whether a build with these settings is a study's (its artefact lists what it was fitted
    on, and is never written over the shipped one) rather than the shipped build."""
    return (half is not None or benign_share < 1.0 or without is not None or fold_seed != SEED
            or margin != MARGIN)


def build(variant: str = VARIANT, half: str | None = None, benign_share: float = 1.0,
          seed: int = SEED, fold_seed: int = SEED, without: str | None = None,
          margin: str | None = MARGIN) -> dict:
    """Fit, cross-validate, choose the thresholds and return the artefact's data (the shipped
    one with the defaults; a study's with a ``half``, a ``benign_share``, a ``without`` or a
    first ``fold_seed`` other than SEED: :func:`subset`, :func:`draws`)."""
    import sklearn

    v = settings(variant)
    rows = subset(read_rows(), half, benign_share, seed, without)
    guard_rows = [r for r in read_rows(GUARD) if not r["expect"]]
    drawn = draws(rows, documents(guard_rows), variant, fold_seed)
    fitted = _rounded(fit(rows, variant=variant))
    benign = documents([r for r in rows + guard_rows if not r["expect"]])
    full = effective(decision(fitted, benign), v["pooled"])
    floor = floor_of(rows, drawn, full, v.get("floor", "all"), len(guard_rows))
    thresholds, scores, fold, each = combined(variant, rows, drawn, floor)
    if v["pooled"]:  # one threshold decides; the categories' own are stored equal to it
        thresholds[POOLED] = thresholds[CATEGORIES[0]]
    guard_full = {c: full[c][len(full[c]) - len(guard_rows):] for c in CATEGORIES}
    each_margin = {name: margins_by(kind, rows, scores, guard_full, thresholds)
                   for name, kind in MARGINS.items()}
    data = to_data(fitted, thresholds, rows, each_margin[margin] if margin else None)
    data.update(format=FORMAT, sklearn=sklearn.__version__, params={
        "grams": ("lemma" if LEMMAS else "word") + f" 1-{v.get('ngram', 2)}-grams" + (
            " and the analyser's act tokens" if ACTS else "") + (
            " and char_wb {}-{}-grams".format(*v["chars"]) if v.get("chars") else ""),
        "C": C, "keep": v["keep"], "folds": FOLDS, "seed": SEED,
        "max_false": allowed(rows, v["rule"]) if v["rule"][0] != "rate-each" else None,
        "classifier": f"LogisticRegression(class_weight={v['class_weight']}, lbfgs)"},
        trained_on={rel: _sha256(ROOT / rel) for rel in TRAINING},
        guard={rel: _sha256(ROOT / rel) for rel in GUARD},
        read_by=read_hash(rows + guard_rows) if ACTS else None,
        cv=figures(rows, fold, scores, thresholds, guard_rows, full))
    if variant != "count-2":  # the ninth round's artefact (count-2) names no variant
        data["params"].update(variant=variant, rule=list(v["rule"]),
                              real_weight=v["real_weight"], pooled=v["pooled"])
        data["params"].update({k: list(v[k]) if k == "chars" else v[k]  # the twelfth round's
                               for k in ("nb", "ngram", "chars", "char_keep") if v.get(k)})
        if v.get("floor", "all") != "all":  # the floor study's (an artefact without it: "all")
            data["params"]["floor"] = v["floor"]
    if len(drawn) > 1:  # the fold draws, and the thresholds each would choose on its own
        data["params"].update(repeats=len(drawn), combine=v["combine"], fold_seed=fold_seed)
        data["cv"]["draws"] = [{"fold_seed": fold_seed + k, "thresholds": t}
                               for k, t in enumerate(each)]
    data["cv"]["curve"] = curve(rows, scores, floor, v["pooled"])
    data["cv"]["margins"] = {name: margin_figures(rows, scores, m)
                             for name, m in each_margin.items()}
    if margin:
        data["params"]["margin"] = [margin, *MARGINS[margin]]
    if is_study(half, benign_share, fold_seed, without, margin):
        data["fit"] = {"half": half, "benign_share": benign_share, "seed": seed,  # a study's
                       "without": without, "fold_seed": fold_seed,  # artefact says what it saw
                       "ids": sorted(r["id"] for r in rows)}
    return data


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def dumps(data: dict) -> str:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False) + "\n"


def main(argv=None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m lawcheck.speech.learned_build",
                                     description="Build the learned statement signal.")
    parser.add_argument("command", choices=["build"])
    parser.add_argument("-o", "--output", type=Path, default=ARTEFACT)
    parser.add_argument("--variant", choices=sorted(VARIANTS), default=VARIANT,
                        help=f"threshold rule and model settings (default {VARIANT})")
    parser.add_argument("--fit-half", choices=("study", "check"),
                        help="a study: fit on this half of the tuning lines only "
                             "(with statements-train.jsonl); never the shipped artefact")
    parser.add_argument("--benign-share", type=float, default=1.0,
                        help="a study: keep this share of the real benign lines (fixed seed)")
    parser.add_argument("--seed", type=int, default=SEED,
                        help="a study: the seed that draws the --benign-share lines")
    parser.add_argument("--fold-seed", type=int, default=SEED,
                        help="a study: the first fold draw's seed (the stability check)")
    parser.add_argument("--margin", choices=sorted(MARGINS), default=MARGIN,
                        help="statement.learned_strong's margin rule (default "
                             f"{MARGIN or 'none stored: 3 x threshold'}); another is a study")
    parser.add_argument("--without-added", metavar="PASS",
                        help="a study: leave out the tuning lines added by this data pass "
                             "(their 'added', e.g. 2026-12-07e)")
    args = parser.parse_args(argv)
    if not 0.0 < args.benign_share <= 1.0:
        parser.error("--benign-share must be above 0 and at most 1")
    if is_study(args.fit_half, args.benign_share, args.fold_seed, args.without_added,
                args.margin) and args.output.resolve() == ARTEFACT.resolve():
        parser.error("a study's artefact is not the shipped one: give -o /tmp/NAME.json")
    import os
    import sys
    import tempfile

    from lawcheck.errors import LawcheckError

    try:
        data = build(args.variant, args.fit_half, args.benign_share, args.seed,
                     args.fold_seed, args.without_added, args.margin)
    except LawcheckError as e:  # the artefact on disk is left as it was
        print(e.render(), file=sys.stderr)
        return e.exit_code
    args.output.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=args.output.parent, prefix=".learned-")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(dumps(data))
    os.chmod(temp, 0o644)  # package data, readable by every user (mkstemp makes it 0600)
    os.replace(temp, args.output)  # whole or not at all
    cv = data["cv"]["tune"]
    print(f"wrote {args.output} ({args.output.stat().st_size} bytes); thresholds "
          f"{ {c: m['threshold'] for c, m in data['models'].items()} }; grouped {FOLDS}-fold CV "
          f"on tune: {cv['caught']}/{cv['risky']} risky caught, {cv['false_alarms']}/"
          f"{cv['benign']} benign flagged")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
