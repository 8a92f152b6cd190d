import RiskCore

/// A parser of one input line into a stream record.
public protocol RecordParsing: Sendable {
    /// Parses one line (without its line terminator).
    func parse(_ line: UnsafeRawBufferPointer) throws(RecordError) -> ParsedRecord
}

/// The parser of an input format, as one concrete type the pipeline can hold and call
/// without existential dispatch.
public enum RecordParser: RecordParsing {
    /// Lines longer than this many bytes are rejected.
    public static let maximumLineLength = 65_536

    /// NDJSON input.
    case ndjson(NDJSONRecordParser)
    /// CSV input.
    case csv(CSVRecordParser)

    /// Parses one line (without its line terminator).
    @inlinable
    public func parse(_ line: UnsafeRawBufferPointer) throws(RecordError) -> ParsedRecord {
        switch self {
        case .ndjson(let parser): try parser.parse(line)
        case .csv(let parser): try parser.parse(line)
        }
    }
}

/// Checks every format shares: the line length and its UTF-8.
enum RecordLineCheck {
    @inline(__always)
    static func check(_ line: UnsafeRawBufferPointer) throws(RecordError) {
        guard line.count <= RecordParser.maximumLineLength else {
            throw RecordError("line longer than \(RecordParser.maximumLineLength) bytes")
        }
        if let bad = UTF8Validation.firstInvalidByte(line) {
            throw RecordError("invalid UTF-8 at byte \(bad + 1)")
        }
    }
}
