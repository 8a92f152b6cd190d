import RiskCore

/// What ``RecordReader`` yields for each non-blank input line.
public enum ReadEvent: Sendable {
    /// A record, its id text (for echoing into the output) and where it came from.
    case record(StreamRecord, id: RecordID, position: RecordPosition)
    /// A line that is not a valid record.
    case rejected(RecordRejection)
}
