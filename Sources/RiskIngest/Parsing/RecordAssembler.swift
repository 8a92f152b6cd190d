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

    /// Whether the line gave the field a value.
    @inline(__always)
    func has(_ field: CanonicalField) -> Bool { self[field].kind != .absent }

    /// Builds the record the line describes (a line without a `kind` field is a transaction).
    func assemble() throws(RecordError) -> ParsedRecord {
        let kind = has(.kind) ? try keyword(.kind, Keywords.recordKind) : .transaction
        switch kind {
        case .transaction: return try transaction()
        case .feedback: return try feedback()
        case .status: return try status()
        }
    }

    // MARK: - Record kinds

    func transaction() throws(RecordError) -> ParsedRecord {
        let (id, idRange) = try identifier(.id)
        let currency = try currency()
        let transaction = Transaction(
            id: id, time: try time(.time), card: try card(), amount: try amount(currency: currency),
            currency: currency, merchant: try entity(.merchant), terminal: try entity(.terminal),
            mcc: try mcc(), country: try country(),
            entryMode: has(.entryMode) ? try keyword(.entryMode, Keywords.entryMode) : .unknown,
            pinPresent: has(.pin) ? try flag(.pin, Keywords.boolean, whenTrue: true, whenFalse: false) : false,
            expiry: try expiry(),
            messageType: has(.type) ? try keyword(.type, Keywords.messageType) : .authorization
        )
        let logged = LoggedTransaction(
            transaction: transaction, responseCode: try responseCode(),
            label: has(.label) ? try flag(.label, Keywords.label, whenTrue: .fraud, whenFalse: .genuine) : .unknown,
            scenario: try scenario()
        )
        return ParsedRecord(record: .transaction(logged), idRange: idRange)
    }

    func feedback() throws(RecordError) -> ParsedRecord {
        let reportTime = try time(.time)
        let card = try card()
        let transactionTime = try time(.transactionTime)
        let idRange = has(.reference) ? try identifier(.reference).range : 0..<0
        let kind = has(.feedback) ? try keyword(.feedback, Keywords.feedbackKind) : FeedbackKind.fraudReport
        let feedback = Feedback(card: card, terminal: try entity(.terminal), merchant: try entity(.merchant),
                                transactionTime: transactionTime, reportTime: reportTime, kind: kind)
        return ParsedRecord(record: .feedback(feedback), idRange: idRange)
    }

    func status() throws(RecordError) -> ParsedRecord {
        let time = try time(.time)
        let card = try card()
        let status = try keyword(.status, Keywords.cardStatus)
        return ParsedRecord(record: .status(StatusUpdate(card: card, status: status, time: time)), idRange: 0..<0)
    }

    /// Runs `body` over the decoded text of a field that must be present and textual (a string,
    /// a number literal or a CSV field).
    @inline(__always)
    func text<R>(_ field: CanonicalField,
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
            return try unescaped(field, value, raw, body)
        }
    }

    /// Runs `body` over the decoded text of an escaped value, in a scratch buffer on the stack.
    /// Kept out of line, so that the plain path of every field reader has no kilobyte of stack
    /// frame to set up (nor its stack-protector check).
    @inline(never)
    func unescaped<R>(_ field: CanonicalField, _ value: FieldValue, _ raw: UnsafeRawBufferPointer,
                      _ body: (UnsafeRawBufferPointer) throws(RecordError) -> R) throws(RecordError) -> R {
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
        if bytes.count <= 19 {
            // 19 digits cannot overflow a UInt64 (10^19 - 1 < 2^64).
            for byte in bytes {
                let digit = byte &- 0x30
                guard digit < 10 else { return nil }
                value = value &* 10 &+ UInt64(digit)
            }
            return value
        }
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
