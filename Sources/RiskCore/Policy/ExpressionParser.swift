/// The syntax tree of a rule condition (built only while a policy loads).
indirect enum Expression {
    case number(Double)
    case feature(Feature)
    case unary(UnaryOperator, Expression)
    case binary(BinaryOperator, Expression, Expression)
    case member(Expression, [Double])

    enum UnaryOperator { case negate, not }
    enum BinaryOperator { case add, subtract, multiply, divide, less, lessOrEqual, greater, greaterOrEqual, equal, notEqual, and, or }
}

/// Parses rule conditions such as `card.declines_10m >= 3 and card.attempts_1m >= 2`.
///
/// Grammar (lowest precedence first):
/// ```
/// or      := and (("or" | "||") and)*
/// and     := not (("and" | "&&") not)*
/// not     := ("not" | "!") not | compare
/// compare := sum (("<" | "<=" | ">" | ">=" | "==" | "!=") sum | "in" "[" number ("," number)* "]")?
/// sum     := product (("+" | "-") product)*
/// product := unary (("*" | "/") unary)*
/// unary   := "-" unary | number | "true" | "false" | feature | "(" or ")"
/// ```
/// Booleans are 1 and 0; a feature is named as in ``FeatureSchema/names``.
struct ExpressionParser {
    private let bytes: [UInt8]
    private var position = 0

    init(_ text: String) { bytes = Array(text.utf8) }

    static func parse(_ text: String) throws(ExpressionError) -> Expression {
        var parser = ExpressionParser(text)
        let expression = try parser.parseOr()
        parser.skipSpace()
        if parser.position < parser.bytes.count {
            throw ExpressionError(offset: parser.position, message: "unexpected '\(parser.word())'")
        }
        return expression
    }

    private mutating func skipSpace() {
        while position < bytes.count, bytes[position] == 0x20 || bytes[position] == 0x09 || bytes[position] == 0x0A || bytes[position] == 0x0D {
            position += 1
        }
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F || byte == 0x2E
    }

    /// The word or symbol at the current position, for messages.
    private func word() -> String {
        var end = position
        while end < bytes.count, Self.isWordByte(bytes[end]) { end += 1 }
        if end == position { end = min(position + 1, bytes.count) }
        return String(decoding: bytes[position..<end], as: UTF8.self)
    }

    /// Consumes `symbol` (an operator or a keyword) if it is next.
    private mutating func accept(_ symbol: String) -> Bool {
        skipSpace()
        let symbolBytes = Array(symbol.utf8)
        guard position + symbolBytes.count <= bytes.count,
              Array(bytes[position..<position + symbolBytes.count]) == symbolBytes else { return false }
        let end = position + symbolBytes.count
        if Self.isWordByte(symbolBytes[0]) {
            if end < bytes.count, Self.isWordByte(bytes[end]) { return false }
        } else if symbolBytes.count == 1, end < bytes.count, bytes[end] == 0x3D, "<>=!".utf8.contains(symbolBytes[0]) {
            return false
        }
        position = end
        return true
    }

    private mutating func parseOr() throws(ExpressionError) -> Expression {
        var left = try parseAnd()
        while accept("or") || accept("||") { left = .binary(.or, left, try parseAnd()) }
        return left
    }

    private mutating func parseAnd() throws(ExpressionError) -> Expression {
        var left = try parseNot()
        while accept("and") || accept("&&") { left = .binary(.and, left, try parseNot()) }
        return left
    }

    private mutating func parseNot() throws(ExpressionError) -> Expression {
        if accept("not") || accept("!") { return .unary(.not, try parseNot()) }
        return try parseComparison()
    }

    private mutating func parseComparison() throws(ExpressionError) -> Expression {
        let left = try parseSum()
        let operators: [(String, Expression.BinaryOperator)] = [
            ("<=", .lessOrEqual), (">=", .greaterOrEqual), ("==", .equal), ("!=", .notEqual), ("<", .less), (">", .greater),
        ]
        for (symbol, op) in operators where accept(symbol) {
            return .binary(op, left, try parseSum())
        }
        if accept("in") {
            guard accept("[") else { throw ExpressionError(offset: position, message: "expected '[' after 'in'") }
            var values: [Double] = []
            repeat {
                skipSpace()
                let start = position
                guard case .number(let value) = try parseUnary() else {
                    throw ExpressionError(offset: start, message: "a list after 'in' holds numbers only")
                }
                values.append(value)
            } while accept(",")
            guard accept("]") else { throw ExpressionError(offset: position, message: "expected ']' to close the list") }
            return .member(left, values.sorted())
        }
        return left
    }

    private mutating func parseSum() throws(ExpressionError) -> Expression {
        var left = try parseProduct()
        while true {
            if accept("+") { left = .binary(.add, left, try parseProduct()) }
            else if accept("-") { left = .binary(.subtract, left, try parseProduct()) }
            else { return left }
        }
    }

    private mutating func parseProduct() throws(ExpressionError) -> Expression {
        var left = try parseUnary()
        while true {
            if accept("*") { left = .binary(.multiply, left, try parseUnary()) }
            else if accept("/") { left = .binary(.divide, left, try parseUnary()) }
            else { return left }
        }
    }

    private mutating func parseUnary() throws(ExpressionError) -> Expression {
        if accept("-") {
            let operand = try parseUnary()
            if case .number(let value) = operand { return .number(-value) }
            return .unary(.negate, operand)
        }
        if accept("(") {
            let inner = try parseOr()
            guard accept(")") else { throw ExpressionError(offset: position, message: "expected ')'") }
            return inner
        }
        if accept("true") { return .number(1) }
        if accept("false") { return .number(0) }
        skipSpace()
        guard position < bytes.count else { throw ExpressionError(offset: position, message: "unexpected end of condition") }
        let start = position
        let first = bytes[position]
        if (first >= 0x30 && first <= 0x39) || first == 0x2E {
            var text = ""
            while position < bytes.count, Self.isWordByte(bytes[position]) {
                if bytes[position] != 0x5F { text.append(Character(UnicodeScalar(bytes[position]))) }
                position += 1
            }
            guard let value = Double(text) else { throw ExpressionError(offset: start, message: "invalid number '\(text)'") }
            return .number(value)
        }
        guard Self.isWordByte(first) else { throw ExpressionError(offset: start, message: "unexpected '\(word())'") }
        let name = word()
        position += name.utf8.count
        guard let feature = FeatureSchema.feature(named: name) else {
            throw ExpressionError(offset: start, message: "unknown feature '\(name)'")
        }
        return .feature(feature)
    }
}
