extension TreeEnsemble {
    /// The raw score (log-odds) for one feature vector; `Double.nan` marks a missing value.
    ///
    /// `x` must hold at least ``inputCount`` values. For XGBoost models the leaves are summed
    /// in float32 from `Float(baseMargin)`, in tree order, exactly as XGBoost's CPU predictor
    /// does, so results match `predict(output_margin=True)` bit for bit; LightGBM models sum in
    /// double as LightGBM does. Does not allocate.
    public func margin(_ x: UnsafeBufferPointer<Double>) -> Double {
        precondition(x.count >= inputCount, "feature vector has \(x.count) values, model needs \(inputCount)")
        guard let input = x.baseAddress else { return format == .xgboost ? Double(Float(baseMargin)) : baseMargin }
        switch format {
        case .xgboost: return Double(xgboostMargin(input))
        case .lightGBM: return lightGBMMargin(input)
        }
    }

    @inline(__always)
    private func xgboostMargin(_ x: UnsafePointer<Double>) -> Float {
        roots.withUnsafeBufferPointer { roots in
            xgboostSplits.withUnsafeBufferPointer { splits in
                leafValues.withUnsafeBufferPointer { leaves in
                    var sum = Float(baseMargin)
                    for root in roots {
                        var node = root
                        while node >= 0 { node = splits[Int(node)].next(x) }
                        sum += Float(leaves[Int(~node)])
                    }
                    return sum
                }
            }
        }
    }

    @inline(__always)
    private func lightGBMMargin(_ x: UnsafePointer<Double>) -> Double {
        roots.withUnsafeBufferPointer { roots in
            lightGBMSplits.withUnsafeBufferPointer { splits in
                leafValues.withUnsafeBufferPointer { leaves in
                    var sum = baseMargin
                    for root in roots {
                        var node = root
                        while node >= 0 { node = splits[Int(node)].next(x, categories: categories) }
                        sum += leaves[Int(~node)]
                    }
                    return sum
                }
            }
        }
    }
}
