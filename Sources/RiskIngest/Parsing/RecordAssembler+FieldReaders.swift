import RiskCore

/// Readers for each canonical field: type checks, conversion and the README default.
extension RecordAssembler {
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
        // `text` never echoes a value, so a card number cannot reach an error message.
        return try text(.card) { bytes in CardReference(cardField: bytes, key: key) }
    }

    func entity(_ field: CanonicalField) throws(RecordError) -> UInt64 {
        guard has(field) else { return Self.emptyEntityHash }
        return try text(field) { bytes in SipHashKey.entityKey.hash(bytes) }
    }

    func amount(currency: CurrencyCode) throws(RecordError) -> Int64 {
        let major = has(.amount)
        let minor = has(.amountMinor)
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

    /// `currency`: three letters; USD when absent.
    func currency() throws(RecordError) -> CurrencyCode {
        guard has(.currency) else { return .usd }
        return try text(.currency) { (bytes) throws(RecordError) -> CurrencyCode in
            guard bytes.count == 3, let code = CurrencyCode(bytes: bytes[0], bytes[1], bytes[2]) else {
                throw invalid(.currency)
            }
            return code
        }
    }

    /// `mcc`: up to four digits; 0 when absent.
    func mcc() throws(RecordError) -> UInt16 {
        guard has(.mcc) else { return 0 }
        return try text(.mcc) { (bytes) throws(RecordError) -> UInt16 in
            guard let value = Self.decimal(bytes, maxDigits: 4) else { throw invalid(.mcc) }
            return UInt16(value)
        }
    }

    /// `country`: two letters; unknown when absent.
    func country() throws(RecordError) -> CountryCode {
        guard has(.country) else { return .unknown }
        return try text(.country) { (bytes) throws(RecordError) -> CountryCode in
            guard bytes.count == 2, let code = CountryCode(bytes: bytes[0], bytes[1]) else { throw invalid(.country) }
            return code
        }
    }

    /// `expiry`: `YYMM` with a month of 01...12; 0 when absent.
    func expiry() throws(RecordError) -> UInt16 {
        guard has(.expiry) else { return 0 }
        return try text(.expiry) { (bytes) throws(RecordError) -> UInt16 in
            guard bytes.count == 4, let value = Self.decimal(bytes, maxDigits: 4),
                  value % 100 >= 1, value % 100 <= 12 else { throw invalid(.expiry) }
            return UInt16(value)
        }
    }

    /// `response_code`: one or two letters or digits (`5` reads as `05`); nil when absent.
    func responseCode() throws(RecordError) -> ResponseCode? {
        guard has(.responseCode) else { return nil }
        return try text(.responseCode) { (bytes) throws(RecordError) -> ResponseCode in
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

    /// `scenario`: at most 63 bytes (RiskSim's names reach 23); names of up to 15 bytes are
    /// stored inline by `String`, longer ones (rare: labelled fraud only) allocate. Empty when absent.
    func scenario() throws(RecordError) -> String {
        guard has(.scenario) else { return "" }
        return try text(.scenario) { (bytes) throws(RecordError) -> String in
            guard bytes.count <= 63 else {
                throw RecordError("invalid scenario \(quoted(.scenario)): longer than 63 bytes")
            }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// A keyword, looked up by one of the ``Keywords`` functions.
    @inline(__always)
    func keyword<Value>(_ field: CanonicalField,
                        _ lookUp: (UnsafeRawBufferPointer) -> Value?) throws(RecordError) -> Value {
        try text(field) { (bytes) throws(RecordError) -> Value in
            guard let value = lookUp(bytes) else { throw invalid(field) }
            return value
        }
    }

    /// A boolean-like field: JSON `true` / `false`, or a keyword.
    @inline(__always)
    func flag<Value>(_ field: CanonicalField, _ lookUp: (UnsafeRawBufferPointer) -> Value?,
                     whenTrue: Value, whenFalse: Value) throws(RecordError) -> Value {
        switch self[field].kind {
        case .jsonTrue: whenTrue
        case .jsonFalse: whenFalse
        default: try keyword(field, lookUp)
        }
    }
}
