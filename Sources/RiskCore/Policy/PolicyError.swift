/// Why a policy failed to load, with the place in the file.
public struct PolicyError: Error, CustomStringConvertible, Sendable {
    /// The policy file (or "<string>").
    public var file: String
    /// The rule the error is in, or "" for the policy's other sections.
    public var rule: String
    /// 1-based line, 0 when unknown.
    public var line: Int
    /// 1-based column, 0 when unknown.
    public var column: Int
    /// What is wrong.
    public var message: String

    /// Creates an error.
    public init(file: String, rule: String = "", line: Int = 0, column: Int = 0, message: String) {
        self.file = file
        self.rule = rule
        self.line = line
        self.column = column
        self.message = message
    }

    /// `file:line:column: rule 'name': message`.
    public var description: String {
        var text = file
        if line > 0 { text += ":\(line):\(column)" }
        text += ": "
        if !rule.isEmpty { text += "rule '\(rule)': " }
        return text + message
    }
}

/// An expression error at a character offset within the expression text.
struct ExpressionError: Error {
    var offset: Int
    var message: String
}
