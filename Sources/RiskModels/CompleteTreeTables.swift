/// Owns the tables of a ``CompleteTrees`` view: builds them from XGBoost trees, keeps them in
/// buffers allocated once, and frees them when the last ensemble sharing it goes away.
/// `@unchecked Sendable`: nothing is written after `init`.
final class CompleteTreeTables: @unchecked Sendable {
    /// The deepest group the layout accepts (a depth-8 group takes 16 KiB of splits, 8 KiB of
    /// leaves and 64 KiB of explanation records).
    static let maximumDepth = 8

    /// The view evaluation reads through.
    let trees: CompleteTrees

    /// Lays out validated XGBoost trees whose split features are used-feature slots
    /// (`slotOf[feature]`; `slotInputs[slot]` is the input each slot reads), padding the last
    /// group with zero leaves. Returns nil when a group would be deeper than ``maximumDepth``, a
    /// threshold is not finite in float32, or the slots would not fit on the stack.
    convenience init?(trees: [RawTree], slotOf: [Int32: Int32], slotInputs: [Int32]) {
        typealias Group = CompleteTrees.Group
        let lanes = CompleteTrees.lanes
        let slotCount = Int32(slotInputs.count)
        // The slots fit on the stack, which also keeps every slot and sink within Int16.
        guard CompleteTrees.slotBytes(slotCount: slotInputs.count) <= TreeEnsemble.maxStackSlotBytes,
              2 * slotInputs.count + lanes <= Int(Int16.max) else { return nil }
        let depths = trees.map { $0.depth() }
        let groupCount = (trees.count + lanes - 1) / lanes
        var groups: [Group] = []
        var total = 0
        for g in 0..<groupCount {
            let depth = depths[(g * lanes)..<min(g * lanes + lanes, trees.count)].max()!
            guard depth <= Self.maximumDepth else { return nil }
            groups.append(Group(offset: Int32(total), depth: Int32(depth)))
            total += (2 << depth) * lanes
        }
        guard trees.allSatisfy({ $0.splits.allSatisfy { Float($0.threshold).isFinite } }) else { return nil }
        // Splits and leaves take half the positions each; credits take them all (their threshold
        // and slot are copied from the splits and leaves at the end).
        var nodes = [CompleteNode](repeating: .passThrough(slotCount: slotCount), count: total / 2)
        var leaves = [Float](repeating: 0, count: total / 2)
        var credits = [AttributedNode](
            repeating: AttributedNode(threshold: 0, slot: 0, creditSlot: Int16(slotCount), credit: 0), count: total)
        // Splits and leaves tree by tree (the margin's walk): position `k` of tree `lane` is split
        // `splitIndex(k)` above the bottom and leaf `splitIndex(k - 2^depth)` at it. Credits
        // interleaved lane by lane, so an explanation's eight lanes share the lines of a level
        // (see ``CompleteTrees``).
        func splitIndex(_ group: Group, _ lane: Int, _ k: Int) -> Int { Int(group.offset) / 2 + (lane << Int(group.depth)) + k }
        func creditIndex(_ group: Group, _ lane: Int, _ k: Int) -> Int { Int(group.offset) + k * lanes + lane }
        for (g, group) in groups.enumerated() {
            let bottom = 1 << Int(group.depth)
            for lane in 0..<lanes {
                let sink = AttributedNode(threshold: 0, slot: 0, creditSlot: Int16(slotCount) + Int16(lane), credit: 0)
                func node(_ k: Int) -> Int { splitIndex(group, lane, k) }
                func leaf(_ k: Int) -> Int { splitIndex(group, lane, k - bottom) }
                func position(_ k: Int) -> Int { creditIndex(group, lane, k) }
                let t = g * lanes + lane
                guard t < trees.count else {
                    // Padding tree: a zero leaf reached through pass-throughs.
                    for k in 1..<(2 * bottom) { credits[position(k)] = sink }
                    continue
                }
                let tree = trees[t]
                let means = tree.splitMeans()
                func mean(_ child: Int32) -> Double { child >= 0 ? means[Int(child)] : tree.leafValues[Int(~child)] }
                /// Places raw child `child` (a split index, or `~leaf`) at heap position `k`.
                func place(_ child: Int32, at k: Int) {
                    if child < 0 {
                        let value = Float(tree.leafValues[Int(~child)])
                        // A shallow leaf fills its whole subtree's bottom; the pass-throughs
                        // above them credit 0 to the lane's sink.
                        var first = k, count = 1
                        while first < bottom {
                            for j in first..<(first + count) where j != k {
                                credits[position(j)] = sink
                            }
                            first *= 2
                            count *= 2
                        }
                        for j in first..<(first + count) {
                            leaves[leaf(j)] = value
                            if j != k { credits[position(j)] = sink }
                        }
                        return
                    }
                    let split = tree.splits[Int(child)]
                    let slot = slotOf[split.feature]!
                    let threshold = Float(split.threshold)
                    let defaultLeft = split.decisionType & DecisionType.defaultLeftBit != 0
                    nodes[node(k)] = defaultLeft
                        ? CompleteNode(threshold: threshold, slot: slot)
                        : CompleteNode(threshold: (-threshold).nextUp, slot: slotCount + slot)
                    let (first, second) = defaultLeft ? (split.right, split.left) : (split.left, split.right)
                    for (next, target) in [(first, 2 * k), (second, 2 * k + 1)] {
                        credits[position(target)].creditSlot = Int16(slot)
                        credits[position(target)].credit = mean(next) - mean(child)
                        place(next, at: target)
                    }
                }
                place(tree.splits.isEmpty ? ~0 : 0, at: 1)
            }
        }
        for group in groups {
            let bottom = 1 << Int(group.depth)
            for lane in 0..<lanes {
                for k in 1..<(2 * bottom) {
                    let split = k < bottom
                        ? nodes[splitIndex(group, lane, k)]
                        : CompleteNode(threshold: leaves[splitIndex(group, lane, k - bottom)], slot: 0)
                    credits[creditIndex(group, lane, k)].threshold = split.threshold
                    credits[creditIndex(group, lane, k)].slot = Int16(split.slot)
                }
            }
        }
        self.init(groups: groups, nodes: nodes, leaves: leaves, attributed: credits, slotInputs: slotInputs)
    }

    /// Copies the tables into buffers of its own.
    init(groups: [CompleteTrees.Group], nodes: [CompleteNode], leaves: [Float], attributed: [AttributedNode], slotInputs: [Int32]) {
        func copy<T>(_ array: [T]) -> UnsafeMutableBufferPointer<T> {
            let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: max(array.count, 1))
            _ = buffer.initialize(from: array)
            return UnsafeMutableBufferPointer(rebasing: buffer[0..<array.count])
        }
        trees = CompleteTrees(
            groups: copy(groups), nodes: copy(nodes), leaves: copy(leaves), attributed: copy(attributed),
            slotInputs: copy(slotInputs))
    }

    deinit {
        trees.groups.baseAddress?.deallocate()
        trees.nodes.baseAddress?.deallocate()
        trees.leaves.baseAddress?.deallocate()
        trees.attributed.baseAddress?.deallocate()
        trees.slotInputs.baseAddress?.deallocate()
    }

    /// The same trees reading each used feature from `slotInputs` (after binding to a schema).
    func reading(_ slotInputs: [Int32]) -> CompleteTreeTables {
        CompleteTreeTables(groups: Array(trees.groups), nodes: Array(trees.nodes), leaves: Array(trees.leaves),
                           attributed: Array(trees.attributed), slotInputs: slotInputs)
    }
}
