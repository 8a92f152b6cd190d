import RiskModels

/// The model a policy scores with beside its rules: a ``RiskModel`` bound to
/// ``FeatureSchema/names``, its probability thresholds and its weight in the score.
///
/// See ``Policy`` for how the model's probability enters the score, the action and the reasons.
public final class PolicyModel: Sendable {
    /// The model, bound to the engine's feature schema (input slot i is ``Feature`` i).
    public let model: RiskModel
    /// The model file, as resolved when the policy loaded.
    public let path: String
    /// Probability from which the model alone asks for review.
    public let reviewProbability: Double
    /// Probability from which the model alone declines.
    public let declineProbability: Double
    /// Points the model adds to the score at probability 1 (points = weight × probability).
    public let weight: Double
    /// One reason template per feature, for model reasons on review decisions.
    let reviewTemplates: [ReasonTemplate]
    /// One reason template per feature, for model reasons on decline decisions.
    let declineTemplates: [ReasonTemplate]

    /// Binds `model` to the feature schema and prepares its reason templates.
    ///
    /// - Throws: ``ModelLoadError/featureNotInSchema(source:feature:)`` naming the first model
    ///   feature the engine does not compute.
    public init(model: RiskModel, path: String, reviewProbability: Double, declineProbability: Double, weight: Double) throws {
        self.model = try model.bind(to: FeatureSchema.names)
        self.path = path
        self.reviewProbability = reviewProbability
        self.declineProbability = declineProbability
        self.weight = weight
        reviewTemplates = Feature.allCases.map {
            ReasonTemplate.interned(code: PolicyModel.reasonCode(for: $0), feature: $0, threshold: .nan, advice: .tryAgainLater, action: .review)
        }
        declineTemplates = Feature.allCases.map {
            ReasonTemplate.interned(code: PolicyModel.reasonCode(for: $0), feature: $0, threshold: .nan, advice: .doNotTryAgain, action: .decline)
        }
    }

    /// The stable reason code of a model reason about `feature`: `MODEL_` and the feature name
    /// upper-cased with dots as underscores (`card.declines_10m` → `MODEL_CARD_DECLINES_10M`).
    public static func reasonCode(for feature: Feature) -> String {
        "MODEL_" + String(feature.name.uppercased().map { $0 == "." ? "_" : $0 })
    }

    /// The number of values of the trail ``probability(_:trail:)`` leaves (see
    /// ``RiskModel/trailLength``).
    var trailLength: Int { model.trailLength }

    /// The model's probability for a feature vector in schema order, leaving in `trail` (of
    /// ``trailLength`` values) what ``appendReasons(to:features:trail:)`` needs to explain it.
    @inline(__always)
    func probability(_ features: UnsafePointer<Double>, trail: UnsafeMutableBufferPointer<Int32>) -> Double {
        model.probability(margin: model.margin(UnsafeBufferPointer(start: features, count: FeatureSchema.count), trail: trail))
    }

    /// The action the model asks for at `probability`.
    @inline(__always)
    func action(for probability: Double) -> Action {
        probability >= declineProbability ? .decline : (probability >= reviewProbability ? .review : .allow)
    }
}
