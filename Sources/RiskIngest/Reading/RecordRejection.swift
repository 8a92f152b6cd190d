/// A line that could not be read as a record: where it is and why. The raw line is never kept
/// (it may hold a card number).
public struct RecordRejection: Sendable, Hashable, CustomStringConvertible {
    /// The input's name as given (`-` for standard input).
    public var file: String
    /// The line number, from 1.
    public var line: Int
    /// What is wrong, e.g. `missing field "card"`.
    public var reason: String

    /// Creates a rejection.
    public init(file: String, line: Int, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    /// `FILE:LINE: REASON`.
    public var description: String { "\(file):\(line): \(reason)" }
}
