#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Waiting for another stage without a lock: spin briefly, then yield, then sleep with a
/// growing interval capped at 500 µs (a stage that waits has nothing to do: few wake-ups matter
/// more than a prompt one, and the batch pool keeps the other stages busy meanwhile).
struct SpinWait {
    private var attempts = 0
    private var sleepNanoseconds = 5_000

    /// Waits a little longer than the previous call did.
    mutating func wait() {
        attempts += 1
        if attempts <= 32 { return }
        if attempts <= 64 {
            sched_yield()
            return
        }
        var request = timespec(tv_sec: 0, tv_nsec: sleepNanoseconds)
        nanosleep(&request, nil)
        sleepNanoseconds = min(sleepNanoseconds * 2, 500_000)
    }
}
