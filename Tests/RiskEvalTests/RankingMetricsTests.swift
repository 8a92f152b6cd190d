import Testing
import RiskCore
@testable import RiskEval

@Suite("Ranking metrics")
struct RankingMetricsTests {
    /// Frauds at 0.9, 0.5, 0.5; genuine at 0.5, 0.2, 0.9.
    static let tied: [ScoredSample] = [
        ScoredSample(score: 0.9, fraud: true), ScoredSample(score: 0.5, fraud: true), ScoredSample(score: 0.5, fraud: true),
        ScoredSample(score: 0.5, fraud: false), ScoredSample(score: 0.2, fraud: false), ScoredSample(score: 0.9, fraud: false),
    ]

    @Test("AUC counts ties as one half: (2.5 + 1.5 + 1.5) / 9")
    func aucWithTies() throws {
        let auc = try #require(RankingMetrics.areaUnderROC(Self.tied))
        #expect(abs(auc - 5.5 / 9) < 1e-12)
    }

    @Test("AUC is 1 for a perfect ranking, 0 for a reversed one, nil with one class")
    func aucExtremes() {
        let perfect = [ScoredSample(score: 3, fraud: true), ScoredSample(score: 1, fraud: false), ScoredSample(score: 2, fraud: true)]
        #expect(RankingMetrics.areaUnderROC(perfect) == 1)
        let reversed = perfect.map { ScoredSample(score: -$0.score, fraud: $0.fraud) }
        #expect(RankingMetrics.areaUnderROC(reversed) == 0)
        #expect(RankingMetrics.areaUnderROC(perfect.filter(\.fraud)) == nil)
    }

    @Test("average precision enters tied scores together: 1/3 · 1/2 + 2/3 · 3/5")
    func averagePrecisionWithTies() throws {
        let ap = try #require(RankingMetrics.averagePrecision(Self.tied))
        #expect(abs(ap - (1.0 / 3 * 0.5 + 2.0 / 3 * 0.6)) < 1e-12)
        #expect(RankingMetrics.averagePrecision(Self.tied.filter { !$0.fraud }) == nil)
    }

    @Test("threshold points accumulate from the highest score down")
    func thresholdPoints() {
        let points = RankingMetrics.thresholdPoints(Self.tied)
        #expect(points.map(\.threshold) == [0.9, 0.5, 0.2])
        #expect(points.map(\.truePositives) == [1, 3, 3])
        #expect(points.map(\.falsePositives) == [1, 2, 3])
    }

    @Test("ROC and PR curves run from the strictest threshold to the loosest")
    func curves() {
        let roc = Curves.roc(Self.tied)
        #expect(roc.first! == (0, 0))
        #expect(roc.last! == (1, 1))
        let pr = Curves.precisionRecall(Self.tied)
        #expect(pr.map(\.x) == [1.0 / 3, 1, 1])
        #expect(pr.map(\.y) == [0.5, 0.6, 0.5])
        let histogram = Curves.histogram([ScoredSample(score: 100, fraud: true), ScoredSample(score: 0, fraud: false), ScoredSample(score: 4, fraud: false)])
        #expect(histogram.fraud.last == 1)
        #expect(histogram.genuine.first == 1)
    }
}

@Suite("Card precision@k")
struct CardPrecisionTests {
    static let day: Int64 = 86_400_000

    @Test("per day the k best cards by their highest score; cards caught earlier are left out")
    func excludesCaughtCards() throws {
        let samples = [
            ScoredSample(score: 90, fraud: true, time: 1_000, card: 1),
            ScoredSample(score: 80, fraud: false, time: 2_000, card: 2),
            ScoredSample(score: 10, fraud: false, time: 3_000, card: 2),
            ScoredSample(score: 70, fraud: true, time: 4_000, card: 3),
            ScoredSample(score: 95, fraud: true, time: Self.day + 1_000, card: 1),
            ScoredSample(score: 60, fraud: true, time: Self.day + 2_000, card: 3),
            ScoredSample(score: 50, fraud: false, time: Self.day + 3_000, card: 4),
            ScoredSample(score: 10, fraud: false, time: Self.day + 4_000, card: 5),
        ]
        // Day 0: cards 1 (hit) and 2 → 1/2; card 1 caught. Day 1: cards 3 (hit) and 4 → 1/2.
        let result = try #require(CardPrecision.atK(samples, k: 2))
        #expect(result.days == 2)
        #expect(result.precision == 0.5)
        // With k = 3 day 0 checks 1, 2, 3 (2 hits), day 1 only 4 and 5 remain (0 hits).
        #expect(CardPrecision.atK(samples, k: 3)?.precision == (2.0 / 3 + 0) / 2)
    }

    @Test("a day with fewer than k cards still divides by k")
    func fewCards() {
        #expect(CardPrecision.atK([ScoredSample(score: 1, fraud: true, time: 0, card: 9)], k: 4)?.precision == 0.25)
        #expect(CardPrecision.atK([], k: 4) == nil)
    }
}
