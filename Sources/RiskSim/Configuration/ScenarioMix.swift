/// How often each fraud scenario is injected: for each ``Scenario``, the expected number of
/// incidents per million generated transactions.
///
/// An incident is one run of a scenario (one card-testing burst, one stolen-card spree, …) and
/// produces several transactions, so the fraud share of the traffic is the sum over scenarios of
/// rate × transactions per incident (about 1% with ``standard``). The number of incidents on each
/// day is drawn from a Poisson distribution with mean rate × that day's transactions / 10^6.
public struct ScenarioMix: Sendable, Hashable {
    private var rates: [Double]

    /// A mix with every rate set to `rate`.
    public init(uniformRate rate: Double = 0) {
        rates = [Double](repeating: rate, count: Scenario.allCases.count)
    }

    /// A mix from explicit rates; scenarios not named get rate 0.
    public init(_ incidentsPerMillion: [Scenario: Double]) {
        self.init(uniformRate: 0)
        for (scenario, rate) in incidentsPerMillion { self[scenario] = rate }
    }

    /// The expected incidents of `scenario` per million transactions.
    public subscript(scenario: Scenario) -> Double {
        get { rates[Int(scenario.rawValue) - 1] }
        set {
            precondition(newValue >= 0 && newValue.isFinite, "scenario rates must be finite and non-negative")
            rates[Int(scenario.rawValue) - 1] = newValue
        }
    }

    /// The same mix with every rate multiplied by `factor`.
    public func scaled(by factor: Double) -> ScenarioMix {
        var copy = self
        for scenario in Scenario.allCases { copy[scenario] = self[scenario] * factor }
        return copy
    }

    /// The default mix: about 1% of transactions are fraud, every scenario present.
    public static let standard = ScenarioMix([
        .rapidRetries: 150,
        .cardTesting: 40,
        .binAttack: 25,
        .compromisedTerminal: 30,
        .stolenCardSpree: 100,
        .fallbackFraud: 250,
        .manualEntryFraud: 250,
        .retryAfterNeverRetry: 150,
        .unusualHour: 300,
    ])

    /// No fraud at all: genuine traffic only (ordinary declines and outages still occur).
    public static let genuineOnly = ScenarioMix(uniformRate: 0)
}
