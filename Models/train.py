#!/usr/bin/env python3
"""Train RiskScore's XGBoost fraud model from a features CSV.

Input CSV columns: id,time,card,label, then one column per feature (numbers; an empty cell,
"nan" or "NA" is missing). `time` is epoch milliseconds; `label` is 0/1.

The rows are split by time, never at random:

    train: time <  test_start - gap
    gap:   test_start - gap <= time < test_start   (dropped: labels not yet known at cut-off)
    test:  time >= test_start, where test_start = max(time) - test_days

The gap equals the label delay (default 7 days) so that no training label comes from after the
point where the model would have been deployed.

Writes the model as XGBoost JSON (with feature names, loadable by the Swift RiskModels
library) and a Markdown model card with the split sizes, parameters and test metrics.

Example:
    python3 Models/train.py --data features.csv --model out/model.json --card out/model_card.md
"""
import argparse
import csv
import datetime as dt
import hashlib
import math
import os
import sys

import numpy as np
import xgboost as xgb

DAY_MS = 86_400_000
KEY_COLUMNS = ["id", "time", "card", "label"]
MISSING = {"", "nan", "NaN", "NA", "null"}


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--data", required=True, help="features CSV (id,time,card,label,features...)")
    p.add_argument("--model", required=True, help="output XGBoost JSON model path")
    p.add_argument("--card", required=True, help="output Markdown model card path")
    p.add_argument("--gap-days", type=float, default=7.0, help="gap between train and test = label delay (default 7)")
    p.add_argument("--test-days", type=float, default=14.0, help="test period: the last N days (default 14)")
    p.add_argument("--trees", type=int, default=100, help="boosting rounds (default 100)")
    p.add_argument("--depth", type=int, default=6, help="max tree depth (default 6)")
    p.add_argument("--eta", type=float, default=0.1, help="learning rate (default 0.1)")
    p.add_argument("--min-child-weight", type=float, default=1.0)
    p.add_argument("--subsample", type=float, default=1.0)
    p.add_argument("--colsample-bytree", type=float, default=1.0)
    p.add_argument("--scale-pos-weight", type=float, default=1.0)
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--threads", type=int, default=1, help="training threads (default 1, for exact reproducibility)")
    return p.parse_args(argv)


def read_features(path):
    """Returns (ids, time_ms int64, cards, labels float, X float64 with NaN, feature names)."""
    with open(path, newline="") as f:
        reader = csv.reader(f)
        header = next(reader, None)
        if header is None:
            raise SystemExit(f"{path}: empty file")
        header = [h.strip() for h in header]
        if header[:4] != KEY_COLUMNS:
            raise SystemExit(f"{path}: header must start with {','.join(KEY_COLUMNS)}, found {','.join(header[:4])}")
        features = header[4:]
        if not features:
            raise SystemExit(f"{path}: no feature columns after {','.join(KEY_COLUMNS)}")
        if len(set(features)) != len(features):
            raise SystemExit(f"{path}: duplicate feature column names")
        ids, times, cards, labels, rows = [], [], [], [], []
        for line_no, rec in enumerate(reader, start=2):
            if not rec:
                continue
            if len(rec) != len(header):
                raise SystemExit(f"{path}:{line_no}: {len(rec)} fields, header has {len(header)}")
            try:
                t = int(rec[1])
                y = float(rec[3])
                x = [math.nan if v.strip() in MISSING else float(v) for v in rec[4:]]
            except ValueError as e:
                raise SystemExit(f"{path}:{line_no}: {e}")
            if y not in (0.0, 1.0):
                raise SystemExit(f"{path}:{line_no}: label must be 0 or 1, found {rec[3]!r}")
            ids.append(rec[0]); times.append(t); cards.append(rec[2]); labels.append(y); rows.append(x)
    if not rows:
        raise SystemExit(f"{path}: no data rows")
    return (ids, np.array(times, dtype=np.int64), cards, np.array(labels, dtype=np.float64),
            np.array(rows, dtype=np.float64), features)


def split_by_time(times, gap_days, test_days):
    """Boolean masks (train, gap, test) and the boundaries in epoch ms."""
    test_start = int(times.max() - round(test_days * DAY_MS))
    gap_start = int(test_start - round(gap_days * DAY_MS))
    train = times < gap_start
    gap = (times >= gap_start) & (times < test_start)
    test = times >= test_start
    return train, gap, test, gap_start, test_start


def roc_auc(y, s):
    """Area under the ROC curve (Mann-Whitney, ties count half)."""
    pos = y == 1
    n_pos, n_neg = int(pos.sum()), int((~pos).sum())
    if n_pos == 0 or n_neg == 0:
        return float("nan")
    order = np.argsort(s, kind="mergesort")
    sorted_s = s[order]
    ranks = np.empty(len(s), dtype=np.float64)
    i = 0
    while i < len(s):  # average ranks over ties
        j = i
        while j + 1 < len(s) and sorted_s[j + 1] == sorted_s[i]:
            j += 1
        ranks[order[i:j + 1]] = (i + j) / 2.0 + 1.0
        i = j + 1
    return float((ranks[pos].sum() - n_pos * (n_pos + 1) / 2.0) / (n_pos * n_neg))


def average_precision(y, s):
    """Average precision: sum over distinct thresholds of (R_n - R_{n-1}) * P_n."""
    n_pos = int((y == 1).sum())
    if n_pos == 0:
        return float("nan")
    order = np.argsort(-s, kind="mergesort")
    s_sorted, y_sorted = s[order], y[order]
    tp = np.cumsum(y_sorted)
    fp = np.cumsum(1 - y_sorted)
    last = np.r_[np.nonzero(np.diff(s_sorted))[0], len(s_sorted) - 1]  # end of each tie group
    precision = tp[last] / (tp[last] + fp[last])
    recall = tp[last] / n_pos
    return float(np.sum(np.diff(np.r_[0.0, recall]) * precision))


def threshold_metrics(y, p, threshold=0.5):
    flagged = p >= threshold
    tp = int((flagged & (y == 1)).sum())
    fp = int((flagged & (y == 0)).sum())
    fn = int((~flagged & (y == 1)).sum())
    precision = tp / (tp + fp) if tp + fp else float("nan")
    recall = tp / (tp + fn) if tp + fn else float("nan")
    return precision, recall, tp, fp, fn


def iso(ms):
    return dt.datetime.fromtimestamp(ms / 1000, tz=dt.timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC")


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def fmt(v):
    return "n/a" if isinstance(v, float) and math.isnan(v) else f"{v:.4f}"


def main(argv=None):
    args = parse_args(argv)
    ids, times, _, y, x, features = read_features(args.data)
    train, gap, test, gap_start, test_start = split_by_time(times, args.gap_days, args.test_days)
    for name, mask in (("train", train), ("test", test)):
        if not mask.any():
            raise SystemExit(f"{args.data}: the {name} split is empty "
                             f"(gap {args.gap_days} days, test {args.test_days} days, data spans "
                             f"{(times.max() - times.min()) / DAY_MS:.1f} days)")
    if len(np.unique(y[train])) < 2:
        raise SystemExit(f"{args.data}: the train split has only one class")

    params = {
        "objective": "binary:logistic",
        "eval_metric": "auc",
        "tree_method": "hist",
        "max_depth": args.depth,
        "eta": args.eta,
        "min_child_weight": args.min_child_weight,
        "subsample": args.subsample,
        "colsample_bytree": args.colsample_bytree,
        "scale_pos_weight": args.scale_pos_weight,
        "seed": args.seed,
        "nthread": args.threads,
    }
    dtrain = xgb.DMatrix(x[train], label=y[train], feature_names=features, missing=np.nan)
    dtest = xgb.DMatrix(x[test], label=y[test], feature_names=features, missing=np.nan)
    booster = xgb.train(params, dtrain, num_boost_round=args.trees)
    p_test = booster.predict(dtest).astype(np.float64)

    auc = roc_auc(y[test], p_test)
    ap = average_precision(y[test], p_test)
    precision, recall, tp, fp, fn = threshold_metrics(y[test], p_test)

    for path in (args.model, args.card):
        if os.path.dirname(path):
            os.makedirs(os.path.dirname(path), exist_ok=True)
    booster.save_model(args.model)

    def split_row(name, mask, start, end):
        n = int(mask.sum())
        pos = int(y[mask].sum())
        rate = f"{pos / n:.4%}" if n else "n/a"
        return f"| {name} | {start} | {end} | {n} | {pos} | {rate} |"

    lines = [
        "# Model card: RiskScore XGBoost fraud model",
        "",
        f"- Model file: `{os.path.basename(args.model)}` (XGBoost {xgb.__version__} JSON, `binary:logistic`)",
        f"- Trained: {dt.datetime.now(dt.timezone.utc).strftime('%Y-%m-%d %H:%M:%S UTC')}",
        f"- Data file: `{args.data}` ({len(y)} rows, sha256 `{sha256(args.data)}`)",
        f"- Seed: {args.seed}; training threads: {args.threads}",
        f"- Command: `{' '.join([os.path.basename(sys.argv[0])] + (argv if argv is not None else sys.argv[1:]))}`",
        "",
        "## Time split",
        "",
        f"Test is the last {args.test_days:g} days; the {args.gap_days:g}-day gap before it (the label delay) "
        "is left out so that no training label comes from after the cut-off.",
        "",
        "| split | from | to (exclusive) | rows | frauds | fraud rate |",
        "|---|---|---|---|---|---|",
        split_row("train", train, iso(int(times.min())), iso(gap_start)),
        split_row("gap (unused)", gap, iso(gap_start), iso(test_start)),
        split_row("test", test, iso(test_start), iso(int(times.max())) + " (inclusive)"),
        "",
        "## Features",
        "",
        f"{len(features)} features, in model order (the Swift library binds them by name):",
        "",
    ]
    lines += [f"{i + 1}. `{name}` ({np.isnan(x[train, i]).mean():.1%} missing in train)" for i, name in enumerate(features)]
    lines += [
        "",
        "## Parameters",
        "",
        "| parameter | value |",
        "|---|---|",
        f"| num_boost_round | {args.trees} |",
    ]
    lines += [f"| {k} | {v} |" for k, v in params.items()]
    lines += [
        "",
        "## Test-period metrics",
        "",
        "| metric | value |",
        "|---|---|",
        f"| AUC ROC | {fmt(auc)} |",
        f"| average precision | {fmt(ap)} |",
        f"| precision at p ≥ 0.5 | {fmt(precision)} ({tp} of {tp + fp} flagged) |",
        f"| recall at p ≥ 0.5 | {fmt(recall)} ({tp} of {tp + fn} frauds) |",
        f"| test rows / frauds | {int(test.sum())} / {int(y[test].sum())} |",
        "",
    ]
    with open(args.card, "w") as f:
        f.write("\n".join(lines))
    print(f"train {int(train.sum())} gap {int(gap.sum())} test {int(test.sum())} rows; "
          f"test AUC {fmt(auc)} AP {fmt(ap)} P@0.5 {fmt(precision)} R@0.5 {fmt(recall)}")
    print(f"wrote {args.model} and {args.card}")
    return {"auc": auc, "ap": ap, "precision": precision, "recall": recall,
            "train": int(train.sum()), "gap": int(gap.sum()), "test": int(test.sum())}


if __name__ == "__main__":
    main()
