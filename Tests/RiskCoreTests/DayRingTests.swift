import Testing
@testable import RiskCore
import RiskSim

/// The day ring's cached 29-day totals, moved forward day by day, against a brute-force count.
@Suite("Day ring totals")
struct DayRingTests {
    @Test("totals at the newest day match a recount after random new days, gaps and late updates", arguments: [1, 2, 3, 4])
    func matchesRecount(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let start: Int32 = 20_000
        var ring = DayRing<CardDay>(day: start)
        var newest = start
        var kept: [Int32: CardDay] = [:]
        for step in 0..<3_000 {
            let roll = random.next() % 100
            let day: Int32
            if roll < 60 {
                day = newest
            } else if roll < 85 {
                day = newest + Int32(1 + random.next() % 3)
            } else if roll < 93 {
                day = newest + Int32(random.next() % 40)
            } else {
                day = newest - Int32(random.next() % 34)
            }
            let kind = random.next() % 3
            let applies = day > newest - DayRing<CardDay>.length
            if day > newest {
                newest = day
                kept = kept.filter { $0.key > newest - DayRing<CardDay>.length }
            }
            ring.update(day: day) { bucket in
                switch kind {
                case 0: bucket.attempts.incrementSaturating()
                case 1: bucket.declines.incrementSaturating()
                default: bucket.fraudReports.incrementSaturating()
                }
            }
            if applies {
                var bucket = kept[day] ?? .empty
                switch kind {
                case 0: bucket.attempts.incrementSaturating()
                case 1: bucket.declines.incrementSaturating()
                default: bucket.fraudReports.incrementSaturating()
                }
                kept[day] = bucket
            }
            // Query at the newest day most of the time (the cached path), sometimes not at all,
            // so that several new days can pass between queries.
            guard random.next() % 4 != 0 else { continue }
            var attempts7d = 0, declines7d = 0, attempts30d = 0, fraud30d = 0
            for (held, bucket) in kept where held > newest - 30 {
                attempts30d += Int(bucket.attempts)
                fraud30d += Int(bucket.fraudReports)
                if held > newest - 7 {
                    attempts7d += Int(bucket.attempts)
                    declines7d += Int(bucket.declines)
                }
            }
            let summary = ring.summary(endingAt: newest)
            #expect(Int(summary.attempts7d) == attempts7d, "step \(step)")
            #expect(Int(summary.declines7d) == declines7d, "step \(step)")
            #expect(Int(summary.attempts30d) == attempts30d, "step \(step)")
            #expect(Int(summary.fraudReports30d) == fraud30d, "step \(step)")
        }
    }
}
