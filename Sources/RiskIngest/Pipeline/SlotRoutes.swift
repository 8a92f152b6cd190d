/// Which slots of a batch each keyed worker works on, per key kind, in line order.
///
/// The parser fills the lists as it parses a batch; a keyed worker then visits only its own
/// slots (no scan over the others') and knows which of its records come next, so it can
/// prefetch their state a fixed number of *its own* records ahead. Allocated once per batch,
/// never resized.
struct SlotRoutes {
    /// The kinds of key a slot is routed by.
    enum Key: Int {
        /// The terminal (``RiskCore/Transaction/terminal``, or a feedback record's terminal).
        case terminal = 0
        /// The merchant.
        case merchant = 1
        /// The card.
        case card = 2
    }

    private let workers: Int
    private let capacity: Int
    /// `[key][worker][capacity]` slot indices.
    private let slots: UnsafeMutablePointer<Int32>
    /// `[key][worker]` list lengths.
    private let counts: UnsafeMutablePointer<Int>

    /// Lists for `workers` keyed workers, each with room for `capacity` slots.
    init(workers: Int, capacity: Int) {
        precondition(capacity <= Int(Int32.max))
        self.workers = workers
        self.capacity = capacity
        slots = .allocate(capacity: 3 * workers * capacity)
        counts = .allocate(capacity: 3 * workers)
        counts.initialize(repeating: 0, count: 3 * workers)
    }

    /// Frees the lists (the owner calls it once, from its `deinit`).
    func deallocate() {
        slots.deallocate()
        counts.deallocate()
    }

    /// Empties every list.
    func removeAll() {
        counts.update(repeating: 0, count: 3 * workers)
    }

    /// Appends `slot` to `worker`'s list for `key`.
    @inline(__always)
    func append(_ slot: Int, key: Key, worker: Int) {
        let list = key.rawValue * workers + worker
        slots[list * capacity + counts[list]] = Int32(truncatingIfNeeded: slot)
        counts[list] += 1
    }

    /// `worker`'s slots for `key`, in line order.
    @inline(__always)
    func slots(_ key: Key, worker: Int) -> UnsafeBufferPointer<Int32> {
        let list = key.rawValue * workers + worker
        return UnsafeBufferPointer(start: slots + list * capacity, count: counts[list])
    }
}
