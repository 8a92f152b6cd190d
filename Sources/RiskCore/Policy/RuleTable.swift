/// A rule condition in its fast form: a conjunction of `feature <op> constant` clauses.
///
/// Every comparison is stored as an interval test, `lo <= value <= hi`, optionally negated, so
/// that evaluating a clause is two comparisons and no branch on the operator: `x < c` is
/// `x <= c.nextDown`, `x > c` is `x >= c.nextUp`, `x == c` is `[c, c]` and `x != c` its
/// negation. A NaN value fails every interval, so it fails `<`, `<=`, `>`, `>=`, `==` and passes
/// `!=`, exactly as the plain comparisons do.
struct Clause {
    enum Comparison: UInt8 { case less, lessOrEqual, greater, greaterOrEqual, equal, notEqual }
    var feature: Int32
    var negated: Bool
    var lower: Double
    var upper: Double

    init(feature: Int32, comparison: Comparison, constant c: Double) {
        self.feature = feature
        negated = comparison == .notEqual
        let empty = (lower: Double.infinity, upper: -Double.infinity)
        switch comparison {
        case .less: (lower, upper) = c == -.infinity ? empty : (-.infinity, c.nextDown)
        case .lessOrEqual: (lower, upper) = (-.infinity, c)
        case .greater: (lower, upper) = c == .infinity ? empty : (c.nextUp, .infinity)
        case .greaterOrEqual: (lower, upper) = (c, .infinity)
        case .equal, .notEqual: (lower, upper) = c.isNaN ? empty : (c, c)
        }
    }

    @inline(__always)
    func holds(_ features: UnsafePointer<Double>) -> Bool {
        let value = features[Int(feature)]
        let inside = (lower <= value ? 1 : 0) & (value <= upper ? 1 : 0)
        return (inside != 0) != negated
    }

    /// The clause groups of `expression` when it is an `or` of conjunctions (see
    /// ``conjunction(_:)``): it holds when every clause of some group holds; nil otherwise.
    static func disjunction(_ expression: Expression) -> [[Clause]]? {
        if case .binary(.or, let left, let right) = expression {
            guard let left = disjunction(left), let right = disjunction(right) else { return nil }
            return left + right
        }
        return conjunction(expression).map { [$0] }
    }

    /// The clauses of `expression` when it is an `and` of comparisons between a feature and a
    /// number, of bare features (true when non-zero) and of `not feature`; nil otherwise.
    static func conjunction(_ expression: Expression) -> [Clause]? {
        switch expression {
        case .binary(.and, let left, let right):
            guard let left = conjunction(left), let right = conjunction(right) else { return nil }
            return left + right
        case .feature(let feature):
            return [Clause(feature: Int32(feature.rawValue), comparison: .notEqual, constant: 0)]
        case .unary(.not, .feature(let feature)):
            return [Clause(feature: Int32(feature.rawValue), comparison: .equal, constant: 0)]
        case .binary(let op, .feature(let feature), .number(let value)):
            return comparison(op).map { [Clause(feature: Int32(feature.rawValue), comparison: $0, constant: value)] }
        case .binary(let op, .number(let value), .feature(let feature)):
            return comparison(op).map { [Clause(feature: Int32(feature.rawValue), comparison: mirrored($0), constant: value)] }
        default:
            return nil
        }
    }

    private static func comparison(_ op: Expression.BinaryOperator) -> Comparison? {
        switch op {
        case .less: .less
        case .lessOrEqual: .lessOrEqual
        case .greater: .greater
        case .greaterOrEqual: .greaterOrEqual
        case .equal: .equal
        case .notEqual: .notEqual
        default: nil
        }
    }

    /// `c < x` is `x > c`.
    private static func mirrored(_ comparison: Comparison) -> Comparison {
        switch comparison {
        case .less: .greater
        case .lessOrEqual: .greaterOrEqual
        case .greater: .less
        case .greaterOrEqual: .lessOrEqual
        case .equal, .notEqual: comparison
        }
    }
}

/// The rules of a policy laid out for evaluation: fixed-size entries, clause groups and clauses
/// in buffers the table owns, so that evaluating touches no reference counts. A rule holds when
/// every clause of one of its groups holds. Rules whose condition is not an `or` of plain
/// conjunctions run their ``CompiledCondition`` program instead.
final class RuleTable: @unchecked Sendable {
    struct Entry {
        var firstGroup: Int32
        /// Number of clause groups, or -1 when the rule runs its program.
        var groupCount: Int32
        var points: Double
        /// `Action.rawValue`, or -1 for a rule that only adds points.
        var action: Int8
    }

    // Immutable after init; the buffers are freed in deinit.
    let entries: UnsafeMutableBufferPointer<Entry>
    /// (first clause, clause count) of each group.
    private let groups: UnsafeMutableBufferPointer<(Int32, Int32)>
    private let clauses: UnsafeMutableBufferPointer<Clause>
    /// Per rule, a clause every match satisfies: the first clause of a rule with one group, a
    /// clause that always holds otherwise.
    private let screens: UnsafeMutableBufferPointer<Clause>
    private let programs: [CompiledCondition]
    let templates: [ReasonTemplate]

    init(_ rules: [CompiledRule]) {
        var allClauses: [Clause] = []
        var groupList: [(Int32, Int32)] = []
        var entryList: [Entry] = []
        for rule in rules {
            let firstGroup = Int32(groupList.count)
            let alternatives = rule.condition.alternatives
            for group in alternatives ?? [] {
                groupList.append((Int32(allClauses.count), Int32(group.count)))
                allClauses += group
            }
            entryList.append(Entry(firstGroup: firstGroup, groupCount: alternatives.map { Int32($0.count) } ?? -1,
                                   points: rule.points, action: rule.action.map { Int8($0.rawValue) } ?? -1))
        }
        entries = .allocate(capacity: max(entryList.count, 1))
        _ = entries.initialize(from: entryList)
        groups = .allocate(capacity: max(groupList.count, 1))
        _ = groups.initialize(from: groupList)
        clauses = .allocate(capacity: max(allClauses.count, 1))
        _ = clauses.initialize(from: allClauses)
        let alwaysTrue = Clause(feature: 0, comparison: .notEqual, constant: .nan)
        screens = .allocate(capacity: max(entryList.count, 1))
        _ = screens.initialize(from: entryList.map { entry in
            entry.groupCount == 1 && groupList[Int(entry.firstGroup)].1 > 0 ? allClauses[Int(groupList[Int(entry.firstGroup)].0)] : alwaysTrue
        })
        programs = rules.map(\.condition)
        templates = rules.map(\.template)
    }

    deinit {
        entries.deallocate()
        groups.deallocate()
        clauses.deallocate()
        screens.deallocate()
    }

    var count: Int { programs.count }

    /// Whether rule `index` matches. Its screen clause is tested first, from a contiguous
    /// array: most rules fail it, and then the rule costs one clause and no indirection.
    @inline(__always)
    func matches(_ index: Int, _ features: UnsafePointer<Double>) -> Bool {
        guard screens[index].holds(features) else { return false }
        let entry = entries[index]
        guard entry.groupCount >= 0 else { return programMatches(index, features) }
        var group = Int(entry.firstGroup)
        let lastGroup = group + Int(entry.groupCount)
        groupLoop: while group < lastGroup {
            var clause = Int(groups[group].0)
            let end = clause + Int(groups[group].1)
            group += 1
            while clause < end {
                if !clauses[clause].holds(features) { continue groupLoop }
                clause += 1
            }
            return true
        }
        return false
    }

    /// The slow path, kept out of line so that the clause loop inlines into the caller.
    @inline(never)
    private func programMatches(_ index: Int, _ features: UnsafePointer<Double>) -> Bool {
        programs[index].matches(features)
    }
}
