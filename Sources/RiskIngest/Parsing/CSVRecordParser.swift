import RiskCore

/// Parses CSV lines of transactions, configured from the file's header line and a mapping of
/// canonical field names to column names.
///
/// A column whose header equals a canonical field name (`amount`, `mcc`, …) maps to it unless
/// the mapping says otherwise; one column may feed several fields. Unmapped optional fields take
/// the README defaults, and empty fields count as absent. Each line must have as many columns as
/// the header.
public struct CSVRecordParser: RecordParsing {
    /// The field delimiter.
    public let delimiter: UInt8
    /// The key for card hashes.
    public var cardKey: SipHashKey
    /// The header's column names.
    public let columnNames: [String]
    /// For each column, a bit mask of the canonical fields (by raw value) it feeds.
    let columnFields: [UInt32]

    /// Configures a parser from the header line's bytes.
    ///
    /// - Parameters:
    ///   - header: The header line, without its terminator (a UTF-8 byte order mark is skipped).
    ///   - mapping: Canonical field name → column name, e.g. `["card": "CUSTOMER_ID"]`.
    ///   - delimiter: The field delimiter (default `,`).
    ///   - cardKey: The key for card hashes.
    /// - Throws: ``CSVConfigurationError`` for an unknown field name, a field that transactions
    ///   do not have, a column missing from (or repeated in) the header, or a required field
    ///   (`id`, `time`, `card`, `amount` or `amount_minor`) without a column.
    public init(header: UnsafeRawBufferPointer, mapping: [String: String] = [:],
                delimiter: UInt8 = UInt8(ascii: ","), cardKey: SipHashKey = .defaultCardKey) throws(CSVConfigurationError) {
        self.delimiter = delimiter
        self.cardKey = cardKey
        let names = try Self.columnNames(header, delimiter: delimiter)
        columnNames = names

        func column(named name: String) throws(CSVConfigurationError) -> Int? {
            let indices = names.indices.filter { names[$0] == name }
            guard indices.count <= 1 else { throw CSVConfigurationError("column \"\(name)\" appears more than once in the header") }
            return indices.first
        }

        var fieldColumns = [Int?](repeating: nil, count: CanonicalField.count)
        for fieldName in mapping.keys.sorted() {
            let columnName = mapping[fieldName]!
            guard let field = CanonicalField(name: fieldName) else {
                let known = CanonicalField.allCases.filter(\.isTransactionField).map(\.name).joined(separator: ", ")
                throw CSVConfigurationError("unknown field \"\(fieldName)\" in the column mapping (fields: \(known))")
            }
            guard field.isTransactionField else {
                throw CSVConfigurationError("field \"\(fieldName)\" cannot be mapped: CSV input carries transactions only")
            }
            guard let index = try column(named: columnName) else {
                throw CSVConfigurationError("no column \"\(columnName)\" (mapped to \"\(fieldName)\") in the header; columns: \(names.joined(separator: ", "))")
            }
            fieldColumns[Int(field.rawValue)] = index
        }
        for field in CanonicalField.allCases where field.isTransactionField && mapping[field.name] == nil {
            fieldColumns[Int(field.rawValue)] = try column(named: field.name)
        }
        for field in [CanonicalField.id, .time, .card] where fieldColumns[Int(field.rawValue)] == nil {
            throw CSVConfigurationError("no column for required field \"\(field.name)\"; map one with \(field.name)=COLUMN")
        }
        if fieldColumns[Int(CanonicalField.amount.rawValue)] == nil, fieldColumns[Int(CanonicalField.amountMinor.rawValue)] == nil {
            throw CSVConfigurationError("no column for required field \"amount\" (or \"amount_minor\"); map one with amount=COLUMN")
        }

        var masks = [UInt32](repeating: 0, count: names.count)
        for (raw, index) in fieldColumns.enumerated() {
            if let index { masks[index] |= 1 << UInt32(raw) }
        }
        columnFields = masks
    }

    /// Configures a parser from the header line as a string.
    public init(header: String, mapping: [String: String] = [:],
                delimiter: UInt8 = UInt8(ascii: ","), cardKey: SipHashKey = .defaultCardKey) throws(CSVConfigurationError) {
        let bytes = Array(header.utf8)
        let result = bytes.withUnsafeBytes { buffer in
            Result { () throws(CSVConfigurationError) -> CSVRecordParser in
                try CSVRecordParser(header: buffer, mapping: mapping, delimiter: delimiter, cardKey: cardKey)
            }
        }
        self = try result.get()
    }

    /// Reads `--map` arguments of the form `field=COLUMN` into a mapping.
    public static func mapping(from arguments: [String]) throws(CSVConfigurationError) -> [String: String] {
        var mapping: [String: String] = [:]
        for argument in arguments {
            guard let equals = argument.firstIndex(of: "="), equals != argument.startIndex else {
                throw CSVConfigurationError("invalid column mapping \"\(argument)\": expected field=COLUMN")
            }
            let field = String(argument[..<equals])
            guard mapping[field] == nil else { throw CSVConfigurationError("field \"\(field)\" is mapped twice") }
            mapping[field] = String(argument[argument.index(after: equals)...])
        }
        return mapping
    }

    /// The name of the column that feeds `field`, if any.
    public func column(for field: CanonicalField) -> String? {
        let bit = UInt32(1) << UInt32(field.rawValue)
        return columnFields.firstIndex { $0 & bit != 0 }.map { columnNames[$0] }
    }

    /// Parses one line (without its newline; a trailing carriage return is ignored).
    public func parse(_ line: UnsafeRawBufferPointer) throws(RecordError) -> ParsedRecord {
        try RecordLineCheck.check(line)
        let body = CSVFieldScanner.droppingCarriageReturn(line)
        guard !body.isEmpty else { throw RecordError("empty line") }
        let key = cardKey
        let separator = delimiter
        return try columnFields.withUnsafeBufferPointer { (masks) throws(RecordError) -> ParsedRecord in
            let result = RecordAssembler.withFieldValues { fields in
                Result { () throws(RecordError) -> ParsedRecord in
                    var scanner = CSVFieldScanner(body, delimiter: separator)
                    var column = 0
                    while let value = try scanner.next() {
                        if column < masks.count {
                            var mask = masks[column]
                            while mask != 0 {
                                fields[mask.trailingZeroBitCount] = value.start == value.end ? .absent : value
                                mask &= mask &- 1
                            }
                        }
                        column += 1
                    }
                    guard column == masks.count else {
                        throw RecordError("expected \(masks.count) columns, found \(column)")
                    }
                    return try RecordAssembler(line: line, fields: fields, cardKey: key).assemble()
                }
            }
            return try result.get()
        }
    }

    /// Splits and decodes the header line.
    static func columnNames(_ header: UnsafeRawBufferPointer, delimiter: UInt8) throws(CSVConfigurationError) -> [String] {
        var line = CSVFieldScanner.droppingCarriageReturn(header)
        if line.count >= 3, line[0] == 0xEF, line[1] == 0xBB, line[2] == 0xBF {
            line = UnsafeRawBufferPointer(rebasing: line[3...])
        }
        guard !line.isEmpty else { throw CSVConfigurationError("empty header line") }
        if let bad = UTF8Validation.firstInvalidByte(line) {
            throw CSVConfigurationError("invalid UTF-8 in the header at byte \(bad + 1)")
        }
        var names: [String] = []
        var scanner = CSVFieldScanner(line, delimiter: delimiter)
        do throws(RecordError) {
            while let value = try scanner.next() {
                var bytes = Array(UnsafeRawBufferPointer(rebasing: line[value.start..<value.end]))
                if value.kind == .csvEscaped {
                    let count = bytes.withUnsafeBytes { input in
                        withUnsafeTemporaryAllocation(byteCount: input.count, alignment: 1) { scratch in
                            let count = EscapedText.unescapeCSV(input, into: scratch)
                            return Array(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(scratch)[0..<count]))
                        }
                    }
                    bytes = count
                }
                names.append(String(decoding: bytes, as: UTF8.self))
            }
        } catch {
            throw CSVConfigurationError("header: \(error.reason)")
        }
        return names
    }
}
