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
