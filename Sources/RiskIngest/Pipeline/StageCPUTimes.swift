#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// CPU seconds spent by each pipeline stage (thread CPU time, summed over a stage's threads):
/// on a shared machine this says where the work goes better than wall time.
public struct StageCPUTimes: Sendable, Hashable {
    /// The reader: decompression, line cutting, batching.
    public var reader: Double = 0
    /// The parsers, together.
    public var parsers: Double = 0
    /// The keyed workers (features, policy), together.
    public var keyed: Double = 0
    /// The ordered writer: encoding decisions, summary, output (and its compression).
    public var writer: Double = 0

    /// No time yet.
    public init() {}

    /// All stages together.
    public var total: Double { reader + parsers + keyed + writer }

    /// CPU nanoseconds of the calling thread so far.
    static func threadNanoseconds() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }
}
