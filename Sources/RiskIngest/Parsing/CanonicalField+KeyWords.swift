extension CanonicalField {
    /// Looks a field up by the bytes of its name loaded as two little-endian words: `head`
    /// holds bytes 0..<8 and `tail` bytes 8..<16, each with the bytes past the name's end
    /// zeroed. Names hold no zero byte, so `head` and `tail` determine the name and its length:
    /// one integer switch and one comparison replace byte-by-byte matching.
    @inline(__always)
    static func lookUp(head: UInt64, tail: UInt64) -> CanonicalField? {
        // The constants are the names' bytes read as little-endian integers ("id" is 0x6469);
        // `keyWordsMatchNames` in the tests checks every one against `name`.
        let field: CanonicalField
        var expectedTail: UInt64 = 0
        switch head {
        case 0x0000_0000_646E_696B: field = .kind
        case 0x0000_0000_0000_6469: field = .id
        case 0x0000_0000_656D_6974: field = .time
        case 0x0000_0000_6472_6163: field = .card
        case 0x0000_746E_756F_6D61: field = .amount
        case 0x6D5F_746E_756F_6D61: field = .amountMinor; expectedTail = 0x726F_6E69
        case 0x7963_6E65_7272_7563: field = .currency
        case 0x746E_6168_6372_656D: field = .merchant
        case 0x6C61_6E69_6D72_6574: field = .terminal
        case 0x0000_0000_0063_636D: field = .mcc
        case 0x0079_7274_6E75_6F63: field = .country
        case 0x6F6D_5F79_7274_6E65: field = .entryMode; expectedTail = 0x6564
        case 0x0000_0000_006E_6970: field = .pin
        case 0x0000_7972_6970_7865: field = .expiry
        case 0x0000_0000_6570_7974: field = .type
        case 0x6573_6E6F_7073_6572: field = .responseCode; expectedTail = 0x65_646F_635F
        case 0x0000_006C_6562_616C: field = .label
        case 0x6F69_7261_6E65_6373: field = .scenario
        case 0x656D_6974_5F6E_7874: field = .transactionTime
        case 0x0000_0000_0066_6572: field = .reference
        case 0x6B63_6162_6465_6566: field = .feedback
        case 0x0000_7375_7461_7473: field = .status
        default: return nil
        }
        return tail == expectedTail ? field : nil
    }
}
