import RiskCore

/// Turns the field values a parser located in a line into a ``ParsedRecord``: checks the
/// field types, applies the README defaults and converts each value without allocating.
struct RecordAssembler {
    /// The whole line.
    let line: UnsafeRawBufferPointer
    /// One value per ``CanonicalField``, indexed by its raw value.
    let fields: UnsafeMutableBufferPointer<FieldValue>
    /// The key for card hashes.
    let cardKey: SipHashKey

    /// Hash of the empty merchant or terminal id (the default).
    static let emptyEntityHash = SipHashKey.entityKey.hash(UnsafeRawBufferPointer(start: nil, count: 0))

    /// Runs `body` with one value per canonical field, all absent, in memory on the stack.
    @inline(__always)
    static func withFieldValues<R>(_ body: (UnsafeMutableBufferPointer<FieldValue>) -> R) -> R {
        withUnsafeTemporaryAllocation(of: FieldValue.self, capacity: CanonicalField.count) { buffer in
            buffer.initialize(repeating: .absent)
            return body(buffer)
        }
    }

    @inline(__always)
    subscript(_ field: CanonicalField) -> FieldValue { fields[Int(field.rawValue)] }

    /// Builds the record the line describes; `kind` is the record kind when the line has no
    /// `kind` field.
    func assemble() throws(RecordError) -> ParsedRecord {
        var kind = Keywords.RecordKind.transaction
        if self[.kind].kind != .absent {
            kind = try keyword(.kind, Keywords.recordKinds)
        }
        switch kind {
        case .transaction: return try transaction()
        case .feedback: return try feedback()
        case .status: return try status()
        }
    }

    // MARK: - Record kinds

    func transaction() throws(RecordError) -> ParsedRecord {
        let (id, idRange) = try identifier(.id)
        let time = try time(.time)
        let card = try card()
        var currency = CurrencyCode.usd
        if self[.currency].kind != .absent {
            currency = try text(.currency) { (bytes) throws(RecordError) -> CurrencyCode in
                guard bytes.count == 3, let code = CurrencyCode(bytes: bytes[0], bytes[1], bytes[2]) else {
                    throw invalid(.currency)
                }
                return code
            }
        }
        let amount = try amount(currency: currency)
        var mcc: UInt16 = 0
        if self[.mcc].kind != .absent {
            mcc = try text(.mcc) { (bytes) throws(RecordError) -> UInt16 in
                guard let value = Self.decimal(bytes, maxDigits: 4) else { throw invalid(.mcc) }
                return UInt16(value)
            }
        }
        var country = CountryCode.unknown
        if self[.country].kind != .absent {
            country = try text(.country) { (bytes) throws(RecordError) -> CountryCode in
                guard bytes.count == 2, let code = CountryCode(bytes: bytes[0], bytes[1]) else { throw invalid(.country) }
                return code
            }
        }
        var expiry: UInt16 = 0
        if self[.expiry].kind != .absent {
            expiry = try text(.expiry) { (bytes) throws(RecordError) -> UInt16 in
                guard bytes.count == 4, let value = Self.decimal(bytes, maxDigits: 4),
                      value % 100 >= 1, value % 100 <= 12 else { throw invalid(.expiry) }
                return UInt16(value)
            }
        }
        var responseCode: ResponseCode?
        if self[.responseCode].kind != .absent {
            responseCode = try text(.responseCode) { (bytes) throws(RecordError) -> ResponseCode in
                @inline(__always) func alphanumeric(_ byte: UInt8) -> Bool {
                    (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
                }
                switch bytes.count {
                case 1 where alphanumeric(bytes[0]): return ResponseCode(0x30, bytes[0])
                case 2 where alphanumeric(bytes[0]) && alphanumeric(bytes[1]): return ResponseCode(bytes[0], bytes[1])
                default: throw invalid(.responseCode)
                }
            }
        }
        var scenario = ""
        if self[.scenario].kind != .absent {
            scenario = try text(.scenario) { (bytes) throws(RecordError) -> String in
                guard bytes.count <= 15 else {
                    throw RecordError("invalid scenario \(quoted(.scenario)): longer than 15 bytes")
                }
                return String(decoding: bytes, as: UTF8.self)
            }
        }
        let transaction = Transaction(
            id: id, time: time, card: card, amount: amount, currency: currency,
            merchant: try entity(.merchant), terminal: try entity(.terminal), mcc: mcc, country: country,
            entryMode: self[.entryMode].kind == .absent ? .unknown : try keyword(.entryMode, Keywords.entryModes),
            pinPresent: self[.pin].kind == .absent ? false : try flag(.pin, Keywords.booleans, whenTrue: true, whenFalse: false),
            expiry: expiry,
            messageType: self[.type].kind == .absent ? .authorization : try keyword(.type, Keywords.messageTypes)
        )
        let logged = LoggedTransaction(
            transaction: transaction, responseCode: responseCode,
            label: self[.label].kind == .absent ? .unknown : try flag(.label, Keywords.labels, whenTrue: .fraud, whenFalse: .genuine),
            scenario: scenario
        )
        return ParsedRecord(record: .transaction(logged), idRange: idRange)
    }

    func feedback() throws(RecordError) -> ParsedRecord {
        let reportTime = try time(.time)
        let card = try card()
        let transactionTime = try time(.transactionTime)
        var idRange = 0..<0
        if self[.reference].kind != .absent {
            idRange = try identifier(.reference).range
        }
        let kind = self[.feedback].kind == .absent ? FeedbackKind.fraudReport : try keyword(.feedback, Keywords.feedbackKinds)
        let feedback = Feedback(card: card, terminal: try entity(.terminal), merchant: try entity(.merchant),
                                transactionTime: transactionTime, reportTime: reportTime, kind: kind)
        return ParsedRecord(record: .feedback(feedback), idRange: idRange)
    }

    func status() throws(RecordError) -> ParsedRecord {
        let time = try time(.time)
        let card = try card()
        let status = try keyword(.status, Keywords.cardStatuses)
        return ParsedRecord(record: .status(StatusUpdate(card: card, status: status, time: time)), idRange: 0..<0)
    }

    // MARK: - Field readers

    /// An id: digits that fit a `UInt64` are its value, anything else is hashed.
    func identifier(_ field: CanonicalField) throws(RecordError) -> (value: UInt64, range: Range<Int>) {
        let value = self[field]
        let id = try text(field) { (bytes) throws(RecordError) -> UInt64 in
            if bytes.count <= 20, let number = Self.decimal(bytes, maxDigits: 20) { return number }
            return SipHashKey.entityKey.hash(bytes)
        }
        return (id, value.start..<value.end)
    }

    func time(_ field: CanonicalField) throws(RecordError) -> Int64 {
        try text(field) { (bytes) throws(RecordError) -> Int64 in
            guard let time = TimeParser.parse(bytes) else { throw invalid(field) }
            return time
        }
    }

    func card() throws(RecordError) -> CardReference {
        let key = cardKey
        // Never echo the value: it may be a card number.
        return try text(.card, echo: false) { bytes in CardReference(cardField: bytes, key: key) }
    }

    func entity(_ field: CanonicalField) throws(RecordError) -> UInt64 {
        guard self[field].kind != .absent else { return Self.emptyEntityHash }
        return try text(field) { bytes in SipHashKey.entityKey.hash(bytes) }
    }

    func amount(currency: CurrencyCode) throws(RecordError) -> Int64 {
        let major = self[.amount].kind != .absent
        let minor = self[.amountMinor].kind != .absent
        if major && minor { throw RecordError("conflicting fields \"amount\" and \"amount_minor\"") }
        if minor {
            return try text(.amountMinor) { (bytes) throws(RecordError) -> Int64 in
                do throws(AmountParser.Failure) {
                    return try AmountParser.parseMinorUnits(bytes)
                } catch {
                    throw RecordError("invalid amount_minor \(quoted(.amountMinor)): \(error)")
                }
            }
        }
        guard major else { throw RecordError("missing field \"amount\"") }
        return try text(.amount) { (bytes) throws(RecordError) -> Int64 in
            do throws(AmountParser.Failure) {
                return try AmountParser.parse(bytes, minorUnitDigits: currency.minorUnitDigits)
            } catch {
                throw RecordError("invalid amount \(quoted(.amount)): \(error) for \(currency)")
            }
        }
    }

    /// A keyword from a table of names.
    func keyword<Value>(_ field: CanonicalField, _ table: [(StaticString, Value)]) throws(RecordError) -> Value {
        try text(field) { (bytes) throws(RecordError) -> Value in
            guard let value = Keywords.lookUp(bytes, in: table) else { throw invalid(field) }
            return value
        }
    }

    /// A boolean-like field: JSON `true` / `false`, or a keyword from the table.
    func flag<Value>(_ field: CanonicalField, _ table: [(StaticString, Value)],
                     whenTrue: Value, whenFalse: Value) throws(RecordError) -> Value {
        switch self[field].kind {
        case .jsonTrue: whenTrue
        case .jsonFalse: whenFalse
        default: try keyword(field, table)
        }
    }

    /// Runs `body` over the decoded text of a field that must be present and textual (a string,
    /// a number literal or a CSV field).
    @inline(__always)
    func text<R>(_ field: CanonicalField, echo: Bool = true,
                 _ body: (UnsafeRawBufferPointer) throws(RecordError) -> R) throws(RecordError) -> R {
        let value = self[field]
        let raw = UnsafeRawBufferPointer(rebasing: line[value.start..<value.end])
        switch value.kind {
        case .text, .number:
            return try body(raw)
        case .absent:
            throw RecordError("missing field \"\(field.name)\"")
        case .jsonTrue, .jsonFalse, .composite:
            throw RecordError("invalid \(field.name): expected a string or a number")
        case .jsonEscaped, .csvEscaped:
            guard raw.count <= EscapedText.scratchCapacity else {
                throw RecordError("invalid \(field.name): longer than \(EscapedText.scratchCapacity) bytes")
            }
            return try withUnsafeTemporaryAllocation(byteCount: EscapedText.scratchCapacity, alignment: 1) {
                (scratch) throws(RecordError) -> R in
                let length: Int
                if value.kind == .csvEscaped {
                    length = EscapedText.unescapeCSV(raw, into: scratch)
                } else {
                    guard let decoded = EscapedText.unescapeJSON(raw, into: scratch) else {
                        throw RecordError("invalid JSON at byte \(value.start + 1): bad \\u escape in \"\(field.name)\"")
                    }
                    length = decoded
                }
                return try body(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(scratch)[0..<length]))
            }
        }
    }

    /// `invalid <field> "<value>"`, the value shortened to 40 bytes.
    func invalid(_ field: CanonicalField) -> RecordError {
        RecordError("invalid \(field.name) \(quoted(field))")
    }

    /// The field's raw text in quotes, for messages (at most 40 bytes).
    func quoted(_ field: CanonicalField) -> String {
        let value = self[field]
        let end = min(value.end, value.start + 40)
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: line[value.start..<end]), as: UTF8.self)
        return "\"" + text + (end < value.end ? "…\"" : "\"")
    }

    /// Parses 1...`maxDigits` ASCII digits; nil for anything else or on overflow.
    @inline(__always)
    static func decimal(_ bytes: UnsafeRawBufferPointer, maxDigits: Int) -> UInt64? {
        guard bytes.count > 0, bytes.count <= maxDigits else { return nil }
        var value: UInt64 = 0
        for byte in bytes {
            let digit = byte &- 0x30
            guard digit < 10 else { return nil }
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(UInt64(digit))
            guard !overflow1, !overflow2 else { return nil }
            value = sum
        }
        return value
    }
}
