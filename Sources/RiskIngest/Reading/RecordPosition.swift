/// Where a record came from: the index of its input file and its line number (1-based, counting
/// every line of the file, header and blank lines included).
public struct RecordPosition: Sendable, Hashable {
    /// Index of the input in the list of inputs.
    public var fileIndex: Int
    /// Line number within that input, from 1.
    public var line: Int

    /// Creates a position.
    public init(fileIndex: Int, line: Int) {
        self.fileIndex = fileIndex
        self.line = line
    }
}
