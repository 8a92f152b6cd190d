import Foundation

extension TreeEnsemble {
    /// Loads an XGBoost JSON model file (`binary:logistic`, `gbtree`, numerical splits).
    ///
    /// - Throws: ``ModelLoadError`` naming the file and what is wrong.
    public static func loadXGBoost(contentsOf url: URL) throws -> TreeEnsemble {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ModelLoadError.unreadable(source: url.path, reason: "\(error.localizedDescription)")
        }
        return try TreeEnsemble(xgboostJSON: data, source: url.path)
    }

    /// Parses an XGBoost JSON model.
    ///
    /// Reads `learner.gradient_booster.model.trees` (split `x < split_condition` in float32,
    /// missing follows `default_left`, a node is a leaf when `left_children` is -1 and its value
    /// is `split_conditions`), `learner.learner_model_param.base_score` (`"5E-1"` or `"[5E-1]"`,
    /// a probability: the margin offset is its logit), `learner.feature_names` (or `f0`, `f1`, …
    /// when absent) and `sum_hessian` as the cover for explanations.
    ///
    /// - Parameters:
    ///   - data: the JSON text.
    ///   - source: the name used in error messages (usually the file path).
    /// - Throws: ``ModelLoadError`` naming `source` and what is wrong.
    public init(xgboostJSON data: Data, source: String) throws {
        let file: XGBoostJSON
        do {
            file = try JSONDecoder().decode(XGBoostJSON.self, from: data)
        } catch let error as DecodingError {
            throw ModelLoadError.malformed(source: source, reason: "not an XGBoost JSON model: \(describe(error))")
        } catch {
            throw ModelLoadError.malformed(source: source, reason: "not valid JSON: \(error)")
        }
        let learner = file.learner
        let objective = learner.objective.name
        guard objective == "binary:logistic" || objective == "reg:logistic" else {
            throw ModelLoadError.unsupported(source: source, reason: "objective '\(objective)' (only binary:logistic)")
        }
        let param = learner.learnerModelParam
        if let classes = param.numClass.flatMap({ Int($0) }), classes > 1 {
            throw ModelLoadError.unsupported(source: source, reason: "num_class \(classes) (only binary models)")
        }
        if let targets = param.numTarget.flatMap({ Int($0) }), targets > 1 {
            throw ModelLoadError.unsupported(source: source, reason: "num_target \(targets) (only one target)")
        }
        guard learner.gradientBooster.name == "gbtree", let model = learner.gradientBooster.model else {
            throw ModelLoadError.unsupported(source: source, reason: "booster '\(learner.gradientBooster.name)' (only gbtree)")
        }
        guard let featureCount = Int(param.numFeature), featureCount >= 0 else {
            throw ModelLoadError.malformed(source: source, reason: "num_feature '\(param.numFeature)' is not an integer")
        }
        var names = learner.featureNames ?? []
        if names.isEmpty { names = (0..<featureCount).map { "f\($0)" } }
        guard names.count == featureCount else {
            throw ModelLoadError.malformed(source: source, reason: "\(names.count) feature_names for num_feature \(featureCount)")
        }
        let baseMargin = try Self.xgboostBaseMargin(param.baseScore, source: source)
        var trees: [RawTree] = []
        trees.reserveCapacity(model.trees.count)
        for (i, tree) in model.trees.enumerated() {
            do {
                let raw = try Self.rawTree(from: tree)
                try raw.validate(featureCount: featureCount)
                trees.append(raw)
            } catch {
                throw ModelLoadError.malformed(source: source, reason: "tree \(i): \(error.reason)")
            }
        }
        self.init(
            trees: trees, format: .xgboost, featureNames: names, source: source,
            baseMargin: Double(baseMargin), sigmoidScale: 1, categories: CategoryTables())
    }

    /// `base_score` (a probability, `"5E-1"` or `"[5E-1]"`) to a float32 margin, as XGBoost's
    /// `ProbToMargin`: `-log(1 / p - 1)`.
    static func xgboostBaseMargin(_ text: String, source: String) throws -> Float {
        var trimmed = Substring(text)
        if trimmed.hasPrefix("[") && trimmed.hasSuffix("]") { trimmed = trimmed.dropFirst().dropLast() }
        guard !trimmed.contains(","), let p = Float(trimmed), p > 0, p < 1 else {
            throw ModelLoadError.malformed(source: source, reason: "base_score '\(text)' is not one probability in (0, 1)")
        }
        return -logf(1 / p - 1)
    }

    /// Converts XGBoost's node-indexed arrays into a ``RawTree``, keeping only nodes reachable
    /// from the root (deleted nodes are skipped).
    private static func rawTree(from tree: XGBoostJSON.Tree) throws(TreeShapeError) -> RawTree {
        let n = tree.leftChildren.count
        guard n > 0 else { throw TreeShapeError("no nodes") }
        let lengths = [tree.rightChildren.count, tree.splitIndices.count, tree.splitConditions.count,
                       tree.defaultLeft.count, tree.sumHessian.count]
        guard lengths.allSatisfy({ $0 == n }) else {
            throw TreeShapeError("node arrays have different lengths \([n] + lengths)")
        }
        if let types = tree.splitType, types.contains(where: { $0 != 0 }) {
            throw TreeShapeError("categorical splits are not supported for XGBoost models")
        }
        var raw = RawTree()
        // Number reachable nodes depth first: splits and leaves separately, root split first.
        var splitIndex = [Int32](repeating: -1, count: n)
        var leafIndex = [Int32](repeating: -1, count: n)
        var stack: [Int] = [0]
        var order: [Int] = []
        while let id = stack.popLast() {
            guard order.count < n else { throw TreeShapeError("node graph has a cycle") }
            if tree.leftChildren[id] == -1 {
                guard leafIndex[id] == -1 else { throw TreeShapeError("node \(id) is reached twice") }
                leafIndex[id] = Int32(raw.leafValues.count)
                raw.leafValues.append(Double(tree.splitConditions[id]))
                raw.leafCovers.append(tree.sumHessian[id])
            } else {
                guard splitIndex[id] == -1 else { throw TreeShapeError("node \(id) is reached twice") }
                splitIndex[id] = Int32(order.count)
                order.append(id)
                for child in [tree.rightChildren[id], tree.leftChildren[id]] {
                    guard child > 0, Int(child) < n else { throw TreeShapeError("node \(id) has invalid child \(child)") }
                    stack.append(Int(child))
                }
            }
        }
        for id in order {
            func ref(_ child: Int32) -> Int32 {
                let c = Int(child)
                return splitIndex[c] >= 0 ? splitIndex[c] : ~leafIndex[c]
            }
            raw.splits.append(RawTree.Split(
                feature: tree.splitIndices[id], threshold: Double(tree.splitConditions[id]),
                decisionType: tree.defaultLeft[id] ? DecisionType.defaultLeftBit : 0,
                left: ref(tree.leftChildren[id]), right: ref(tree.rightChildren[id]),
                cover: tree.sumHessian[id]))
        }
        return raw
    }
}

/// A short readable account of a JSON decoding error: the path and what was expected.
func describe(_ error: DecodingError) -> String {
    func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    }
    switch error {
    case let .keyNotFound(key, context):
        return "missing key '\(key.stringValue)' at \(path(context.codingPath))"
    case let .typeMismatch(_, context), let .valueNotFound(_, context), let .dataCorrupted(context):
        return "\(context.debugDescription) at \(path(context.codingPath))"
    @unknown default:
        return "\(error)"
    }
}
