#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Waiting strategy for a thread that cannot make progress: spin briefly, then yield the CPU
/// with `sched_yield`, then sleep with `nanosleep` for an exponentially growing, capped
/// interval. Never takes a lock.
public struct Backoff: Sendable {
    @usableFromInline let spinLimit: Int
    @usableFromInline let yieldLimit: Int
    @usableFromInline let maximumSleepNanoseconds: Int
    @usableFromInline var attempts = 0
    @usableFromInline var sleepNanoseconds: Int

    /// The rings' own waiting: 64 spins, 64 yields, then sleeps from 1 µs up to 100 µs.
    @inlinable
    public init() {
        self.init(spins: 64, yields: 64, firstSleepNanoseconds: 1_000, maximumSleepNanoseconds: 100_000)
    }

    /// A custom schedule: `spins` calls return at once, the next `yields` yield the CPU, and the
    /// rest sleep, starting at `firstSleepNanoseconds` and doubling up to the maximum.
    @inlinable
    public init(spins: Int, yields: Int, firstSleepNanoseconds: Int, maximumSleepNanoseconds: Int) {
        spinLimit = spins
        yieldLimit = spins + yields
        sleepNanoseconds = firstSleepNanoseconds
        self.maximumSleepNanoseconds = maximumSleepNanoseconds
    }

    /// Waits a little longer than the previous call did.
    @inlinable
    public mutating func wait() {
        attempts += 1
        if attempts <= spinLimit {
            return
        }
        if attempts <= yieldLimit {
            sched_yield()
            return
        }
        var request = timespec(tv_sec: 0, tv_nsec: sleepNanoseconds)
        nanosleep(&request, nil)
        sleepNanoseconds = min(sleepNanoseconds * 2, maximumSleepNanoseconds)
    }
}
