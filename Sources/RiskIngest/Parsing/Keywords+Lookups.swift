import RiskCore

/// One lookup function per keyword field: a switch on the length picks the one to three names
/// that can match, and each is compared as whole words (``Keywords/matches(_:_:)``). The
/// accepted spellings are also listed as plain tables in the tests (`KeywordTables.swift`),
/// which check every function against its table, name by name and near miss by near miss.
extension Keywords {
    @inline(__always)
    static func recordKind(_ bytes: UnsafeRawBufferPointer) -> RecordKind? {
        switch bytes.count {
        case 11: matches(bytes, "transaction") ? .transaction : nil
        case 8: matches(bytes, "feedback") ? .feedback : nil
        case 6: matches(bytes, "status") ? .status : nil
        default: nil
        }
    }

    @inline(__always)
    static func entryMode(_ bytes: UnsafeRawBufferPointer) -> EntryMode? {
        switch bytes.count {
        case 11: return matches(bytes, "contactless") ? .contactless : nil
        case 4: return matches(bytes, "chip") ? .chip : nil
        case 9:
            if matches(bytes, "ecommerce") { return .ecommerce }
            return matches(bytes, "magstripe") ? .magstripe : nil
        case 8: return matches(bytes, "fallback") ? .fallback : nil
        case 6:
            if matches(bytes, "manual") { return .manual }
            return matches(bytes, "online") ? .ecommerce : nil
        case 18: return matches(bytes, "credential_on_file") ? .credentialOnFile : nil
        case 7: return matches(bytes, "unknown") ? .unknown : nil
        case 5:
            if matches(bytes, "swipe") { return .magstripe }
            return matches(bytes, "keyed") ? .manual : nil
        case 3: return matches(bytes, "cof") ? .credentialOnFile : nil
        case 1:
            switch bytes[0] {
            case UInt8(ascii: "5"): return .chip
            case UInt8(ascii: "7"): return .contactless
            case UInt8(ascii: "2"): return .magstripe
            case UInt8(ascii: "1"): return .manual
            default: return nil
            }
        case 2:
            switch bytes.loadUnaligned(as: UInt16.self) {
            case 0x3530: return .chip             // "05"
            case 0x3730, 0x3139: return .contactless  // "07", "91"
            case 0x3230, 0x3039: return .magstripe    // "02", "90"
            case 0x3038: return .fallback         // "80"
            case 0x3130: return .manual           // "01"
            case 0x3031: return .credentialOnFile // "10"
            case 0x3138: return .ecommerce        // "81"
            case 0x3030: return .unknown          // "00"
            default: return nil
            }
        default: return nil
        }
    }

    @inline(__always)
    static func messageType(_ bytes: UnsafeRawBufferPointer) -> MessageType? {
        switch bytes.count {
        case 13: return matches(bytes, "authorization") ? .authorization : nil
        case 4:
            if matches(bytes, "auth") || matches(bytes, "0100") || matches(bytes, "0200") { return .authorization }
            return matches(bytes, "0400") || matches(bytes, "0420") ? .reversal : nil
        case 8:
            if matches(bytes, "purchase") { return .authorization }
            return matches(bytes, "reversal") ? .reversal : nil
        default: return nil
        }
    }

    @inline(__always)
    static func cardStatus(_ bytes: UnsafeRawBufferPointer) -> CardStatus? {
        switch bytes.count {
        case 6:
            if matches(bytes, "normal") { return .normal }
            if matches(bytes, "stolen") { return .stolen }
            return matches(bytes, "frozen") ? .frozen : nil
        case 5:
            if matches(bytes, "clear") { return .normal }
            return matches(bytes, "allow") ? .allowListed : nil
        case 4:
            if matches(bytes, "none") { return .normal }
            return matches(bytes, "lost") ? .lost : nil
        case 12: return matches(bytes, "allow_listed") ? .allowListed : nil
        case 11: return matches(bytes, "allowlisted") ? .allowListed : nil
        default: return nil
        }
    }

    @inline(__always)
    static func feedbackKind(_ bytes: UnsafeRawBufferPointer) -> FeedbackKind? {
        switch bytes.count {
        case 10: matches(bytes, "chargeback") ? .chargeback : nil
        case 12: matches(bytes, "fraud_report") ? .fraudReport : nil
        default: nil
        }
    }

    @inline(__always)
    static func label(_ bytes: UnsafeRawBufferPointer) -> FraudLabel? {
        switch bytes.count {
        case 7: matches(bytes, "genuine") ? .genuine : nil
        case 5: matches(bytes, "fraud") ? .fraud : matches(bytes, "false") ? .genuine : nil
        case 4: matches(bytes, "true") ? .fraud : nil
        case 1: bytes[0] == UInt8(ascii: "1") ? .fraud : bytes[0] == UInt8(ascii: "0") ? .genuine : nil
        default: nil
        }
    }

    @inline(__always)
    static func boolean(_ bytes: UnsafeRawBufferPointer) -> Bool? {
        switch bytes.count {
        case 4: matches(bytes, "true") ? true : nil
        case 5: matches(bytes, "false") ? false : nil
        case 1: bytes[0] == UInt8(ascii: "1") ? true : bytes[0] == UInt8(ascii: "0") ? false : nil
        default: nil
        }
    }
}
