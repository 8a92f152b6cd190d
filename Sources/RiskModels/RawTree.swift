/// A tree as read from a model file, before it is compiled into an ensemble's flat arrays.
///
/// Splits are indexed from 0 (the root). A child `>= 0` is a split index; a negative child is
/// leaf `~child`. A tree with no splits has exactly one leaf.
struct RawTree: Sendable {
    struct Split: Sendable {
        var feature: Int32
        var threshold: Double
        /// LightGBM decision-type bits; XGBoost sets only the default-left bit.
        var decisionType: UInt8
        var left: Int32
        var right: Int32
        /// Training weight reaching the node (hessian sum or row count), for Saabas values.
        var cover: Double
    }

    var splits: [Split] = []
    var leafValues: [Double] = []
    var leafCovers: [Double] = []

    /// Checks that indices are in range and that every split and leaf has exactly one parent
    /// (the root none), so that walking from the root always ends at a leaf.
    func validate(featureCount: Int) throws(TreeShapeError) {
        guard leafValues.count == splits.count + 1, leafCovers.count == leafValues.count else {
            throw TreeShapeError("\(splits.count) splits need \(splits.count + 1) leaves, found \(leafValues.count)")
        }
        var splitParents = [Int](repeating: 0, count: splits.count)
        var leafParents = [Int](repeating: 0, count: leafValues.count)
        for (i, s) in splits.enumerated() {
            guard s.feature >= 0, Int(s.feature) < featureCount else {
                throw TreeShapeError("split \(i) uses feature \(s.feature), model has \(featureCount) features")
            }
            for child in [s.left, s.right] {
                if child >= 0 {
                    guard Int(child) < splits.count, child != 0 else {
                        throw TreeShapeError("split \(i) has invalid child \(child)")
                    }
                    splitParents[Int(child)] += 1
                } else {
                    guard Int(~child) < leafValues.count else {
                        throw TreeShapeError("split \(i) has invalid leaf child \(child)")
                    }
                    leafParents[Int(~child)] += 1
                }
            }
        }
        if let bad = splitParents.dropFirst().firstIndex(where: { $0 != 1 }) {
            throw TreeShapeError("split \(bad) has \(splitParents[bad]) parents")
        }
        if let bad = leafParents.firstIndex(where: { $0 != 1 }), !splits.isEmpty {
            throw TreeShapeError("leaf \(bad) has \(leafParents[bad]) parents")
        }
    }

    /// The number of splits on the longest root-to-leaf path (0 for a single leaf).
    func depth() -> Int {
        func walk(_ child: Int32) -> Int {
            child < 0 ? 0 : 1 + max(walk(splits[Int(child)].left), walk(splits[Int(child)].right))
        }
        return splits.isEmpty ? 0 : walk(0)
    }

    /// Saabas expected value of every split: the cover-weighted mean of its subtree's leaves,
    /// computed as `(E(left)·cover(left) + E(right)·cover(right)) / cover(node)`.
    func splitMeans() -> [Double] {
        var means = [Double](repeating: 0, count: splits.count)
        func value(_ child: Int32) -> (mean: Double, cover: Double) {
            if child < 0 { return (leafValues[Int(~child)], leafCovers[Int(~child)]) }
            return (fill(Int(child)), splits[Int(child)].cover)
        }
        func fill(_ i: Int) -> Double {
            let l = value(splits[i].left)
            let r = value(splits[i].right)
            var total = splits[i].cover
            if !(total > 0) { total = l.cover + r.cover }
            let mean = total > 0 ? (l.mean * l.cover + r.mean * r.cover) / total : (l.mean + r.mean) / 2
            means[i] = mean
            return mean
        }
        if !splits.isEmpty { _ = fill(0) }
        return means
    }
}

/// What is wrong with one tree's shape; loaders wrap it with the file and tree number.
struct TreeShapeError: Error {
    var reason: String
    init(_ reason: String) { self.reason = reason }
}
