extension CanonicalField {
    /// The bytes that follow a key's opening quote when the key is written plainly (no escape, no
    /// whitespace before the `:`): the name, its closing quote and `:`. `head` holds the first
    /// eight of them (little-endian, zero past the end), `tail` the last eight when there are more
    /// than eight (0 otherwise), `length` their number (4...15).
    ///
    /// The constants are the bytes of `name` + `":` read as integers; `keyPatternsMatchNames` in
    /// the tests checks every one.
    @inline(__always)
    var keyPattern: (head: UInt64, tail: UInt64, length: Int) {
        switch self {
        case .kind: (0x0000_3A22_646E_696B, 0, 6)
        case .id: (0x0000_0000_3A22_6469, 0, 4)
        case .time: (0x0000_3A22_656D_6974, 0, 6)
        case .card: (0x0000_3A22_6472_6163, 0, 6)
        case .amount: (0x3A22_746E_756F_6D61, 0, 8)
        case .amountMinor: (0x6D5F_746E_756F_6D61, 0x3A22_726F_6E69_6D5F, 14)
        case .currency: (0x7963_6E65_7272_7563, 0x3A22_7963_6E65_7272, 10)
        case .merchant: (0x746E_6168_6372_656D, 0x3A22_746E_6168_6372, 10)
        case .terminal: (0x6C61_6E69_6D72_6574, 0x3A22_6C61_6E69_6D72, 10)
        case .mcc: (0x0000_003A_2263_636D, 0, 5)
        case .country: (0x2279_7274_6E75_6F63, 0x3A22_7972_746E_756F, 9)
        case .entryMode: (0x6F6D_5F79_7274_6E65, 0x3A22_6564_6F6D_5F79, 12)
        case .pin: (0x0000_003A_226E_6970, 0, 5)
        case .expiry: (0x3A22_7972_6970_7865, 0, 8)
        case .type: (0x0000_3A22_6570_7974, 0, 6)
        case .responseCode: (0x6573_6E6F_7073_6572, 0x3A22_6564_6F63_5F65, 15)
        case .label: (0x003A_226C_6562_616C, 0, 7)
        case .scenario: (0x6F69_7261_6E65_6373, 0x3A22_6F69_7261_6E65, 10)
        case .transactionTime: (0x656D_6974_5F6E_7874, 0x3A22_656D_6974_5F6E, 10)
        case .reference: (0x0000_003A_2266_6572, 0, 5)
        case .feedback: (0x6B63_6162_6465_6566, 0x3A22_6B63_6162_6465, 10)
        case .status: (0x3A22_7375_7461_7473, 0, 8)
        }
    }

    /// The field expected after this one: the next in the schema's order, which is the order
    /// RiskSim writes transaction fields in (`amount` is followed by `currency`, `status` by
    /// `kind`). Only a guess for the scanner to try first; any order is accepted.
    @inline(__always)
    var likelySuccessor: CanonicalField {
        switch self {
        case .kind: .id
        case .id: .time
        case .time: .card
        case .card: .amount
        case .amount, .amountMinor: .currency
        case .currency: .merchant
        case .merchant: .terminal
        case .terminal: .mcc
        case .mcc: .country
        case .country: .entryMode
        case .entryMode: .pin
        case .pin: .expiry
        case .expiry: .type
        case .type: .responseCode
        case .responseCode: .label
        case .label: .scenario
        case .scenario: .transactionTime
        case .transactionTime: .reference
        case .reference: .feedback
        case .feedback: .status
        case .status: .kind
        }
    }
}
