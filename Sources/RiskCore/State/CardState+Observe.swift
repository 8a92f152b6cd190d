extension CardState {
    /// Seconds reported for "seconds since" features when there was no such event.
    static let noPreviousEvent: Double = 1e9

    /// Records an authorization attempt and writes the card's velocity features, which count
    /// this attempt. A reversal is not an attempt: it only reads the features. `minorUnitScale`
    /// is the currency's ``CurrencyCode/minorUnitScale``.
    @inline(__always)
    mutating func observe(_ tx: Transaction, minorUnitScale: Double, into features: inout FeatureVector) {
        let time = tx.time
        let majorAmount = Double(tx.amount) / minorUnitScale
        let previousAttempt = lastAttempt
        let isAttempt = tx.messageType == .authorization
        lastSeen = max(lastSeen, time)

        // Hour-of-day profile and usual amount describe the card *before* this attempt.
        let hour = EventTime.hourOfDay(time)
        features[.cardHourShare] = hourShare(around: hour)
        let usual = amountSamples == 0 ? majorAmount : EventTime.exponent(Double(logAmountMean))
        features[.cardUsualAmount] = usual
        features[.cardAmountRatio] = usual > 0 ? majorAmount / usual : 1
        features[.cardHistoryAttempts] = Double(historyAttempts)
        features[.cardAgeDays] = Double(max(time - firstSeen, 0)) / Double(EventTime.day)
        features[.cardSecondsSinceLastAttempt] = Self.seconds(from: previousAttempt, to: time)
        features[.cardSecondsSinceLastDecline] = Self.seconds(from: lastDecline, to: time)
        features[.cardConsecutiveDeclines] = Double(consecutiveDeclines)
        let sinceNeverRetry = time - lastNeverRetry
        let neverRetry30d = sinceNeverRetry >= 0 && sinceNeverRetry < 30 * EventTime.day
        features[.cardNeverRetry30d] = neverRetry30d ? 1 : 0
        features[.cardNeverRetrySameMerchant30d] =
            (neverRetry30d && neverRetryMerchantTag == UInt16(truncatingIfNeeded: tx.merchant >> 48)) ? 1 : 0

        if isAttempt {
            recordAttempt(tx, hour: hour, majorAmount: majorAmount)
        }
        writeRingFeatures(at: time, minorUnitScale: minorUnitScale, into: &features)
        let month = days.summary(endingAt: EventTime.dayIndex(time))
        features[.cardAttempts7d] = Double(month.attempts7d)
        features[.cardDeclines7d] = Double(month.declines7d)
        features[.cardAttempts30d] = Double(month.attempts30d)
        features[.cardFraudReports30d] = Double(month.fraudReports30d)
    }

    @inline(__always)
    private mutating func recordAttempt(_ tx: Transaction, hour: Int, majorAmount: Double) {
        let time = tx.time
        lastAttempt = max(lastAttempt, time)
        historyAttempts.incrementSaturating()

        if hours[hour] == .max {
            for index in 0..<24 { hours[index] /= 2 }
        }
        hours[hour] += 1

        if majorAmount > 0 {
            let weight = 1 / Float(min(Int(amountSamples) + 1, 20))
            logAmountMean += weight * (Float(EventTime.ln(majorAmount)) - logAmountMean)
            amountSamples = min(amountSamples + 1, 20)
        }

        var packed = CardEvent.clampTime(time)
        if majorAmount <= 2 { packed |= CardEvent.smallFlag }
        events[Int(ringNext)] = CardEvent(
            packed: packed,
            amount: UInt32(clamping: tx.amount),
            terminalTag: UInt16(truncatingIfNeeded: tx.terminal >> 48),
            merchantTag: UInt16(truncatingIfNeeded: tx.merchant >> 48)
        )
        ringNext = (ringNext + 1) & UInt8(Self.ringLength - 1)
        ringCount = min(ringCount + 1, UInt8(Self.ringLength))
        days.update(day: EventTime.dayIndex(time)) { $0.attempts.incrementSaturating() }
    }

    /// One pass over the recent-event ring for every short window.
    /// `mutating` only so that the record is read in place rather than copied.
    @inline(__always)
    private mutating func writeRingFeatures(at time: Int64, minorUnitScale: Double, into features: inout FeatureVector) {
        var attempts1m = 0, attempts10m = 0, attempts1h = 0, attempts24h = 0
        var approvals24h = 0, declines10m = 0, declines1h = 0, declines24h = 0
        var systemDeclines1h = 0, pinFailures24h = 0, small10m = 0, riskDeclines10m = 0
        var amountSum24h: Int64 = 0
        var terminals = TagSet(), merchants = TagSet()
        let system = UInt64(DeclineCategory.system.rawValue) + 1
        let pin = UInt64(DeclineCategory.pin.rawValue) + 1
        let approved = UInt64(DeclineCategory.approved.rawValue) + 1
        let risk = UInt64(DeclineCategory.risk.rawValue) + 1

        // `min` lets the optimizer drop the bounds check per slot; `&-` cannot wrap for event
        // times (44 bits) unless `time` is within 2^44 ms of `Int64.min`.
        for index in 0..<min(Int(ringCount), Self.ringLength) {
            let event = events[index]
            let age = time &- event.time
            guard age >= 0, age < EventTime.day else { continue }
            let outcome = event.outcome
            let isDecline = outcome != 0 && outcome != approved && outcome != system
            attempts24h += 1
            amountSum24h &+= Int64(event.amount)
            if outcome == approved { approvals24h += 1 }
            if isDecline { declines24h += 1 }
            if outcome == pin { pinFailures24h += 1 }
            merchants.insert(event.merchantTag)
            guard age < EventTime.hour else { continue }
            attempts1h += 1
            if isDecline { declines1h += 1 }
            if outcome == system { systemDeclines1h += 1 }
            terminals.insert(event.terminalTag)
            guard age < 10 * EventTime.minute else { continue }
            attempts10m += 1
            if isDecline { declines10m += 1 }
            if outcome == risk { riskDeclines10m += 1 }
            if event.isSmall { small10m += 1 }
            if age < EventTime.minute { attempts1m += 1 }
        }
        features[.cardAttempts1m] = Double(attempts1m)
        features[.cardAttempts10m] = Double(attempts10m)
        features[.cardAttempts1h] = Double(attempts1h)
        features[.cardAttempts24h] = Double(attempts24h)
        features[.cardApprovals24h] = Double(approvals24h)
        features[.cardDeclines10m] = Double(declines10m)
        features[.cardDeclines1h] = Double(declines1h)
        features[.cardDeclines24h] = Double(declines24h)
        features[.cardSystemDeclines1h] = Double(systemDeclines1h)
        features[.cardPinFailures24h] = Double(pinFailures24h)
        features[.cardSmallAttempts10m] = Double(small10m)
        features[.cardRiskDeclines10m] = Double(riskDeclines10m)
        features[.cardAmountSum24h] = Double(amountSum24h) / minorUnitScale
        features[.cardDistinctTerminals1h] = Double(terminals.count)
        features[.cardDistinctMerchants24h] = Double(merchants.count)
    }

    /// Share of the card's past attempts within one hour of `hour` (1 until it has 10 attempts).
    @inline(__always)
    private mutating func hourShare(around hour: Int) -> Double {
        let total = Self.sumOfBytes(&hours)
        guard total >= 10 else { return 1 }
        let near = Int(hours[(hour + 23) % 24]) + Int(hours[hour]) + Int(hours[(hour + 1) % 24])
        return Double(near) / Double(total)
    }

    /// The sum of the 24 hour counters, eight at a time: each word's bytes are added pairwise
    /// into 16-bit lanes (at most 6 x 255 per lane over the three words), and one multiply adds
    /// the four lanes (at most 24 x 255, so nothing carries out of the top lane).
    @inline(__always)
    private static func sumOfBytes(_ hours: inout InlineArray<24, UInt8>) -> Int {
        withUnsafeBytes(of: &hours) { raw in
            let bytePairs: UInt64 = 0x00FF_00FF_00FF_00FF
            var lanes: UInt64 = 0
            for word in 0..<3 {
                let bytes = raw.loadUnaligned(fromByteOffset: word &* 8, as: UInt64.self)
                lanes &+= (bytes & bytePairs) &+ ((bytes >> 8) & bytePairs)
            }
            return Int(truncatingIfNeeded: (lanes &* 0x0001_0001_0001_0001) >> 48)
        }
    }

    @inline(__always)
    static func seconds(from earlier: Int64, to time: Int64) -> Double {
        earlier == never ? noPreviousEvent : Double(max(time - earlier, 0)) / 1000
    }

    /// Applies the issuer's answer to the attempt it answers (found in the ring by time, amount
    /// and terminal; the newest pending match wins).
    mutating func apply(_ code: ResponseCode, to tx: Transaction) {
        let category = code.category
        lastSeen = max(lastSeen, tx.time)
        let packedTime = CardEvent.clampTime(tx.time)
        let amount = UInt32(clamping: tx.amount)
        let terminalTag = UInt16(truncatingIfNeeded: tx.terminal >> 48)
        var slot = Int(ringNext)
        for _ in 0..<Int(ringCount) {
            slot = (slot + Self.ringLength - 1) & (Self.ringLength - 1)
            let event = events[slot]
            if event.packed & (CardEvent.timeMask | 0xF << 44) == packedTime,
               event.amount == amount, event.terminalTag == terminalTag {
                var packed = event.packed | (UInt64(category.rawValue) + 1) << 44
                if code.neverRetry { packed |= CardEvent.neverRetryFlag }
                events[slot].packed = packed
                break
            }
        }
        switch category {
        case .approved:
            consecutiveDeclines = 0
        case .system:
            break
        default:
            consecutiveDeclines.incrementSaturating()
            lastDecline = max(lastDecline, tx.time)
            days.update(day: EventTime.dayIndex(tx.time)) { $0.declines.incrementSaturating() }
        }
        if code.neverRetry, tx.time >= lastNeverRetry {
            lastNeverRetry = tx.time
            neverRetryMerchantTag = UInt16(truncatingIfNeeded: tx.merchant >> 48)
        }
    }

    /// Counts a chargeback or fraud report on the day it arrived.
    mutating func apply(_ feedback: Feedback) {
        lastSeen = max(lastSeen, feedback.reportTime)
        days.update(day: EventTime.dayIndex(feedback.reportTime)) {
            $0.fraudReports.incrementSaturating()
        }
    }
}

/// An approximate set of 16-bit tags: a 128-bit bitmap of the tags' low 7 bits. With the at most
/// 16 events of a card's ring, two distinct tags share a bit with probability 1/128 per pair, so
/// a count of 5 distinct is one too low about 8% of the time; it is never too high.
struct TagSet {
    private var low: UInt64 = 0
    private var high: UInt64 = 0

    @inline(__always)
    mutating func insert(_ tag: UInt16) {
        let bit = UInt64(1) << UInt64(tag & 63)
        if tag & 64 == 0 { low |= bit } else { high |= bit }
    }

    @inline(__always)
    var count: Int { low.nonzeroBitCount + high.nonzeroBitCount }
}
