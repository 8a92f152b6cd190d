/// A keyed worker's partitions of one kind, reached without reference counting.
///
/// Reading a class reference out of an array and calling into another module costs a retain
/// and a release per call (the compiler cannot prove the callee leaves the array alone): three
/// pairs a record in the keyed stage. The array here only keeps the partitions alive; calls go
/// through unretained references, which is safe because the array outlives every call.
struct OwnedPartitions<Partition: AnyObject> {
    /// Keeps the partitions alive.
    private let storage: [Partition]
    /// The same partitions, unretained.
    private let references: UnsafeMutablePointer<Unmanaged<Partition>>

    /// `count` partitions made by `make`.
    init(count: Int, _ make: () -> Partition) {
        storage = (0..<count).map { _ in make() }
        references = .allocate(capacity: max(count, 1))
        for (index, partition) in storage.enumerated() {
            (references + index).initialize(to: .passUnretained(partition))
        }
    }

    /// Frees the reference table (the owner calls it once, from its `deinit`).
    func deallocate() {
        references.deallocate()
    }

    /// Calls `body` with the partition at `index`, without retaining it.
    @inline(__always)
    func with<Result>(_ index: Int, _ body: (Partition) -> Result) -> Result {
        references[index]._withUnsafeGuaranteedRef(body)
    }
}
