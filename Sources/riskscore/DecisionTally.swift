import RiskCore

/// Counts decisions by action, reason code and ground-truth scenario for the summaries the
/// commands print.
struct DecisionTally {
    private(set) var total = 0
    private(set) var byAction = [0, 0, 0]
    private(set) var genuine = 0
    private(set) var genuineFlagged = 0
    private(set) var codes: [String: Int] = [:]
    private(set) var scenarios: [String: (fraud: Int, caught: Int)] = [:]

    mutating func add(_ decision: Decision, label: FraudLabel, scenario: String) {
        total += 1
        byAction[Int(decision.action.rawValue)] += 1
        if decision.action != .allow {
            for index in 0..<decision.reasonCount { codes[decision.reason(at: index).code, default: 0] += 1 }
        }
        switch label {
        case .fraud:
            let name = scenario.isEmpty ? "fraud" : scenario
            scenarios[name, default: (0, 0)].fraud += 1
            if decision.action != .allow { scenarios[name, default: (0, 0)].caught += 1 }
        case .genuine:
            genuine += 1
            if decision.action != .allow { genuineFlagged += 1 }
        case .unknown:
            break
        }
    }

    /// A plain-text summary.
    func report(seconds: Double) -> String {
        func percent(_ part: Int, _ whole: Int) -> String {
            whole == 0 ? "-" : String(Double(Int(Double(part) / Double(whole) * 10_000)) / 100) + "%"
        }
        var lines = ["Decisions: \(total) in \(String(Double(Int(seconds * 100)) / 100)) s (\(Int(Double(total) / max(seconds, 1e-9))) per second)"]
        for action in Action.allCases {
            lines.append("  \(action.name.padding(toLength: 8, withPad: " ", startingAt: 0)) \(byAction[Int(action.rawValue)])  (\(percent(byAction[Int(action.rawValue)], total)))")
        }
        lines.append("Top reason codes (review and decline):")
        for (code, count) in codes.sorted(by: { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }).prefix(8) {
            lines.append("  \(code.padding(toLength: 34, withPad: " ", startingAt: 0)) \(count)")
        }
        if !scenarios.isEmpty || genuine > 0 {
            lines.append("Ground truth (share reviewed or declined):")
            for (name, counts) in scenarios.sorted(by: { $0.key < $1.key }) {
                lines.append("  \(name.padding(toLength: 26, withPad: " ", startingAt: 0)) \(percent(counts.caught, counts.fraud)) of \(counts.fraud)")
            }
            lines.append("  \("genuine".padding(toLength: 26, withPad: " ", startingAt: 0)) \(percent(genuineFlagged, genuine)) of \(genuine)")
        }
        return lines.joined(separator: "\n")
    }
}
