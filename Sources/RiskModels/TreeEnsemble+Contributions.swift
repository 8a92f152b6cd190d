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
        guard inputCount > 0, let input = x.baseAddress, let output = out.baseAddress else { return bias }
        output.update(repeating: 0, count: inputCount)
        switch format {
        case .xgboost:
            let slotCount = Int32(slotInputs.count)
            withSlots(x) { slots in
                xgboostNodes.withUnsafeBufferPointer { nodes in
                    slotInputs.withUnsafeBufferPointer { inputs in
                        attribute(into: output) { i in
                            let node = nodes[Int(i)]
                            let slot = node.slot >= slotCount ? node.slot - slotCount : node.slot
                            let isLeaf = node.ifLess == i && node.otherwise == i
                            return (isLeaf ? 0 : Int(inputs[Int(slot)]), node.next(slots), isLeaf)
                        }
                    }
                }
            }
        case .lightGBM:
            lightGBMNodes.withUnsafeBufferPointer { nodes in
                attribute(into: output) { i in
                    let node = nodes[Int(i)]
                    return (Int(node.feature), node.next(input, categories: categories), node.left == i)
                }
            }
        }
        return bias
    }

    /// Walks every tree from its root, crediting each split's feature with the change in
    /// expected value; `visit` returns a node's feature, the child taken and whether it is a leaf.
    @inline(__always)
    private func attribute(
        into output: UnsafeMutablePointer<Double>, visit: (Int32) -> (feature: Int, next: Int32, isLeaf: Bool)
    ) {
        nodeMeans.withUnsafeBufferPointer { means in
            for root in roots {
                var node = root
                while true {
                    let (feature, next, isLeaf) = visit(node)
                    if isLeaf { break }
                    output[feature] += means[Int(next)] - means[Int(node)]
                    node = next
                }
            }
        }
    }
}
