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
        precondition(x.count >= inputCount, "feature vector has \(x.count) values, model needs \(inputCount)")
        precondition(out.count >= inputCount, "output has \(out.count) slots, model needs \(inputCount)")
        guard inputCount > 0, x.baseAddress != nil, let output = out.baseAddress else { return bias }
        output.update(repeating: 0, count: inputCount)
        switch format {
        case .xgboost:
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

    /// Walks every tree from its root for its depth in steps, crediting the input read by each
    /// node with `E(next) − E(node)`. A leaf steps to itself, so the extra steps credit 0.
    @inline(__always)
    private func attribute(into output: UnsafeMutablePointer<Double>, step: (Int32) -> Int32) {
        nodeMeans.withUnsafeBufferPointer { means in
            nodeInputs.withUnsafeBufferPointer { inputs in
                for (root, depth) in zip(roots, depths) {
                    var node = root
                    for _ in 0..<depth {
                        let next = step(node)
                        output[Int(inputs[Int(node)])] += means[Int(next)] - means[Int(node)]
                        node = next
                    }
                }
            }
        }
    }
}
