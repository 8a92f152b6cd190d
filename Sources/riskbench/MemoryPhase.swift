import RiskCore

/// Memory per tracked card: resident memory before creating an engine and after filling it with
/// `cards` distinct cards (one transaction each, all at one terminal and merchant), divided by
/// the card count.
struct MemoryPhase {
    let policy: Policy
    let cards: Int

    struct Result: Sendable {
        /// Cards scored.
        var cards: Int
        /// Cards the engine tracks afterwards (lower if any were evicted).
        var trackedCards: Int
        /// Growth of the resident set divided by `cards`; nil without `/proc/self/statm`.
        var residentBytesPerCard: Double?
        /// The engine's own account: state bytes allocated, divided by `cards`.
        var allocatedBytesPerCard: Double
        /// `EngineStatistics.bytesPerCard`: record plus index slots of one card when full.
        var statisticsBytesPerCard: Int
    }

    func run() -> Result {
        // Room for every card (no evictions), with the usual partitioning.
        let configuration = EngineConfiguration(maximumCards: cards + cards / 4 + 64 * 64)
        let before = ResidentMemory.bytes()
        let engine = RiskEngine(policy: policy, configuration: configuration)
        let terminal = Transaction.entityHash("T-memory")
        let merchant = Transaction.entityHash("M-memory")
        var state: UInt64 = 0x5EED
        for index in 0..<cards {
            let card = CardReference(hash: Self.splitMix(&state))
            let transaction = Transaction(
                id: UInt64(index + 1), time: 1_767_225_600_000 + Int64(index), card: card, amount: 2_500,
                merchant: merchant, terminal: terminal, mcc: 5411, entryMode: .chip, pinPresent: true)
            engine.score(transaction)
        }
        let after = ResidentMemory.bytes()
        let statistics = engine.statistics
        var resident: Double?
        if let before, let after { resident = Double(after - before) / Double(cards) }
        return Result(
            cards: cards, trackedCards: statistics.trackedCards, residentBytesPerCard: resident,
            allocatedBytesPerCard: Double(statistics.allocatedBytes) / Double(cards),
            statisticsBytesPerCard: statistics.bytesPerCard)
    }

    /// SplitMix64: distinct, well-spread card hashes.
    private static func splitMix(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
