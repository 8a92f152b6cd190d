import Testing
import RiskCore
@testable import RiskEval

@Suite("Evaluation summary and report")
struct EvaluationSummaryTests {
    static func logged(_ id: UInt64, fraud: Bool?, scenario: String = "", time: Int64 = 0) -> LoggedTransaction {
        let tx = Transaction(id: id, time: time, card: CardReference("tok_\(id)"), amount: 1_000, merchant: 1, terminal: 2)
        return LoggedTransaction(transaction: tx, label: fraud.map { $0 ? .fraud : .genuine } ?? .unknown, scenario: scenario)
    }

    static func decision(_ id: UInt64, _ action: Action, score: Double) -> Decision {
        Decision(transactionID: id, action: action, score: score)
    }

    /// 2 frauds (one declined, one reviewed), 4 genuine (one reviewed, one declined), 1 unlabelled.
    static func log() -> DecisionLog {
        var log = DecisionLog(policyName: "p<1>")
        log.add(decision(1, .decline, score: 90), for: logged(1, fraud: true, scenario: "card_testing"))
        log.add(decision(2, .review, score: 60), for: logged(2, fraud: true, scenario: "card_testing"))
        log.add(decision(3, .review, score: 55), for: logged(3, fraud: false))
        log.add(decision(4, .decline, score: 85), for: logged(4, fraud: false))
        log.add(decision(5, .allow, score: 0), for: logged(5, fraud: false))
        log.add(decision(6, .allow, score: 10), for: logged(6, fraud: false))
        log.add(decision(7, .decline, score: 100), for: logged(7, fraud: nil))
        return log
    }

    @Test("precision and recall at the decisions, genuine rates and scenario counts")
    func figures() {
        let summary = EvaluationSummary(Self.log(), k: 1)
        #expect(summary.transactions == 6)
        #expect(summary.unlabelled == 1)
        #expect(summary.frauds == 2)
        #expect(summary.reviewOrDecline.flagged == 4)
        #expect(summary.reviewOrDecline.precision == 0.5)
        #expect(summary.reviewOrDecline.recall == 1)
        #expect(summary.decline.flagged == 2)
        #expect(summary.decline.precision == 0.5)
        #expect(summary.decline.recall == 0.5)
        #expect(summary.genuineReviewRate == 0.25)
        #expect(summary.genuineDeclineRate == 0.25)
        // One day, k = 1: the best card scores 90 and is fraud.
        #expect(summary.cardPrecisionAtK == 1)
        // Scores: frauds 90, 60; genuine 85, 55, 10, 0 → 7 of 8 pairs ordered right.
        #expect(summary.aucROC == 7.0 / 8)
        #expect(summary.scenarios["card_testing"]?.review == 1)
        #expect(summary.scenarios["card_testing"]?.decline == 1)
        #expect(summary.scenarios[""]?.total == 5)
    }

    @Test("without scenario names there is no scenario table")
    func noScenarios() {
        var log = DecisionLog(policyName: "p")
        log.add(Self.decision(1, .allow, score: 0), for: Self.logged(1, fraud: false))
        #expect(EvaluationSummary(log, k: 100).scenarios.isEmpty)
    }

    @Test("the report is one self-contained page: inline SVG, escaped names, no scripts or remote resources")
    func report() {
        let log = Self.log()
        let champion = HTMLReport.Entry(role: "champion", summary: EvaluationSummary(log, k: 1), log: log)
        let html = HTMLReport.render([champion, champion], inputs: ["a&b.csv"], labelDelay: "7d")
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.components(separatedBy: "<svg").count - 1 == 4)
        #expect(html.contains("p&lt;1&gt;"))
        #expect(!html.contains("p<1>"))
        #expect(html.contains("a&amp;b.csv"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("http://") || html.components(separatedBy: "http://").count - 1 == html.components(separatedBy: "xmlns=\"http://www.w3.org/2000/svg\"").count - 1)
        #expect(!html.contains("https://"))
        #expect(html.contains("card_testing"))
    }
}
