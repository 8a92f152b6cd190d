import RiskCore

/// A deterministic generator of labelled card traffic: genuine purchases with their ordinary
/// declines and retries, injected fraud scenarios, late feedback and card status updates, in
/// event-time order.
///
/// The generator works day by day: it plans every transaction of a day, sorts the day by time
/// and hands the records out one by one, merging in the feedback and status records queued for
/// later (a heap keyed by their report time). The same configuration always yields the same
/// records; nothing depends on the wall clock or on per-process seeds.
///
/// ```swift
/// var writer = NDJSONRecordWriter()
/// var buffer: [UInt8] = []
/// for record in TrafficGenerator(configuration: GeneratorConfiguration(transactions: 10_000)) {
///     writer.append(record, to: &buffer)
/// }
/// ```
public struct TrafficGenerator: Sequence, IteratorProtocol, Sendable {
    /// The configuration the records are generated from.
    public let configuration: GeneratorConfiguration
    private var planner: DayPlanner
    /// Sort keys of the current day's events: (milliseconds after the day start) << 32 | index.
    private var order: [UInt64] = []
    /// The current day's events in time order.
    private var sorted: [PlannedTransaction] = []
    private var cursor = 0
    private var nextDay = 0
    private var pending = PendingRecordHeap()
    private var pendingSequence: UInt64 = 0
    /// Draws the feedback of emitted fraud (kept apart from the planner's stream).
    private var feedbackRandom: SimRandom
    private var nextTransactionID: UInt64 = 1

    /// Creates a generator; building the card and merchant population happens here.
    public init(configuration: GeneratorConfiguration) {
        self.configuration = configuration
        planner = DayPlanner(world: SimulatedWorld(configuration: configuration), configuration: configuration)
        feedbackRandom = SimRandom(seed: configuration.seed, stream: 3)
    }

    /// The next record in event-time order, or nil after the last one.
    public mutating func next() -> GeneratedRecord? {
        while true {
            if cursor < sorted.count {
                let event = sorted[cursor]
                if let first = pending.first, first.time < event.time {
                    return popPending()
                }
                cursor += 1
                return emit(event)
            }
            if nextDay < configuration.dayCount {
                planNextDay()
                continue
            }
            return pending.isEmpty ? nil : popPending()
        }
    }

    private mutating func planNextDay() {
        planner.plan(day: nextDay)
        nextDay += 1
        let dayStart = planner.dayStart
        order.removeAll(keepingCapacity: true)
        order.reserveCapacity(planner.events.count)
        for (index, event) in planner.events.enumerated() {
            order.append(UInt64(event.time - dayStart) << 32 | UInt64(index))
        }
        order.sort()
        // Gather in time order once (independent loads overlap), then read sequentially.
        sorted.removeAll(keepingCapacity: true)
        sorted.reserveCapacity(order.count)
        for key in order { sorted.append(planner.events[Int(truncatingIfNeeded: key & 0xFFFF_FFFF)]) }
        cursor = 0
        for update in planner.statusUpdates {
            let profile = planner.world.cards[Int(update.card)]
            queue(PendingRecord(
                time: update.time, sequence: 0, card: profile.card, reference: profile.reference, merchant: -1,
                terminal: -1, transactionTime: 0, transactionID: 0, feedbackKind: .fraudReport, status: update.status, scenario: 0))
        }
    }

    private mutating func queue(_ record: PendingRecord) {
        var record = record
        record.sequence = pendingSequence
        pendingSequence += 1
        pending.push(record)
    }

    private mutating func emit(_ event: PlannedTransaction) -> GeneratedRecord {
        let id = nextTransactionID
        nextTransactionID += 1
        let reference = event.reference
        let transaction = Transaction(
            id: id, time: event.time, card: reference, amount: event.amount, currency: configuration.currency,
            merchant: event.merchantHash, terminal: event.terminalHash, mcc: event.mcc, country: event.country,
            entryMode: event.entryMode, pinPresent: event.pinPresent, expiry: event.expiry)
        let scenario = Scenario(rawValue: event.scenario)
        if scenario != nil { planFeedback(event, reference: reference, id: id) }
        let logged = LoggedTransaction(
            transaction: transaction, responseCode: event.response, label: scenario == nil ? .genuine : .fraud,
            scenario: scenario?.name ?? "")
        return GeneratedRecord(
            record: .transaction(logged), transactionNumber: id, card: event.card, merchantNumber: event.merchant,
            terminalNumber: event.terminal, scenario: scenario)
    }

    /// Queues the chargeback or fraud report of an emitted fraud transaction, 2–45 days later
    /// (median about 12 days), for most approved fraud and some declined attempts.
    private mutating func planFeedback(_ event: PlannedTransaction, reference: CardReference, id: UInt64) {
        let approved = event.response.category == .approved
        let rate = approved ? configuration.approvedFraudFeedbackRate : configuration.declinedFraudFeedbackRate
        guard feedbackRandom.chance(rate) else { return }
        let days = Swift.min(45, Swift.max(2, feedbackRandom.logNormal(mu: 2.5, sigma: 0.5)))
        let delay = Int64(days * Double(CalendarMath.millisecondsPerDay))
        let kind: FeedbackKind = approved && feedbackRandom.chance(0.65) ? .chargeback : .fraudReport
        queue(PendingRecord(
            time: event.time + delay, sequence: 0, card: event.card, reference: reference, merchant: event.merchant,
            terminal: event.terminal, transactionTime: event.time, transactionID: id, feedbackKind: kind,
            status: nil, scenario: event.scenario))
    }

    private mutating func popPending() -> GeneratedRecord? {
        guard let next = pending.pop() else { return nil }
        if let status = next.status {
            return GeneratedRecord(
                record: .status(StatusUpdate(card: next.reference, status: status, time: next.time)),
                transactionNumber: 0, card: next.card, merchantNumber: -1, terminalNumber: -1)
        }
        let world = planner.world
        let feedback = Feedback(
            card: next.reference, terminal: world.terminalHash[Int(next.terminal)],
            merchant: world.merchants[Int(next.merchant)].hash, transactionTime: next.transactionTime,
            reportTime: next.time, kind: next.feedbackKind)
        return GeneratedRecord(
            record: .feedback(feedback), transactionNumber: next.transactionID, card: next.card,
            merchantNumber: next.merchant, terminalNumber: next.terminal, scenario: Scenario(rawValue: next.scenario))
    }
}
