import RiskCore
import RiskSim

/// What `riskscore demo` prints at the end: decisions by action and reason code, and the
/// ground-truth detection per scenario (``DetectionSummary``, shared with `riskbench`).
struct DecisionTally {
    private(set) var byAction = [0, 0, 0]
    private(set) var codes: [String: Int] = [:]
    private(set) var detection = DetectionSummary()

    var total: Int { byAction.reduce(0, +) }

    mutating func add(_ decision: Decision, _ logged: LoggedTransaction) {
        byAction[Int(decision.action.rawValue)] += 1
        if decision.action != .allow {
            for index in 0..<decision.reasonCount { codes[decision.reason(at: index).code, default: 0] += 1 }
        }
        detection.add(decision, for: logged)
    }

    /// A plain-text summary.
    func report(seconds: Double) -> String {
        func percent(_ share: Double) -> String { String(Double(Int(share * 10_000)) / 100) + "%" }
        func pad(_ text: String, _ width: Int) -> String { text.padding(toLength: width, withPad: " ", startingAt: 0) }
        var lines = ["Decisions: \(total) in \(String(Double(Int(seconds * 100)) / 100)) s (\(Int(Double(total) / max(seconds, 1e-9))) per second)"]
        for action in Action.allCases {
            let count = byAction[Int(action.rawValue)]
            lines.append("  \(pad(action.name, 8)) \(count)  (\(percent(total == 0 ? 0 : Double(count) / Double(total))))")
        }
        lines.append("Top reason codes (review and decline):")
        for (code, count) in codes.sorted(by: { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }).prefix(8) {
            lines.append("  \(pad(code, 42)) \(count)")
        }
        lines.append("Ground truth (share reviewed or declined):")
        for scenario in Scenario.allCases where detection.counts(for: scenario).transactions > 0 {
            let counts = detection.counts(for: scenario)
            lines.append("  \(pad(scenario.name, 26)) \(percent(counts.caughtShare)) of \(counts.transactions)")
        }
        lines.append("  \(pad("genuine", 26)) \(percent(detection.genuine.caughtShare)) of \(detection.genuine.transactions)")
        return lines.joined(separator: "\n")
    }
}
