import Testing
@testable import RiskModels

/// Random XGBoost-style ensembles checked against a direct, node-by-node reference walk.
@Suite("Random ensembles against a reference walk")
struct RandomEnsembleTests {
    /// A small deterministic generator (SplitMix64).
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }
        mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
    }

    /// A random tree of up to `depth` levels; thresholds are float32 values.
    static func randomTree(_ g: inout Generator, features: Int, depth: Int) -> RawTree {
        var tree = RawTree()
        func grow(_ level: Int) -> Int32 {
            if level == depth || (level > 1 && g.int(4) == 0) {
                tree.leafValues.append(Double(Float(g.unit() - 0.5)))
                tree.leafCovers.append(1 + g.unit())
                return ~Int32(tree.leafValues.count - 1)
            }
            let index = tree.splits.count
            tree.splits.append(RawTree.Split(
                feature: Int32(g.int(features)), threshold: Double(Float(g.unit() * 4 - 2)),
                decisionType: g.int(2) == 0 ? LightGBMSplit.defaultLeftBit : 0, left: 0, right: 0, cover: 0))
            let left = grow(level + 1)
            let right = grow(level + 1)
            tree.splits[index].left = left
            tree.splits[index].right = right
            return Int32(index)
        }
        _ = grow(0)
        // Covers: sum of children, so the Saabas means are well defined.
        func cover(_ c: Int32) -> Double {
            if c < 0 { return tree.leafCovers[Int(~c)] }
            let total = cover(tree.splits[Int(c)].left) + cover(tree.splits[Int(c)].right)
            tree.splits[Int(c)].cover = total
            return total
        }
        _ = cover(tree.splits.isEmpty ? ~0 : 0)
        return tree
    }

    /// XGBoost's rule, node by node, on the raw trees.
    static func reference(_ trees: [RawTree], base: Float, _ x: [Double]) -> Double {
        var sum = base
        for tree in trees {
            var node: Int32 = tree.splits.isEmpty ? ~0 : 0
            while node >= 0 {
                let s = tree.splits[Int(node)]
                let v = x[Int(s.feature)]
                let left = v.isNaN ? s.decisionType & LightGBMSplit.defaultLeftBit != 0 : Float(v) < Float(s.threshold)
                node = left ? s.left : s.right
            }
            sum += Float(tree.leafValues[Int(~node)])
        }
        return Double(sum)
    }

    @Test("compiled evaluation equals the reference walk, with stack slots and without", arguments: [12, 300])
    func matchesReference(features: Int) throws {
        var g = Generator(state: UInt64(features))
        let trees = (0..<60).map { _ in Self.randomTree(&g, features: features, depth: 7) }
        for tree in trees { try tree.validate(featureCount: features) }
        let names = (0..<features).map { "f\($0)" }
        let model = TreeEnsemble(trees: trees, format: .xgboost, featureNames: names, source: "random",
                                 baseMargin: Double(Float(0.25)), sigmoidScale: 1, categories: CategoryTables())
        let usesFallback = 2 * model.slotInputs.count + 1 > TreeEnsemble.maxStackSlots
        #expect(usesFallback == (features == 300))
        let thresholds = trees.flatMap { $0.splits.map(\.threshold) }
        for _ in 0..<300 {
            let x: [Double] = (0..<features).map { _ in
                switch g.int(10) {
                case 0: .nan
                case 1: thresholds[g.int(thresholds.count)]   // exactly on a split
                default: g.unit() * 4 - 2
                }
            }
            #expect(model.margin(x) == Self.reference(trees, base: 0.25, x))
            let (values, bias) = model.contributions(x)
            #expect(abs(bias + values.reduce(0, +) - model.margin(x)) < 1e-5)
        }
    }
}
