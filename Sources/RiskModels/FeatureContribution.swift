/// One feature's share of a model's margin for one prediction.
public struct FeatureContribution: Sendable, Equatable {
    /// The input slot (index into the feature vector / schema).
    public var index: Int
    /// The feature's name.
    public var name: String
    /// The contribution to the margin, in log-odds.
    public var value: Double

    /// Creates a contribution record.
    public init(index: Int, name: String, value: Double) {
        self.index = index
        self.name = name
        self.value = value
    }

    /// The `k` entries of `values` with the largest absolute value, largest first, ties broken
    /// by lower index. Zero entries are never returned.
    ///
    /// - Parameters:
    ///   - k: how many to return at most.
    ///   - values: one contribution per input slot.
    ///   - names: one name per input slot (same count as `values`).
    public static func top(_ k: Int, of values: [Double], names: [String]) -> [FeatureContribution] {
        precondition(values.count == names.count, "values and names must have the same count")
        guard k > 0 else { return [] }
        var picked: [FeatureContribution] = []
        picked.reserveCapacity(k + 1)
        for (i, v) in values.enumerated() where v != 0 && !v.isNaN {
            let item = FeatureContribution(index: i, name: names[i], value: v)
            let position = picked.firstIndex { abs($0.value) < abs(v) } ?? picked.endIndex
            if position < k {
                picked.insert(item, at: position)
                if picked.count > k { picked.removeLast() }
            }
        }
        return picked
    }
}
