import Foundation
import RiskCore
import Testing
@testable import RiskIngest

@Suite("DecisionWriter")
struct DecisionWriterTests {
    func formatted(_ value: Double) -> String {
        var buffer: [UInt8] = []
        NumberFormatting.append(value, to: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }

    @Test("integers print without a fraction, others with six significant digits")
    func numbers() {
        #expect(formatted(0) == "0")
        #expect(formatted(-0.0) == "0")
        #expect(formatted(42) == "42")
        #expect(formatted(-7) == "-7")
        #expect(formatted(12.5) == "12.5")
        #expect(formatted(1.0 / 3.0) == "0.333333")
        #expect(formatted(-2.0 / 3.0) == "-0.666667")
        #expect(formatted(123456.7) == "123457")
        #expect(formatted(0.000123456789) == "0.000123457")
        #expect(formatted(.nan) == "null")
        #expect(formatted(.infinity) == "null")
        #expect(formatted(1e16) == "10000000000000000")
    }

    @Test("formatted numbers read back within six significant digits")
    func numbersRoundTrip() {
        var random = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let exponent = Double(Int.random(in: -8...12, using: &random))
            let value = Double.random(in: -1...1, using: &random) * pow(10, exponent)
            let text = formatted(value)
            let back = Double(text)!
            #expect(abs(back - value) <= abs(value) * 5e-6 + 1e-17, "\(value) printed as \(text)")
        }
    }

    @Test("a decision line is valid JSON carrying the id, masked card, action, score and reasons")
    func encodesDecision() throws {
        let policy = try Policy.parse(yaml: """
            name: t
            rules:
              - {name: big, when: tx.amount > 100, action: decline, code: BIG_AMOUNT}
              - {name: odd, when: tx.amount > 50, action: score, points: 10, code: "ODD_\\"Q"}
            """)
        let engine = RiskEngine(policy: policy)
        let card = CardReference("4111111111111111")
        let tx = Transaction(id: 1, time: 1_769_860_800_000, card: card, amount: 12_345, currency: .eur, merchant: 1, terminal: 2)
        let decision = engine.score(tx)
        let id = Array(#"tx\"1"#.utf8).withUnsafeBytes { RecordID(line: $0, range: 0..<$0.count, csv: false)! }
        var writer = DecisionWriter()
        writer.append(decision, id: id, card: card)
        writer.append(decision, id: id, card: CardReference("tok_9"))
        let lines = String(decoding: writer.buffer, as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 2)
        #expect(writer.buffer.last == 10)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(object["id"] as? String == #"tx"1"#)
        #expect(object["card"] as? String == card.masked)
        #expect(object["action"] as? String == decision.action.name)
        #expect((object["score"] as? NSNumber)?.doubleValue == decision.score)
        #expect(object["advice"] as? String == decision.advice.name)
        #expect(object["policy_version"] as? Int == decision.policyVersion)
        let reasons = try #require(object["reasons"] as? [[String: Any]])
        #expect(reasons.map { $0["code"] as? String } == decision.reasons.map(\.code))
        #expect(reasons.first?["threshold"] as? Double == 100)
        let token = try #require(try JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [String: Any])
        #expect(token["card"] as? String == CardReference("tok_9").masked)
        writer.removeAll()
        #expect(writer.buffer.isEmpty)
    }

    @Test("CSV ids are unescaped from CSV and escaped for JSON")
    func csvIDs() {
        let text = Array(#"a""b\c"#.utf8) + [0x01]
        let id = text.withUnsafeBytes { RecordID(line: $0, range: 0..<$0.count, csv: true) }
        #expect(id?.text == #"a\"b\\c\u0001"#)
        let long = Array(repeating: UInt8(ascii: "x"), count: RecordID.capacity + 1)
        #expect(long.withUnsafeBytes { RecordID(line: $0, range: 0..<$0.count, csv: false) } == nil)
    }

    @Test("masked cards: token hashes in hex without leading zeros, PANs as BIN, stars and last four")
    func maskedCards() {
        var cards = [CardReference(hash: 0), CardReference(hash: 0x0000_0abc_0000_0001), CardReference(hash: .max),
                     CardReference("4111111111111111"), CardReference("5500000000000004"), CardReference("371449635398431")]
        // Every token length from 1 to 16 digits, and every digit in every position.
        for digits in 1...16 {
            cards.append(CardReference(hash: UInt64.max >> (64 - 4 * digits)))
            cards.append(CardReference(hash: 0x0123_4567_89ab_cdef >> (64 - 4 * digits) | 1 << (4 * digits - 1)))
            cards.append(CardReference(hash: 0xfedc_ba98_7654_3210 >> (64 - 4 * digits)))
        }
        for card in cards {
            var writer = DecisionWriter()
            writer.append(Decision(transactionID: 1), id: RecordID(), card: card)
            let line = String(decoding: writer.buffer, as: UTF8.self)
            #expect(line.hasPrefix("{\"id\":\"\",\"card\":\"\(card.masked)\",\"action\":"), "\(line)")
        }
        #expect(CardReference(hash: 0).masked == "tok:0")
    }

    @Test("lines written through a buffer that must grow equal the same lines written one at a time")
    func bufferGrows() throws {
        let policy = try Policy.parse(yaml: """
            name: t
            rules:
              - {name: big, when: tx.amount > 100, action: decline, code: BIG_AMOUNT}
              - {name: odd, when: tx.amount > 50, action: score, points: 10, code: ODD}
            """)
        let engine = RiskEngine(policy: policy)
        var together = DecisionWriter(capacity: 1)
        var expected: [UInt8] = []
        for index in 0..<200 {
            let card = CardReference("41111111111\(10_000 + index)")
            let tx = Transaction(id: UInt64(index), time: 1_769_860_800_000 + Int64(index), card: card,
                                 amount: Int64(index) * 97, currency: .eur, merchant: 1, terminal: 2)
            let decision = engine.score(tx)
            let text = Array("tx-\(index)".utf8)
            let id = text.withUnsafeBytes { RecordID(line: $0, range: 0..<$0.count, csv: false)! }
            var single = DecisionWriter(capacity: 1)
            single.append(decision, id: id, card: card)
            expected += single.buffer
            together.append(decision, id: id, card: card)
        }
        #expect(together.buffer == expected)
        #expect(together.count == expected.count)
        together.withUnsafeBytes { #expect(Array($0) == expected) }
    }
}
