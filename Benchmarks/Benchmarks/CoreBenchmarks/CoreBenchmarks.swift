import Benchmark
import BenchmarkSupport
import RiskCore

/// A value a benchmark keeps between iterations, with the position it has reached.
final class Cursor<Value> {
    var value: Value
    var index = 0
    init(_ value: Value) { self.value = value }
}

let benchmarks: @Sendable () -> Void = {
    // Generated traffic held in memory: 1,000,000 transactions on 100,000 cards.
    let transactions = SimulatedTraffic.transactions(1_000_000, cards: 100_000)
    let policy = try! Policy.load(contentsOf: RepositoryPaths.file("Models/default-policy.yaml"))
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
            blackHole(engine.score(transactions[index]))
            index = (index + 1) % transactions.count
        }
        benchmark.stopMeasurement()
        ThreadCPUTime.record(since: cpuStart, on: benchmark)
        scoring.index = index
    }

    // The batch API on the same traffic, 256 transactions a call; the metric counts decisions.
    let batchScoring = Cursor(RiskEngine(policy: policy))
    let batchSize = 256
    let decisions = UnsafeMutablePointer<Decision>.allocate(capacity: batchSize)
    Benchmark("RiskEngine.score(batch) per decision", configuration: .init(metrics: metrics, scalingFactor: .kilo)) { benchmark in
        let engine = batchScoring.value
        var index = batchScoring.index
        benchmark.startMeasurement()
        let cpuStart = ThreadCPUTime.now()
        transactions.withUnsafeBufferPointer { all in
            var remaining = benchmark.scaledIterations.count
            while remaining > 0 {
                let count = min(batchSize, remaining, all.count - index)
                engine.score(UnsafeBufferPointer(rebasing: all[index..<(index + count)]), into: decisions)
                blackHole(decisions[count - 1].action)
                decisions.deinitialize(count: count)
                index = (index + count) % all.count
                remaining -= count
            }
        }
        benchmark.stopMeasurement()
        ThreadCPUTime.record(since: cpuStart, on: benchmark)
        batchScoring.index = index
    }

    let recording = Cursor(RiskEngine(policy: policy))
    for tx in transactions.prefix(100_000) { _ = recording.value.score(tx) }
    Benchmark("RiskEngine.record(outcome:)", configuration: .init(metrics: metrics, scalingFactor: .kilo)) { benchmark in
        let engine = recording.value
        let declined = ResponseCode("05")!
        var index = recording.index
        benchmark.startMeasurement()
        let cpuStart = ThreadCPUTime.now()
        for _ in benchmark.scaledIterations {
            engine.record(outcome: Outcome(transaction: transactions[index], responseCode: index % 10 == 0 ? declined : .approved))
            index = (index + 1) % 100_000
        }
        benchmark.stopMeasurement()
        ThreadCPUTime.record(since: cpuStart, on: benchmark)
        recording.index = index
    }

    var scoredVectors: [FeatureVector] = []
    let vectorEngine = RiskEngine(policy: policy)
    for tx in transactions.prefix(10_000) {
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
