import Foundation
import RiskCore
import RiskIO
import RiskSim
import Testing
@testable import RiskIngest

/// THE pipeline test: for any number of workers, the output bytes equal encoding the decisions
/// of ``RiskEngine/process(_:)`` called one by one on the same records.
@Suite("Pipeline parity with RiskEngine")
struct PipelineParityTests {
    /// A small state so that partitions evict, and few terminals so that terminal windows fill.
    static let engineConfiguration = EngineConfiguration(partitions: 16, maximumCards: 1024, maximumTerminals: 128, maximumMerchants: 64)

    /// A policy where terminal, merchant and card features all matter.
    static let acceptorPolicy = """
        name: acceptors
        thresholds: {review: 40, decline: 80}
        rules:
          - {name: busy_terminal, when: terminal.attempts_10m >= 3, action: score, points: 30, code: BUSY_TERMINAL}
          - {name: declining_terminal, when: terminal.declines_1h >= 2, action: review, code: TERMINAL_DECLINES}
          - {name: merchant_fraud, when: merchant.fraud_reports_30d >= 1, action: score, points: 20, code: MERCHANT_FRAUD}
          - {name: card_declines, when: card.declines_10m >= 2, action: decline, code: CARD_DECLINES}
          - {name: lost, when: card.lost or card.stolen, action: decline, code: LOST}
        """

    /// An NDJSON log of generated traffic (transactions with issuer responses, feedback and
    /// status records), zstd-compressed, generated once per test run; each test writes it to a
    /// temporary directory of its own (a static one would outlive the run on disk).
    static let log: (bytes: [UInt8], count: Int) = {
        var configuration = GeneratorConfiguration(transactions: 2500, cards: 200, terminals: 24, merchants: 8, days: 2, seed: 7)
        configuration.approvedFraudFeedbackRate = 1
        var bytes: [UInt8] = []
        var count = 0
        let writer = NDJSONRecordWriter()
        for record in TrafficGenerator(configuration: configuration) {
            writer.append(record, to: &bytes)
            count += 1
        }
        return (bytes, count)
    }()

    static func policy(_ name: String) throws -> Policy {
        if name == "default" {
            let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            return try Policy.load(contentsOf: root.appendingPathComponent("Models/default-policy.yaml").path)
        }
        return try Policy.parse(yaml: acceptorPolicy)
    }

    /// The reference: every record through `RiskEngine.process`, one by one.
    static func reference(_ policy: Policy, log: String) throws -> (bytes: [UInt8], summary: RescoreSummary) {
        let engine = RiskEngine(policy: policy, configuration: engineConfiguration)
        let reader = RecordReader(inputs: [log])
        var writer = DecisionWriter()
        var summary = RescoreSummary()
        while let event = try reader.next() {
            guard case .record(let record, let id, _) = event else { continue }
            if let decision = engine.process(record), case .transaction(let logged) = record {
                writer.append(decision, id: id, card: logged.transaction.card)
                summary.add(decision, responseCode: logged.responseCode)
            }
        }
        return (writer.buffer, summary)
    }

    static func pipeline(_ policy: Policy, log: String, workers: Int) throws -> (bytes: [UInt8], summary: RescoreSummary) {
        let options = PipelineOptions(workers: workers, engine: engineConfiguration, batchCapacity: 97)
        let pipeline = RescorePipeline(inputs: [log], policy: policy, options: options)
        var output: [UInt8] = []
        var summary = RescoreSummary()
        try pipeline.run(summary: &summary, decisions: { output.append(contentsOf: $0) }, rejection: { _ in })
        return (output, summary)
    }

    @Test("output bytes equal RiskEngine.process one by one, for 1, 2, 3 and 5 workers", arguments: ["default", "acceptors"])
    func parity(policyName: String) throws {
        let policy = try Self.policy(policyName)
        let directory = TemporaryDirectory()
        defer { withExtendedLifetime(directory) {} }
        let log = try directory.write("log.ndjson.zst", Self.log.bytes, compressed: true)
        let expected = try Self.reference(policy, log: log)
        // The comparison is meaningful only if the policy does not allow everything.
        #expect(expected.summary.decisionsByAction[Int(Action.allow.rawValue)] < expected.summary.decisions)
        #expect(expected.summary.decisions > 2000)
        if policyName == "acceptors" {
            let codes = Set(expected.summary.topReasons(20).map(\.code))
            #expect(codes.contains("BUSY_TERMINAL"))
            #expect(codes.contains("TERMINAL_DECLINES"))
        }
        for workers in [1, 2, 3, 5] {
            let actual = try Self.pipeline(policy, log: log, workers: workers)
            #expect(actual.bytes.count == expected.bytes.count, "workers: \(workers)")
            #expect(actual.bytes == expected.bytes, "workers: \(workers)")
            #expect(actual.summary.decisionsByAction == expected.summary.decisionsByAction, "workers: \(workers)")
            #expect(actual.summary.recordsRead == Self.log.count, "workers: \(workers)")
            #expect(actual.summary.updates > 0, "workers: \(workers)")
        }
    }
}
