import RiskCore

/// Which keyed worker owns each state partition, and where that partition sits among the
/// worker's own: partition `p` belongs to worker `p % workers`, at local index `p / workers`.
/// Both are read from tables built once, so routing a key costs no division.
struct PartitionOwnership: Sendable {
    /// The partitioning of keys.
    let configuration: EngineConfiguration
    /// Number of keyed workers.
    let workers: Int
    private let owners: [Int32]
    private let locals: [Int32]

    init(configuration: EngineConfiguration, workers: Int) {
        self.configuration = configuration
        self.workers = workers
        owners = (0..<configuration.partitions).map { Int32($0 % workers) }
        locals = (0..<configuration.partitions).map { Int32($0 / workers) }
    }

    /// The number of partitions per kind `worker` owns.
    func partitionCount(of worker: Int) -> Int {
        max(configuration.partitions - worker + workers - 1, 0) / workers
    }

    /// The keyed worker owning `key`'s partition.
    @inline(__always)
    func owner(of key: UInt64) -> Int {
        Int(owners[configuration.partition(of: key)])
    }

    /// The index of `key`'s partition among its owner's partitions.
    @inline(__always)
    func localPartition(of key: UInt64) -> Int {
        Int(locals[configuration.partition(of: key)])
    }
}
