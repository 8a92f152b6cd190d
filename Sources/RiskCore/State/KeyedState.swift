/// A fixed-size per-key state record that ``KeyedTable`` stores in its slab.
protocol KeyedState {
    /// The 64-bit key hash the record belongs to.
    var key: UInt64 { get }
    /// The newest event time that touched the record: eviction prefers the oldest.
    var lastSeen: Int64 { get }
    /// A fresh record for a key first seen at `time`.
    init(key: UInt64, time: Int64)
}

/// Per-day counters kept in a ring of 32 days, indexed by UTC day number.
///
/// A day bucket is valid while its day lies within the 32 days ending at the newest day seen;
/// an event older than that is ignored by the daily windows (it still counts in the short ones).
struct DayRing<Bucket> {
    static var length: Int32 { 32 }
    var newestDay: Int32
    var buckets: InlineArray<32, Bucket>

    init(day: Int32, empty: Bucket) {
        newestDay = day
        buckets = InlineArray(repeating: empty)
    }

    /// The bucket of `day`, advancing (and clearing) the ring when `day` is newer than any seen;
    /// nil when `day` is older than the ring covers.
    @inline(__always)
    mutating func bucket(for day: Int32, empty: Bucket, _ update: (inout Bucket) -> Void) {
        if day > newestDay {
            let gap = min(Int(day - newestDay), 32)
            for step in 1...gap { buckets[Int((newestDay &+ Int32(step)) & 31)] = empty }
            newestDay = day
        } else if day <= newestDay - Self.length {
            return
        }
        update(&buckets[Int(day & 31)])
    }

    /// Folds the buckets of the `days` days ending at `day` (inclusive) that the ring still holds.
    @inline(__always)
    func fold<Value>(days: Int32, endingAt day: Int32, into initial: Value, _ combine: (inout Value, Bucket) -> Void) -> Value {
        var value = initial
        let last = min(day, newestDay)
        let first = max(day - days + 1, newestDay - Self.length + 1)
        guard first <= last else { return value }
        for index in first...last { combine(&value, buckets[Int(index & 31)]) }
        return value
    }
}
