import Benchmark
import BenchmarkSupport
import Foundation
import RiskCore

/// Transactions for the scoring benchmarks: 100,000 cards at 2,000 terminals, one attempt every
/// 50 ms of event time, with the issuer's answer recorded for every tenth.
struct Traffic {
    let transactions: [Transaction]

    init(count: Int = 1_000_000, cards: Int = 100_000, terminals: Int = 2_000) {
        var generator = SplitMix(seed: 42)
        let start: Int64 = 1_772_445_600_000
        let cardRefs = (0..<cards).map { CardReference("tok_bench_\($0)") }
        let terminalHashes = (0..<terminals).map { Transaction.entityHash("T\($0)") }
        transactions = (0..<count).map { index in
            let card = Int(generator.next() % UInt64(cards))
            let terminal = Int(generator.next() % UInt64(terminals))
            return Transaction(
                id: UInt64(index), time: start + Int64(index) * 50, card: cardRefs[card],
                amount: Int64(100 + generator.next() % 20_000), currency: .eur,
                merchant: terminalHashes[terminal / 4], terminal: terminalHashes[terminal], mcc: 5411,
                entryMode: .chip, pinPresent: true, expiry: 2912)
        }
    }
}

struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A value a benchmark keeps between iterations, with the position it has reached.
final class Cursor<Value> {
    var value: Value
    var index = 0
    init(_ value: Value) { self.value = value }
}

func defaultPolicy() -> Policy {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Models/default-policy.yaml").path
    return try! Policy.load(contentsOf: path)
}

let benchmarks: @Sendable () -> Void = {
    let traffic = Traffic()
    let policy = defaultPolicy()
    let metrics = StandardMetrics.singleThread

    // Engines and cursors live across iterations: building and warming them inside the closure
    // would repeat that work (untimed, but against maxDuration) on every iteration.
    let scoring = Cursor(RiskEngine(policy: policy))
    Benchmark("RiskEngine.score", configuration: .init(metrics: metrics, scalingFactor: .kilo)) { benchmark in
        let engine = scoring.value
        var index = scoring.index
        benchmark.startMeasurement()
        let cpuStart = ThreadCPUTime.now()
        for _ in benchmark.scaledIterations {
            blackHole(engine.score(traffic.transactions[index]))
            index = (index + 1) % traffic.transactions.count
        }
        benchmark.stopMeasurement()
        ThreadCPUTime.record(since: cpuStart, on: benchmark)
        scoring.index = index
    }

    let recording = Cursor(RiskEngine(policy: policy))
    for tx in traffic.transactions.prefix(100_000) { _ = recording.value.score(tx) }
    Benchmark("RiskEngine.record(outcome:)", configuration: .init(metrics: metrics, scalingFactor: .kilo)) { benchmark in
        let engine = recording.value
        let declined = ResponseCode("05")!
        var index = recording.index
        benchmark.startMeasurement()
        let cpuStart = ThreadCPUTime.now()
        for _ in benchmark.scaledIterations {
            engine.record(outcome: Outcome(transaction: traffic.transactions[index], responseCode: index % 10 == 0 ? declined : .approved))
            index = (index + 1) % 100_000
        }
        benchmark.stopMeasurement()
        ThreadCPUTime.record(since: cpuStart, on: benchmark)
        recording.index = index
    }

    var scoredVectors: [FeatureVector] = []
    let vectorEngine = RiskEngine(policy: policy)
    for tx in traffic.transactions.prefix(10_000) {
        var features = FeatureVector()
        _ = vectorEngine.score(tx, features: &features)
        scoredVectors.append(features)
    }
    let decided = Cursor(scoredVectors)
    Benchmark("Policy.decide (default policy)", configuration: .init(metrics: metrics, scalingFactor: .kilo)) { benchmark in
        // Moved out of the cursor so the array stays uniquely referenced (no copy on write).
        var vectors = decided.value
        decided.value = []
        var index = decided.index
        benchmark.startMeasurement()
        let cpuStart = ThreadCPUTime.now()
        for _ in benchmark.scaledIterations {
            blackHole(policy.decide(&vectors[index], transactionID: UInt64(index)))
            index = (index + 1) % vectors.count
        }
        benchmark.stopMeasurement()
        ThreadCPUTime.record(since: cpuStart, on: benchmark)
        decided.value = vectors
        decided.index = index
    }
}
