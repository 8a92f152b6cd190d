import Benchmark
import BenchmarkSupport
import RiskCore

/// The cost of one window update through the single-writer partition API, on partitions that
/// already hold every card, terminal and merchant of the traffic (one warm-up pass before the
/// first iteration), and the cost of the pure `tx.*` features. Throughput is in updates/s.
/// Each update hands the feature vector's address to `blackHole`, so no store is optimised away.
let benchmarks: @Sendable () -> Void = {
    let configuration = Benchmark.Configuration(
        metrics: StandardMetrics.singleThread, scalingFactor: .kilo, maxDuration: .seconds(1), maxIterations: 2_000)
    let traffic = WarmTraffic()

    let cards = WarmState(traffic: traffic, state: CardPartition(maximumCards: 1 << 16))
    Benchmark("CardPartition.observe (warm)", configuration: configuration) { benchmark in
        cards.warmUp { partition, tx, features in partition.observe(tx, into: &features) }
        var stream = cards.stream, features = cards.features
        let partition = cards.state
        benchmark.startMeasurement()
        let cpuStart = ThreadCPUTime.now()
        for _ in benchmark.scaledIterations {
            partition.observe(stream.next(), into: &features)
            features.withUnsafeMutableValues { blackHole($0) }
        }
        benchmark.stopMeasurement()
        ThreadCPUTime.record(since: cpuStart, on: benchmark)
        cards.stream = stream
        cards.features = features
    }

    for kind in [AcceptorKind.terminal, .merchant] {
        let acceptors = WarmState(traffic: traffic, state: AcceptorPartition(maximumAcceptors: 1 << 13))
        Benchmark("AcceptorPartition.observe (\(kind), warm)", configuration: configuration) { benchmark in
            acceptors.warmUp { partition, tx, features in partition.observe(tx, as: kind, into: &features) }
            var stream = acceptors.stream, features = acceptors.features
            let partition = acceptors.state
            benchmark.startMeasurement()
            let cpuStart = ThreadCPUTime.now()
            for _ in benchmark.scaledIterations {
                partition.observe(stream.next(), as: kind, into: &features)
                features.withUnsafeMutableValues { blackHole($0) }
            }
            benchmark.stopMeasurement()
            ThreadCPUTime.record(since: cpuStart, on: benchmark)
            acceptors.stream = stream
            acceptors.features = features
        }
    }

    let requests = WarmState(traffic: traffic, state: ())
    Benchmark("TransactionFeatures.write", configuration: configuration) { benchmark in
        var stream = requests.stream, features = requests.features
        benchmark.startMeasurement()
        let cpuStart = ThreadCPUTime.now()
        for _ in benchmark.scaledIterations {
            TransactionFeatures.write(stream.next(), into: &features)
            features.withUnsafeMutableValues { blackHole($0) }
        }
        benchmark.stopMeasurement()
        ThreadCPUTime.record(since: cpuStart, on: benchmark)
        requests.stream = stream
    }
}
