/// A single-pass scanner over one JSON object (one NDJSON line): it checks the full JSON
/// syntax and records where each canonical field's value is, skipping every other value
/// (including nested objects and arrays) without decoding it.
struct JSONLineScanner {
    /// Nested objects and arrays deeper than this are rejected.
    static let maximumDepth = 64
    /// `true` as a little-endian word.
    static var trueWord: UInt32 { UInt32(littleEndian: 0x6575_7274) }
    /// `alse`, the end of `false`, as a little-endian word.
    static var alseWord: UInt32 { UInt32(littleEndian: 0x6573_6C61) }
    /// `,"` as a little-endian half word.
    static var commaQuote: UInt16 { UInt16(littleEndian: 0x222C) }

    let bytes: UnsafeRawBufferPointer
    /// The first byte of `bytes` (a placeholder, never read, for an empty line).
    let base: UnsafeRawPointer
    /// The number of bytes; at most ``RecordParser/maximumLineLength``, so offsets a few words
    /// past it cannot overflow and use wrapping arithmetic.
    let count: Int
    var index = 0

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
        base = bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 1).unsafelyUnwrapped
        count = bytes.count
    }

    /// Scans the top-level object, storing the values of canonical fields into `fields` (the
    /// last of duplicate keys wins; `null` and `""` count as absent).
    mutating func scanObject(into fields: UnsafeMutableBufferPointer<FieldValue>) throws(RecordError) {
        skipWhitespace()
        guard index < count else { throw RecordError("empty line") }
        guard byteAt(index) == UInt8(ascii: "{") else { throw syntax("expected '{'") }
        index &+= 1
        skipWhitespace()
        if index < count, byteAt(index) == UInt8(ascii: "}") {
            index &+= 1
        } else {
            // Lines usually list the fields in the schema's order: try the expected key first.
            var expected = CanonicalField.kind
            while true {
                guard index < count, byteAt(index) == UInt8(ascii: "\"") else { throw syntax("expected '\"'") }
                let field: CanonicalField?
                if scanExpectedKey(expected) {
                    field = expected
                } else {
                    switch scanPlainKey() {
                    case .field(let known): field = known
                    case .unknown: field = nil
                    case .needsFullScan: field = try scanKey()
                    }
                }
                if let field { expected = field.likelySuccessor }
                skipWhitespace()
                let value: FieldValue
                if let plain = scanPlainString() {
                    value = plain
                } else {
                    value = try scanMemberValue()
                }
                if let field { fields[Int(field.rawValue)] = value }
                // The usual separator, `,` and the next key's quote, in one comparison.
                if index &+ 2 <= count, base.loadUnaligned(fromByteOffset: index, as: UInt16.self) == Self.commaQuote {
                    index &+= 1
                    continue
                }
                skipWhitespace()
                guard index < count else { throw syntax("expected ',' or '}'") }
                let separator = byteAt(index)
                index &+= 1
                if separator == UInt8(ascii: "}") { break }
                guard separator == UInt8(ascii: ",") else {
                    index &-= 1
                    throw syntax("expected ',' or '}'")
                }
                skipWhitespace()
            }
        }
        skipWhitespace()
        guard index == count else { throw syntax("unexpected data after the object") }
    }

    // MARK: - Keys

    /// What ``scanPlainKey()`` found.
    enum KeyMatch {
        /// A canonical field's name.
        case field(CanonicalField)
        /// Some other name: its value is checked and skipped.
        case unknown
        /// Not a short plain key followed at once by `:`; nothing was consumed.
        case needsFullScan
    }

    /// Whether the key at `index` (its opening quote) is `field`'s name, written plainly and
    /// followed at once by `:`, read with two word loads and one comparison; if so `index` moves
    /// past the `:`. When it returns false nothing was consumed. A key it accepts is one
    /// ``scanPlainKey()`` or ``scanKey()`` would read as `field`, ending at the same byte.
    @inline(__always)
    mutating func scanExpectedKey(_ field: CanonicalField) -> Bool {
        let pattern = field.keyPattern
        let start = index &+ 1
        let span = max(pattern.length, 8)
        guard start &+ span <= count else { return false }
        let head = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: start, as: UInt64.self))
        let tail = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: start &+ span &- 8, as: UInt64.self))
        let headMask = ByteWords.lowBytes(~0, pattern.length)
        let tailMask: UInt64 = pattern.length > 8 ? ~0 : 0
        guard (head ^ pattern.head) & headMask | (tail ^ pattern.tail) & tailMask == 0 else { return false }
        index = start &+ pattern.length
        return true
    }

    /// The usual key, read with two word loads: a name of at most 15 plain bytes (no escape),
    /// its closing quote and `:` right after it. On success `index` is past the `:`; for any
    /// other key (escaped, long, near the end of the line, whitespace before the `:`, invalid)
    /// it returns ``KeyMatch/needsFullScan`` and leaves `index` at the opening quote, for
    /// ``scanKey()`` to scan and report errors exactly as it always has.
    @inline(__always)
    mutating func scanPlainKey() -> KeyMatch {
        let start = index &+ 1
        guard start &+ 8 <= count else { return .needsFullScan }
        var head = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: start, as: UInt64.self))
        var tail: UInt64 = 0
        let length: Int
        let headEnd = ByteWords.stringSpecials(head)
        if headEnd != 0 {
            length = headEnd.trailingZeroBitCount >> 3
            head = ByteWords.lowBytes(head, length)
        } else {
            guard start &+ 16 <= count else { return .needsFullScan }
            let next = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: start &+ 8, as: UInt64.self))
            let tailEnd = ByteWords.stringSpecials(next)
            guard tailEnd != 0 else { return .needsFullScan }
            let tailLength = tailEnd.trailingZeroBitCount >> 3
            length = 8 + tailLength
            tail = ByteWords.lowBytes(next, tailLength)
        }
        // The closing quote lies inside the loaded words, so it is in the line.
        let close = start &+ length
        guard byteAt(close) == UInt8(ascii: "\""), close &+ 1 < count, byteAt(close &+ 1) == UInt8(ascii: ":") else {
            return .needsFullScan
        }
        index = close &+ 2
        guard let field = CanonicalField.lookUp(head: head, tail: tail) else { return .unknown }
        return .field(field)
    }

    /// Scans any key at `index` (its opening quote) and the `:` after it, with the errors of the
    /// full grammar; returns the canonical field it names, if any.
    mutating func scanKey() throws(RecordError) -> CanonicalField? {
        let key = try scanString()
        skipWhitespace()
        guard index < count, byteAt(index) == UInt8(ascii: ":") else { throw syntax("expected ':'") }
        index &+= 1
        return key.kind == .text
            ? CanonicalField(nameBytes: UnsafeRawBufferPointer(rebasing: bytes[key.start..<key.end]))
            : escapedField(key)
    }

    // MARK: - Values

    /// Scans a top-level member's value: strings and numbers, nearly every value, inline; the
    /// rest through ``scanValue(depth:)``.
    @inline(__always)
    mutating func scanMemberValue() throws(RecordError) -> FieldValue {
        guard index < count else { throw syntax("expected a value") }
        let first = byteAt(index)
        if first == UInt8(ascii: "\"") {
            let string = try scanString()
            return string.start == string.end ? .absent : string
        }
        if isDigit(first) {
            let start = index
            try scanNumber()
            return FieldValue(start: start, end: index, kind: .number)
        }
        // `true` and `false` compared as one word each; anything else (or a line ending within
        // the literal) goes through the full grammar.
        let start = index
        if first == UInt8(ascii: "t"), start &+ 4 <= count,
           base.loadUnaligned(fromByteOffset: start, as: UInt32.self) == Self.trueWord {
            index = start &+ 4
            return FieldValue(start: start, end: index, kind: .jsonTrue)
        }
        if first == UInt8(ascii: "f"), start &+ 5 <= count,
           base.loadUnaligned(fromByteOffset: start &+ 1, as: UInt32.self) == Self.alseWord {
            index = start &+ 5
            return FieldValue(start: start, end: index, kind: .jsonFalse)
        }
        return try scanValue(depth: 1)
    }

    /// The usual string value, inline: when `index` is at a quote and the first quote, backslash
    /// or control byte after it is a quote found by the word loop, returns the text between them
    /// (absent when empty) and moves `index` past the closing quote, as ``scanString()`` would.
    /// Anything else (no string, an escape, a control byte, the line's last seven bytes) returns
    /// nil with nothing consumed.
    @inline(__always)
    mutating func scanPlainString() -> FieldValue? {
        guard index < count, byteAt(index) == UInt8(ascii: "\"") else { return nil }
        let start = index &+ 1
        var cursor = start
        while cursor &+ 8 <= count {
            let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: cursor, as: UInt64.self))
            let special = ByteWords.stringSpecials(word)
            if special != 0 {
                cursor &+= special.trailingZeroBitCount >> 3
                guard byteAt(cursor) == UInt8(ascii: "\"") else { return nil }
                index = cursor &+ 1
                return cursor == start ? .absent : FieldValue(start: start, end: cursor, kind: .text)
            }
            cursor &+= 8
        }
        return nil
    }

    /// Scans any JSON value at `index`.
    mutating func scanValue(depth: Int) throws(RecordError) -> FieldValue {
        guard index < count else { throw syntax("expected a value") }
        let start = index
        switch byteAt(index) {
        case UInt8(ascii: "\""):
            let string = try scanString()
            return string.start == string.end ? .absent : string
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            try skipContainer(depth: depth)
            return FieldValue(start: start, end: index, kind: .composite)
        case UInt8(ascii: "t"):
            try scanLiteral("true")
            return FieldValue(start: start, end: index, kind: .jsonTrue)
        case UInt8(ascii: "f"):
            try scanLiteral("false")
            return FieldValue(start: start, end: index, kind: .jsonFalse)
        case UInt8(ascii: "n"):
            try scanLiteral("null")
            return .absent
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            try scanNumber()
            return FieldValue(start: start, end: index, kind: .number)
        default:
            throw syntax("expected a value")
        }
    }

    /// Scans a string starting at its opening quote; the result spans the text between the quotes.
    @inline(__always)
    mutating func scanString() throws(RecordError) -> FieldValue {
        var cursor = index &+ 1
        let start = cursor
        var escaped = false
        while true {
            // Skip eight plain bytes at a time: stop at a word holding a quote, a backslash or
            // a control character.
            while cursor &+ 8 <= count {
                let word = base.loadUnaligned(fromByteOffset: cursor, as: UInt64.self)
                let special = ByteWords.stringSpecials(UInt64(littleEndian: word))
                if special != 0 {
                    cursor &+= special.trailingZeroBitCount >> 3
                    break
                }
                cursor &+= 8
            }
            guard cursor < count else { break }
            let byte = byteAt(cursor)
            if byte == UInt8(ascii: "\"") {
                index = cursor &+ 1
                return FieldValue(start: start, end: cursor, kind: escaped ? .jsonEscaped : .text)
            }
            if byte == UInt8(ascii: "\\") {
                escaped = true
                index = cursor
                try scanEscape()
                cursor = index
                continue
            }
            guard byte >= 0x20 else {
                index = cursor
                throw syntax("control character in string")
            }
            cursor &+= 1
        }
        index = count
        throw syntax("unterminated string")
    }

    /// Checks one escape sequence at `index` (the backslash) and moves past it.
    mutating func scanEscape() throws(RecordError) {
        guard index &+ 1 < count else { throw syntax("unterminated string") }
        switch byteAt(index &+ 1) {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
             UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            index &+= 2
        case UInt8(ascii: "u"):
            guard EscapedText.hex4(bytes, at: index &+ 2) != nil else { throw syntax("invalid \\u escape") }
            index &+= 6
        default:
            throw syntax("invalid escape")
        }
    }

    /// Scans a number with the JSON grammar: `-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?`.
    @inline(__always)
    mutating func scanNumber() throws(RecordError) {
        if byteAt(index) == UInt8(ascii: "-") { index &+= 1 }
        guard index < count, isDigit(byteAt(index)) else { throw syntax("invalid number") }
        if byteAt(index) == UInt8(ascii: "0") {
            index &+= 1
        } else {
            skipDigits()
        }
        if index < count, byteAt(index) == UInt8(ascii: ".") {
            index &+= 1
            guard index < count, isDigit(byteAt(index)) else { throw syntax("invalid number") }
            skipDigits()
        }
        if index < count, byteAt(index) | 0x20 == UInt8(ascii: "e") {
            index &+= 1
            if index < count, byteAt(index) == UInt8(ascii: "+") || byteAt(index) == UInt8(ascii: "-") { index &+= 1 }
            guard index < count, isDigit(byteAt(index)) else { throw syntax("invalid number") }
            skipDigits()
        }
    }

    /// Moves `index` past a run of ASCII digits, eight bytes at a time while eight remain.
    @inline(__always)
    mutating func skipDigits() {
        while index &+ 8 <= count {
            let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            let stop = ByteWords.nonDigits(word)
            if stop != 0 {
                index &+= stop.trailingZeroBitCount >> 3
                return
            }
            index &+= 8
        }
        while index < count, isDigit(byteAt(index)) { index &+= 1 }
    }

    mutating func scanLiteral(_ literal: StaticString) throws(RecordError) {
        let length = literal.utf8CodeUnitCount
        guard index &+ length <= count else { throw syntax("expected a value") }
        let pointer = literal.utf8Start
        for offset in 0..<length where byteAt(index &+ offset) != pointer[offset] {
            throw syntax("expected a value")
        }
        index &+= length
    }

    /// Skips a nested object or array (at its opening bracket), checking its syntax.
    mutating func skipContainer(depth: Int) throws(RecordError) {
        guard depth <= Self.maximumDepth else { throw syntax("nesting deeper than \(Self.maximumDepth) levels") }
        let isObject = byteAt(index) == UInt8(ascii: "{")
        let close = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
        index &+= 1
        skipWhitespace()
        if index < count, byteAt(index) == close {
            index &+= 1
            return
        }
        while true {
            if isObject {
                guard index < count, byteAt(index) == UInt8(ascii: "\"") else { throw syntax("expected '\"'") }
                _ = try scanString()
                skipWhitespace()
                guard index < count, byteAt(index) == UInt8(ascii: ":") else { throw syntax("expected ':'") }
                index &+= 1
                skipWhitespace()
            }
            _ = try scanValue(depth: depth + 1)
            skipWhitespace()
            guard index < count else { throw syntax(isObject ? "expected ',' or '}'" : "expected ',' or ']'") }
            let separator = byteAt(index)
            if separator == close {
                index &+= 1
                return
            }
            guard separator == UInt8(ascii: ",") else {
                throw syntax(isObject ? "expected ',' or '}'" : "expected ',' or ']'")
            }
            index &+= 1
            skipWhitespace()
        }
    }

    // MARK: - Helpers

    @inline(__always)
    mutating func skipWhitespace() {
        while index < count {
            let byte = byteAt(index)
            // One comparison for the usual case: every JSON whitespace byte is at most 0x20.
            guard byte <= 0x20, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D else { return }
            index &+= 1
        }
    }

    /// The byte at `offset`, which the caller has checked is below `count`.
    @inline(__always)
    func byteAt(_ offset: Int) -> UInt8 { base.load(fromByteOffset: offset, as: UInt8.self) }

    @inline(__always)
    func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

    /// The canonical field named by an escaped key, if any.
    func escapedField(_ key: FieldValue) -> CanonicalField? {
        let raw = UnsafeRawBufferPointer(rebasing: bytes[key.start..<key.end])
        guard raw.count <= 128 else { return nil }
        return withUnsafeTemporaryAllocation(byteCount: 128, alignment: 1) { scratch -> CanonicalField? in
            guard let length = EscapedText.unescapeJSON(raw, into: scratch) else { return nil }
            return CanonicalField(nameBytes: UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(scratch)[0..<length]))
        }
    }

    /// A syntax error at the current byte (1-based in the message).
    func syntax(_ what: String) -> RecordError {
        if index >= count {
            return RecordError("invalid JSON at byte \(index &+ 1): \(what), found end of line")
        }
        return RecordError("invalid JSON at byte \(index &+ 1): \(what)")
    }
}
