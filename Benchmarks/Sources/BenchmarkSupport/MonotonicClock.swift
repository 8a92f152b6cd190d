#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Nanosecond readings of `CLOCK_MONOTONIC`, for the byte-rate metrics the benchmarks compute
/// next to the framework's own wall clock.
public enum MonotonicClock {
    /// The current reading in nanoseconds.
    @inline(__always)
    public static func nanoseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) &* 1_000_000_000 &+ UInt64(now.tv_nsec)
    }
}
