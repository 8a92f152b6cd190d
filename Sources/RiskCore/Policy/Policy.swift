/// One compiled rule.
struct CompiledRule: Sendable {
    let name: String
    let condition: CompiledCondition
    let template: ReasonTemplate
    let points: Double
    /// The action the rule forces; nil for a rule that only adds points to the score.
    let action: Action?
}

/// A compiled policy: rules, an optional model, and score thresholds, ready to decide.
///
/// Evaluation order:
/// 1. `allow` rules, in file order: the first that matches allows the transaction at once
///    (score 0), whatever else is true; the model is not consulted. Use them for allow-lists.
/// 2. Every other rule is evaluated: `decline` rules, then `review` rules, then `score` rules,
///    each group in file order. The points of every matching rule add up (decline rules count
///    100 and review rules the review threshold unless they say otherwise).
/// 3. When the policy names a model (`model: {path, review, decline, weight}`), its probability
///    `p` (0–1) for the transaction's features adds `weight × p` points. The score is the sum,
///    capped at 100.
/// 4. The action is the strongest of: any matching decline rule (decline), any matching review
///    rule (review), the score against the thresholds (`score >= decline` → decline,
///    `score >= review` → review), and the model's own probability thresholds
///    (`p >= model.decline` → decline, `p >= model.review` → review).
/// 5. Reasons are the matching rules in that order, at most four. When the action is review or
///    decline and slots remain, the model fills them with the features that raised its
///    log-odds the most for this transaction (per-feature contributions along the tree paths,
///    positive ones only, largest first), each with the code `MODEL_` + the feature name
///    upper-cased with dots as underscores (`MODEL_CARD_DECLINES_10M`), the observed value
///    and the contribution. Allowed transactions carry no model reasons. The advice is the
///    first reason's (an allowed transaction can carry advice from a zero-point rule, such as
///    "try again later" after issuer system declines; a model reason advises "try again later"
///    on review and "do not try again" on decline).
///
/// A policy is immutable and `Sendable`: the engine swaps whole policies atomically.
public final class Policy: Sendable {
    /// The policy's name (from the file's `name:`).
    public let name: String
    /// Score from which a transaction is reviewed.
    public let reviewThreshold: Double
    /// Score from which a transaction is declined.
    public let declineThreshold: Double
    /// The rule names in file order.
    public var ruleNames: [String] { rules.map(\.name) }
    /// The compiled rules in file order.
    let rules: [CompiledRule]
    /// The model scoring beside the rules, if the policy names one.
    public let model: PolicyModel?
    /// `model` as `decide` reaches it: unretained (`model` keeps it alive), so that scoring
    /// threads never write its reference count, one cache line that all of them share.
    private let borrowedModel: Unmanaged<PolicyModel>?
    /// `allow` rules in file order.
    let allowRules: RuleTable
    /// `decline`, then `review`, then `score` rules, each group in file order.
    let otherRules: RuleTable

    init(name: String, reviewThreshold: Double, declineThreshold: Double, rules: [CompiledRule], model: PolicyModel? = nil) {
        self.name = name
        self.model = model
        borrowedModel = model.map { Unmanaged.passUnretained($0) }
        self.reviewThreshold = reviewThreshold
        self.declineThreshold = declineThreshold
        self.rules = rules
        allowRules = RuleTable(rules.filter { $0.action == .allow })
        otherRules = RuleTable(rules.filter { $0.action == .decline } + rules.filter { $0.action == .review } + rules.filter { $0.action == nil })
    }

    /// Decides on a transaction from its features (no allocation, no locks).
    @inline(__always)
    public func decide(_ features: inout FeatureVector, transactionID: UInt64, policyVersion: Int = 0) -> Decision {
        // The decision is built in place, not returned out of the closure (which copied it).
        var decision = Decision(transactionID: transactionID, policyVersion: policyVersion)
        features.withUnsafeMutableValues { decide($0, into: &decision) }
        return decision
    }

    @inline(__always)
    func decide(_ features: UnsafePointer<Double>, into decision: inout Decision) {
        for index in 0..<allowRules.count where allowRules.matches(index, features) {
            decision.append(reason(allowRules.templates[index], features))
            return
        }
        var points = 0.0
        var strongest = Action.allow
        for index in 0..<otherRules.count where otherRules.matches(index, features) {
            let entry = otherRules.entries[index]
            points += entry.points
            if entry.action > Int8(strongest.rawValue) { strongest = Action(rawValue: UInt8(entry.action))! }
            decision.append(reason(otherRules.templates[index], features))
        }
        if let borrowedModel {
            borrowedModel._withUnsafeGuaranteedRef { model in
                // The model's walk leaves a trail on the stack, from which an explanation (needed
                // only for review and decline) reads each tree's path instead of walking again.
                withUnsafeTemporaryAllocation(of: Int32.self, capacity: model.trailLength) { trail in
                    let probability = model.probability(features, trail: trail)
                    points += model.weight * probability
                    settle(&decision, points: points, strongest: max(strongest, model.action(for: probability)))
                    if decision.action != .allow {
                        model.appendReasons(to: &decision, features: features, trail: UnsafeBufferPointer(trail))
                    }
                }
            }
        } else {
            settle(&decision, points: points, strongest: strongest)
        }
        if decision.reasonCount > 0 {
            decision.advice = decision.reason(at: 0).template.advice
        }
    }

    /// Sets the score (points, capped at 100) and the action: the strongest of the rules' and
    /// the model's actions and the one the score thresholds name.
    @inline(__always)
    private func settle(_ decision: inout Decision, points: Double, strongest: Action) {
        let score = min(points, 100)
        let byScore: Action = score >= declineThreshold ? .decline : (score >= reviewThreshold ? .review : .allow)
        decision.score = score
        decision.action = max(strongest, byScore)
    }

    @inline(__always)
    private func reason(_ template: ReasonTemplate, _ features: UnsafePointer<Double>) -> Reason {
        let index = template.featureIndex
        return Reason(template: template, observed: index >= 0 ? features[index] : .nan)
    }
}
