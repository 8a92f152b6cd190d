/// The features of the transaction itself (the `tx.*` names): pure functions of the request.
public enum TransactionFeatures {
    /// Merchant category codes the networks and processors treat as high risk: drug stores and
    /// pharmacies (5122, 5912), direct marketing (5962, 5966, 5967), gambling (7995), and
    /// quasi-cash (6051).
    @inline(__always)
    static func isHighRisk(_ mcc: UInt16) -> Bool {
        switch mcc {
        case 5122, 5912, 5962, 5966, 5967, 7995, 6051: true
        default: false
        }
    }

    /// Writes the `tx.*` features of `tx`.
    @inline(__always)
    public static func write(_ tx: Transaction, into features: inout FeatureVector) {
        write(tx, minorUnitScale: tx.currency.minorUnitScale, into: &features)
    }

    /// ``write(_:into:)`` with the currency's minor-unit scale already looked up (the scoring
    /// path looks it up once for every stage that needs it).
    @inline(__always)
    static func write(_ tx: Transaction, minorUnitScale: Double, into features: inout FeatureVector) {
        features[.txAmount] = Double(tx.amount) / minorUnitScale
        features[.txHour] = Double(EventTime.hourOfDay(tx.time))
        features[.txDayOfWeek] = Double(EventTime.dayOfWeek(tx.time))
        features[.txMCC] = Double(tx.mcc)
        features[.txHighRiskMCC] = isHighRisk(tx.mcc) ? 1 : 0
        features[.txEntryFallback] = tx.entryMode == .fallback ? 1 : 0
        features[.txEntryManual] = tx.entryMode == .manual ? 1 : 0
        features[.txEntryMagstripe] = tx.entryMode == .magstripe ? 1 : 0
        features[.txEntryContactless] = tx.entryMode == .contactless ? 1 : 0
        features[.txCardNotPresent] = (tx.entryMode == .ecommerce || tx.entryMode == .credentialOnFile) ? 1 : 0
        features[.txPinPresent] = tx.pinPresent ? 1 : 0
        features[.txCardExpired] = (tx.expiry != 0 && Int(tx.expiry) < EventTime.yearMonth(tx.time)) ? 1 : 0
        features[.txReversal] = tx.messageType == .reversal ? 1 : 0
    }
}
