/// A card as RiskScore knows it: a keyed hash of the card number or token, plus the parts of a
/// PAN that may be shown (BIN and last four digits).
///
/// The full card number is never stored. ``masked`` gives the PCI-style masked form
/// (`411111******1111`) for output and logs.
public struct CardReference: Sendable, Hashable {
    /// Keyed SipHash of the PAN digits or the token bytes: the card's identity in every window.
    public var hash: UInt64
    /// The first six digits of a PAN (the BIN), or 0 for a token.
    public var bin: UInt32
    /// The last four digits of a PAN as a number (0...9999), or 0 for a token.
    public var last4: UInt16
    /// The number of digits of the PAN, or 0 when the card was given as a token.
    public var panLength: UInt8

    /// Creates a reference from its parts.
    public init(hash: UInt64, bin: UInt32 = 0, last4: UInt16 = 0, panLength: UInt8 = 0) {
        self.hash = hash
        self.bin = bin
        self.last4 = last4
        self.panLength = panLength
    }

    /// Creates a reference from the bytes of a card field: 12 to 19 ASCII digits are a PAN (the
    /// BIN and last four are kept, the rest only hashed); anything else is a token.
    public init(cardField bytes: UnsafeRawBufferPointer, key: SipHashKey = .defaultCardKey) {
        let count = bytes.count
        var allDigits = count >= 12 && count <= 19
        if allDigits {
            for byte in bytes where byte < 0x30 || byte > 0x39 {
                allDigits = false
                break
            }
        }
        hash = key.hash(bytes)
        if allDigits {
            var bin: UInt32 = 0
            for index in 0..<6 { bin = bin * 10 + UInt32(bytes[index] &- 0x30) }
            var last4: UInt16 = 0
            for index in (count - 4)..<count { last4 = last4 * 10 + UInt16(bytes[index] &- 0x30) }
            self.bin = bin
            self.last4 = last4
            self.panLength = UInt8(count)
        } else {
            bin = 0
            last4 = 0
            panLength = 0
        }
    }

    /// Creates a reference from a PAN or token string.
    public init(_ cardField: String, key: SipHashKey = .defaultCardKey) {
        var copy = cardField
        self = copy.withUTF8 { CardReference(cardField: UnsafeRawBufferPointer($0), key: key) }
    }

    /// Whether the card was given as a PAN (rather than a token).
    public var isPAN: Bool { panLength != 0 }

    /// The masked card number (`411111******1111`) for a PAN, or `tok:` and the hash for a token.
    public var masked: String {
        guard isPAN else {
            return "tok:" + String(hash, radix: 16)
        }
        var text = String(bin)
        while text.count < 6 { text = "0" + text }
        text += String(repeating: "*", count: Int(panLength) - 10)
        var tail = String(last4)
        while tail.count < 4 { tail = "0" + tail }
        return text + tail
    }
}
