"""Feature blocks and weightings of the learned signal's study variants (issue 13, twelfth round),
build side only (scikit-learn and numpy, imported when fitting; the review's runtime never
imports this module). lawcheck.speech.learned_build fits with them when a variant asks:

- ``nb``: NB-SVM style weighting (Wang & Manning 2012, "Baselines and Bigrams"): per category,
  the log-count ratio r of each kept feature on the fit's rows (:func:`nb_ratio`); the
  classifier is fitted on the TF-IDF rows scaled by r, and its coefficients are stored times r,
  so the artefact's format and the runtime scorer do not change (x * r . w = x . (r * w));
- ``ngram``: word n-grams up to that length (``learned.grams(..., n=3)``);
- ``chars``: a second block of "char_wb" n-grams of the lower-cased text (scikit-learn's own
  analyser, the one lawcheck.speech.likeness reproduces), its own TF-IDF and L2 norm, stacked
  beside the word block; the artefact stores it as "char" and each model's "char_coef".
"""

from __future__ import annotations


def lowered(document) -> str:
    """The text of a (text, act tokens) document, lower-cased: the character block's input."""
    return document[0].lower()


def char_vectoriser(span: tuple[int, int], vocab=None):
    """TF-IDF of "char_wb" ``span``-grams (sublinear tf, L2 norm) of the lower-cased text."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(analyzer="char_wb", ngram_range=tuple(span), sublinear_tf=True,
                           preprocessor=lowered, vocabulary=vocab)


def stacked(blocks):
    """The feature blocks side by side, one sparse row per document."""
    import scipy.sparse as sp

    return blocks[0] if len(blocks) == 1 else sp.hstack(blocks, format="csr")


def kept(weight, widths, keeps) -> list:
    """Per block (``widths`` columns each, in order), the columns of the ``keeps`` largest
    ``weight`` within that block (all when its keep is None), as indices within the block,
    sorted. One block is today's pruning exactly (a stable sort of -weight)."""
    import numpy as np

    out, start = [], 0
    for width, keep in zip(widths, keeps):
        part = weight[start:start + width]
        order = np.argsort(-part, kind="stable")
        out.append(sorted(order if keep is None else order[:keep]))
        start += width
    return out


def nb_ratio(x, labels, alpha: float = 1.0):
    """The log-count ratio r = log((p / |p|_1) / (q / |q|_1)), p = alpha + the binarised
    feature counts over the positive rows, q the same over the negative rows."""
    import numpy as np

    binary = (x > 0).astype(np.float64)
    y = np.asarray(labels, dtype=bool)
    p = alpha + np.asarray(binary[y].sum(axis=0)).ravel()
    q = alpha + np.asarray(binary[~y].sum(axis=0)).ravel()
    return np.log((p / p.sum()) / (q / q.sum()))


def scaled(x, r):
    """``x`` with each column multiplied by r (sparse stays sparse)."""
    import scipy.sparse as sp

    return (x @ sp.diags(r)).tocsr()
