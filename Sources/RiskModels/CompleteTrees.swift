/// One position of a complete XGBoost tree: 8 bytes, one comparison per step.
///
/// Like ``Float32Split`` it reads the per-prediction slots (`Float(x[f_j])` in slot `j`, its
/// negation in slot `S + j`, 0 in slot `2S`). A step goes to the *second* child when
/// `!(slots[slot] >= threshold)` (less, or NaN) and to the first otherwise:
///
/// - default left: slot `j`, `threshold = t`; second child = left (`Float(x) < t` or NaN),
///   first child = right;
/// - default right: slot `S + j`, `threshold = (-t).nextUp`; second child = right
///   (`-Float(x) < (-t).nextUp` ⇔ `Float(x) >= t`, or NaN), first child = left.
///
/// Below a leaf that is shallower than its group, each position is a pass-through (slot `2S`
/// against `-infinity`: always the first child) and each bottom position holds the leaf. A
/// bottom position holds its leaf's value in `threshold`.
struct CompleteNode: Sendable, Equatable {
    var threshold: Float
    var slot: Int32

    /// The pass-through below a shallow leaf (`0 >= -infinity`: always the first child).
    static func passThrough(slotCount: Int32) -> CompleteNode {
        CompleteNode(threshold: -.infinity, slot: 2 * slotCount)
    }
}

/// A complete-tree position as explanations read it, 16 bytes: the ``CompleteNode`` (threshold,
/// slot) and what the Saabas attribution credits when a walk arrives here: `credit` (the expected
/// value here minus the parent's) goes to used feature `creditSlot` (the parent's split feature);
/// below a leaf `credit` is 0 and goes to the lane's sink, slot `slotCount + lane`. Slots fit in
/// 16 bits because complete trees are only built for slots that fit on the stack.
struct AttributedNode: Sendable, Equatable {
    var threshold: Float
    var slot: Int16
    var creditSlot: Int16
    var credit: Double
}

/// XGBoost trees compiled as complete binary trees with implicit child positions, in groups of
/// eight trees (one lockstep group, ``TreeEnsemble/lanes``).
///
/// A group of depth `D` (its deepest tree) covers `8 · 2^(D+1)` heap positions: lane `l`'s
/// tree in heap order (root at position 1, children of `k` at `2k` and `2k + 1`, bottom
/// `2^D ..< 2^(D+1)`; position 0 is unused). Its splits are the `2^D` ``CompleteNode``s from
/// `offset / 2 + l · 2^D` (positions `0 ..< 2^D`) and its bottom the `2^D` leaf values from the
/// same index of `leaves`, so the tables the walk reads stay small (a depth-5 group is 2 KiB of
/// nodes and 1 KiB of leaves). A step is one 8-byte node load, one slot load, one comparison and
/// `2k + bit`: no child index is stored or loaded, and because the walk is specialized by depth,
/// a lane's tree is a constant displacement from the group's first node, so `k` is all a lane
/// keeps (the step compiles to a compare and an add-with-carry). Shallower trees are padded to
/// their group's depth, so the layout is only built when no group is deeper than
/// ``CompleteTreeTables/maximumDepth``, every threshold is finite and the slots fit on the stack;
/// otherwise evaluation walks the explicit ``Float32Split`` nodes.
///
/// The explanation records (``AttributedNode``) hold every position, interleaved: position `k`
/// of lane `l` is record `offset + 8k + l`, so the eight lanes of one level share
/// cache lines when an explanation reads a cold table.
///
/// This is a view: plain pointers into tables that a ``CompleteTreeTables`` owns, so that copying
/// it and evaluating through it never touch a reference count. `@unchecked Sendable`: the tables
/// are never written after they are built.
struct CompleteTrees: @unchecked Sendable {
    /// Where a group's explanation records start (its nodes and leaves at half that) and how
    /// many steps reach its bottom.
    struct Group: Sendable, Equatable {
        var offset: Int32
        var depth: Int32
    }

    /// Trees walked in lockstep: one group.
    static let lanes = TreeEnsemble.lanes

    let groups: UnsafeMutableBufferPointer<Group>
    /// The splits above the bottom of each tree.
    let nodes: UnsafeMutableBufferPointer<CompleteNode>
    /// The bottom of each tree: leaf values.
    let leaves: UnsafeMutableBufferPointer<Float>
    /// The same positions with their Saabas credits, for contributions.
    let attributed: UnsafeMutableBufferPointer<AttributedNode>
    /// The input index of each used feature (``TreeEnsemble/Storage/slotInputs``).
    let slotInputs: UnsafeMutableBufferPointer<Int32>
    /// The number of used features `S`.
    var slotCount: Int { slotInputs.count }
    /// Whether slot `j` reads input `j` for every slot (filling them is then a straight
    /// conversion the compiler vectorizes, not a gather).
    let contiguous: Bool

    init(groups: UnsafeMutableBufferPointer<Group>, nodes: UnsafeMutableBufferPointer<CompleteNode>,
         leaves: UnsafeMutableBufferPointer<Float>, attributed: UnsafeMutableBufferPointer<AttributedNode>,
         slotInputs: UnsafeMutableBufferPointer<Int32>) {
        self.groups = groups
        self.nodes = nodes
        self.leaves = leaves
        self.attributed = attributed
        self.slotInputs = slotInputs
        contiguous = slotInputs.enumerated().allSatisfy { Int($1) == $0 }
    }

    /// Whether a model of `inputCount` inputs can have one slot per input: the slots fit on the
    /// stack and every slot and sink index fits in 16 bits.
    static func fitsContiguousSlots(inputCount: Int) -> Bool {
        slotBytes(slotCount: inputCount) <= TreeEnsemble.maxStackSlotBytes && 2 * inputCount + lanes <= Int(Int16.max)
    }

    /// Bytes of the slot scratch: the used features, their negations and a 0, as float32.
    static func slotBytes(slotCount: Int) -> Int { (2 * slotCount + 1) * MemoryLayout<Float>.stride }

    /// Runs `body` with the slot scratch for input `x` on the stack: `Float(x[f_j])` for each
    /// used feature, then the negations, then a 0 (see ``CompleteNode``).
    @inline(__always)
    func withSlots<R>(_ x: UnsafeBufferPointer<Double>, _ body: (UnsafePointer<Float>) -> R) -> R {
        let inputs = UnsafePointer(slotInputs.baseAddress!)
        let count = slotInputs.count
        return withUnsafeTemporaryAllocation(of: Float.self, capacity: 2 &* count &+ 1) { slots in
            let slots = slots.baseAddress!
            if contiguous {
                let x = x.baseAddress!
                let negated = slots + count
                for j in 0..<count {
                    let v = Float(x[j])
                    slots[j] = v
                    negated[j] = -v
                }
            } else {
                for j in 0..<count {
                    let v = Float(x[Int(inputs[j])])
                    slots[j] = v
                    slots[count &+ j] = -v
                }
            }
            slots[2 &* count] = 0
            return body(UnsafePointer(slots))
        }
    }

    /// The number of `Int32`s of a trail: one final position per lane of every group.
    var trailLength: Int { groups.count &* Self.lanes }

    /// The sum of the leaves reached for input `x` (at least as many values as the largest
    /// slot input), in tree order, from `start`, in float32 as XGBoost sums. The position each
    /// tree's walk ended at goes to `trail` (``trailLength`` values), from which
    /// ``contributions(trail:into:)`` explains the same input without walking the trees again.
    @inline(__always)
    func margin(_ x: UnsafeBufferPointer<Double>, start: Float, trail: UnsafeMutablePointer<Int32>) -> Float {
        let nodes = UnsafePointer(nodes.baseAddress!)
        let leaves = UnsafePointer(leaves.baseAddress!)
        let groups = UnsafeBufferPointer(groups)
        return withSlots(x) { Self.sumLeaves(nodes, leaves, groups, $0, start, trail) }
    }

    /// ``margin(_:start:trail:)`` with a trail of its own on the stack.
    @inline(__always)
    func margin(_ x: UnsafeBufferPointer<Double>, start: Float) -> Float {
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: trailLength) { margin(x, start: start, trail: $0.baseAddress!) }
    }

    /// The walk behind ``margin(_:start:)``, out of line so that the eight lanes' positions, the
    /// group's nodes and the slots stay in registers. Each group is walked by a copy specialized
    /// for its depth (see ``sumGroup(_:_:_:_:_:depth:)``). The trail holds each lane's bottom heap
    /// position.
    @inline(never)
    static func sumLeaves(
        _ nodes: UnsafePointer<CompleteNode>, _ leaves: UnsafePointer<Float>, _ groups: UnsafeBufferPointer<Group>,
        _ slots: UnsafePointer<Float>, _ start: Float, _ trail: UnsafeMutablePointer<Int32>
    ) -> Float {
        var sum = start
        var trail = trail
        for group in groups {
            let half = Int(group.offset) &>> 1
            let p = nodes + half, q = leaves + half
            switch group.depth {
            case 0: sumGroup(p, q, slots, &sum, trail, depth: 0)
            case 1: sumGroup(p, q, slots, &sum, trail, depth: 1)
            case 2: sumGroup(p, q, slots, &sum, trail, depth: 2)
            case 3: sumGroup(p, q, slots, &sum, trail, depth: 3)
            case 4: sumGroup(p, q, slots, &sum, trail, depth: 4)
            case 5: sumGroup(p, q, slots, &sum, trail, depth: 5)
            case 6: sumGroup(p, q, slots, &sum, trail, depth: 6)
            case 7: sumGroup(p, q, slots, &sum, trail, depth: 7)
            case 8: sumGroup(p, q, slots, &sum, trail, depth: 8)
            default: preconditionFailure("complete-tree groups are at most \(CompleteTreeTables.maximumDepth) deep")
            }
            trail += lanes
        }
        return sum
    }

    /// One group of ``sumLeaves(_:_:_:_:_:_:)`` with its depth a constant, so that lane `l`'s tree
    /// is at a constant displacement. A lane keeps `j = k + 1` (`k` its heap position): the step
    /// `j' = 2j − (x ≥ t ? 1 : 0)` (that is `k' = 2k + bit`) compiles to one `lea` and one
    /// add-with-carry on the comparison's flags, and a step is five instructions.
    @inline(__always)
    private static func sumGroup(
        _ nodes: UnsafePointer<CompleteNode>, _ leaves: UnsafePointer<Float>, _ slots: UnsafePointer<Float>,
        _ sum: inout Float, _ trail: UnsafeMutablePointer<Int32>, depth: Int
    ) {
        let tree = 1 &<< depth
        @inline(__always) func node(_ lane: Int, _ j: Int) -> CompleteNode { nodes[lane &* tree &+ j &- 1] }
        @inline(__always) func leaf(_ lane: Int, _ j: Int) -> Float { leaves[lane &* tree &+ j &- 1 &- tree] }
        @inline(__always) func step(_ lane: Int, _ j: Int) -> Int {
            let node = node(lane, j)
            return j &+ j &- (slots[Int(node.slot)] >= node.threshold ? 1 : 0)
        }
        var a = 2, b = 2, c = 2, d = 2, e = 2, f = 2, g = 2, h = 2
        var steps = depth
        while steps > 0 {
            a = step(0, a)
            b = step(1, b)
            c = step(2, c)
            d = step(3, d)
            e = step(4, e)
            f = step(5, f)
            g = step(6, g)
            h = step(7, h)
            steps &-= 1
        }
        sum += leaf(0, a)
        sum += leaf(1, b)
        sum += leaf(2, c)
        sum += leaf(3, d)
        sum += leaf(4, e)
        sum += leaf(5, f)
        sum += leaf(6, g)
        sum += leaf(7, h)
        trail[0] = Int32(truncatingIfNeeded: a &- 1)
        trail[1] = Int32(truncatingIfNeeded: b &- 1)
        trail[2] = Int32(truncatingIfNeeded: c &- 1)
        trail[3] = Int32(truncatingIfNeeded: d &- 1)
        trail[4] = Int32(truncatingIfNeeded: e &- 1)
        trail[5] = Int32(truncatingIfNeeded: f &- 1)
        trail[6] = Int32(truncatingIfNeeded: g &- 1)
        trail[7] = Int32(truncatingIfNeeded: h &- 1)
    }

    /// Adds each feature's Saabas contribution for input `x` to `output[input]` (the input of
    /// every used feature is written; the caller zeroes the rest). The credits are summed per
    /// feature in group, level and lane order.
    @inline(__always)
    func contributions(_ x: UnsafeBufferPointer<Double>, into output: UnsafeMutablePointer<Double>) {
        withSlots(x) { slots in
            crediting(output) { Self.attribute(UnsafeRawPointer(attributed.baseAddress!), UnsafeBufferPointer(groups), slots, $0) }
        }
    }

    /// ``contributions(_:into:)`` from the trail ``margin(_:start:trail:)`` left for the same
    /// input: no comparison is made again. The position a walk ended at names its whole path
    /// (the ancestors of heap position `k` are `k >> 1`, `k >> 2`, …), so each level's credit is
    /// read straight from the ``AttributedNode`` there, in the same group, level and lane order
    /// as the walk, so the sums are bit for bit the same.
    @inline(__always)
    func contributions(trail: UnsafePointer<Int32>, into output: UnsafeMutablePointer<Double>) {
        crediting(output) { Self.attribute(UnsafeRawPointer(attributed.baseAddress!), UnsafeBufferPointer(groups), trail, $0) }
    }

    /// Runs `attribute` over zeroed per-slot sums on the stack (the used features, then one sink
    /// per lane), then writes each used feature's sum to `output[input]`.
    @inline(__always)
    private func crediting(_ output: UnsafeMutablePointer<Double>, _ attribute: (UnsafeMutablePointer<Double>) -> Void) {
        let inputs = UnsafePointer(slotInputs.baseAddress!)
        let count = slotInputs.count
        withUnsafeTemporaryAllocation(of: Double.self, capacity: count &+ Self.lanes) { bySlot in
            bySlot.initialize(repeating: 0)
            attribute(bySlot.baseAddress!)
            for j in 0..<count {
                output[Int(inputs[j])] = bySlot[j]
            }
        }
    }

    /// The credits behind ``contributions(trail:into:)``.
    @inline(never)
    static func attribute(
        _ attributed: UnsafeRawPointer, _ groups: UnsafeBufferPointer<Group>, _ trail: UnsafePointer<Int32>,
        _ bySlot: UnsafeMutablePointer<Double>
    ) {
        let bytes = MemoryLayout<AttributedNode>.stride
        let row = lanes &* bytes
        var trail = trail
        for group in groups {
            let q = attributed + Int(group.offset) &* bytes
            let depth = Int(group.depth)
            // A trail entry is the bottom heap position `k` a lane reached; level 1 (the root's
            // child) first, the bottom last, lane by lane: the walk's order.
            var level = 1
            while level <= depth {
                let shift = depth &- level
                for lane in 0..<lanes {
                    let k = Int(trail[lane])
                    let node = q.load(fromByteOffset: (k &>> shift) &* row &+ lane &* bytes, as: AttributedNode.self)
                    bySlot[Int(node.creditSlot)] += node.credit
                }
                level &+= 1
            }
            trail += lanes
        }
    }

    /// The walk behind ``contributions(_:into:)``, out of line like ``sumLeaves(_:_:_:_:_:_:)``, over
    /// the 16-byte ``AttributedNode``s (interleaved: lane `l`'s position `k` is at byte
    /// `128k + 16l` of its group): the record reached by a step holds both the credit for arriving
    /// and the next split.
    @inline(never)
    static func attribute(
        _ attributed: UnsafeRawPointer, _ groups: UnsafeBufferPointer<Group>, _ slots: UnsafePointer<Float>,
        _ bySlot: UnsafeMutablePointer<Double>
    ) {
        let bytes = MemoryLayout<AttributedNode>.stride
        let row = lanes &* bytes
        for group in groups {
            let q = attributed + Int(group.offset) &* bytes
            @inline(__always) func credit(_ o: Int, lane: Int) -> Int {
                let node = q.load(fromByteOffset: o, as: AttributedNode.self)
                let next = o &* 2 &- lane &* bytes &+ (slots[Int(node.slot)] >= node.threshold ? 0 : row)
                let arrival = q.load(fromByteOffset: next, as: AttributedNode.self)
                bySlot[Int(arrival.creditSlot)] += arrival.credit
                return next
            }
            var a = row, b = row &+ bytes, c = row &+ 2 &* bytes, d = row &+ 3 &* bytes
            var e = row &+ 4 &* bytes, f = row &+ 5 &* bytes, g = row &+ 6 &* bytes, h = row &+ 7 &* bytes
            // Lane 0's offset is `128k`: it reaches the bottom (`k ≥ 2^depth`) after `depth`
            // steps, so it doubles as the step count and frees a register.
            let bottom = row &<< Int(group.depth)
            while a < bottom {
                a = credit(a, lane: 0)
                b = credit(b, lane: 1)
                c = credit(c, lane: 2)
                d = credit(d, lane: 3)
                e = credit(e, lane: 4)
                f = credit(f, lane: 5)
                g = credit(g, lane: 6)
                h = credit(h, lane: 7)
            }
        }
    }
}
