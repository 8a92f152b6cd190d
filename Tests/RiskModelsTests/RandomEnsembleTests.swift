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

    /// A random tree of up to `depth` levels. XGBoost trees get float32 thresholds and a random
    /// default direction; LightGBM trees get every missing type and, when `tables` > 0,
    /// categorical splits pointing at one of `tables` bitsets.
    static func randomTree(_ g: inout Generator, features: Int, depth: Int, lightGBM: Bool, tables: Int = 0) -> RawTree {
        var tree = RawTree()
        func grow(_ level: Int) -> Int32 {
            if level == depth || (level > 1 && g.int(4) == 0) {
                tree.leafValues.append(Double(Float(g.unit() - 0.5)))
                tree.leafCovers.append(1 + g.unit())
                return ~Int32(tree.leafValues.count - 1)
            }
            let index = tree.splits.count
            var type: UInt8 = g.int(2) == 0 ? DecisionType.defaultLeftBit : 0
            var threshold = Double(Float(g.unit() * 4 - 2))
            if lightGBM {
                threshold = [0, DecisionType.zeroThreshold, -1.5, 2.25, g.unit() * 4 - 2][g.int(5)]
                type |= UInt8(g.int(3)) << 2
                if tables > 0 && g.int(5) == 0 {
                    type = DecisionType.categoricalBit
                    threshold = Double(g.int(tables))
                }
            }
            tree.splits.append(RawTree.Split(
                feature: Int32(g.int(features)), threshold: threshold, decisionType: type, left: 0, right: 0, cover: 0))
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

    /// Each library's rule, node by node, on the raw trees, written independently of the
    /// compiled nodes.
    static func reference(_ trees: [RawTree], base: Double, lightGBM: Bool, tables: CategoryTables, _ x: [Double]) -> Double {
        var floatSum = Float(base)
        var doubleSum = base
        for tree in trees {
            var node: Int32 = tree.splits.isEmpty ? ~0 : 0
            while node >= 0 {
                let s = tree.splits[Int(node)]
                let v = x[Int(s.feature)]
                let left: Bool
                if !lightGBM {
                    left = v.isNaN ? s.decisionType & DecisionType.defaultLeftBit != 0 : Float(v) < Float(s.threshold)
                } else if s.decisionType & DecisionType.categoricalBit != 0 {
                    if v.isNaN || v <= -1 || v >= 1e9 {
                        left = false
                    } else {
                        let category = Int(v), table = Int(s.threshold)
                        let words = tables.bits[Int(tables.boundaries[table])..<Int(tables.boundaries[table + 1])]
                        left = category / 32 < words.count
                            && (words[words.startIndex + category / 32] >> UInt32(category % 32)) & 1 == 1
                    }
                } else {
                    left = DecisionType.numericalGoesLeft(v, threshold: s.threshold, decisionType: s.decisionType)
                }
                node = left ? s.left : s.right
            }
            floatSum += Float(tree.leafValues[Int(~node)])
            doubleSum += tree.leafValues[Int(~node)]
        }
        return lightGBM ? doubleSum : Double(floatSum)
    }

    /// Random inputs: NaN, zeros, near-zeros, infinities, exact thresholds, small integers.
    static func randomInput(_ g: inout Generator, features: Int, thresholds: [Double]) -> [Double] {
        (0..<features).map { _ in
            switch g.int(12) {
            case 0: .nan
            case 1: thresholds[g.int(thresholds.count)]
            case 2: [0, -0.0, 1e-36, -1e-36, DecisionType.zeroThreshold, .infinity, -.infinity][g.int(7)]
            case 3: Double(g.int(80)) - 2
            default: g.unit() * 4 - 2
            }
        }
    }

    @Test("compiled evaluation equals the reference walk, with stack slots and without",
          arguments: [(false, 12), (false, 5000), (true, 12), (true, 700)])
    func matchesReference(lightGBM: Bool, features: Int) throws {
        var g = Generator(state: UInt64(features) + (lightGBM ? 1 : 0))
        var tables = CategoryTables()
        if lightGBM {
            for _ in 0..<4 {
                let words = 1 + g.int(3)
                tables.bits += (0..<words).map { _ in UInt32(truncatingIfNeeded: g.next()) }
                tables.boundaries.append(Int32(tables.bits.count))
            }
        }
        let trees = (0..<(features > 1000 ? 200 : 60)).map { _ in
            Self.randomTree(&g, features: features, depth: 7, lightGBM: lightGBM, tables: tables.count)
        }
        for tree in trees { try tree.validate(featureCount: features) }
        let names = (0..<features).map { "f\($0)" }
        let base = lightGBM ? 0.125 : Double(Float(0.25))
        let model = TreeEnsemble(trees: trees, format: lightGBM ? .lightGBM : .xgboost, featureNames: names,
                                 source: "random", baseMargin: base, sigmoidScale: 1, categories: tables)
        let slotBytes = lightGBM ? (5 * model.slotInputs.count + 1) * 8 : (2 * model.slotInputs.count + 1) * 4
        #expect((slotBytes > TreeEnsemble.maxStackSlotBytes) == (features > 12), "exercise both paths")
        let thresholds = trees.flatMap { $0.splits.map(\.threshold) }
        for _ in 0..<300 {
            let x = Self.randomInput(&g, features: features, thresholds: thresholds)
            #expect(model.margin(x) == Self.reference(trees, base: base, lightGBM: lightGBM, tables: tables, x))
            let (values, bias) = model.contributions(x)
            #expect(abs(bias + values.reduce(0, +) - model.margin(x)) < 1e-5)
        }
    }
}
