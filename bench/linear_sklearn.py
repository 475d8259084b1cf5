#!/usr/bin/env python3
"""The linear probe of `aucl eval linear`, redone with scikit-learn, for comparison.

Reads features written by `aucl embed` (NPY) and the held-out rows written by
`aucl eval linear --save-holdout`, standardises with the whole training split's mean and standard
deviation (as aucl does), chooses C on the held-out rows from the same grid, refits on the whole
training split and prints top-1/top-5 on the test split. Uses scikit-learn's LogisticRegression
(multinomial, L-BFGS, what aucl runs) unless --ovr is given (one-vs-rest liblinear).

    /usr/bin/python3 bench/linear_sklearn.py --train train.npy --test test.npy --holdout holdout.npy
"""
import argparse
import time

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

GRID = [0.001, 0.01, 0.1, 1.0, 10.0]


def labels_of(path):
    return np.load(path[:-4] + ".labels.npy")


def top_k(model, x, y, k):
    scores = model.decision_function(x)
    best = np.argsort(-scores, axis=1)[:, :k]
    return float(np.mean(np.any(model.classes_[best] == y[:, None], axis=1)))


def make(c, ovr, max_iter):
    if ovr:
        return LogisticRegression(C=c, solver="liblinear", tol=1e-4, max_iter=max_iter)
    return LogisticRegression(C=c, solver="lbfgs", tol=1e-4, max_iter=max_iter)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--train", required=True)
    p.add_argument("--test", required=True)
    p.add_argument("--holdout", required=True)
    p.add_argument("--ovr", action="store_true", help="one-vs-rest liblinear instead of multinomial L-BFGS")
    p.add_argument("--max-iter", type=int, default=1000)
    a = p.parse_args()

    start = time.time()
    x, y = np.load(a.train).astype(np.float64), labels_of(a.train)
    xt, yt = np.load(a.test).astype(np.float64), labels_of(a.test)
    held = np.load(a.holdout)
    kept = np.setdiff1d(np.arange(len(y)), held)
    scaler = StandardScaler().fit(x)
    x, xt = scaler.transform(x), scaler.transform(xt)

    scores = {}
    for c in GRID:
        m = make(c, a.ovr, a.max_iter).fit(x[kept], y[kept])
        scores[c] = float(np.mean(m.predict(x[held]) == y[held]))
    best = max(GRID, key=lambda c: (scores[c], -GRID.index(c)))
    m = make(best, a.ovr, a.max_iter).fit(x, y)
    kind = "one-vs-rest liblinear" if a.ovr else "multinomial L-BFGS"
    print("held-out top-1 by C: " + " ".join(f"C={c}: {100 * s:.2f}%" for c, s in scores.items()))
    print(f"scikit-learn {kind} (C={best}, {len(y)} training, {len(yt)} test): "
          f"top-1 {100 * top_k(m, xt, yt, 1):.2f}%, top-5 {100 * top_k(m, xt, yt, 5):.2f}%"
          f" ({time.time() - start:.1f} s)")


if __name__ == "__main__":
    main()
