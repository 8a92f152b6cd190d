import Benchmark

/// The metrics every RiskScore micro-benchmark reports. `instructions` is left out of the
/// report where the kernel does not expose hardware counters (as on many VMs). `cpuTotal`
/// (process CPU time, user + system) sits next to the wall clock because the machines these
/// run on are shared: for the single-threaded benchmarks it moves far less with load.
public enum StandardMetrics {
    /// Wall clock, CPU time, throughput, instructions and total malloc count.
    public static let all: [BenchmarkMetric] = [.wallClock, .cpuTotal, .throughput, .instructions, .mallocCountTotal]

    /// ``all`` plus the ``ByteRate`` metric.
    public static let withByteRate: [BenchmarkMetric] = all + [ByteRate.metric]
}
