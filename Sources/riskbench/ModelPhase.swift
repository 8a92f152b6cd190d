import RiskCore
import RiskModels

/// Time per prediction of the policy's model, on the feature vectors the engine computed for
/// the first transactions of the generated traffic (the vectors are made before timing).
struct ModelPhase {
    struct Result {
        /// Predictions timed.
        var predictions: Int
        /// `margin` (the probability is one more sigmoid).
        var margin: PhaseTiming
        /// Explanations timed.
        var explanations: Int
        /// `contributions` from the trail the margin's walk left (what a review or decline pays
        /// for its reasons on top of the prediction).
        var contributions: PhaseTiming
    }

    let traffic: BenchTraffic
    let policy: Policy
    let engineConfiguration: EngineConfiguration

    /// Nil when the policy has no model.
    func run() -> Result? {
        guard let model = policy.model?.model else { return nil }
        let engine = RiskEngine(policy: policy, configuration: engineConfiguration)
        let samples = min(20_000, traffic.transactions.count)
        let width = FeatureSchema.count
        var vectors: [Double] = []
        vectors.reserveCapacity(samples * width)
        for tx in traffic.transactions.prefix(samples) {
            var features = FeatureVector()
            engine.score(tx, features: &features)
            features.withUnsafeValues { vectors.append(contentsOf: $0) }
        }
        return vectors.withUnsafeBufferPointer { all in
            var sink = 0.0
            let rounds = 25
            let marginWatch = Stopwatch()
            for _ in 0..<rounds {
                for index in 0..<samples {
                    sink += model.margin(UnsafeBufferPointer(rebasing: all[index * width..<(index + 1) * width]))
                }
            }
            let margin = PhaseTiming(count: rounds * samples, wallSeconds: marginWatch.wallSeconds, cpuSeconds: marginWatch.cpuSeconds)
            let scratch = UnsafeMutableBufferPointer<Double>.allocate(capacity: width)
            defer { scratch.deallocate() }
            // The trails each margin leaves (not timed), as the engine keeps one per decision.
            let trailLength = model.trailLength
            let trails = UnsafeMutableBufferPointer<Int32>.allocate(capacity: max(samples * trailLength, 1))
            defer { trails.deallocate() }
            for index in 0..<samples {
                sink += model.margin(UnsafeBufferPointer(rebasing: all[index * width..<(index + 1) * width]),
                                     trail: UnsafeMutableBufferPointer(rebasing: trails[index * trailLength..<(index + 1) * trailLength]))
            }
            let explanationRounds = 5
            let contributionWatch = Stopwatch()
            for _ in 0..<explanationRounds {
                for index in 0..<samples {
                    sink += model.contributions(UnsafeBufferPointer(rebasing: all[index * width..<(index + 1) * width]),
                                                trail: UnsafeBufferPointer(rebasing: trails[index * trailLength..<(index + 1) * trailLength]),
                                                into: scratch)
                }
            }
            let contributions = PhaseTiming(count: explanationRounds * samples, wallSeconds: contributionWatch.wallSeconds,
                                            cpuSeconds: contributionWatch.cpuSeconds)
            precondition(!sink.isNaN)  // keeps the results observable
            return Result(predictions: rounds * samples, margin: margin, explanations: explanationRounds * samples, contributions: contributions)
        }
    }
}
