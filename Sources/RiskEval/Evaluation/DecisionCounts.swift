import RiskCore

/// How many decisions of each action.
public struct DecisionCounts: Sendable, Hashable, Codable {
    /// Allowed.
    public var allow = 0
    /// Sent to review.
    public var review = 0
    /// Declined.
    public var decline = 0

    /// Creates zero counts.
    public init() {}

    /// All decisions.
    public var total: Int { allow + review + decline }

    /// Counts one decision.
    public mutating func count(_ action: Action) {
        switch action {
        case .allow: allow += 1
        case .review: review += 1
        case .decline: decline += 1
        }
    }
}
