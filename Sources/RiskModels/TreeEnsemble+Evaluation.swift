extension TreeEnsemble {
    /// The raw score (log-odds) for one feature vector; `Double.nan` marks a missing value.
    ///
    /// `x` must hold at least ``inputCount`` values. For XGBoost models the leaves are summed
    /// in float32 from `Float(baseMargin)`, in tree order, as XGBoost's CPU predictor does, so
    /// results match `predict(output_margin=True)`; LightGBM models sum in double as LightGBM
    /// does. Trees are walked eight at a time for a fixed number of steps with branch-free child
    /// selection. Does not allocate.
    public func margin(_ x: UnsafeBufferPointer<Double>) -> Double {
        precondition(x.count >= inputCount, "feature vector has \(x.count) values, model needs \(inputCount)")
        switch format {
        case .xgboost:
            return Double(xgboostNodes.withUnsafeBufferPointer { nodes in
                withSlots(x) { slots in
                    walk(slots, start: Float(baseMargin)) { nodes[Int($0)].next($1) } leaf: { nodes[Int($0)].threshold }
                } fallback: { x in
                    walk(x, start: Float(baseMargin)) { i, x in
                        let node = nodes[Int(i)]
                        return node.next(value: slotValue(node.slot, x))
                    } leaf: { nodes[Int($0)].threshold }
                }
            })
        case .lightGBM:
            // A model without features can only hold single-leaf trees: its margin is its bias.
            guard inputCount > 0, let input = x.baseAddress else { return bias }
            return lightGBMNodes.withUnsafeBufferPointer { nodes in
                walk(input, start: baseMargin) { nodes[Int($0)].next($1, categories: categories) } leaf: { nodes[Int($0)].threshold }
            }
        }
    }

    /// The most slots kept on the stack: 1 KiB, which `withUnsafeTemporaryAllocation` always
    /// places on the stack.
    static let maxStackSlots = 256

    /// Runs `body` with XGBoost's slot scratch for `x` on the stack: `Float(x[f])` for each used
    /// feature, then the negations, then a 0 (see ``Float32Split``). Models using more than
    /// 127 features run `fallback` instead, which reads slots straight from `x` (see
    /// ``slotValue(_:_:)``), so evaluation never allocates.
    @inline(__always)
    func withSlots<R>(
        _ x: UnsafeBufferPointer<Double>, _ body: (UnsafePointer<Float>) -> R,
        fallback: (UnsafePointer<Double>) -> R
    ) -> R {
        let count = slotInputs.count
        guard 2 &* count &+ 1 <= Self.maxStackSlots else { return fallback(x.baseAddress!) }
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
        roots.withUnsafeBufferPointer { roots in
            depths.withUnsafeBufferPointer { depths in
                groupDepths.withUnsafeBufferPointer { groupDepths in
                    var sum = start
                    var t = 0
                    let count = roots.count
                    while t &+ Self.lanes <= count {
                        var a = roots[t], b = roots[t &+ 1], c = roots[t &+ 2], d = roots[t &+ 3]
                        var e = roots[t &+ 4], f = roots[t &+ 5], g = roots[t &+ 6], h = roots[t &+ 7]
                        var steps = groupDepths[t / Self.lanes]
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
                    while t < count {
                        var a = roots[t]
                        var steps = depths[t]
                        while steps > 0 {
                            a = step(a, x)
                            steps &-= 1
                        }
                        sum += leaf(a)
                        t &+= 1
                    }
                    return sum
                }
            }
        }
    }
}
