/// A line that could not be read as a record: where it is and why. The line itself is not kept
/// (it may hold a card number).
public struct RecordRejection: Sendable, CustomStringConvertible {
    /// The input file.
    public var file: String
    /// 1-based line number.
    public var line: Int
    /// What is wrong.
    public var reason: String

    /// Creates a rejection.
    public init(file: String, line: Int, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    /// `file:line: reason`.
    public var description: String { "\(file):\(line): \(reason)" }
}
