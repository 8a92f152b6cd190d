import Synchronization

/// The fixed part of a reason, built once when a policy loads and shared by every decision that
/// cites it (so a decision holds one pointer, not three strings).
///
/// Templates are interned (``interned(code:feature:threshold:advice:action:)``): one instance per
/// distinct content, kept for the life of the process. That lets a ``Reason`` refer to its
/// template without a reference count, which makes ``Reason`` and ``Decision`` plain values that
/// copy and vanish without retain or release (about 250 instructions a decision), and a decision
/// stays valid after the policy that made it is replaced. Memory is bounded by the distinct
/// templates ever loaded: reloading the same policy adds none.
public final class ReasonTemplate: Sendable {
    /// Stable reason code merchants can build on, e.g. `VELOCITY_DECLINES_CARD_10M`.
    public let code: String
    /// The feature the reason is about, e.g. `card.declines_10m`.
    public let feature: String
    /// The threshold the rule compares the feature with (NaN when the rule has none).
    public let threshold: Double
    /// The window of the feature (`10m`, `24h`, …), or "".
    public let window: String
    /// The advice the reason implies.
    public let advice: RetryAdvice
    /// The action of the rule that produced it.
    public let action: Action
    /// Schema index of ``feature`` (-1 when none), to read the observed value.
    let featureIndex: Int

    private init(code: String, feature: Feature?, threshold: Double, advice: RetryAdvice, action: Action) {
        self.code = code
        self.feature = feature?.name ?? ""
        self.threshold = threshold
        self.window = feature?.window ?? ""
        self.advice = advice
        self.action = action
        self.featureIndex = feature?.rawValue ?? -1
    }

    /// The one template with this content (created on first use, then kept).
    static func interned(code: String, feature: Feature?, threshold: Double, advice: RetryAdvice, action: Action) -> ReasonTemplate {
        let key = InternKey(code: code, feature: feature?.rawValue ?? -1, threshold: threshold.bitPattern, advice: advice, action: action)
        return internedTemplates.withLock { templates in
            if let template = templates[key] { return template }
            let template = ReasonTemplate(code: code, feature: feature, threshold: threshold, advice: advice, action: action)
            templates[key] = template
            return template
        }
    }

    /// What makes two templates the same (the threshold by bit pattern, so NaN matches NaN).
    struct InternKey: Hashable {
        let code: String
        let feature: Int
        let threshold: UInt64
        let advice: RetryAdvice
        let action: Action
    }
}

/// Every template made, by content: never emptied (see ``ReasonTemplate``).
private let internedTemplates = Mutex<[ReasonTemplate.InternKey: ReasonTemplate]>([:])

/// One explanation of a decision: which signal, what was observed, against which threshold.
public struct Reason: Sendable, Codable, CustomStringConvertible {
    /// The shared fixed part.
    public var template: ReasonTemplate { unretainedTemplate.takeUnretainedValue() }
    /// Unretained: interned templates live as long as the process (see ``ReasonTemplate``).
    private let unretainedTemplate: Unmanaged<ReasonTemplate>
    /// The feature value observed for this transaction.
    public let observed: Double
    /// For model reasons: the feature's contribution to the log-odds; NaN for rules.
    public let contribution: Double

    init(template: ReasonTemplate, observed: Double, contribution: Double = .nan) {
        unretainedTemplate = .passUnretained(template)
        self.observed = observed
        self.contribution = contribution
    }

    /// Stable reason code.
    public var code: String { template.code }

    public var description: String {
        "\(template.code)(\(template.feature)=\(observed)\(template.threshold.isNaN ? "" : " vs \(template.threshold)"))"
    }

    enum CodingKeys: String, CodingKey { case code, feature, observed, threshold, window, contribution }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(template.code, forKey: .code)
        try container.encode(template.feature, forKey: .feature)
        try container.encode(observed, forKey: .observed)
        if !template.threshold.isNaN { try container.encode(template.threshold, forKey: .threshold) }
        try container.encode(template.window, forKey: .window)
        if !contribution.isNaN { try container.encode(contribution, forKey: .contribution) }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let feature = FeatureSchema.feature(named: try container.decode(String.self, forKey: .feature))
        unretainedTemplate = .passUnretained(ReasonTemplate.interned(
            code: try container.decode(String.self, forKey: .code), feature: feature,
            threshold: try container.decodeIfPresent(Double.self, forKey: .threshold) ?? .nan,
            advice: .none, action: .allow))
        observed = try container.decode(Double.self, forKey: .observed)
        contribution = try container.decodeIfPresent(Double.self, forKey: .contribution) ?? .nan
    }
}
