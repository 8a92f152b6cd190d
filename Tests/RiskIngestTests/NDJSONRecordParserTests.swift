import RiskCore
import Testing
@testable import RiskIngest

@Suite("NDJSONRecordParser")
struct NDJSONRecordParserTests {
    let parser = NDJSONRecordParser()
    let noonJan31: Int64 = 1_769_860_800_000

    func parse(_ line: String) -> Result<ParsedRecord, RecordError> { parseLine(parser, line) }

    @Test("every transaction field")
    func allFields() throws {
        let line = #"{"kind":"transaction","id":"tx-42","time":"2026-01-31T12:00:00.250+01:00","card":"4111111111111111","amount":"12.34","currency":"EUR","merchant":"M-1","terminal":"T-9","mcc":5411,"country":"fr","entry_mode":"contactless","pin":true,"expiry":"2812","type":"reversal","response_code":"51","label":"fraud","scenario":"card_testing"}"#
        let result = parse(line)
        let logged = try #require(loggedTransaction(result), "\(String(describing: failure(result)))")
        let t = logged.transaction
        #expect(t.id == entity("tx-42"))
        #expect(t.time == noonJan31 - 3_600_000 + 250)
        #expect(t.card == CardReference("4111111111111111"))
        #expect(t.amount == 1234)
        #expect(t.currency == .eur)
        #expect(t.merchant == entity("M-1"))
        #expect(t.terminal == entity("T-9"))
        #expect(t.mcc == 5411)
        #expect(t.country == CountryCode("FR"))
        #expect(t.entryMode == .contactless)
        #expect(t.pinPresent)
        #expect(t.expiry == 2812)
        #expect(t.messageType == .reversal)
        #expect(logged.responseCode == ResponseCode("51"))
        #expect(logged.label == .fraud)
        #expect(logged.scenario == "card_testing")
        let parsed = try result.get()
        #expect(slice(line, parsed.idRange) == "tx-42")
    }

    @Test("README defaults for absent optional fields")
    func defaults() throws {
        let result = parse(#"{"id":7,"time":1769860800,"card":"tok_1","amount":1}"#)
        let logged = try #require(loggedTransaction(result))
        let t = logged.transaction
        #expect(t.id == 7)
        #expect(t.time == noonJan31)
        #expect(t.amount == 100)
        #expect(t.currency == .usd)
        #expect(t.merchant == entity(""))
        #expect(t.terminal == entity(""))
        #expect(t.mcc == 0)
        #expect(t.country == .unknown)
        #expect(t.entryMode == .unknown)
        #expect(!t.pinPresent)
        #expect(t.expiry == 0)
        #expect(t.messageType == .authorization)
        #expect(logged.responseCode == nil)
        #expect(logged.label == .unknown)
        #expect(logged.scenario == "")
    }

    @Test("null and empty strings count as absent")
    func nullIsAbsent() throws {
        let logged = try #require(loggedTransaction(parse(
            #"{"id":"1","time":1769860800000,"card":"tok","amount":"2","currency":null,"merchant":"","label":null,"response_code":null}"#)))
        #expect(logged.transaction.currency == .usd)
        #expect(logged.transaction.merchant == entity(""))
        #expect(logged.label == .unknown)
        #expect(logged.responseCode == nil)
        #expect(failure(parse(#"{"id":"1","time":1769860800000,"card":null,"amount":"2"}"#)) == #"missing field "card""#)
    }

    @Test("ids: numbers, digit strings and hashed text, with their byte ranges")
    func ids() throws {
        let cases: [(String, UInt64, String)] = [
            (#"{"id":12345,"time":0,"card":"c","amount":1}"#, 12345, "12345"),
            (#"{"id":"12345","time":0,"card":"c","amount":1}"#, 12345, "12345"),
            (#"{"id":"18446744073709551615","time":0,"card":"c","amount":1}"#, UInt64.max, "18446744073709551615"),
            (#"{"id":"18446744073709551616","time":0,"card":"c","amount":1}"#, entity("18446744073709551616"), "18446744073709551616"),
            (#"{"id":"ab-1","time":0,"card":"c","amount":1}"#, entity("ab-1"), "ab-1"),
            (#"{"id":-5,"time":0,"card":"c","amount":1}"#, entity("-5"), "-5"),
            (#"{"id":"a\"b","time":0,"card":"c","amount":1}"#, entity("a\"b"), #"a\"b"#),
        ]
        for (line, id, text) in cases {
            let parsed = try parse(line).get()
            guard case .transaction(let logged) = parsed.record else { Issue.record("not a transaction"); continue }
            #expect(logged.transaction.id == id, "\(line)")
            #expect(slice(line, parsed.idRange) == text, "\(line)")
        }
        #expect(failure(parse(#"{"time":0,"card":"c","amount":1}"#)) == #"missing field "id""#)
    }

    @Test("string escapes are decoded before hashing")
    func escapes() throws {
        let line = #"{"id":"1","time":0,"card":"tok\/1","amount":1,"merchant":"A\"B\\C\/D\b\f\n\r\tE\u00e9\u20ac\ud83d\ude00","terminal":"\u0054\u002D1","scen\u0061rio":"x\u00e9"}"#
        let logged = try #require(loggedTransaction(parse(line)))
        #expect(logged.transaction.merchant == entity("A\"B\\C/D\u{8}\u{c}\n\r\tEé€😀"))
        #expect(logged.transaction.terminal == entity("T-1"))
        #expect(logged.transaction.card == CardReference("tok/1"))
        #expect(logged.scenario == "xé")
        // Unpaired surrogates in a field that is used are errors.
        #expect(failure(parse(#"{"id":"1","time":0,"card":"c","amount":1,"merchant":"\ud83d"}"#))
                == #"invalid JSON at byte 54: bad \u escape in "merchant""#)
        #expect(failure(parse(#"{"id":"1","time":0,"card":"c","amount":1,"merchant":"\ude00x"}"#)) != nil)
    }

    @Test("string scanning finds quotes, escapes and control characters at every offset")
    func stringScanningOffsets() throws {
        for length in 0...24 {
            for position in 0...length {
                let prefix = String(repeating: "a", count: position)
                let suffix = String(repeating: "b", count: length - position)
                // An escaped quote at `position`.
                let line = #"{"time":0,"card":"c","amount":1,"id":""# + prefix + #"\""# + suffix + #""}"#
                let logged = try #require(loggedTransaction(parse(line)), "\(line)")
                #expect(logged.transaction.id == entity(prefix + "\"" + suffix))
                // A raw control character at `position` (byte 39 + position, 1-based).
                let bad = #"{"time":0,"card":"c","amount":1,"id":""# + prefix + "\u{1}" + suffix + #""}"#
                #expect(failure(parse(bad)) == "invalid JSON at byte \(39 + position): control character in string")
            }
            let plain = #"{"time":0,"card":"c","amount":1,"id":""# + String(repeating: "z", count: length) + #"x"}"#
            #expect(loggedTransaction(parse(plain))?.transaction.id == entity(String(repeating: "z", count: length) + "x"))
            let open = #"{"time":0,"card":"c","amount":1,"id":""# + String(repeating: "z", count: length)
            #expect(failure(parse(open)) == "invalid JSON at byte \(open.utf8.count + 1): unterminated string, found end of line")
        }
    }

    @Test("unknown fields, nested values and whitespace are skipped")
    func unknownFields() throws {
        let line = " {\t\"meta\" : {\"a\":[1,-2.5e+3,{\"b\":null,\"c\":[]}],\"s\":\"}]\\\"\"} , \"id\":\"1\",\"flags\":[true,false,null,\"x\"],\"time\":0 ,\"card\":\"c\",\"amount\":1, \"n\":{} }  "
        let logged = try #require(loggedTransaction(parse(line)))
        #expect(logged.transaction.id == 1)
    }

    @Test("duplicate keys: the last wins")
    func duplicates() throws {
        let logged = try #require(loggedTransaction(parse(#"{"id":"1","time":0,"card":"c","amount":1,"amount":"2.50","mcc":1,"mcc":"5999"}"#)))
        #expect(logged.transaction.amount == 250)
        #expect(logged.transaction.mcc == 5999)
    }

    @Test("field types: numbers or strings, booleans or 0/1, label words")
    func fieldTypes() throws {
        func logged(_ extra: String) throws -> LoggedTransaction {
            let result = parse(#"{"id":"1","time":0,"card":"c","amount":"1""# + extra + "}")
            return try #require(loggedTransaction(result), "\(extra): \(String(describing: failure(result)))")
        }
        #expect(try logged(#","mcc":"0742""#).transaction.mcc == 742)
        #expect(try logged(#","pin":1"#).transaction.pinPresent)
        #expect(try !logged(#","pin":0"#).transaction.pinPresent)
        #expect(try !logged(#","pin":false"#).transaction.pinPresent)
        #expect(try logged(#","label":true"#).label == .fraud)
        #expect(try logged(#","label":1"#).label == .fraud)
        #expect(try logged(#","label":"FRAUD""#).label == .fraud)
        #expect(try logged(#","label":false"#).label == .genuine)
        #expect(try logged(#","label":0"#).label == .genuine)
        #expect(try logged(#","label":"genuine""#).label == .genuine)
        #expect(try logged(#","entry_mode":"05""#).transaction.entryMode == .chip)
        #expect(try logged(#","entry_mode":"80""#).transaction.entryMode == .fallback)
        #expect(try logged(#","entry_mode":"ECOMMERCE""#).transaction.entryMode == .ecommerce)
        #expect(try logged(#","type":"0400""#).transaction.messageType == .reversal)
        #expect(try logged(#","response_code":"5""#).responseCode == ResponseCode("05"))
        #expect(try logged(#","time":"2026-01-31 12:00:00""#).transaction.time == noonJan31)
        #expect(try logged(#","time":1769860800000"#).transaction.time == noonJan31)
        #expect(try logged(#","time":1769860800.5"#).transaction.time == noonJan31 + 500)
    }

    @Test("amounts: number or string, minor units, currency exponents")
    func amounts() throws {
        func amount(_ fields: String) throws -> Int64 {
            let result = parse(#"{"id":"1","time":0,"card":"c","# + fields + "}")
            return try #require(loggedTransaction(result), "\(fields): \(String(describing: failure(result)))").transaction.amount
        }
        #expect(try amount(#""amount":12.34"#) == 1234)
        #expect(try amount(#""amount":"0.29""#) == 29)
        #expect(try amount(#""amount":0.29"#) == 29)
        #expect(try amount(#""amount":1500,"currency":"JPY""#) == 1500)
        #expect(try amount(#""currency":"KWD","amount":"1.234""#) == 1234)
        #expect(try amount(#""amount_minor":1234,"currency":"EUR""#) == 1234)
        #expect(try amount(#""amount":"-1.5""#) == -150)
        #expect(failure(parse(#"{"id":"1","time":0,"card":"c","amount":"1.234","currency":"EUR"}"#))
                == #"invalid amount "1.234": more than 2 decimal places for EUR"#)
        #expect(failure(parse(#"{"id":"1","time":0,"card":"c","amount":1e3}"#))
                == #"invalid amount "1e3": not a decimal number for USD"#)
        #expect(failure(parse(#"{"id":"1","time":0,"card":"c","amount":"99999999999999999999"}"#))
                == #"invalid amount "99999999999999999999": out of range for USD"#)
        #expect(failure(parse(#"{"id":"1","time":0,"card":"c","amount":1,"amount_minor":100}"#))
                == #"conflicting fields "amount" and "amount_minor""#)
        #expect(failure(parse(#"{"id":"1","time":0,"card":"c"}"#)) == #"missing field "amount""#)
        #expect(failure(parse(#"{"id":"1","time":0,"card":"c","amount_minor":1.5}"#))
                == #"invalid amount_minor "1.5": more than 0 decimal places"#)
    }

    @Test("a PAN keeps only its hash, BIN and last four; a token only its hash")
    func cards() throws {
        let pan = "5500005555555559"
        let line = #"{"id":"1","time":0,"card":""# + pan + #"","amount":1}"#
        let parsed = try parse(line).get()
        guard case .transaction(let logged) = parsed.record else { Issue.record("not a transaction"); return }
        let card = logged.transaction.card
        #expect(card.isPAN)
        #expect(card.bin == 550_000)
        #expect(card.last4 == 5559)
        #expect(card.panLength == 16)
        #expect(card.hash == SipHashKey.defaultCardKey.hash(pan))
        #expect(card.masked == "550000******5559")
        // Nothing in the record carries the full number or its middle digits.
        let dump = String(describing: parsed.record) + String(reflecting: parsed.record)
        #expect(!dump.contains(pan))
        #expect(!dump.contains("555555"))

        let token = try #require(loggedTransaction(parse(#"{"id":"1","time":0,"card":"tok_4111111111111111x","amount":1}"#))).transaction.card
        #expect(!token.isPAN)
        #expect(token.bin == 0 && token.last4 == 0)
        #expect(token.hash == SipHashKey.defaultCardKey.hash("tok_4111111111111111x"))

        // The deployment's card key is used.
        let keyed = NDJSONRecordParser(cardKey: SipHashKey(k0: 1, k1: 2))
        let other = try #require(loggedTransaction(parseLine(keyed, line))).transaction.card
        #expect(other.hash == SipHashKey(k0: 1, k1: 2).hash(pan))
        #expect(other.hash != card.hash)
        // A card error never echoes the value.
        #expect(failure(parse(#"{"id":"1","time":0,"card":{"pan":"4111111111111111"},"amount":1}"#))
                == "invalid card: expected a string or a number")
    }

    @Test("feedback records")
    func feedback() throws {
        let line = #"{"kind":"feedback","time":"2026-02-15T00:00:00Z","card":"4111111111111111","terminal":"T-9","merchant":"M-1","txn_time":1769860800000,"ref":"tx-42","feedback":"chargeback"}"#
        let parsed = try parse(line).get()
        guard case .feedback(let feedback) = parsed.record else { Issue.record("not feedback"); return }
        #expect(feedback.card == CardReference("4111111111111111"))
        #expect(feedback.terminal == entity("T-9"))
        #expect(feedback.merchant == entity("M-1"))
        #expect(feedback.transactionTime == noonJan31)
        #expect(feedback.reportTime == 1_771_113_600_000)
        #expect(feedback.kind == .chargeback)
        #expect(slice(line, parsed.idRange) == "tx-42")

        let minimal = try parse(#"{"kind":"feedback","time":1,"card":"c","txn_time":0}"#).get()
        guard case .feedback(let plain) = minimal.record else { Issue.record("not feedback"); return }
        #expect(plain.kind == .fraudReport)
        #expect(plain.merchant == entity(""))
        #expect(minimal.idRange.isEmpty)
        #expect(failure(parse(#"{"kind":"feedback","time":1,"card":"c"}"#)) == #"missing field "txn_time""#)
        #expect(failure(parse(#"{"kind":"feedback","time":1,"card":"c","txn_time":0,"feedback":"refund"}"#))
                == #"invalid feedback "refund""#)
    }

    @Test("status records")
    func status() throws {
        let parsed = try parse(#"{"kind":"status","time":1769860800,"card":"4111111111111111","status":"stolen","amount":"ignored"}"#).get()
        #expect(parsed.record == .status(StatusUpdate(card: CardReference("4111111111111111"), status: .stolen, time: noonJan31)))
        #expect(parsed.idRange.isEmpty)
        let allow = try parse(#"{"kind":"STATUS","time":1,"card":"c","status":"allow_listed"}"#).get()
        guard case .status(let update) = allow.record else { Issue.record("not status"); return }
        #expect(update.status == .allowListed)
        #expect(failure(parse(#"{"kind":"status","time":1,"card":"c"}"#)) == #"missing field "status""#)
        #expect(failure(parse(#"{"kind":"refund","time":1,"card":"c"}"#)) == #"invalid kind "refund""#)
    }

    @Test("field errors name the field and value")
    func fieldErrors() {
        let base = #"{"id":"1","card":"c","amount":1,"#
        let cases: [(String, String)] = [
            (#""time":"2026-13-01""#, #"invalid time "2026-13-01""#),
            (#""time":"2026-02-30T00:00:00Z""#, #"invalid time "2026-02-30T00:00:00Z""#),
            (#""time":true"#, "invalid time: expected a string or a number"),
            (#""time":0,"currency":"EURO""#, #"invalid currency "EURO""#),
            (#""time":0,"country":"FRA""#, #"invalid country "FRA""#),
            (#""time":0,"mcc":"12345""#, #"invalid mcc "12345""#),
            (#""time":0,"entry_mode":"telepathy""#, #"invalid entry_mode "telepathy""#),
            (#""time":0,"pin":"maybe""#, #"invalid pin "maybe""#),
            (#""time":0,"pin":[1]"#, "invalid pin: expected a string or a number"),
            (#""time":0,"label":"spam""#, #"invalid label "spam""#),
            (#""time":0,"expiry":"2813""#, #"invalid expiry "2813""#),
            (#""time":0,"type":"refund""#, #"invalid type "refund""#),
            (#""time":0,"response_code":"123""#, #"invalid response_code "123""#),
            (#""time":0,"scenario":"a_very_long_scenario_name_that_no_generator_would_ever_write_here""#, #"invalid scenario "a_very_long_scenario_name_that_no_genera…": longer than 63 bytes"#),
            (#""mcc":1"#, #"missing field "time""#),
        ]
        for (fields, reason) in cases {
            #expect(failure(parse(base + fields + "}")) == reason, "\(fields)")
        }
    }

    @Test("JSON syntax errors report the 1-based byte")
    func syntaxErrors() {
        let cases: [(String, String)] = [
            (#"{"id":"t","time"1}"#, "invalid JSON at byte 17: expected ':'"),
            (#"{"id":"t" "time":1}"#, "invalid JSON at byte 11: expected ',' or '}'"),
            (#"{"id":"t","time":1,}"#, #"invalid JSON at byte 20: expected '"'"#),
            (#"["id"]"#, "invalid JSON at byte 1: expected '{'"),
            (#"{"id":"t"} x"#, "invalid JSON at byte 12: unexpected data after the object"),
            (#"{"id":"t"#, "invalid JSON at byte 9: unterminated string, found end of line"),
            (#"{"id":"t"#, "invalid JSON at byte 9: unterminated string, found end of line"),
            ("{\"id\":\"a\tb\"}", "invalid JSON at byte 9: control character in string"),
            (#"{"id":"a\xb"}"#, "invalid JSON at byte 9: invalid escape"),
            (#"{"id":"a\u12g4"}"#, #"invalid JSON at byte 9: invalid \u escape"#),
            (#"{"id":01}"#, "invalid JSON at byte 8: expected ',' or '}'"),
            (#"{"id":1.}"#, "invalid JSON at byte 9: invalid number"),
            (#"{"id":tru}"#, "invalid JSON at byte 7: expected a value"),
            (#"{"id":nul"#, "invalid JSON at byte 7: expected a value"),
            (#"{"x":[1 2]}"#, "invalid JSON at byte 9: expected ',' or ']'"),
            (#"{"x":{"a" 1}}"#, "invalid JSON at byte 11: expected ':'"),
            (#"{"x":"#, "invalid JSON at byte 6: expected a value, found end of line"),
            ("", "empty line"),
            ("   ", "empty line"),
        ]
        for (line, reason) in cases {
            #expect(failure(parse(line)) == reason, "\(line)")
        }
        let deep = #"{"x":"# + String(repeating: "[", count: 70) + String(repeating: "]", count: 70) + "}"
        #expect(failure(parse(deep)) == "invalid JSON at byte 70: nesting deeper than 64 levels")
    }

    @Test("invalid UTF-8 and long lines")
    func lineChecks() {
        var bytes = Array(#"{"id":"1","time":0,"card":"c","merchant":"caf"#.utf8)
        #expect(bytes.count == 45)
        bytes.replaceSubrange(39..<40, with: [0xFF])
        #expect(failure(parseLine(parser, bytes)) == "invalid UTF-8 at byte 40")
        for bad: [UInt8] in [[0xC0, 0x80], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82]] {
            let line = Array(#"{"id":""#.utf8) + bad + Array(#""}"#.utf8)
            #expect(failure(parseLine(parser, line)) == "invalid UTF-8 at byte 8", "\(bad)")
        }
        let valid = Array(#"{"id":"1","time":0,"card":"c","amount":1,"merchant":"Café € 😀"}"#.utf8)
        #expect(failure(parseLine(parser, valid)) == nil)
        // Every position of a bad byte, and a valid 4-byte character at every offset, across the
        // 64-, 32- and 8-byte ASCII skips and the last word's.
        let pad = Array(#"{"id":"1","time":0,"card":"c","amount":1,"merchant":"#.utf8) + [UInt8(ascii: "\"")]
        for position in 0..<144 {
            var line = pad + Array(repeating: UInt8(ascii: "m"), count: 144) + Array(#""}"#.utf8)
            line[pad.count + position] = 0xFF
            #expect(failure(parseLine(parser, line)) == "invalid UTF-8 at byte \(pad.count + position + 1)")
            var wide = pad + Array(repeating: UInt8(ascii: "m"), count: position) + Array("😀".utf8) + Array(#""}"#.utf8)
            #expect(failure(parseLine(parser, wide)) == nil)
            wide.removeLast(3)
            #expect(failure(parseLine(parser, wide + Array(#""}"#.utf8))) == "invalid UTF-8 at byte \(pad.count + position + 1)")
        }

        let filler = String(repeating: "x", count: 65_536)
        #expect(failure(parse(#"{"id":"1","pad":""# + filler + #""}"#)) == "line longer than 65536 bytes")
        let fits = #"{"id":"1","time":0,"card":"c","amount":1,"pad":""#
        let padded = fits + String(repeating: "x", count: 65_536 - fits.utf8.count - 2) + #""}"#
        #expect(padded.utf8.count == 65_536)
        #expect(failure(parse(padded)) == nil)
    }

    @Test("canonical field names round-trip")
    func canonicalFields() {
        #expect(CanonicalField.count == CanonicalField.allCases.count)
        #expect(CanonicalField.allCases.count <= 32) // CSV column masks are UInt32
        for field in CanonicalField.allCases {
            #expect(CanonicalField(name: field.name) == field)
        }
        #expect(CanonicalField(name: "Card") == nil)
        #expect(CanonicalField(name: "cards") == nil)
    }

    @Test("keyword tables accept exactly what the RiskCore initialisers accept")
    func keywordTablesMatchRiskCore() {
        for (name, mode) in Keywords.entryModes {
            #expect(EntryMode(name: name.description) == mode, "\(name)")
            #expect(EntryMode(name: name.description.uppercased()) == mode)
        }
        for (name, type) in Keywords.messageTypes { #expect(MessageType(name: name.description) == type, "\(name)") }
        for (name, status) in Keywords.cardStatuses { #expect(CardStatus(name: name.description) == status, "\(name)") }
        for mode in EntryMode.allCases {
            #expect(withBytes(mode.name) { Keywords.lookUp($0, in: Keywords.entryModes) } == mode)
        }
        for status in CardStatus.allCases {
            #expect(withBytes(status.name) { Keywords.lookUp($0, in: Keywords.cardStatuses) } == status)
        }
    }

    @Test("keywords match whole names in any ASCII case, and nothing else")
    func keywordMatching() {
        let tables: [[StaticString]] = [Keywords.entryModes.map(\.0), Keywords.messageTypes.map(\.0),
                                        Keywords.cardStatuses.map(\.0), Keywords.labels.map(\.0)]
        for name in tables.joined() {
            let text = name.description
            #expect(withBytes(text) { Keywords.matches($0, name) }, "\(text)")
            #expect(withBytes(text.uppercased()) { Keywords.matches($0, name) }, "\(text)")
            #expect(!withBytes(text + "x") { Keywords.matches($0, name) }, "\(text)")
            #expect(!withBytes(String(text.dropLast())) { Keywords.matches($0, name) }, "\(text)")
            // Changing any one byte, to its neighbours or by the case bit of a non-letter, breaks the match.
            let bytes = Array(text.utf8)
            for index in bytes.indices {
                for replacement in [bytes[index] &+ 1, bytes[index] &- 1, bytes[index] ^ 0x20] {
                    var changed = bytes
                    changed[index] = replacement
                    let isCaseChange = replacement == bytes[index] ^ 0x20 && bytes[index] >= 0x61 && bytes[index] <= 0x7A
                    let matched = changed.withUnsafeBytes { Keywords.matches($0, name) }
                    #expect(matched == isCaseChange, "\(text) byte \(index) -> \(replacement)")
                }
            }
        }
        #expect(withBytes("eCoMmErCe") { Keywords.lookUp($0, in: Keywords.entryModes) } == .ecommerce)
        #expect(withBytes("ecommerc") { Keywords.lookUp($0, in: Keywords.entryModes) } == nil)
    }
}
