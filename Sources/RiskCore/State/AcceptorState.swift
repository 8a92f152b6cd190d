/// Per-minute counters of a terminal or merchant: 10 bytes. Which minute a bucket holds is
/// given by the record's occupancy mask, not stored in the bucket.
struct MinuteCounts {
    var attempts: UInt16
    var outcomes: UInt16
    var declines: UInt16
    var smallAttempts: UInt16
    var invalidCardDeclines: UInt16
    static let empty = MinuteCounts(attempts: 0, outcomes: 0, declines: 0, smallAttempts: 0, invalidCardDeclines: 0)
}

/// A 256-bit set of card hash buckets seen in one minute, for distinct-card counts.
struct CardBitmap {
    var words: (UInt64, UInt64, UInt64, UInt64)
    static let empty = CardBitmap(words: (0, 0, 0, 0))

    @inline(__always)
    mutating func formUnion(_ other: CardBitmap) {
        words.0 |= other.words.0
        words.1 |= other.words.1
        words.2 |= other.words.2
        words.3 |= other.words.3
    }

    @inline(__always)
    var count: Int {
        words.0.nonzeroBitCount + words.1.nonzeroBitCount + words.2.nonzeroBitCount + words.3.nonzeroBitCount
    }

    /// Which of the four words holds `cardHash`'s bit (0...3).
    @inline(__always)
    static func wordIndex(of cardHash: UInt64) -> Int { Int(truncatingIfNeeded: (cardHash >> 6) & 3) }

    /// `cardHash`'s bit within its word.
    @inline(__always)
    static func bit(of cardHash: UInt64) -> UInt64 { 1 &<< (cardHash & 63) }

    /// Word `index` (0...3), chosen by two selects rather than by a switch over the tuple's
    /// fields or through a pointer to a copy (which costs a stack-protector check per call).
    @inline(__always)
    func word(_ index: Int) -> UInt64 {
        let low = index & 1 == 0 ? words.0 : words.1
        let high = index & 1 == 0 ? words.2 : words.3
        return index & 2 == 0 ? low : high
    }

    @inline(__always)
    mutating func insert(_ cardHash: UInt64) {
        let offset = Self.wordIndex(of: cardHash) &* 8
        let bit = Self.bit(of: cardHash)
        withUnsafeMutableBytes(of: &words) { raw in
            raw.storeBytes(of: raw.load(fromByteOffset: offset, as: UInt64.self) | bit, toByteOffset: offset, as: UInt64.self)
        }
    }

    /// Linear-counting estimate of the distinct cards behind the set bits, rounded:
    /// `-256 ln((256 - ones) / 256)`, with a full set read as 255 ones.
    @inline(__always)
    var estimatedDistinct: Double { Self.estimatedDistinct(ones: count) }

    /// The estimate for a set with `ones` bits set (0...256).
    @inline(__always)
    static func estimatedDistinct(ones: Int) -> Double { Double(estimates[ones]) }

    /// The estimate for every possible number of set bits (index: the number of ones), written
    /// out so that the table is statically initialized: a lazily computed one costs a
    /// `swift_once` call on every read. The tests check it against the formula.
    static let estimates: [UInt16] = [
        0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 17, 18, 19, 20, 21, 22, 23, 24, 25,
        26, 27, 29, 30, 31, 32, 33, 34, 35, 36, 38, 39, 40, 41, 42, 43, 45, 46, 47, 48, 49, 51, 52,
        53, 54, 56, 57, 58, 59, 61, 62, 63, 64, 66, 67, 68, 70, 71, 72, 74, 75, 76, 78, 79, 80, 82,
        83, 85, 86, 87, 89, 90, 92, 93, 94, 96, 97, 99, 100, 102, 103, 105, 106, 108, 109, 111, 112,
        114, 116, 117, 119, 120, 122, 124, 125, 127, 128, 130, 132, 133, 135, 137, 139, 140, 142,
        144, 146, 147, 149, 151, 153, 155, 156, 158, 160, 162, 164, 166, 168, 170, 172, 173, 175,
        177, 179, 181, 184, 186, 188, 190, 192, 194, 196, 198, 200, 203, 205, 207, 209, 212, 214,
        216, 219, 221, 223, 226, 228, 231, 233, 236, 238, 241, 243, 246, 248, 251, 254, 256, 259,
        262, 265, 268, 270, 273, 276, 279, 282, 285, 288, 291, 295, 298, 301, 304, 308, 311, 314,
        318, 321, 325, 328, 332, 336, 339, 343, 347, 351, 355, 359, 363, 367, 371, 376, 380, 385,
        389, 394, 398, 403, 408, 413, 418, 423, 429, 434, 439, 445, 451, 457, 463, 469, 475, 482,
        488, 495, 502, 509, 517, 524, 532, 540, 549, 558, 567, 576, 585, 596, 606, 617, 628, 640,
        653, 666, 680, 694, 710, 726, 744, 763, 783, 806, 830, 857, 887, 921, 961, 1008, 1065, 1138,
        1242, 1420, 1420
    ]
}

/// Daily counters of a terminal or merchant.
struct AcceptorDay: DayBucket {
    var attempts: UInt32
    var fraudReports: UInt32
    static let empty = AcceptorDay(attempts: 0, fraudReports: 0)

    struct Summary {
        var fraudReports7d: UInt32 = 0
        var attempts30d: UInt32 = 0
        var fraudReports30d: UInt32 = 0
    }

    static let emptySummary = Summary()

    @inline(__always)
    static func accumulate(_ summary: inout Summary, _ day: AcceptorDay, age: Int32) {
        summary.attempts30d &+= day.attempts
        summary.fraudReports30d &+= day.fraudReports
        if age < shortWindowDays { summary.fraudReports7d &+= day.fraudReports }
    }

    @inline(__always)
    static func deduct(_ summary: inout Summary, _ day: AcceptorDay, age: Int32) {
        summary.attempts30d &-= day.attempts
        summary.fraudReports30d &-= day.fraudReports
        if age < shortWindowDays { summary.fraudReports7d &-= day.fraudReports }
    }
}

/// Running totals of the minute buckets inside one window.
struct WindowSums {
    var attempts: Int32 = 0
    var outcomes: Int32 = 0
    var declines: Int32 = 0
    var smallAttempts: Int32 = 0
    var invalidCardDeclines: Int32 = 0

    // Wrapping arithmetic: a window holds at most 60 buckets of UInt16 counts, far from the
    // Int32 limits, and the totals never go below zero, so no overflow branch is needed.

    @inline(__always)
    mutating func add(_ counts: MinuteCounts) {
        attempts &+= Int32(counts.attempts)
        outcomes &+= Int32(counts.outcomes)
        declines &+= Int32(counts.declines)
        smallAttempts &+= Int32(counts.smallAttempts)
        invalidCardDeclines &+= Int32(counts.invalidCardDeclines)
    }

    @inline(__always)
    mutating func subtract(_ counts: MinuteCounts) {
        attempts &-= Int32(counts.attempts)
        outcomes &-= Int32(counts.outcomes)
        declines &-= Int32(counts.declines)
        smallAttempts &-= Int32(counts.smallAttempts)
        invalidCardDeclines &-= Int32(counts.invalidCardDeclines)
    }
}

/// A set of minutes as bits `minute & 63` (see ``RingMask``).
enum MinuteMask {
    @inline(__always)
    static func run(from first: Int64, count: Int64) -> UInt64 { RingMask<UInt64>.run(from: first, count: count) }

    @inline(__always)
    static func bit(_ minute: Int64) -> UInt64 { RingMask<UInt64>.bit(minute) }

    /// The minute of bit `bit`, the newest minute held being `newest` (bits cover
    /// `newest - 63 ... newest`).
    @inline(__always)
    static func minute(ofBit bit: Int, newest: Int64) -> Int64 { newest - ((newest - Int64(bit)) & 63) }
}

/// What RiskScore remembers about one terminal or merchant: 1,552 bytes, fixed.
///
/// - Minute windows (1, 10, 60 min) count per-minute buckets aligned to UTC minutes: the window
///   of `W` minutes at time `t` holds the events whose UTC minute lies in `[m - W + 1, m]`, `m`
///   being `t`'s minute (so "10m" spans between 9 and 10 minutes). An outcome counts in the
///   minute of the attempt it answers. Events more than 59 minutes older than the newest minute
///   seen are ignored by the minute windows. Buckets live at slot `minute & 63`; a 64-bit
///   occupancy mask says which slots hold a minute of the last hour, so moving time forward
///   visits only the occupied buckets that leave a window (none for a terminal that was quiet
///   for an hour) and never clears memory eagerly. Running totals of the 10- and 60-minute
///   windows make reading them O(1); a late event (older minute than the newest) reads by
///   summing the occupied buckets of its own windows.
/// - Distinct cards over 10 minutes use linear counting over 256-bit per-minute bitmaps (16 of
///   them, at `minute & 15`, with their own occupancy mask): the estimate is within about 5% up
///   to 200 cards and saturates near 1,400. The union of the 9 minutes before the newest is
///   cached, and so is the number of bits set in it together with the newest minute's bitmap,
///   so a read at the newest minute is one table lookup.
/// - Fraud reports count on the UTC day they arrive, in a ring of 32 days.
struct AcceptorState: KeyedState {
    var key: UInt64
    /// Bits set in the union of ``priorCards`` and the newest minute's card bitmap (0...256).
    var distinctCards: UInt16
    var lastSeen: Int64
    var newestMinute: Int64
    /// Minutes of the last hour (`newestMinute - 59 ... newestMinute`) whose bucket holds counts.
    var countedMinutes: UInt64
    /// Minutes of the last 10 (`newestMinute - 9 ... newestMinute`) whose card bitmap is filled.
    var cardMinutes: UInt64
    var last10Minutes: WindowSums
    var lastHour: WindowSums
    /// Union of the card bitmaps of the 9 minutes before the newest.
    var priorCards: CardBitmap
    var days: DayRing<AcceptorDay>
    var minutes: InlineArray<64, MinuteCounts>
    var cardBitmaps: InlineArray<16, CardBitmap>

    init(key: UInt64, time: Int64) {
        self.key = key
        distinctCards = 0
        lastSeen = time
        newestMinute = EventTime.minuteIndex(time)
        countedMinutes = 0
        cardMinutes = 0
        last10Minutes = WindowSums()
        lastHour = WindowSums()
        priorCards = .empty
        days = DayRing(day: EventTime.dayIndex(time))
        minutes = InlineArray(repeating: .empty)
        cardBitmaps = InlineArray(repeating: .empty)
    }

    /// The running totals and masks before the day ring, the day ring's own fields, and the
    /// minute bucket, card bitmap and day bucket of `time`.
    @inline(__always)
    static func prefetch(_ record: UnsafeRawPointer, at time: Int64) {
        let minute = Int(EventTime.minuteIndex(time))
        prefetchBytes(record, offset: 0, count: Layout.dayBuckets)
        prefetchBytes(record, offset: Layout.dayBuckets + Int(EventTime.dayIndex(time) & 31) * MemoryLayout<AcceptorDay>.stride,
                      count: MemoryLayout<AcceptorDay>.size)
        prefetchBytes(record, offset: Layout.minutes + (minute & 63) * MemoryLayout<MinuteCounts>.stride, count: MemoryLayout<MinuteCounts>.size)
        prefetchBytes(record, offset: Layout.cardBitmaps + (minute & 15) * MemoryLayout<CardBitmap>.stride, count: MemoryLayout<CardBitmap>.size)
    }

    /// Byte offsets of the record's arrays.
    /// (Computed where used, so the optimizer folds each to a constant; stored `static let`s
    /// cost a `swift_once` call on every read.)
    private enum Layout {
        static var dayBuckets: Int { MemoryLayout<AcceptorState>.offset(of: \.days.buckets)! }
        static var minutes: Int { MemoryLayout<AcceptorState>.offset(of: \.minutes)! }
        static var cardBitmaps: Int { MemoryLayout<AcceptorState>.offset(of: \.cardBitmaps)! }
    }

    // The helpers below are `mutating` only so that they read the record in place: a
    // non-mutating method on a struct this large may be handed a copy of it.

    /// The counts of `minute` (empty unless its bucket is occupied).
    @inline(__always)
    private mutating func counts(at minute: Int64) -> MinuteCounts {
        countedMinutes & MinuteMask.bit(minute) != 0 ? minutes[Int(minute & 63)] : .empty
    }

    /// Whether the union of ``priorCards`` and the newest minute's bitmap holds `cardHash`'s bit.
    @inline(__always)
    private mutating func newestUnionContains(_ cardHash: UInt64) -> Bool {
        let index = CardBitmap.wordIndex(of: cardHash)
        var word = priorCards.word(index)
        if cardMinutes & MinuteMask.bit(newestMinute) != 0 { word |= cardBitmaps[Int(newestMinute & 15)].word(index) }
        return word & CardBitmap.bit(of: cardHash) != 0
    }

    /// The union of the card bitmaps of the minutes in `mask`.
    @inline(__always)
    private mutating func unionOfCards(in mask: UInt64) -> CardBitmap {
        var union = CardBitmap.empty
        var remaining = cardMinutes & mask
        while remaining != 0 {
            union.formUnion(cardBitmaps[remaining.trailingZeroBitCount & 15])
            remaining &= remaining &- 1
        }
        return union
    }

    /// Moves the newest minute forward to `minute`: the occupied buckets that leave the 10- and
    /// 60-minute windows come out of the running totals and the occupancy masks, and the union
    /// of the 9 previous minutes' cards (and its number of bits, the new minute having no bitmap
    /// yet) is recomputed from the bitmaps still filled.
    @inline(__always)
    private mutating func advance(to minute: Int64) {
        guard minute > newestMinute else { return }
        let gap = minute - newestMinute
        if gap >= 60 {
            last10Minutes = WindowSums()
            lastHour = WindowSums()
            countedMinutes = 0
            cardMinutes = 0
            priorCards = .empty
            distinctCards = 0
        } else {
            if gap >= 10 {
                last10Minutes = WindowSums()
            } else {
                var leaving = countedMinutes & MinuteMask.run(from: newestMinute - 9, count: gap)
                while leaving != 0 {
                    last10Minutes.subtract(minutes[leaving.trailingZeroBitCount])
                    leaving &= leaving &- 1
                }
            }
            var leaving = countedMinutes & MinuteMask.run(from: newestMinute - 59, count: gap)
            countedMinutes &= ~leaving
            while leaving != 0 {
                lastHour.subtract(minutes[leaving.trailingZeroBitCount])
                leaving &= leaving &- 1
            }
            if gap >= 10 {
                cardMinutes = 0
                priorCards = .empty
                distinctCards = 0
            } else {
                // Keep the minutes `minute - 9 ... newestMinute` (a span of less than 10, so no
                // two minutes share a bit).
                cardMinutes &= MinuteMask.run(from: minute - 9, count: 10 - gap)
                priorCards = unionOfCards(in: cardMinutes)
                distinctCards = UInt16(priorCards.count)
            }
        }
        newestMinute = minute
    }

    /// Whether the minute windows still hold `minute`.
    @inline(__always)
    private mutating func holds(_ minute: Int64) -> Bool { minute <= newestMinute && minute > newestMinute - 60 }

    /// Records an attempt and writes the acceptor's features at `offset` (the first terminal or
    /// merchant feature index); the counts include this attempt. `minorUnitScale` is the
    /// currency's ``CurrencyCode/minorUnitScale``.
    @inline(__always)
    mutating func observe(_ tx: Transaction, offset: Int, minorUnitScale: Double, into features: inout FeatureVector) {
        let minute = EventTime.minuteIndex(tx.time)
        lastSeen = max(lastSeen, tx.time)
        if tx.messageType == .authorization {
            advance(to: minute)
            if holds(minute) {
                let slot = bucket(for: minute)
                let inLast10 = minute > newestMinute - 10
                if minutes[slot].attempts != .max {
                    minutes[slot].attempts += 1
                    lastHour.attempts += 1
                    if inLast10 { last10Minutes.attempts += 1 }
                }
                if Double(tx.amount) / minorUnitScale <= 2, minutes[slot].smallAttempts != .max {
                    minutes[slot].smallAttempts += 1
                    lastHour.smallAttempts += 1
                    if inLast10 { last10Minutes.smallAttempts += 1 }
                }
                if inLast10 { insertCard(tx.card.hash, at: minute) }
            }
            days.update(day: EventTime.dayIndex(tx.time)) { $0.attempts &+= 1 }
        }
        writeFeatures(at: tx.time, offset: offset, into: &features)
    }

    /// The slot of `minute` (held by the windows), emptied and marked occupied if it was not.
    @inline(__always)
    private mutating func bucket(for minute: Int64) -> Int {
        let slot = Int(minute & 63)
        let bit = MinuteMask.bit(minute)
        if countedMinutes & bit == 0 {
            minutes[slot] = .empty
            countedMinutes |= bit
        }
        return slot
    }

    /// Sets `cardHash`'s bit in the bitmap of `minute` (one of the last 10), and in
    /// ``priorCards`` when `minute` is older than the newest, counting it in ``distinctCards``
    /// if the union did not hold it yet.
    @inline(__always)
    private mutating func insertCard(_ cardHash: UInt64, at minute: Int64) {
        if !newestUnionContains(cardHash) { distinctCards += 1 }
        let slot = Int(minute & 15)
        let bit = MinuteMask.bit(minute)
        if cardMinutes & bit == 0 {
            cardBitmaps[slot] = .empty
            // Another minute sharing the slot (16 apart) is no longer held.
            cardMinutes = (cardMinutes & ~(0x0001_0001_0001_0001 &<< UInt64(slot))) | bit
        }
        cardBitmaps[slot].insert(cardHash)
        if minute < newestMinute { priorCards.insert(cardHash) }
    }

    /// How many features an acceptor writes, from its first feature index on.
    static var featureCount: Int { 12 }

    /// `mutating` only so that the record is read in place rather than copied.
    @inline(__always)
    private mutating func writeFeatures(at time: Int64, offset: Int, into features: inout FeatureVector) {
        let minute = EventTime.minuteIndex(time)
        var hour = lastHour, tenMinutes = last10Minutes
        var attempts1m = 0
        let distinctEstimate: Double
        if minute == newestMinute {
            attempts1m = Int(counts(at: minute).attempts)
            distinctEstimate = CardBitmap.estimatedDistinct(ones: Int(distinctCards))
        } else {
            (tenMinutes, hour, attempts1m) = sumsByScanning(at: minute)
            distinctEstimate = unionOfCards(in: heldMinutes(endingAt: minute, count: 10)).estimatedDistinct
        }
        let month = days.summary(endingAt: EventTime.dayIndex(time))
        // One range check for the 12 slots instead of one per store.
        precondition(offset >= 0 && offset <= FeatureVector.capacity - Self.featureCount)
        features.withUnsafeMutableValues { values in
            values[offset + 0] = Double(attempts1m)
            values[offset + 1] = Double(tenMinutes.attempts)
            values[offset + 2] = Double(hour.attempts)
            values[offset + 3] = Double(tenMinutes.declines)
            values[offset + 4] = Double(hour.declines)
            values[offset + 5] = hour.outcomes == 0 ? 0 : Double(hour.declines) / Double(hour.outcomes)
            values[offset + 6] = Double(tenMinutes.smallAttempts)
            values[offset + 7] = Double(tenMinutes.invalidCardDeclines)
            values[offset + 8] = distinctEstimate
            values[offset + 9] = Double(month.fraudReports7d)
            values[offset + 10] = Double(month.fraudReports30d)
            values[offset + 11] = month.attempts30d == 0 ? 0 : Double(month.fraudReports30d) / Double(month.attempts30d)
        }
    }

    /// The bits of the minutes of the `count`-minute window ending at `minute` that the record
    /// still holds (those not newer than the newest and not older than `newestMinute - count + 1`).
    @inline(__always)
    private mutating func heldMinutes(endingAt minute: Int64, count: Int64) -> UInt64 {
        let last = min(minute, newestMinute)
        let first = max(minute - count + 1, newestMinute - count + 1)
        return first <= last ? MinuteMask.run(from: first, count: last - first + 1) : 0
    }

    /// Window totals for a minute older or newer than the newest, by summing occupied buckets.
    private mutating func sumsByScanning(at minute: Int64) -> (WindowSums, WindowSums, Int) {
        var tenMinutes = WindowSums(), hour = WindowSums()
        var attempts1m = 0
        var remaining = countedMinutes & heldMinutes(endingAt: minute, count: 60)
        while remaining != 0 {
            let bit = remaining.trailingZeroBitCount
            remaining &= remaining &- 1
            let counts = minutes[bit]
            let index = MinuteMask.minute(ofBit: bit, newest: newestMinute)
            hour.add(counts)
            if minute - index < 10 { tenMinutes.add(counts) }
            if index == minute { attempts1m = Int(counts.attempts) }
        }
        return (tenMinutes, hour, attempts1m)
    }

    /// Applies an issuer answer in the minute of the attempt it answers. System declines count
    /// as outcomes but not as declines.
    mutating func apply(_ code: ResponseCode, to tx: Transaction) {
        lastSeen = max(lastSeen, tx.time)
        let minute = EventTime.minuteIndex(tx.time)
        guard holds(minute) else { return }
        let slot = bucket(for: minute)
        let inLast10 = minute > newestMinute - 10
        let category = code.category
        if minutes[slot].outcomes != .max {
            minutes[slot].outcomes += 1
            lastHour.outcomes += 1
            if inLast10 { last10Minutes.outcomes += 1 }
        }
        guard category != .approved && category != .system else { return }
        if minutes[slot].declines != .max {
            minutes[slot].declines += 1
            lastHour.declines += 1
            if inLast10 { last10Minutes.declines += 1 }
        }
        if code.isInvalidCardData, minutes[slot].invalidCardDeclines != .max {
            minutes[slot].invalidCardDeclines += 1
            lastHour.invalidCardDeclines += 1
            if inLast10 { last10Minutes.invalidCardDeclines += 1 }
        }
    }

    /// Counts a chargeback or fraud report on the day it arrived.
    mutating func apply(_ feedback: Feedback) {
        lastSeen = max(lastSeen, feedback.reportTime)
        days.update(day: EventTime.dayIndex(feedback.reportTime)) { $0.fraudReports &+= 1 }
    }
}
