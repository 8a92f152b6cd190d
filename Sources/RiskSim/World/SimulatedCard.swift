import RiskIO
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
        buffer.appendWithCursor(maxBytes: 24) { appendText(to: &$0) }
    }

    /// Writes the card field text at `cursor` (at most 24 bytes).
    @inline(__always)
    func appendText(to cursor: inout ByteCursor) {
        if isPAN {
            cursor.appendPaddedDecimal(number, width: 16)
        } else {
            cursor.appendASCII("tok_")
            cursor.appendPaddedDecimal(number, width: 6)
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
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { scratch in
            let base = scratch.baseAddress!
            var cursor = ByteCursor(position: base)
            appendText(to: &cursor)
            return CardReference(cardField: UnsafeRawBufferPointer(start: base, count: cursor.position - base))
        }
    }
}
