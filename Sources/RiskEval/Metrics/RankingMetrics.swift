/// Threshold-free ranking metrics of scores against labels.
public enum RankingMetrics {
    /// Area under the ROC curve: the probability that a random fraud scores above a random
    /// genuine transaction, ties counting one half (Mann–Whitney U with mid-ranks). Nil when
    /// either class is absent.
    public static func areaUnderROC(_ samples: [ScoredSample]) -> Double? {
        let positives = samples.count { $0.fraud }
        let negatives = samples.count - positives
        guard positives > 0, negatives > 0 else { return nil }
        let sorted = samples.sorted { $0.score < $1.score }
        var rankSum = 0.0
        var start = 0
        while start < sorted.count {
            var end = start
            while end + 1 < sorted.count, sorted[end + 1].score == sorted[start].score { end += 1 }
            let midRank = Double(start + end + 2) / 2
            for index in start...end where sorted[index].fraud { rankSum += midRank }
            start = end + 1
        }
        let p = Double(positives), n = Double(negatives)
        return (rankSum - p * (p + 1) / 2) / (p * n)
    }

    /// Average precision: Σ (recallₖ − recallₖ₋₁) · precisionₖ over the distinct score
    /// thresholds from the highest down (tied scores enter together), as scikit-learn computes
    /// it. Nil when there is no fraud.
    public static func averagePrecision(_ samples: [ScoredSample]) -> Double? {
        let positives = samples.count { $0.fraud }
        guard positives > 0 else { return nil }
        var total = 0.0
        var previousRecall = 0.0
        for point in thresholdPoints(samples) {
            let recall = Double(point.truePositives) / Double(positives)
            let precision = Double(point.truePositives) / Double(point.truePositives + point.falsePositives)
            total += (recall - previousRecall) * precision
            previousRecall = recall
        }
        return total
    }

    /// Cumulative counts at each distinct score, from the highest score down: flagging every
    /// transaction scoring at least `threshold` catches `truePositives` frauds and
    /// `falsePositives` genuine transactions.
    public struct ThresholdPoint: Sendable, Hashable {
        /// The score threshold.
        public var threshold: Double
        /// Frauds scoring at least the threshold.
        public var truePositives: Int
        /// Genuine transactions scoring at least the threshold.
        public var falsePositives: Int
    }

    /// The cumulative counts at every distinct score, highest first.
    public static func thresholdPoints(_ samples: [ScoredSample]) -> [ThresholdPoint] {
        let sorted = samples.sorted { $0.score > $1.score }
        var points: [ThresholdPoint] = []
        var truePositives = 0, falsePositives = 0
        var index = 0
        while index < sorted.count {
            let score = sorted[index].score
            while index < sorted.count, sorted[index].score == score {
                if sorted[index].fraud { truePositives += 1 } else { falsePositives += 1 }
                index += 1
            }
            points.append(ThresholdPoint(threshold: score, truePositives: truePositives, falsePositives: falsePositives))
        }
        return points
    }
}
