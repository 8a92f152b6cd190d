/// A rule condition compiled to a flat stack program over the feature vector: no strings,
/// dictionaries or references are touched while it runs.
struct CompiledCondition: Sendable {
    enum Opcode: UInt8, Sendable {
        case feature, constant, add, subtract, multiply, divide, negate, not
        case less, lessOrEqual, greater, greaterOrEqual, equal, notEqual, and, or, member
    }

    struct Instruction: Sendable {
        var opcode: Opcode
        /// Feature index for `.feature`; set index for `.member`.
        var operand: Int32
        /// The literal for `.constant`.
        var value: Double
    }

    /// The deepest evaluation stack a condition may need.
    static let maximumDepth = 16

    let program: [Instruction]
    let sets: [[Double]]
    /// The feature and threshold a reason cites: the first comparison of a feature with a
    /// number, else the first feature mentioned.
    let primaryFeature: Feature?
    let primaryThreshold: Double
    /// The condition as an `or` of plain conjunctions of clauses, when it is one (the fast form).
    let alternatives: [[Clause]]?

    init(_ expression: Expression) throws(ExpressionError) {
        alternatives = Clause.disjunction(expression)
        var program: [Instruction] = []
        var sets: [[Double]] = []
        var depth = 0, maximum = 0
        func emit(_ opcode: Opcode, operand: Int32 = 0, value: Double = 0, stackChange: Int) {
            program.append(Instruction(opcode: opcode, operand: operand, value: value))
            depth += stackChange
            maximum = max(maximum, depth)
        }
        func compile(_ node: Expression) {
            switch node {
            case .number(let value):
                emit(.constant, value: value, stackChange: 1)
            case .feature(let feature):
                emit(.feature, operand: Int32(feature.rawValue), stackChange: 1)
            case .unary(let op, let operand):
                compile(operand)
                emit(op == .negate ? .negate : .not, stackChange: 0)
            case .member(let operand, let values):
                compile(operand)
                sets.append(values)
                emit(.member, operand: Int32(sets.count - 1), stackChange: 0)
            case .binary(let op, let left, let right):
                compile(left)
                compile(right)
                let opcode: Opcode = switch op {
                case .add: .add
                case .subtract: .subtract
                case .multiply: .multiply
                case .divide: .divide
                case .less: .less
                case .lessOrEqual: .lessOrEqual
                case .greater: .greater
                case .greaterOrEqual: .greaterOrEqual
                case .equal: .equal
                case .notEqual: .notEqual
                case .and: .and
                case .or: .or
                }
                emit(opcode, stackChange: -1)
            }
        }
        compile(expression)
        guard maximum <= Self.maximumDepth else {
            throw ExpressionError(offset: 0, message: "condition nests deeper than \(Self.maximumDepth) levels")
        }
        self.program = program
        self.sets = sets
        (primaryFeature, primaryThreshold) = Self.primaryComparison(in: expression) ?? (Self.firstFeature(in: expression), .nan)
    }

    private static func primaryComparison(in node: Expression) -> (Feature, Double)? {
        switch node {
        case .binary(let op, let left, let right):
            switch op {
            case .less, .lessOrEqual, .greater, .greaterOrEqual, .equal, .notEqual:
                if case .feature(let feature) = left, case .number(let value) = right { return (feature, value) }
                if case .number(let value) = left, case .feature(let feature) = right { return (feature, value) }
                return nil
            case .and, .or:
                return primaryComparison(in: left) ?? primaryComparison(in: right)
            default:
                return nil
            }
        case .unary(_, let operand):
            return primaryComparison(in: operand)
        default:
            return nil
        }
    }

    private static func firstFeature(in node: Expression) -> Feature? {
        switch node {
        case .feature(let feature): feature
        case .number: nil
        case .unary(_, let operand), .member(let operand, _): firstFeature(in: operand)
        case .binary(_, let left, let right): firstFeature(in: left) ?? firstFeature(in: right)
        }
    }

    /// Evaluates the condition: true when the program leaves a non-zero value.
    @inline(__always)
    func matches(_ features: UnsafePointer<Double>) -> Bool {
        withUnsafeTemporaryAllocation(of: Double.self, capacity: Self.maximumDepth) { stack in
        var top = -1
        program.withUnsafeBufferPointer { program in
        for instruction in program {
            switch instruction.opcode {
            case .feature:
                top += 1
                stack[top] = features[Int(instruction.operand)]
            case .constant:
                top += 1
                stack[top] = instruction.value
            case .negate:
                stack[top] = -stack[top]
            case .not:
                stack[top] = stack[top] == 0 ? 1 : 0
            case .member:
                stack[top] = sets[Int(instruction.operand)].contains(stack[top]) ? 1 : 0
            default:
                let right = stack[top]
                top -= 1
                let left = stack[top]
                stack[top] = Self.apply(instruction.opcode, left, right)
            }
        }
        }
        return stack[0] != 0
        }
    }

    @inline(__always)
    private static func apply(_ opcode: Opcode, _ left: Double, _ right: Double) -> Double {
        switch opcode {
        case .add: left + right
        case .subtract: left - right
        case .multiply: left * right
        case .divide: right == 0 ? 0 : left / right
        case .less: left < right ? 1 : 0
        case .lessOrEqual: left <= right ? 1 : 0
        case .greater: left > right ? 1 : 0
        case .greaterOrEqual: left >= right ? 1 : 0
        case .equal: left == right ? 1 : 0
        case .notEqual: left != right ? 1 : 0
        case .and: (left != 0 && right != 0) ? 1 : 0
        case .or: (left != 0 || right != 0) ? 1 : 0
        default: .nan
        }
    }
}
