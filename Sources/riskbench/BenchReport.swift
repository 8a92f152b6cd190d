import Foundation
import RiskSim

/// The results of the timed phases.
struct PerformanceResults {
    var scoreOnly: PhaseTiming
    var batchScore: PhaseTiming
    var replay: PhaseTiming
    var latency: LatencySummary
    var timerOverhead: LatencySummary
    var threads: Int
    var multiThread: PhaseTiming
    var multiThreadLatency: LatencySummary
    var pipeline: PipelineResult
    var memory: MemoryPhase.Result
    /// The policy's model alone; nil when the policy has none.
    var model: ModelPhase.Result?
}

/// Everything one `riskbench` run measured.
struct BenchReport {
    var policyName: String
    var transactions: Int
    var cards: Int
    var records: Int
    var fraudShare: Double
    var generationSeconds: Double
    /// The performance phases; nil with `--detection-only`.
    var performance: PerformanceResults?
    var detection: DetectionSummary

    // MARK: Table

    /// The human-readable report.
    var table: String {
        var lines: [String] = []
        lines.append("riskbench: \(transactions) transactions on \(cards) cards (\(records) records, fraud \(percent(fraudShare))), policy '\(policyName)'; generated in \(fixed(generationSeconds, 1)) s (not timed)")
        lines.append("")
        if let performance { lines += performanceTable(performance) }
        lines += detectionTable
        return lines.joined(separator: "\n")
    }

    private func performanceTable(_ results: PerformanceResults) -> [String] {
        let (scoreOnly, replay, latency, timerOverhead) = (results.scoreOnly, results.replay, results.latency, results.timerOverhead)
        let (threads, multiThread, multiThreadLatency) = (results.threads, results.multiThread, results.multiThreadLatency)
        let (pipeline, memory) = (results.pipeline, results.memory)
        var lines: [String] = []
        lines.append(row("measurement", "value", "per CPU-second / note"))
        lines.append(row("single-thread score only", rate(scoreOnly.perWallSecond), rate(scoreOnly.perCPUSecond)))
        lines.append(row("single-thread batch score (256)", rate(results.batchScore.perWallSecond), rate(results.batchScore.perCPUSecond)))
        lines.append(row("single-thread replay (process)", rate(replay.perWallSecond), rate(replay.perCPUSecond)))
        lines.append(row("score latency p50 / p90", "\(latency.p50) / \(latency.p90) ns", "timer pair p50 \(timerOverhead.p50) ns, included"))
        lines.append(row("score latency p99 / p99.9", "\(latency.p99) / \(latency.p999) ns", "\(latency.count) samples"))
        lines.append(row("score latency max", "\(latency.max) ns", ""))
        lines.append(row("\(threads)-thread score (one engine)", rate(multiThread.perWallSecond), rate(multiThread.perCPUSecond)))
        lines.append(row("\(threads)-thread latency p50 / p99 / p99.9", "\(multiThreadLatency.p50) / \(multiThreadLatency.p99) / \(multiThreadLatency.p999) ns", "max \(multiThreadLatency.max) ns"))
        lines.append(row("pipeline from .zst", pipeline.recordsPerSecond.map(rate) ?? "n/a",
                         pipeline.megabytesPerSecond.map { "\(fixed($0, 1)) MB/s" } ?? pipeline.note))
        if let perCPU = pipeline.recordsPerCPUSecond {
            lines.append(row("", "", "\(rate(perCPU)) per process CPU-second; " + pipeline.note))
        }
        lines.append(row("memory per card (resident)", memory.residentBytesPerCard.map { "\(fixed($0, 0)) B" } ?? "n/a",
                         "\(memory.cards) cards (\(memory.trackedCards) tracked); allocated \(fixed(memory.allocatedBytesPerCard, 0)) B/card; bytesPerCard \(memory.statisticsBytesPerCard)"))
        if let model = results.model {
            lines.append(row("model prediction (margin)", "\(fixed(model.margin.cpuSeconds / Double(model.predictions) * 1e9, 0)) ns CPU",
                             "\(model.predictions) predictions on engine feature vectors"))
            lines.append(row("model explanation (from the trail)", "\(fixed(model.contributions.cpuSeconds / Double(model.explanations) * 1e9, 0)) ns CPU",
                             "paid only by reviews and declines"))
        }
        lines.append("")
        return lines
    }

    private var detectionTable: [String] {
        var lines: [String] = []
        lines.append(detectionRow("detection", "tx", "caught", "review", "decline") + "  after 1st attempt")
        for scenario in Scenario.allCases {
            let counts = detection.counts(for: scenario)
            var extra = ""
            if DetectionSummary.velocityScenarios.contains(scenario) {
                let later = detection.countsAfterFirstAttempt(for: scenario)
                extra = "  \(percent(later.caughtShare)) of \(later.transactions)  (target ≥ 95%)"
            }
            lines.append(detectionRow(scenario.name, "\(counts.transactions)", percent(counts.caughtShare),
                                      percent(counts.reviewShare), percent(counts.declineShare)) + extra)
        }
        let fraud = detection.fraud
        lines.append(detectionRow("all fraud", "\(fraud.transactions)", percent(fraud.caughtShare), percent(fraud.reviewShare), percent(fraud.declineShare)))
        let genuine = detection.genuine
        lines.append(detectionRow("genuine", "\(genuine.transactions)", percent(genuine.caughtShare), percent(genuine.reviewShare),
                                  percent(genuine.declineShare)) + "  (target ≤ 0.5%)")
        lines.append("targets met: \(detection.meetsTargets ? "yes" : "no")")
        let codes = detection.genuineReasonCodes.sorted { $0.value > $1.value }.map { "\($0.key) \($0.value)" }
        lines.append("reasons on flagged genuine transactions: " + (codes.isEmpty ? "none" : codes.joined(separator: ", ")))
        for scenario in Scenario.allCases {
            let codes = detection.fraudReasonCodes[scenario, default: [:]].sorted { $0.value > $1.value }.map { "\($0.key) \($0.value)" }
            lines.append("reasons on caught \(scenario.name): " + (codes.isEmpty ? "none" : codes.joined(separator: ", ")))
        }
        return lines
    }

    private func row(_ name: String, _ value: String, _ note: String) -> String {
        name.padding(toLength: 40, withPad: " ", startingAt: 0) + value.padding(toLength: 26, withPad: " ", startingAt: 0) + note
    }

    private func detectionRow(_ name: String, _ count: String, _ caught: String, _ review: String, _ decline: String) -> String {
        name.padding(toLength: 26, withPad: " ", startingAt: 0)
            + [count, caught, review, decline].map { String(repeating: " ", count: max(0, 10 - $0.count)) + $0 }.joined()
    }

    private func rate(_ perSecond: Double) -> String {
        var digits = String(Int(perSecond.rounded()))
        var index = digits.count - 3
        while index > 0 {
            digits.insert(",", at: digits.index(digits.startIndex, offsetBy: index))
            index -= 3
        }
        return digits + " /s"
    }
    private func percent(_ share: Double) -> String { String(format: "%.2f%%", share * 100) }
    private func fixed(_ value: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", value) }

    // MARK: JSON

    /// The report as one JSON object.
    var json: String {
        var out = JSONObjectWriter()
        out.string("policy", policyName)
        out.integer("transactions", transactions)
        out.integer("cards", cards)
        out.integer("records", records)
        if let performance { performanceJSON(performance, &out) }
        out.object("detection") { detectionJSON(&$0) }
        return out.finished
    }

    private func performanceJSON(_ results: PerformanceResults, _ out: inout JSONObjectWriter) {
        let (scoreOnly, replay, latency, timerOverhead) = (results.scoreOnly, results.replay, results.latency, results.timerOverhead)
        let (threads, multiThread, multiThreadLatency) = (results.threads, results.multiThread, results.multiThreadLatency)
        let (pipeline, memory) = (results.pipeline, results.memory)
        out.number("single_thread_tps", scoreOnly.perWallSecond.rounded())
        out.number("single_thread_cpu_tps", scoreOnly.perCPUSecond.rounded())
        out.number("single_thread_batch_tps", results.batchScore.perWallSecond.rounded())
        out.number("single_thread_batch_cpu_tps", results.batchScore.perCPUSecond.rounded())
        out.number("single_thread_replay_tps", replay.perWallSecond.rounded())
        out.number("single_thread_replay_cpu_tps", replay.perCPUSecond.rounded())
        out.object("latency_ns") { Self.write(latency, to: &$0) }
        out.object("timer_overhead_ns") { Self.write(timerOverhead, to: &$0) }
        out.integer("threads", threads)
        out.number("multi_thread_tps", multiThread.perWallSecond.rounded())
        out.number("multi_thread_cpu_seconds", multiThread.cpuSeconds)
        out.object("multi_thread_latency_ns") { Self.write(multiThreadLatency, to: &$0) }
        out.number("pipeline_tps", pipeline.recordsPerSecond?.rounded())
        out.number("pipeline_mb_per_s", pipeline.megabytesPerSecond)
        out.number("pipeline_cpu_tps", pipeline.recordsPerCPUSecond?.rounded())
        out.string("pipeline_note", pipeline.note)
        out.number("bytes_per_card", memory.residentBytesPerCard?.rounded())
        out.number("allocated_bytes_per_card", memory.allocatedBytesPerCard.rounded())
        out.integer("engine_bytes_per_card", memory.statisticsBytesPerCard)
        out.integer("memory_cards", memory.cards)
        out.integer("memory_tracked_cards", memory.trackedCards)
        if let model = results.model {
            out.number("model_ns_per_prediction", (model.margin.cpuSeconds / Double(model.predictions) * 1e9).rounded())
            out.number("model_ns_per_explanation", (model.contributions.cpuSeconds / Double(model.explanations) * 1e9).rounded())
        }
    }

    private static func write(_ summary: LatencySummary, to out: inout JSONObjectWriter) {
        out.integer("count", Int(summary.count))
        out.integer("p50", Int(summary.p50))
        out.integer("p90", Int(summary.p90))
        out.integer("p99", Int(summary.p99))
        out.integer("p999", Int(summary.p999))
        out.integer("max", Int(summary.max))
    }

    private func detectionJSON(_ out: inout JSONObjectWriter) {
        func counts(_ value: DetectionSummary.Counts, _ out: inout JSONObjectWriter) {
            out.integer("transactions", value.transactions)
            out.integer("reviewed", value.reviewed)
            out.integer("declined", value.declined)
            out.number("caught_rate", value.caughtShare)
        }
        out.object("genuine") { counts(detection.genuine, &$0) }
        out.object("fraud") { counts(detection.fraud, &$0) }
        out.object("scenarios") { scenarios in
            for scenario in Scenario.allCases {
                scenarios.object(scenario.name) { entry in
                    counts(detection.counts(for: scenario), &entry)
                    if DetectionSummary.velocityScenarios.contains(scenario) {
                        entry.object("after_first_attempt") { counts(detection.countsAfterFirstAttempt(for: scenario), &$0) }
                    }
                }
            }
        }
        out.object("genuine_reason_codes") { codes in
            for (code, count) in detection.genuineReasonCodes.sorted(by: { $0.key < $1.key }) { codes.integer(code, count) }
        }
        out.bool("targets_met", detection.meetsTargets)
    }
}
