/// A labelled fraud scenario the generator can inject. Every transaction of a scenario carries
/// label `fraud` and the scenario's ``name``; genuine transactions carry an empty scenario.
///
/// `Docs/scenarios.md` describes each scenario, the signals it leaves and its issuer codes.
public enum Scenario: UInt8, Sendable, CaseIterable, Hashable {
    /// A fraudster retries one card many times within minutes after declines (05/51/61).
    case rapidRetries = 1
    /// Bursts of tiny amounts on many cards through one e-commerce or manual-entry terminal.
    case cardTesting
    /// Many sequential PANs sharing one BIN on one terminal within minutes.
    case binAttack
    /// A terminal skims cards; those cards are defrauded days later elsewhere.
    case compromisedTerminal
    /// A stolen card spends large amounts at new and high-risk merchants until it is reported.
    case stolenCardSpree
    /// Chip-to-magstripe fallback at a POS with a counterfeit card.
    case fallbackFraud
    /// Manually keyed card number at a POS.
    case manualEntryFraud
    /// Attempts continue after a "never retry" decline (41/43/57/14/62).
    case retryAfterNeverRetry
    /// A daytime card used between 02:00 and 05:00.
    case unusualHour

    /// The scenario's name in the record schema (`rapid_retries`, `card_testing`, …).
    ///
    /// The names are string literals: copying them never allocates.
    public var name: String {
        switch self {
        case .rapidRetries: "rapid_retries"
        case .cardTesting: "card_testing"
        case .binAttack: "bin_attack"
        case .compromisedTerminal: "compromised_terminal"
        case .stolenCardSpree: "stolen_card_spree"
        case .fallbackFraud: "fallback_fraud"
        case .manualEntryFraud: "manual_entry_fraud"
        case .retryAfterNeverRetry: "retry_after_never_retry"
        case .unusualHour: "unusual_hour"
        }
    }

    /// Finds the scenario with the given schema name.
    public init?(name: String) {
        guard let match = Self.allCases.first(where: { $0.name == name }) else { return nil }
        self = match
    }
}
