import Foundation
@testable import RiskCore

/// Builders for test transactions: times are minutes/seconds after a fixed start.
enum Fixture {
    /// 2026-03-02 10:00:00 UTC (a Monday).
    static let start: Int64 = 1_772_445_600_000

    static var defaultPolicyPath: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Models/default-policy.yaml").path
    }

    /// The default policy's rules and thresholds, without its model (rule tests stay exact).
    static func defaultPolicy() throws -> Policy { try defaultPolicyWithModel().replacingModel(nil) }

    /// The default policy as shipped, with the default model.
    static func defaultPolicyWithModel() throws -> Policy { try Policy.load(contentsOf: defaultPolicyPath) }

    nonisolated(unsafe) static var nextID: UInt64 = 1

    static func tx(
        card: String = "tok_card_1", at time: Int64 = start, amount: Int64 = 2_500, currency: String = "EUR",
        merchant: String = "M1", terminal: String = "T1", mcc: UInt16 = 5411, entry: EntryMode = .chip,
        pin: Bool = true, expiry: UInt16 = 2912, type: MessageType = .authorization, id: UInt64? = nil
    ) -> Transaction {
        Transaction(
            id: id ?? 0, time: time, card: CardReference(card), amount: amount, currency: CurrencyCode(currency)!,
            merchant: Transaction.entityHash(merchant), terminal: Transaction.entityHash(terminal), mcc: mcc,
            country: CountryCode("FR")!, entryMode: entry, pinPresent: pin, expiry: expiry, messageType: type)
    }

    static func seconds(_ value: Int64) -> Int64 { value * 1_000 }
    static func minutes(_ value: Int64) -> Int64 { value * 60_000 }
    static func hours(_ value: Int64) -> Int64 { value * 3_600_000 }
    static func days(_ value: Int64) -> Int64 { value * 86_400_000 }
}

extension Decision {
    var codes: [String] { reasons.map(\.code) }
}

extension RiskEngine {
    /// Scores and then records the issuer's answer, as a gateway does.
    @discardableResult
    func attempt(_ tx: Transaction, answered code: String? = nil) -> Decision {
        let decision = score(tx)
        if let code { record(outcome: Outcome(transaction: tx, responseCode: ResponseCode(code)!)) }
        return decision
    }

    /// The features the engine computes for `tx` (which is recorded as an attempt).
    func features(scoring tx: Transaction) -> FeatureVector {
        var features = FeatureVector()
        _ = score(tx, features: &features)
        return features
    }
}
