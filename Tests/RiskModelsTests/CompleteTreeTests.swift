import Testing
@testable import RiskModels

/// The complete-tree layout (implicit child positions) against the explicit node walk and
/// XGBoost's split rule.
@Suite("Complete trees")
struct CompleteTreeTests {
    typealias Random = RandomEnsembleTests

    static func xgboost(_ trees: [RawTree], features: Int) -> TreeEnsemble {
        TreeEnsemble(trees: trees, format: .xgboost, featureNames: (0..<features).map { "f\($0)" },
                     source: "test", baseMargin: Double(Float(0.25)), sigmoidScale: 1, categories: CategoryTables())
    }

    @Test("margins and contributions equal the explicit walk's bit for bit",
          arguments: [(1, 1), (7, 3), (9, 8), (61, 5), (100, 6)])
    func matchesExplicitWalk(trees treeCount: Int, depth: Int) throws {
        var g = Random.Generator(state: UInt64(treeCount * 31 + depth))
        let features = 12
        let trees = (0..<treeCount).map { _ in Random.randomTree(&g, features: features, depth: depth, lightGBM: false) }
        for tree in trees { try tree.validate(featureCount: features) }
        let model = Self.xgboost(trees, features: features)
        #expect(model.storage.completeTrees?.contiguous == true)
        let thresholds: [Double] = trees.flatMap { $0.splits.map(\.threshold) } + [0]
        for _ in 0..<300 {
            let x = Random.randomInput(&g, features: features, thresholds: thresholds)
            let explicit = x.withUnsafeBufferPointer { model.explicitXGBoostMargin($0) }
            #expect(model.margin(x) == Double(explicit))
            #expect(model.margin(x) == Random.reference(trees, base: model.baseMargin, lightGBM: false, tables: CategoryTables(), x))
            var expected = [Double](repeating: 0, count: features)
            x.withUnsafeBufferPointer { x in
                expected.withUnsafeMutableBufferPointer { model.explicitXGBoostContributions(x, into: $0.baseAddress!) }
            }
            #expect(model.contributions(x).values == expected)
            // The same contributions from the trail the margin's walk left, bit for bit.
            var trail = [Int32](repeating: -1, count: model.trailLength)
            var fromTrail = [Double](repeating: .nan, count: features)
            let margin = x.withUnsafeBufferPointer { x in trail.withUnsafeMutableBufferPointer { model.margin(x, trail: $0) } }
            #expect(margin == model.margin(x))
            let bias = x.withUnsafeBufferPointer { x in
                trail.withUnsafeBufferPointer { trail in
                    fromTrail.withUnsafeMutableBufferPointer { model.contributions(x, trail: trail, into: $0) }
                }
            }
            #expect(fromTrail == expected)
            #expect(bias == model.contributions(x).bias)
        }
    }

    @Test("a trail shorter than the model's is neither written nor read")
    func shortTrailIsIgnored() throws {
        var g = Random.Generator(state: 7)
        let features = 6
        let trees = (0..<12).map { _ in Random.randomTree(&g, features: features, depth: 4, lightGBM: false) }
        let model = Self.xgboost(trees, features: features)
        #expect(model.trailLength == 16)
        let x = Random.randomInput(&g, features: features, thresholds: trees.flatMap { $0.splits.map(\.threshold) })
        var short = [Int32](repeating: 12_345, count: model.trailLength - 1)
        let margin = x.withUnsafeBufferPointer { x in short.withUnsafeMutableBufferPointer { model.margin(x, trail: $0) } }
        #expect(margin == model.margin(x))
        #expect(short.allSatisfy { $0 == 12_345 })
        var out = [Double](repeating: .nan, count: features)
        _ = x.withUnsafeBufferPointer { x in
            short.withUnsafeBufferPointer { trail in out.withUnsafeMutableBufferPointer { model.contributions(x, trail: trail, into: $0) } }
        }
        #expect(out == model.contributions(x).values)
    }

    @Test("groups deeper than the limit use the explicit nodes, which still match the reference")
    func deepTreesFallBack() throws {
        var g = Random.Generator(state: 99)
        let features = 12
        let trees = (0..<20).map { _ in Random.randomTree(&g, features: features, depth: 11, lightGBM: false) }
        for tree in trees { try tree.validate(featureCount: features) }
        let model = Self.xgboost(trees, features: features)
        #expect(model.maxDepth > CompleteTreeTables.maximumDepth)
        #expect(model.storage.completeTrees == nil)
        let thresholds = trees.flatMap { $0.splits.map(\.threshold) }
        for _ in 0..<200 {
            let x = Random.randomInput(&g, features: features, thresholds: thresholds)
            #expect(model.margin(x) == Random.reference(trees, base: model.baseMargin, lightGBM: false, tables: CategoryTables(), x))
        }
    }

    /// A one-split tree on feature 0 at `threshold`: leaf 1 on the left, 2 on the right.
    static func stump(threshold: Double, defaultLeft: Bool) -> RawTree {
        RawTree(
            splits: [RawTree.Split(feature: 0, threshold: threshold, decisionType: defaultLeft ? DecisionType.defaultLeftBit : 0,
                                   left: ~0, right: ~1, cover: 2)],
            leafValues: [1, 2], leafCovers: [1, 1])
    }

    @Test("a split compares in float32 with strict less-than and sends NaN its default way", arguments: [false, true])
    func splitRule(defaultLeft: Bool) {
        for t: Float in [0.1, 0, -0.0, -2.5, 1e-30, Float.leastNonzeroMagnitude, -Float.greatestFiniteMagnitude, 3e38] {
            let model = Self.xgboost([Self.stump(threshold: Double(t), defaultLeft: defaultLeft)], features: 1)
            #expect(model.storage.completeTrees != nil)
            let values: [Double] = [Double(t), Double(t.nextDown), Double(t.nextUp), 0, -0.0, .infinity, -.infinity, .nan, 0.1]
            for v in values {
                let left = v.isNaN ? defaultLeft : Float(v) < t
                #expect(model.margin([v]) == Double(Float(0.25) + (left ? 1 : 2)), "t \(t) x \(v) default left \(defaultLeft)")
            }
        }
    }

    @Test("a threshold that is infinite in float32 keeps the explicit nodes")
    func infiniteThreshold() {
        let model = Self.xgboost([Self.stump(threshold: 1e300, defaultLeft: false)], features: 1)
        #expect(model.storage.completeTrees == nil)
        #expect(model.margin([1]) == Double(Float(0.25) + 1))
    }

    @Test("complete nodes are 8 and 16 bytes and a bound copy reads the remapped inputs")
    func layoutAndBinding() throws {
        #expect(MemoryLayout<CompleteNode>.stride == 8)
        #expect(MemoryLayout<AttributedNode>.stride == 16)
        let model = Self.xgboost([Self.stump(threshold: 0.5, defaultLeft: false)], features: 1)
        let bound = try model.bind(to: ["other", "f0"])
        // Unbound, slot j reads input j (the straight conversion); bound, slot 0 reads input 1.
        #expect(model.storage.completeTrees?.contiguous == true)
        #expect(bound.storage.completeTrees?.contiguous == false)
        #expect(bound.margin([1, 0]) == Double(Float(0.25) + 1))
        #expect(bound.margin([0, 1]) == Double(Float(0.25) + 2))
        #expect(bound.contributions([0, 1]).values == [0, 0.5])
    }
}
