import Testing
import RiskCore
@testable import RiskEval

@Suite("Label delay")
struct LabelDelayTests {
    static let day: Int64 = 86_400_000

    static func logged(_ id: UInt64, at time: Int64, fraud: Bool) -> StreamRecord {
        let tx = Transaction(id: id, time: time, card: CardReference("tok_\(id)"), amount: 1_000, currency: CurrencyCode("EUR")!,
                             merchant: 7, terminal: 8, mcc: 5411, country: CountryCode("FR")!, entryMode: .chip,
                             pinPresent: true, expiry: 2912, messageType: .authorization)
        return .transaction(LoggedTransaction(transaction: tx, label: fraud ? .fraud : .genuine))
    }

    @Test("durations parse with their unit; anything else is refused")
    func durations() {
        #expect(EventDuration.milliseconds("7d") == 7 * Self.day)
        #expect(EventDuration.milliseconds("36h") == Int64(129_600_000))
        #expect(EventDuration.milliseconds("90m") == Int64(5_400_000))
        #expect(EventDuration.milliseconds("45s") == 45_000)
        #expect(EventDuration.milliseconds("500ms") == 500)
        for bad in ["", "7", "d", "-1d", "7x", "1.5h", "99999999999999999d"] {
            #expect(EventDuration.milliseconds(bad) == nil, "\(bad)")
        }
    }

    @Test("a fraud label becomes a fraud report released just before the first record at or after its report time")
    func releaseOrder() {
        var delay = LabelDelay(delay: 7 * Self.day)
        var out: [StreamRecord] = []
        for record in [Self.logged(1, at: 0, fraud: true), Self.logged(2, at: Self.day, fraud: false),
                       Self.logged(3, at: 2 * Self.day, fraud: true), Self.logged(4, at: 7 * Self.day, fraud: false)] {
            delay.push(record) { out.append($0) }
        }
        #expect(delay.pendingCount == 1)
        delay.finish { out.append($0) }
        let times = out.map(\.time)
        #expect(times == [0, Self.day, 2 * Self.day, 7 * Self.day, 7 * Self.day, 9 * Self.day])
        guard case .feedback(let first) = out[3], case .feedback(let second) = out[5] else {
            Issue.record("feedback not where expected: \(out)")
            return
        }
        #expect(first.transactionTime == 0)
        #expect(first.terminal == 8)
        #expect(second.transactionTime == 2 * Self.day)
        if case .transaction(let logged) = out[4] { #expect(logged.transaction.id == 4) } else { Issue.record("record 4 moved") }
    }

    @Test("reports due at the same time leave in the order their transactions came")
    func ties() {
        var delay = LabelDelay(delay: 10)
        var out: [StreamRecord] = []
        delay.push(Self.logged(1, at: 5, fraud: true)) { out.append($0) }
        delay.push(Self.logged(2, at: 5, fraud: true)) { out.append($0) }
        delay.finish { out.append($0) }
        let cards = out.dropFirst(2).compactMap { record -> CardReference? in
            if case .feedback(let feedback) = record { return feedback.card } else { return nil }
        }
        #expect(cards == [CardReference("tok_1"), CardReference("tok_2")])
    }
}
