/// An XGBoost split compiled for evaluation: 16 bytes, compared in float32.
///
/// Left iff `Float(x) < threshold`; a missing (NaN) input goes left iff the default-left bit
/// (bit 31 of `featureAndDefaultLeft`) is set. Children `>= 0` are split indices in the
/// ensemble's flat node array; negative children are leaves `~child`.
struct Float32Split: Sendable, Equatable {
    var featureAndDefaultLeft: UInt32
    var threshold: Float
    var left: Int32
    var right: Int32

    static let defaultLeftBit: UInt32 = 0x8000_0000

    var feature: Int { Int(featureAndDefaultLeft & ~Self.defaultLeftBit) }

    @inline(__always)
    func next(_ x: UnsafePointer<Double>) -> Int32 {
        let v = x[Int(featureAndDefaultLeft & ~Self.defaultLeftBit)]
        let goLeft = v.isNaN ? (featureAndDefaultLeft & Self.defaultLeftBit) != 0 : Float(v) < threshold
        return goLeft ? left : right
    }
}

/// A LightGBM split compiled for evaluation: 24 bytes, compared in double.
///
/// `decisionType` keeps LightGBM's bits: bit 0 categorical, bit 1 default left,
/// `(decisionType >> 2) & 3` missing type (0 none, 1 zero, 2 NaN). For a categorical split
/// `threshold` holds the index of its bitset in the ensemble's category tables.
struct LightGBMSplit: Sendable, Equatable {
    var threshold: Double
    var feature: Int32
    var decisionType: UInt8
    var left: Int32
    var right: Int32

    static let categoricalBit: UInt8 = 1
    static let defaultLeftBit: UInt8 = 2
    /// LightGBM's `kZeroThreshold` (a float `1e-35f`, widened to double).
    static let zeroThreshold = Double(Float(1e-35))

    @inline(__always)
    func next(_ x: UnsafePointer<Double>, categories: CategoryTables) -> Int32 {
        let v = x[Int(feature)]
        if decisionType & Self.categoricalBit != 0 {
            return categories.contains(table: Int(threshold), value: v) ? left : right
        }
        return numericalGoesLeft(v) ? left : right
    }

    /// LightGBM's `NumericalDecision`: NaN becomes 0 unless the missing type is NaN; a value
    /// that counts as missing follows the default direction; otherwise left iff `v <= threshold`.
    @inline(__always)
    func numericalGoesLeft(_ value: Double) -> Bool {
        let missingType = (decisionType >> 2) & 3
        var v = value
        if v.isNaN && missingType != 2 { v = 0 }
        if (missingType == 1 && v >= -Self.zeroThreshold && v <= Self.zeroThreshold)
            || (missingType == 2 && v.isNaN) {
            return decisionType & Self.defaultLeftBit != 0
        }
        return v <= threshold
    }
}

/// LightGBM's categorical split bitsets (`cat_boundaries` / `cat_threshold`), concatenated over
/// all trees of an ensemble.
struct CategoryTables: Sendable, Equatable {
    /// Table `t` is `bits[boundaries[t] ..< boundaries[t + 1]]`.
    var boundaries: [Int32] = [0]
    var bits: [UInt32] = []

    var count: Int { boundaries.count - 1 }

    /// LightGBM's `CategoricalDecision`: NaN and negative values go right; otherwise left iff
    /// bit `Int(value)` of table `table` is set.
    @inline(__always)
    func contains(table: Int, value: Double) -> Bool {
        guard !value.isNaN, value > -1, value < 2_147_483_648 else { return false }
        let category = Int(value)  // truncates toward zero, as C's static_cast<int>
        let start = Int(boundaries[table])
        let word = category >> 5
        guard word < Int(boundaries[table + 1]) - start else { return false }
        return (bits[start + word] >> UInt32(category & 31)) & 1 != 0
    }
}
