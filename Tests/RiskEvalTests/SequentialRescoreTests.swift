import Foundation
import Testing
import RiskCore
import RiskIngest
import RiskIO
@testable import RiskEval

@Suite("Rescoring with a challenger and a label delay")
struct SequentialRescoreTests {
    /// Five attempts on one card a minute apart, each declined 05, the third labelled fraud.
    static let log = (0..<5).map { index in
        "{\"id\":\"r\(index)\",\"time\":\(1_772_445_600_000 + index * 60_000),\"card\":\"tok_seq\",\"amount\":\"40.00\",\"merchant\":\"M1\",\"terminal\":\"T1\",\"response_code\":\"05\",\"label\":\(index == 2 ? "\"fraud\"" : "\"genuine\"")}"
    }.joined(separator: "\n") + "\n"

    static let allowAll = try! Policy.parse(yaml: "name: lenient\nrules:\n  - {name: none, when: tx.amount < 0, action: decline, code: NEVER}\n")

    func rescore(challenger: Policy?, labelDelay: Int64?) throws -> (lines: [[String: Any]], outcome: SequentialRescore.Outcome) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("seq-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("log.ndjson").path
        try Self.log.write(toFile: input, atomically: true, encoding: .utf8)
        let outputPath = directory.appendingPathComponent("out.ndjson").path
        let output = try ByteSink(path: outputPath)
        let policy = try Policy.parse(yaml: "name: strict\nrules:\n  - {name: retry, when: card.risk_declines_10m >= 1, action: decline, code: RETRY}\n  - {name: reported, when: card.fraud_reports_30d >= 1, action: review, code: REPORTED}\n")
        let outcome = try SequentialRescore.run(inputs: [input], format: .ndjson, output: output, policy: policy,
                                                challenger: challenger, labelDelay: labelDelay) { _ in }
        try output.commit()
        let lines = try String(contentsOfFile: outputPath, encoding: .utf8).split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
        return (lines, outcome)
    }

    @Test("the challenger's decisions sit beside the live ones and never change them")
    func shadowNeverChangesLive() throws {
        let alone = try rescore(challenger: nil, labelDelay: nil)
        let shadowed = try rescore(challenger: Self.allowAll, labelDelay: nil)
        #expect(alone.lines.map { $0["action"] as! String } == ["allow", "decline", "decline", "decline", "decline"])
        #expect(shadowed.lines.map { $0["action"] as! String } == alone.lines.map { $0["action"] as! String })
        #expect(shadowed.lines.map { ($0["shadow"] as! [String: Any])["action"] as! String } == Array(repeating: "allow", count: 5))
        #expect(alone.lines.allSatisfy { $0["shadow"] == nil })
        #expect(shadowed.outcome.shadow?.decisionsByAction[Int(Action.allow.rawValue)] == 5)
        #expect(shadowed.outcome.live.decisionsByAction == alone.outcome.live.decisionsByAction)
    }

    @Test("a fraud label becomes a fraud report only after the delay")
    func labelDelayInjectsReports() throws {
        let immediate = try rescore(challenger: nil, labelDelay: 1)
        let late = try rescore(challenger: nil, labelDelay: 7 * 86_400_000)
        // With a 1 ms delay the report lands before the 4th attempt, which the card's fraud count
        // now flags too; with 7 days it arrives after the log ends.
        let immediateCodes = immediate.lines.map { ($0["reasons"] as! [[String: Any]]).map { $0["code"] as! String } }
        #expect(immediateCodes[3].contains("REPORTED"))
        #expect(immediateCodes[2].contains("REPORTED") == false)
        let lateCodes = late.lines.map { ($0["reasons"] as! [[String: Any]]).map { $0["code"] as! String } }
        #expect(lateCodes.allSatisfy { !$0.contains("REPORTED") })
        #expect(immediate.outcome.live.updates == 1)
        #expect(late.outcome.live.updates == 1, "the pending report is still applied at the end")
    }
}
