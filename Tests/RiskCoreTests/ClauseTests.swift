import Testing
@testable import RiskCore

/// Clauses are stored as interval tests; they must agree with the plain comparison for every
/// value, including NaN, signed zeros, infinities and the neighbours of the constant.
@Suite("Rule clauses as intervals")
struct ClauseTests {
    static let constants: [Double] = [0, -0.0, 1, -1, 2.5, 3600, 0.05, 1e300, -1e300, .infinity, -.infinity, .nan,
                                      .leastNonzeroMagnitude, .greatestFiniteMagnitude]

    static func values(around constant: Double) -> [Double] {
        var values: [Double] = [0, -0.0, 1, -1, .nan, .infinity, -.infinity, .greatestFiniteMagnitude, -.greatestFiniteMagnitude]
        if constant.isFinite { values += [constant, constant.nextUp, constant.nextDown, constant + 1, constant - 1] }
        return values
    }

    static func reference(_ comparison: Clause.Comparison, _ value: Double, _ constant: Double) -> Bool {
        switch comparison {
        case .less: value < constant
        case .lessOrEqual: value <= constant
        case .greater: value > constant
        case .greaterOrEqual: value >= constant
        case .equal: value == constant
        case .notEqual: value != constant
        }
    }

    @Test("agrees with the comparison", arguments: [Clause.Comparison.less, .lessOrEqual, .greater, .greaterOrEqual, .equal, .notEqual])
    func agrees(comparison: Clause.Comparison) {
        for constant in Self.constants {
            let clause = Clause(feature: 0, comparison: comparison, constant: constant)
            for value in Self.values(around: constant) {
                let holds = withUnsafePointer(to: value) { clause.holds($0) }
                #expect(holds == Self.reference(comparison, value, constant), "\(value) \(comparison) \(constant)")
            }
        }
    }
}
