extension PolicyModel {
    /// Fills the decision's free reason slots with the features that pushed the model's log-odds
    /// up the most for this transaction (Saabas contributions along the tree paths), largest
    /// first; features with no positive contribution are never cited.
    ///
    /// `trail` is what ``probability(_:trail:)`` left for these features (see
    /// ``RiskModel/contributions(_:trail:into:)``). The contributions live in a stack buffer:
    /// nothing is allocated.
    @inline(__always)
    func appendReasons(to decision: inout Decision, features: UnsafePointer<Double>, trail: UnsafeBufferPointer<Int32>) {
        let free = Decision.maximumReasons - decision.reasonCount
        guard free > 0 else { return }
        let count = FeatureSchema.count
        let templates = decision.action == .decline ? declineTemplates : reviewTemplates
        withUnsafeTemporaryAllocation(of: Double.self, capacity: count) { contributions in
            _ = model.contributions(UnsafeBufferPointer(start: features, count: count), trail: trail, into: contributions)
            for _ in 0..<free {
                var best = -1
                var bestValue = 0.0
                for index in 0..<count where contributions[index] > bestValue {
                    best = index
                    bestValue = contributions[index]
                }
                guard best >= 0 else { return }
                contributions[best] = 0
                decision.append(Reason(template: templates[best], observed: features[best], contribution: bestValue))
            }
        }
    }
}
