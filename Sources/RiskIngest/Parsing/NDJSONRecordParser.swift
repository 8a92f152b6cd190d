import RiskCore

/// Parses NDJSON lines of the canonical record schema (see the README) into stream records.
///
/// The parser checks the line's length, its UTF-8 and its full JSON syntax, then converts the
/// canonical fields straight from the line's bytes: no Foundation, no `String` per field and no
/// allocation per record (a scenario name of at most 15 bytes is stored inline; longer ones, up
/// to 63 bytes, only on labelled fraud records, allocate).
public struct NDJSONRecordParser: RecordParsing {
    /// The key for card hashes.
    public var cardKey: SipHashKey

    /// Creates a parser; `cardKey` is the deployment's secret for card hashes.
    public init(cardKey: SipHashKey = .defaultCardKey) {
        self.cardKey = cardKey
    }

    /// Parses one line (without its newline).
    public func parse(_ line: UnsafeRawBufferPointer) throws(RecordError) -> ParsedRecord {
        try RecordLineCheck.check(line)
        let key = cardKey
        let result = RecordAssembler.withFieldValues { fields in
            Result { () throws(RecordError) -> ParsedRecord in
                var scanner = JSONLineScanner(line)
                try scanner.scanObject(into: fields)
                return try RecordAssembler(line: line, fields: fields, cardKey: key).assemble()
            }
        }
        return try result.get()
    }
}
