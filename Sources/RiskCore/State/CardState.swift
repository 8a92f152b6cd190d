/// One attempt in a card's recent-event ring: 16 bytes.
struct CardEvent {
    /// Bits 0..<44: event time in ms (years 1970–2527); 44..<48: outcome (0 pending, else
    /// `DeclineCategory.rawValue + 1`); bit 48: small amount; bit 49: never-retry decline.
    var packed: UInt64
    /// Amount in minor units, saturating at `UInt32.max`.
    var amount: UInt32
    /// 16 bits of the terminal hash, for distinct-terminal counts.
    var terminalTag: UInt16
    /// 16 bits of the merchant hash, for distinct-merchant counts.
    var merchantTag: UInt16

    static let timeMask: UInt64 = (1 << 44) - 1
    static let smallFlag: UInt64 = 1 << 48
    static let neverRetryFlag: UInt64 = 1 << 49
    static let empty = CardEvent(packed: 0, amount: 0, terminalTag: 0, merchantTag: 0)

    @inline(__always) var time: Int64 { Int64(packed & Self.timeMask) }
    @inline(__always) var outcome: UInt64 { (packed >> 44) & 0xF }
    @inline(__always) var isSmall: Bool { packed & Self.smallFlag != 0 }

    @inline(__always)
    static func clampTime(_ time: Int64) -> UInt64 { UInt64(min(max(time, 0), Int64(timeMask))) }
}

/// Daily counters of a card.
struct CardDay: DayBucket {
    var attempts: UInt16
    var declines: UInt8
    var fraudReports: UInt8
    static let empty = CardDay(attempts: 0, declines: 0, fraudReports: 0)

    struct Summary {
        var attempts7d: UInt16 = 0
        var declines7d: UInt16 = 0
        var attempts30d: UInt16 = 0
        var fraudReports30d: UInt16 = 0
    }

    static let emptySummary = Summary()

    @inline(__always)
    static func accumulate(_ summary: inout Summary, _ day: CardDay, age: Int32) {
        summary.attempts30d &+= day.attempts
        summary.fraudReports30d &+= UInt16(day.fraudReports)
        if age < shortWindowDays {
            summary.attempts7d &+= day.attempts
            summary.declines7d &+= UInt16(day.declines)
        }
    }

    @inline(__always)
    static func deduct(_ summary: inout Summary, _ day: CardDay, age: Int32) {
        summary.attempts30d &-= day.attempts
        summary.fraudReports30d &-= UInt16(day.fraudReports)
        if age < shortWindowDays {
            summary.attempts7d &-= day.attempts
            summary.declines7d &-= UInt16(day.declines)
        }
    }
}

/// Everything RiskScore remembers about one card: 496 bytes, fixed; 512 with its two index slots.
///
/// - Short windows (1 min to 24 h) are computed exactly from the last 16 attempts: an attempt at
///   time `e` is in the window of length `W` at time `t` when `t - W < e <= t`. Attempts that
///   arrive out of order are placed in the ring like any other and counted by their own times;
///   a window sees only attempts already recorded. When a card makes more than 16 attempts
///   within a window, the count saturates at 16.
/// - Day windows (7 d, 30 d) count by UTC day over a ring of 32 days: "7d" is the current UTC
///   day and the six before it.
/// - The usual amount is an exponentially weighted mean of log amounts (weight 1/n for the first
///   20 attempts, then 1/20), so a few large purchases do not redefine it.
struct CardState: KeyedState {
    var key: UInt64
    var firstSeen: Int64
    var lastSeen: Int64
    var lastAttempt: Int64
    var lastDecline: Int64
    var lastNeverRetry: Int64
    var logAmountMean: Float
    var amountSamples: UInt16
    var consecutiveDeclines: UInt16
    /// 16 bits of the merchant hash of the newest never-retry decline.
    var neverRetryMerchantTag: UInt16
    var historyAttempts: UInt32
    var ringNext: UInt8
    var ringCount: UInt8
    var days: DayRing<CardDay>
    var events: InlineArray<16, CardEvent>
    var hours: InlineArray<24, UInt8>

    static let ringLength = 16

    /// The whole record: every observation reads the ring, the hour profile and the day ring.
    @inline(__always)
    static func prefetch(_ record: UnsafeRawPointer, at time: Int64) {
        prefetchBytes(record, offset: 0, count: MemoryLayout<CardState>.size)
    }

    static let never = Int64.min / 4

    init(key: UInt64, time: Int64) {
        self.key = key
        firstSeen = time
        lastSeen = time
        lastAttempt = Self.never
        lastDecline = Self.never
        lastNeverRetry = Self.never
        logAmountMean = 0
        amountSamples = 0
        consecutiveDeclines = 0
        neverRetryMerchantTag = 0
        historyAttempts = 0
        ringNext = 0
        ringCount = 0
        days = DayRing(day: EventTime.dayIndex(time))
        events = InlineArray(repeating: .empty)
        hours = InlineArray(repeating: 0)
    }
}
