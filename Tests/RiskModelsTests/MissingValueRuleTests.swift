import Testing
@testable import RiskModels

@Suite("Split rules on hand-built nodes")
struct MissingValueRuleTests {
    func lgb(_ value: Double, _ type: UInt8, threshold: Double = 0.5) -> Bool {
        DecisionType.numericalGoesLeft(value, threshold: threshold, decisionType: type)
    }

    @Test("LightGBM missing type none: NaN is treated as 0")
    func missingNone() {
        #expect(lgb(.nan, 0))          // 0 <= 0.5
        #expect(!lgb(.nan, 0, threshold: -1))
        #expect(lgb(0.5, 0))           // <= is inclusive
        #expect(!lgb(0.5000001, 0))
    }

    @Test("LightGBM missing type zero: 0 and NaN follow the default direction")
    func missingZero() {
        #expect(!lgb(0, 1 << 2, threshold: -1) && !lgb(.nan, 1 << 2, threshold: 1))
        #expect(lgb(0, 1 << 2 | 2, threshold: -1) && lgb(.nan, 1 << 2 | 2, threshold: -1))
        #expect(lgb(-2, 1 << 2 | 2, threshold: -1))
        #expect(!lgb(1e-30, 1 << 2 | 2, threshold: -1))
    }

    @Test("LightGBM missing type NaN: only NaN follows the default direction")
    func missingNaN() {
        #expect(lgb(.nan, 2 << 2 | 2, threshold: -1))
        #expect(!lgb(.nan, 2 << 2, threshold: 1))
        #expect(lgb(0, 2 << 2, threshold: 1))
    }

    @Test("compiled LightGBM nodes agree with LightGBM's rule for every missing type and direction")
    func compiledLightGBMNodes() {
        let values: [Double] = [.nan, 0, -0.0, 1e-36, -1e-36, DecisionType.zeroThreshold, 1e-30, -1e-30,
                                0.5, 0.5.nextUp, 0.5.nextDown, -1, -1.0.nextUp, 3, .infinity, -.infinity]
        for type: UInt8 in [0, 2, 4, 6, 8, 10] {
            for t in [0.5, -1, 0, DecisionType.zeroThreshold, 1e300, -1e300] {
                let node = LightGBMSplit(slot: 0, slotCount: 1, threshold: t, decisionType: type, left: 1, right: 2)
                for v in values {
                    let nanAsZero = v.isNaN ? 0 : v
                    let zeroAsNaN = abs(nanAsZero) <= DecisionType.zeroThreshold ? Double.nan : nanAsZero
                    let slots = [nanAsZero, v, -v, zeroAsNaN, -zeroAsNaN, 0]
                    let compiled = node.nextNumerical(value: slots[Int(node.slot)]) == 1
                    #expect(compiled == lgb(v, type, threshold: t), "type \(type) threshold \(t) value \(v)")
                }
            }
        }
    }

    @Test("LightGBM categorical bitsets: set bits go left; NaN, negative and out-of-range go right")
    func categorical() {
        let tables = CategoryTables(boundaries: [0, 2], bits: [0b1000, 1])  // categories 3 and 32
        #expect(tables.contains(table: 0, value: 3))
        #expect(tables.contains(table: 0, value: 3.9))
        #expect(tables.contains(table: 0, value: 32))
        #expect(!tables.contains(table: 0, value: 2))
        #expect(!tables.contains(table: 0, value: 64))
        #expect(!tables.contains(table: 0, value: -1))
        #expect(!tables.contains(table: 0, value: .nan))
        #expect(!tables.contains(table: 0, value: 1e300))
    }

    /// Runs one compiled XGBoost split (feature 0 of 1, children leaves 1 and 2) on `value`.
    func xgboostGoesLeft(_ value: Double, threshold: Float, defaultLeft: Bool) -> Bool {
        let node = Float32Split(slot: 0, slotCount: 1, threshold: threshold, left: 1, right: 2, defaultLeft: defaultLeft)
        let slots: [Float] = [Float(value), -Float(value), 0]
        return slots.withUnsafeBufferPointer { node.next($0.baseAddress!) } == 1
    }

    @Test("XGBoost compares in float32 with strict less-than; NaN follows default_left", arguments: [false, true])
    func xgboostRule(defaultLeft: Bool) {
        for t: Float in [0.1, 0, -0.0, -2.5, 1e-30, Float.leastNonzeroMagnitude, -Float.greatestFiniteMagnitude, 3e38] {
            #expect(!xgboostGoesLeft(Double(t), threshold: t, defaultLeft: defaultLeft), "x == t goes right (t = \(t))")
            #expect(xgboostGoesLeft(Double(t.nextDown), threshold: t, defaultLeft: defaultLeft), "x just below t goes left")
            #expect(!xgboostGoesLeft(Double(t.nextUp), threshold: t, defaultLeft: defaultLeft))
            #expect(xgboostGoesLeft(-.infinity, threshold: t, defaultLeft: defaultLeft))
            #expect(!xgboostGoesLeft(.infinity, threshold: t, defaultLeft: defaultLeft))
            #expect(xgboostGoesLeft(.nan, threshold: t, defaultLeft: defaultLeft) == defaultLeft)
        }
        // 0.1 as a double rounds to the same float32 as the threshold: not less, so right.
        #expect(!xgboostGoesLeft(0.1, threshold: 0.1, defaultLeft: defaultLeft))
        // -0.0 equals 0.0: not less.
        #expect(!xgboostGoesLeft(-0.0, threshold: 0, defaultLeft: defaultLeft))
    }
}

@Suite("Compiled layout")
struct CompiledLayoutTests {
    @Test("LightGBM's zero threshold is the float 1e-35 widened to double")
    func zeroThreshold() {
        #expect(DecisionType.zeroThreshold == Double(Float(1e-35)))
    }

    @Test("nodes are small fixed-size records")
    func nodeSizes() {
        #expect(MemoryLayout<Float32Split>.stride == 16)
        #expect(MemoryLayout<LightGBMSplit>.stride == 24)
        #expect(MemoryLayout<LightGBMSplit>.size <= 24)
    }

    @Test("leaves step to themselves and depths reach every leaf")
    func leavesAreFixedPoints() throws {
        let model = try TreeEnsemble.loadXGBoost(contentsOf: Fixtures.url("xgb_bench.json"))
        let leaves = model.xgboostNodes.enumerated().filter { $0.element.ifLess == Int32($0.offset) }
        let padding = model.roots.count > model.treeCount ? 1 : 0   // the shared zero leaf
        #expect(model.roots.count % TreeEnsemble.lanes == 0)
        #expect(leaves.count == model.leafCount + padding)
        #expect(leaves.allSatisfy { $0.element.otherwise == Int32($0.offset) })
        #expect(model.maxDepth == 6)
        #expect(model.splitCount + model.leafCount + padding == model.xgboostNodes.count)
    }
}
