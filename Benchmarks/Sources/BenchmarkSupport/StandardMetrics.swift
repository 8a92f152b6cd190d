import Benchmark

/// The metrics every RiskScore micro-benchmark reports. `instructions` is left out of the
/// report where the kernel does not expose hardware counters (as on many VMs).
public enum StandardMetrics {
    /// Wall clock, throughput, instructions and total malloc count.
    public static let all: [BenchmarkMetric] = [.wallClock, .throughput, .instructions, .mallocCountTotal]

    /// ``all`` plus the ``ThreadCPUTime`` metric, for benchmarks that run on one thread.
    public static let singleThread: [BenchmarkMetric] = all + [ThreadCPUTime.metric]

    /// ``singleThread`` plus the ``ByteRate`` metric.
    public static let withByteRate: [BenchmarkMetric] = singleThread + [ByteRate.metric]
}
