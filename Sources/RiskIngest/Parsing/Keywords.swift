import RiskCore

/// Byte-level, case-insensitive readers for the schema's keyword fields. They accept the same
/// names as the `init?(name:)` initialisers of the RiskCore types, without building a `String`.
enum Keywords {
    /// Whether `bytes` equal the lower-case ASCII `literal`, ignoring ASCII case.
    @inline(__always)
    static func matches(_ bytes: UnsafeRawBufferPointer, _ literal: StaticString) -> Bool {
        guard bytes.count == literal.utf8CodeUnitCount else { return false }
        let pointer = literal.utf8Start
        for index in 0..<bytes.count {
            var byte = bytes[index]
            if byte >= 0x41, byte <= 0x5A { byte |= 0x20 }
            if byte != pointer[index] { return false }
        }
        return true
    }

    /// Finds `bytes` in a table of lower-case names.
    @inline(__always)
    static func lookUp<Value>(_ bytes: UnsafeRawBufferPointer, in table: [(StaticString, Value)]) -> Value? {
        for (name, value) in table where matches(bytes, name) { return value }
        return nil
    }

    static let entryModes: [(StaticString, EntryMode)] = [
        ("chip", .chip), ("05", .chip), ("5", .chip),
        ("contactless", .contactless), ("07", .contactless), ("7", .contactless), ("91", .contactless),
        ("magstripe", .magstripe), ("swipe", .magstripe), ("02", .magstripe), ("2", .magstripe), ("90", .magstripe),
        ("fallback", .fallback), ("80", .fallback),
        ("manual", .manual), ("keyed", .manual), ("01", .manual), ("1", .manual),
        ("credential_on_file", .credentialOnFile), ("cof", .credentialOnFile), ("10", .credentialOnFile),
        ("ecommerce", .ecommerce), ("online", .ecommerce), ("81", .ecommerce),
        ("unknown", .unknown), ("00", .unknown),
    ]

    static let messageTypes: [(StaticString, MessageType)] = [
        ("authorization", .authorization), ("auth", .authorization), ("0100", .authorization),
        ("0200", .authorization), ("purchase", .authorization),
        ("reversal", .reversal), ("0400", .reversal), ("0420", .reversal),
    ]

    static let cardStatuses: [(StaticString, CardStatus)] = [
        ("normal", .normal), ("clear", .normal), ("none", .normal),
        ("lost", .lost), ("stolen", .stolen), ("frozen", .frozen),
        ("allow_listed", .allowListed), ("allow", .allowListed), ("allowlisted", .allowListed),
    ]

    static let feedbackKinds: [(StaticString, FeedbackKind)] = [
        ("chargeback", .chargeback), ("fraud_report", .fraudReport),
    ]

    /// The kinds of record a line can carry.
    enum RecordKind { case transaction, feedback, status }

    static let recordKinds: [(StaticString, RecordKind)] = [
        ("transaction", .transaction), ("feedback", .feedback), ("status", .status),
    ]

    static let labels: [(StaticString, FraudLabel)] = [
        ("fraud", .fraud), ("1", .fraud), ("true", .fraud),
        ("genuine", .genuine), ("0", .genuine), ("false", .genuine),
    ]

    static let booleans: [(StaticString, Bool)] = [
        ("true", true), ("1", true), ("false", false), ("0", false),
    ]
}
