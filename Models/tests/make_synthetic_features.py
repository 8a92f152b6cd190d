#!/usr/bin/env python3
"""Write a synthetic features CSV in train.py's input format (id,time,card,label,features...).

Usage: python3 Models/tests/make_synthetic_features.py OUT.csv [--rows N] [--days D] [--seed S]
"""
import argparse
import csv
import math

import numpy as np

FEATURES = ["amount_log", "hour", "velocity_1h", "velocity_24h", "distance_km",
            "card_age_days", "merchant_risk", "is_foreign"]


def write(path, rows=20000, days=60, seed=7):
    rng = np.random.default_rng(seed)
    start = 1_767_225_600_000  # 2026-01-01T00:00:00Z
    times = np.sort(start + rng.integers(0, days * 86_400_000, rows))
    cards = rng.integers(0, rows // 10, rows)
    amount = rng.normal(3.5, 1.2, rows)
    hour = ((times // 3_600_000) % 24).astype(np.float64)
    v1 = rng.poisson(0.8, rows).astype(np.float64)
    v24 = v1 + rng.poisson(3.0, rows)
    dist = rng.exponential(40.0, rows)
    age = rng.exponential(400.0, rows)
    risk = rng.beta(2.0, 8.0, rows)
    foreign = (rng.random(rows) < 0.1).astype(np.float64)
    logit = -5.0 + 0.7 * (amount - 3.5) + 0.6 * v1 + 0.01 * dist + 5.0 * risk + 1.5 * foreign + np.where(hour < 5, 1.0, 0.0)
    label = (rng.random(rows) < 1 / (1 + np.exp(-logit))).astype(int)
    dist[rng.random(rows) < 0.2] = np.nan
    x = np.column_stack([amount, hour, v1, v24, dist, age, risk, foreign])
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "time", "card", "label"] + FEATURES)
        for i in range(rows):
            w.writerow([f"t{i}", int(times[i]), f"card{cards[i]}", label[i]]
                       + ["" if math.isnan(v) else f"{v:.6g}" for v in x[i]])


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--rows", type=int, default=20000)
    ap.add_argument("--days", type=int, default=60)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    write(a.out, a.rows, a.days, a.seed)
