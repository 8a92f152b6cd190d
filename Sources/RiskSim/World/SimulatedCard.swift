import RiskCore

/// A card as the generator writes it: a token (`tok_000123`) or a 16-digit Luhn-valid PAN,
/// held as a number so that records carry it without allocating.
public struct SimulatedCard: Sendable, Hashable {
    /// The token number, or the 16-digit PAN.
    public var number: UInt64
    /// Whether ``number`` is a PAN (written as 16 digits) rather than a token number.
    public var isPAN: Bool

    /// A token card `tok_` + `number` (at least six digits).
    public static func token(_ number: UInt64) -> SimulatedCard { SimulatedCard(number: number, isPAN: false) }

    /// A card given by its 16-digit PAN.
    public static func pan(_ number: UInt64) -> SimulatedCard { SimulatedCard(number: number, isPAN: true) }

    /// Creates a card from its parts.
    public init(number: UInt64, isPAN: Bool) {
        self.number = number
        self.isPAN = isPAN
    }

    /// Appends the card field text (`tok_000123` or the 16 PAN digits) to `buffer`.
    public func appendText(to buffer: inout [UInt8]) {
        if isPAN {
            buffer.appendPaddedDecimal(number, width: 16)
        } else {
            buffer.append(contentsOf: [0x74, 0x6F, 0x6B, 0x5F]) // "tok_"
            buffer.appendPaddedDecimal(number, width: 6)
        }
    }

    /// The card field text.
    public var text: String {
        var bytes: [UInt8] = []
        appendText(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The engine's reference for this card: keyed hash of the text, and BIN and last four for a
    /// PAN, exactly as a reader of the written text computes it. Does not allocate.
    public var reference: CardReference {
        withUnsafeTemporaryAllocation(byteCount: 32, alignment: 8) { scratch in
            var length = 0
            if !isPAN {
                for byte: UInt8 in [0x74, 0x6F, 0x6B, 0x5F] {
                    scratch[length] = byte
                    length += 1
                }
            }
            var digits = isPAN ? 16 : 6
            var scan = number / (isPAN ? 10_000_000_000_000_000 : 1_000_000)
            while scan > 0 {
                digits += 1
                scan /= 10
            }
            var rest = number
            for index in stride(from: length + digits - 1, through: length, by: -1) {
                scratch[index] = 0x30 &+ UInt8(truncatingIfNeeded: rest % 10)
                rest /= 10
            }
            length += digits
            return CardReference(cardField: UnsafeRawBufferPointer(rebasing: scratch[0..<length]))
        }
    }
}
