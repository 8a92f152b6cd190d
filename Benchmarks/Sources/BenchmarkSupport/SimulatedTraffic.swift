import RiskCore
import RiskSim

/// Generated traffic held in memory, so benchmarks time the code under test and not the
/// generator: RiskSim's default scenario mix with a fixed seed, the same records every run.
public enum SimulatedTraffic {
    /// The generator configuration the benchmarks share: `transactions` records over
    /// `cards` cards in 7 days, seed 7.
    public static func configuration(transactions: Int, cards: Int = 20_000) -> GeneratorConfiguration {
        GeneratorConfiguration(transactions: transactions, cards: cards, terminals: 3_000, merchants: 1_000, days: 7, seed: 7)
    }

    /// The first `count` generated transactions (feedback and status records are skipped), in
    /// event-time order.
    public static func transactions(_ count: Int, cards: Int = 20_000) -> [Transaction] {
        var result: [Transaction] = []
        result.reserveCapacity(count)
        for generated in TrafficGenerator(configuration: configuration(transactions: count, cards: cards)) {
            if case .transaction(let logged) = generated.record { result.append(logged.transaction) }
            if result.count == count { break }
        }
        return result
    }

    /// `count` generated records written as NDJSON lines (transactions, feedback and status
    /// records, as `riskscore generate` writes them).
    public static func ndjson(_ count: Int) -> LineBuffer {
        let writer = NDJSONRecordWriter()
        var bytes: [UInt8] = []
        for generated in TrafficGenerator(configuration: configuration(transactions: count)) {
            writer.append(generated, to: &bytes)
        }
        return LineBuffer(bytes: bytes)
    }

    /// `count` generated transactions written as CSV rows; the header line is kept apart in
    /// ``CSVLines/header`` and is not one of the lines.
    public static func csv(_ count: Int) -> CSVLines {
        let writer = CSVRecordWriter()
        var bytes: [UInt8] = []
        for generated in TrafficGenerator(configuration: configuration(transactions: count)) {
            writer.append(generated, to: &bytes)
        }
        return CSVLines(header: CSVRecordWriter.header, lines: LineBuffer(bytes: bytes))
    }
}

/// CSV rows and the header line that names their columns.
public struct CSVLines: Sendable {
    /// The header line, without its newline.
    public let header: String
    /// The data rows.
    public let lines: LineBuffer
}
