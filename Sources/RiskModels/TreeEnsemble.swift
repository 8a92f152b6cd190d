/// A gradient-boosted tree ensemble for binary classification, compiled into flat arrays.
///
/// Load one with ``loadXGBoost(contentsOf:)`` / ``init(xgboostJSON:source:)`` or
/// ``loadLightGBM(contentsOf:)`` / ``init(lightGBMText:source:)``. At load time every tree is
/// compiled into one contiguous array of fixed-size split records (feature index, threshold,
/// child indices, default-left and missing-type bits), one array of leaf values and one array of
/// per-split Saabas expected values; there are no per-node objects. Each format keeps its
/// library's exact comparison: XGBoost `Float(x) < threshold` in float32 with the sum of leaves
/// accumulated in float32 as XGBoost does, LightGBM `x <= threshold` in double with its
/// missing-value rules and categorical bitsets.
///
/// The value is immutable and `Sendable`: share one instance across threads.
public struct TreeEnsemble: ScoringModel {
    /// The library a model came from; it decides the split semantics.
    public enum Format: String, Sendable {
        /// XGBoost JSON (`binary:logistic`).
        case xgboost
        /// LightGBM `model.txt` (`binary`).
        case lightGBM
    }

    /// The name of each input slot. After ``bind(to:)`` this is the schema.
    public let featureNames: [String]
    /// Where the model was loaded from.
    public let source: String
    /// The library whose semantics the ensemble follows.
    public let format: Format
    /// The margin added to the sum of leaves (XGBoost's `logit(base_score)`; 0 for LightGBM,
    /// which folds its initial score into the first tree).
    public let baseMargin: Double
    /// The scale of the sigmoid: probability = `1 / (1 + exp(-sigmoidScale · margin))`.
    public let sigmoidScale: Double

    let roots: [Int32]
    let xgboostSplits: [Float32Split]
    let lightGBMSplits: [LightGBMSplit]
    let categories: CategoryTables
    let leafValues: [Double]
    /// Saabas expected value per split (same indexing as the split array).
    let splitMeans: [Double]
    /// `baseMargin` + the expected value of every tree's root.
    let bias: Double

    /// The number of input slots a feature vector must provide.
    public var inputCount: Int { featureNames.count }
    /// The number of trees.
    public var treeCount: Int { roots.count }
    /// The number of splits (internal nodes) over all trees.
    public var splitCount: Int { max(xgboostSplits.count, lightGBMSplits.count) }
    /// The number of leaves over all trees.
    public var leafCount: Int { leafValues.count }

    /// Compiles validated raw trees into the flat representation.
    init(
        trees: [RawTree], format: Format, featureNames: [String], source: String,
        baseMargin: Double, sigmoidScale: Double, categories: CategoryTables
    ) {
        var roots: [Int32] = []
        var xgb: [Float32Split] = []
        var lgb: [LightGBMSplit] = []
        var leaves: [Double] = []
        var means: [Double] = []
        var bias = baseMargin
        for tree in trees {
            let splitOffset = Int32(means.count)
            let leafOffset = Int32(leaves.count)
            func relocate(_ child: Int32) -> Int32 {
                child >= 0 ? child + splitOffset : ~(~child + leafOffset)
            }
            let treeMeans = tree.splitMeans()
            bias += tree.splits.isEmpty ? tree.leafValues[0] : treeMeans[0]
            roots.append(tree.splits.isEmpty ? ~leafOffset : splitOffset)
            for s in tree.splits {
                switch format {
                case .xgboost:
                    let defaultLeft = s.decisionType & LightGBMSplit.defaultLeftBit != 0
                    xgb.append(Float32Split(
                        featureAndDefaultLeft: UInt32(s.feature) | (defaultLeft ? Float32Split.defaultLeftBit : 0),
                        threshold: Float(s.threshold), left: relocate(s.left), right: relocate(s.right)))
                case .lightGBM:
                    lgb.append(LightGBMSplit(
                        threshold: s.threshold, feature: s.feature, decisionType: s.decisionType,
                        left: relocate(s.left), right: relocate(s.right)))
                }
            }
            leaves += tree.leafValues
            means += treeMeans
        }
        self.roots = roots
        self.xgboostSplits = xgb
        self.lightGBMSplits = lgb
        self.leafValues = leaves
        self.splitMeans = means
        self.bias = bias
        self.categories = categories
        self.format = format
        self.featureNames = featureNames
        self.source = source
        self.baseMargin = baseMargin
        self.sigmoidScale = sigmoidScale
    }

    /// A copy with the same trees reading features at remapped positions.
    private init(remapping other: TreeEnsemble, to schema: [String], positions: [Int32]) {
        roots = other.roots
        xgboostSplits = other.xgboostSplits.map { s in
            var s = s
            s.featureAndDefaultLeft = UInt32(positions[s.feature])
                | (s.featureAndDefaultLeft & Float32Split.defaultLeftBit)
            return s
        }
        lightGBMSplits = other.lightGBMSplits.map { s in
            var s = s
            s.feature = positions[Int(s.feature)]
            return s
        }
        categories = other.categories
        leafValues = other.leafValues
        splitMeans = other.splitMeans
        bias = other.bias
        format = other.format
        featureNames = schema
        source = other.source
        baseMargin = other.baseMargin
        sigmoidScale = other.sigmoidScale
    }

    /// Returns a copy that reads each model feature from its position in `schema`.
    ///
    /// - Throws: ``ModelLoadError/featureNotInSchema(source:feature:)`` naming the first model
    ///   feature absent from `schema`, or ``ModelLoadError/duplicateSchemaFeature(source:feature:)``.
    public func bind(to schema: [String]) throws -> TreeEnsemble {
        let positions = try SchemaMapping.indices(of: featureNames, in: schema, source: source)
        return TreeEnsemble(remapping: self, to: schema, positions: positions)
    }

    /// The probability for a margin: `1 / (1 + exp(-sigmoidScale · margin))`.
    public func probability(margin: Double) -> Double {
        sigmoid(sigmoidScale * margin)
    }
}
