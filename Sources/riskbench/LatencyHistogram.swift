import Histogram

/// A latency histogram in nanoseconds: 1 ns to 10 s, three significant digits. The range is
/// fixed up front so recording never allocates.
typealias LatencyHistogram = Histogram<UInt64>

extension Histogram where Count == UInt64 {
    /// An empty latency histogram.
    static func latency() -> Histogram<UInt64> {
        Histogram<UInt64>(lowestDiscernibleValue: 1, highestTrackableValue: 10_000_000_000, numberOfSignificantValueDigits: .three)
    }
}

/// The percentiles a report shows, in nanoseconds.
struct LatencySummary: Sendable {
    var count: UInt64
    var p50: UInt64
    var p90: UInt64
    var p99: UInt64
    var p999: UInt64
    var max: UInt64

    init(_ histogram: LatencyHistogram) {
        count = histogram.totalCount
        p50 = histogram.valueAtPercentile(50)
        p90 = histogram.valueAtPercentile(90)
        p99 = histogram.valueAtPercentile(99)
        p999 = histogram.valueAtPercentile(99.9)
        max = histogram.max
    }
}

/// What one clock reading costs: the histogram of the difference between two back-to-back
/// `CLOCK_MONOTONIC` readings. A measured latency includes about one such difference; the
/// report states it and subtracts nothing.
enum TimerOverhead {
    static func measure(samples: Int = 200_000) -> LatencySummary {
        var histogram = LatencyHistogram.latency()
        for _ in 0..<samples {
            let start = BenchClock.wallNanoseconds()
            let end = BenchClock.wallNanoseconds()
            histogram.record(end - start)
        }
        return LatencySummary(histogram)
    }
}
