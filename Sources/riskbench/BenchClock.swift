#if canImport(Glibc)
import Glibc
#endif

/// Clock readings for measurements: the monotonic wall clock and the calling thread's CPU time.
///
/// Both read `clock_gettime` (a vDSO call on Linux, about 20–30 ns); ``TimerOverhead``
/// measures what one reading costs so reports can state it next to latencies.
enum BenchClock {
    /// Nanoseconds on `CLOCK_MONOTONIC`.
    @inline(__always)
    static func wallNanoseconds() -> UInt64 {
        read(CLOCK_MONOTONIC)
    }

    /// CPU nanoseconds consumed by the calling thread (`CLOCK_THREAD_CPUTIME_ID`).
    @inline(__always)
    static func threadCPUNanoseconds() -> UInt64 {
        read(CLOCK_THREAD_CPUTIME_ID)
    }

    /// CPU nanoseconds consumed by the whole process, all threads (`CLOCK_PROCESS_CPUTIME_ID`).
    static func processCPUNanoseconds() -> UInt64 {
        read(CLOCK_PROCESS_CPUTIME_ID)
    }

    @inline(__always)
    private static func read(_ clock: clockid_t) -> UInt64 {
        var now = timespec()
        clock_gettime(clock, &now)
        return UInt64(now.tv_sec) &* 1_000_000_000 &+ UInt64(now.tv_nsec)
    }
}

/// Wall and thread-CPU time elapsed since the stopwatch was started.
struct Stopwatch {
    private let wallStart = BenchClock.wallNanoseconds()
    private let cpuStart = BenchClock.threadCPUNanoseconds()

    /// Elapsed wall-clock seconds.
    var wallSeconds: Double { Double(BenchClock.wallNanoseconds() - wallStart) / 1e9 }
    /// Elapsed CPU seconds of the thread that started the stopwatch (read it on that thread).
    var cpuSeconds: Double { Double(BenchClock.threadCPUNanoseconds() - cpuStart) / 1e9 }
}

/// When a measured phase must stop: after all its work, or once `--duration` seconds have passed.
struct PhaseDeadline: Sendable {
    private let end: UInt64

    /// A deadline `seconds` from now; nil means none.
    init(seconds: Double?) {
        if let seconds {
            end = BenchClock.wallNanoseconds() &+ UInt64(seconds * 1e9)
        } else {
            end = .max
        }
    }

    /// Whether the deadline has passed (call it every few thousand records, not per record).
    var hasPassed: Bool { BenchClock.wallNanoseconds() >= end }
}
