/// Every feature the engine computes for a transaction, in schema order.
///
/// The order is the feature schema of ``FeatureSchema/version``: policies refer to features by
/// ``name``, models bind their feature names to this order, and `riskscore features` exports
/// the columns in this order. Append new features at the end and bump the schema version.
///
/// Conventions: counts include the transaction being scored; "declines" are issuer declines of
/// earlier attempts other than system declines (91, 96, …), which are counted apart and are not
/// evidence of fraud; booleans are 1 or 0; "seconds since" is 1e9 when there was none.
public enum Feature: Int, CaseIterable, Sendable {
    // Transaction
    case txAmount, txHour, txDayOfWeek, txMCC, txHighRiskMCC, txEntryFallback, txEntryManual,
         txEntryMagstripe, txEntryContactless, txCardNotPresent, txPinPresent, txCardExpired,
         txReversal
    // Card status lists
    case cardLost, cardStolen, cardFrozen, cardAllowListed
    // Card velocity
    case cardAttempts1m, cardAttempts10m, cardAttempts1h, cardAttempts24h, cardAttempts7d, cardAttempts30d,
         cardApprovals24h, cardDeclines10m, cardDeclines1h, cardDeclines24h, cardDeclines7d,
         cardSystemDeclines1h, cardPinFailures24h, cardNeverRetry30d, cardConsecutiveDeclines,
         cardSecondsSinceLastAttempt, cardSecondsSinceLastDecline, cardSmallAttempts10m,
         cardAmountSum24h, cardUsualAmount, cardAmountRatio, cardDistinctTerminals1h,
         cardDistinctMerchants24h, cardFraudReports30d, cardAgeDays, cardHistoryAttempts, cardHourShare
    // Terminal velocity
    case terminalAttempts1m, terminalAttempts10m, terminalAttempts1h, terminalDeclines10m, terminalDeclines1h,
         terminalDeclineRate1h, terminalSmallAttempts10m, terminalInvalidCardDeclines10m,
         terminalDistinctCards10m, terminalFraudReports7d, terminalFraudReports30d, terminalFraudRate30d
    // Merchant velocity
    case merchantAttempts1m, merchantAttempts10m, merchantAttempts1h, merchantDeclines10m, merchantDeclines1h,
         merchantDeclineRate1h, merchantSmallAttempts10m, merchantInvalidCardDeclines10m,
         merchantDistinctCards10m, merchantFraudReports7d, merchantFraudReports30d, merchantFraudRate30d
    // Added in schema version 2
    case cardNeverRetrySameMerchant30d, cardRiskDeclines10m

    /// The name used in policies, model files and feature exports.
    public var name: String { FeatureSchema.names[rawValue] }

    /// The window the feature covers (`1m`, `10m`, `1h`, `24h`, `7d`, `30d`), or "" for none.
    public var window: String {
        let name = self.name
        for suffix in ["_1m", "_10m", "_1h", "_24h", "_7d", "_30d"] where name.hasSuffix(suffix) {
            return String(suffix.dropFirst())
        }
        return ""
    }

    /// The first terminal feature; terminal and merchant features have the same layout.
    static let firstTerminal = Feature.terminalAttempts1m.rawValue
    /// The first merchant feature.
    static let firstMerchant = Feature.merchantAttempts1m.rawValue
}

/// The named, versioned feature schema shared by policies, models and feature export.
public enum FeatureSchema {
    /// Version of the feature schema: bump it when features are added, removed or change meaning.
    public static let version = 2

    /// Number of features.
    public static let count = Feature.allCases.count

    /// Feature names in schema order.
    public static let names: [String] = {
        let acceptor = ["attempts_1m", "attempts_10m", "attempts_1h", "declines_10m", "declines_1h",
                        "decline_rate_1h", "small_attempts_10m", "invalid_card_declines_10m",
                        "distinct_cards_10m", "fraud_reports_7d", "fraud_reports_30d", "fraud_rate_30d"]
        let names = [
            "tx.amount", "tx.hour", "tx.day_of_week", "tx.mcc", "tx.high_risk_mcc", "tx.entry_fallback",
            "tx.entry_manual", "tx.entry_magstripe", "tx.entry_contactless", "tx.card_not_present",
            "tx.pin_present", "tx.card_expired", "tx.reversal",
            "card.lost", "card.stolen", "card.frozen", "card.allow_listed",
            "card.attempts_1m", "card.attempts_10m", "card.attempts_1h", "card.attempts_24h",
            "card.attempts_7d", "card.attempts_30d", "card.approvals_24h", "card.declines_10m",
            "card.declines_1h", "card.declines_24h", "card.declines_7d", "card.system_declines_1h",
            "card.pin_failures_24h", "card.never_retry_30d", "card.consecutive_declines",
            "card.seconds_since_last_attempt", "card.seconds_since_last_decline",
            "card.small_attempts_10m", "card.amount_sum_24h", "card.usual_amount", "card.amount_ratio",
            "card.distinct_terminals_1h", "card.distinct_merchants_24h", "card.fraud_reports_30d",
            "card.age_days", "card.history_attempts", "card.hour_share",
        ] + acceptor.map { "terminal." + $0 } + acceptor.map { "merchant." + $0 } + [
            "card.never_retry_same_merchant_30d", "card.risk_declines_10m",
        ]
        precondition(names.count == Feature.allCases.count, "feature names out of step with Feature")
        return names
    }()

    /// Looks up a feature by name (used when policies and models load, never per transaction).
    public static func feature(named name: String) -> Feature? {
        names.firstIndex(of: name).flatMap(Feature.init(rawValue:))
    }
}
