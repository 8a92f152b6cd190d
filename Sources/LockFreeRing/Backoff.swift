#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Waiting strategy for a side of a ring that cannot make progress: spin briefly, then yield
/// the CPU with `sched_yield`, then sleep with `nanosleep` for an exponentially growing,
/// capped interval. Never takes a lock.
@usableFromInline
struct Backoff {
    @usableFromInline static let spinLimit = 64
    @usableFromInline static let yieldLimit = 128
    @usableFromInline static let minimumSleepNanoseconds = 1_000
    @usableFromInline static let maximumSleepNanoseconds = 100_000

    @usableFromInline var attempts = 0
    @usableFromInline var sleepNanoseconds = Backoff.minimumSleepNanoseconds

    @inlinable
    init() {}

    /// Waits a little longer than the previous call did.
    @inlinable
    mutating func wait() {
        attempts += 1
        if attempts <= Self.spinLimit {
            return
        }
        if attempts <= Self.yieldLimit {
            sched_yield()
            return
        }
        var request = timespec(tv_sec: 0, tv_nsec: sleepNanoseconds)
        nanosleep(&request, nil)
        sleepNanoseconds = min(sleepNanoseconds * 2, Self.maximumSleepNanoseconds)
    }
}
