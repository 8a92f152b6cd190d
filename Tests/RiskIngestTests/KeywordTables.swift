@testable import RiskIngest
import RiskCore

/// The accepted spellings of each keyword field, as plain tables: the reference that the
/// parser's length-switch lookups (`Keywords+Lookups.swift`) are checked against.
extension Keywords {
    /// Finds `bytes` in a table of lower-case names.
    static func lookUp<Value>(_ bytes: UnsafeRawBufferPointer, in table: [(StaticString, Value)]) -> Value? {
        for (name, value) in table where matches(bytes, name) { return value }
        return nil
    }

    static let entryModes: [(StaticString, EntryMode)] = [
        ("chip", .chip), ("contactless", .contactless), ("ecommerce", .ecommerce), ("magstripe", .magstripe),
        ("fallback", .fallback), ("manual", .manual), ("credential_on_file", .credentialOnFile), ("unknown", .unknown),
        ("05", .chip), ("5", .chip),
        ("07", .contactless), ("7", .contactless), ("91", .contactless),
        ("swipe", .magstripe), ("02", .magstripe), ("2", .magstripe), ("90", .magstripe),
        ("80", .fallback),
        ("keyed", .manual), ("01", .manual), ("1", .manual),
        ("cof", .credentialOnFile), ("10", .credentialOnFile),
        ("online", .ecommerce), ("81", .ecommerce),
        ("00", .unknown),
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


    static let recordKinds: [(StaticString, RecordKind)] = [
        ("transaction", .transaction), ("feedback", .feedback), ("status", .status),
    ]

    static let labels: [(StaticString, FraudLabel)] = [
        ("genuine", .genuine), ("fraud", .fraud),
        ("1", .fraud), ("true", .fraud), ("0", .genuine), ("false", .genuine),
    ]

    static let booleans: [(StaticString, Bool)] = [
        ("true", true), ("1", true), ("false", false), ("0", false),
    ]
}
