/// Newline-terminated lines in one contiguous byte buffer, with the range of each line
/// (terminator excluded) found once up front.
public struct LineBuffer: Sendable {
    /// All bytes, newlines included.
    public let bytes: [UInt8]
    /// The byte range of each line, without its newline; empty lines are left out.
    public let lines: [Range<Int>]

    /// Indexes the lines of `bytes`; a last line without a newline still counts.
    public init(bytes: [UInt8]) {
        self.bytes = bytes
        var lines: [Range<Int>] = []
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            if index > start { lines.append(start..<index) }
            start = index + 1
        }
        if start < bytes.count { lines.append(start..<bytes.count) }
        self.lines = lines
    }

    /// The average size of a line in bytes, counting its newline.
    public var averageLineBytes: Double {
        lines.isEmpty ? 0 : Double(bytes.count) / Double(lines.count)
    }
}
