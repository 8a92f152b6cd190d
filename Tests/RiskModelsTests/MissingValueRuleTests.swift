import Testing
@testable import RiskModels

@Suite("Split rules on hand-built nodes")
struct MissingValueRuleTests {
    func lgb(_ type: UInt8, threshold: Double = 0.5) -> LightGBMSplit {
        LightGBMSplit(threshold: threshold, feature: 0, decisionType: type, left: ~0, right: ~1)
    }

    @Test("LightGBM missing type none: NaN is treated as 0")
    func missingNone() {
        #expect(lgb(0).numericalGoesLeft(.nan))          // 0 <= 0.5
        #expect(!lgb(0, threshold: -1).numericalGoesLeft(.nan))
        #expect(lgb(0).numericalGoesLeft(0.5))           // <= is inclusive
        #expect(!lgb(0).numericalGoesLeft(0.5000001))
    }

    @Test("LightGBM missing type zero: 0 and NaN follow the default direction")
    func missingZero() {
        let right = lgb(1 << 2, threshold: -1)
        let left = lgb(1 << 2 | 2, threshold: -1)
        #expect(!right.numericalGoesLeft(0) && !right.numericalGoesLeft(.nan))
        #expect(left.numericalGoesLeft(0) && left.numericalGoesLeft(.nan))
        #expect(left.numericalGoesLeft(-2))
        #expect(!left.numericalGoesLeft(1e-30))
    }

    @Test("LightGBM missing type NaN: only NaN follows the default direction")
    func missingNaN() {
        #expect(lgb(2 << 2 | 2, threshold: -1).numericalGoesLeft(.nan))
        #expect(!lgb(2 << 2, threshold: 1).numericalGoesLeft(.nan))
        #expect(lgb(2 << 2, threshold: 1).numericalGoesLeft(0))
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

    @Test("XGBoost compares in float32 with strict less-than; NaN follows default_left")
    func xgboostRule() {
        let t: Float = 0.1
        let node = Float32Split(featureAndDefaultLeft: Float32Split.defaultLeftBit, threshold: t, left: ~0, right: ~1)
        var x = [Double(t)]
        #expect(x.withUnsafeBufferPointer { node.next($0.baseAddress!) } == ~1)       // not < threshold
        x = [0.1]  // rounds to the same float32 as the threshold
        #expect(x.withUnsafeBufferPointer { node.next($0.baseAddress!) } == ~1)
        x = [Double(t.nextDown)]
        #expect(x.withUnsafeBufferPointer { node.next($0.baseAddress!) } == ~0)
        x = [.nan]
        #expect(x.withUnsafeBufferPointer { node.next($0.baseAddress!) } == ~0)
    }
}
