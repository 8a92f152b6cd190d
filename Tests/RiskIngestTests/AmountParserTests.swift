import RiskCore
import Testing
@testable import RiskIngest

@Suite("AmountParser")
struct AmountParserTests {
    func amount(_ text: String, _ currency: String) throws(AmountParser.Failure) -> Int64 {
        let bytes = Array(text.utf8)
        let code = CurrencyCode(currency)!
        var result: Result<Int64, AmountParser.Failure> = .failure(.syntax)
        bytes.withUnsafeBytes { buffer in
            result = Result { () throws(AmountParser.Failure) -> Int64 in try AmountParser.parse(buffer, currency: code) }
        }
        return try result.get()
    }

    @Test("two-decimal currencies are exact")
    func euro() throws {
        #expect(try amount("12.34", "EUR") == 1234)
        #expect(try amount("0.29", "EUR") == 29)
        #expect(try amount("0.57", "EUR") == 57)
        #expect(try amount("1.5", "EUR") == 150)
        #expect(try amount("-1.5", "EUR") == -150)
        #expect(try amount("+7", "EUR") == 700)
        #expect(try amount("7.", "EUR") == 700)
        #expect(try amount(".07", "EUR") == 7)
        #expect(try amount("\"12.34\"", "EUR") == 1234)
        #expect(try amount("1.230", "USD") == 123)
        #expect(try amount("1.2300000", "USD") == 123)
        #expect(try amount("00012.30", "USD") == 1230)
    }

    @Test("zero- and three-decimal currencies")
    func jpyAndKwd() throws {
        #expect(try amount("1500", "JPY") == 1500)
        #expect(try amount("1500.0", "JPY") == 1500)
        #expect(throws: AmountParser.Failure.tooManyDecimals(allowed: 0)) { try amount("1500.5", "JPY") }
        #expect(try amount("1.234", "KWD") == 1234)
        #expect(try amount("1.5", "KWD") == 1500)
        #expect(try amount("0.001", "KWD") == 1)
        #expect(throws: AmountParser.Failure.tooManyDecimals(allowed: 3)) { try amount("0.0015", "KWD") }
    }

    @Test("too many decimals is an error unless the extra digits are zeros")
    func tooManyDecimals() {
        #expect(throws: AmountParser.Failure.tooManyDecimals(allowed: 2)) { try amount("1.005", "EUR") }
        #expect(throws: AmountParser.Failure.tooManyDecimals(allowed: 2)) { try amount("0.001", "USD") }
    }

    @Test("overflow and the Int64 limits")
    func overflow() throws {
        #expect(try amount("92233720368547758.07", "USD") == Int64.max)
        #expect(try amount("-92233720368547758.08", "USD") == Int64.min)
        #expect(throws: AmountParser.Failure.overflow) { try amount("92233720368547758.08", "USD") }
        #expect(throws: AmountParser.Failure.overflow) { try amount("92233720368547758080", "JPY") }
        #expect(throws: AmountParser.Failure.overflow) { try amount("99999999999999999999999999", "EUR") }
    }

    @Test("syntax errors", arguments: ["", "-", ".", "1e3", "1.2.3", "12,34", " 12", "12 ", "abc", "\"\"", "--1", "0x10"])
    func syntax(_ text: String) {
        #expect(throws: AmountParser.Failure.syntax) { try amount(text, "EUR") }
    }

    @Test("the one-pass form: 1...15 digits, a point and exactly the currency's decimals, nothing else")
    func plainForm() {
        func plain(_ text: String, _ digits: Int) -> Int64? {
            Array(text.utf8).withUnsafeBytes { AmountParser.plainAmount($0, minorUnitDigits: digits) }
        }
        var generator = SystemRandomNumberGenerator()
        for minorUnitDigits in 0...3 {
            for wholeDigits in 0...17 {
                for fractionDigits in 0...4 {
                    let whole = String((0..<wholeDigits).map { _ in Character(String(Int.random(in: 0...9, using: &generator))) })
                    let fraction = String((0..<fractionDigits).map { _ in Character(String(Int.random(in: 0...9, using: &generator))) })
                    let text = whole + "." + fraction
                    let isPlain = minorUnitDigits >= 1 && wholeDigits >= 1 && wholeDigits <= 15 && fractionDigits == minorUnitDigits
                    #expect(plain(text, minorUnitDigits) == (isPlain ? Int64(whole + fraction) : nil), "\(text) \(minorUnitDigits)")
                    #expect(plain(whole + fraction, minorUnitDigits) == nil || minorUnitDigits == 0, "\(whole + fraction)")
                    #expect(plain("-" + text, minorUnitDigits) == nil && plain("+" + text, minorUnitDigits) == nil)
                    #expect(plain("\"" + text + "\"", minorUnitDigits) == nil)
                }
            }
        }
        for bad in ["1x.23", "x1.23", "12.x3", "12.3x", "1.2.3", " 1.23", "1.23 ", "1,23", "..12"] {
            #expect(plain(bad, 2) == nil, "\(bad)")
        }
        #expect(plain("24.19", 2) == 2_419)
        #expect(plain("999999999999999.999", 3) == 999_999_999_999_999_999)
    }
}
