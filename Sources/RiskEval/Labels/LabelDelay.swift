import RiskCore

/// Turns the labels of a log into late feedback, as real chargebacks and fraud reports arrive.
///
/// Each transaction labelled `fraud` schedules a fraud report `delay` after the transaction's
/// event time. Scheduled reports wait in a min-heap ordered by report time and are released into
/// the stream just before the first record whose event time is at or after their report time,
/// so label-derived features (fraud reports per card, terminal and merchant) never see a label
/// before it would have been known. The input should be in event-time order (as logs are);
/// feedback records already in the input pass through unchanged.
public struct LabelDelay {
    /// How long after a transaction its label becomes known, in milliseconds.
    public let delay: Int64
    private var pending = FeedbackHeap()

    /// Creates a delay of `delay` milliseconds.
    public init(delay: Int64) {
        self.delay = delay
    }

    /// Number of reports scheduled and not yet released.
    public var pendingCount: Int { pending.count }

    /// Releases the reports due by `record`'s event time, then the record itself, through `emit`,
    /// and schedules the record's own label.
    public mutating func push(_ record: StreamRecord, _ emit: (StreamRecord) throws -> Void) rethrows {
        try releaseDue(by: record.time, emit)
        try emit(record)
        schedule(record)
    }

    /// Releases, in report-time order, every scheduled report due at or before `time`.
    public mutating func releaseDue(by time: Int64, _ emit: (StreamRecord) throws -> Void) rethrows {
        while let first = pending.first, first.reportTime <= time {
            try emit(.feedback(pending.removeFirst()))
        }
    }

    /// Schedules a fraud report for `record` if it is a transaction labelled fraud.
    public mutating func schedule(_ record: StreamRecord) {
        if case .transaction(let logged) = record, logged.label == .fraud {
            pending.insert(Feedback(transaction: logged.transaction, reportTime: logged.transaction.time + delay))
        }
    }

    /// Releases every report still scheduled, in report-time order (at the end of the input).
    public mutating func finish(_ emit: (StreamRecord) throws -> Void) rethrows {
        while !pending.isEmpty {
            try emit(.feedback(pending.removeFirst()))
        }
    }
}
