import Benchmark
import BenchmarkSupport
import RiskIO

/// zstd over generated NDJSON held in memory (about 6 MB, 20,000 records): decoding a
/// compressed buffer with `ZstdDecoder` and encoding the plain buffer with `ZstdEncoder` at
/// levels 1 and 3 (the default). One buffer per iteration; `MB/s` counts uncompressed bytes.
let benchmarks: @Sendable () -> Void = {
    let configuration = Benchmark.Configuration(
        metrics: StandardMetrics.withByteRate, scalingFactor: .one, maxDuration: .seconds(2), maxIterations: 200)
    let plain = SimulatedTraffic.ndjson(20_000).bytes
    let compressed = plain.withUnsafeBytes { try! ZstdEncoder(level: ZstdEncoder.defaultLevel).compressFrame($0) }
    let decoder = try! ZstdDecoder()

    Benchmark("zstd decode (level \(ZstdEncoder.defaultLevel) input)", configuration: configuration) { benchmark in
        benchmark.startMeasurement()
        let cpuStart = ThreadCPUTime.now()
        var produced = 0
        let start = MonotonicClock.nanoseconds()
        compressed.withUnsafeBytes { input in
            try! decoder.decode(input) { produced += $0.count }
            try! decoder.finish()
        }
        let elapsed = MonotonicClock.nanoseconds() - start
        benchmark.stopMeasurement()
        ThreadCPUTime.record(since: cpuStart, on: benchmark)
        decoder.reset()
        if produced != plain.count { fatalError("decoded \(produced) bytes, expected \(plain.count)") }
        ByteRate.record(bytes: produced, nanoseconds: elapsed, on: benchmark)
    }

    for level: Int32 in [1, ZstdEncoder.defaultLevel] {
        let encoder = try! ZstdEncoder(level: level)
        Benchmark("zstd encode (level \(level))", configuration: configuration) { benchmark in
            benchmark.startMeasurement()
            let cpuStart = ThreadCPUTime.now()
            var written = 0
            let start = MonotonicClock.nanoseconds()
            plain.withUnsafeBytes { input in
                try! encoder.compress(input) { written += $0.count }
                try! encoder.finish { written += $0.count }
            }
            let elapsed = MonotonicClock.nanoseconds() - start
            benchmark.stopMeasurement()
            ThreadCPUTime.record(since: cpuStart, on: benchmark)
            if written == 0 || written >= plain.count { fatalError("encoder wrote \(written) bytes for \(plain.count)") }
            ByteRate.record(bytes: plain.count, nanoseconds: elapsed, on: benchmark)
        }
    }
}
