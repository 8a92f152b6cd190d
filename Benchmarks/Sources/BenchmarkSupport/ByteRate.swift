import Benchmark

/// The `MB/s` custom metric: decimal megabytes (10^6 bytes) processed per second of wall time,
/// recorded once per benchmark iteration.
public enum ByteRate {
    /// The metric as the benchmark reports it: larger is better, never scaled.
    public static let metric = BenchmarkMetric.custom("MB/s", polarity: .prefersLarger, useScalingFactor: false)

    /// Records `bytes` processed in `nanoseconds` on `benchmark`.
    public static func record(bytes: Int, nanoseconds: UInt64, on benchmark: Benchmark) {
        guard nanoseconds > 0 else { return }
        benchmark.measurement(metric, Int((Double(bytes) * 1_000 / Double(nanoseconds)).rounded()))
    }
}
