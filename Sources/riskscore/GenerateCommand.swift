import ArgumentParser
import RiskCore
import RiskIO
import RiskSim
#if canImport(Glibc)
import Glibc
#endif

/// `riskscore generate`: writes a deterministic, labelled synthetic transaction stream (RiskSim)
/// as NDJSON or CSV, zstd-compressed when the output name ends in `.zst`.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate labelled synthetic card traffic (same bytes for the same seed).",
        discussion: """
            Scenarios and their parameters: Docs/scenarios.md. The output appears only when it is \
            complete (written under a temporary name, then renamed). CSV output holds transactions \
            only (no feedback or status records).
            """
    )

    /// Output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case ndjson, csv
    }

    @Option(help: "Number of transactions.")
    var transactions: Int

    @Option(help: "Number of cardholder cards.")
    var cards: Int

    @Option(help: "Number of terminals (at least one per merchant).")
    var terminals: Int = 6_000

    @Option(help: "Number of merchants.")
    var merchants: Int = 2_000

    @Option(help: "Number of simulated days.")
    var days: Int = 30

    @Option(help: "Seed of every random choice.")
    var seed: UInt64 = 1

    @Option(help: "Output file; zstd-compressed when it ends in .zst; '-' for standard output.")
    var output: String

    @Option(help: "Record format.")
    var format: Format = .ndjson

    @Option(name: .customLong("mix"), parsing: .upToNextOption,
            help: "Scenario rates in incidents per million transactions, e.g. card_testing=80 all=0 (applied in order over the standard mix).")
    var mix: [String] = []

    func validate() throws {
        guard transactions >= 0 else { throw ValidationError("--transactions must not be negative") }
        guard cards > 0 else { throw ValidationError("--cards must be positive") }
        guard terminals > 0, merchants > 0 else { throw ValidationError("--terminals and --merchants must be positive") }
        guard days > 0 else { throw ValidationError("--days must be positive") }
    }

    func run() throws {
        var scenarioMix = ScenarioMix.standard
        do {
            try scenarioMix.apply(mix)
        } catch {
            throw ValidationError(error.description)
        }
        let configuration = GeneratorConfiguration(
            transactions: transactions, cards: cards, terminals: terminals, merchants: merchants, days: days,
            seed: seed, scenarioMix: scenarioMix)
        let start = monotonicSeconds()
        // zstd level 1 on one worker thread: compression overlaps generation and keeps up with
        // it (the output stays deterministic for a fixed level and worker count).
        let sink = try ByteSink(path: output, level: 1, workers: 1)
        let tally = try write(TrafficGenerator(configuration: configuration), to: sink)
        try sink.commit()
        let seconds = monotonicSeconds() - start
        // With the records on standard output, the summary goes to standard error.
        let summary = summaryLines(tally, bytes: sink.bytesWritten, seconds: seconds).joined(separator: "\n")
        if output == "-" { StandardError.write(summary + "\n") } else { print(summary) }
    }

    /// Streams every record through the chosen writer into `sink` in 1 MiB chunks.
    private func write(_ generator: TrafficGenerator, to sink: ByteSink) throws -> TrafficTally {
        var tally = TrafficTally()
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 20 + 4096)
        let ndjson = NDJSONRecordWriter()
        let csv = CSVRecordWriter()
        if format == .csv { csv.appendHeader(to: &buffer) }
        for record in generator {
            switch format {
            case .ndjson:
                ndjson.append(record, to: &buffer)
                tally.count(record)
            case .csv:
                if csv.append(record, to: &buffer) { tally.count(record) }
            }
            if buffer.count >= 1 << 20 {
                try sink.write(buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        try sink.write(buffer)
        return tally
    }

    private func summaryLines(_ tally: TrafficTally, bytes: Int64, seconds: Double) -> [String] {
        let percent = (tally.fraudShare * 10_000).rounded() / 100
        var lines = [
            "\(output): \(tally.records) records (\(tally.transactions) transactions, \(tally.feedbackRecords) feedback, \(tally.statusRecords) status), \(bytes) bytes before compression",
            "fraud: \(tally.fraudTransactions) transactions (\(percent)%)",
        ]
        for scenario in Scenario.allCases {
            lines.append("  \(scenario.name): \(tally.transactions(of: scenario))")
        }
        let rate = seconds > 0 ? Int((Double(tally.records) / seconds).rounded()) : 0
        lines.append("seconds: \((seconds * 100).rounded() / 100) (\(rate) records/s)")
        return lines
    }
}

/// Seconds on the monotonic clock (for reporting elapsed time only; never used in scoring).
func monotonicSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
}
