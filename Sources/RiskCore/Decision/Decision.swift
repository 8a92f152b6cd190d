/// The engine's answer for one transaction.
///
/// A flat value: up to four reasons are held inline, so making a decision allocates nothing.
/// It encodes to JSON as
/// `{"id":…,"action":"decline","score":92,"advice":"do_not_try_again","reasons":[{code,feature,observed,threshold,window}],"policy_version":1}`.
public struct Decision: Sendable, Codable {
    /// The transaction's id.
    public var transactionID: UInt64
    /// Allow, review or decline.
    public var action: Action
    /// Risk score 0–100 (rule points plus the model's score, capped at 100).
    public var score: Double
    /// What the merchant should do after a decline or review.
    public var advice: RetryAdvice
    /// Version number of the policy that made the decision (increases with every reload).
    public var policyVersion: Int
    /// Number of reasons held (0...4).
    public private(set) var reasonCount: Int
    private var reason0: Reason?
    private var reason1: Reason?
    private var reason2: Reason?
    private var reason3: Reason?

    /// The largest number of reasons a decision carries.
    public static let maximumReasons = 4

    /// An allow decision with no reasons.
    public init(transactionID: UInt64, action: Action = .allow, score: Double = 0, advice: RetryAdvice = .none, policyVersion: Int = 0) {
        self.transactionID = transactionID
        self.action = action
        self.score = score
        self.advice = advice
        self.policyVersion = policyVersion
        reasonCount = 0
    }

    /// The reasons, most important first.
    public var reasons: [Reason] {
        [reason0, reason1, reason2, reason3].prefix(reasonCount).compactMap { $0 }
    }

    /// The reason at `index` (< ``reasonCount``), without building an array.
    public func reason(at index: Int) -> Reason {
        switch index {
        case 0: reason0!
        case 1: reason1!
        case 2: reason2!
        default: reason3!
        }
    }

    /// Appends a reason; ignored once four are held.
    @inline(__always)
    mutating func append(_ reason: Reason) {
        switch reasonCount {
        case 0: reason0 = reason
        case 1: reason1 = reason
        case 2: reason2 = reason
        case 3: reason3 = reason
        default: return
        }
        reasonCount += 1
    }

    enum CodingKeys: String, CodingKey {
        case transactionID = "id", action, score, advice, reasons, policyVersion = "policy_version"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(transactionID, forKey: .transactionID)
        try container.encode(action, forKey: .action)
        try container.encode(score, forKey: .score)
        try container.encode(advice.name, forKey: .advice)
        try container.encode(reasons, forKey: .reasons)
        try container.encode(policyVersion, forKey: .policyVersion)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            transactionID: try container.decode(UInt64.self, forKey: .transactionID),
            action: try container.decode(Action.self, forKey: .action),
            score: try container.decode(Double.self, forKey: .score),
            advice: RetryAdvice(name: try container.decode(String.self, forKey: .advice)) ?? .none,
            policyVersion: try container.decode(Int.self, forKey: .policyVersion))
        for reason in try container.decode([Reason].self, forKey: .reasons) { append(reason) }
    }
}
