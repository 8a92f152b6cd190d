import RiskCore
import RiskIO

/// Live scoring for pipes: reads records as they arrive, decides each with a ``RiskEngine``
/// and writes its decision line at once (flushing per record when asked).
public enum LiveScorer {
    /// Scores `input` to `output` until the input ends.
    ///
    /// - Parameters:
    ///   - input: An input path or `-`.
    ///   - format: Input format.
    ///   - engine: The engine deciding (its state persists across calls).
    ///   - output: Where decision lines go.
    ///   - flushEachRecord: Flush the output after every decision (for pipes and terminals).
    ///   - rejection: Called for each rejected line.
    /// - Returns: The summary of the run.
    /// - Throws: ``InputError`` when the input is damaged or unreadable (after deciding and
    ///   writing every record before the damage); ``IOError`` or ``ZstdError`` from the output.
    public static func run(input: String, format: InputFormat = .ndjson, engine: RiskEngine, output: ByteSink,
                           flushEachRecord: Bool, rejection: (RecordRejection) -> Void) throws -> RescoreSummary {
        let reader = RecordReader(inputs: [input], format: format)
        var writer = DecisionWriter(capacity: 4096)
        var summary = RescoreSummary()
        do {
            try score(reader, engine: engine, output: output, writer: &writer, summary: &summary,
                      flushEachRecord: flushEachRecord, rejection: rejection)
        } catch {
            // Decisions made before damaged input still go out.
            try writer.withUnsafeBytes { try output.write($0) }
            try output.flush()
            throw error
        }
        try writer.withUnsafeBytes { try output.write($0) }
        try output.flush()
        summary.recordsRead = reader.recordsRead
        summary.recordsRejected = reader.recordsRejected
        return summary
    }

    private static func score(_ reader: RecordReader, engine: RiskEngine, output: ByteSink, writer: inout DecisionWriter,
                              summary: inout RescoreSummary, flushEachRecord: Bool,
                              rejection: (RecordRejection) -> Void) throws {
        while let event = try reader.next() {
            switch event {
            case .record(let record, let id, _):
                guard let decision = engine.process(record) else {
                    summary.updates += 1
                    continue
                }
                guard case .transaction(let logged) = record else { continue }
                summary.add(decision, responseCode: logged.responseCode)
                writer.append(decision, id: id, card: logged.transaction.card)
                if flushEachRecord {
                    try writer.withUnsafeBytes { try output.write($0) }
                    try output.flush()
                    writer.removeAll()
                } else if writer.count >= 1 << 16 {
                    try writer.withUnsafeBytes { try output.write($0) }
                    writer.removeAll()
                }
            case .rejected(let rejected):
                rejection(rejected)
            }
        }
    }
}
