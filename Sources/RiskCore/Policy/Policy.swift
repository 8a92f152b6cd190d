/// One compiled rule.
struct CompiledRule: Sendable {
    let name: String
    let condition: CompiledCondition
    let template: ReasonTemplate
    let points: Double
    /// The action the rule forces; nil for a rule that only adds points to the score.
    let action: Action?
}

/// A compiled policy: rules and score thresholds, ready to decide.
///
/// Evaluation order:
/// 1. `allow` rules, in file order: the first that matches allows the transaction at once
///    (score 0), whatever else is true. Use them for allow-lists.
/// 2. Every other rule is evaluated: `decline` rules, then `review` rules, then `score` rules,
///    each group in file order. The points of every matching rule add up (decline rules count
///    100 and review rules the review threshold unless they say otherwise), plus the model's
///    score when the policy names a model, capped at 100.
/// 3. The action is the strongest of: any matching decline rule (decline), any matching review
///    rule (review), the score against the thresholds (`score >= decline` → decline,
///    `score >= review` → review).
/// 4. Reasons are the matching rules in that order, at most four; the advice is the first
///    reason's (an allowed transaction can carry advice from a zero-point rule, such as "try
///    again later" after issuer system declines).
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
    public let ruleNames: [String]
    /// `allow` rules in file order.
    let allowRules: RuleTable
    /// `decline`, then `review`, then `score` rules, each group in file order.
    let otherRules: RuleTable

    init(name: String, reviewThreshold: Double, declineThreshold: Double, rules: [CompiledRule]) {
        self.name = name
        self.reviewThreshold = reviewThreshold
        self.declineThreshold = declineThreshold
        ruleNames = rules.map(\.name)
        allowRules = RuleTable(rules.filter { $0.action == .allow })
        otherRules = RuleTable(rules.filter { $0.action == .decline } + rules.filter { $0.action == .review } + rules.filter { $0.action == nil })
    }

    /// Decides on a transaction from its features (no allocation, no locks).
    @inline(__always)
    public func decide(_ features: inout FeatureVector, transactionID: UInt64, policyVersion: Int = 0) -> Decision {
        features.withUnsafeMutableValues { decide($0, transactionID: transactionID, policyVersion: policyVersion) }
    }

    @inline(__always)
    func decide(_ features: UnsafePointer<Double>, transactionID: UInt64, policyVersion: Int) -> Decision {
        var decision = Decision(transactionID: transactionID, policyVersion: policyVersion)
        for index in 0..<allowRules.count where allowRules.matches(index, features) {
            decision.append(reason(allowRules.templates[index], features))
            return decision
        }
        var points = 0.0
        var strongest = Action.allow
        for index in 0..<otherRules.count where otherRules.matches(index, features) {
            let entry = otherRules.entries[index]
            points += entry.points
            if entry.action > Int8(strongest.rawValue) { strongest = Action(rawValue: UInt8(entry.action))! }
            decision.append(reason(otherRules.templates[index], features))
        }
        let score = min(points, 100)
        let byScore: Action = score >= declineThreshold ? .decline : (score >= reviewThreshold ? .review : .allow)
        decision.score = score
        decision.action = max(strongest, byScore)
        if decision.reasonCount > 0 {
            decision.advice = decision.reason(at: 0).template.advice
        }
        return decision
    }

    @inline(__always)
    private func reason(_ template: ReasonTemplate, _ features: UnsafePointer<Double>) -> Reason {
        let index = template.featureIndex
        return Reason(template: template, observed: index >= 0 ? features[index] : .nan)
    }
}
