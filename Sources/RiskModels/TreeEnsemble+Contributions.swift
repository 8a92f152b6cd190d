extension TreeEnsemble {
    /// Saabas per-feature contributions along each tree's decision path.
    ///
    /// For every split on the path the split feature receives
    /// `E(child taken) − E(split)`, where `E` is the cover-weighted mean of a subtree's leaves
    /// (XGBoost `sum_hessian`, LightGBM `internal_count` / `leaf_count`), computed at load time.
    /// The returned bias is ``baseMargin`` plus every tree's root expectation, so
    /// `bias + Σ out[i]` equals the double-precision sum of leaves (within float rounding of
    /// ``margin(_:)`` for XGBoost). For XGBoost this is the method of
    /// `predict(pred_contribs=True, approx_contribs=True)`.
    ///
    /// - Parameters:
    ///   - x: at least ``inputCount`` values; `Double.nan` is missing.
    ///   - out: at least ``inputCount`` slots; the first ``inputCount`` are overwritten.
    /// - Returns: the bias. Does not allocate.
    public func contributions(_ x: UnsafeBufferPointer<Double>, into out: UnsafeMutableBufferPointer<Double>) -> Double {
        contributions(x, trail: nil, into: out)
    }

    /// ``contributions(_:into:)`` for an input whose margin was just computed with
    /// ``margin(_:trail:)``: with the trail it left, the complete-tree layout reads each tree's
    /// path from where the walk ended instead of comparing again (the same values, bit for bit,
    /// at about half the cost). A trail shorter than ``trailLength`` is ignored.
    ///
    /// - Precondition: `trail` holds what ``margin(_:trail:)`` recorded for this same `x`.
    public func contributions(
        _ x: UnsafeBufferPointer<Double>, trail: UnsafeBufferPointer<Int32>, into out: UnsafeMutableBufferPointer<Double>
    ) -> Double {
        contributions(x, trail: trail.count >= trailLength ? trail.baseAddress : nil, into: out)
    }

    private func contributions(
        _ x: UnsafeBufferPointer<Double>, trail: UnsafePointer<Int32>?, into out: UnsafeMutableBufferPointer<Double>
    ) -> Double {
        precondition(x.count >= inputCount, "feature vector has \(x.count) values, model needs \(inputCount)")
        precondition(out.count >= inputCount, "output has \(out.count) slots, model needs \(inputCount)")
        guard inputCount > 0, x.baseAddress != nil, let output = out.baseAddress else { return bias }
        output.update(repeating: 0, count: inputCount)
        switch format {
        case .xgboost:
            if let complete = storage.completeTrees {
                if let trail { complete.contributions(trail: trail, into: output) } else { complete.contributions(x, into: output) }
            } else {
                explicitXGBoostContributions(x, into: output)
            }
        case .lightGBM:
            lightGBMNodes.withUnsafeBufferPointer { nodes in
                withLightGBMSlots(x) { slots in
                    attribute(into: output) { i in
                        let node = nodes[Int(i)]
                        return node.next(value: slots[Int(node.slot)], categories: categories)
                    }
                } fallback: { x in
                    attribute(into: output) { i in
                        let node = nodes[Int(i)]
                        return node.next(value: lightGBMSlotValue(node.slot, x), categories: categories)
                    }
                }
            }
        }
        return bias
    }

    /// XGBoost contributions walked over the explicit ``Float32Split`` nodes (for ensembles that
    /// have no ``CompleteTrees``), added to `output`.
    func explicitXGBoostContributions(_ x: UnsafeBufferPointer<Double>, into output: UnsafeMutablePointer<Double>) {
        xgboostNodes.withUnsafeBufferPointer { nodes in
            withSlots(x) { slots in
                attribute(into: output) { nodes[Int($0)].next(slots) }
            } fallback: { x in
                attribute(into: output) { i in
                    let node = nodes[Int(i)]
                    return node.next(value: slotValue(node.slot, x))
                }
            }
        }
    }

    /// Walks the trees in lockstep groups (as ``margin(_:)`` does), crediting the input read by
    /// each split with `E(next) − E(node)`. A leaf steps to itself; those steps credit 0 to a
    /// per-lane sink instead of an input, so that no branch and no shared dependency chain is
    /// added.
    @inline(__always)
    private func attribute(into output: UnsafeMutablePointer<Double>, step: (Int32) -> Int32) {
        withUnsafeTemporaryAllocation(of: Double.self, capacity: Self.lanes) { sink in
            sink.initialize(repeating: 0)
            let sink = sink.baseAddress!
            nodeMeans.withUnsafeBufferPointer { means in
                nodeInputs.withUnsafeBufferPointer { inputs in
                    roots.withUnsafeBufferPointer { roots in
                        @inline(__always) func credit(_ node: Int32, lane: Int) -> Int32 {
                            let next = step(node)
                            let target = next == node ? sink + lane : output + Int(inputs[Int(node)])
                            target.pointee += means[Int(next)] - means[Int(node)]
                            return next
                        }
                        var t = 0
                        for depth in groupDepths {
                            var a = roots[t], b = roots[t &+ 1], c = roots[t &+ 2], d = roots[t &+ 3]
                            var e = roots[t &+ 4], f = roots[t &+ 5], g = roots[t &+ 6], h = roots[t &+ 7]
                            var steps = depth
                            while steps > 0 {
                                a = credit(a, lane: 0)
                                b = credit(b, lane: 1)
                                c = credit(c, lane: 2)
                                d = credit(d, lane: 3)
                                e = credit(e, lane: 4)
                                f = credit(f, lane: 5)
                                g = credit(g, lane: 6)
                                h = credit(h, lane: 7)
                                steps &-= 1
                            }
                            t &+= Self.lanes
                        }
                    }
                }
            }
        }
    }
}
