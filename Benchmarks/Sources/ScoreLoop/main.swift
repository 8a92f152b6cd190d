#if canImport(Glibc)
import Glibc
#endif
import RiskCore
import RiskSim

// `ScoreLoop POLICY [TRANSACTIONS] [MODE]`: generates riskbench's traffic (seed 2, 200,000
// cards) and scores it once on a fresh engine, MODE `score` (one call a transaction), `batch`
// (RiskEngine.score(_:into:), 256 a call) or `replay` (RiskEngine.process on every record:
// score, then the issuer's outcome, feedback and status), or `latency` (each `score` call timed
// with CLOCK_MONOTONIC; percentiles for all calls and apart for a card's first transaction, for
// allow and for review/decline decisions). `SCORELOOP_CARDS=N` changes the card population (e.g.
// 2000: every record stays in cache, which separates the instructions' cost from the misses'). Made for instruction counts: only `scoreAll` does
// engine work, so
//   valgrind --tool=callgrind --toggle-collect='*ScoreLoop*scoreAll*' ScoreLoop POLICY 1000000
// counts the scoring alone (copy the binary and `strip -g` it first: valgrind cannot read
// Swift's debug information). Prints CPU nanoseconds per transaction as well.

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    print("usage: ScoreLoop POLICY [TRANSACTIONS] [score|batch|replay|latency]")
    exit(2)
}
let policy = try Policy.load(contentsOf: arguments[1])
let count = arguments.count > 2 ? Int(arguments[2]) ?? 2_000_000 : 2_000_000
let mode = arguments.count > 3 ? arguments[3] : "score"
let cards = getenv("SCORELOOP_CARDS").flatMap { Int(String(cString: $0)) } ?? 200_000
let generatorConfiguration = GeneratorConfiguration(
    transactions: count, cards: cards, terminals: max(6_000, cards / 30), merchants: max(2_000, cards / 100), seed: 2)
let records = TrafficGenerator(configuration: generatorConfiguration).map(\.record)
let transactions: [Transaction] = records.compactMap {
    if case .transaction(let logged) = $0 { return logged.transaction }
    return nil
}

/// Scores every transaction and returns the number of declines (keeps the decisions observable).
@inline(never)
func scoreAll(_ engine: RiskEngine, _ transactions: [Transaction], _ records: [StreamRecord], mode: String) -> Int {
    var declines = 0
    if mode == "replay" {
        for record in records where engine.process(record)?.action == .decline { declines += 1 }
    } else if mode == "batch" {
        let decisions = UnsafeMutablePointer<Decision>.allocate(capacity: 256)
        defer { decisions.deallocate() }
        transactions.withUnsafeBufferPointer { all in
            var start = 0
            while start < all.count {
                let end = min(start + 256, all.count)
                engine.score(UnsafeBufferPointer(rebasing: all[start..<end]), into: decisions)
                for index in 0..<(end - start) where decisions[index].action == .decline { declines += 1 }
                decisions.deinitialize(count: end - start)
                start = end
            }
        }
    } else {
        for tx in transactions where engine.score(tx).action == .decline { declines += 1 }
    }
    return declines
}

let engineConfiguration = EngineConfiguration(maximumCards: max(1 << 20, cards * 2))
if mode == "latency" {
    LatencySplit.measure(RiskEngine(policy: policy, configuration: engineConfiguration), transactions)
    exit(0)
}
let engine = RiskEngine(policy: policy, configuration: engineConfiguration)
let start = ThreadCPUClock.nanoseconds()
let declines = scoreAll(engine, transactions, records, mode: mode)
let elapsed = ThreadCPUClock.nanoseconds() - start
print("\(mode): \(transactions.count) transactions, \(declines) declines, \(elapsed / UInt64(max(transactions.count, 1))) ns CPU per transaction")
