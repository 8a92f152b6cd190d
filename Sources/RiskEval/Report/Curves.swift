/// ROC and precision-recall curves, and score histograms, ready to draw.
public enum Curves {
    /// ROC points (false positive rate, true positive rate) from (0,0) to (1,1), at most
    /// `maximumPoints` of them (evenly thinned, keeping both ends).
    public static func roc(_ samples: [ScoredSample], maximumPoints: Int = 400) -> [(x: Double, y: Double)] {
        let positives = Double(samples.count { $0.fraud })
        let negatives = Double(samples.count) - positives
        guard positives > 0, negatives > 0 else { return [] }
        let points = [(x: 0.0, y: 0.0)] + RankingMetrics.thresholdPoints(samples).map {
            (x: Double($0.falsePositives) / negatives, y: Double($0.truePositives) / positives)
        }
        return thin(points, to: maximumPoints)
    }

    /// Precision-recall points (recall, precision), one per distinct score from the highest
    /// down, thinned to at most `maximumPoints`.
    public static func precisionRecall(_ samples: [ScoredSample], maximumPoints: Int = 400) -> [(x: Double, y: Double)] {
        let positives = Double(samples.count { $0.fraud })
        guard positives > 0 else { return [] }
        let points = RankingMetrics.thresholdPoints(samples).map {
            (x: Double($0.truePositives) / positives, y: Double($0.truePositives) / Double($0.truePositives + $0.falsePositives))
        }
        return thin(points, to: maximumPoints)
    }

    /// Share of each class's transactions per score bin (`bins` equal bins over 0–100; 100 falls
    /// in the last): (fraud shares, genuine shares).
    public static func histogram(_ samples: [ScoredSample], bins: Int = 20) -> (fraud: [Double], genuine: [Double]) {
        var fraud = [Double](repeating: 0, count: bins)
        var genuine = [Double](repeating: 0, count: bins)
        for sample in samples {
            let bin = min(bins - 1, max(0, Int(sample.score / 100 * Double(bins))))
            if sample.fraud { fraud[bin] += 1 } else { genuine[bin] += 1 }
        }
        let fraudTotal = max(1, fraud.reduce(0, +)), genuineTotal = max(1, genuine.reduce(0, +))
        return (fraud.map { $0 / fraudTotal }, genuine.map { $0 / genuineTotal })
    }

    static func thin(_ points: [(x: Double, y: Double)], to maximum: Int) -> [(x: Double, y: Double)] {
        guard points.count > maximum, maximum >= 2 else { return points }
        let step = Double(points.count - 1) / Double(maximum - 1)
        return (0..<maximum).map { points[Int((Double($0) * step).rounded())] }
    }
}
