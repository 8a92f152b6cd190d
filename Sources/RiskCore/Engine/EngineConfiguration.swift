/// Sizing of the engine's state. The same configuration gives the same partitions, and so the
/// same evictions and decisions, in the embedded engine and in the pipeline with any number of
/// workers.
public struct EngineConfiguration: Sendable, Hashable {
    /// Number of state partitions per key kind (cards, terminals, merchants). Partitions are the
    /// unit of ownership: a lock each in the embedded engine, a worker each in the pipeline.
    public var partitions: Int
    /// Most cards tracked at once (512 bytes each, record and index); the least recently seen are evicted beyond.
    public var maximumCards: Int
    /// Most terminals tracked at once (1,552 bytes each).
    public var maximumTerminals: Int
    /// Most merchants tracked at once (1,552 bytes each).
    public var maximumMerchants: Int

    /// Creates a configuration; the defaults track a million cards in about 500 MB.
    public init(partitions: Int = 64, maximumCards: Int = 1 << 20, maximumTerminals: Int = 1 << 17, maximumMerchants: Int = 1 << 16) {
        precondition(partitions > 0)
        self.partitions = partitions
        self.maximumCards = maximumCards
        self.maximumTerminals = maximumTerminals
        self.maximumMerchants = maximumMerchants
    }

    /// The partition that owns `key` (a card, terminal or merchant hash): the top 24 bits of the
    /// hash scaled to `0..<partitions` (a multiply and a shift, no division).
    @inlinable
    public func partition(of key: UInt64) -> Int {
        Int(truncatingIfNeeded: ((key >> 40) &* UInt64(partitions)) >> 24)
    }

    /// Capacity of each card partition.
    public var cardsPerPartition: Int { max(maximumCards / partitions, 1) }
    /// Capacity of each terminal partition.
    public var terminalsPerPartition: Int { max(maximumTerminals / partitions, 1) }
    /// Capacity of each merchant partition.
    public var merchantsPerPartition: Int { max(maximumMerchants / partitions, 1) }
}

/// Counts describing the engine's state.
public struct EngineStatistics: Sendable {
    /// Cards tracked now.
    public var trackedCards = 0
    /// Terminals tracked now.
    public var trackedTerminals = 0
    /// Merchants tracked now.
    public var trackedMerchants = 0
    /// Records evicted to make room, all kinds together.
    public var evictions = 0
    /// Bytes allocated for state.
    public var allocatedBytes = 0
    /// Bytes per tracked card when the card tables are full (record plus index).
    public var bytesPerCard = 0
}
