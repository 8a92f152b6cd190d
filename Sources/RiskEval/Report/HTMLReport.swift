/// The self-contained HTML evaluation report: inline CSS and SVG, no scripts, no network.
public enum HTMLReport {
    /// One evaluated policy: its figures and its decisions.
    public struct Entry: Sendable {
        /// "champion" or "challenger".
        public var role: String
        /// The figures.
        public var summary: EvaluationSummary
        /// The decisions the curves are drawn from.
        public var log: DecisionLog

        /// Creates an entry.
        public init(role: String, summary: EvaluationSummary, log: DecisionLog) {
            self.role = role
            self.summary = summary
            self.log = log
        }
    }

    static let colors = ["#1f5fa8", "#d9480f"]
    static let style = """
    body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px auto;max-width:1100px;color:#1d2330;background:#fff}
    h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #d5dae3;padding-bottom:4px}
    .sub{color:#5b6475;font-size:13px;margin-bottom:16px}
    table{border-collapse:collapse;font-size:13px;margin:6px 0}th,td{border:1px solid #d5dae3;padding:4px 10px;text-align:right}
    th:first-child,td:first-child{text-align:left}thead th{background:#eef1f6}
    .charts{display:flex;flex-wrap:wrap;gap:12px}.charts svg{border:1px solid #e3e7ee;background:#fcfdff}
    .grid{stroke:#e6e9ef;stroke-width:1}.axis{fill:none;stroke:#8a93a3;stroke-width:1}
    .tick{font-size:11px;fill:#5b6475}.label{font-size:12px;fill:#1d2330}.title{font-size:14px;font-weight:600;fill:#1d2330}
    .legend{font-size:12px;fill:#1d2330}
    """

    /// Renders the report.
    ///
    /// - Parameters:
    ///   - entries: the champion, then optionally the challenger.
    ///   - inputs: the input files, for the heading.
    ///   - labelDelay: the label delay option as given, or nil.
    public static func render(_ entries: [Entry], inputs: [String], labelDelay: String?) -> String {
        var html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>RiskScore evaluation</title><style>\(style)</style></head><body>"
        html += "<h1>RiskScore evaluation</h1><div class=\"sub\">Input: \(HTMLText.escape(inputs.joined(separator: ", ")))"
        html += labelDelay.map { " · label delay \(HTMLText.escape($0))" } ?? " · no label delay"
        html += " · policies: " + entries.map { "\(HTMLText.escape($0.summary.policy)) (\($0.role))" }.joined(separator: " vs ") + "</div>"
        html += "<h2>Metrics</h2>" + metricsTable(entries)
        html += "<h2>Curves</h2><div class=\"charts\">"
        var roc = entries.enumerated().map { index, entry in
            SVGChart.Series(name: "\(entry.summary.policy) (AUC \(HTMLText.metric(entry.summary.aucROC)))", color: colors[index % 2], points: Curves.roc(entry.log.samples))
        }
        roc.append(SVGChart.Series(name: "chance", color: "#9aa3b2", points: [(0, 0), (1, 1)], dashed: true))
        html += SVGChart.lines(title: "ROC curve", xTitle: "false positive rate", yTitle: "true positive rate", series: roc, legendAt: (0.4, 0.3))
        let pr = entries.enumerated().map { index, entry in
            SVGChart.Series(name: "\(entry.summary.policy) (AP \(HTMLText.metric(entry.summary.averagePrecision)))", color: colors[index % 2], points: Curves.precisionRecall(entry.log.samples))
        }
        html += SVGChart.lines(title: "Precision-recall curve", xTitle: "recall", yTitle: "precision", series: pr, legendAt: (0.05, 1))
        for entry in entries {
            let shares = Curves.histogram(entry.log.samples)
            html += SVGChart.histogram(title: "Scores: \(entry.summary.policy) (\(entry.role))",
                                       bars: [("fraud", "#c92a2a", shares.fraud), ("genuine", "#2b8a3e", shares.genuine)])
        }
        html += "</div>"
        html += scenarioTable(entries)
        return html + "</body></html>\n"
    }

    static func metricsTable(_ entries: [Entry]) -> String {
        var html = "<table><thead><tr><th>metric</th>" + entries.map { "<th>\(HTMLText.escape($0.summary.policy)) (\($0.role))</th>" }.joined() + "</tr></thead><tbody>"
        func row(_ name: String, _ value: (EvaluationSummary) -> String) {
            html += "<tr><td>\(HTMLText.escape(name))</td>" + entries.map { "<td>\(value($0.summary))</td>" }.joined() + "</tr>"
        }
        row("labelled transactions") { "\($0.transactions)" }
        row("frauds") { "\($0.frauds)" }
        row("unlabelled (not in metrics)") { "\($0.unlabelled)" }
        row("AUC ROC") { HTMLText.metric($0.aucROC) }
        row("average precision") { HTMLText.metric($0.averagePrecision) }
        row("precision at review or decline") { HTMLText.metric($0.reviewOrDecline.precision) }
        row("recall at review or decline") { HTMLText.metric($0.reviewOrDecline.recall) }
        row("precision at decline") { HTMLText.metric($0.decline.precision) }
        row("recall at decline") { HTMLText.metric($0.decline.recall) }
        row("card precision@k (mean over days)") { "\(HTMLText.metric($0.cardPrecisionAtK)) (k=\($0.k), \($0.days) days)" }
        row("genuine review rate") { HTMLText.percent($0.genuineReviewRate) }
        row("genuine decline rate") { HTMLText.percent($0.genuineDeclineRate) }
        return html + "</tbody></table>"
    }

    static func scenarioTable(_ entries: [Entry]) -> String {
        let names = Set(entries.flatMap { $0.summary.scenarios.keys }).sorted()
        guard !names.isEmpty else { return "" }
        var html = "<h2>Decisions per scenario</h2><table><thead><tr><th>scenario</th>"
        for entry in entries {
            let policy = HTMLText.escape(entry.summary.policy)
            html += "<th>\(policy): allow</th><th>\(policy): review</th><th>\(policy): decline</th>"
        }
        html += "</tr></thead><tbody>"
        for name in names {
            html += "<tr><td>\(name.isEmpty ? "(none: genuine traffic)" : HTMLText.escape(name))</td>"
            for entry in entries {
                let counts = entry.summary.scenarios[name] ?? DecisionCounts()
                html += "<td>\(counts.allow)</td><td>\(counts.review)</td><td>\(counts.decline)</td>"
            }
            html += "</tr>"
        }
        return html + "</tbody></table>"
    }
}
