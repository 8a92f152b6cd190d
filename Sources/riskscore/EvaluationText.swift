import RiskEval

/// The plain-text table `riskscore evaluate` prints: one column per policy.
enum EvaluationText {
    static func table(_ summaries: [EvaluationSummary]) -> String {
        func metric(_ value: Double?) -> String { value.map { fixed($0, 4) } ?? "-" }
        func percent(_ value: Double?) -> String { value.map { fixed($0 * 100, 3) + "%" } ?? "-" }
        var rows: [(String, [String])] = [
            ("policy", summaries.map(\.policy)),
            ("labelled transactions", summaries.map { "\($0.transactions)" }),
            ("frauds", summaries.map { "\($0.frauds)" }),
            ("unlabelled", summaries.map { "\($0.unlabelled)" }),
            ("AUC ROC", summaries.map { metric($0.aucROC) }),
            ("average precision", summaries.map { metric($0.averagePrecision) }),
            ("precision @ review+decline", summaries.map { metric($0.reviewOrDecline.precision) }),
            ("recall @ review+decline", summaries.map { metric($0.reviewOrDecline.recall) }),
            ("precision @ decline", summaries.map { metric($0.decline.precision) }),
            ("recall @ decline", summaries.map { metric($0.decline.recall) }),
            ("card precision@\(summaries.first?.k ?? 0) (\(summaries.first?.days ?? 0) days)", summaries.map { metric($0.cardPrecisionAtK) }),
            ("genuine review rate", summaries.map { percent($0.genuineReviewRate) }),
            ("genuine decline rate", summaries.map { percent($0.genuineDeclineRate) }),
        ]
        let scenarios = Set(summaries.flatMap { $0.scenarios.keys }).sorted()
        for name in scenarios {
            rows.append(("scenario \(name.isEmpty ? "(none)" : name) allow/review/decline", summaries.map {
                let counts = $0.scenarios[name] ?? DecisionCounts()
                return "\(counts.allow)/\(counts.review)/\(counts.decline)"
            }))
        }
        let nameWidth = rows.map(\.0.count).max() ?? 0
        let valueWidth = max(12, rows.flatMap(\.1).map(\.count).max() ?? 0)
        return rows.map { name, values in
            name.padding(nameWidth) + values.map { "  " + $0.leftPadding(valueWidth) }.joined()
        }.joined(separator: "\n")
    }

    /// `value` with `digits` decimals, without Foundation.
    static func fixed(_ value: Double, _ digits: Int) -> String {
        guard value.isFinite else { return "-" }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = Int((abs(value) * scale).rounded())
        let whole = scaled / Int(scale)
        let fraction = String(scaled % Int(scale))
        return (value < 0 ? "-" : "") + "\(whole)." + String(repeating: "0", count: digits - fraction.count) + fraction
    }
}

extension String {
    func padding(_ width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }
    func leftPadding(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
