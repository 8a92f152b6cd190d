/// An XGBoost node compiled for evaluation: 16 bytes, one float32 comparison per step.
///
/// Nodes do not read the feature vector directly but a per-prediction scratch of *slots*:
/// slot `j` holds `Float(x[f_j])` for the `j`-th feature the model uses and slot `S + j` holds
/// its negation (`S` = number of used features). A step goes to `ifLess` when
/// `slots[slot] < threshold` and to `otherwise` when not (including NaN). This one comparison
/// encodes XGBoost's rule exactly:
///
/// - default right: slot `j`, `threshold = t`, `ifLess = left`, `otherwise = right`
///   (`Float(x) < t` goes left; NaN compares false and goes right);
/// - default left: slot `S + j`, `threshold = -t.nextDown`, `ifLess = right`, `otherwise = left`
///   (`-Float(x) < -t.nextDown` ⇔ `Float(x) > t.nextDown` ⇔ `Float(x) >= t` goes right; NaN goes left).
///
/// A leaf is a node whose children are both itself, with its value in `threshold` and slot 0,
/// so stepping a leaf stays on it: trees are walked a fixed number of steps (their depth).
struct Float32Split: Sendable, Equatable {
    var slot: Int32
    var threshold: Float
    var ifLess: Int32
    var otherwise: Int32

    /// Compiles an XGBoost split of used-feature `slot` (of `slotCount`) at `threshold`.
    init(slot: Int32, slotCount: Int32, threshold t: Float, left: Int32, right: Int32, defaultLeft: Bool) {
        if defaultLeft {
            self.init(slot: slot + slotCount, threshold: -t.nextDown, ifLess: right, otherwise: left)
        } else {
            self.init(slot: slot, threshold: t, ifLess: left, otherwise: right)
        }
    }

    init(slot: Int32, threshold: Float, ifLess: Int32, otherwise: Int32) {
        self.slot = slot
        self.threshold = threshold
        self.ifLess = ifLess
        self.otherwise = otherwise
    }

    /// A leaf holding `value`, at index `index` of the node array.
    static func leaf(_ value: Float, at index: Int32) -> Float32Split {
        Float32Split(slot: 0, threshold: value, ifLess: index, otherwise: index)
    }

    /// The child taken for the slot values `slots`, selected without a branch.
    @inline(__always)
    func next(_ slots: UnsafePointer<Float>) -> Int32 {
        next(value: slots[Int(slot)])
    }

    /// The child taken when this node's slot holds `value`.
    @inline(__always)
    func next(value: Float) -> Int32 {
        let mask: Int32 = value < threshold ? -1 : 0
        return otherwise ^ ((otherwise ^ ifLess) & mask)
    }
}

/// A LightGBM node compiled for evaluation: 24 bytes, compared in double.
///
/// A leaf is a node whose children are itself, with its value in `threshold`, feature 0 and
/// decision type 0 (see ``Float32Split``).
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
    static let zeroThreshold = 1.0000000180025095e-35

    /// A leaf holding `value`, at index `index` of the node array.
    static func leaf(_ value: Double, at index: Int32) -> LightGBMSplit {
        LightGBMSplit(threshold: value, feature: 0, decisionType: 0, left: index, right: index)
    }

    @inline(__always)
    func next(_ x: UnsafePointer<Double>, categories: CategoryTables) -> Int32 {
        let v = x[Int(feature)]
        if decisionType & Self.categoricalBit != 0 {
            return categories.contains(table: Int(threshold), value: v) ? left : right
        }
        let mask = Int32(numericalGoesLeft(v) ? 0 : -1)
        return left ^ ((left ^ right) & mask)
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
