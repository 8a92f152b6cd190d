extension Policy {
    /// The same name, rules and thresholds with another model, or with none: for comparing a
    /// policy's rules alone with rules plus model (for example as a challenger).
    public func replacingModel(_ model: PolicyModel?) -> Policy {
        return Policy(name: name, reviewThreshold: reviewThreshold, declineThreshold: declineThreshold, rules: rules, model: model)
    }
}
