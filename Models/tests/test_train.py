"""Tests for Models/train.py on a synthetic features CSV. Run: python3 -m pytest Models/tests"""
import json
import os
import sys

import numpy as np
import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.dirname(HERE))

import make_synthetic_features  # noqa: E402
import train  # noqa: E402


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    path = tmp_path_factory.mktemp("data") / "features.csv"
    make_synthetic_features.write(str(path), rows=6000, days=60, seed=3)
    return str(path)


def run(data, out, *extra):
    model, card = str(out / "model.json"), str(out / "card.md")
    result = train.main(["--data", data, "--model", model, "--card", card, "--trees", "30", *extra])
    return result, model, card


def test_split_is_by_time_with_gap(data, tmp_path):
    result, _, _ = run(data, tmp_path, "--gap-days", "7", "--test-days", "14")
    _, times, _, _, _, _ = train.read_features(data)
    day = train.DAY_MS
    test_start = times.max() - 14 * day
    assert result["test"] == int((times >= test_start).sum())
    assert result["gap"] == int(((times >= test_start - 7 * day) & (times < test_start)).sum())
    assert result["train"] == int((times < test_start - 7 * day).sum())
    assert result["train"] + result["gap"] + result["test"] == len(times)
    assert result["gap"] > 0 and result["test"] > 0


def test_model_has_feature_names_and_learns(data, tmp_path):
    result, model, card = run(data, tmp_path)
    learner = json.load(open(model))["learner"]
    assert learner["feature_names"] == make_synthetic_features.FEATURES
    assert learner["objective"]["name"] == "binary:logistic"
    assert len(learner["gradient_booster"]["model"]["trees"]) == 30
    assert result["auc"] > 0.7
    text = open(card).read()
    for needle in ["AUC ROC", "average precision", "precision at p ≥ 0.5", "recall at p ≥ 0.5",
                   "| train |", "| gap (unused) |", "| test |", "Seed: 42", "`distance_km`", "max_depth"]:
        assert needle in text, needle


def test_training_is_deterministic(data, tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    _, a, _ = run(data, tmp_path / "a", "--seed", "5", "--subsample", "0.8")
    _, b, _ = run(data, tmp_path / "b", "--seed", "5", "--subsample", "0.8")
    assert open(a).read() == open(b).read()


def test_metrics_match_definitions():
    y = np.array([0, 0, 1, 1, 0, 1], dtype=float)
    s = np.array([0.1, 0.4, 0.35, 0.8, 0.4, 0.9])
    # AUC: pairs (pos > neg) counted, ties half: brute force.
    pos, neg = s[y == 1], s[y == 0]
    brute = np.mean([(p > n) + 0.5 * (p == n) for p in pos for n in neg])
    assert train.roc_auc(y, s) == pytest.approx(brute)
    # AP by hand: thresholds 0.9 (P=1,R=1/3), 0.8 (P=1,R=2/3), 0.4 (P=2/4,R=2/3), 0.35 (P=3/5,R=1), 0.1
    assert train.average_precision(y, s) == pytest.approx(1 / 3 + 1 / 3 + 0 + (1 / 3) * 3 / 5)
    precision, recall, tp, fp, fn = train.threshold_metrics(y, s)
    assert (tp, fp, fn) == (2, 0, 1)
    assert precision == 1.0 and recall == pytest.approx(2 / 3)


def test_bad_input_is_reported(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("id,when,card,label,a\n1,2,3,0,1\n")
    with pytest.raises(SystemExit, match="header must start with id,time,card,label"):
        train.main(["--data", str(bad), "--model", str(tmp_path / "m.json"), "--card", str(tmp_path / "c.md")])
    short = tmp_path / "short.csv"
    short.write_text("id,time,card,label,a\n1,0,c,0,1\n2,1000,c,1,2\n")
    with pytest.raises(SystemExit, match="train split is empty"):
        train.main(["--data", str(short), "--model", str(tmp_path / "m.json"), "--card", str(tmp_path / "c.md")])
