import RiskCore

/// Renders a ``RescoreSummary`` for people (a few aligned lines) and for programs (JSON).
public enum SummaryReport {
    /// The human summary: records read and rejected, decisions by action, top reason codes,
    /// seconds and records/s, and the issuer comparison when the log carried responses.
    public static func text(_ summary: RescoreSummary, topReasons: Int = 10) -> String {
        var lines: [String] = []
        lines.append("records read      \(grouped(summary.recordsRead))")
        lines.append("rejected          \(grouped(summary.recordsRejected))")
        lines.append("state updates     \(grouped(summary.updates))  (feedback and status records)")
        lines.append("decisions         \(grouped(summary.decisions))")
        for action in Action.allCases {
            let count = summary.decisionsByAction[Int(action.rawValue)]
            lines.append("  \(action.name.padding(15))\(grouped(count).leftPadding(12))  \(percent(count, of: summary.decisions))")
        }
        let reasons = summary.topReasons(topReasons)
        if !reasons.isEmpty {
            lines.append("top reason codes")
            for reason in reasons {
                lines.append("  \(reason.code.padding(40))\(grouped(reason.count).leftPadding(12))")
            }
        }
        lines.append("seconds           \(fixed(summary.seconds, decimals: 2))")
        lines.append("records/s         \(grouped(Int(summary.recordsPerSecond.rounded())))")
        let cpu = summary.stageCPU
        if cpu.total > 0 {
            lines.append("cpu seconds       \(fixed(cpu.total, decimals: 2)): reader \(fixed(cpu.reader, decimals: 2)), parsers \(fixed(cpu.parsers, decimals: 2)), "
                + "keyed \(fixed(cpu.keyed, decimals: 2)), writer \(fixed(cpu.writer, decimals: 2))")
        }
        let comparison = summary.comparison
        if comparison.total > 0 {
            lines.append("policy vs issuer (\(grouped(comparison.total)) transactions with a historical response)")
            lines.append("  \("".padding(12))\("issuer approved".leftPadding(18))\("issuer declined".leftPadding(18))")
            for action in Action.allCases {
                let approved = comparison.count(policy: action, issuerApproved: true)
                let declined = comparison.count(policy: action, issuerApproved: false)
                lines.append("  \(("policy " + action.name).padding(12))\(grouped(approved).leftPadding(18))\(grouped(declined).leftPadding(18))")
            }
            lines.append("  policy would decline, issuer approved: \(grouped(comparison.policyDeclinedIssuerApproved))")
            lines.append("  policy would allow, issuer declined:   \(grouped(comparison.policyAllowedIssuerDeclined))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The same content as JSON (one object, keys in a fixed order).
    public static func json(_ summary: RescoreSummary, topReasons: Int = 10) -> String {
        var fields: [String] = []
        fields.append("\"records_read\":\(summary.recordsRead)")
        fields.append("\"rejected\":\(summary.recordsRejected)")
        fields.append("\"state_updates\":\(summary.updates)")
        fields.append("\"decisions\":\(summary.decisions)")
        let actions = Action.allCases.map { "\"\($0.name)\":\(summary.decisionsByAction[Int($0.rawValue)])" }
        fields.append("\"decisions_by_action\":{\(actions.joined(separator: ","))}")
        let reasons = summary.topReasons(topReasons).map { "{\"code\":\(jsonString($0.code)),\"count\":\($0.count)}" }
        fields.append("\"top_reasons\":[\(reasons.joined(separator: ","))]")
        fields.append("\"seconds\":\(number(summary.seconds))")
        fields.append("\"records_per_second\":\(number(summary.recordsPerSecond))")
        let cpu = summary.stageCPU
        fields.append("\"cpu_seconds\":{\"reader\":\(number(cpu.reader)),\"parsers\":\(number(cpu.parsers)),\"keyed\":\(number(cpu.keyed)),\"writer\":\(number(cpu.writer))}")
        let comparison = summary.comparison
        if comparison.total > 0 {
            let rows = Action.allCases.map {
                "\"\($0.name)\":{\"issuer_approved\":\(comparison.count(policy: $0, issuerApproved: true)),\"issuer_declined\":\(comparison.count(policy: $0, issuerApproved: false))}"
            }
            fields.append("\"issuer_comparison\":{\"transactions\":\(comparison.total),\"by_policy_action\":{\(rows.joined(separator: ","))},"
                + "\"policy_declined_issuer_approved\":\(comparison.policyDeclinedIssuerApproved),"
                + "\"policy_allowed_issuer_declined\":\(comparison.policyAllowedIssuerDeclined)}")
        } else {
            fields.append("\"issuer_comparison\":null")
        }
        return "{" + fields.joined(separator: ",") + "}\n"
    }

    /// `1234567` → `1,234,567`.
    static func grouped(_ value: Int) -> String {
        let digits = Array(String(value.magnitude))
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return value < 0 ? "-" + text : text
    }

    static func percent(_ part: Int, of whole: Int) -> String {
        whole > 0 ? fixed(Double(part) * 100 / Double(whole), decimals: 2) + "%" : "-"
    }

    /// `value` with a fixed number of decimals.
    static func fixed(_ value: Double, decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = Int((value.magnitude * scale).rounded())
        let whole = scaled / Int(scale)
        var fraction = String(scaled % Int(scale))
        while fraction.count < decimals { fraction = "0" + fraction }
        return (value < 0 && scaled != 0 ? "-" : "") + String(whole) + (decimals > 0 ? "." + fraction : "")
    }

    static func number(_ value: Double) -> String {
        var bytes: [UInt8] = []
        NumberFormatting.append(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    static func jsonString(_ text: String) -> String {
        var bytes: [UInt8] = []
        DecisionWriter.appendString(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension String {
    /// The string padded with spaces on the right to `width` characters.
    func padding(_ width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }

    /// The string padded with spaces on the left to `width` characters.
    func leftPadding(_ width: Int) -> String {
        count >= width ? " " + self : String(repeating: " ", count: width - count) + self
    }
}
