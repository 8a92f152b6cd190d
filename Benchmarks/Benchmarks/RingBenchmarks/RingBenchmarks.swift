import Benchmark
import BenchmarkSupport
import LockFreeRing

/// Operations per second through an SPSC ring between two threads: each iteration moves one
/// million integers from this thread to a consumer thread (throughput is in elements/s; the
/// figure includes starting and joining the consumer, about 0.01% of an iteration).
let benchmarks: @Sendable () -> Void = {
    let configuration = Benchmark.Configuration(
        metrics: StandardMetrics.all, scalingFactor: .mega, maxDuration: .seconds(2), maxIterations: 20)

    for capacity in [1_024, 65_536] {
        Benchmark("SPSCRing push/pop (capacity \(capacity))", configuration: configuration) { benchmark in
            let ring = SPSCRing<Int>(capacity: capacity)
            benchmark.startMeasurement()
            let checksum = RingTransfer.single(ring, count: RingTransfer.elementsPerIteration)
            benchmark.stopMeasurement()
            if checksum != RingTransfer.expectedChecksum(RingTransfer.elementsPerIteration) { fatalError("ring lost or duplicated elements") }
        }

        Benchmark("SPSCRing batch \(RingTransfer.batchSize) (capacity \(capacity))", configuration: configuration) { benchmark in
            let ring = SPSCRing<Int>(capacity: capacity)
            benchmark.startMeasurement()
            let checksum = RingTransfer.batch(ring, count: RingTransfer.elementsPerIteration)
            benchmark.stopMeasurement()
            if checksum != RingTransfer.expectedChecksum(RingTransfer.elementsPerIteration) { fatalError("ring lost or duplicated elements") }
        }
    }
}
