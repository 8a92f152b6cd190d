import Benchmark

/// The metrics every RiskScore micro-benchmark reports. `instructions` shows n/a where the
/// kernel does not expose hardware counters (as on many VMs).
public enum StandardMetrics {
    /// Wall clock, throughput, instructions and total malloc count.
    public static let all: [BenchmarkMetric] = [.wallClock, .throughput, .instructions, .mallocCountTotal]

    /// ``all`` plus the ``ByteRate`` metric.
    public static let withByteRate: [BenchmarkMetric] = all + [ByteRate.metric]
}
