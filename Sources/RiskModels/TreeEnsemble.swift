/// A gradient-boosted tree ensemble for binary classification, compiled into flat arrays.
///
/// Load one with ``loadXGBoost(contentsOf:)`` / ``init(xgboostJSON:source:)`` or
/// ``loadLightGBM(contentsOf:)`` / ``init(lightGBMText:source:)``. At load time every tree is
/// compiled into one contiguous array of fixed-size node records (16 bytes for XGBoost, 24 for
/// LightGBM: feature index, threshold, child indices, default-left / missing-type bits; a leaf
/// is a record whose children are itself and whose threshold field holds its value), plus one
/// array of per-node Saabas expected values; there are no per-node objects. XGBoost ensembles
/// whose groups of eight trees are at most ``CompleteTreeTables/maximumDepth`` deep are also laid
/// out as complete trees with implicit child positions (``CompleteTrees``: 8-byte nodes holding
/// threshold and slot, children of position `k` at `2k` and `2k + 1`), which evaluation prefers.
/// Each format keeps its library's exact comparison: XGBoost `Float(x) < threshold` in float32
/// with `default_left` for NaN and the leaves summed in float32 as XGBoost does; LightGBM
/// `x <= threshold` in double with its missing-value rules and categorical bitsets.
///
/// Evaluation walks eight trees in lockstep for a fixed number of steps (the group's depth)
/// with branch-free child selection, and never allocates. Everything lives in one immutable
/// shared object, so copying an ensemble retains one reference and evaluating through a
/// complete-tree layout touches no reference count. The value is immutable and `Sendable`: share
/// one instance across threads.
public struct TreeEnsemble: ScoringModel {
    /// The library a model came from; it decides the split semantics.
    public enum Format: String, Sendable {
        /// XGBoost JSON (`binary:logistic`).
        case xgboost
        /// LightGBM `model.txt` (`binary`).
        case lightGBM
    }

    /// The compiled trees and the model's description, shared by every copy: copying an
    /// ensemble (into a ``RiskModel``, out of a policy) retains one object.
    let storage: Storage

    /// The name of each input slot. After ``bind(to:)`` this is the schema.
    public var featureNames: [String] { storage.featureNames }
    /// Where the model was loaded from.
    public var source: String { storage.source }
    /// The library whose semantics the ensemble follows.
    public var format: Format { storage.format }
    /// The margin added to the sum of leaves (XGBoost's `logit(base_score)`; 0 for LightGBM,
    /// which folds its initial score into the first tree).
    public var baseMargin: Double { storage.baseMargin }
    /// The scale of the sigmoid: probability = `1 / (1 + exp(-sigmoidScale · margin))`.
    public var sigmoidScale: Double { storage.sigmoidScale }
    /// Number of leaves over all trees.
    public var leafCount: Int { storage.leafCount }
    /// The number of input slots a feature vector must provide.
    public var inputCount: Int { storage.inputCount }
    /// The number of trees.
    public var treeCount: Int { storage.treeCount }
    /// The number of splits (internal nodes) over all trees.
    public var splitCount: Int { storage.splitCount }
    /// The largest tree depth (0 for an ensemble of single leaves).
    public var maxDepth: Int { Int(storage.depths.max() ?? 0) }

    /// Wraps compiled storage.
    init(storage: Storage) {
        self.storage = storage
    }

    /// Compiles validated raw trees into the flat representation: each tree's splits, then its
    /// leaves, as consecutive nodes. LightGBM split thresholds must be finite and missing types
    /// 0–2 (``TreeEnsemble/init(lightGBMText:source:)`` checks).
    init(
        trees: [RawTree], format: Format, featureNames: [String], source: String,
        baseMargin: Double, sigmoidScale: Double, categories: CategoryTables
    ) {
        var roots: [Int32] = []
        var depths: [Int32] = []
        var xgb: [Float32Split] = []
        var lgb: [LightGBMSplit] = []
        var means: [Double] = []
        var inputs: [Int32] = []
        var leafCount = 0
        var bias = baseMargin
        // Nodes read features through slots. LightGBM (five slots a feature) and wide XGBoost
        // models use only the features the splits use; an XGBoost model whose every feature fits
        // the complete-tree slot scratch gets one slot per input in input order, so that filling
        // the slots is one contiguous, vectorizable conversion (see ``CompleteTrees``).
        let split = Set(trees.flatMap { $0.splits.map(\.feature) }).sorted()
        let everyInput = Array(Int32(0)..<Int32(featureNames.count))
        let used = format == .xgboost && CompleteTrees.fitsContiguousSlots(inputCount: featureNames.count)
            && split.allSatisfy({ $0 < featureNames.count }) ? everyInput : split
        let slotOf = Dictionary(uniqueKeysWithValues: used.enumerated().map { ($1, Int32($0)) })
        let slotCount = Int32(used.count)
        for tree in trees {
            let offset = Int32(means.count)
            let leafOffset = offset + Int32(tree.splits.count)
            func relocate(_ child: Int32) -> Int32 {
                child >= 0 ? child + offset : ~child + leafOffset
            }
            let splitMeans = tree.splitMeans()
            bias += tree.splits.isEmpty ? tree.leafValues[0] : splitMeans[0]
            roots.append(offset)
            depths.append(Int32(tree.depth()))
            for s in tree.splits {
                switch format {
                case .xgboost:
                    xgb.append(Float32Split(
                        slot: slotOf[s.feature]!, slotCount: slotCount, threshold: Float(s.threshold),
                        left: relocate(s.left), right: relocate(s.right),
                        defaultLeft: s.decisionType & DecisionType.defaultLeftBit != 0))
                case .lightGBM:
                    lgb.append(LightGBMSplit(
                        slot: slotOf[s.feature]!, slotCount: slotCount, threshold: s.threshold,
                        decisionType: s.decisionType, left: relocate(s.left), right: relocate(s.right)))
                }
            }
            for (i, value) in tree.leafValues.enumerated() {
                switch format {
                case .xgboost: xgb.append(.leaf(Float(value), at: leafOffset + Int32(i)))
                case .lightGBM: lgb.append(.leaf(value, at: leafOffset + Int32(i)))
                }
            }
            means += splitMeans
            means += tree.leafValues
            inputs += tree.splits.map(\.feature)
            inputs += repeatElement(0, count: tree.leafValues.count)
            leafCount += tree.leafValues.count
        }
        let treeCount = roots.count
        let splitCount = means.count - leafCount
        if treeCount % Self.lanes != 0 {
            let padding = Int32(means.count)
            switch format {
            case .xgboost: xgb.append(.leaf(0, at: padding))
            case .lightGBM: lgb.append(.leaf(0, at: padding))
            }
            means.append(0)
            inputs.append(0)
            while roots.count % Self.lanes != 0 {
                roots.append(padding)
                depths.append(0)
            }
        }
        storage = Storage(
            featureNames: featureNames, source: source, format: format, baseMargin: baseMargin,
            sigmoidScale: sigmoidScale, treeCount: treeCount, splitCount: splitCount, leafCount: leafCount,
            roots: roots, depths: depths, xgboostNodes: xgb, slotInputs: used, lightGBMNodes: lgb,
            categories: categories, nodeMeans: means, nodeInputs: inputs, bias: bias,
            completeTreeTables: format == .xgboost ? CompleteTreeTables(trees: trees, slotOf: slotOf, slotInputs: used) : nil)
    }

    /// Returns a copy that reads each model feature from its position in `schema`.
    ///
    /// - Throws: ``ModelLoadError/featureNotInSchema(source:feature:)`` naming the first model
    ///   feature absent from `schema`, or ``ModelLoadError/duplicateSchemaFeature(source:feature:)``.
    public func bind(to schema: [String]) throws -> TreeEnsemble {
        let positions = try SchemaMapping.indices(of: featureNames, in: schema, source: source)
        return TreeEnsemble(storage: Storage(remapping: storage, to: schema, positions: positions))
    }

    /// The probability for a margin: `1 / (1 + exp(-sigmoidScale · margin))`.
    public func probability(margin: Double) -> Double {
        sigmoid(sigmoidScale * margin)
    }
}
