/// A line that could not be read as a record: where it is and why. The raw line is never kept
/// (it may hold a card number).
public struct RecordRejection: Sendable, Hashable, CustomStringConvertible {
    /// The input's name as given (`-` for standard input).
    public var file: String
    /// The line number, from 1.
    public var line: Int
    /// What is wrong, e.g. `missing field "card"`.
    public var reason: String

    /// Creates a rejection. Runs of 12 or more digits in `reason` (a card number quoted by a
    /// parser's message) are masked, keeping the first six and last four digits.
    public init(file: String, line: Int, reason: String) {
        self.file = file
        self.line = line
        self.reason = Self.maskingDigitRuns(reason)
    }

    /// `text` with every run of 12 or more ASCII digits masked like a PAN.
    static func maskingDigitRuns(_ text: String) -> String {
        var bytes = Array(text.utf8)
        var index = 0
        var masked = false
        while index < bytes.count {
            guard bytes[index] >= 0x30 && bytes[index] <= 0x39 else {
                index += 1
                continue
            }
            var end = index
            while end < bytes.count && bytes[end] >= 0x30 && bytes[end] <= 0x39 { end += 1 }
            if end - index >= 12 {
                for position in (index + 6)..<(end - 4) { bytes[position] = UInt8(ascii: "*") }
                masked = true
            }
            index = end
        }
        return masked ? String(decoding: bytes, as: UTF8.self) : text
    }

    /// `FILE:LINE: REASON`.
    public var description: String { "\(file):\(line): \(reason)" }
}
