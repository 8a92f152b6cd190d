extension TreeEnsemble {
    /// The raw score (log-odds) for one feature vector; `Double.nan` marks a missing value.
    ///
    /// `x` must hold at least ``inputCount`` values. For XGBoost models the leaves are summed
    /// in float32 from `Float(baseMargin)`, in tree order, as XGBoost's CPU predictor does, so
    /// results match `predict(output_margin=True)`; LightGBM models sum in double as LightGBM
    /// does. Trees are walked eight at a time for a fixed number of steps with branch-free child
    /// selection: XGBoost trees up to ``CompleteTreeTables/maximumDepth`` deep as complete trees with
    /// implicit child positions (``CompleteTrees``), others over explicit nodes. Does not allocate.
    public func margin(_ x: UnsafeBufferPointer<Double>) -> Double {
        precondition(x.count >= inputCount, "feature vector has \(x.count) values, model needs \(inputCount)")
        switch format {
        case .xgboost:
            if let complete = storage.completeTrees {
                return Double(complete.margin(x, start: Float(storage.baseMargin)))
            }
            return Double(explicitXGBoostMargin(x))
        case .lightGBM:
            return lightGBMNodes.withUnsafeBufferPointer { nodes in
                withLightGBMSlots(x) { slots in
                    if categories.count == 0 {
                        return walk(slots, start: baseMargin) { nodes[Int($0)].nextNumerical(value: $1[Int(nodes[Int($0)].slot)]) }
                            leaf: { nodes[Int($0)].threshold }
                    }
                    return walk(slots, start: baseMargin) { i, slots in
                        let node = nodes[Int(i)]
                        return node.next(value: slots[Int(node.slot)], categories: categories)
                    } leaf: { nodes[Int($0)].threshold }
                } fallback: { x in
                    walk(x, start: baseMargin) { i, x in
                        let node = nodes[Int(i)]
                        return node.next(value: lightGBMSlotValue(node.slot, x), categories: categories)
                    } leaf: { nodes[Int($0)].threshold }
                }
            }
        }
    }

    /// The number of `Int32`s ``margin(_:trail:)`` records: one per tree (and padding lane) for
    /// XGBoost ensembles laid out as ``CompleteTrees``, 0 otherwise (a trail is then not used).
    public var trailLength: Int { format == .xgboost ? storage.completeTrees?.trailLength ?? 0 : 0 }

    /// ``margin(_:)`` that also records in `trail` where each tree's walk ended, so that
    /// ``contributions(_:trail:into:)`` can explain the same input without walking the trees
    /// again. A trail shorter than ``trailLength`` is not written.
    public func margin(_ x: UnsafeBufferPointer<Double>, trail: UnsafeMutableBufferPointer<Int32>) -> Double {
        guard format == .xgboost, let complete = storage.completeTrees, let base = trail.baseAddress,
              trail.count >= complete.trailLength else { return margin(x) }
        precondition(x.count >= inputCount, "feature vector has \(x.count) values, model needs \(inputCount)")
        return Double(complete.margin(x, start: Float(storage.baseMargin), trail: base))
    }

    /// The XGBoost margin walked over the explicit ``Float32Split`` nodes: for ensembles too deep
    /// for ``CompleteTrees`` and for inputs whose slots do not fit on the stack.
    func explicitXGBoostMargin(_ x: UnsafeBufferPointer<Double>) -> Float {
        xgboostNodes.withUnsafeBufferPointer { nodes in
            withSlots(x) { slots in
                walk(slots, start: Float(baseMargin)) { nodes[Int($0)].next($1) } leaf: { nodes[Int($0)].threshold }
            } fallback: { x in
                walk(x, start: Float(baseMargin)) { i, x in
                    let node = nodes[Int(i)]
                    return node.next(value: slotValue(node.slot, x))
                } leaf: { nodes[Int($0)].threshold }
            }
        }
    }

    /// Runs `body` with LightGBM's slot scratch for `x` on the stack (five slots per used
    /// feature, then a 0; see ``LightGBMSplit``), or `fallback` past ``maxStackSlotBytes``.
    @inline(__always)
    func withLightGBMSlots<R>(
        _ x: UnsafeBufferPointer<Double>, _ body: (UnsafePointer<Double>) -> R,
        fallback: (UnsafePointer<Double>) -> R
    ) -> R {
        let count = slotInputs.count
        let total = 5 &* count &+ 1
        guard total &* MemoryLayout<Double>.stride <= Self.maxStackSlotBytes else { return fallback(x.baseAddress!) }
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: total) { slots in
            slotInputs.withUnsafeBufferPointer { inputs in
                for j in 0..<count {
                    let raw = x[Int(inputs[j])]
                    let nanAsZero = raw.isNaN ? 0 : raw
                    let zeroAsNaN = abs(nanAsZero) <= DecisionType.zeroThreshold ? Double.nan : nanAsZero
                    slots[j] = nanAsZero
                    slots[count &+ j] = raw
                    slots[2 &* count &+ j] = -raw
                    slots[3 &* count &+ j] = zeroAsNaN
                    slots[4 &* count &+ j] = -zeroAsNaN
                }
            }
            slots[5 &* count] = 0
            return body(UnsafePointer(slots.baseAddress!))
        }
    }

    /// The value of LightGBM slot `slot` computed from the input (see ``LightGBMSplit``).
    @inline(__always)
    func lightGBMSlotValue(_ slot: Int32, _ x: UnsafePointer<Double>) -> Double {
        let count = Int32(slotInputs.count)
        guard slot < 5 &* count else { return 0 }
        let raw = x[Int(slotInputs[Int(slot % count)])]
        let nanAsZero = raw.isNaN ? 0 : raw
        let zeroAsNaN = abs(nanAsZero) <= DecisionType.zeroThreshold ? Double.nan : nanAsZero
        switch slot / count {
        case 0: return nanAsZero
        case 1: return raw
        case 2: return -raw
        case 3: return zeroAsNaN
        default: return -zeroAsNaN
        }
    }

    /// The largest slot scratch kept on the stack (16 KiB); larger models read slots straight
    /// from the input instead, so evaluation never allocates.
    static let maxStackSlotBytes = 16 * 1024

    /// Runs `body` with XGBoost's slot scratch for `x` on the stack: `Float(x[f])` for each used
    /// feature, then the negations, then a 0 (see ``Float32Split``). Past ``maxStackSlotBytes``
    /// it runs `fallback` instead, which reads slots straight from `x` (see ``slotValue(_:_:)``).
    @inline(__always)
    func withSlots<R>(
        _ x: UnsafeBufferPointer<Double>, _ body: (UnsafePointer<Float>) -> R,
        fallback: (UnsafePointer<Double>) -> R
    ) -> R {
        let count = slotInputs.count
        guard (2 &* count &+ 1) &* MemoryLayout<Float>.stride <= Self.maxStackSlotBytes else {
            return fallback(x.baseAddress!)
        }
        return withUnsafeTemporaryAllocation(of: Float.self, capacity: 2 &* count &+ 1) { slots in
            slotInputs.withUnsafeBufferPointer { inputs in
                for j in 0..<count {
                    let v = Float(x[Int(inputs[j])])
                    slots[j] = v
                    slots[count &+ j] = -v
                }
            }
            slots[2 &* count] = 0
            return body(UnsafePointer(slots.baseAddress!))
        }
    }

    /// The value of XGBoost slot `slot` computed from the input (see ``Float32Split``).
    @inline(__always)
    func slotValue(_ slot: Int32, _ x: UnsafePointer<Double>) -> Float {
        let count = Int32(slotInputs.count)
        if slot < count { return Float(x[Int(slotInputs[Int(slot)])]) }
        if slot < 2 &* count { return -Float(x[Int(slotInputs[Int(slot &- count)])]) }
        return 0
    }

    /// How many trees are walked in lockstep.
    static let lanes = 8

    /// Sums the leaf each tree reaches, in tree order, walking groups of ``lanes`` trees in
    /// lockstep so that their independent node loads overlap.
    @inline(__always)
    private func walk<Value: FloatingPoint, Input>(
        _ x: UnsafePointer<Input>, start: Value,
        step: (Int32, UnsafePointer<Input>) -> Int32, leaf: (Int32) -> Value
    ) -> Value {
        // `roots` holds whole groups: init pads it with a zero leaf.
        roots.withUnsafeBufferPointer { roots in
            groupDepths.withUnsafeBufferPointer { groupDepths in
                var sum = start
                var t = 0
                for depth in groupDepths {
                    var a = roots[t], b = roots[t &+ 1], c = roots[t &+ 2], d = roots[t &+ 3]
                    var e = roots[t &+ 4], f = roots[t &+ 5], g = roots[t &+ 6], h = roots[t &+ 7]
                    var steps = depth
                    while steps > 0 {
                        a = step(a, x)
                        b = step(b, x)
                        c = step(c, x)
                        d = step(d, x)
                        e = step(e, x)
                        f = step(f, x)
                        g = step(g, x)
                        h = step(h, x)
                        steps &-= 1
                    }
                    sum += leaf(a)
                    sum += leaf(b)
                    sum += leaf(c)
                    sum += leaf(d)
                    sum += leaf(e)
                    sum += leaf(f)
                    sum += leaf(g)
                    sum += leaf(h)
                    t &+= Self.lanes
                }
                return sum
            }
        }
    }
}
