import Benchmark

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `Thread CPU (ns)` custom metric: CPU time of the benchmarking thread
/// (`CLOCK_THREAD_CPUTIME_ID`, nanosecond resolution) per iteration, shown per scaled
/// iteration like the wall clock. On a shared, loaded machine it moves far less than the wall
/// clock, and unlike the framework's `cpuTotal` (getrusage, 10 ms ticks here) it resolves
/// sub-millisecond iterations. Meaningful for single-threaded benchmarks only.
public enum ThreadCPUTime {
    /// The metric as the benchmark reports it: smaller is better, scaled per operation.
    public static let metric = BenchmarkMetric.custom("Thread CPU (ns)", polarity: .prefersSmaller, useScalingFactor: true)

    /// The calling thread's CPU time in nanoseconds.
    @inline(__always)
    public static func now() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
        return UInt64(now.tv_sec) &* 1_000_000_000 &+ UInt64(now.tv_nsec)
    }

    /// Records the CPU time the calling thread used since `start` (a reading of ``now()``).
    public static func record(since start: UInt64, on benchmark: Benchmark) {
        benchmark.measurement(metric, Int(now() &- start))
    }
}
