import RiskCore

/// Where the `terminal.*` and `merchant.*` features sit in a ``FeatureVector``: the terminal and
/// merchant stages write them apart and the card stage copies them into the record's vector.
struct AcceptorFeatureRanges: Sendable {
    /// Schema indices of the terminal features.
    let terminal: Range<Int>
    /// Schema indices of the merchant features.
    let merchant: Range<Int>

    /// The number of features of one kind.
    var width: Int { max(terminal.count, merchant.count) }

    /// Doubles reserved per slot for one kind: ``width`` rounded up to whole 128-byte blocks, so
    /// that workers writing neighbouring slots never share a cache line.
    var slotStride: Int { (width + 15) / 16 * 16 }

    /// Reads the ranges off the feature schema (by name prefix).
    init() {
        terminal = Self.range(prefix: "terminal.")
        merchant = Self.range(prefix: "merchant.")
    }

    private static func range(prefix: String) -> Range<Int> {
        let indices = FeatureSchema.names.indices.filter { FeatureSchema.names[$0].hasPrefix(prefix) }
        guard let first = indices.first, let last = indices.last else { return 0..<0 }
        precondition(indices.count == last - first + 1, "\(prefix) features must be contiguous in the schema")
        return first..<(last + 1)
    }
}
