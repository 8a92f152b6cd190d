/// An input that cannot be read at all (as opposed to a single bad line): a CSV header that does
/// not fit the column mapping, or a bad option value.
public struct InputError: Error, Sendable, CustomStringConvertible {
    /// The file (or option) concerned.
    public var file: String
    /// What is wrong.
    public var message: String

    /// Creates an error.
    public init(file: String, message: String) {
        self.file = file
        self.message = message
    }

    /// `file: message`.
    public var description: String { "\(file): \(message)" }
}
