import CacheHints

/// A fixed-size per-key state record that ``KeyedTable`` stores in its slab.
protocol KeyedState {
    /// The 64-bit key hash the record belongs to.
    var key: UInt64 { get }
    /// The newest event time that touched the record: eviction prefers the oldest.
    var lastSeen: Int64 { get }
    /// A fresh record for a key first seen at `time`.
    init(key: UInt64, time: Int64)
    /// Prefetches the cache lines of the record at `record` that an event at `time` will use.
    static func prefetch(_ record: UnsafeRawPointer, at time: Int64)
}

extension KeyedState {
    /// Prefetches `count` bytes at `offset` into a record: every cache line they touch.
    @inline(__always)
    static func prefetchBytes(_ record: UnsafeRawPointer, offset: Int, count: Int) {
        let first = record + offset
        var line = 0
        while line < count {
            riskscore_prefetch_for_write(first + line)
            line &+= 64
        }
        riskscore_prefetch_for_write(first + (count - 1))
    }
}

/// A day bucket that can be summed over the 7- and 30-day windows.
protocol DayBucket {
    /// Totals over a window of days.
    associatedtype Summary
    static var empty: Self { get }
    static var emptySummary: Summary { get }
    /// Adds `bucket`, `age` days (0...29) before the day asked about, to `summary`. What it adds
    /// may depend only on whether `age` is below ``shortWindowDays``.
    static func accumulate(_ summary: inout Summary, _ bucket: Self, age: Int32)
    /// Takes back exactly what ``accumulate(_:_:age:)`` with the same `bucket` and `age` added
    /// (wrapping arithmetic, so the totals are the same as if it had never been added).
    static func deduct(_ summary: inout Summary, _ bucket: Self, age: Int32)
}

extension DayBucket {
    /// The short window, in days: ages `0..<shortWindowDays` count in the 7-day totals.
    @inline(__always)
    static var shortWindowDays: Int32 { 7 }
}

/// Per-day counters kept in a ring of 32 days, indexed by UTC day number.
///
/// A day bucket is valid while its day lies within the 32 days ending at the newest day seen;
/// an event older than that is ignored by the daily windows (it still counts in the short ones).
/// A 32-bit occupancy mask (bit `day & 31`) says which buckets hold a day of the ring, so a new
/// day clears nothing eagerly and totals visit only the days that had events (a card seen on 3
/// of the last 30 days costs 3 steps, not 30). The totals of the 29 days before the newest day
/// are cached, so the common query (at the newest day) reads one bucket. A new day moves the
/// cache forward by visiting only the days whose part in it changes (the old newest day, which
/// joins it, and the days that leave the 7- or the 30-day window); a change to an older day
/// refreshes it by a full scan on the next query.
struct DayRing<Bucket: DayBucket> {
    static var length: Int32 { 32 }
    /// The long window, in days.
    static var windowDays: Int32 { 30 }
    var newestDay: Int32
    private var cachedDay: Int32
    /// Bit `day & 31` is set when the bucket holds day `day` (one of the ring's 32 days).
    private var occupied: UInt32
    private var priorDays: Bucket.Summary
    var buckets: InlineArray<32, Bucket>

    init(day: Int32) {
        newestDay = day
        cachedDay = .min
        occupied = 0
        priorDays = Bucket.emptySummary
        buckets = InlineArray(repeating: .empty)
    }

    /// Updates the bucket of `day`, advancing the ring when `day` is newer than any seen (the
    /// days that leave it are dropped from the mask); ignored when `day` is older than the ring
    /// covers.
    @inline(__always)
    mutating func update(day: Int32, _ update: (inout Bucket) -> Void) {
        if day > newestDay {
            if cachedDay == newestDay { movePriorDays(to: day) }
            occupied &= ~RingMask<UInt32>.run(from: newestDay - Self.length + 1, count: min(day - newestDay, Self.length))
            newestDay = day
        } else if day <= newestDay - Self.length {
            return
        } else if day < newestDay {
            cachedDay = .min
        }
        let slot = Int(day & 31)
        let bit = RingMask<UInt32>.bit(day)
        if occupied & bit == 0 {
            buckets[slot] = .empty
            occupied |= bit
        }
        update(&buckets[slot])
    }

    /// Totals over the 30 days ending at `day` (inclusive), passing each bucket's age so the
    /// bucket type can also total shorter windows.
    @inline(__always)
    mutating func summary(endingAt day: Int32) -> Bucket.Summary {
        guard day == newestDay else { return scan(days: Self.windowDays, endingAt: day, from: 0) }
        if cachedDay != day {
            priorDays = scan(days: Self.windowDays, endingAt: day, from: 1)
            cachedDay = day
        }
        var summary = priorDays
        if occupied & RingMask<UInt32>.bit(day) != 0 {
            Bucket.accumulate(&summary, buckets[Int(day & 31)], age: 0)
        }
        return summary
    }

    /// Turns the cached totals of the 29 days before ``newestDay`` (valid) into those of the 29
    /// days before `day` (newer), before the ring moves: the old newest day joins them, and a
    /// held day `age` days old changes its part only when it leaves the short window (ages
    /// `shortWindowDays - gap ..< shortWindowDays`) or the long one (ages `windowDays - gap ..<
    /// windowDays`, at least `shortWindowDays`); those are taken out at their old age and put
    /// back at their new one if it is still inside the long window.
    @inline(__always)
    private mutating func movePriorDays(to day: Int32) {
        let gap = day - newestDay
        cachedDay = day
        guard gap < Self.windowDays else {
            priorDays = Bucket.emptySummary
            return
        }
        let short = Bucket.shortWindowDays
        // Ages max(1, short - gap) ... short - 1, oldest first, then max(short, windowDays - gap)
        // ... windowDays - 1: 29 days at most, so no two share a bit.
        let changing = RingMask<UInt32>.run(from: newestDay - short + 1, count: min(short - 1, gap))
            | RingMask<UInt32>.run(from: newestDay - Self.windowDays + 1, count: min(Self.windowDays - short, gap))
        var remaining = occupied & changing
        while remaining != 0 {
            let slot = Int32(remaining.trailingZeroBitCount)
            remaining &= remaining &- 1
            let age = (newestDay &- slot) & 31
            let bucket = buckets[Int(slot)]
            Bucket.deduct(&priorDays, bucket, age: age)
            if age + gap < Self.windowDays { Bucket.accumulate(&priorDays, bucket, age: age + gap) }
        }
        if occupied & RingMask<UInt32>.bit(newestDay) != 0 {
            Bucket.accumulate(&priorDays, buckets[Int(newestDay & 31)], age: gap)
        }
    }

    /// `mutating` only so that the ring is read in place rather than copied.
    private mutating func scan(days: Int32, endingAt day: Int32, from firstAge: Int32) -> Bucket.Summary {
        var summary = Bucket.emptySummary
        let last = min(day - firstAge, newestDay)
        let first = max(day - days + 1, newestDay - Self.length + 1)
        guard first <= last else { return summary }
        var remaining = occupied & RingMask<UInt32>.run(from: first, count: last - first + 1)
        while remaining != 0 {
            let slot = Int32(remaining.trailingZeroBitCount)
            remaining &= remaining &- 1
            let held = newestDay - ((newestDay - slot) & 31)
            Bucket.accumulate(&summary, buckets[Int(slot)], age: day - held)
        }
        return summary
    }
}
