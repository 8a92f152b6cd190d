/// A `scenario=rate` assignment that could not be applied to a ``ScenarioMix``.
public struct ScenarioMixError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, naming the assignment.
    public let description: String

    /// Creates an error with its message.
    public init(_ description: String) {
        self.description = description
    }
}

extension ScenarioMix {
    /// Applies command-line assignments such as `card_testing=80` or `all=0`, in order.
    ///
    /// Each assignment is `NAME=RATE`: `NAME` is a scenario's schema name (``Scenario/name``)
    /// or `all` (every scenario), and `RATE` a finite, non-negative number of incidents per
    /// million transactions. Later assignments override earlier ones, so
    /// `["all=0", "bin_attack=50"]` keeps only BIN attacks.
    ///
    /// - Parameter assignments: The `NAME=RATE` texts.
    /// - Throws: ``ScenarioMixError`` naming the first assignment that has no `=`, an unknown
    ///   scenario, or a rate that is not a finite non-negative number. The mix is unchanged then.
    public mutating func apply(_ assignments: [String]) throws(ScenarioMixError) {
        var result = self
        for assignment in assignments {
            guard let equals = assignment.firstIndex(of: "=") else {
                throw ScenarioMixError("invalid mix \"\(assignment)\": expected scenario=rate")
            }
            let name = String(assignment[..<equals])
            let rateText = String(assignment[assignment.index(after: equals)...])
            guard let rate = Double(rateText), rate.isFinite, rate >= 0 else {
                throw ScenarioMixError("invalid rate \"\(rateText)\" in mix \"\(assignment)\": expected a non-negative number of incidents per million transactions")
            }
            if name == "all" {
                for scenario in Scenario.allCases { result[scenario] = rate }
            } else if let scenario = Scenario(name: name) {
                result[scenario] = rate
            } else {
                let known = Scenario.allCases.map(\.name).joined(separator: ", ")
                throw ScenarioMixError("unknown scenario \"\(name)\" in mix \"\(assignment)\" (known: all, \(known))")
            }
        }
        self = result
    }
}
