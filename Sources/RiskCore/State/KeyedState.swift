/// A fixed-size per-key state record that ``KeyedTable`` stores in its slab.
protocol KeyedState {
    /// The 64-bit key hash the record belongs to.
    var key: UInt64 { get }
    /// The newest event time that touched the record: eviction prefers the oldest.
    var lastSeen: Int64 { get }
    /// A fresh record for a key first seen at `time`.
    init(key: UInt64, time: Int64)
    /// Reads the cache lines an event at `time` will use, changing nothing; returns a value
    /// derived from them so that the reads are not optimized away.
    func touchLines(at time: Int64) -> UInt64
}

/// A day bucket that can be summed over the 7- and 30-day windows.
protocol DayBucket {
    /// Totals over a window of days.
    associatedtype Summary
    static var empty: Self { get }
    static var emptySummary: Summary { get }
    /// Adds `bucket`, `age` days before the day asked about, to `summary`.
    static func accumulate(_ summary: inout Summary, _ bucket: Self, age: Int32)
}

/// Per-day counters kept in a ring of 32 days, indexed by UTC day number.
///
/// A day bucket is valid while its day lies within the 32 days ending at the newest day seen;
/// an event older than that is ignored by the daily windows (it still counts in the short ones).
/// The totals of the 29 days before the newest day are cached, so the common query (at the
/// newest day) reads one bucket; a change to an older day, or a new day, refreshes the cache on
/// the next query.
struct DayRing<Bucket: DayBucket> {
    static var length: Int32 { 32 }
    var newestDay: Int32
    private var cachedDay: Int32
    private var priorDays: Bucket.Summary
    var buckets: InlineArray<32, Bucket>

    init(day: Int32) {
        newestDay = day
        cachedDay = .min
        priorDays = Bucket.emptySummary
        buckets = InlineArray(repeating: .empty)
    }

    /// Updates the bucket of `day`, advancing (and clearing) the ring when `day` is newer than
    /// any seen; ignored when `day` is older than the ring covers.
    @inline(__always)
    mutating func update(day: Int32, _ update: (inout Bucket) -> Void) {
        if day > newestDay {
            let gap = min(Int(day - newestDay), 32)
            for step in 1...gap { buckets[Int((newestDay &+ Int32(step)) & 31)] = .empty }
            newestDay = day
        } else if day <= newestDay - Self.length {
            return
        } else if day < newestDay {
            cachedDay = .min
        }
        update(&buckets[Int(day & 31)])
    }

    /// Totals over the 30 days ending at `day` (inclusive), passing each bucket's age so the
    /// bucket type can also total shorter windows.
    @inline(__always)
    mutating func summary(endingAt day: Int32) -> Bucket.Summary {
        guard day == newestDay else { return scan(days: 30, endingAt: day, from: 0) }
        if cachedDay != day {
            priorDays = scan(days: 30, endingAt: day, from: 1)
            cachedDay = day
        }
        var summary = priorDays
        Bucket.accumulate(&summary, buckets[Int(day & 31)], age: 0)
        return summary
    }

    private func scan(days: Int32, endingAt day: Int32, from firstAge: Int32) -> Bucket.Summary {
        var summary = Bucket.emptySummary
        let last = min(day - firstAge, newestDay)
        let first = max(day - days + 1, newestDay - Self.length + 1)
        guard first <= last else { return summary }
        for index in first...last { Bucket.accumulate(&summary, buckets[Int(index & 31)], age: day - index) }
        return summary
    }
}
