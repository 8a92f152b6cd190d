extension Policy {
    /// The same name, rules and thresholds with another model, or with none: for comparing a
    /// policy's rules alone with rules plus model (for example as a challenger).
    public func replacingModel(_ model: PolicyModel?) -> Policy {
        let order = Dictionary(uniqueKeysWithValues: ruleNames.enumerated().map { ($1, $0) })
        let rules = (allowRules + otherRules).sorted { order[$0.name]! < order[$1.name]! }
        return Policy(name: name, reviewThreshold: reviewThreshold, declineThreshold: declineThreshold, rules: rules, model: model)
    }
}
