import RiskCore
import Testing
@testable import RiskIngest

@Suite("CSVRecordParser")
struct CSVRecordParserTests {
    /// The open simulated "credit card transactions" data set's header (pandas index first).
    static let creditCardHeader = ",TRANSACTION_ID,TX_DATETIME,CUSTOMER_ID,TERMINAL_ID,TX_AMOUNT,TX_TIME_SECONDS,TX_TIME_DAYS,TX_FRAUD,TX_FRAUD_SCENARIO"
    static let creditCardMapping = ["id": "TRANSACTION_ID", "time": "TX_DATETIME", "card": "CUSTOMER_ID",
                                    "terminal": "TERMINAL_ID", "amount": "TX_AMOUNT", "label": "TX_FRAUD"]

    func configure(_ header: String, _ mapping: [String: String] = [:], delimiter: Character = ",") -> Result<CSVRecordParser, CSVConfigurationError> {
        Result { () throws(CSVConfigurationError) -> CSVRecordParser in
            try CSVRecordParser(header: header, mapping: mapping, delimiter: delimiter.asciiValue!)
        }
    }

    @Test("the credit card transactions shape, mapped with --map")
    func creditCardShape() throws {
        let mapping = try CSVRecordParser.mapping(from: [
            "id=TRANSACTION_ID", "time=TX_DATETIME", "card=CUSTOMER_ID", "terminal=TERMINAL_ID",
            "amount=TX_AMOUNT", "label=TX_FRAUD",
        ])
        #expect(mapping == Self.creditCardMapping)
        let parser = try configure(Self.creditCardHeader, mapping).get()
        #expect(parser.column(for: .card) == "CUSTOMER_ID")
        #expect(parser.column(for: .merchant) == nil)

        let line = "1234,1234,2018-04-01 00:00:31,596,3156,57.16,31,0,1,1"
        let parsed = try parseLine(parser, line).get()
        guard case .transaction(let logged) = parsed.record else { Issue.record("not a transaction"); return }
        let t = logged.transaction
        #expect(t.id == 1234)
        #expect(slice(line, parsed.idRange) == "1234")
        #expect(parsed.idRange == 5..<9)
        #expect(t.time == 1_522_540_831_000)
        #expect(t.card == CardReference("596"))
        #expect(!t.card.isPAN)
        #expect(t.terminal == entity("3156"))
        #expect(t.merchant == entity(""))
        #expect(t.amount == 5716)
        #expect(t.currency == .usd)
        #expect(logged.label == .fraud)
        #expect(t.entryMode == .unknown)

        let genuine = try #require(loggedTransaction(parseLine(parser, "0,0,2018-04-01 00:02:10,4961,3412,81.51,130,0,0,0")))
        #expect(genuine.label == .genuine)
        #expect(genuine.transaction.amount == 8151)
    }

    @Test("columns named like canonical fields map themselves; the mapping overrides")
    func automaticMapping() throws {
        let parser = try configure("id,time,card,amount,currency,mcc,merchant,shop", ["merchant": "shop"]).get()
        let logged = try #require(loggedTransaction(parseLine(parser, "7,1769860800,tok,1500,JPY,5411,ignored,S-1")))
        #expect(logged.transaction.id == 7)
        #expect(logged.transaction.amount == 1500)
        #expect(logged.transaction.currency == CurrencyCode("JPY"))
        #expect(logged.transaction.mcc == 5411)
        #expect(logged.transaction.merchant == entity("S-1"))
    }

    @Test("one column may feed two fields")
    func sharedColumn() throws {
        let parser = try configure("id,time,card,amount,TERM", ["merchant": "TERM", "terminal": "TERM"]).get()
        let t = try #require(loggedTransaction(parseLine(parser, "1,0,c,1,X9"))).transaction
        #expect(t.merchant == entity("X9"))
        #expect(t.terminal == entity("X9"))
    }

    @Test("RFC 4180 quoting, blanks, CRLF and other delimiters")
    func quoting() throws {
        let parser = try configure(#"id,time,"card",amount,merchant,"ter""minal""#, ["terminal": #"ter"minal"#]).get()
        #expect(parser.columnNames == ["id", "time", "card", "amount", "merchant", #"ter"minal"#])
        let line = #"  "a,b" , "2026-01-31T12:00:00Z",tok,"12.34","ACME ""East"", Inc", T 1 "# + "\r"
        let parsed = try parseLine(parser, line).get()
        guard case .transaction(let logged) = parsed.record else { Issue.record("not a transaction"); return }
        #expect(logged.transaction.id == entity("a,b"))
        #expect(slice(line, parsed.idRange) == "a,b")
        #expect(logged.transaction.time == 1_769_860_800_000)
        #expect(logged.transaction.amount == 1234)
        #expect(logged.transaction.merchant == entity(#"ACME "East", Inc"#))
        #expect(logged.transaction.terminal == entity("T 1"))

        let semicolons = try configure("id;time;card;amount", delimiter: ";").get()
        #expect(failure(parseLine(semicolons, "1;0;c;\"1,5\"")) == #"invalid amount "1,5": not a decimal number for USD"#)
        #expect(loggedTransaction(parseLine(semicolons, "1;0;c;1.5"))?.transaction.amount == 150)

        let tabs = try configure("id\ttime\tcard\tamount", delimiter: "\t").get()
        #expect(loggedTransaction(parseLine(tabs, "1\t0\tc c\t2"))?.transaction.card == CardReference("c c"))
        #expect(loggedTransaction(parseLine(tabs, "1\t\t0\tc\t2")) == nil)
    }

    @Test("fields of every length around the eight-byte scanning step")
    func fieldLengths() throws {
        let parser = try configure("id,time,card,amount,merchant").get()
        for length in 0...20 {
            for other in [0, 1, 7, 8, 9] {
                let merchant = String(repeating: "m", count: length)
                let line = "1,0," + String(repeating: "c", count: other + 1) + ",1," + merchant
                let t = try #require(loggedTransaction(parseLine(parser, line)), "\(line)").transaction
                #expect(t.merchant == entity(merchant))
                #expect(t.card == CardReference(String(repeating: "c", count: other + 1)))
            }
        }
    }

    @Test("unmapped and empty optional fields take the defaults")
    func defaults() throws {
        let parser = try configure("id,time,card,amount,mcc,country,pin,label,response_code,entry_mode,expiry").get()
        let empty = try #require(loggedTransaction(parseLine(parser, #"1,0,c,1,,"",,,,,"#)))
        #expect(empty.transaction.mcc == 0)
        #expect(empty.transaction.country == .unknown)
        #expect(!empty.transaction.pinPresent)
        #expect(empty.label == .unknown)
        #expect(empty.responseCode == nil)
        #expect(empty.transaction.entryMode == .unknown)
        #expect(empty.transaction.expiry == 0)
        let full = try #require(loggedTransaction(parseLine(parser, "1,0,c,1,5999,DE,true,genuine,05,chip,2701")))
        #expect(full.transaction.mcc == 5999)
        #expect(full.transaction.country == CountryCode("DE"))
        #expect(full.transaction.pinPresent)
        #expect(full.label == .genuine)
        #expect(full.responseCode == ResponseCode("05"))
        #expect(full.transaction.entryMode == .chip)
        #expect(full.transaction.expiry == 2701)
    }

    @Test("a PAN column keeps only BIN and last four")
    func panColumn() throws {
        let parser = try configure("id,time,card,amount_minor").get()
        let t = try #require(loggedTransaction(parseLine(parser, "1,0,4000056655665556,999"))).transaction
        #expect(t.card.isPAN && t.card.bin == 400_005 && t.card.last4 == 5556)
        #expect(t.amount == 999)
    }

    @Test("configuration errors")
    func configurationErrors() throws {
        func reason(_ header: String, _ mapping: [String: String] = [:]) -> String? {
            guard case .failure(let error) = configure(header, mapping) else { return nil }
            return error.reason
        }
        #expect(reason("id,time,card,amount", ["crad": "card"])?.hasPrefix(#"unknown field "crad" in the column mapping (fields: kind"#) == false)
        #expect(reason("id,time,card,amount", ["crad": "card"])?.hasPrefix(#"unknown field "crad" in the column mapping (fields: id, time, card"#) == true)
        #expect(reason("id,time,card,amount", ["card": "CUSTOMER_ID"])
                == #"no column "CUSTOMER_ID" (mapped to "card") in the header; columns: id, time, card, amount"#)
        #expect(reason("id,time,card,amount,status", ["status": "status"])
                == #"field "status" cannot be mapped: CSV input carries transactions only"#)
        #expect(reason("id,time,amount") == #"no column for required field "card"; map one with card=COLUMN"#)
        #expect(reason("id,time,card") == #"no column for required field "amount" (or "amount_minor"); map one with amount=COLUMN"#)
        #expect(reason("id,time,card,amount,X,X", ["merchant": "X"]) == #"column "X" appears more than once in the header"#)
        #expect(reason("") == "empty header line")
        #expect(reason(#"id,"time"#) == #"header: invalid CSV at byte 4: unterminated quoted field (fields spanning lines are not supported)"#)
        // A column named "status" is simply not read.
        #expect(reason("id,time,card,amount,status") == nil)
        // A UTF-8 byte order mark on the header is skipped.
        #expect(reason("\u{FEFF}id,time,card,amount") == nil)

        #expect(throws: CSVConfigurationError(#"invalid column mapping "card": expected field=COLUMN"#)) {
            try CSVRecordParser.mapping(from: ["card"])
        }
        #expect(throws: CSVConfigurationError(#"field "card" is mapped twice"#)) {
            try CSVRecordParser.mapping(from: ["card=A", "card=B"])
        }
        #expect(try CSVRecordParser.mapping(from: ["card=A=B"]) == ["card": "A=B"])
    }

    @Test("line errors")
    func lineErrors() throws {
        let parser = try configure("id,time,card,amount").get()
        let cases: [(String, String)] = [
            ("1,0,c", "expected 4 columns, found 3"),
            ("1,0,c,1,2", "expected 4 columns, found 5"),
            (#"1,0,"c,1"#, "invalid CSV at byte 5: unterminated quoted field (fields spanning lines are not supported)"),
            (#"1,0,"c"x,1"#, "invalid CSV at byte 8: expected a delimiter after a closing quote"),
            ("1,2026-13-01,c,1", #"invalid time "2026-13-01""#),
            ("1,0,c,1.234", #"invalid amount "1.234": more than 2 decimal places for USD"#),
            ("1,0,,1", #"missing field "card""#),
            ("", "empty line"),
            ("\r", "empty line"),
        ]
        for (line, reason) in cases {
            #expect(failure(parseLine(parser, line)) == reason, "\(line)")
        }
        #expect(failure(parseLine(parser, Array("1,0,c".utf8) + [0xC3] + Array(",1".utf8))) == "invalid UTF-8 at byte 6")
        #expect(failure(parseLine(parser, "1,0,c," + String(repeating: "1", count: 65_536))) == "line longer than 65536 bytes")
    }

    @Test("RecordParser dispatches to either format")
    func recordParserEnum() throws {
        let csv = RecordParser.csv(try configure("id,time,card,amount").get())
        let ndjson = RecordParser.ndjson(NDJSONRecordParser())
        let fromCSV = try parseLine(csv, "9,1769860800,c,2.5").get()
        let fromJSON = try parseLine(ndjson, #"{"id":9,"time":1769860800,"card":"c","amount":2.5}"#).get()
        #expect(fromCSV.record == fromJSON.record)
        #expect(fromCSV.idRange == 0..<1)
        #expect(fromJSON.idRange == 6..<7)
    }
}
