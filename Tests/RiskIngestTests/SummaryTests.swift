import Foundation
import RiskCore
import Testing
@testable import RiskIngest

@Suite("Summary, report and progress line")
struct SummaryTests {
    static let policy = try! Policy.parse(yaml: """
        name: t
        rules:
          - {name: big, when: tx.amount > 100, action: decline, code: BIG}
          - {name: mid, when: tx.amount > 50, action: review, code: MID}
        """)

    func decide(_ amounts: [Int64], responses: [ResponseCode?]) -> RescoreSummary {
        let engine = RiskEngine(policy: Self.policy)
        var summary = RescoreSummary()
        for (index, amount) in amounts.enumerated() {
            let tx = Transaction(id: UInt64(index), time: 1_769_860_800_000 + Int64(index), card: CardReference(hash: UInt64(index)),
                                 amount: amount * 100, merchant: 1, terminal: 2)
            summary.add(engine.score(tx), responseCode: responses[index])
        }
        summary.recordsRead = amounts.count
        return summary
    }

    @Test("actions, reasons and the issuer comparison are counted")
    func counts() {
        let approved = ResponseCode.approved
        let declined = ResponseCode("05")!
        let summary = decide([10, 200, 300, 60, 20], responses: [declined, approved, declined, approved, approved])
        #expect(summary.decisionsByAction == [2, 1, 2])
        // MID matches every amount above 50 (three), BIG those above 100 (two): most frequent first.
        #expect(summary.topReasons().map(\.code) == ["MID", "BIG"])
        #expect(summary.topReasons().map(\.count) == [3, 2])
        #expect(summary.comparison.policyDeclinedIssuerApproved == 1)
        #expect(summary.comparison.policyAllowedIssuerDeclined == 1)
        #expect(summary.comparison.total == 5)
    }

    @Test("the JSON report carries the same numbers; the comparison is null without issuer responses")
    func json() throws {
        let summary = decide([10, 200, 300], responses: [ResponseCode.approved, ResponseCode.approved, nil])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(SummaryReport.json(summary).utf8)) as? [String: Any])
        #expect(object["decisions"] as? Int == 3)
        #expect((object["decisions_by_action"] as? [String: Int])?["decline"] == 2)
        let comparison = try #require(object["issuer_comparison"] as? [String: Any])
        #expect(comparison["policy_declined_issuer_approved"] as? Int == 1)
        #expect(comparison["transactions"] as? Int == 2)
        let none = decide([10], responses: [nil])
        let noComparison = try #require(try JSONSerialization.jsonObject(with: Data(SummaryReport.json(none).utf8)) as? [String: Any])
        #expect(noComparison["issuer_comparison"] is NSNull)
        #expect(!SummaryReport.text(none).contains("issuer approved"))
        #expect(SummaryReport.text(summary).contains("policy would decline, issuer approved: 1"))
    }

    @Test("the progress line shows the fraction and an ETA from the bytes consumed")
    func progress() {
        let line = ProgressLine.render(PipelineProgress(recordsRead: 1_000_000, bytesConsumed: 250, totalBytes: 1000), elapsed: 10, width: 8)
        #expect(line.contains("[##......] 25.0%"))
        #expect(line.contains("100,000 records/s"))
        #expect(line.contains("ETA 0:30"))
        let unknown = ProgressLine.render(PipelineProgress(recordsRead: 5, bytesConsumed: 1, totalBytes: nil), elapsed: 1)
        #expect(!unknown.contains("ETA"))
    }
}
