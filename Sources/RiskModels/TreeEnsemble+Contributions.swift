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
        guard let input = x.baseAddress, let output = out.baseAddress else { return bias }
        output.update(repeating: 0, count: inputCount)
        splitMeans.withUnsafeBufferPointer { means in
            leafValues.withUnsafeBufferPointer { leaves in
                @inline(__always) func expected(_ node: Int32) -> Double {
                    node >= 0 ? means[Int(node)] : leaves[Int(~node)]
                }
                switch format {
                case .xgboost:
                    xgboostSplits.withUnsafeBufferPointer { splits in
                        for root in roots {
                            var node = root
                            while node >= 0 {
                                let split = splits[Int(node)]
                                let next = split.next(input)
                                output[split.feature] += expected(next) - means[Int(node)]
                                node = next
                            }
                        }
                    }
                case .lightGBM:
                    lightGBMSplits.withUnsafeBufferPointer { splits in
                        for root in roots {
                            var node = root
                            while node >= 0 {
                                let split = splits[Int(node)]
                                let next = split.next(input, categories: categories)
                                output[Int(split.feature)] += expected(next) - means[Int(node)]
                                node = next
                            }
                        }
                    }
                }
            }
        }
        return bias
    }
}
