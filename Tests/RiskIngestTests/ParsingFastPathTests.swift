import RiskCore
import Testing
@testable import RiskIngest

/// Edge cases of the parser's word-at-a-time fast paths: each must agree with the byte-by-byte
/// definition at every position of a word and at the end of the line.
@Suite("Parsing fast paths")
struct ParsingFastPathTests {
    let parser = NDJSONRecordParser()

    func parse(_ line: String) -> Result<ParsedRecord, RecordError> { parseLine(parser, line) }

    /// A little-endian word of eight bytes.
    func word(_ bytes: [UInt8]) -> UInt64 {
        bytes.enumerated().reduce(0) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
    }

    /// Bytes that never end string text: letters, the neighbours of `"` and `\`, space, DEL and
    /// non-ASCII bytes.
    let plainBytes: [UInt8] = [0x61, 0x20, 0x21, 0x23, 0x5B, 0x5D, 0x7F, 0x80, 0xA2, 0xC3, 0xDC, 0xFF]

    @Test("stringSpecials finds the first quote, backslash or control byte at every position")
    func stringSpecials() {
        let specials: [UInt8] = [0x22, 0x5C, 0x00, 0x01, 0x09, 0x0A, 0x1F]
        for filler in plainBytes {
            #expect(ByteWords.stringSpecials(word(Array(repeating: filler, count: 8))) == 0, "\(filler)")
            for special in specials {
                for position in 0..<8 {
                    var bytes = Array(repeating: filler, count: 8)
                    bytes[position] = special
                    // Bytes after the special one may be anything, specials included.
                    for after in [filler, special, 0x22, 0x00] {
                        for later in (position + 1)..<9 where later < 8 { bytes[later] = after }
                        let mask = ByteWords.stringSpecials(word(bytes))
                        #expect(mask.trailingZeroBitCount >> 3 == position, "\(bytes)")
                    }
                }
            }
        }
    }

    @Test("nonDigits flags exactly the bytes outside 0...9, every byte value at every position")
    func nonDigits() {
        for value in 0...255 {
            let byte = UInt8(value)
            let isDigit = byte >= 0x30 && byte <= 0x39
            for position in 0..<8 {
                for filler: UInt8 in [0x30, 0x39, 0x2F, 0x3A, 0xB0, 0x00] {
                    var bytes = Array(repeating: filler, count: 8)
                    bytes[position] = byte
                    let mask = ByteWords.nonDigits(word(bytes))
                    let fillerIsDigit = filler >= 0x30 && filler <= 0x39
                    for index in 0..<8 {
                        let expected = index == position ? !isDigit : !fillerIsDigit
                        let flagged = (mask >> UInt64(8 * index)) & 0x80 != 0
                        #expect(flagged == expected, "\(bytes) at \(index)")
                    }
                }
            }
        }
    }

    @Test("eightDigits reads eight ASCII digits, most significant first")
    func eightDigits() {
        var generator = SystemRandomNumberGenerator()
        let fixed: [UInt64] = [0, 1, 9, 10, 12_345_678, 99_999_999, 10_000_000, 5_073_000, 17_672_257]
        for value in fixed + (0..<2_000).map({ _ in UInt64.random(in: 0...99_999_999, using: &generator) }) {
            let text = String(value)
            let digits = String(repeating: "0", count: 8 - text.count) + text
            #expect(ByteWords.eightDigits(word(Array(digits.utf8))) == value, "\(digits)")
        }
    }

    @Test("key words name exactly the canonical fields")
    func keyWordsMatchNames() {
        func lookUp(_ name: [UInt8]) -> CanonicalField? {
            guard name.count <= 16 else { return nil }
            let head = word(Array(name.prefix(8)))
            let tail = word(Array(name.dropFirst(8)))
            return CanonicalField.lookUp(head: head, tail: tail)
        }
        for field in CanonicalField.allCases {
            let name = Array(field.name.utf8)
            #expect(lookUp(name) == field, "\(field.name)")
            #expect(lookUp(name + [0x73]) == nil, "\(field.name)s")
            #expect(lookUp(Array(name.dropLast())) == CanonicalField(name: String(decoding: name.dropLast(), as: UTF8.self)))
            for index in name.indices {
                for change: UInt8 in [1, 0x20] {
                    var changed = name
                    changed[index] ^= change
                    #expect(lookUp(changed) == nil, "\(changed)")
                }
            }
        }
        #expect(lookUp([]) == nil)
    }

    @Test("key patterns are each field's name, quote and colon; successors follow the schema's order")
    func keyPatternsMatchNames() {
        for field in CanonicalField.allCases {
            let bytes = Array(field.name.utf8) + [0x22, 0x3A]
            let pattern = field.keyPattern
            #expect(pattern.length == bytes.count, "\(field.name)")
            #expect(pattern.head == word(Array(bytes.prefix(8))), "\(field.name)")
            #expect(pattern.tail == (bytes.count > 8 ? word(Array(bytes.suffix(8))) : 0), "\(field.name)")
        }
        let order = CanonicalField.allCases.filter { $0 != .amountMinor }
        for (index, field) in order.enumerated() {
            #expect(field.likelySuccessor == order[(index + 1) % order.count], "\(field.name)")
        }
        #expect(CanonicalField.amountMinor.likelySuccessor == .currency)
    }

    @Test("an expected key that is cut short, longer, spaced or escaped reads as the full grammar does")
    func expectedKeyNearMisses() throws {
        // `kind` is the key expected first, `id` after it, `time` after `id`.
        let reference = try #require(loggedTransaction(parse(#"{"kind":"transaction","id":7,"time":5,"card":"c","amount":1}"#)))
        let same = [
            #"{"kind" :"transaction","id":7,"time":5,"card":"c","amount":1}"#,
            #"{"kin\u0064":"transaction","id":7,"time":5,"card":"c","amount":1}"#,
            #"{"kindx":1,"kind":"transaction","id":7,"time":5,"card":"c","amount":1}"#,
            #"{"kind":"transaction","idx":1,"id":7,"time":5,"card":"c","amount":1}"#,
            #"{"kind":"transaction","i":1,"id":7,"time":5,"card":"c","amount":1}"#,
            #"{"kind":"transaction","id":7,"time":5,"card":"c","amount_":2,"amount":1}"#,
            #"{"kind":"transaction","card":"c","id":7,"amount":1,"time":5}"#,
        ]
        for line in same {
            #expect(loggedTransaction(parse(line)) == reference, "\(line)")
        }
        let errors: [(String, String)] = [
            (#"{"kind""#, "invalid JSON at byte 8: expected ':', found end of line"),
            (#"{"kind":"#, "invalid JSON at byte 9: expected a value, found end of line"),
            (#"{"kind"x"#, "invalid JSON at byte 8: expected ':'"),
            (#"{"kind":"transaction","id""#, "invalid JSON at byte 27: expected ':', found end of line"),
            (#"{"kind":"transaction","id":"#, "invalid JSON at byte 28: expected a value, found end of line"),
            (#"{"kind":"transaction","amount_minor"#, "invalid JSON at byte 36: unterminated string, found end of line"),
        ]
        for (line, reason) in errors {
            #expect(failure(parse(line)) == reason, "\(line)")
        }
    }

    @Test("true and false read as words; cut short, misspelt or followed by more they fail as before")
    func literals() {
        let prefix = #"{"id":1,"time":0,"card":"c","amount":1,"pin":"#
        #expect(loggedTransaction(parse(prefix + "true}"))?.transaction.pinPresent == true)
        #expect(loggedTransaction(parse(prefix + "false}"))?.transaction.pinPresent == false)
        let errors: [(String, String)] = [
            ("tru}", "invalid JSON at byte 46: expected a value"),
            ("fals}", "invalid JSON at byte 46: expected a value"),
            ("tRue}", "invalid JSON at byte 46: expected a value"),
            ("t", "invalid JSON at byte 46: expected a value"),
            ("falsey}", "invalid JSON at byte 51: expected ',' or '}'"),
            ("truex}", "invalid JSON at byte 50: expected ',' or '}'"),
            ("false", "invalid JSON at byte 51: expected ',' or '}', found end of line"),
            ("true", "invalid JSON at byte 50: expected ',' or '}', found end of line"),
        ]
        for (value, reason) in errors {
            #expect(failure(parse(prefix + value)) == reason, "\(value)")
        }
    }

    @Test("separators: whitespace around the comma, and a comma not followed by a key, as the full grammar reads them")
    func separators() {
        let prefix = #"{"id":1,"time":0,"card":"c","amount":1"#
        for separator in [" ,", ", ", ",\t", " \t, \r\n"] {
            #expect(loggedTransaction(parse(prefix + separator + #""mcc":12}"#))?.transaction.mcc == 12, "\(separator)")
        }
        let errors: [(String, String)] = [
            (",}", "invalid JSON at byte 40: expected '\"'"),
            (#",,"mcc":12}"#, "invalid JSON at byte 40: expected '\"'"),
            (#",""#, "invalid JSON at byte 41: unterminated string, found end of line"),
            (",", "invalid JSON at byte 40: expected '\"', found end of line"),
            (#","mcc""#, "invalid JSON at byte 45: expected ':', found end of line"),
            (#";"mcc":12}"#, "invalid JSON at byte 39: expected ',' or '}'"),
        ]
        for (rest, reason) in errors {
            #expect(failure(parse(prefix + rest)) == reason, "\(rest)")
        }
    }

    @Test("every canonical key is found wherever it ends: mid-line, near the end, with whitespace, escaped")
    func keysAnywhere() throws {
        // `pad` members of growing length move each key across word boundaries and towards the
        // end of the line (the last key is read byte by byte when fewer than 16 bytes follow it).
        for padding in 0...17 {
            let pad = #""p":""# + String(repeating: "x", count: padding) + #"","#
            let line = "{" + pad + #""id":"7","card":"c","amount":1,"time":12"# + "}"
            let logged = try #require(loggedTransaction(parse(line)), "\(line)")
            #expect(logged.transaction.id == 7 && logged.transaction.time == 12_000 && logged.transaction.amount == 100)
            let spaced = "{" + pad + #""id" :"7","card""# + "\t" + #":"c","amount" : 1,"time"  :12"# + "}"
            #expect(loggedTransaction(parse(spaced))?.transaction.time == 12_000, "\(spaced)")
        }
        // Every field name as the first key (read with word loads) and as the last, right before
        // the end of the line (read byte by byte): the record or the error is the same.
        let values: [CanonicalField: String] = [
            .kind: #""status""#, .id: "7", .time: "5", .card: "9", .amount: "2", .amountMinor: "3",
            .currency: #""JPY""#, .merchant: "4", .terminal: "6", .mcc: "8", .country: #""FR""#,
            .entryMode: "5", .pin: "1", .expiry: "2812", .type: #""auth""#, .responseCode: "5",
            .label: "1", .scenario: #""x""#, .transactionTime: "1", .reference: "2", .feedback: #""chargeback""#,
            .status: #""lost""#,
        ]
        let base: [(CanonicalField, String)] = [(.id, #""1""#), (.time, "0"), (.card, #""d""#), (.amount, "3")]
        for field in CanonicalField.allCases {
            let member = "\"\(field.name)\":\(values[field]!)"
            let others = base.filter { $0.0 != field }.map { "\"\($0.0.name)\":\($0.1)" }
            let first = parse("{" + ([member] + others).joined(separator: ",") + "}")
            let last = parse("{" + (others + [member]).joined(separator: ",") + "}")
            #expect((try? first.get().record) == (try? last.get().record), "\(field.name)")
            #expect(failure(first) == failure(last), "\(field.name)")
        }
        #expect(loggedTransaction(parse(#"{"time":0,"card":"c","amount":1,"id":7}"#))?.transaction.id == 7)
        #expect(loggedTransaction(parse(#"{"id":7,"card":"c","amount":1,"time":5}"#))?.transaction.time == 5_000)
        #expect(loggedTransaction(parse(#"{"id":7,"card":"c","time":5,"amount":2}"#))?.transaction.amount == 200)
        #expect(loggedTransaction(parse(#"{"id":7,"card":"c","time":5,"amount":2,"mcc":8}"#))?.transaction.mcc == 8)
        // Escaped keys, long unknown keys (15, 16 and 17 bytes) and keys with a space before ':'.
        let escaped = #"{"\u0069d":"7","ti\u006De":0,"card":"c","amount":1}"#
        #expect(loggedTransaction(parse(escaped))?.transaction.id == 7)
        for length in [7, 8, 9, 15, 16, 17, 40] {
            let key = String(repeating: "k", count: length)
            let line = #"{""# + key + #"":{"a":1},"id":"7","time":0,"card":"c","amount":1,""# + key + #"":2}"#
            #expect(loggedTransaction(parse(line))?.transaction.id == 7, "\(line)")
        }
        // A key that is a canonical name plus more, or a prefix of one, is not that field.
        #expect(loggedTransaction(parse(#"{"idx":"1","id":"2","time":0,"card":"c","amount":1}"#))?.transaction.id == 2)
        #expect(failure(parse(#"{"idx":"1","time":0,"card":"c","amount":1}"#)) == #"missing field "id""#)
        #expect(failure(parse(#"{"id":"1","tim":0,"card":"c","amount":1}"#)) == #"missing field "time""#)
        #expect(failure(parse(#"{"id":"1","time":0,"card":"c","amount_minorx":1}"#)) == #"missing field "amount""#)
    }

    @Test("key errors report the same byte as the full grammar")
    func keyErrors() {
        let cases: [(String, String)] = [
            (#"{"time"1}"#, "invalid JSON at byte 8: expected ':'"),
            (#"{"time" 1}"#, "invalid JSON at byte 9: expected ':'"),
            (#"{"amount_minor"1}"#, "invalid JSON at byte 16: expected ':'"),
            (#"{"amount_minor"#, "invalid JSON at byte 15: unterminated string, found end of line"),
            (#"{"time"#, "invalid JSON at byte 7: unterminated string, found end of line"),
            ("{\"ti\tme\":1}", "invalid JSON at byte 5: control character in string"),
            (#"{"ti\qme":1}"#, "invalid JSON at byte 5: invalid escape"),
            (#"{"time":}"#, "invalid JSON at byte 9: expected a value"),
            (#"{"time":"#, "invalid JSON at byte 9: expected a value, found end of line"),
        ]
        for (line, reason) in cases {
            #expect(failure(parse(line)) == reason, "\(line)")
        }
    }

    @Test("numbers of every length, ending anywhere in a word or at the end of the line")
    func numbers() throws {
        for digits in 1...18 {
            let number = "1" + String(repeating: "0", count: digits - 1)
            for padding in 0...8 {
                let pad = #""p":""# + String(repeating: "x", count: padding) + #"","#
                // The number in the middle of the line and as the line's last value.
                let middle = "{" + pad + #""id":"# + number + #","time":0,"card":"c","amount":1}"#
                #expect(loggedTransaction(parse(middle))?.transaction.id == UInt64(number), "\(middle)")
                let last = "{" + pad + #""time":0,"card":"c","amount":1,"id":"# + number + "}"
                #expect(loggedTransaction(parse(last))?.transaction.id == UInt64(number), "\(last)")
                let spaced = "{" + pad + #""time":0,"card":"c","amount":1,"id":"# + number + " }"
                #expect(loggedTransaction(parse(spaced))?.transaction.id == UInt64(number), "\(spaced)")
            }
            // Fractions and exponents after a long integer part go through the full grammar.
            let fraction = #"{"id":1,"time":0,"card":"c","amount":"# + number + ".5}"
            if digits <= 17 {
                #expect(loggedTransaction(parse(fraction))?.transaction.amount == Int64(number)! * 100 + 50, "\(fraction)")
            } else {
                #expect(failure(parse(fraction)) == "invalid amount \"\(number).5\": out of range for USD")
            }
            let exponent = #"{"id":1,"time":0,"card":"c","amount":"# + number + "e2}"
            #expect(failure(parse(exponent)) == "invalid amount \"\(number)e2\": not a decimal number for USD")
        }
        let errors: [(String, String)] = [
            (#"{"id":0123456789}"#, "invalid JSON at byte 8: expected ',' or '}'"),
            (#"{"id":12345678x}"#, "invalid JSON at byte 15: expected ',' or '}'"),
            (#"{"id":123456789.}"#, "invalid JSON at byte 17: invalid number"),
            (#"{"id":123456789e}"#, "invalid JSON at byte 17: invalid number"),
            (#"{"id":-x}"#, "invalid JSON at byte 8: invalid number"),
            (#"{"id":12345678"#, "invalid JSON at byte 15: expected ',' or '}', found end of line"),
        ]
        for (line, reason) in errors {
            #expect(failure(parse(line)) == reason, "\(line)")
        }
    }

    @Test("string values with an escape or a control byte at every position, mid-line and at the end")
    func stringValuesEverywhere() throws {
        let prefix = #"{"id":1,"time":0,"card":"c","amount":1,"merchant":""#
        for length in 0...20 {
            let text = String(repeating: "m", count: length)
            for suffix in [#"","mcc":1}"#, #""}"#] {
                let plain = try #require(loggedTransaction(parse(prefix + text + suffix)), "\(length)")
                #expect(plain.transaction.merchant == entity(text))
                for position in 0...length {
                    let before = String(text.prefix(position)), after = String(text.dropFirst(position))
                    let escaped = try #require(loggedTransaction(parse(prefix + before + #"\n"# + after + suffix)))
                    #expect(escaped.transaction.merchant == entity(before + "\n" + after), "\(length) \(position)")
                    let control = prefix + before + "\u{01}" + after + suffix
                    let byte = prefix.utf8.count + position + 1
                    #expect(failure(parse(control)) == "invalid JSON at byte \(byte): control character in string")
                }
            }
        }
    }

    @Test("strings shorter than a word at the end of the line")
    func shortStringsAtTheEnd() throws {
        for length in 0...9 {
            let text = String(repeating: "s", count: length)
            let line = #"{"id":1,"time":0,"card":"c","amount":1,"merchant":""# + text + #""}"#
            let logged = try #require(loggedTransaction(parse(line)), "\(line)")
            #expect(logged.transaction.merchant == entity(text))
            let open = #"{"id":1,"time":0,"card":"c","amount":1,"merchant":""# + text
            #expect(failure(parse(open)) == "invalid JSON at byte \(open.utf8.count + 1): unterminated string, found end of line")
        }
    }

    @Test("each keyword function answers like a walk of its table")
    func keywordFunctions() {
        let allNames = [Keywords.recordKinds.map(\.0), Keywords.entryModes.map(\.0), Keywords.messageTypes.map(\.0),
                        Keywords.cardStatuses.map(\.0), Keywords.feedbackKinds.map(\.0), Keywords.labels.map(\.0),
                        Keywords.booleans.map(\.0)].joined().map { Array($0.description.utf8) }
        var candidates: [[UInt8]] = [[], Array("x".utf8), Array("99".utf8), Array("3".utf8)]
        for name in allNames {
            candidates += [name, Array(String(decoding: name, as: UTF8.self).uppercased().utf8), name + [0x78],
                           Array(name.dropLast()), Array(name.dropFirst())]
            for index in name.indices {
                for change: UInt8 in [1, 0x20, 0xFF] {
                    var changed = name
                    changed[index] = change == 0xFF ? 0xC3 : changed[index] ^ change
                    candidates.append(changed)
                }
            }
        }
        func check<Value: Equatable>(_ table: [(StaticString, Value)], _ function: (UnsafeRawBufferPointer) -> Value?) {
            for candidate in candidates {
                let fast = candidate.withUnsafeBytes { function($0) }
                let walked = candidate.withUnsafeBytes { Keywords.lookUp($0, in: table) }
                #expect(fast == walked, "\(String(decoding: candidate, as: UTF8.self))")
            }
        }
        check(Keywords.recordKinds, Keywords.recordKind)
        check(Keywords.entryModes, Keywords.entryMode)
        check(Keywords.messageTypes, Keywords.messageType)
        check(Keywords.cardStatuses, Keywords.cardStatus)
        check(Keywords.feedbackKinds, Keywords.feedbackKind)
        check(Keywords.labels, Keywords.label)
        check(Keywords.booleans, Keywords.boolean)
    }

    @Test("epoch times of every length, with a non-digit at every position")
    func epochTimes() {
        var generator = SystemRandomNumberGenerator()
        for count in 1...20 {
            var samples = [String(repeating: "0", count: count), String(repeating: "9", count: count),
                           "1" + String(repeating: "0", count: count - 1)]
            for _ in 0..<50 {
                samples.append(String((0..<count).map { _ in Character(String(Int.random(in: 0...9, using: &generator))) }))
            }
            for text in samples {
                // The definition: at most 18 digits; 10^11 and above are milliseconds, below are seconds.
                let whole = count <= 18 ? Int64(text)! : nil
                let expected = whole.map { $0 >= TimeParser.millisecondsThreshold ? $0 : $0 * 1000 }
                #expect(parseTime(text) == expected, "\(text)")
                for position in 0..<count {
                    for bad in ["/", ":", "x", " "] {
                        var bytes = Array(text.utf8)
                        bytes[position] = Array(bad.utf8)[0]
                        #expect(bytes.withUnsafeBytes { TimeParser.parse($0) } == nil, "\(String(decoding: bytes, as: UTF8.self))")
                    }
                }
            }
        }
    }

    @Test("ids, mcc and expiry of every length")
    func decimals() {
        for count in 1...21 {
            let text = String(repeating: "9", count: count)
            let value = withBytes(text) { RecordAssembler.decimal($0, maxDigits: 20) }
            #expect(value == (count <= 19 ? UInt64(text) : nil), "\(text)")
            let bad = String(repeating: "9", count: count - 1) + "/"
            #expect(withBytes(bad) { RecordAssembler.decimal($0, maxDigits: 20) } == nil)
        }
        #expect(withBytes("18446744073709551615") { RecordAssembler.decimal($0, maxDigits: 20) } == UInt64.max)
        #expect(withBytes("18446744073709551616") { RecordAssembler.decimal($0, maxDigits: 20) } == nil)
        #expect(withBytes("12345") { RecordAssembler.decimal($0, maxDigits: 4) } == nil)
        #expect(withBytes("") { RecordAssembler.decimal($0, maxDigits: 4) } == nil)
    }
}
