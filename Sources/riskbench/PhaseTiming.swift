/// Work done by one measured phase and the time it took.
struct PhaseTiming: Sendable {
    /// Records (or transactions) processed.
    var count: Int
    /// Wall-clock seconds.
    var wallSeconds: Double
    /// CPU seconds of the measuring thread(s), summed.
    var cpuSeconds: Double

    /// Records per wall-clock second.
    var perWallSecond: Double { wallSeconds > 0 ? Double(count) / wallSeconds : 0 }
    /// Records per CPU second (what one unloaded core would do).
    var perCPUSecond: Double { cpuSeconds > 0 ? Double(count) / cpuSeconds : 0 }
}
