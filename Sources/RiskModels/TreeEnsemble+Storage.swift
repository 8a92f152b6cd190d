extension TreeEnsemble {
    /// Everything a ``TreeEnsemble`` holds, in one immutable object shared by every copy of the
    /// ensemble, so that a copy costs one retain and evaluation reads the arrays in place.
    final class Storage: Sendable {
        let featureNames: [String]
        /// `featureNames.count`, read on every prediction.
        let inputCount: Int
        let source: String
        let format: Format
        let baseMargin: Double
        let sigmoidScale: Double
        let treeCount: Int
        let splitCount: Int
        let leafCount: Int

        /// Node index of each tree's root, padded to a multiple of ``TreeEnsemble/lanes`` with a
        /// shared zero-valued leaf (adding +0 leaves every sum unchanged).
        let roots: [Int32]
        /// Steps from root to the deepest leaf, per tree; walking that many steps reaches a leaf.
        let depths: [Int32]
        /// Per group of ``TreeEnsemble/lanes`` consecutive trees, the largest depth (trees are
        /// walked in lockstep).
        let groupDepths: [Int32]
        /// Node arrays (splits and leaves); only the one matching ``format`` is filled.
        let xgboostNodes: [Float32Split]
        /// The input index of each used feature, in slot order (see ``Float32Split`` and
        /// ``LightGBMSplit``).
        let slotInputs: [Int32]
        let lightGBMNodes: [LightGBMSplit]
        let categories: CategoryTables
        /// Saabas expected value per node (a leaf's is its value).
        let nodeMeans: [Double]
        /// The input index each node's split reads (0 for leaves), for contributions.
        let nodeInputs: [Int32]
        /// `baseMargin` + the expected value of every tree's root.
        let bias: Double
        /// The XGBoost trees as complete trees with implicit child positions, which evaluation
        /// prefers; nil for LightGBM and when ``CompleteTreeTables/init(trees:slotOf:slotInputs:)``
        /// declines (groups deeper than ``CompleteTreeTables/maximumDepth``, too many features).
        let completeTreeTables: CompleteTreeTables?
        /// ``completeTreeTables``' view, read without touching a reference count.
        let completeTrees: CompleteTrees?

        init(
            featureNames: [String], source: String, format: Format, baseMargin: Double, sigmoidScale: Double,
            treeCount: Int, splitCount: Int, leafCount: Int, roots: [Int32], depths: [Int32],
            xgboostNodes: [Float32Split], slotInputs: [Int32], lightGBMNodes: [LightGBMSplit],
            categories: CategoryTables, nodeMeans: [Double], nodeInputs: [Int32], bias: Double,
            completeTreeTables: CompleteTreeTables?
        ) {
            self.featureNames = featureNames
            self.inputCount = featureNames.count
            self.source = source
            self.format = format
            self.baseMargin = baseMargin
            self.sigmoidScale = sigmoidScale
            self.treeCount = treeCount
            self.splitCount = splitCount
            self.leafCount = leafCount
            self.roots = roots
            self.depths = depths
            self.groupDepths = stride(from: 0, to: depths.count, by: TreeEnsemble.lanes).map {
                depths[$0..<min($0 + TreeEnsemble.lanes, depths.count)].max()!
            }
            self.xgboostNodes = xgboostNodes
            self.slotInputs = slotInputs
            self.lightGBMNodes = lightGBMNodes
            self.categories = categories
            self.nodeMeans = nodeMeans
            self.nodeInputs = nodeInputs
            self.bias = bias
            self.completeTreeTables = completeTreeTables
            self.completeTrees = completeTreeTables?.trees
        }

        /// The same trees reading features at remapped positions: nodes read slots, so only the
        /// slot-to-input tables and the contribution targets change.
        convenience init(remapping other: Storage, to schema: [String], positions: [Int32]) {
            let slotInputs = other.slotInputs.map { positions[Int($0)] }
            self.init(
                featureNames: schema, source: other.source, format: other.format, baseMargin: other.baseMargin,
                sigmoidScale: other.sigmoidScale, treeCount: other.treeCount, splitCount: other.splitCount,
                leafCount: other.leafCount, roots: other.roots, depths: other.depths,
                xgboostNodes: other.xgboostNodes, slotInputs: slotInputs,
                lightGBMNodes: other.lightGBMNodes, categories: other.categories, nodeMeans: other.nodeMeans,
                nodeInputs: other.nodeInputs.map { positions[Int($0)] }, bias: other.bias,
                completeTreeTables: other.completeTreeTables?.reading(slotInputs))
        }
    }

    var roots: [Int32] { storage.roots }
    var groupDepths: [Int32] { storage.groupDepths }
    var xgboostNodes: [Float32Split] { storage.xgboostNodes }
    var slotInputs: [Int32] { storage.slotInputs }
    var lightGBMNodes: [LightGBMSplit] { storage.lightGBMNodes }
    var categories: CategoryTables { storage.categories }
    var nodeMeans: [Double] { storage.nodeMeans }
    var nodeInputs: [Int32] { storage.nodeInputs }
    var bias: Double { storage.bias }
}
