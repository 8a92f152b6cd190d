/// Per-minute counters of a terminal or merchant: 10 bytes.
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
struct AcceptorDay {
    var attempts: UInt32
    var fraudReports: UInt32
    static let empty = AcceptorDay(attempts: 0, fraudReports: 0)
}

/// What RiskScore remembers about one terminal or merchant: about 1.2 KB, fixed.
///
/// - Minute windows (1, 10, 60 min) sum per-minute buckets aligned to UTC minutes: the window of
///   `W` minutes at time `t` holds the events whose UTC minute lies in `[m - W + 1, m]`, `m`
///   being `t`'s minute (so "10m" spans between 9 and 10 minutes). An outcome counts in the
///   minute of the attempt it answers. Events older than the 60 buckets held are ignored by the
///   minute windows.
/// - Distinct cards over 10 minutes use linear counting over 256-bit minute bitmaps: the
///   estimate is within about 5% up to 200 cards and saturates near 1,400.
/// - Fraud reports count on the UTC day they arrive, in a ring of 32 days.
struct AcceptorState: KeyedState {
    var key: UInt64
    var firstSeen: Int64
    var lastSeen: Int64
    var newestMinute: Int64
    var days: DayRing<AcceptorDay>
    var minutes: InlineArray<60, MinuteCounts>
    var cardBitmaps: InlineArray<10, CardBitmap>

    init(key: UInt64, time: Int64) {
        self.key = key
        firstSeen = time
        lastSeen = time
        newestMinute = EventTime.minuteIndex(time)
        days = DayRing(day: EventTime.dayIndex(time), empty: .empty)
        minutes = InlineArray(repeating: .empty)
        cardBitmaps = InlineArray(repeating: .empty)
    }

    @inline(__always)
    private static func slot(_ minute: Int64, _ length: Int64) -> Int {
        Int(minute - EventTime.floorDivide(minute, length) * length)
    }

    /// Moves the minute ring forward to `minute`, clearing the buckets it passes.
    @inline(__always)
    private mutating func advance(to minute: Int64) {
        guard minute > newestMinute else { return }
        let gap = min(minute - newestMinute, 60)
        var minuteSlot = Self.slot(newestMinute, 60)
        var bitmapSlot = Self.slot(newestMinute, 10)
        for _ in 0..<gap {
            minuteSlot = minuteSlot == 59 ? 0 : minuteSlot + 1
            bitmapSlot = bitmapSlot == 9 ? 0 : bitmapSlot + 1
            minutes[minuteSlot] = .empty
            cardBitmaps[bitmapSlot] = .empty
        }
        newestMinute = minute
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
                let slot = Self.slot(minute, 60)
                minutes[slot].attempts.incrementSaturating()
                if tx.majorAmount <= 2 { minutes[slot].smallAttempts.incrementSaturating() }
                if minute > newestMinute - 10 { cardBitmaps[Self.slot(minute, 10)].insert(tx.card.hash) }
            }
            days.bucket(for: EventTime.dayIndex(tx.time), empty: .empty) { $0.attempts &+= 1 }
        }
        writeFeatures(at: tx.time, offset: offset, into: &features)
    }

    /// `mutating` only so that the 1.2 KB record is read in place rather than copied.
    @inline(__always)
    private mutating func writeFeatures(at time: Int64, offset: Int, into features: inout FeatureVector) {
        let minute = EventTime.minuteIndex(time)
        var attempts1m = 0, attempts10m = 0, attempts1h = 0, declines10m = 0, declines1h = 0
        var outcomes1h = 0, small10m = 0, invalid10m = 0
        let last = min(minute, newestMinute)
        let first = max(minute - 59, newestMinute - 59)
        if first <= last {
            var slot = Self.slot(first, 60)
            for index in first...last {
                let counts = minutes[slot]
                slot = slot == 59 ? 0 : slot + 1
                let age = minute - index
                attempts1h += Int(counts.attempts)
                declines1h += Int(counts.declines)
                outcomes1h += Int(counts.outcomes)
                if age < 10 {
                    attempts10m += Int(counts.attempts)
                    declines10m += Int(counts.declines)
                    small10m += Int(counts.smallAttempts)
                    invalid10m += Int(counts.invalidCardDeclines)
                    if age == 0 { attempts1m = Int(counts.attempts) }
                }
            }
        }
        var union = CardBitmap.empty
        let firstBitmap = max(minute - 9, newestMinute - 9)
        if firstBitmap <= last {
            var slot = Self.slot(firstBitmap, 10)
            for _ in firstBitmap...last {
                let words = cardBitmaps[slot].words
                slot = slot == 9 ? 0 : slot + 1
                union.words.0 |= words.0
                union.words.1 |= words.1
                union.words.2 |= words.2
                union.words.3 |= words.3
            }
        }
        let ones = union.words.0.nonzeroBitCount + union.words.1.nonzeroBitCount
            + union.words.2.nonzeroBitCount + union.words.3.nonzeroBitCount
        let zeros = max(256 - ones, 1)
        let distinctCards = ones == 0 ? 0 : -256 * EventTime.ln(Double(zeros) / 256)

        let today = EventTime.dayIndex(time)
        let week = days.fold(days: 7, endingAt: today, into: 0) { $0 += Int($1.fraudReports) }
        let (attempts30d, fraud30d) = days.fold(days: 30, endingAt: today, into: (0, 0)) { sums, day in
            sums.0 += Int(day.attempts)
            sums.1 += Int(day.fraudReports)
        }

        features.values[offset + 0] = Double(attempts1m)
        features.values[offset + 1] = Double(attempts10m)
        features.values[offset + 2] = Double(attempts1h)
        features.values[offset + 3] = Double(declines10m)
        features.values[offset + 4] = Double(declines1h)
        features.values[offset + 5] = outcomes1h == 0 ? 0 : Double(declines1h) / Double(outcomes1h)
        features.values[offset + 6] = Double(small10m)
        features.values[offset + 7] = Double(invalid10m)
        features.values[offset + 8] = distinctCards.rounded()
        features.values[offset + 9] = Double(week)
        features.values[offset + 10] = Double(fraud30d)
        features.values[offset + 11] = attempts30d == 0 ? 0 : Double(fraud30d) / Double(attempts30d)
    }

    /// Applies an issuer answer in the minute of the attempt it answers. System declines count
    /// as outcomes but not as declines.
    mutating func apply(_ code: ResponseCode, to tx: Transaction) {
        lastSeen = max(lastSeen, tx.time)
        let minute = EventTime.minuteIndex(tx.time)
        guard holds(minute) else { return }
        let slot = Self.slot(minute, 60)
        let category = code.category
        minutes[slot].outcomes.incrementSaturating()
        if category != .approved && category != .system {
            minutes[slot].declines.incrementSaturating()
            if code.isInvalidCardData {
                minutes[slot].invalidCardDeclines.incrementSaturating()
            }
        }
    }

    /// Counts a chargeback or fraud report on the day it arrived.
    mutating func apply(_ feedback: Feedback) {
        lastSeen = max(lastSeen, feedback.reportTime)
        days.bucket(for: EventTime.dayIndex(feedback.reportTime), empty: .empty) { $0.fraudReports &+= 1 }
    }
}
