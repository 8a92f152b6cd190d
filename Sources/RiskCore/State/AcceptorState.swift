/// Per-minute counters of a terminal or merchant, stamped with their minute: 16 bytes.
struct MinuteCounts {
    /// The UTC minute the counts belong to (low 32 bits); a bucket whose stamp is not the minute
    /// asked about is empty, so a ring is never cleared eagerly.
    var minute: Int32
    var attempts: UInt16
    var outcomes: UInt16
    var declines: UInt16
    var smallAttempts: UInt16
    var invalidCardDeclines: UInt16
    static let empty = MinuteCounts(minute: .min, attempts: 0, outcomes: 0, declines: 0, smallAttempts: 0, invalidCardDeclines: 0)

    static func fresh(_ minute: Int64) -> MinuteCounts {
        MinuteCounts(minute: Int32(truncatingIfNeeded: minute), attempts: 0, outcomes: 0, declines: 0, smallAttempts: 0, invalidCardDeclines: 0)
    }
}

/// A 256-bit set of card hash buckets seen in one minute, for distinct-card counts, stamped
/// with its minute like ``MinuteCounts``.
struct CardBitmap {
    var words: (UInt64, UInt64, UInt64, UInt64)
    var minute: Int32 = .min
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

    @inline(__always)
    mutating func insert(_ cardHash: UInt64) {
        let bit = UInt64(1) << (cardHash & 63)
        switch (cardHash >> 6) & 3 {
        case 0: words.0 |= bit
        case 1: words.1 |= bit
        case 2: words.2 |= bit
        default: words.3 |= bit
        }
    }
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
        if age < 7 { summary.fraudReports7d &+= day.fraudReports }
    }
}

/// Running totals of the minute buckets inside one window.
struct WindowSums {
    var attempts: Int32 = 0
    var outcomes: Int32 = 0
    var declines: Int32 = 0
    var smallAttempts: Int32 = 0
    var invalidCardDeclines: Int32 = 0

    @inline(__always)
    mutating func add(_ counts: MinuteCounts) {
        attempts += Int32(counts.attempts)
        outcomes += Int32(counts.outcomes)
        declines += Int32(counts.declines)
        smallAttempts += Int32(counts.smallAttempts)
        invalidCardDeclines += Int32(counts.invalidCardDeclines)
    }

    @inline(__always)
    mutating func subtract(_ counts: MinuteCounts) {
        attempts -= Int32(counts.attempts)
        outcomes -= Int32(counts.outcomes)
        declines -= Int32(counts.declines)
        smallAttempts -= Int32(counts.smallAttempts)
        invalidCardDeclines -= Int32(counts.invalidCardDeclines)
    }
}

/// What RiskScore remembers about one terminal or merchant: 1,752 bytes, fixed.
///
/// - Minute windows (1, 10, 60 min) count per-minute buckets aligned to UTC minutes: the window
///   of `W` minutes at time `t` holds the events whose UTC minute lies in `[m - W + 1, m]`, `m`
///   being `t`'s minute (so "10m" spans between 9 and 10 minutes). An outcome counts in the
///   minute of the attempt it answers. Events older than the 60 buckets held are ignored by the
///   minute windows. Running totals of the 10- and 60-minute windows are kept as buckets enter
///   and leave them, so reading them costs O(1); a late event (older minute than the newest
///   seen) reads by summing its own window's buckets. Buckets carry their minute, so a terminal
///   that was quiet for an hour is not cleared eagerly: its next attempt touches a few cache
///   lines, not the whole record.
/// - Distinct cards over 10 minutes use linear counting over 256-bit minute bitmaps: the
///   estimate is within about 5% up to 200 cards and saturates near 1,400.
/// - Fraud reports count on the UTC day they arrive, in a ring of 32 days.
struct AcceptorState: KeyedState {
    var key: UInt64
    var firstSeen: Int64
    var lastSeen: Int64
    var newestMinute: Int64
    var newestSlot: Int
    var last10Minutes: WindowSums
    var lastHour: WindowSums
    /// Union of the card bitmaps of the 9 minutes before the newest.
    var priorCards: CardBitmap
    var days: DayRing<AcceptorDay>
    var minutes: InlineArray<60, MinuteCounts>
    var cardBitmaps: InlineArray<10, CardBitmap>

    init(key: UInt64, time: Int64) {
        self.key = key
        firstSeen = time
        lastSeen = time
        newestMinute = EventTime.minuteIndex(time)
        newestSlot = Self.slot(newestMinute, 60)
        last10Minutes = WindowSums()
        lastHour = WindowSums()
        priorCards = .empty
        days = DayRing(day: EventTime.dayIndex(time))
        minutes = InlineArray(repeating: .empty)
        cardBitmaps = InlineArray(repeating: .empty)
    }

    @inline(__always)
    private static func slot(_ minute: Int64, _ length: Int64) -> Int {
        Int(minute - EventTime.floorDivide(minute, length) * length)
    }

    /// The bucket slot of a minute the ring holds (`newestMinute - 59 ... newestMinute`).
    @inline(__always)
    private func slot(of minute: Int64) -> Int {
        let back = Int(newestMinute - minute)
        return newestSlot >= back ? newestSlot - back : newestSlot - back + 60
    }

    func touchLines(at time: Int64) -> UInt64 {
        let minute = EventTime.minuteIndex(time)
        let bucket = minutes[Self.slot(minute, 60)]
        let bitmap = cardBitmaps[Self.slot(minute, 10)]
        let day = days.buckets[Int(EventTime.dayIndex(time) & 31)]
        return bitmap.words.0 &+ UInt64(bucket.attempts) &+ UInt64(day.attempts) &+ UInt64(truncatingIfNeeded: lastSeen)
    }

    /// The counts of `minute` (empty unless its bucket is stamped with it).
    @inline(__always)
    private func counts(at minute: Int64, slot: Int) -> MinuteCounts {
        let bucket = minutes[slot]
        return bucket.minute == Int32(truncatingIfNeeded: minute) ? bucket : .empty
    }

    /// The card bitmap of `minute` (empty unless stamped with it).
    @inline(__always)
    private func cards(at minute: Int64) -> CardBitmap {
        let bitmap = cardBitmaps[Self.slot(minute, 10)]
        return bitmap.minute == Int32(truncatingIfNeeded: minute) ? bitmap : .empty
    }

    /// Moves the newest minute forward to `minute`, taking the minutes that leave the 10- and
    /// 60-minute windows out of the running totals (reading at most 30 buckets; none after a
    /// quiet hour) and recomputing the union of the 9 previous minutes' cards.
    @inline(__always)
    private mutating func advance(to minute: Int64) {
        guard minute > newestMinute else { return }
        let gap = minute - newestMinute
        if gap >= 60 {
            last10Minutes = WindowSums()
            lastHour = WindowSums()
        } else {
            if gap >= 10 {
                last10Minutes = WindowSums()
            } else {
                // Minutes newestMinute-9 ... minute-10 leave the 10-minute window.
                var slot = slot(of: newestMinute - 9)
                for leaving in (newestMinute - 9)...(minute - 10) {
                    last10Minutes.subtract(counts(at: leaving, slot: slot))
                    slot = slot == 59 ? 0 : slot + 1
                }
            }
            if gap <= 30 {
                // Minutes newestMinute-59 ... minute-60 leave the hour.
                var slot = newestSlot == 59 ? 0 : newestSlot + 1
                for leaving in (newestMinute - 59)...(minute - 60) {
                    lastHour.subtract(counts(at: leaving, slot: slot))
                    slot = slot == 59 ? 0 : slot + 1
                }
            } else {
                // Fewer buckets stay than leave: total the ones that stay.
                var total = WindowSums()
                var slot = slot(of: minute - 59)
                for staying in (minute - 59)...newestMinute {
                    total.add(counts(at: staying, slot: slot))
                    slot = slot == 59 ? 0 : slot + 1
                }
                lastHour = total
            }
        }
        newestMinute = minute
        newestSlot = Self.slot(minute, 60)
        priorCards = .empty
        if gap < 10 {
            for previous in (minute - 9)..<minute { priorCards.formUnion(cards(at: previous)) }
        }
    }

    /// Whether the ring still holds `minute`.
    @inline(__always)
    private func holds(_ minute: Int64) -> Bool { minute <= newestMinute && minute > newestMinute - 60 }

    /// Records an attempt and writes the acceptor's features at `offset` (the first terminal or
    /// merchant feature index); the counts include this attempt.
    @inline(__always)
    mutating func observe(_ tx: Transaction, offset: Int, into features: inout FeatureVector) {
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
                if tx.majorAmount <= 2, minutes[slot].smallAttempts != .max {
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

    /// The slot of `minute` (held by the ring), restamped and emptied if it held an older minute.
    @inline(__always)
    private mutating func bucket(for minute: Int64) -> Int {
        let slot = slot(of: minute)
        if minutes[slot].minute != Int32(truncatingIfNeeded: minute) { minutes[slot] = .fresh(minute) }
        return slot
    }

    @inline(__always)
    private mutating func insertCard(_ cardHash: UInt64, at minute: Int64) {
        let slot = Self.slot(minute, 10)
        let stamp = Int32(truncatingIfNeeded: minute)
        if cardBitmaps[slot].minute != stamp { cardBitmaps[slot] = CardBitmap(words: (0, 0, 0, 0), minute: stamp) }
        cardBitmaps[slot].insert(cardHash)
        if minute < newestMinute { priorCards.insert(cardHash) }
    }

    /// `mutating` only so that the record is read in place rather than copied.
    @inline(__always)
    private mutating func writeFeatures(at time: Int64, offset: Int, into features: inout FeatureVector) {
        let minute = EventTime.minuteIndex(time)
        var hour = lastHour, tenMinutes = last10Minutes
        var attempts1m = 0
        if minute == newestMinute {
            attempts1m = Int(counts(at: minute, slot: newestSlot).attempts)
        } else {
            (tenMinutes, hour, attempts1m) = sumsByScanning(at: minute)
        }
        let distinctCards = distinctCards(at: minute)
        let month = days.summary(endingAt: EventTime.dayIndex(time))
        features.values[offset + 0] = Double(attempts1m)
        features.values[offset + 1] = Double(tenMinutes.attempts)
        features.values[offset + 2] = Double(hour.attempts)
        features.values[offset + 3] = Double(tenMinutes.declines)
        features.values[offset + 4] = Double(hour.declines)
        features.values[offset + 5] = hour.outcomes == 0 ? 0 : Double(hour.declines) / Double(hour.outcomes)
        features.values[offset + 6] = Double(tenMinutes.smallAttempts)
        features.values[offset + 7] = Double(tenMinutes.invalidCardDeclines)
        features.values[offset + 8] = distinctCards
        features.values[offset + 9] = Double(month.fraudReports7d)
        features.values[offset + 10] = Double(month.fraudReports30d)
        features.values[offset + 11] = month.attempts30d == 0 ? 0 : Double(month.fraudReports30d) / Double(month.attempts30d)
    }

    /// Window totals for a minute older or newer than the newest bucket, by summing buckets.
    private mutating func sumsByScanning(at minute: Int64) -> (WindowSums, WindowSums, Int) {
        var tenMinutes = WindowSums(), hour = WindowSums()
        var attempts1m = 0
        let last = min(minute, newestMinute)
        let first = max(minute - 59, newestMinute - 59)
        guard first <= last else { return (tenMinutes, hour, 0) }
        for index in first...last {
            let counts = counts(at: index, slot: slot(of: index))
            hour.add(counts)
            if minute - index < 10 { tenMinutes.add(counts) }
            if index == minute { attempts1m = Int(counts.attempts) }
        }
        return (tenMinutes, hour, attempts1m)
    }

    /// Linear-counting estimate of the distinct cards in the 10 minutes ending at `minute`.
    @inline(__always)
    private mutating func distinctCards(at minute: Int64) -> Double {
        var union = CardBitmap.empty
        if minute == newestMinute {
            union = priorCards
            union.formUnion(cards(at: minute))
        } else {
            let last = min(minute, newestMinute)
            let first = max(minute - 9, newestMinute - 9)
            if first <= last {
                for index in first...last { union.formUnion(cards(at: index)) }
            }
        }
        let ones = union.count
        guard ones > 0 else { return 0 }
        return (-256 * EventTime.ln(Double(max(256 - ones, 1)) / 256)).rounded()
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
