import LockFreeRing

extension Backoff {
    /// Waiting for another pipeline stage: 32 spins, 32 yields, then sleeps from 5 µs up to
    /// 500 µs (a stage that waits has nothing to do: few wake-ups matter more than a prompt one,
    /// and the batch pool keeps the other stages busy meanwhile).
    static func pipelineStage() -> Backoff {
        Backoff(spins: 32, yields: 32, firstSleepNanoseconds: 5_000, maximumSleepNanoseconds: 500_000)
    }
}
