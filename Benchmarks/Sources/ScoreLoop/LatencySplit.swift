#if canImport(Glibc)
import Glibc
#endif
import RiskCore

/// `ScoreLoop ... latency`: times every `score` call and prints percentiles for all calls and
/// apart for a card's first transaction (its record is created), for allow decisions and for
/// review/decline decisions (which add the model's explanation and reasons).
enum LatencySplit {
    static func measure(_ engine: RiskEngine, _ transactions: [Transaction]) {
        var firstSeen = Set<UInt64>()
        var first: [UInt64] = [], allow: [UInt64] = [], flagged: [UInt64] = []
        allow.reserveCapacity(transactions.count)
        for tx in transactions {
            let start = now()
            let decision = engine.score(tx)
            let elapsed = now() - start
            if firstSeen.insert(tx.card.hash).inserted {
                first.append(elapsed)
            } else if decision.action == .allow {
                allow.append(elapsed)
            } else {
                flagged.append(elapsed)
            }
        }
        report("all", first + allow + flagged)
        report("first transaction of a card", first)
        report("allow, known card", allow)
        report("review or decline, known card", flagged)
    }

    private static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    private static func report(_ name: String, _ samples: [UInt64]) {
        let sorted = samples.sorted()
        func at(_ fraction: Double) -> UInt64 { sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * fraction))] }
        print("\(name): \(sorted.count) calls, p50 \(at(0.5)) ns, p90 \(at(0.9)) ns, p99 \(at(0.99)) ns, p99.9 \(at(0.999)) ns")
    }
}
