import RiskCore

/// Writes a card's masked form into a byte buffer without building a `String`.
enum CardText {
    /// `411111******1111` for a PAN (BIN, stars, last four), `tok:` and the hash in hex for a
    /// token: the same text as ``CardReference/masked``.
    static func append(_ card: CardReference, to out: inout [UInt8]) {
        guard card.isPAN else {
            out.append(contentsOf: [0x74, 0x6F, 0x6B, 0x3A])
            var started = false
            for shift in stride(from: 60, through: 0, by: -4) {
                let nibble = UInt8((card.hash >> UInt64(shift)) & 0xF)
                if nibble != 0 || started || shift == 0 {
                    started = true
                    out.append(nibble < 10 ? 0x30 + nibble : 0x61 + nibble - 10)
                }
            }
            return
        }
        appendPadded(UInt64(card.bin), width: 6, to: &out)
        for _ in 0..<max(0, Int(card.panLength) - 10) { out.append(0x2A) }
        appendPadded(UInt64(card.last4), width: 4, to: &out)
    }

    private static func appendPadded(_ value: UInt64, width: Int, to out: inout [UInt8]) {
        var digits = 1
        var limit: UInt64 = 10
        while value >= limit {
            digits += 1
            limit *= 10
        }
        for _ in digits..<max(digits, width) { out.append(0x30) }
        NumberText.append(value, to: &out)
    }
}
