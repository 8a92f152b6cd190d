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

/// XGBoost trees compiled as complete binary trees with implicit child positions, eight trees
/// (one lockstep group, ``TreeEnsemble/lanes``) interleaved level by level.
///
/// A group of depth `D` (its deepest tree) owns `2^(D+1) · 8` consecutive nodes from its
/// `offset`; heap position `k` (root 1, children `2k` and `2k + 1`, bottom `2^D ..< 2^(D+1)`) of
/// lane `l` is node `offset + 8k + l` (position 0 is unused). A step is one 8-byte node load, one
/// slot load, one comparison and `2k + bit`: no child index is stored or loaded. Shallower trees
/// are padded to their group's depth, so the layout is only built when no group is deeper than
/// ``CompleteTreeTables/maximumDepth``, every threshold is finite and the slots fit on the
/// stack; otherwise evaluation walks the explicit ``Float32Split`` nodes.
///
/// This is a view: plain pointers into tables that a ``CompleteTreeTables`` owns, so that copying
/// it and evaluating through it never touch a reference count. `@unchecked Sendable`: the tables
/// are never written after they are built.
struct CompleteTrees: @unchecked Sendable {
    /// Where a group's nodes start and how many steps reach its bottom.
    struct Group: Sendable, Equatable {
        var offset: Int32
        var depth: Int32
    }

    /// Trees walked in lockstep: one group.
    static let lanes = TreeEnsemble.lanes

    let groups: UnsafeMutableBufferPointer<Group>
    let nodes: UnsafeMutableBufferPointer<CompleteNode>
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
         attributed: UnsafeMutableBufferPointer<AttributedNode>, slotInputs: UnsafeMutableBufferPointer<Int32>) {
        self.groups = groups
        self.nodes = nodes
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

    /// Bytes of one node.
    static let nodeBytes = MemoryLayout<CompleteNode>.stride
    /// Bytes of one heap position across the lanes of a group.
    static let rowBytes = lanes * MemoryLayout<CompleteNode>.stride

    /// The byte offset of lane `lane`'s root (heap position 1) from its group's first node.
    @inline(__always)
    static func rootOffset(lane: Int) -> Int { rowBytes &+ lane &* nodeBytes }

    /// The byte offset reached from node offset `o` of lane `lane` for slot values `slots`:
    /// `64(2k + bit) + 8·lane` = `2o − 8·lane + 64·bit`.
    @inline(__always)
    static func step(_ p: UnsafeRawPointer, _ o: Int, lane: Int, _ slots: UnsafePointer<Float>) -> Int {
        let node = p.load(fromByteOffset: o, as: CompleteNode.self)
        let bit = slots[Int(node.slot)] >= node.threshold ? 0 : rowBytes
        return o &* 2 &- lane &* nodeBytes &+ bit
    }

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
                for j in 0..<count { slots[j] = Float(x[j]) }
                for j in 0..<count { slots[count &+ j] = -slots[j] }
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
        let nodes = UnsafeRawPointer(nodes.baseAddress!)
        let groups = UnsafeBufferPointer(groups)
        return withSlots(x) { Self.sumLeaves(nodes, groups, $0, start, trail) }
    }

    /// ``margin(_:start:trail:)`` with a trail of its own on the stack.
    @inline(__always)
    func margin(_ x: UnsafeBufferPointer<Double>, start: Float) -> Float {
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: trailLength) { margin(x, start: start, trail: $0.baseAddress!) }
    }

    /// The walk behind ``margin(_:start:)``, out of line so that the eight lane offsets, the
    /// group's nodes and the slots stay in registers. A lane's position is the
    /// byte offset of its node from the group's first node, `64k + 8·lane`: a node is read at a
    /// constant displacement and a step ends in one `lea`.
    @inline(never)
    static func sumLeaves(
        _ nodes: UnsafeRawPointer, _ groups: UnsafeBufferPointer<Group>, _ slots: UnsafePointer<Float>, _ start: Float,
        _ trail: UnsafeMutablePointer<Int32>
    ) -> Float {
        var sum = start
        var trail = trail
        for group in groups {
            let p = nodes + Int(group.offset) &* nodeBytes
            var a = rootOffset(lane: 0), b = rootOffset(lane: 1), c = rootOffset(lane: 2), d = rootOffset(lane: 3)
            var e = rootOffset(lane: 4), f = rootOffset(lane: 5), g = rootOffset(lane: 6), h = rootOffset(lane: 7)
            // Lane 0's offset is `64k`: it reaches the bottom (`k ≥ 2^depth`) after `depth` steps.
            let bottom = rowBytes &<< Int(group.depth)
            while a < bottom {
                a = step(p, a, lane: 0, slots)
                b = step(p, b, lane: 1, slots)
                c = step(p, c, lane: 2, slots)
                d = step(p, d, lane: 3, slots)
                e = step(p, e, lane: 4, slots)
                f = step(p, f, lane: 5, slots)
                g = step(p, g, lane: 6, slots)
                h = step(p, h, lane: 7, slots)
            }
            sum += p.load(fromByteOffset: a, as: CompleteNode.self).threshold
            sum += p.load(fromByteOffset: b, as: CompleteNode.self).threshold
            sum += p.load(fromByteOffset: c, as: CompleteNode.self).threshold
            sum += p.load(fromByteOffset: d, as: CompleteNode.self).threshold
            sum += p.load(fromByteOffset: e, as: CompleteNode.self).threshold
            sum += p.load(fromByteOffset: f, as: CompleteNode.self).threshold
            sum += p.load(fromByteOffset: g, as: CompleteNode.self).threshold
            sum += p.load(fromByteOffset: h, as: CompleteNode.self).threshold
            trail[0] = Int32(truncatingIfNeeded: a)
            trail[1] = Int32(truncatingIfNeeded: b)
            trail[2] = Int32(truncatingIfNeeded: c)
            trail[3] = Int32(truncatingIfNeeded: d)
            trail[4] = Int32(truncatingIfNeeded: e)
            trail[5] = Int32(truncatingIfNeeded: f)
            trail[6] = Int32(truncatingIfNeeded: g)
            trail[7] = Int32(truncatingIfNeeded: h)
            trail += lanes
        }
        return sum
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
            // A trail entry is the byte offset `64k + 8·lane` of the bottom position `k` reached;
            // level 1 (the root's child) first, the bottom last, lane by lane: the walk's order.
            var level = 1
            while level <= depth {
                let shift = depth &- level
                for lane in 0..<lanes {
                    let k = (Int(trail[lane]) &- lane &* nodeBytes) / rowBytes
                    let node = q.load(fromByteOffset: (k &>> shift) &* row &+ lane &* bytes, as: AttributedNode.self)
                    bySlot[Int(node.creditSlot)] += node.credit
                }
                level &+= 1
            }
            trail += lanes
        }
    }

    /// The walk behind ``contributions(_:into:)``, out of line like ``sumLeaves(_:_:_:_:_:)``, over
    /// the 16-byte ``AttributedNode``s: a lane's position is the byte offset `128k + 16·lane`,
    /// and the record reached by a step holds both the credit for arriving and the next split.
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
