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

/// LightGBM's `decision_type` bits and its numerical rule, as written in LightGBM's `tree.h`.
enum DecisionType {
    static let categoricalBit: UInt8 = 1
    static let defaultLeftBit: UInt8 = 2
    /// LightGBM's `kZeroThreshold` (a float `1e-35f`, widened to double).
    static let zeroThreshold = 1.0000000180025095e-35

    /// The missing type, `(decisionType >> 2) & 3`: 0 none, 1 zero, 2 NaN.
    static func missingType(_ decisionType: UInt8) -> UInt8 { (decisionType >> 2) & 3 }

    /// LightGBM's `NumericalDecision`, literally: NaN becomes 0 unless the missing type is NaN;
    /// a value that counts as missing follows the default direction; otherwise left iff
    /// `value <= threshold`. The compiled ``LightGBMSplit`` must agree with it everywhere.
    static func numericalGoesLeft(_ value: Double, threshold: Double, decisionType: UInt8) -> Bool {
        let missing = missingType(decisionType)
        var v = value
        if v.isNaN && missing != 2 { v = 0 }
        if (missing == 1 && v >= -zeroThreshold && v <= zeroThreshold) || (missing == 2 && v.isNaN) {
            return decisionType & defaultLeftBit != 0
        }
        return v <= threshold
    }
}

/// A LightGBM node compiled for evaluation: 24 bytes, one double comparison per numerical step.
///
/// Like ``Float32Split`` it reads a per-prediction scratch of slots, five per used feature `j`
/// (`S` used features): `S·0 + j` the value with NaN as 0, `S·1 + j` the raw value,
/// `S·2 + j` its negation, `S·3 + j` the value with NaN as 0 and then zero (|v| ≤ 1e-35) as NaN,
/// `S·4 + j` the negation of that. A numerical step goes to `ifLessOrEqual` when
/// `slots[slot] <= threshold` and to `otherwise` when not (including NaN), which encodes
/// LightGBM's missing rules exactly:
///
/// - missing type none: NaN-as-0 slot, `t`, left / right;
/// - missing type NaN (zero), default right: raw (zero-as-NaN) slot, `t`, left / right;
/// - missing type NaN (zero), default left: negated slot, `(-t).nextDown`, right / left
///   (`-v <= (-t).nextDown` ⇔ `v > t` goes right; NaN compares false and goes left).
///
/// A categorical step reads the raw slot and goes to `ifLessOrEqual` iff the category's bit is
/// set in table `Int(threshold)`. A leaf is a node whose children are both itself, with its
/// value in `threshold`.
struct LightGBMSplit: Sendable, Equatable {
    var threshold: Double
    var slot: Int32
    var isCategorical: Bool
    var ifLessOrEqual: Int32
    var otherwise: Int32

    /// The number of slots per used feature.
    static let slotsPerFeature: Int32 = 5

    /// Compiles a LightGBM split of used-feature `slot` (of `slotCount`). For a categorical split
    /// `threshold` is the index of its bitset table. The missing type must be 0, 1 or 2 and a
    /// numerical threshold finite (the loader checks both).
    init(slot j: Int32, slotCount s: Int32, threshold t: Double, decisionType: UInt8, left: Int32, right: Int32) {
        let defaultLeft = decisionType & DecisionType.defaultLeftBit != 0
        if decisionType & DecisionType.categoricalBit != 0 {
            self.init(threshold: t, slot: s + j, isCategorical: true, ifLessOrEqual: left, otherwise: right)
            return
        }
        switch (DecisionType.missingType(decisionType), defaultLeft) {
        case (0, _):
            self.init(threshold: t, slot: j, isCategorical: false, ifLessOrEqual: left, otherwise: right)
        case (2, false):
            self.init(threshold: t, slot: s + j, isCategorical: false, ifLessOrEqual: left, otherwise: right)
        case (2, true):
            self.init(threshold: (-t).nextDown, slot: 2 * s + j, isCategorical: false, ifLessOrEqual: right, otherwise: left)
        case (_, false):
            self.init(threshold: t, slot: 3 * s + j, isCategorical: false, ifLessOrEqual: left, otherwise: right)
        case (_, true):
            self.init(threshold: (-t).nextDown, slot: 4 * s + j, isCategorical: false, ifLessOrEqual: right, otherwise: left)
        }
    }

    init(threshold: Double, slot: Int32, isCategorical: Bool, ifLessOrEqual: Int32, otherwise: Int32) {
        self.threshold = threshold
        self.slot = slot
        self.isCategorical = isCategorical
        self.ifLessOrEqual = ifLessOrEqual
        self.otherwise = otherwise
    }

    /// A leaf holding `value`, at index `index` of the node array.
    static func leaf(_ value: Double, at index: Int32) -> LightGBMSplit {
        LightGBMSplit(threshold: value, slot: 0, isCategorical: false, ifLessOrEqual: index, otherwise: index)
    }

    /// The child taken when this node's slot holds `value`.
    @inline(__always)
    func next(value: Double, categories: CategoryTables) -> Int32 {
        if isCategorical {
            return categories.contains(table: Int(threshold), value: value) ? ifLessOrEqual : otherwise
        }
        return nextNumerical(value: value)
    }

    /// The child taken by a numerical node (or leaf) whose slot holds `value`, without a branch.
    @inline(__always)
    func nextNumerical(value: Double) -> Int32 {
        let mask: Int32 = value <= threshold ? -1 : 0
        return otherwise ^ ((otherwise ^ ifLessOrEqual) & mask)
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
