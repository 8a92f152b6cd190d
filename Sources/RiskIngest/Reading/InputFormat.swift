import RiskCore

/// The format of the input files and, for CSV, how columns map to canonical fields.
public enum InputFormat: Sendable, Hashable {
    /// NDJSON in the canonical record schema.
    case ndjson
    /// CSV with a header line; `mapping` maps canonical field names to column names
    /// (see ``CSVRecordParser/mapping(from:)``).
    case csv(mapping: [String: String], delimiter: UInt8 = UInt8(ascii: ","))

    /// Whether each file starts with a header line that configures the parser.
    public var hasHeader: Bool {
        if case .csv = self { return true }
        return false
    }

    /// The parser for a file of this format; for CSV, configured from the file's header line.
    ///
    /// - Parameters:
    ///   - header: The first line of the file (ignored for NDJSON).
    ///   - cardKey: The key for card hashes.
    /// - Throws: ``CSVConfigurationError`` when the header does not fit the mapping.
    public func parser(header: UnsafeRawBufferPointer, cardKey: SipHashKey) throws(CSVConfigurationError) -> RecordParser {
        switch self {
        case .ndjson:
            return .ndjson(NDJSONRecordParser(cardKey: cardKey))
        case .csv(let mapping, let delimiter):
            return .csv(try CSVRecordParser(header: header, mapping: mapping, delimiter: delimiter, cardKey: cardKey))
        }
    }
}
