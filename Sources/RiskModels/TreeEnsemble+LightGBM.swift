import Foundation

extension TreeEnsemble {
    /// Loads a LightGBM text model (`model.txt`, objective `binary`).
    ///
    /// - Throws: ``ModelLoadError`` naming the file and what is wrong.
    public static func loadLightGBM(contentsOf url: URL) throws -> TreeEnsemble {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ModelLoadError.unreadable(source: url.path, reason: "\(error.localizedDescription)")
        }
        return try TreeEnsemble(lightGBMText: text, source: url.path)
    }

    /// Parses a LightGBM text model.
    ///
    /// Numerical splits go left iff `x <= threshold` after LightGBM's missing rules
    /// (`decision_type` bit 1 default left, `(t >> 2) & 3` missing type: NaN becomes 0 unless the
    /// type is NaN; a zero (|x| ≤ 1e-35) with type zero, or a NaN with type NaN, follows the default
    /// direction). Categorical splits (bit 0) go left iff the category's bit is set in the tree's
    /// `cat_threshold` bitset; NaN and negative values go right. Leaf values in `model.txt`
    /// already include the shrinkage, so they are summed as they are. `leaf_count` and
    /// `internal_count` are the covers for explanations.
    ///
    /// - Parameters:
    ///   - text: the file's content.
    ///   - source: the name used in error messages (usually the file path).
    /// - Throws: ``ModelLoadError`` naming `source` and what is wrong.
    public init(lightGBMText text: String, source: String) throws {
        let file = try LightGBMText(text, source: source)
        let header = file.header
        guard let objective = header["objective"] else {
            throw ModelLoadError.malformed(source: source, reason: "header has no objective line")
        }
        let words = objective.split(separator: " ")
        guard words.first == "binary" else {
            throw ModelLoadError.unsupported(source: source, reason: "objective '\(objective)' (only binary)")
        }
        var scale = 1.0
        for word in words.dropFirst() where word.hasPrefix("sigmoid:") {
            guard let s = Double(word.dropFirst("sigmoid:".count)), s > 0 else {
                throw ModelLoadError.malformed(source: source, reason: "objective '\(objective)' has a bad sigmoid")
            }
            scale = s
        }
        for key in ["num_class", "num_tree_per_iteration"] {
            if let v = header[key], v != "1" {
                throw ModelLoadError.unsupported(source: source, reason: "\(key)=\(v) (only binary models)")
            }
        }
        if file.flags.contains("average_output") {
            throw ModelLoadError.unsupported(source: source, reason: "average_output (random forest mode)")
        }
        guard let namesLine = header["feature_names"] else {
            throw ModelLoadError.malformed(source: source, reason: "header has no feature_names line")
        }
        let names = namesLine.split(separator: " ").map(String.init)
        if let maxIndex = header["max_feature_idx"].flatMap({ Int($0) }), maxIndex + 1 != names.count {
            throw ModelLoadError.malformed(source: source, reason: "\(names.count) feature_names for max_feature_idx \(maxIndex)")
        }
        guard !file.trees.isEmpty else {
            throw ModelLoadError.malformed(source: source, reason: "no Tree= blocks")
        }
        var categories = CategoryTables()
        var trees: [RawTree] = []
        trees.reserveCapacity(file.trees.count)
        for (i, block) in file.trees.enumerated() {
            do {
                let raw = try Self.lightGBMTree(block, categories: &categories)
                try raw.validate(featureCount: names.count)
                trees.append(raw)
            } catch {
                throw ModelLoadError.malformed(source: source, reason: "Tree=\(i): \(error.reason)")
            }
        }
        self.init(
            trees: trees, format: .lightGBM, featureNames: names, source: source,
            baseMargin: 0, sigmoidScale: scale, categories: categories)
    }

    /// Reads one `Tree=N` block, appending its category bitsets to `categories` and pointing its
    /// categorical splits at them.
    private static func lightGBMTree(
        _ block: [String: Substring], categories: inout CategoryTables
    ) throws(TreeShapeError) -> RawTree {
        if let linear = block["is_linear"], linear != "0" {
            throw TreeShapeError("linear trees are not supported")
        }
        let leaves = try block.int("num_leaves")
        guard leaves >= 1 else { throw TreeShapeError("num_leaves \(leaves)") }
        var raw = RawTree()
        raw.leafValues = try block.doubles("leaf_value", count: leaves)
        if leaves == 1 {
            raw.leafCovers = [1]
            return raw
        }
        let splits = leaves - 1
        let features = try block.ints("split_feature", count: splits)
        let thresholds = try block.doubles("threshold", count: splits)
        let types = try block.ints("decision_type", count: splits)
        let lefts = try block.ints("left_child", count: splits)
        let rights = try block.ints("right_child", count: splits)
        let (leafCovers, splitCovers) = try covers(block, leaves: leaves)
        raw.leafCovers = leafCovers

        let tableOffset = categories.count
        let catCount = block["num_cat"].flatMap { Int($0) } ?? 0
        if catCount > 0 {
            let bounds = try block.ints("cat_boundaries", count: catCount + 1)
            guard bounds.first == 0, zip(bounds, bounds.dropFirst()).allSatisfy({ $0 <= $1 }) else {
                throw TreeShapeError("cat_boundaries are not increasing from 0")
            }
            let bits = try block.ints("cat_threshold", count: Int(bounds.last!))
            let bitOffset = Int64(categories.bits.count)
            categories.boundaries += bounds.dropFirst().map { Int32($0 + bitOffset) }
            categories.bits += bits.map { UInt32(truncatingIfNeeded: $0) }
        }
        for i in 0..<splits {
            guard let type = UInt8(exactly: types[i]), let left = Int32(exactly: lefts[i]),
                  let right = Int32(exactly: rights[i]), let feature = Int32(exactly: features[i]) else {
                throw TreeShapeError("split \(i) has an out-of-range field")
            }
            var threshold = thresholds[i]
            if type & DecisionType.categoricalBit == 0 {
                guard threshold.isFinite else { throw TreeShapeError("split \(i) has threshold \(threshold)") }
                guard DecisionType.missingType(type) <= 2 else {
                    throw TreeShapeError("split \(i) has unknown missing type in decision_type \(type)")
                }
            } else {
                let table = Int(threshold)
                guard Double(table) == threshold, table >= 0, table < catCount else {
                    throw TreeShapeError("categorical split \(i) points at bitset \(threshold) of \(catCount)")
                }
                threshold = Double(tableOffset + table)
            }
            raw.splits.append(RawTree.Split(
                feature: feature, threshold: threshold, decisionType: type,
                left: left, right: right, cover: splitCovers[i]))
        }
        return raw
    }

    /// Leaf and split covers: row counts (`leaf_count` / `internal_count`, as LightGBM's own
    /// expected value uses), else hessian sums (`leaf_weight` / `internal_weight`).
    private static func covers(
        _ block: [String: Substring], leaves: Int
    ) throws(TreeShapeError) -> (leaves: [Double], splits: [Double]) {
        if block["leaf_count"] != nil {
            return (try block.doubles("leaf_count", count: leaves),
                    try block.doubles("internal_count", count: leaves - 1))
        }
        return (try block.doubles("leaf_weight", count: leaves),
                try block.doubles("internal_weight", count: leaves - 1))
    }
}
