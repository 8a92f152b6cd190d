import RiskCore
@testable import RiskIngest

/// Runs `body` over the UTF-8 bytes of `text`.
func withBytes<T>(_ text: String, _ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
    let bytes = Array(text.utf8)
    return try bytes.withUnsafeBytes { try body($0) }
}

/// Parses a time string with ``TimeParser``.
func parseTime(_ text: String) -> Int64? {
    withBytes(text) { TimeParser.parse($0) }
}

/// Parses one line with any parser.
func parseLine(_ parser: some RecordParsing, _ line: String) -> Result<ParsedRecord, RecordError> {
    parseLine(parser, Array(line.utf8))
}

/// Parses one line of raw bytes with any parser.
func parseLine(_ parser: some RecordParsing, _ bytes: [UInt8]) -> Result<ParsedRecord, RecordError> {
    bytes.withUnsafeBytes { buffer in
        Result { () throws(RecordError) -> ParsedRecord in try parser.parse(buffer) }
    }
}

/// The logged transaction a line parses to, or nil (with the error recorded by the caller).
func loggedTransaction(_ result: Result<ParsedRecord, RecordError>) -> LoggedTransaction? {
    guard case .success(let parsed) = result, case .transaction(let logged) = parsed.record else { return nil }
    return logged
}

/// The error reason of a failed parse, or nil when it succeeded.
func failure(_ result: Result<ParsedRecord, RecordError>) -> String? {
    guard case .failure(let error) = result else { return nil }
    return error.reason
}

/// The text of `line` in `range`.
func slice(_ line: String, _ range: Range<Int>) -> String {
    String(decoding: Array(line.utf8)[range], as: UTF8.self)
}

/// Merchant / terminal hash of a text id.
func entity(_ text: String) -> UInt64 { SipHashKey.entityKey.hash(text) }
