import RiskCore

/// A feedback or status record waiting for its event time.
struct PendingRecord: Sendable {
    var time: Int64
    /// Tie-breaker: records due at the same millisecond leave in the order they were queued.
    var sequence: UInt64
    var card: SimulatedCard
    var reference: CardReference
    /// For feedback: the reported transaction.
    var merchant: Int32
    var terminal: Int32
    var transactionTime: Int64
    var transactionID: UInt64
    var feedbackKind: FeedbackKind
    /// nil for feedback; the new status for a status update.
    var status: CardStatus?
    /// The reported transaction's ``Scenario/rawValue`` (0 for a status update).
    var scenario: UInt8

    @inline(__always)
    func precedes(_ other: PendingRecord) -> Bool {
        time < other.time || (time == other.time && sequence < other.sequence)
    }
}

/// A binary min-heap of pending records keyed by (time, sequence).
struct PendingRecordHeap: Sendable {
    private var storage: [PendingRecord] = []

    var isEmpty: Bool { storage.isEmpty }
    var count: Int { storage.count }
    /// The record due first.
    var first: PendingRecord? { storage.first }

    mutating func push(_ record: PendingRecord) {
        storage.append(record)
        var child = storage.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard storage[child].precedes(storage[parent]) else { break }
            storage.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> PendingRecord? {
        guard !storage.isEmpty else { return nil }
        storage.swapAt(0, storage.count - 1)
        let top = storage.removeLast()
        var parent = 0
        let count = storage.count
        while true {
            let left = 2 * parent + 1
            guard left < count else { break }
            var smallest = left
            if left + 1 < count && storage[left + 1].precedes(storage[left]) { smallest = left + 1 }
            guard storage[smallest].precedes(storage[parent]) else { break }
            storage.swapAt(smallest, parent)
            parent = smallest
        }
        return top
    }
}
