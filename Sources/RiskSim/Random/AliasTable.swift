/// Walker's alias table (Vose's construction): draws an index with probability proportional to
/// its weight in constant time. Used to pick which card makes the next genuine purchase.
struct AliasTable: Sendable {
    /// Probability of keeping the drawn slot, and the slot's alias, side by side (one cache
    /// line per draw).
    private var slots: [(probability: Double, alias: Int)]

    /// Builds the table for `weights` (non-negative, at least one positive).
    init(weights: [Double]) {
        let count = weights.count
        precondition(count > 0, "an alias table needs at least one weight")
        var total = 0.0
        for weight in weights { total += weight }
        var scaled = weights.map { $0 * Double(count) / total }
        var probability = [Double](repeating: 1, count: count)
        var alias = (0..<count).map { Int32($0) }
        var small: [Int32] = []
        var large: [Int32] = []
        for index in 0..<count {
            if scaled[index] < 1 { small.append(Int32(index)) } else { large.append(Int32(index)) }
        }
        while let less = small.last, let more = large.last {
            small.removeLast()
            probability[Int(less)] = scaled[Int(less)]
            alias[Int(less)] = more
            scaled[Int(more)] = scaled[Int(more)] + scaled[Int(less)] - 1
            if scaled[Int(more)] < 1 {
                large.removeLast()
                small.append(more)
            }
        }
        slots = (0..<count).map { (probability[$0], Int(alias[$0])) }
    }

    /// Draws an index.
    @inline(__always)
    func sample(_ rng: inout SimRandom) -> Int {
        let index = rng.int(below: slots.count)
        let slot = slots[index]
        return rng.unit() < slot.probability ? index : slot.alias
    }
}
