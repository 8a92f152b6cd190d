import Testing
@testable import RiskCore
import RiskSim

/// Terminal windows against a brute-force reference: the running totals, lazily stamped buckets
/// and the cached card union must give exactly what counting every event would.
@Suite("Terminal windows against a reference count")
struct AcceptorWindowReferenceTests {
    struct Event {
        var minute: Int64
        var small: Bool
        var declined: Bool
        var invalid: Bool
    }

    @Test("random gaps from seconds to hours, random outcomes", arguments: [1, 2, 3])
    func matchesReference(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let engine = RiskEngine(policy: try! Policy.parse(yaml: "rules: []"))
        var events: [Event] = []
        var time = Fixture.start
        for step in 0..<1_500 {
            // Mostly bursts, sometimes pauses of 5–40 minutes, sometimes of hours.
            let roll = random.next() % 100
            time += roll < 80 ? Int64(random.next() % 20_000) : (roll < 95 ? Int64(300_000 + random.next() % 2_100_000) : Int64(3_600_000 + random.next() % 9_000_000))
            let amount: Int64 = random.next() % 4 == 0 ? 150 : 4_000
            let code = ["00", "00", "00", "05", "14", "91"][Int(random.next() % 6)]
            let tx = Fixture.tx(card: "tok_ref_\(random.next() % 40)", at: time, amount: amount, terminal: "T_REF")
            var features = FeatureVector()
            engine.score(tx, features: &features)
            let minute = EventTime.minuteIndex(time)
            let response = ResponseCode(code)!
            let declined = response.category != .approved && response.category != .system
            events.append(Event(minute: minute, small: amount <= 200, declined: false, invalid: false))
            func count(_ window: Int64, _ include: (Event) -> Bool) -> Double {
                Double(events.filter { $0.minute > minute - window && $0.minute <= minute && include($0) }.count)
            }
            #expect(features[.terminalAttempts1m] == count(1) { _ in true }, "step \(step)")
            #expect(features[.terminalAttempts10m] == count(10) { _ in true }, "step \(step)")
            #expect(features[.terminalAttempts1h] == count(60) { _ in true }, "step \(step)")
            #expect(features[.terminalSmallAttempts10m] == count(10) { $0.small }, "step \(step)")
            #expect(features[.terminalDeclines10m] == count(10) { $0.declined }, "step \(step)")
            #expect(features[.terminalDeclines1h] == count(60) { $0.declined }, "step \(step)")
            #expect(features[.terminalInvalidCardDeclines10m] == count(10) { $0.invalid }, "step \(step)")
            engine.record(outcome: Outcome(transaction: tx, responseCode: response))
            events[events.count - 1].declined = declined
            events[events.count - 1].invalid = declined && response.isInvalidCardData
        }
    }
}
