import RiskCore
import RiskIngest

/// Replays logs in order through an optional label delay: the one loop `features`, `evaluate`
/// (and `rescore`) share, so every command sees the same stream the same way.
public enum StreamReplay {
    /// Reads `reader`'s records, passes them through `labelDelay` when given (injecting each fraud
    /// label as a fraud report `delay` after its transaction; the remaining reports are released
    /// at the end), and calls `body` with each record and its id bytes (empty for injected
    /// reports).
    @discardableResult
    public static func run(_ reader: LogReader, labelDelay: Int64?, onReject: (RecordRejection) -> Void,
                           _ body: (StreamRecord, UnsafeRawBufferPointer) throws -> Void) throws -> LogReader.Counts {
        let none = UnsafeRawBufferPointer(start: nil, count: 0)
        guard let labelDelay else {
            return try reader.read(onReject: onReject, body)
        }
        var delay = LabelDelay(delay: labelDelay)
        let counts = try reader.read(onReject: onReject) { record, id in
            try delay.releaseDue(by: record.time) { try body($0, none) }
            try body(record, id)
            delay.schedule(record)
        }
        try delay.finish { try body($0, none) }
        return counts
    }
}
