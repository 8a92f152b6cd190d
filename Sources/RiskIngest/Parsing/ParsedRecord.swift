import RiskCore

/// One successfully parsed input line.
public struct ParsedRecord: Sendable, Hashable {
    /// The record.
    public var record: StreamRecord
    /// Byte offsets, within the parsed line, of the record's id text as written (the transaction
    /// `id`, or a feedback record's `ref`), so that a writer can echo it without building a
    /// `String`. For a JSON string it is the text between the quotes, still JSON-escaped; for a
    /// quoted CSV field the text between the quotes, with `""` still doubled. Empty (`0..<0`)
    /// when the record has no id.
    public var idRange: Range<Int>

    /// Creates a parsed record.
    public init(record: StreamRecord, idRange: Range<Int>) {
        self.record = record
        self.idRange = idRange
    }
}

/// Why a line could not be parsed. The caller adds the file name and line number.
public struct RecordError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, e.g. `missing field "card"` or `invalid JSON at byte 17: expected ':'`.
    public var reason: String

    /// Creates an error with a reason.
    public init(_ reason: String) { self.reason = reason }

    /// The reason.
    public var description: String { reason }
}
