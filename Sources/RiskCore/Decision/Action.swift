/// What the gateway should do with the authorization.
public enum Action: UInt8, Sendable, Comparable, CaseIterable, Codable {
    /// Forward to the issuer.
    case allow
    /// Forward, but queue for a human or step-up check.
    case review
    /// Do not forward.
    case decline

    /// The wire name (`allow`, `review`, `decline`).
    public var name: String {
        switch self {
        case .allow: "allow"
        case .review: "review"
        case .decline: "decline"
        }
    }

    /// Parses a wire name.
    public init?(name: String) {
        guard let action = Self.allCases.first(where: { $0.name == name }) else { return nil }
        self = action
    }

    public static func < (lhs: Action, rhs: Action) -> Bool { lhs.rawValue < rhs.rawValue }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(name)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let action = Action(name: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unknown action \(text)"))
        }
        self = action
    }
}
