import Foundation
import RiskCore
@testable import RiskSim
import Testing

@Suite struct WriterTests {
    static func sampleTransaction(amount: Int64 = 1234, currency: CurrencyCode = .usd) -> GeneratedRecord {
        let card = SimulatedCard.pan(4_532_015_112_830_366)
        let transaction = Transaction(
            id: 7, time: 1_767_225_600_123, card: card.reference, amount: amount, currency: currency,
            merchant: Transaction.entityHash("M0042"), terminal: Transaction.entityHash("T00042"), mcc: 5411,
            country: CountryCode("US")!, entryMode: .contactless, pinPresent: true, expiry: 2812)
        let logged = LoggedTransaction(transaction: transaction, responseCode: ResponseCode("05"), label: .fraud,
                                       scenario: Scenario.cardTesting.name)
        return GeneratedRecord(record: .transaction(logged), transactionNumber: 7, card: card, merchantNumber: 42,
                               terminalNumber: 42, scenario: .cardTesting)
    }

    @Test func ndjsonTransactionLine() {
        var buffer: [UInt8] = []
        NDJSONRecordWriter().append(Self.sampleTransaction(), to: &buffer)
        let expected = #"{"kind":"transaction","id":7,"time":1767225600123,"card":"4532015112830366","amount":"12.34","currency":"USD","merchant":"M0042","terminal":"T00042","mcc":5411,"country":"US","entry_mode":"contactless","pin":true,"expiry":"2812","type":"authorization","response_code":"05","label":"fraud","scenario":"card_testing"}"# + "\n"
        #expect(String(decoding: buffer, as: UTF8.self) == expected)
    }

    @Test func amountsFollowTheCurrencyMinorDigits() {
        var buffer: [UInt8] = []
        CSVRecordWriter().append(Self.sampleTransaction(amount: 5), to: &buffer)
        CSVRecordWriter().append(Self.sampleTransaction(amount: 1234, currency: CurrencyCode("JPY")!), to: &buffer)
        CSVRecordWriter().append(Self.sampleTransaction(amount: 1234, currency: CurrencyCode("KWD")!), to: &buffer)
        let rows = String(decoding: buffer, as: UTF8.self).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(rows.map { String($0[3]) } == ["0.05", "1234", "1.234"])
    }

    @Test func csvRowMatchesHeader() {
        var buffer: [UInt8] = []
        let writer = CSVRecordWriter()
        writer.appendHeader(to: &buffer)
        #expect(writer.append(Self.sampleTransaction(), to: &buffer))
        let lines = String(decoding: buffer, as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0] == "id,time,card,amount,currency,merchant,terminal,mcc,country,entry_mode,pin,expiry,type,response_code,label,scenario")
        #expect(lines[1] == "7,1767225600123,4532015112830366,12.34,USD,M0042,T00042,5411,US,contactless,1,2812,authorization,05,fraud,card_testing")
    }

    @Test func csvSkipsFeedbackAndStatus() {
        let card = SimulatedCard.token(5)
        let status = GeneratedRecord(record: .status(StatusUpdate(card: card.reference, status: .stolen, time: 1)),
                                     transactionNumber: 0, card: card, merchantNumber: -1, terminalNumber: -1)
        var buffer: [UInt8] = []
        #expect(!CSVRecordWriter().append(status, to: &buffer))
        #expect(buffer.isEmpty)
        NDJSONRecordWriter().append(status, to: &buffer)
        #expect(String(decoding: buffer, as: UTF8.self) == #"{"kind":"status","time":1,"card":"tok_000005","status":"stolen"}"# + "\n")
    }

    @Test func generatedNDJSONLinesAreValidJSONWithSchemaFields() throws {
        var generator = TrafficGenerator(configuration: GeneratorConfiguration(
            transactions: 20_000, cards: 2_000, terminals: 400, merchants: 150, days: 20, seed: 11))
        let writer = NDJSONRecordWriter()
        var kinds: [String: Int] = [:]
        var buffer: [UInt8] = []
        var index = 0
        while let record = generator.next() {
            index += 1
            // Every transaction line would do; check all feedback/status and a sample of the rest.
            if case .transaction = record.record, index % 7 != 0 { continue }
            buffer.removeAll(keepingCapacity: true)
            writer.append(record, to: &buffer)
            #expect(buffer.last == 0x0A)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(buffer.dropLast())) as? [String: Any])
            let kind = try #require(object["kind"] as? String)
            kinds[kind, default: 0] += 1
            #expect(object["time"] is NSNumber)
            #expect(object["card"] is String)
            switch kind {
            case "transaction":
                let amount = try #require(object["amount"] as? String)
                #expect(amount.split(separator: ".").last?.count == 2)
                #expect(["fraud", "genuine"].contains(object["label"] as? String))
                #expect((object["response_code"] as? String)?.utf8.count == 2)
            case "feedback":
                #expect(object["txn_time"] is NSNumber && object["ref"] is NSNumber)
                #expect(["chargeback", "fraud_report"].contains(object["feedback"] as? String))
            default:
                #expect(kind == "status")
                #expect(object["status"] as? String == "stolen")
            }
        }
        #expect(kinds["transaction", default: 0] > 2000)
        #expect(kinds["feedback", default: 0] > 0)
    }

    @Test func generatedCSVHasOneWellFormedRowPerTransaction() {
        let writer = CSVRecordWriter()
        var buffer: [UInt8] = []
        writer.appendHeader(to: &buffer)
        var transactions = 0
        for record in TrafficGenerator(configuration: GeneratorConfiguration(
            transactions: 5_000, cards: 800, terminals: 150, merchants: 60, days: 5, seed: 4)) {
            if writer.append(record, to: &buffer) { transactions += 1 }
        }
        let lines = String(decoding: buffer, as: UTF8.self).split(separator: "\n")
        #expect(transactions == 5_000)
        #expect(lines.count == transactions + 1)
        for line in lines.dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            #expect(fields.count == 16)
            #expect(fields[14] == "fraud" || fields[14] == "genuine")
            #expect((fields[14] == "fraud") == !fields[15].isEmpty)
            #expect(fields[11].count == 4 && fields[13].count == 2)
        }
    }
}
